"""Chinese search in the browser: typed queries find a passage of a text that uses the term.

Each query is typed into Material's search box; among the first three results, one must be a
section of a text (not the glossary, not a cleaning report) whose indexed text contains the
query. The section's text is read from the built search index, so the check does not depend
on how much of a section the result snippet shows.
"""
from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest

from build_tools.search_hook import SEGMENT_LOOP, fix_segmenter

# The issue's ten queries, then ten of our own: names in Chinese and in English, organisations,
# abbreviations and concepts of each text.
ISSUE_QUERIES = ["第二軌道外交", "六方會談", "活路外交", "新自由制度主義", "朝鮮半島無核化",
                 "全球治理", "安全兩難", "關鍵績效指標", "Second Track Diplomacy", "KEDO"]
OWN_QUERIES = ["基歐漢", "Keohane", "李斯卡", "Liska", "世界衛生組織", "非政府組織",
               "絕對利得", "亞太自由貿易區", "北韓核武危機", "權力平衡"]
# Where a query must land when the issue names the text (活路外交 → the report, …).
EXPECTED_TEXT = {"活路外交": "texts/mofa-2010-policy-goals/",
                 "關鍵績效指標": "texts/mofa-2010-policy-goals/",
                 "安全兩難": "texts/taiwan-strait-alliances/",
                 "KEDO": "texts/china-multilateralism-six-party-talks/",
                 "李斯卡": "texts/taiwan-strait-alliances/"}


def plain(value: str) -> str:
    """Indexed text as a reader sees it: no tags, no segmentation marks, lower case."""
    return re.sub(r"<[^>]+>|\u200b|\s", "", value).lower()


@pytest.fixture(scope="module")
def indexed_sections(site):
    """{location: plain text of title + body} from the built search index."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: plain(doc["title"] + doc["text"]) for doc in index["docs"]}


@pytest.fixture(scope="module")
def search(browser, served):
    """Type a query into the search box of the home page; the links of the first three results."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def run(query: str) -> list[str]:
        page.goto(served)
        box = page.locator("input.md-search__input")
        box.click()
        # One keyup with the whole query: typing it letter by letter sends a query per keyup,
        # and on a busy machine the results of a prefix (第二) could be read as the query's.
        box.fill(query)
        box.press("End")
        meta = page.locator(".md-search-result__meta")
        page.wait_for_function(
            "() => document.querySelectorAll('.md-search-result__item').length > 0"
            " || /沒有|No matching/.test(document.querySelector('.md-search-result__meta').innerText)",
            timeout=90_000)   # the worker builds its index on each page load: slow on a loaded machine
        page.wait_for_timeout(300)  # results render in one pass after the worker answers
        # A result is one page: its title link and its best sections (the rest fold into "more").
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item",
            """items => items.slice(0, 3).flatMap(item => [...item.querySelectorAll('a')]
                 .filter(a => !a.closest('details')).map(a => a.getAttribute('href')))""")
        assert meta.count() == 1 and errors == []
        return [urljoin(served, href) for href in hrefs]

    yield run
    context.close()


def location_of(url: str, served: str) -> str:
    """The search index's location of a result link (its `?h=` highlight dropped)."""
    parts = urlsplit(url)
    path = parts.path[len(urlsplit(served).path):]
    return path + (f"#{parts.fragment}" if parts.fragment else "")


@pytest.mark.parametrize("query", ISSUE_QUERIES + OWN_QUERIES)
def test_query_finds_a_passage_using_the_term_in_the_first_three(query, search, served,
                                                                 indexed_sections):
    results = [location_of(url, served) for url in search(query)]
    term = plain(query)
    passages = [location for location in results
                if location.startswith("texts/") and "/report/" not in location
                and term in indexed_sections.get(location, "")]
    assert passages, f"{query}: no text passage using it among the first three results {results}"
    if query in EXPECTED_TEXT:
        assert any(location.startswith(EXPECTED_TEXT[query]) for location in passages), results


def test_whole_query_words_are_kept_by_the_fixed_segmenter():
    """Material's loop `j < query.length` is rewritten to reach the query's last character."""
    original = "for(let r=0;r<t.length;r++)for(let o=r+1;o<t.length;o++){let n=t.slice(r,o)}"
    fixed = fix_segmenter(original)
    assert "for(let o=r+1;o<=t.length;o++)" in fixed
    assert "for(let r=0;r<t.length;r++)" in fixed  # the outer loop is untouched
    assert len(SEGMENT_LOOP.findall(fixed)) == 0


def test_built_worker_carries_the_fix(site):
    worker, = (site / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    assert re.search(r"for\(let (\w)=\w\+1;\1<=\w\.length;\1\+\+\)", worker.read_text("utf-8"))


def test_cleaning_reports_are_not_indexed(indexed_sections):
    assert indexed_sections, "the search index is empty"
    assert not [location for location in indexed_sections if "/report/" in location]
