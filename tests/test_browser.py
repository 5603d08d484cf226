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


def visible_tooltips(tab) -> list[str]:
    return [tip.inner_text().strip() for tip in tab.locator(".md-tooltip2--active").all() if tip.is_visible()]


def test_a_corrected_word_in_a_cited_title_shows_one_tooltip_at_a_time(served, browser):
    """004 note 36 cites 「The Security Dilemma in Alliance Politices」, its 「Dilemma」 corrected
    (the source prints 「Dile m ma」): pointing at the word shows the source's reading alone, pointing
    at the rest of the link its citation alone; so does the keyboard, and a tap on a phone."""
    citation = "Glenn H. Snyder，The Security Dilemma in Alliance Politics，1984，頁 466–467, 494"
    reading = "原文作「Dile m ma」"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(served + "texts/taiwan-strait-alliances/")
    mark = tab.locator("a.citation .correction").first
    mark.scroll_into_view_if_needed()
    link, word = mark.locator("xpath=ancestor::a[1]").bounding_box(), mark.bounding_box()

    def point(x: float, y: float) -> list[str]:
        tab.mouse.move(x, y)
        tab.wait_for_timeout(700)                   # Material's tooltips appear and fade in 250 ms
        return visible_tooltips(tab)

    middle = link["y"] + link["height"] / 2
    assert point(link["x"] + 5, middle) == [citation]
    assert point(word["x"] + word["width"] / 2, word["y"] + word["height"] / 2) == [reading]
    assert point(link["x"] + link["width"] - 5, middle) == [citation]
    assert point(0, 0) == []
    mark.focus()
    tab.wait_for_timeout(700)
    assert visible_tooltips(tab) == [reading]
    context.close()

    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    tab.goto(served + "texts/taiwan-strait-alliances/")
    mark = tab.locator("a.citation .correction").first
    mark.scroll_into_view_if_needed()
    mark.tap()
    tab.wait_for_timeout(700)
    assert visible_tooltips(tab) == [reading]
    assert tab.url == served + "texts/taiwan-strait-alliances/"      # the first tap does not follow the link
    context.close()
    assert errors == []
