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


class Notes(HTMLParser):
    """Every id of a page, and the text of each footnote list item by its id."""

    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.notes: dict[str, str] = {}
        self.refs: dict[str, str] = {}       # fnref id -> the marker's printed label
        self._note: str | None = None
        self._ref: str | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "li" and (attrs.get("id") or "").startswith("fn:"):
            self._note, self._depth = attrs["id"], 0
            self.notes[self._note] = ""
        elif tag == "li" and self._note:
            self._depth += 1
        if tag == "sup" and (attrs.get("id") or "").startswith("fnref:"):
            self._ref = attrs["id"]
            self.refs[self._ref] = ""

    def handle_endtag(self, tag):
        if tag == "li" and self._note:
            if self._depth == 0:
                self._note = None
            else:
                self._depth -= 1
        if tag == "sup":
            self._ref = None

    def handle_data(self, data):
        if self._note:
            self.notes[self._note] += data
        if self._ref:
            self.refs[self._ref] += data


def plain(note: str) -> str:
    """A note's text without its back-link (placed after the annotations on a chapter page)."""
    return " ".join(note.replace("\u21a9", "").split())


def parsed(path) -> Notes:
    page = Notes()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def whole(site):
    return parsed(site / "texts" / THESIS / "print" / "index.html")


def test_only_the_split_text_gets_a_print_page_and_it_is_kept_out_of_search_and_nav(files, site):
    assert sorted(path for path in files if path.endswith("/print.md")) == [PRINT_MD]
    assert files[PRINT_MD].startswith("---\nsearch:\n  exclude: true\n---\n")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if "/print/" in doc["location"]]
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
    assert "    **列印**：本頁即含全文，可直接列印或另存為 PDF（導覽、搜尋與引用框不會印出）  " in \
        files["texts/second-track-diplomacy/index.md"].splitlines()


def test_its_anchors_are_not_published_and_the_lock_still_holds(files):
    registry = json.loads(files["anchors.json"])
    addresses = published(registry)
    assert not [a for a in addresses if "/print/" in a]
    assert set(read_lock()) == addresses


def test_it_holds_every_chapter_in_order_with_headings_one_level_down(files, whole):
    md = files[PRINT_MD]
    assert md.count("\n# ") == 1 and "\n# 中共多邊外交戰略與「六方會談」：北韓核武危機與東北亞多邊安全機制（全文列印版） {#top}" in md
    starts = [md.index(f"\n## {title}") for title in
              ("摘要 {#abstract}", "第壹章 緒論 {#sec-1}", "第貳章 國際多邊安全機制與中共多邊外交戰略 {#sec-2}",
               "第參章", "第肆章", "第伍章", "第陸章 結論 {#sec-6}")]
    assert starts == sorted(starts)
    assert "\n### 第一節 現有國際多邊安全機制之發展 {#sec-2-1}" in md
    assert "\n#### 三、國際多邊安全機制之歷史發展 {#sec-2-1-3}" in md
    assert "/// cite" not in md                       # no cite boxes: cite the canonical pages
    assert len(whole.ids) == len(set(whole.ids)), "duplicate ids on the whole-text page"


def test_notes_restart_per_chapter_with_chapter_qualified_ids_and_the_same_text(site, whole):
    total = 0
    for chapter in CHAPTERS:
        own = parsed(site / "texts" / THESIS / chapter / "index.html")
        assert all(re.fullmatch(r"fn:\d+", note) for note in own.notes)   # canonical ids unchanged
        for note, body in own.notes.items():
            number = note.split(":")[1]
            assert plain(whole.notes[f"fn:{chapter}-{number}"]) == plain(body), (chapter, number)
            assert whole.refs[f"fnref:{chapter}-{number}"] == number       # printed as in the source
        total += len(own.notes)
    assert total == len(whole.notes) == 263
    assert plain(whole.notes["fn:ch-2-1"]) == "徐能武，國際安全機制：理論與分析（北京：中國社會科學出版社，2008 年），頁 1-2；13。"


def test_note_annotations_and_links_render_on_the_whole_text_page(site):
    html = (site / "texts" / THESIS / "print" / "index.html").read_text(encoding="utf-8")
    assert "///" not in html and "](" not in html         # blocks and links inside notes were parsed
    note = html[html.index('<li id="fn:ch-4-10"'):]
    note = note[:note.index("</li>")]
    assert '<details class="note annotation" id="ann-spt-fn10-year">' in note
    assert 'href="#fnref:ch-4-10"' in note
    first = html[html.index('<li id="fn:ch-2-1"'):]
    assert first.index('<a class="citation" href="../../../bibliography/#xu2008guoji"') < first.index("</li>")
    assert '<a class="glossary-term" href="../../../glossary/#' in html
