"""The site's search (Pagefind, build_tools/search_index.py) as a reader uses it, in Chromium.

Queries are typed into the search dialog of a text page. For each, the first result must be on
the page that discusses the query, and its link must lead to a paragraph, item or heading of that
page whose text holds the query as printed (in Traditional characters). The expected pages come
from reading the texts (the issue's queries, names, organisations, abbreviations printed inside
Chinese, Simplified-character queries and phrases that the raw text breaks across two lines);
the anchors' text is read from the built HTML, not from the search index.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from build_tools.search_index import KINDS, TABLE

THESIS = "texts/china-multilateralism-six-party-talks/"
TRACK2 = "texts/second-track-diplomacy/"
CRISIS = "texts/financial-crisis-world-order/"
MOFA = "texts/mofa-2010-policy-goals/"
STRAIT = "texts/taiwan-strait-alliances/"
ANY_TEXT = "texts/"

# (query as typed, the page or pages it must land on, the words as printed when the query is not).
QUERIES = [
    # the ten
    ("第二軌道外交", TRACK2, None), ("六方會談", (THESIS, CRISIS), None), ("活路外交", MOFA, None),
    ("新自由制度主義", CRISIS, None), ("朝鮮半島無核化", THESIS, None), ("全球治理", TRACK2, None),
    ("安全兩難", STRAIT, None), ("關鍵績效指標", MOFA, None), ("Second Track Diplomacy", TRACK2, None),
    ("KEDO", THESIS + "ch-5/", None),
    # names in Chinese and English, organisations, concepts
    ("基歐漢", ANY_TEXT, None), ("Keohane", ANY_TEXT, None), ("李斯卡", STRAIT, None), ("Liska", STRAIT, None),
    ("世界衛生組織", (MOFA, TRACK2), None), ("非政府組織", TRACK2, None), ("絕對利得", TRACK2, None),
    ("亞太自由貿易區", MOFA, None), ("北韓核武危機", THESIS, None), ("權力平衡", STRAIT, None),
    # Simplified characters: the edition's Traditional text
    ("第二轨道外交", TRACK2, "第二軌道外交"), ("关键绩效指标", MOFA, "關鍵績效指標"),
    ("负责任大国", THESIS, "負責任大國"), ("六方会谈", (THESIS, CRISIS), "六方會談"),
    ("朝鲜半岛无核化", THESIS, "朝鮮半島無核化"), ("安全两难", STRAIT, "安全兩難"),
    ("权力平衡", STRAIT, "權力平衡"), ("新自由制度主义", CRISIS, "新自由制度主義"),
    ("世界卫生组织", (MOFA, TRACK2), "世界衛生組織"), ("北韩核武危机", THESIS, "北韓核武危機"),
    ("亚太自由贸易区", MOFA, "亞太自由貿易區"), ("绝对利得", TRACK2, "絕對利得"),
    # Latin letters and digits printed inside Chinese: 「聯合國經濟社會理事會（ECOSOC）」
    ("ECOSOC", MOFA, None), ("NGO", (TRACK2, MOFA), None), ("APEC", MOFA, None), ("FTAAP", MOFA, None),
    ("ADOC", MOFA, None), ("WTO", MOFA, None), ("1992", ANY_TEXT, None),
    # names in both scripts
    ("基欧汉", ANY_TEXT, "基歐漢"), ("雷可", STRAIT, None), ("William Riker", STRAIT, None),
    ("奥斯古", STRAIT, "奧斯古"), ("Osgood", STRAIT, None), ("朱云汉", TRACK2, "朱雲漢"), ("Montville", TRACK2, None),
    # phrases the raw text breaks across two lines (領務|說明會, 一百七十|六個, 拉丁美|洲, 清楚地被|勾勒)
    ("領務說明會", MOFA, None), ("一百七十六個非政府組織", TRACK2, None), ("拉丁美洲之於美國", THESIS + "ch-1/", None),
    ("清楚地被勾勒", STRAIT, None),
]
REQUIRED_SHARE = 0.95


def plain(value: str) -> str:
    return re.sub(r"\s", "", value).lower()


class AnchorText(HTMLParser):
    """The text of a page's article by anchor: from each element with an id to the next one."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self.current = None
        self.depth = 0        # inside <article>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.depth += 1
        if self.depth and attrs.get("id"):
            self.current = attrs["id"]
            self.texts.setdefault(self.current, "")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.current:
            self.texts[self.current] += data


@pytest.fixture(scope="module")
def anchor_text(site):
    """anchor_text('texts/x/', 'sec-1-p2') -> the plain text from that anchor to the next."""
    cache = {}

    def read(page: str, anchor: str) -> str:
        if page not in cache:
            parser = AnchorText()
            parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
            cache[page] = {key: plain(value) for key, value in parser.texts.items()}
        return cache[page].get(anchor, "")

    return read


@pytest.fixture(scope="module")
def dialog(browser, served):
    """The search dialog of a text page, opened with the key /; its page records errors and requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors, tab.requests = [], []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.goto(served + STRAIT)
    tab.keyboard.press("/")
    tab.locator(".edition-search__input").wait_for()
    yield tab
    context.close()


def search(tab, query: str, printed: str | None = None) -> list[dict]:
    """Type a query; its results in order (link, excerpt HTML, group) once the dialog shows them for
    the words as printed (the query converted to Traditional characters)."""
    box = tab.locator(".edition-search__input")
    box.fill("")
    tab.wait_for_function("() => !document.querySelector('.edition-search__summary')")
    box.fill(query)
    tab.wait_for_function(
        """printed => { const summary = document.querySelector('.edition-search__summary');
                        return summary && summary.innerText.includes('「' + printed + '」')
                          && document.querySelector('.edition-search__output').dataset.state === 'done'; }""",
        arg=printed or query, timeout=30_000)
    return tab.eval_on_selector_all(".edition-search__result", """results => results.map(r => ({
        link: r.querySelector('.edition-search__link').getAttribute('href'),
        excerpt: r.querySelector('.edition-search__excerpt').innerHTML,
        group: r.closest('.edition-search__group').querySelector('h3').innerText}))""")


def site_path(href: str, served: str) -> tuple[str, str]:
    """'/texts/a/#sec-1' -> ('texts/a/', 'sec-1')."""
    parts = urlsplit(href)
    return parts.path[len(urlsplit(served).path):], parts.fragment


def first_result_is_right(results: list[dict], expected, printed: str, served: str, anchor_text) -> str | None:
    """None if the first result is on an expected page and its anchor holds the words; else why not."""
    if not results:
        return "no result"
    page, anchor = site_path(results[0]["link"], served)
    expected = (expected,) if isinstance(expected, str) else expected
    if not page.startswith(expected) or "/report/" in page or "/print/" in page:
        return f"first result {page}#{anchor}, not on {expected}"
    if plain(printed) not in anchor_text(page, anchor):
        return f"#{anchor} of {page} does not hold {printed}"
    if "<mark>" not in results[0]["excerpt"]:
        return "the excerpt highlights nothing"
    return None


def test_at_least_forty_queries_and_the_first_result_is_right_for_95_percent(dialog, served, anchor_text):
    assert len(QUERIES) >= 40
    wrong = {}
    for query, expected, printed in QUERIES:
        results = search(dialog, query, printed)
        why = first_result_is_right(results, expected, printed or query, served, anchor_text)
        if why:
            wrong[query] = why
    right = 1 - len(wrong) / len(QUERIES)
    assert right >= REQUIRED_SHARE, f"first result right for {right:.0%}; wrong: {wrong}"
    assert dialog.errors == []


def test_a_simplified_query_says_what_was_searched(dialog):
    search(dialog, "第二轨道外交", "第二軌道外交")
    assert dialog.locator(".edition-search__searched").inner_text() == "已搜尋：第二軌道外交"
    search(dialog, "第二軌道外交")
    assert dialog.locator(".edition-search__searched").is_hidden()


def test_the_texts_come_before_the_glossary_and_bibliography_which_are_shown_too(dialog, served):
    for query in ("ECOSOC", "李斯卡", "基歐漢", "絕對利得"):
        pages = [site_path(result["link"], served)[0] for result in search(dialog, query)]
        assert pages[0].startswith("texts/"), (query, pages)
        reference = [n for n, page in enumerate(pages) if page == "glossary/" or page.startswith("bibliography/")]
        assert reference and reference[0] > 0, (query, pages)


def test_a_glossary_result_shows_the_entry_not_its_list_of_uses(dialog, served):
    results = search(dialog, "李斯卡")
    glossary, = [result for result in results if result["link"].startswith(urlsplit(served).path + "glossary/")]
    assert glossary["link"].endswith("#george-f-liska")
    assert "›" not in glossary["excerpt"] and "George F. Liska" in glossary["excerpt"]


def test_reports_print_pages_and_cite_boxes_are_not_indexed(dialog, served, site):
    """The ministry report's cleaning report gives the reason 「跨頁重複的表頭」 (repeated header), every
    cite box says 「引用本節」 and names the editors' team."""
    report = (site / "texts" / "mofa-2010-policy-goals" / "report" / "index.html").read_text(encoding="utf-8")
    assert "跨頁重複的表頭" in report
    assert not [result for result in search(dialog, "跨頁重複的表頭") if "/report/" in result["link"]]
    for query in ("引用本節", "臺灣外交關係文獻校注本編輯團隊"):
        results = search(dialog, query)
        assert all(query not in re.sub(r"<[^>]+>", "", result["excerpt"]) for result in results), query
    pages = {site_path(result["link"], served)[0] for result in search(dialog, "六方會談")}
    assert pages and not [page for page in pages if "/report/" in page or "/print/" in page]


def result_pages(dialog) -> list[str]:
    return dialog.eval_on_selector_all(".edition-search__link", "links => links.map(a => a.getAttribute('href'))")


def test_filters_narrow_by_kind_and_by_text(dialog, served):
    prefix = urlsplit(served).path
    search(dialog, "非政府組織")
    filters = dialog.locator(".edition-search__filters")
    filters.get_by_text("類型", exact=True).click()
    glossary = filters.get_by_label(re.compile("^詞彙表"))
    glossary.check()
    dialog.wait_for_function(f"() => {{ const links = [...document.querySelectorAll('.edition-search__link')];"
                             f" return links.length && links.every(a => a.getAttribute('href').startsWith('{prefix}glossary/')) }}")
    assert result_pages(dialog) and dialog.locator(".edition-search__group-title").all_inner_texts() == [
        dialog.locator(".edition-search__group-title").first.inner_text()]
    glossary.uncheck()
    filters.get_by_text("文獻", exact=True).click()
    mofa = filters.get_by_label(re.compile("^外交部 99 年度施政目標與重點"))
    mofa.check()
    dialog.wait_for_function(f"() => {{ const links = [...document.querySelectorAll('.edition-search__link')];"
                             f" return links.length && links.every(a => a.getAttribute('href').startsWith('{prefix}{MOFA}')) }}")
    mofa.uncheck()
    dialog.wait_for_function(f"() => [...document.querySelectorAll('.edition-search__link')]"
                             f".some(a => a.getAttribute('href').startsWith('{prefix}{TRACK2}'))")


def test_every_kind_and_text_is_a_filter_value(dialog, served, site):
    """類型: 正文, 詞彙表, 參考文獻, 編者註, with their page counts; 文獻: the five texts."""
    filters = dialog.evaluate("async url => { const pagefind = await import(url); return await pagefind.filters(); }",
                              served + "pagefind/pagefind.js")
    registry = json.loads((site / "anchors.json").read_text(encoding="utf-8"))
    pages = sum(len(text["pages"]) for text in registry["texts"])
    assert filters["類型"] == {"正文": pages, **{kind: 1 for kind in KINDS.values()}}
    assert filters["文獻"] == {text["title"]: len(text["pages"]) for text in registry["texts"]}


def test_nothing_is_fetched_from_elsewhere_and_the_search_loads_on_demand(browser, served, dialog):
    assert dialog.requests and all(url.startswith(served) for url in dialog.requests)
    context = browser.new_context()
    tab = context.new_page()
    requests = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(served + MOFA)
    tab.wait_for_load_state("networkidle")
    assert not [url for url in requests if "/pagefind/" in url or url.endswith("s2t.json")]
    context.close()


def test_the_dialog_opens_from_the_header_button_and_from_q_and_closes_with_escape(browser, served):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    tab = context.new_page()
    tab.goto(served + "glossary/")
    tab.locator('label[for="__search"]').first.click()
    dialog_box = tab.get_by_role("dialog", name="搜尋")
    dialog_box.get_by_role("searchbox").wait_for()
    assert tab.evaluate("document.activeElement.classList.contains('edition-search__input')")
    tab.keyboard.press("Escape")
    dialog_box.wait_for(state="hidden")
    assert not tab.locator("#__search").is_checked()
    tab.goto(served + "?q=" + "活路外交")
    tab.locator(".edition-search__result").first.wait_for()
    assert tab.locator(".edition-search__input").input_value() == "活路外交"
    assert site_path(tab.locator(".edition-search__link").first.get_attribute("href"), served)[0] == MOFA
    assert tab.evaluate("document.documentElement.scrollWidth") <= 375
    tab.keyboard.press("Enter")                                     # Enter opens the first result
    tab.wait_for_url(re.compile(re.escape(served + MOFA) + "#"))
    context.close()


def test_the_conversion_table_holds_only_characters_the_edition_does_not_print(site):
    table = json.loads((site / TABLE).read_text(encoding="utf-8"))
    assert table["轨"] == "軌" and table["谈"] == "談" and table["负"] == "負"
    assert "台" not in table and "里" not in table          # the edition prints them: typed as they are
    assert table["后"] == "後" and table["发"] == "發"       # the edition prints 後 and 發, never 后, 发
    assert 500 < len(table) < 3000 and (site / TABLE).stat().st_size < 30_000


class Headings(HTMLParser):
    """{id: text} of the headings of a built page, as a reader sees them (permalinks left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self.current = None
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag) and attrs.get("id"):
            self.current = attrs["id"]
            self.texts[self.current] = ""
        elif self.current and (tag == "sup" or "headerlink" in (attrs.get("class") or "")):
            self.skip += 1

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag):
            self.current = None
        elif self.skip and tag in ("sup", "a"):
            self.skip -= 1

    def handle_data(self, data):
        if self.current and not self.skip:
            self.texts[self.current] += data


def test_result_titles_keep_the_spaces_of_the_headings_as_printed(dialog, served, site):
    """「第壹章 緒論」, not 「第壹章緒論」 (the index has one word per Han character): every result's page
    title and section are its page's h1 and the heading of its section as the page prints them."""
    shown = {}
    for query in ("研究動機與研究目的", "施政目標", "六方會談", "安全兩難", "ECOSOC"):
        search(dialog, query)
        for link, page_title, section in dialog.eval_on_selector_all(".edition-search__link", """links => links.map(a =>
                [a.getAttribute('href'), a.querySelector('.edition-search__page').textContent,
                 (a.querySelector('.edition-search__section') || {}).textContent || ''])"""):
            shown[link] = (page_title, section)
    assert shown[urlsplit(served).path + THESIS + "ch-1/#sec-1-1"] == ("第壹章 緒論", "第一節 研究動機與研究目的")
    assert ("外交部 99 年度施政目標與重點", "") in shown.values()
    for link, (page_title, section) in shown.items():
        page, _ = site_path(link, served)
        parser = Headings()
        parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
        printed = {" ".join(text.split()) for text in parser.texts.values()}
        assert page_title == " ".join(next(iter(parser.texts.values())).split()), link
        assert not section or section in printed, (link, section)
    assert dialog.errors == []


def test_an_excerpt_has_no_full_stop_the_text_does_not_print(dialog):
    """Pagefind ends a list item with a Latin full stop (the thesis's 目次: 「摘要.第壹章 緒論.」); after
    a Han character the excerpt shows an ideographic space there, as Chinese prints no such stop."""
    excerpts = [re.sub(r"<[^>]+>", "", result["excerpt"]) for result in search(dialog, "緒論")]
    assert any("摘要\u3000第壹章" in excerpt for excerpt in excerpts), excerpts
    assert not [excerpt for excerpt in excerpts if re.search(r"[\u4e00-\u9fff]\.", excerpt)]


def excerpt_text(result: dict) -> str:
    """A result's excerpt as a reader sees it: tags dropped, the ideographic space kept as '|'
    (the mark between blocks), other spaces dropped."""
    return re.sub(r"\s", "", re.sub(r"<[^>]+>", "", result["excerpt"]).replace("\u3000", "|"))


@pytest.mark.parametrize("query, page, heading", [
    ("基於歷史", THESIS + "ch-1/", "一、研究動機"),                         # a heading ending in a Han character
    ("有效提升本部外交領事人員講習所", MOFA, "七、提升場地租借使用："),         # ... in full-width punctuation
    ("非正式的，但持續的合作", STRAIT, "壹、結盟："),
])
def test_an_excerpt_keeps_a_heading_apart_from_its_paragraph(dialog, served, site, query, page, heading):
    """Pagefind's words run on from a heading into the paragraph under it (「一、研究動機基於歷史」):
    the excerpt keeps them apart, and the first result still leads to the paragraph."""
    results = search(dialog, query)
    first = results[0]
    assert site_path(first["link"], served)[0] == page
    assert query.replace("，", "") in excerpt_text(first).replace("，", "")
    headings = {heading}
    for result in results:
        result_page, _ = site_path(result["link"], served)
        if result_page.startswith("texts/"):
            parser = Headings()
            parser.feed((site / result_page / "index.html").read_text(encoding="utf-8"))
            headings |= {re.sub(r"\s", "", text) for text in parser.texts.values()}
    for result in results:
        shown = excerpt_text(result)
        for title in headings:
            glued = re.search(rf"[^|…]{re.escape(title)}|{re.escape(title)}[^|…]", shown)
            assert not glued, (title, shown)
