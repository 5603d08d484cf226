"""Ready for Material's end of life: the same generated docs render with Zensical (`make build-zensical`)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, SLUGS
from test_links import parse

THESIS = SLUGS["001"]


@pytest.fixture(scope="module")
def zensical_site() -> Path:
    """site-zensical/, built once with `python -m build_tools zensical` (zensical build --strict)."""
    result = subprocess.run([sys.executable, "-m", "build_tools", "zensical"], cwd=ROOT,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return ROOT / "site-zensical"


@pytest.fixture(scope="module")
def registry(zensical_site) -> dict:
    return json.loads((zensical_site / "anchors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pages(zensical_site) -> dict:
    """{site-relative URL of a page: its parsed HTML}."""
    return {html.relative_to(zensical_site).parent.as_posix().removeprefix(".") + "/": parse(html)
            for html in zensical_site.rglob("index.html")}


def page_of(url: str) -> str:
    """'texts/a/ch-2/#fn:3' -> 'texts/a/ch-2/'; the home page is '/'."""
    return url.split("#")[0] or "/"


def test_every_text_page_the_glossary_and_the_bibliography_exist(registry, pages):
    assert {text["slug"] for text in registry["texts"]} == set(SLUGS.values())
    text_pages = {page for text in registry["texts"] for page in text["pages"]}
    assert {f"texts/{THESIS}/ch-{n}/" for n in range(1, 7)} <= text_pages
    assert text_pages | {"glossary/", "bibliography/", "annotations/", "/"} <= set(pages)


def test_note_links_reach_their_note_on_the_same_page(pages):
    checked = 0
    for url, page in pages.items():
        for href in page.links:
            if href.startswith(("#fn:", "#fnref:")):
                assert href[1:] in page.ids, f"{url}: {href} has no target on the page"
                checked += 1
    assert checked > 500


def test_every_published_anchor_survives(registry, pages):
    """Sections, paragraphs, notes, tables, figures, annotations, glossary and bibliography entries."""
    anchors = [a for text in registry["texts"] for a in text["anchors"]] + registry["glossary"] + registry["bibliography"]
    missing = [a["url"] for a in anchors if a["id"] not in pages[page_of(a["url"])].ids]
    assert not missing, f"{len(missing)} anchors lost, first: {missing[:5]}"
    ids = {a["id"] for a in anchors}
    assert {"sec-2-1-3", "sec-2-1-3-p1", "fn:2"} <= ids and len(ids) > 1000
    assert {a["kind"] for a in anchors} >= {"section", "paragraph", "note", "term", "entry"}


def test_edit_links_open_the_data_file_behind_the_page(pages, zensical_site):
    def edit_link(url: str) -> str:
        html = (zensical_site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        return re.search(r'<a href="([^"]+)" title="編輯此頁"', html).group(1)

    assert edit_link(f"texts/{THESIS}/ch-2/").endswith(f"/edit/main/annotations/{THESIS}.yml")
    assert edit_link(f"texts/{THESIS}/report/").endswith("/edit/main/editions/001_24a6eaeb8d01ff8c.yml")
    assert edit_link("glossary/").endswith("/edit/main/glossary/terms.yml")
    assert edit_link("/").endswith("/edit/main/docs/index.md")


def test_nothing_is_fetched_at_run_time(zensical_site):
    """No web fonts, no remote stylesheet or script, no GitHub API call for the repository link."""
    remote = re.compile(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="(?:https?:)?//[^"]*"[^>]*>')
    for html in zensical_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not [tag for tag in remote.findall(text) if 'rel="canonical"' not in tag], html
        assert 'data-md-component="source"' not in text, html
    for css in zensical_site.rglob("*.css"):
        assert not re.search(r"@import|url\((?:['\"])?(?:https?:)?//", css.read_text(encoding="utf-8")), css
    assert not any(zensical_site.rglob("*.woff2"))


@pytest.fixture(scope="module")
def zensical_served(zensical_site):
    from conftest import serving

    with serving(zensical_site) as url:
        yield url


# Terms, a Simplified-character query, Latin inside Chinese, a name, a phrase the raw text breaks.
SAME_QUERIES = [("六方會談", None), ("第二轨道外交", "第二軌道外交"), ("ECOSOC", None), ("李斯卡", None),
                ("Keohane", None), ("清楚地被勾勒", None), ("絕對利得", None), ("負責任大國", None)]


def first_links(browser, url: str) -> dict[str, list[str]]:
    """{query: the links of its first three results} in the search dialog of a site."""
    from test_search import search

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(url + "texts/")
    tab.keyboard.press("/")
    found = {query: [result["link"][len(urlsplit(url).path):] for result in search(tab, query, printed)][:3]
             for query, printed in SAME_QUERIES}
    context.close()
    assert errors == []
    return found


def test_the_search_finds_the_same_passages_as_under_mkdocs(browser, served, zensical_served, zensical_site):
    """The same Pagefind search over Zensical's pages: the same first result (the ranks after it may
    differ where Zensical's markup of a page differs)."""
    assert (zensical_site / "pagefind" / "pagefind.js").exists() and not (zensical_site / "search.json").exists()
    mkdocs, zensical = first_links(browser, served), first_links(browser, zensical_served)
    assert {query: links[0] for query, links in zensical.items()} == {query: links[0] for query, links in mkdocs.items()}
    assert zensical["ECOSOC"][0] == "texts/mofa-2010-policy-goals/#sec-1-4-p7"
