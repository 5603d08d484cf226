"""Contributed content is inert: nothing a contributor writes runs in a reader's browser.

A scratch copy of the project gets hostile content in every contributed field that reaches a
page: edition metadata (title, English title, description, publication fields, a correction
that rewrites a heading, hence the navigation), a glossary entry (original, definition, source:
the tooltip of every use), a bibliography entry (title, author, publisher: the tooltip of every
citing note) and an annotation (author, and the Markdown tricks the validator lets through). The
site is built from it once; each page that shows the content is opened in Chromium, its
tooltips hovered and the search used: no dialog opens, the payloads' global stays unset and
`document.title` is the page's own. What the validator refuses is asserted with its message.
"""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import run_cli, serving
from test_annotations import GOOD, problems

JS = "alert(1),window.__xss=1,document.title=1"          # what every payload tries to run
RAW_HTML = f'<img src=x onerror="{JS}"><script>{JS}</script>'
ENTITIES = f"&lt;/title&gt;&lt;img src=x onerror={JS}&gt;"  # decoded once too often, it would be HTML
MARKDOWN = f'[x](javascript:{JS}) {{: onclick={JS} }} `c` *e* <https://example.org/"onmouseover="{JS}>'
PLAIN = RAW_HTML + ENTITIES + MARKDOWN                      # for plain-text fields: escaped on output

# Markdown an annotation may hold, written to trick the renderer into an attribute or a tag.
ANNOTATION = f"""- id: ann-hostile
  target: sec-1-p1
  kind: context
  author: {json.dumps("編者" + RAW_HTML + ENTITIES, ensure_ascii=False)}
  date: 2026-11-22
  body: |-
    a < b & c, AT&T *e* `x < y` [a link](https://example.org/"onmouseover="{JS}) and <https://example.org/?q="onmouseover={JS}>.
    [ref][r] and [x](https://example.org/ "t' onmouseover='{JS}")

    [r]: https://example.org/'onmouseover='{JS}

    !!! note "x' onmouseover='{JS}"
        admonition
"""


def quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def replace(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def inject(project: Path) -> None:
    edition = "editions/000_19b1ec96d07d16c6.yml"
    replace(project, edition, "title: 全球治理與我國的第二軌道外交", "title: " + quoted("全球治理" + PLAIN))
    replace(project, edition, "title_en: Global Governance and Taiwan's Second Track Diplomacy",
            "title_en: " + quoted("Global " + PLAIN))
    replace(project, edition, "description: >-\n", "description: >-\n  " + PLAIN + "\n")
    replace(project, edition, "publication:\n  evidence: >-\n",
            f"publication:\n  issuer: {quoted('Issuer ' + PLAIN)}\n  year: {quoted('1999' + RAW_HTML)}\n"
            f"  evidence: >-\n    {PLAIN}\n")
    replace(project, edition, "furniture:\n",                      # 貳、分析架構: a heading, in the toc and nav
            f"corrections:\n  - line: 176\n    expected: 分析架構\n    replacement: "
            f"{quoted('分析架構<svg onload=' + JS + '>&lt;b&gt;')}\n    reason: {quoted(PLAIN)}\nfurniture:\n")
    replace(project, "glossary/terms.yml", "  definition: >-\n    「亞太經濟合作」",
            f"  original: {quoted('APEC ' + PLAIN)}\n  source: {quoted(PLAIN)}\n"
            f"  definition: >-\n    {PLAIN}「亞太經濟合作」")
    bib_safe = PLAIN.replace("{", r"\{").replace("}", r"\}")
    replace(project, "bib/references.bib", "title = {我國在第二軌道外交之功能與限制}",
            "title = {我國在第二軌道外交之功能與限制" + bib_safe + "}")
    replace(project, "bib/references.bib", "author = {宋學文}", "author = {宋學文" + ENTITIES + "}")
    replace(project, "bib/references.bib", "journal = {政策月刊}", "journal = {政策月刊" + RAW_HTML + "}")
    with open(project / "annotations/second-track-diplomacy.yml", "a", encoding="utf-8") as file:
        file.write(ANNOTATION)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, pristine) -> Path:
    """The site built from a project copy full of hostile content (what the validator accepts)."""
    project = Path(shutil.copytree(pristine, tmp_path_factory.mktemp("hostile") / "project"))
    inject(project)
    result = run_cli(project, "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def hostile_pages(site: Path) -> list[str]:
    """The HTML files (relative to the site) of every page that shows some of the hostile content."""
    return sorted(str(path.relative_to(site)) for path in site.rglob("*.html")
                  if "__xss" in path.read_text(encoding="utf-8"))


def url_of(page: str) -> str:
    return page.removesuffix("index.html")


class Audit(HTMLParser):
    """Elements of a page that could run a payload: event handlers, script URLs, scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.tag, self.title = [], None, ""

    def handle_starttag(self, tag, attrs):
        self.tag = "data" if (tag, ("type", "application/ld+json")) == ("script", *attrs[:1]) else tag   # JSON-LD: data, never run
        for name, value in attrs:
            if name.startswith("on") or (name in ("href", "src", "action") and
                                         re.match(r"\s*(javascript|data|vbscript):", value or "", re.I)):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("img", "svg", "iframe", "object", "embed") and "__xss" in str(attrs):
            self.found.append(f"<{tag}>")

    def handle_data(self, data):
        if self.tag == "script" and "__xss" in data:
            self.found.append(f"<script>{data[:40]}")
        if self.tag == "title":
            self.title += data


def test_hostile_content_reaches_the_pages_but_only_as_text(hostile_site):
    pages = hostile_pages(hostile_site)
    for expected in ("", "texts/", "texts/second-track-diplomacy/", "texts/second-track-diplomacy/report/",
                     "glossary/", "bibliography/", "annotations/"):
        assert f"{expected}index.html" in pages, pages
    for page in pages:
        audit = Audit()
        audit.feed((hostile_site / page).read_text(encoding="utf-8"))
        assert audit.found == [], (page, audit.found)
    text = (hostile_site / "texts/second-track-diplomacy/index.html").read_text(encoding="utf-8")
    assert "全球治理&lt;img src=x onerror=" in text                  # shown as printed, escaped once
    assert "&amp;lt;/title&amp;gt;" in text.split("</title>")[0]    # the entities too, even in <title>


@pytest.fixture(scope="module")
def hostile_served(hostile_site):
    with serving(hostile_site) as url:
        yield url


def expected_title(site: Path, page: str) -> str:
    audit = Audit()
    audit.feed((site / page).read_text(encoding="utf-8"))
    return " ".join(audit.title.split())


def inert(tab, site: Path, page: str, dialogs: list, settle: int = 100) -> None:
    """Nothing ran on the open page: no dialog, no global, its own title."""
    tab.wait_for_timeout(settle)
    assert dialogs == [], (page, dialogs)
    assert tab.evaluate("typeof window.__xss") == "undefined", page
    assert tab.evaluate("document.title") == expected_title(site, page), page


@pytest.fixture
def watched(browser):
    """A desktop-width tab and the messages of every dialog it opened (each dismissed)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield tab, dialogs
    context.close()


def test_nothing_runs_in_the_browser_on_any_page_showing_it(hostile_site, hostile_served, watched):
    tab, dialogs = watched
    for page in hostile_pages(hostile_site):
        tab.goto(hostile_served + url_of(page))
        inert(tab, hostile_site, page, dialogs, settle=0)
        # tooltips (Material renders title attributes): navigation entries, glossary terms, citations
        for link in tab.locator('a[title*="__xss"]').all()[:3]:
            if link.is_visible():
                link.hover()
                tab.wait_for_timeout(100)
        summaries = tab.locator("details.annotation > summary")
        for index in range(min(summaries.count(), 3)):
            if summaries.nth(index).is_visible():
                summaries.nth(index).click()
        inert(tab, hostile_site, page, dialogs)


def test_search_results_showing_it_are_inert(hostile_site, hostile_served, watched):
    tab, dialogs = watched
    tab.goto(hostile_served)
    tab.keyboard.press("/")                      # the search dialog (see tests/test_search.py)
    tab.locator(".edition-search__input").fill("onerror")
    tab.wait_for_function("() => document.querySelectorAll('.edition-search__result').length > 0")
    tab.wait_for_timeout(300)
    inert(tab, hostile_site, "index.html", dialogs)


# --- what the validator refuses --------------------------------------------------------------

FILE = "second-track-diplomacy.yml"
REFUSED = {
    "raw HTML": ("<img src=x onerror=alert(1)>",
                 f"{FILE}:7:5: raw HTML (<img src=x onerror=a) is not allowed in an annotation — write Markdown instead"),
    "script link": ("[x](javascript:alert(1))",
                    f"{FILE}:7:9: javascript:/data: links are not allowed — link to a page of the edition or an "
                    "https:// URL"),
    "script link in capitals": ("[x]( JaVaScRiPt:alert(1))",
                                f"{FILE}:7:10: javascript:/data: links are not allowed — link to a page of the "
                                "edition or an https:// URL"),
    "data URL": ("[x](data:text/html;base64,PHNjcmlwdD4=)",
                 f"{FILE}:7:9: javascript:/data: links are not allowed — link to a page of the edition or an "
                 "https:// URL"),
    "reference-style link": ("[x][r]\n\n    [r]: javascript:alert(1)",
                             f"{FILE}:9:10: javascript:/data: links are not allowed — link to a page of the "
                             "edition or an https:// URL"),
    "autolink": ("<javascript:alert(1)>",
                 f"{FILE}:7:5: raw HTML (<javascript:alert(1)) is not allowed in an annotation — write Markdown "
                 "instead"),
    "entity-encoded link": ("[x](jav&#x61;script:alert(1))",
                            f"{FILE}:7:12: HTML character references (&#x61;) are not allowed — type the "
                            "character itself"),
    "entity-encoded tag": ("&lt;script&gt;alert(1)&lt;/script&gt;",
                           f"{FILE}:7:5: HTML character references (&lt;) are not allowed — type the character "
                           "itself"),
    "attribute list": ("A sound note.\n    {: onclick=\"alert(1)\" }",
                       f"{FILE}:8:5: attribute lists ({{: onclick=\"alert(1)) are not allowed in an annotation "
                       "— remove the braces"),
    "attribute list on code": ("```{.js onclick=alert(1)}\n    x\n    ```",
                               f"{FILE}:7:8: attribute lists ({{.js onclick=alert(1) are not allowed in an "
                               "annotation — remove the braces"),
    "block syntax": ("/// details | x\n        attrs: {open: true}",
                     f"{FILE}:7:5: block syntax (///) is not allowed in an annotation — write plain Markdown"),
    "snippet": ('--8<-- "index.md"',
                f"{FILE}:7:5: snippet includes (--8<--) are not allowed in an annotation — quote the text instead"),
    "image": ("![map](https://example.org/map.png)",
              f"{FILE}:6:9: the body renders to HTML an annotation may not hold (<img>, <img alt=…>, <img src=…>) — "
              "write plain Markdown: text, emphasis, lists, quotes, links to https:// addresses or to pages of "
              "the edition"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_the_validator_refuses_markdown_that_could_make_html(tmp_path, anchors, known, case):
    body, message = REFUSED[case]
    found = problems(tmp_path, GOOD.replace("A sound note.", body), anchors, known)
    assert found[0] == message, found


def test_the_validator_accepts_ordinary_markdown(tmp_path, anchors, known):
    body = ("See [the report](../mofa-2010-policy-goals/index.md#sec-1-3-p18), <https://example.org/x>, "
            "*emphasis*, `a < b`, AT&T and metadata: none.\n\n    - a list\n    - of items\n\n    > a quote")
    assert problems(tmp_path, GOOD.replace("A sound note.", body), anchors, known) == []


def test_the_tooltip_fix_applies_to_materials_bundle_and_stops_on_a_changed_one(hostile_site):
    from mkdocs.exceptions import PluginError

    from build_tools.tooltip_hook import INLINE, TYPESET, fix_tooltips

    built = next((hostile_site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert not INLINE.search(built) and not TYPESET.search(built)           # applied to the site's copy
    assert built.count("document.createTextNode(") >= 1 and '.md-typeset",' in built
    with pytest.raises(PluginError, match="no longer has the mountInlineTooltip2 code"):
        fix_tooltips("function Xe(e){return e.title}")


@pytest.mark.parametrize("old, new, message", [
    ("source: 000_19b1ec96d07d16c6.txt", "source: \"0`<img src=x onerror=alert(1)>`.txt\"",
     "2:9: source: must be the raw file's name in seeds/ (ASCII letters, digits, . _ -), e.g. "
     "000_19b1ec96d07d16c6.txt — correct the value"),
    ("  - numbers: \"47\"\n", "  - numbers: \"47\"\n    scope: \"<b>x</b>\"\n",
     "38:12: notes.1.scope: String should match pattern '^[a-z0-9-]+$' — correct the value"),
    ("  levels: [capital, number, paren]\n", "  levels: [capital, number, paren]\n  root_id: 'x\" onclick=\"alert(1)'\n",
     "20:12: outline.root_id: String should match pattern '^[a-z][a-z0-9-]*$' — correct the value"),
])
def test_the_validator_refuses_names_and_ids_that_reach_markup_unescaped(tmp_path, old, new, message):
    """File names, scopes and ids are written into code spans, attribute lists and tables as they
    are: only their own character sets are accepted."""
    from build_tools.editions import EDITIONS, load_edition
    from build_tools.errors import EditionError

    path = tmp_path / "000_19b1ec96d07d16c6.yml"
    text = (EDITIONS / path.name).read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(EditionError) as error:
        load_edition(path)
    assert str(error.value) == f"{path}:{message}"
