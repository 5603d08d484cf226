"""The 引用 dialog in Chromium on a phone: opened from a paragraph's button and from a printed
page's, it shows that place's citation, and its copy button copies the BibTeX.
READER_SHOTS=/tmp/shots saves screenshots of the dialog and of the page with paragraph numbers."""
from __future__ import annotations

import os
from pathlib import Path

import bibtexparser
import pytest

SHOTS = os.environ.get("READER_SHOTS")
PAGE = "texts/taiwan-strait-alliances/"


def shot(tab, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def test_a_citation_opens_and_copies_at_phone_width(browser, served):
    context = browser.new_context(viewport={"width": 375, "height": 740}, permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        tab.goto(served + PAGE + "#sec-6-1-p8")
        button = tab.locator('[id="sec-6-1-p8"] > .cite-button[data-cite="sec-6-1-p8"]')
        assert button.get_attribute("aria-label") == "引用此段"
        button.click()
        dialog = tab.locator("#cite-dialog")
        dialog.wait_for(state="visible")
        assert dialog.locator(".cite-dialog__path").inner_text() == "第一節〈同盟理論檢驗美日台的關係〉第 8 段"
        assert "版本" in dialog.locator(".cite-dialog__links").inner_text()
        assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth")
        box = dialog.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
        shot(tab, "cite-dialog-phone")
        dialog.locator(".cite-format--bibtex .cite-copy").click()
        tab.wait_for_function("document.querySelector('.cite-format--bibtex .cite-copy').textContent === '已複製'")
        copied = tab.evaluate("navigator.clipboard.readText()")
        [entry] = bibtexparser.parse_string(copied).entries
        assert entry.key == "taiwan-strait-alliances-sec-6-1-p8" and entry.fields_dict["url"].value.endswith(
            PAGE + "#sec-6-1-p8")
        dialog.locator(".cite-dialog__close").click()
        assert dialog.is_hidden()
        tab.locator('.cite-button[data-cite="page-151"]').click()
        dialog.wait_for(state="visible")
        assert dialog.locator(".cite-dialog__path").inner_text() == "原書頁 151"
        dialog.locator(".cite-dialog__close").click()
        # the milestone is shown discreetly, and the paragraph numbers come with the reader's toggle
        assert tab.locator('[id="page-151"]').evaluate("e => getComputedStyle(e, '::before').content").startswith('"〔原書頁 151〕"')
        tab.locator(".para-toggle").click()
        assert tab.evaluate("document.documentElement.classList.contains('show-para-numbers')")
        number = tab.locator('[id="sec-6-1-p8"]').evaluate("p => getComputedStyle(p, '::after').content")
        assert number.startswith('"8"'), number
        tab.locator('[id="page-151"]').scroll_into_view_if_needed()
        shot(tab, "page-with-paragraph-numbers-phone")
        tab.locator(".para-toggle").click()                                  # off again: printing shows them anyway
        tab.emulate_media(media="print")
        assert tab.locator('[id="sec-6-1-p8"]').evaluate("p => getComputedStyle(p, '::after').content").startswith('"8"')
        assert tab.locator(".cite-button").first.is_hidden()
        assert errors == []
    finally:
        context.close()


NUMBERS_OUT_OF_PLACE = """() => [...document.querySelectorAll('.md-content p[data-para]')].map(p => {
    const box = p.getBoundingClientRect(), number = getComputedStyle(p, '::after');
    const left = box.left + parseFloat(number.left), right = left + parseFloat(number.width);
    const text = box.left + parseFloat(getComputedStyle(p).paddingLeft);
    return [p.id, Math.round(left), Math.round(right), Math.round(text)];
}).filter(([id, left, right, text]) => left < 0 || right > text + 1)"""


@pytest.mark.parametrize("width", [375, 800, 1280])
def test_paragraph_numbers_stand_on_the_screen_beside_the_text(browser, served, width):
    """The reader's toggle shows every paragraph's number inside the window, left of its text and
    clear of it: in the margin beside the sidebar on a desktop, in a gutter of the paragraph on a
    phone or tablet (where the margin is too narrow for it)."""
    context = browser.new_context(viewport={"width": width, "height": 740})
    tab = context.new_page()
    try:
        tab.goto(served + PAGE)
        tab.locator(".para-toggle").click()
        assert tab.evaluate("document.querySelectorAll('.md-content p[data-para]').length") > 50
        assert tab.evaluate(NUMBERS_OUT_OF_PLACE) == []
        assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth")
        tab.locator(".para-toggle").click()                 # hidden again: the text has its full width
        assert tab.locator('[id="sec-6-1-p8"]').evaluate("p => getComputedStyle(p).paddingLeft") == "0px"
    finally:
        context.close()


# The English citation of a place gives its numbering as an English reader's style does (chapters
# and sections named, the levels below dotted) with the original's labels after it as printed, and
# the titles in the original's script, quoted.
ENGLISH = [
    ("texts/second-track-diplomacy/", "sec-2-2-3-p1",
     "Global Governance and Taiwan's Second Track Diplomacy, sec. 2.2.3 (貳、二、（三）), “公民社會（civil society）的力量”, para. 1, ed."),
    ("texts/china-multilateralism-six-party-talks/ch-4/", "sec-4",
     "Northeast Asian Multilateral Security, ch. 4 (第肆章), “中共推動「六方會談」之角色與功能”, ed."),
    ("texts/china-multilateralism-six-party-talks/ch-4/", "fn:5",
     "Security, ch. 4 (第肆章), “中共推動「六方會談」之角色與功能”, n. 5, ed."),
    ("texts/china-multilateralism-six-party-talks/ch-2/", "sec-2-1-3",
     "ch. 2, sec. 1.3 (第貳章第一節三、), “國際多邊安全機制之歷史發展”, ed."),
    ("texts/mofa-2010-policy-goals/", "sec-1-1-p1",
     "sec. 1.1 (壹、一、), “落實活路外交，鞏固與邦交國關係：”, item 1 (（一）), para. 1, ed."),
    ("texts/financial-crisis-world-order/", "tab-1",
     "sec. 2 (貳、), “當前金融危機對國際體系之影響”, table 1 (表一), “G. John Ikenberry之自由國際秩序分類比較”, ed."),
    ("texts/financial-crisis-world-order/", "top",
     "The Six-Party Talks as a Case, ed. The editors"),                  # the whole text: its title once
]


def test_the_english_citation_names_the_place_in_english_with_the_labels_as_printed(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    try:
        for page, anchor, expected in ENGLISH:
            tab.goto(served + page)
            tab.locator(f'.cite-button[data-cite="{anchor}"]').click()
            dialog = tab.locator("#cite-dialog")
            dialog.wait_for(state="visible")
            english = dialog.locator(".cite-format--en .cite-format__text").inner_text()
            assert expected in english, (anchor, english)
            assert "Original: journal article, 2011 or later;" in english or "2011" not in english
            dialog.locator(".cite-dialog__close").click()
    finally:
        context.close()


def test_no_english_citation_mixes_chinese_into_its_prose(site):
    """Outside quoted titles, the original's labels in parentheses and a named author, every English
    citation of every place is in English: no 「第壹章」, 「註」, 「年」 in the prose."""
    import json
    import re

    han = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
    checked = 0
    for cite_file in sorted((site / "texts").glob("*/*.cite.json")):
        for anchor, entry in json.loads(cite_file.read_text(encoding="utf-8")).items():
            prose = re.sub(r"\([^()]*\)", "", re.sub(r"“[^”]*”", "", entry["en"]))
            author = entry["csl"].get("author", [{}])[0].get("literal", "")
            prose = prose.replace(author, "") if author else prose
            assert not han.search(prose), (cite_file.name, anchor, entry["en"])
            checked += 1
    assert checked > 1000


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast of two computed colours (rgb()/rgba(); the foreground's alpha over the background)."""
    import re

    def channels(colour):
        return [float(v) for v in re.findall(r"[\d.]+", colour)] + [1.0]

    fg, bg = channels(foreground), channels(background)
    mixed = [fg[i] * fg[3] + bg[i] * (1 - fg[3]) for i in range(3)]

    def luminance(rgb):
        linear = [(c / 255 / 12.92) if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(mixed), luminance(bg[:3])), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("width", [375, 1280])
def test_the_cite_buttons_are_legible_and_a_notes_button_ends_its_text(browser, served, width):
    """The 引用 label (drawn as generated text, which axe does not check) has a text's contrast;
    a note's button stands at the end of its text, not on a line of its own; the dialog's headings
    are in Chinese and its English is marked as English."""
    context = browser.new_context(viewport={"width": width, "height": 740})
    tab = context.new_page()
    try:
        tab.goto(served + "texts/china-multilateralism-six-party-talks/ch-2/")
        button = tab.locator('.cite-button[data-cite="sec-2-p1"]')
        colour, opacity = button.evaluate("b => [getComputedStyle(b).color, getComputedStyle(b).opacity]")
        assert opacity == "1" and contrast(colour, "rgb(255, 255, 255)") >= 4.5, (colour, opacity)
        note = tab.locator('[id="fn:4"]')
        assert note.locator(":scope > p:last-of-type > .cite-button").count() == 1
        line = note.evaluate("li => { const p = li.querySelector(':scope > p'); return [li.getBoundingClientRect().height,"
                             " p.getBoundingClientRect().height]; }")
        assert line[0] < line[1] + 2, line                  # the note is no taller than its text
        tab.locator('.cite-button[data-cite="fn:4"]').click()
        dialog = tab.locator("#cite-dialog")
        dialog.wait_for(state="visible")
        assert dialog.locator("h3").all_inner_texts() == ["中文格式", "英文格式", "BibTeX／biblatex", "CSL-JSON"]
        assert dialog.locator(".cite-format--en .cite-format__text").get_attribute("lang") == "en"
        assert "ch. 2 (第貳章), “國際多邊安全機制與中共多邊外交戰略”, n. 4" in dialog.locator(".cite-format--en").inner_text()
        tab.keyboard.press("Escape")
        if width == 375:                                    # the pilcrow permalink, focused, is inside the window
            link = tab.locator('[id="sec-2-p1"] > .para-link')
            link.focus()
            assert link.bounding_box()["x"] >= 0
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_serious_violation_in_the_open_cite_and_search_dialogs(browser, served, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 740})
    tab = context.new_page()
    try:
        tab.goto(served + PAGE)
        tab.locator('.cite-button[data-cite="sec-6-1-p8"]').click()
        tab.locator("#cite-dialog").wait_for(state="visible")
        for opened in ("cite", "search"):
            results = Axe().run(tab)
            serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
            assert serious == [], (opened, results.generate_report())
            tab.keyboard.press("Escape")
            tab.goto(served + PAGE + "?q=安全兩難")
            tab.locator(".edition-search__result").first.wait_for()
    finally:
        context.close()
