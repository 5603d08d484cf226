"""Editorial corrections: applied to the raw lines in memory, listed in the cleaning report, and
shown in the reading text as critical editions do (a mark; the source's reading on hover or tap)."""
import pytest

from conftest import SLUGS

# (text, raw line, what the source prints, what the edition reads, the page it is on)
CORRECTED = [
    ("004", 1408, "Dile m ma", "Dilemma", "texts/taiwan-strait-alliances/index.md"),
    ("003", 90, "並 g 加強", "並加強", "texts/mofa-2010-policy-goals/index.md"),
]


@pytest.mark.parametrize("prefix, no, source, reading, page", CORRECTED)
def test_a_correction_is_marked_in_the_reading_text(texts, files, prefix, no, source, reading, page):
    [unit] = [u for u in texts[prefix].blocks + texts[prefix].notes if no in u.lines]
    assert reading in unit.text and source not in unit.text
    [(start, end, printed)] = unit.marks
    assert (unit.text[start:end], printed) == (reading, source)
    mark = f'<span class="correction" tabindex="0" title="原文作「{source}」">{reading}</span>'
    assert mark in files[page]
    assert source in files[f"texts/{SLUGS[prefix]}/report.md"]


def test_the_table_cell_is_clean_text(texts, files):
    """003's plans table: the editor's cell reads NGO (the raw lines print 「國際 N GO」)."""
    table = files["texts/mofa-2010-policy-goals/index.md"]
    assert "參與國際 NGO 之國內重要 NGO" in table and "N GO" not in table


def test_every_url_in_a_note_is_a_link(files):
    page = files["texts/second-track-diplomacy/index.md"]
    for address in ("http://www.mofa.gov.tw/tien/speech000601.htm", "http://www.dsis.org.tw/pubs/magz/1st/per1.htm",
                    "http://www.npf.org.tw/PUBLICATION/CL/091/CL-R-091-052.htm"):
        assert f'<a class="url" href="{address}">' in page
    import re
    for path, content in files.items():
        for note in re.findall(r"^\[\^\w+\]: .*$", content, re.M):
            shown = re.sub(r"<[^>]+>", "", note)        # the note as read: every address in it is a link's text
            assert len(re.findall(r"https?://|(?<!/)www\.", shown)) == note.count('<a class="url" href="'), (path, note)


def test_the_source_reading_shows_on_hover_and_on_tap(served, browser):
    """In Chromium, at desktop and phone width: the mark is there (the small 校), and hovering or
    tapping the corrected word shows the source's reading in a tooltip."""
    for width, height, touch in ((1280, 900, False), (375, 740, True)):
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=touch)
        tab = context.new_page()
        errors = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(served + "texts/taiwan-strait-alliances/")
        mark = tab.locator("span.correction").first
        mark.scroll_into_view_if_needed()
        assert mark.inner_text() == "Dilemma"
        assert tab.evaluate("e => getComputedStyle(e, '::after').content", mark.element_handle()) == '"校"'
        if touch:
            mark.tap()
        else:
            mark.hover()
        # the corrected word stands in a linked citation title, whose tooltip shows beside its own
        tooltip = tab.locator(".md-tooltip2--active").filter(has_text="原文作")
        tooltip.wait_for(state="visible", timeout=3000)
        assert tooltip.inner_text().strip() == "原文作「Dile m ma」"
        assert errors == []
        context.close()
