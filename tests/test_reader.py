"""The reader's experience in Chromium, on a desktop (1280 px) and a phone-sized (375 px) screen:
every text opens, deep links land under the header, notes and glossary terms show their text,
back-links return, nothing scrolls sideways, printing keeps the text and drops the furniture, the
404 page helps, and axe-core finds no serious or critical accessibility violation.

Set READER_SHOTS=/tmp/shots to save screenshots of what the tests look at.
"""
from __future__ import annotations

import functools
import html
import json
import os
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from build_tools.cite import release

from build_tools.glossary import load_glossary
from build_tools.render import term_title

ROOT = Path(__file__).resolve().parent.parent
THESIS = "texts/china-multilateralism-six-party-talks/"
WIDTHS = {"desktop": (1280, 900), "phone": (375, 740)}
SHOTS = os.environ.get("READER_SHOTS")
# Where the site is published (site_url's path): the 404 page links absolutely under it.
PREFIX = urlsplit(release().site_url).path
NOTE_1_OF_CH_2 = "徐能武，國際安全機制：理論與分析（北京：中國社會科學出版社，2008 年），頁 1-2；13。"


@pytest.fixture(scope="module")
def registry(site):
    return json.loads((site / "anchors.json").read_text(encoding="utf-8"))


@pytest.fixture
def open_tab(browser):
    """open_tab(width) → a page of that viewport that records console errors (`errors`) and every
    request leaving the local server (`external`: nothing may be fetched at run time)."""
    contexts = []

    def open_(width: str):
        w, h = WIDTHS[width]
        context = browser.new_context(viewport={"width": w, "height": h})
        contexts.append(context)
        tab = context.new_page()
        tab.errors, tab.external = [], []
        tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
        tab.on("pageerror", lambda error: tab.errors.append(str(error)))
        tab.on("request", lambda request: urlsplit(request.url).hostname != "127.0.0.1"
               and tab.external.append(request.url))
        return tab

    yield open_
    for context in contexts:
        context.close()


def clean(tab) -> None:
    assert tab.errors == [], tab.errors
    assert tab.external == [], tab.external


def no_sideways_scroll(tab) -> bool:
    return tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def shot(tab, name: str, **options) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(Path(SHOTS) / f"{name}.png"), **options)


def tooltip_after_hovering(tab, link) -> str:
    link.hover()
    tooltip = tab.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=3000)
    return without_back_link(tooltip.inner_text())


def without_back_link(note: str) -> str:
    """A note's text as read: its back-link arrow (drawn as an icon, not as this character) dropped."""
    return note.replace("\u21a9", "").strip()


def in_view_below_header(tab, element_id: str) -> bool:
    return tab.evaluate("""id => {
        const top = document.getElementById(id).getBoundingClientRect().top;
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        return top >= header - 1 && top < window.innerHeight; }""", element_id)


# ---- every text, at both widths ---------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("slug", ["second-track-diplomacy", "financial-crisis-world-order",
                                  "china-multilateralism-six-party-talks", "taiwan-strait-alliances",
                                  "mofa-2010-policy-goals"])
def test_each_text_opens_with_its_title_and_a_way_to_its_whole_text(served, registry, open_tab, width, slug):
    text = next(t for t in registry["texts"] if t["slug"] == slug)
    tab = open_tab(width)
    tab.goto(served + f"texts/{slug}/")
    assert tab.locator("article h1").inner_text().rstrip("¶") == text["title"]
    row = tab.locator(".admonition.info p", has_text="列印：")
    if text["whole_text"] == f"texts/{slug}/":
        assert "本頁即含全文，可直接列印或另存為 PDF" in row.inner_text()
    else:
        href = row.get_by_role("link", name="全文列印版").get_attribute("href")
        assert tab.evaluate("href => new URL(href, location.href).href", href) == served + text["whole_text"]
        assert tab.request.get(served + text["whole_text"]).ok
    assert no_sideways_scroll(tab)
    clean(tab)


CHAPTERS = ["摘要", "第壹章 緒論", "第貳章 國際多邊安全機制與中共多邊外交戰略", "第參章 北韓核武危機與中共的多邊外交戰略",
            "第肆章 中共推動「六方會談」之角色與功能", "第伍章 六方會談與東北亞多邊安全對話機制", "第陸章 結論"]


def test_the_navigation_lists_the_texts_in_order_with_the_chapters_and_pages_lead_on(served, registry, open_tab):
    tab = open_tab("desktop")
    tab.goto(served + THESIS + "ch-2/")
    links = tab.evaluate("""[...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')]
        .filter(a => !a.getAttribute('href').startsWith('#')).map(a => a.innerText.replace(/\\s+/g, ' ').trim())""")
    titles = [text["title"] for text in registry["texts"]]
    assert titles[:2] == ["全球治理與我國的第二軌道外交", "全球金融危機後的國際秩序與美國：以六方會談為例"]
    assert links == ["首頁", "收錄文獻", *titles[:3], *CHAPTERS, *titles[3:],
                     "詞彙表", "參考文獻", "編者註索引", "編輯原則", "修訂紀錄", "授權"]
    assert tab.locator(".md-sidebar--primary .md-nav__link--active").first.inner_text().strip() == CHAPTERS[2]
    assert tab.locator("a.md-footer__link--prev").get_attribute("aria-label") == f"上一頁: {CHAPTERS[1]}"
    assert tab.locator("a.md-footer__link--next").get_attribute("aria-label") == f"下一頁: {CHAPTERS[3]}"
    assert re.fullmatch(r"版本 \d+\.\d+\.\d+（\d{4}-\d{2}-\d{2}）· 修訂紀錄 · 授權",
                        " ".join(tab.locator(".edition-version").inner_text().split()))
    clean(tab)


def test_chinese_text_renders_in_the_noto_cjk_font_the_stack_names(served, open_tab):
    tab = open_tab("desktop")
    tab.goto(served + THESIS + "ch-2/")
    assert tab.evaluate("getComputedStyle(document.body).fontFamily").startswith(
        '"Edition Latin Quotes", "PingFang TC", "Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "Microsoft JhengHei"')
    assert [font["familyName"] for font in fonts_drawing(tab, '[id="sec-2-p1"]')] == ["Noto Sans CJK TC"]  # no box
    # a Western citation in a note (ch-2 note 3): its curly quotes come from a Latin font, not full-width
    note = 'li[id="fn:3"] > p'
    assert "“" in tab.locator(note).inner_text()
    drawn = {font["familyName"]: font["glyphCount"] for font in fonts_drawing(tab, note)}
    assert "Noto Sans CJK TC" in drawn and [family for family in drawn if "CJK" not in family], drawn
    shot(tab, "chapter-1280")
    clean(tab)


def fonts_drawing(tab, selector: str) -> list[dict]:
    """The fonts Chromium actually used for an element's text (DevTools protocol)."""
    cdp = tab.context.new_cdp_session(tab)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


@pytest.mark.parametrize("path", [THESIS + page for page in   # (each text's first page: above)
                                  ("abstract/", "ch-1/", "ch-2/", "ch-3/", "ch-4/", "ch-5/", "ch-6/", "print/")]
                         + ["", "glossary/", "bibliography/"])
def test_no_page_scrolls_sideways_on_a_phone(served, open_tab, path):
    tab = open_tab("phone")
    tab.goto(served + path)
    wide = tab.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3).map(e => e.outerHTML.slice(0, 120))""")
    assert no_sideways_scroll(tab), wide
    if path in ("", THESIS + "ch-2/"):
        shot(tab, "home-375" if not path else "chapter-375")
    clean(tab)


# ---- deep links, notes, glossary, bibliography -------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
def test_a_deep_link_lands_on_its_heading_below_the_header(served, open_tab, width):
    tab = open_tab(width)
    tab.goto(served + THESIS + "ch-2/#sec-2-1-3")
    tab.wait_for_function("document.getElementById('sec-2-1-3').getBoundingClientRect().top < innerHeight")
    assert tab.locator('[id="sec-2-1-3"]').inner_text().rstrip("¶") == "三、國際多邊安全機制之歷史發展"
    assert in_view_below_header(tab, "sec-2-1-3")
    clean(tab)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_note_marker_shows_its_note_opens_it_and_its_back_link_returns(served, open_tab, width):
    tab = open_tab(width)
    tab.goto(served + THESIS + "ch-2/")
    marker = tab.locator('sup[id="fnref:1"] a.footnote-ref')
    assert marker.inner_text() == "1"
    brackets = marker.evaluate("a => [getComputedStyle(a, '::before').content, getComputedStyle(a, '::after').content]")
    assert brackets == ['"[" / ""', '"]" / ""']                 # [1]: not the text's own numbers; not read aloud
    box = marker.bounding_box()
    assert box["height"] >= 20 and box["width"] >= 15            # a hit area larger than the glyphs
    assert tooltip_after_hovering(tab, marker) == NOTE_1_OF_CH_2
    marker.click()
    tab.wait_for_function("location.hash === '#fn:1'")
    assert without_back_link(tab.locator('li[id="fn:1"]').inner_text()) == NOTE_1_OF_CH_2
    assert in_view_below_header(tab, "fn:1")
    tab.locator('li[id="fn:1"] a.footnote-backref').click()
    tab.wait_for_function("location.hash === '#fnref:1'")
    assert in_view_below_header(tab, "fnref:1")
    clean(tab)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_glossary_term_shows_its_definition(served, open_tab, width):
    term = next(t for t in load_glossary() if t.id == "second-track-diplomacy")
    tab = open_tab(width)
    tab.goto(served + "texts/second-track-diplomacy/")
    link = tab.locator('a.glossary-term[href$="glossary/#second-track-diplomacy"]').first
    assert tooltip_after_hovering(tab, link) == html.unescape(term_title(term))
    assert tooltip_after_hovering(tab, link).startswith("Second Track Diplomacy：")
    clean(tab)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_bibliography_back_link_opens_the_citing_note(served, open_tab, width):
    tab = open_tab(width)
    tab.goto(served + "bibliography/#xu2008guoji")          # the published address: the entry in brief
    brief = tab.locator('[id="xu2008guoji"]')
    assert brief.locator("span").first.inner_text() == "徐能武（2008）。《國際安全機制：理論與分析》。北京：中國社會科學出版社。"
    assert in_view_below_header(tab, "xu2008guoji")
    brief.get_by_role("link", name="引用：6 則註釋").click()   # the entry on its part, with the notes citing it
    tab.wait_for_url(served + "bibliography/t-x/#xu2008guoji")
    entry = tab.locator('[id="xu2008guoji"]')
    assert entry.locator("p").first.inner_text() == "徐能武（2008）。《國際安全機制：理論與分析》。北京：中國社會科學出版社。"
    entry.get_by_role("link", name="註 1", exact=True).click()
    tab.wait_for_url(served + THESIS + "ch-2/#fn:1")
    tab.wait_for_function("document.getElementById('fn:1').getBoundingClientRect().top < innerHeight")
    assert without_back_link(tab.locator('li[id="fn:1"]').inner_text()) == NOTE_1_OF_CH_2
    assert in_view_below_header(tab, "fn:1")
    clean(tab)


def test_a_paragraph_permalink_shows_on_hover_and_works_from_the_keyboard(served, open_tab):
    tab = open_tab("desktop")
    tab.goto(served + THESIS + "ch-2/")
    link = tab.locator('[id="sec-2-p1"] > a.para-link')
    assert link.evaluate("a => getComputedStyle(a).opacity") == "0"
    tab.locator('[id="sec-2-p1"]').hover()
    tab.wait_for_function("getComputedStyle(document.querySelector('#sec-2-p1 > .para-link')).opacity === '1'")
    tab.mouse.move(0, 0)
    tab.locator('[id="sec-2"] > .cite-button').focus()          # the heading's 引用, then the paragraph numbers'
    tab.keyboard.press("Tab")                                   # toggle under the title, then the paragraph
    assert tab.evaluate("document.activeElement.matches('.para-toggle')")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.matches('#sec-2-p1 > .para-link')")
    assert tab.evaluate("getComputedStyle(document.activeElement).opacity") == "1"
    assert link.get_attribute("aria-label") == "此段落的固定連結"
    tab.keyboard.press("Enter")
    tab.wait_for_function("location.hash === '#sec-2-p1'")
    clean(tab)


# ---- printing ---------------------------------------------------------------------------------

def test_printing_keeps_text_notes_and_annotations_and_drops_the_furniture(served, open_tab):
    tab = open_tab("desktop")
    tab.emulate_media(media="print")
    tab.goto(served + THESIS + "print/")
    assert tab.locator("article h1").inner_text() == \
        "中共多邊外交戰略與「六方會談」：北韓核武危機與東北亞多邊安全機制（全文列印版）"   # its ¶ is not printed
    for furniture in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".edition-search",
                      ".cite-button", ".para-toggle", ".para-link", ".headerlink", ".md-content__button"):
        assert tab.locator(furniture).evaluate_all("els => els.every(e => !e.checkVisibility())"), furniture
    assert tab.locator('li[id="fn:ch-2-1"]').is_visible()
    assert tab.locator('li[id="fn:ch-2-1"] a.footnote-backref').is_hidden()       # no arrow clutter
    annotation = tab.locator('[id="ann-spt-fn10-year"] p').first                 # printed open
    assert annotation.is_visible() and annotation.inner_text().startswith("出版年「20101 年」多一個「1」")
    assert tab.evaluate("getComputedStyle(document.body).fontFamily").startswith('"Edition Latin Quotes Serif", "Noto Serif CJK TC"')
    heading = tab.locator('[id="sec-2"]')
    assert heading.evaluate("h => getComputedStyle(h).breakAfter") == "avoid-page"
    shot(tab, "print-whole-text")
    clean(tab)


@pytest.mark.parametrize("width", WIDTHS)
def test_printing_writes_out_the_address_of_an_external_link(served, open_tab, width):
    tab = open_tab(width)
    tab.emulate_media(media="print")
    tab.goto(served + "texts/")
    tab.evaluate("""() => { const a = document.createElement('a');        // no text links outside yet
        a.href = 'https://www.mofa.gov.tw/'; a.textContent = '外交部'; a.id = 'probe';
        document.querySelector('.md-content__inner p').append(a);
        const entry = document.createElement('div'); entry.className = 'bib-entry';   // as on the
        entry.innerHTML = '<p><a id="url" href="https://a.example/">https://a.example/</a></p>';   // bibliography
        document.querySelector('.md-content__inner').append(entry); }""")
    after = tab.evaluate("getComputedStyle(document.getElementById('probe'), '::after').content")
    assert after == '" <https://www.mofa.gov.tw/>"'
    assert tab.evaluate("getComputedStyle(document.getElementById('url'), '::after').content") == "none"
    internal = tab.locator(".md-content__inner a[href$='index.md'], .md-content__inner h2 a").first
    assert internal.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")
    shot(tab, f"print-catalogue-{WIDTHS[width][0]}")
    clean(tab)


# ---- the 404 page -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def published_site(site):
    """The site as a static host serves it: under site_url's path, 404.html for a missing address."""
    class Host(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def translate_path(self, path):
            path = urlsplit(path).path
            return super().translate_path("/" + path[len(PREFIX):] if path.startswith(PREFIX) else "/-")

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Host, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_404_page_says_what_is_missing_and_where_to_go(published_site, open_tab, width):
    tab = open_tab(width)
    response = tab.goto(published_site + "texts/no-such-text/ch-9/")
    assert response.status == 404
    tab.errors = [e for e in tab.errors if "status of 404" not in e]   # the page's own status, reported
    content = tab.locator("article")
    assert content.locator("h1").inner_text().rstrip("¶") == "找不到這個頁面"
    assert content.locator("p").first.inner_text() == "您要找的頁面不在本站（錯誤 404）。網址可能有誤，或者這個頁面從未存在。"
    assert content.locator("p.missing-line").inner_text() == f"您要找的網址：{PREFIX}texts/no-such-text/ch-9/"
    for name, target in (("回到首頁", ""), ("收錄文獻目錄", "texts/"), ("anchors.json", "anchors.json")):
        href = content.get_by_role("link", name=name, exact=True).first.get_attribute("href")
        assert tab.request.get(published_site[:-len(PREFIX)] + href).status == 200, name
        assert href.rstrip(".") == PREFIX + target
    assert "舊網址會自動轉到新的位置" in content.inner_text()
    assert no_sideways_scroll(tab)
    shot(tab, f"404-{WIDTHS[width][0]}")
    content.get_by_label("搜尋詞").fill("六方會談")
    content.get_by_role("button", name="搜尋").click()
    tab.wait_for_url(re.compile(re.escape(published_site) + r"\.?\?q="))
    tab.locator(".edition-search__result").first.wait_for(timeout=10000)
    assert tab.locator(".edition-search__input").input_value() == "六方會談"
    clean(tab)


# ---- accessibility ----------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["", THESIS + "ch-2/", "glossary/", "bibliography/"])
def test_axe_finds_no_serious_or_critical_violation(served, open_tab, path):
    from axe_playwright_python.sync_playwright import Axe

    tab = open_tab("desktop")
    tab.goto(served + path)
    if not path:
        shot(tab, "home-1280")
    results = Axe().run(tab)             # the package's own axe.min.js, injected: nothing fetched
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()
    clean(tab)


