"""One language for readers: every page a reader sees is in Traditional Chinese. A scan in
Chromium walks each page's text (and the titles and labels a reader can see) and finds no run of
Latin script outside what is English by right: elements marked `lang="en"`, quotations, code,
addresses, and the texts' own words (the raw texts, the bibliography's data, the glossary's
originals and the editions' English titles, which the scan reads as its corpus)."""
from __future__ import annotations

import re

import pytest
import yaml

from build_tools.glossary import load_glossary

from conftest import ROOT

EXEMPT = ('[lang]:not([lang^="zh"])', "script", "style", "code", "pre", "kbd", "samp", "svg", "q",
          "blockquote", "math", ".Z3988")   # COinS: metadata for Zotero in a title, not for readers
SCAN = """(exempt) => {
  const runs = [];
  const latin = /[A-Za-z][A-Za-z0-9'’.&\\-]*(?:[ \\u00a0][A-Za-z0-9'’.&\\-]+)*/g;
  const skip = (element) => !element || element.closest(exempt) ||
      (element.closest('a') && element.closest('a').textContent.trim() === element.closest('a').getAttribute('href'));
  const visible = (element) => element.getClientRects().length > 0 || element.closest('details, .md-sidebar, .md-header, .md-search');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (skip(element) || !visible(element)) continue;
    for (const match of node.textContent.matchAll(latin)) runs.push([match[0], element.outerHTML.slice(0, 160)]);
  }
  for (const element of document.body.querySelectorAll('[title], [aria-label], [placeholder]')) {
    if (skip(element) || element.matches('a.glossary-term, a.citation')) continue;   // the text's own words
    for (const name of ['title', 'aria-label', 'placeholder']) {
      for (const match of (element.getAttribute(name) || '').matchAll(latin)) runs.push([match[0], `${name} of ${element.outerHTML.slice(0, 120)}`]);
    }
  }
  runs.push([document.title.match(latin) ? document.title : '', 'document title']);
  return runs.filter(run => run[0]);
}"""
URL = re.compile(r"^(?:https?|www\.)|\.(?:org|com|net|gov|edu|tw|htm|html|pdf|php|asp|aspx|bib|json)\b|/", re.I)
# Names of software and standards the pages mention, which have no Chinese form.
NAMES = {"CC BY 4.0", "MIT", "BibTeX", "YAML", "HTML", "Material", "jieba", "Zensical", "axe-core", "SHA-256", "Unicode NFC", "NFKC",
         "PDF", "GitHub", "MkDocs", "COinS", "CSL-JSON", "Zotero", "Dublin Core", "Google Scholar", "Highwire Press",
         "JSON-LD", "OpenGraph", "TEI P5 XML", "TEI", "XML", "UTF-8", "Pagefind", "README", "biblatex"}


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def own_words() -> str:
    """The texts' own words and the originals editors quote, whitespace removed: the raw texts,
    the bibliography, the glossary's forms, originals, sources and definitions, the annotations'
    bodies, the editions' English titles and institutions' and issuers' names. Not the editions' other fields:
    what the edition writes for readers must be Chinese."""
    parts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    parts.append((ROOT / "bib" / "references.bib").read_text(encoding="utf-8"))
    for term in load_glossary():
        parts += [term.original or "", term.source or "", term.definition or "", *term.forms]
    for path in sorted((ROOT / "annotations").glob("*.yml")):
        parts += [annotation["body"] for annotation in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    for path in sorted((ROOT / "editions").glob("*.yml")):
        edition = yaml.safe_load(path.read_text(encoding="utf-8"))
        publication = edition.get("publication") or {}
        parts += [edition["title_en"], publication.get("institution_en") or "", publication.get("issuer_en") or ""]
    return squeezed("\n".join(str(part) for part in parts))


def foreign_runs(runs: list, own_words: str) -> list:
    """The pieces of the runs (split at punctuation) that are neither an address, a name of
    NAMES nor the texts' own words."""
    found = []
    for text, where in runs:
        if URL.search(text):
            continue
        for piece in re.split(r"[,;:()“”\"]|\.(?:\s|$)", text):
            piece = piece.strip(" .'’-\u00a0")
            piece = re.sub(r"(?<![A-Za-z])[A-Z]–[A-Z](?![A-Za-z])", "", piece)   # a part of the bibliography (A–G): letters, not English
            if re.search(r"[A-Za-z]", piece) and piece not in NAMES and squeezed(piece) not in own_words:
                found.append((piece, where))
    return found


def reader_pages(site) -> list[str]:
    pages = sorted(str(path.relative_to(site).parent) + "/" for path in site.rglob("index.html"))
    return [("" if page == "./" else page) for page in pages] + ["404.html"]


def test_the_scan_finds_english_outside_lang_en(browser, own_words):
    context = browser.new_context()
    tab = context.new_page()
    tab.set_content('<html lang="zh-TW"><body><p>浮水印 watermark</p><p lang="en">Second Track Diplomacy</p>'
                    '<p>見 <code>seeds/x.txt</code> 與 Robert O. Keohane</p><a href="#" title="Back to top">↑</a></body></html>')
    found = foreign_runs(tab.evaluate(SCAN, ", ".join(EXEMPT)), own_words)
    context.close()
    assert [text for text, _ in found] == ["watermark", "Back to top"]


def test_every_reader_facing_page_is_in_chinese(site, served, browser, own_words):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/search/search_index.json", lambda route: route.fulfill(body='{"config": {}, "docs": []}'))
    tab = context.new_page()
    found = {}
    for page in reader_pages(site):
        tab.goto(served + page)
        runs = foreign_runs(tab.evaluate(SCAN, ", ".join(EXEMPT)), own_words)
        if runs:
            found[page] = sorted(set(runs))[:8]
    context.close()
    import json, os
    if os.environ.get("LANG_DUMP"):
        open(os.environ["LANG_DUMP"], "w").write(json.dumps({p: [r[0] for r in v] for p, v in found.items()}, ensure_ascii=False, indent=1))
    assert found == {}


def test_permalinks_say_what_they_link(served, page):
    page.goto(served + "texts/china-multilateralism-six-party-talks/ch-2/")
    assert page.locator('h2[id="sec-2-1"] > a.headerlink').get_attribute("title") == "此標題的固定連結"
    assert page.locator('[id="sec-2-p1"] > a.para-link').get_attribute("title") == "此段落的固定連結"
    assert page.locator(".md-header .md-source__repository").inner_text() == "原始碼與資料檔"


def test_the_changelog_page_is_the_chinese_one_with_every_release(site):
    english = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    chinese = (ROOT / "CHANGELOG.zh-TW.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] — (\d{4}-\d{2}-\d{2})$", english, re.M)
    assert releases and re.findall(r"^## \[(\d+\.\d+\.\d+)\] — (\d{4}-\d{2}-\d{2})$", chinese, re.M) == releases
    page = (site / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in page and "修訂紀錄" in page and "semantic versioning" not in page


EDITION_PROSE = ["docs/index.md", "docs/principles.md", "CHANGELOG.zh-TW.md", "glossary/terms.yml",
                 *(f"annotations/{p.name}" for p in sorted((ROOT / "annotations").glob("*.yml")))]


@pytest.mark.parametrize("name", EDITION_PROSE)
def test_the_editions_own_prose_never_doubles_a_punctuation_mark(name):
    """Headings' labels named in a sentence (壹、 一、 （一） １、) are quoted, so a list of them is
    never 「一、、（一）」; doubled marks the texts print themselves are theirs, not written here."""
    prose = (ROOT / name).read_text(encoding="utf-8")
    doubled = [(prose.count("\n", 0, m.start()) + 1, prose[max(m.start() - 12, 0):m.end() + 12])
               for m in re.finditer(r"([、，。；：！？])\1", prose)]
    assert doubled == [], doubled
