"""One page with the whole text: the thesis's chapters combined for printing, a secondary copy."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from build_tools.anchorlock import published, read_lock

THESIS = "china-multilateralism-six-party-talks"
PRINT_MD = f"texts/{THESIS}/print.md"
CHAPTERS = ["abstract", "ch-1", "ch-2", "ch-3", "ch-4", "ch-5", "ch-6"]


VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}


class Texts(HTMLParser):
    """Every id of a page; the text of each paragraph, heading, note and note marker with an id."""

    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.texts: dict[str, str] = {}
        self._open: list[str] = []           # the ids being captured, innermost last
        self._depth: list[int] = []          # the element depth at which each began
        self._level = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self._level += 1
        element_id = dict(attrs).get("id") or ""
        if element_id:
            self.ids.append(element_id)
        if element_id and (tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6") or
                           (tag == "li" and element_id.startswith("fn:")) or
                           (tag == "sup" and element_id.startswith("fnref:"))):
            self._open.append(element_id)
            self._depth.append(self._level)
            self.texts[element_id] = ""

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self._depth and self._depth[-1] == self._level:
            self._open.pop()
            self._depth.pop()
        self._level -= 1

    def handle_data(self, data):
        for element_id in self._open:
            self.texts[element_id] += data

    def notes(self) -> dict[str, str]:
        return {key: text for key, text in self.texts.items() if key.startswith("fn:")}


def plain(note: str) -> str:
    """A note's text without its back-link (placed after the annotations on a chapter page)."""
    return " ".join(note.replace("\u21a9", "").split())


def parsed(path) -> Texts:
    page = Texts()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def whole(site):
    return parsed(site / "texts" / THESIS / "print" / "index.html")


def test_only_the_split_text_gets_a_print_page_and_it_is_kept_out_of_search_and_nav(files, site):
    assert sorted(path for path in files if path.endswith("/print.md")) == [PRINT_MD]
    assert files[PRINT_MD].startswith("---\nsearch:\n  exclude: true\nchapters: ")
    from build_tools.search_index import indexed_pages     # the pages the search covers
    assert not [page for page in indexed_pages(json.loads((site / "anchors.json").read_text(encoding="utf-8")))
                if "/print/" in page]
    assert "print.md" not in (site.parent / "build" / "nav.yml").read_text(encoding="utf-8")


def test_every_text_page_points_to_its_whole_text(files):
    registry = json.loads(files["anchors.json"])
    assert {text["slug"]: text["whole_text"] for text in registry["texts"]} == {
        "second-track-diplomacy": "texts/second-track-diplomacy/",
        "financial-crisis-world-order": "texts/financial-crisis-world-order/",
        THESIS: f"texts/{THESIS}/print/",
        "taiwan-strait-alliances": "texts/taiwan-strait-alliances/",
        "mofa-2010-policy-goals": "texts/mofa-2010-policy-goals/"}
    assert "    **列印**：[全文列印版](print.md)（各章合為一頁，可列印或另存為 PDF）  " in \
        files[f"texts/{THESIS}/index.md"].splitlines()
    assert "    **列印**：本頁即含全文，可直接列印或另存為 PDF（導覽與搜尋不會印出）  " in \
        files["texts/second-track-diplomacy/index.md"].splitlines()


def test_its_anchors_are_not_published_and_the_lock_still_holds(files, texts):
    from build_tools.anchorlock import alias_target
    registry = json.loads(files["anchors.json"])
    addresses = published(registry)
    assert not [a for a in addresses if "/print/" in a]
    lock = read_lock()
    assert {address: lock.get(address) for address in addresses} == addresses
    aliases = {text.edition.slug: text.edition.aliases for text in texts.values()}
    assert all(alias_target(address, aliases) in addresses for address in set(lock) - set(addresses))


def test_it_holds_every_chapter_in_order_with_headings_one_level_down(files, site, whole):
    md = files[PRINT_MD]
    phrase = '<span class="title-phrase">{}</span>'.format      # kept on one line (render_print.title_markup)
    assert md.count("\n# ") == 1 and (f"\n# 中共{phrase('多邊外交')}戰略與{phrase('「六方會談」')}："
                                      f"{phrase('北韓核武危機')}與東北亞多邊安全機制（全文列印版） {{#top}}") in md
    page = (site / "texts" / THESIS / "print" / "index.html").read_text(encoding="utf-8")
    assert page.count("<h1") == 1 and 'class="whole-text-page"' not in page     # every chapter filled in
    starts = [page.index(f'<h2 id="{anchor}">{title}') for anchor, title in
              [("abstract", "摘要"), ("sec-1", "第壹章 緒論"), ("sec-2", "第貳章 國際多邊安全機制與中共多邊外交戰略"),
               ("sec-3", "第參章"), ("sec-4", "第肆章"), ("sec-5", "第伍章"), ("sec-6", "第陸章 結論")]]
    assert starts == sorted(starts)
    assert '<h3 id="sec-2-1">第一節 現有國際多邊安全機制之發展<' in page
    assert '<h4 id="sec-2-1-3">三、國際多邊安全機制之歷史發展<' in page
    assert "anchors renamed since publication" not in page    # the chapters' alias scripts stay on their pages
    assert "/// cite" not in md                               # no cite boxes: cite the canonical pages
    assert len(whole.ids) == len(set(whole.ids)), "duplicate ids on the whole-text page"


def test_it_changes_whenever_a_chapter_does(files, texts):
    """print.md carries a digest of the chapters' Markdown: `make serve` renders it again after an
    edit that changes only a chapter (its placeholders alone would not change)."""
    from build_tools.build import with_whole_text

    text = next(text for text in texts.values() if text.edition.slug == THESIS)
    chapters = {path: files[path] for path in files if path.startswith(f"texts/{THESIS}/ch-")
                and path.endswith(".md")}
    digest = with_whole_text(text, chapters, None)[PRINT_MD].split("\n")[3]
    edited = {**chapters, f"texts/{THESIS}/ch-2.md": chapters[f"texts/{THESIS}/ch-2.md"] + "x"}
    assert digest.startswith("chapters: ") and len(digest) == len("chapters: ") + 16
    assert with_whole_text(text, dict(chapters), None)[PRINT_MD].split("\n")[3] == digest
    assert with_whole_text(text, edited, None)[PRINT_MD].split("\n")[3] != digest


def test_a_missing_chapter_page_is_named():
    from build_tools.whole_text_hook import WholeTextError, filled

    def missing(key):
        raise WholeTextError(f"its chapter page {key} was not built")

    page = '<h2 id="sec-1">第壹章</h2>\n<div class="whole-text-page" data-page="ch-1" data-id="sec-1"></div>'
    with pytest.raises(WholeTextError, match="ch-1 was not built"):
        filled(page, missing, "print/index.html")
    with pytest.raises(WholeTextError, match="no heading #sec-1 before the place of ch-1"):
        filled(page.replace('id="sec-1"', 'id="x"', 1), lambda key: "", "print/index.html")


def test_it_repeats_every_paragraph_heading_and_note_of_the_chapters(site, whole):
    """Same text under the same id, notes and markers under chapter-qualified ids with their number."""
    notes = 0
    for chapter in CHAPTERS:
        own = parsed(site / "texts" / THESIS / chapter / "index.html")
        assert own.texts and all(re.fullmatch(r"fn(ref)?:\d+", key) for key in own.texts if ":" in key)
        for key, text in own.texts.items():
            kind, _, number = key.partition(":")
            copied = f"{kind}:{chapter}-{number}" if number else key
            assert plain(whole.texts[copied]) == plain(text), (chapter, key)
            notes += kind == "fn"
    assert notes == len(whole.notes()) == 263
    assert whole.texts["fnref:ch-2-1"] == "1"                       # printed as in the source
    assert plain(whole.texts["fn:ch-2-1"]) == "徐能武，國際安全機制：理論與分析（北京：中國社會科學出版社，2008 年），頁 1-2；13。"
    assert plain(whole.texts["sec-2-1-3"]) == "三、國際多邊安全機制之歷史發展¶"


def test_note_annotations_and_links_render_on_the_whole_text_page(site):
    html = (site / "texts" / THESIS / "print" / "index.html").read_text(encoding="utf-8")
    assert "///" not in html and "](" not in html         # blocks and links inside notes were parsed
    note = html[html.index('<li id="fn:ch-4-10"'):]
    note = note[:note.index("</li>")]
    assert '<details class="note annotation" id="ann-spt-fn10-year">' in note
    assert 'href="#fnref:ch-4-10"' in note
    first = html[html.index('<li id="fn:ch-2-1"'):]
    assert first.index('<a class="citation" href="../../../bibliography/t-x/#xu2008guoji"') < first.index("</li>")
    assert '<a class="glossary-term" href="../../../glossary/#' in html


TITLE_LINES = """() => { const h = document.querySelector('h1#top'); const range = document.createRange();
    const lines = []; const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT); let node, top = null, line = '';
    while ((node = walker.nextNode())) {
      if (node.parentElement.closest('.headerlink')) continue;
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rects = range.getClientRects(); if (!rects.length) continue;
        const y = Math.round(rects[0].top);
        if (top !== null && Math.abs(y - top) > 5) { lines.push(line); line = ''; }
        top = y; line += node.data[i];
      }
    }
    return lines.concat([line]); }"""


@pytest.mark.parametrize("width, media", [(375, "screen"), (768, "screen"), (1280, "screen"), (1600, "screen"),
                                          (794, "print")])      # 794 px: an A4 page
def test_the_title_never_breaks_inside_a_quoted_name_or_a_term(browser, served, width, media):
    """The thesis's whole-text title, 「中共多邊外交戰略與「六方會談」：北韓核武危機與東北亞多邊安全機制
    （全文列印版）」, broke inside 「六方會談」 at desktop width and inside 北韓核武危機 on an A4 page; a quoted
    name and a glossary term stay on one line at any width, and the title still fits the screen. READER_SHOTS=/tmp/shots saves the title's screenshots."""
    import os

    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.emulate_media(media=media)
    tab.goto(served + "texts/china-multilateralism-six-party-talks/print/")
    lines = tab.evaluate(TITLE_LINES)
    if os.environ.get("READER_SHOTS"):
        tab.locator("h1#top").screenshot(path=f"{os.environ['READER_SHOTS']}/print-title-{width}-{media}.png")
    assert "".join(lines) == "中共多邊外交戰略與「六方會談」：北韓核武危機與東北亞多邊安全機制（全文列印版）"
    assert any("「六方會談」" in line for line in lines) and any("北韓核武危機" in line for line in lines), lines
    if media == "screen":
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
