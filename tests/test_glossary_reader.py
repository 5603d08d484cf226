"""The glossary as a Taiwanese reader uses it, in Chromium on a phone-sized screen (375 px): entries
in 注音 order within each kind, a jump index of 注音 initials, sources linked to the bibliography,
and on a touch screen a tap on a term in a text shows its definition in place."""
from __future__ import annotations

import html

import pytest

from build_tools.glossary import KINDS, initial, load_glossary, zhuyin_key
from build_tools.render import term_title

PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "is_mobile": True}


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


@pytest.fixture(scope="module")
def terms():
    return load_glossary()


def test_entries_follow_zhuyin_order_within_each_kind(served, phone, terms):
    phone.goto(served + "glossary/")
    for kind, label in KINDS.items():
        shown = phone.eval_on_selector_all(
            f'h2[id="kind-{kind}"] ~ h3', """(headings, kind) => {
                const out = [];
                for (const h of headings) {
                    let section = h.previousElementSibling;
                    while (section && section.tagName !== 'H2') section = section.previousElementSibling;
                    if (section && section.id === kind) out.push(h.id);
                }
                return out; }""", f"kind-{kind}")
        expected = [t.id for t in sorted((t for t in terms if t.kind == kind), key=lambda t: (zhuyin_key(t.term), t.id))]
        assert shown == expected, kind
    terms_section = phone.eval_on_selector_all('h2[id="kind-term"] ~ h3', "hs => hs.map(h => h.id)")
    # 外交休兵 (ㄨ) is found after 對稱 (ㄉ) and before 議題聯結 (ㄧ) as a reader expects, not by its id
    assert terms_section.index("diplomatic-truce") > terms_section.index("soft-power")
    assert [initial(t) for t in ("外交休兵", "軟實力", "包括式")] == ["ㄨ", "ㄖ", "ㄅ"]
    assert not phone.errors


def test_the_jump_index_leads_to_the_first_entry_of_an_initial(served, phone, terms):
    phone.goto(served + "glossary/")
    row = phone.locator('nav.zhuyin-index li').filter(has=phone.locator('a[href="#kind-term"]'))
    letters = row.locator("a:not(.zhuyin-kind)").all_inner_texts()
    assert letters[:4] == ["ㄅ", "ㄆ", "ㄇ", "ㄈ"]
    in_kind = sorted((t for t in terms if t.kind == "term"), key=lambda t: (zhuyin_key(t.term), t.id))
    first_w = next(t for t in in_kind if initial(t.term) == "ㄨ")
    row.get_by_role("link", name="ㄨ", exact=True).tap()
    phone.wait_for_function(f"location.hash === '#{first_w.id}'")
    top = phone.evaluate(f"document.getElementById('{first_w.id}').getBoundingClientRect().top")
    assert 0 <= top < 740
    assert phone.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert not phone.errors


def test_a_source_links_to_its_bibliography_entry(served, phone, terms):
    phone.goto(served + "glossary/")
    entry = next(t for t in terms if t.id == "complex-interdependence")
    assert entry.bib == ["keohane1989power"]
    link = phone.locator('h3[id="complex-interdependence"] ~ p').filter(has_text="依據").first.locator("a")
    assert link.inner_text() == entry.source
    assert link.get_attribute("lang") == "en"
    link.tap()
    phone.wait_for_url("**/bibliography/#keohane1989power")
    assert phone.locator('[id="keohane1989power"]').inner_text().startswith("Keohane")
    assert not phone.errors


def test_a_tap_on_a_term_shows_its_definition_in_place(served, phone, terms):
    term = next(t for t in terms if t.id == "second-track-diplomacy")
    phone.goto(served + "texts/second-track-diplomacy/")
    link = phone.locator('a.glossary-term[href$="glossary/#second-track-diplomacy"]').first
    link.scroll_into_view_if_needed()
    address = phone.url
    link.tap()
    popover = phone.locator(".glossary-pop")
    popover.wait_for()
    assert phone.url == address                                    # the reader stays on the page
    assert popover.locator("p").inner_text() == html.unescape(term_title(term))
    box, place = popover.bounding_box(), link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375 and abs(box["y"] - (place["y"] + place["height"])) < 20
    entry = popover.get_by_role("link")
    assert entry.inner_text() == "詞彙表條目「第二軌道外交」"
    phone.locator("h1").tap()                                      # a tap elsewhere closes it
    popover.wait_for(state="detached")
    link.tap()
    phone.locator(".glossary-pop a").tap()                         # its link opens the entry
    phone.wait_for_url("**/glossary/#second-track-diplomacy")
    assert not phone.errors


def test_a_mouse_click_on_a_term_still_opens_the_glossary(served, page):
    page.goto(served + "texts/second-track-diplomacy/")
    page.locator('a.glossary-term[href$="glossary/#second-track-diplomacy"]').first.click()
    page.wait_for_url("**/glossary/#second-track-diplomacy")
