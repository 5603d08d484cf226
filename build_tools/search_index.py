"""The site's search: a Pagefind index of the built site, and a Simplified → Traditional table.

Run after the site generator (MkDocs or Zensical) on its output folder, so that both sites search
alike. The pages that count are chosen from the site's own `anchors.json` (the texts' pages, the
glossary, the bibliography, the annotations index); cleaning reports, whole-text (print) pages,
the home page, the changelog and the 404 page are left out. Each chosen page is marked up in a
scratch copy (the built site is not edited) and handed to Pagefind:

- `data-pagefind-body` on the page's article, so navigation, header and footer stay out;
- filters 文獻 (the text's title) and 類型 (正文, 詞彙表, 參考文獻, 編者註);
- a lower `data-pagefind-weight` for the glossary, bibliography and annotations pages, so that a
  passage of a text ranks before the reference pages that list the same words, and for the
  editors' annotations on a text's page, so that the text's own words rank before them;
- cite boxes (`data-search-exclude`), permalinks and footnote numbers ignored;
- every Han character (and full-width punctuation mark) its own word (`one_word_per_character`). Pagefind's
  zh-tw index segments Chinese with its own dictionary when it indexes and with the browser's
  (Intl.Segmenter) when it searches; the two disagree on Traditional text (the index has 貿易 + 區
  where the query has 貿易區), and a query word the index lacks finds nothing. So the index's
  language is `und` (see LANGUAGE): no segmenter runs. With one character per word, assets/search.js searches the
  characters of a query and ranks the pages where they stand together, in order, first: a phrase
  search that cannot miss a word the segmenter did not know, and finds names and glossary terms
  whole and by their parts.

Pagefind (the `pagefind[extended]` wheel) writes its chunked index and
its UI into `<site>/pagefind/`; nothing is fetched at run time. Simplified-character queries are
converted in the browser with `assets/s2t.json` (see `simplified_table`). The generator's own
search index, built only because its search plugin puts the search box into the header, is not
used and is removed.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from .errors import EditionError

BUNDLE = "pagefind"
TABLE = Path("assets") / "s2t.json"
# The generators' own search indexes (Material's, Zensical's): their search boxes are replaced by ours.
UNUSED = [Path("search") / "search_index.json", Path("search.json")]
# What a reader does not search for: cite boxes and dialogs, ¶ permalinks, note numbers, back-links.
# The glossary's and bibliography's lists of where an entry is used are left out too (they repeat the
# texts' headings and titles, and would rank the reference pages for every word of those).
IGNORED = ["[data-search-exclude]", ".headerlink", ".para-link", ".footnote-ref", ".footnote-backref",
           ".md-source-file", ".md-content__button", ".bib-cited"]
USES = re.compile(r"<p>出現於：</p>\s*<ul>")
KINDS = {"glossary/": "詞彙表", "bibliography/": "參考文獻", "annotations/": "編者註"}
TEXT_KIND = "正文"
# The index's language: `und` (undetermined), not zh-tw. The marked pages hold one word per Han
# character already, so Pagefind's Chinese segmenter (its dictionary loaded, every page segmented)
# would only cost time: more than half of the indexing. Without a stemmer Latin words are indexed
# as printed, as under zh-tw. In the browser, Pagefind finds no index for the page's zh-TW and
# takes the only one there is; the query is split by assets/search.js, as before.
LANGUAGE = "und"
REFERENCE_WEIGHT = 0.3     # the glossary, bibliography and annotations index, against 1 for the texts
ANNOTATION_WEIGHT = 0.5    # an editors' note on a text's page, against 1 for the text's own words
ANNOTATION = re.compile(r'<details class="note annotation"')
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
TAG = re.compile(r"(<[^>]*>)")
HEADING = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
HEADING_EXTRAS = re.compile(r'<a class="headerlink".*?</a>|<sup id="fnref[^"]*">.*?</sup>', re.S)
# A Han character, or CJK or full-width punctuation (「」（），。、), or general punctuation (—…“”):
# each is a word of its own, as Pagefind counts them.
WIDE = "\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
AROUND_WIDE = re.compile(rf"(?<=[{WIDE}])(?=\S)|(?<=\S)(?=[{WIDE}])")
STARTS_WIDE, ENDS_WIDE = re.compile(rf"^[{WIDE}]"), re.compile(rf"[{WIDE}]$")


def indexed_pages(registry: dict) -> dict[str, tuple[str, str | None]]:
    """{page URL: (kind, text title)} of the pages the search covers, from anchors.json.

    >>> pages = indexed_pages({"texts": [{"title": "甲", "pages": ["texts/a/", "texts/a/ch-1/"]}]})
    >>> pages["texts/a/ch-1/"], pages["glossary/"]
    (('正文', '甲'), ('詞彙表', None))
    """
    pages = {page: (TEXT_KIND, text["title"]) for text in registry["texts"] for page in text["pages"]}
    return pages | {page: (kind, None) for page, kind in KINDS.items()}


def mark_page(page: str, kind: str, title: str | None) -> str:
    """A built page with the attributes that tell Pagefind what to index and how to file it.

    >>> print(mark_page('<body><article class="md-content__inner md-typeset"><h1>甲</h1>', "正文", "甲「乙」"))
    <body><article data-pagefind-body class="md-content__inner md-typeset"><meta data-pagefind-filter="類型[content]" content="正文"><meta data-pagefind-filter="文獻[content]" content="甲「乙」"><h1>甲</h1>
    """
    articles = ARTICLE.findall(page)
    if len(articles) != 1:
        raise EditionError("build_tools/search_index.py", f"a built page has {len(articles)} content articles, "
                                                          "not one — the theme changed: update ARTICLE")
    printed = printed_titles(page)
    page = one_word_per_character(ignore_uses(page))
    page = ANNOTATION.sub(f'<details data-pagefind-weight="{ANNOTATION_WEIGHT}" class="note annotation"', page)
    weight = "" if kind == TEXT_KIND else f' data-pagefind-weight="{REFERENCE_WEIGHT}"'
    filters = [("類型", kind)] + ([("文獻", title)] if title else [])
    metas = "".join(f'<meta data-pagefind-filter="{name}[content]" content="{html.escape(value)}">'
                    for name, value in filters) + printed
    return ARTICLE.sub(lambda m: f'<article data-pagefind-body{weight} class="md-content__inner md-typeset"',
                       page, count=1).replace('md-typeset">', 'md-typeset">' + metas, 1)


def article_only(page: str) -> str:
    """A built page reduced to its head and its content article: Pagefind indexes the article alone
    (`data-pagefind-body`), and the navigation of every text around it (a third of a text page,
    more as the corpus grows) would only be parsed, here and by Pagefind, to be skipped.

    >>> article_only('<html><head><title>甲</title></head><body class="x"><nav>…</nav>'
    ...              '<article class="md-content__inner md-typeset"><h1>甲</h1></article><footer>…</footer></body></html>')
    '<html><head><title>甲</title></head><body class="x"><article class="md-content__inner md-typeset"><h1>甲</h1></article></body></html>'
    """
    body = page.find("<body")
    start = ARTICLE.search(page)
    end = page.find("</article>", start.end()) if start else -1
    if body < 0 or end < 0:
        return page
    return page[:page.index(">", body) + 1] + page[start.start():end] + "</article></body></html>"


def one_word_per_character(page: str) -> str:
    """A page with a space around every Han character and full-width punctuation mark of its text,
    also across inline tags; tags and their attributes are left as they are. The words Pagefind
    counts are then the words between spaces, which is how its excerpts (and ours) find a match.

    >>> one_word_per_character('<p title="第二軌道">第二<a href="#x">軌道</a>理事會（ECOSOC）</p>')
    '<p title="第二軌道">第 二 <a href="#x">軌 道 </a>理 事 會 （ ECOSOC ）</p>'
    """
    parts = TAG.split(page)
    for n in range(0, len(parts), 2):                      # the text between tags
        parts[n] = AROUND_WIDE.sub(" ", parts[n])
    last = None                                            # the text part before, if it ends in a word
    for n in range(0, len(parts), 2):
        if not parts[n]:
            continue
        if last is not None and not parts[last][-1].isspace() and not parts[n][0].isspace() and (
                ENDS_WIDE.search(parts[last]) or STARTS_WIDE.match(parts[n])):
            parts[last] += " "
        last = n
    return "".join(parts)


def ignore_uses(page: str) -> str:
    """The glossary's lists of uses (「出現於：」 and the list of sections after it) kept out of the index.

    >>> ignore_uses('<p>出現於：</p>\\n<ul>\\n<li>全球治理與我國的第二軌道外交 › 壹、前言</li></ul>')
    '<p data-pagefind-ignore>出現於：</p>\\n<ul data-pagefind-ignore>\\n<li>全球治理與我國的第二軌道外交 › 壹、前言</li></ul>'
    """
    return USES.sub(lambda m: m[0].replace("<p>", "<p data-pagefind-ignore>").replace("<ul>", "<ul data-pagefind-ignore>"),
                    page)


def heading_titles(page: str) -> list[str]:
    """The headings (with an id) of a page's article as printed, in order; permalinks and note markers dropped.

    >>> heading_titles('<article class="md-content__inner md-typeset"><h1 id="sec-1">第壹章 緒論'
    ...                '<a class="headerlink" href="#sec-1">¶</a></h1>')
    ['第壹章 緒論']
    """
    article = page[page.find("<article"):]
    return [" ".join(html.unescape(TAG.sub("", HEADING_EXTRAS.sub("", found[3]))).split())
            for found in HEADING.finditer(article)]


def printed_spacing(title: str) -> str:
    """Between each two of the words the index splits a heading into, a space as printed ('+') or
    none ('-'). The index's words lose the spaces between Han characters (「第壹章 緒論」 is 第 壹 章 緒 論
    there, joined again 「第壹章緒論」); assets/search.js puts them back. Marks, not words: Pagefind
    indexes its metadata too, and these add no word to the index.

    >>> printed_spacing("第壹章 緒論"), printed_spacing("外交部 99 年度"), printed_spacing("一、研究動機")
    ('--+-', '--++-', '-----')
    """
    marks, end = [], 0
    for n, word in enumerate(AROUND_WIDE.sub(" ", title).split()):
        start = title.index(word, end)
        if n:
            marks.append("+" if start > end else "-")
        end = start + len(word)
    return "".join(marks)


def printed_titles(page: str) -> str:
    """Metadata with the spacing of the page's headings as printed, in their order, one per heading
    with an id (the page title, its first h1, comes first).

    >>> printed_titles('<article class="md-content__inner md-typeset"><h1 id="sec-1">第壹章 緒論</h1>'
    ...                '<h2 id="sec-1-1">第一節 研究動機與研究目的</h2>')
    '<meta data-pagefind-meta="spacing[content]" content="--+-,--+--------">'
    """
    titles = heading_titles(page)
    if not titles:
        return ""
    return f'<meta data-pagefind-meta="spacing[content]" content="{",".join(map(printed_spacing, titles))}">'


def characters_s2t():
    """OpenCC's Simplified-to-Traditional conversion of single characters: its s2t configuration
    without the phrase dictionaries, which no single character matches and which take 0.07 s to
    load (the same dictionary files, from OpenCC's wheel).

    >>> [characters_s2t().convert(char) for char in "发后里"]
    ['發', '後', '裏']
    """
    import opencc

    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    config = {"name": "s2t, single characters", "normalization": [
                  {"dict": {"type": "ocd2", "file": str(share / "CJK_Compatibility_Ideographs.ocd2")}}],
              "conversion_chain": [{"dict": {"type": "ocd2", "file": str(share / "STCharacters.ocd2")}}]}
    with tempfile.TemporaryDirectory(prefix="opencc-") as folder:
        path = Path(folder) / "s2t-characters.json"
        path.write_text(json.dumps(config), encoding="utf-8")
        return opencc.OpenCC(str(path))


def simplified_table(characters: Counter) -> dict[str, str]:
    """{Simplified character: Traditional character} for the Traditional characters the edition prints.

    A character the edition itself prints is never converted (台, 后 and 里 stay as typed); of two
    Traditional characters with one Simplified form, OpenCC's choice wins if the edition has it,
    else the one the edition prints most.

    >>> table = simplified_table(Counter("關鍵績效指標台灣發展頭髮發"))
    >>> "".join(table.get(c, c) for c in "关键绩效指标台湾发")
    '關鍵績效指標台灣發'
    """
    import opencc

    def each(converter, chars: list[str]) -> list[str]:
        """Each character converted on its own (one call: a line per character)."""
        return converter.convert("\n".join(chars)).split("\n") if chars else []

    own = sorted(characters)
    candidates: dict[str, list[str]] = {}
    for char, simple in zip(own, each(opencc.OpenCC("t2s"), own)):
        if simple != char and len(simple) == 1 and simple not in characters:
            candidates.setdefault(simple, []).append(char)
    simples = sorted(candidates)
    table = {}
    for simple, preferred in zip(simples, each(characters_s2t(), simples)):
        chars = candidates[simple]
        table[simple] = preferred if preferred in chars else max(chars, key=lambda c: (characters[c], c))
    return table


def han_characters(page: str) -> Counter:
    """The Han characters of a page's article (tags dropped)."""
    article = page[page.find('<article'):page.rfind('</article>')]
    return Counter(HAN.findall(re.sub(r"<[^>]+>", "", article)))


def page_file(site: Path, url: str) -> Path:
    return site / url / "index.html"


def index_site(site: Path) -> dict:
    """Index `site` with Pagefind into site/pagefind/, write the conversion table; Pagefind's counts."""
    registry = json.loads((site / "anchors.json").read_text(encoding="utf-8"))
    characters = Counter()
    with tempfile.TemporaryDirectory(prefix="search-index-") as scratch:
        for url, (kind, title) in sorted(indexed_pages(registry).items()):
            source = page_file(site, url)
            if not source.exists():
                raise EditionError(site / "anchors.json", f"page {url} is listed but was not built — "
                                                          "rebuild the site (make build)")
            page = source.read_text(encoding="utf-8")
            characters += han_characters(page)
            target = page_file(Path(scratch), url)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(mark_page(article_only(page), kind, title), encoding="utf-8")
        shutil.rmtree(site / BUNDLE, ignore_errors=True)
        counts = run_pagefind(Path(scratch), site / BUNDLE)
    (site / TABLE).parent.mkdir(parents=True, exist_ok=True)
    (site / TABLE).write_text(json.dumps(simplified_table(characters), ensure_ascii=False, sort_keys=True,
                                         separators=(",", ":")), encoding="utf-8")
    for unused in UNUSED:
        (site / unused).unlink(missing_ok=True)
        if unused.parent != Path(".") and (site / unused.parent).is_dir() and not any((site / unused.parent).iterdir()):
            (site / unused.parent).rmdir()
    return counts


def pagefind_command() -> list[str]:
    """Pagefind's binary from its wheel (not `python -m pagefind`, a Python started only to find it)."""
    try:
        from pagefind_bin_extended import get_executable

        return [str(get_executable())]
    except (ImportError, FileNotFoundError):
        return [sys.executable, "-m", "pagefind"]


def run_pagefind(pages: Path, output: Path) -> dict:
    """Pagefind over the marked pages; {'pages': n, 'words': n, 'filters': n} from its report."""
    command = [*pagefind_command(), "--site", str(pages), "--output-path", str(output), "--force-language", LANGUAGE]
    for selector in IGNORED:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 or not (output / "pagefind.js").exists():
        raise EditionError("build_tools/search_index.py", "Pagefind failed to index the site — "
                                                          f"its output:\n{(result.stdout + result.stderr)[-2000:]}")
    return {name: int(count) for count, name in re.findall(r"Indexed (\d+) (pages|words|filters)", result.stdout)}
