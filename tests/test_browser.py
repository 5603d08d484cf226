"""The reader's experience in a real browser (Debian Chromium via Playwright)."""


def test_hovering_a_marker_shows_its_note_and_back_link_returns(served, page):
    page.goto(served + "texts/financial-crisis-world-order/")
    marker = page.locator('sup a[href="#fn:2"]')
    marker.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().startswith("Carmen Reinhart and Kenneth Rogoff, This Time is Different")
    marker.click()
    page.wait_for_function("location.hash === '#fn:2'")
    page.locator('li[id="fn:2"] a.footnote-backref').click()
    page.wait_for_function("location.hash === '#fnref:2'")
    top = page.evaluate("document.getElementById('fnref:2').getBoundingClientRect().top")
    assert 0 <= top < 900
    assert page.errors == []


def test_thesis_chapter_notes_restart_and_show_on_hover(served, page):
    page.goto(served + "texts/china-multilateralism-six-party-talks/ch-5/")
    page.locator('sup a[href="#fn:24"]').hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().startswith("中華人民共和國外交部政策研究室編")
    assert page.errors == []


def test_hovering_a_glossary_term_shows_its_original_and_definition(served, page):
    page.goto(served + "texts/second-track-diplomacy/")
    term = page.locator('a.glossary-term[href$="glossary/#second-track-diplomacy"]').first
    term.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().startswith("Second Track Diplomacy：")
    term.click()
    page.wait_for_url("**/glossary/#second-track-diplomacy")
    assert page.locator('[id="second-track-diplomacy"]').is_visible()
    assert page.errors == []
