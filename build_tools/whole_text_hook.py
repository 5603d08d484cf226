"""MkDocs hook: the whole-text page of a split text gets its chapters' HTML as their pages have it.

`render_print.py` writes texts/<slug>/print.md with the text's title, metadata and contents, and
for each chapter only its heading and a placeholder. Rendering the chapters' Markdown a second
time (as long as the whole thesis) was the largest single page of the build; after the build
(`on_post_build`, and `fill_whole_texts` for Zensical, which runs no hooks) each placeholder is
replaced by the chapter's built content, moved into the whole-text page's frame:

- its headings one level down (the chapter's H1 becomes an H2 under the page's title);
- an H1 without an id of its own (`top`) takes the chapter's key (`abstract`);
- its notes and note markers under chapter-qualified ids (`fn:ch-2-5`), since note numbers
  restart per chapter, each note keeping its printed number (`value`);
- the chapter's script for renamed anchors left out (the whole-text page has no published anchors).

The hook runs before the search is indexed; the whole-text page is kept out of the search.
Standalone (no build_tools import): MkDocs loads hooks by file path.
"""
from __future__ import annotations

import re
from pathlib import Path

PLACEHOLDER = re.compile(r'<div class="whole-text-page" data-page="([^"]+)" data-id="([^"]+)"></div>')
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
ALIAS_SCRIPT = re.compile(r"<script>/\* anchors renamed since publication.*?</script>", re.S)
HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
NOTE_ID = re.compile(r'\b(id|href)="(#?)(fn|fnref\d*):(\d+)"')
NOTE_ITEM = re.compile(r'<li id="fn:([^"]+)-(\d+)">')


class WholeTextError(RuntimeError):
    """A whole-text page that cannot be filled (a chapter page missing or not as the theme writes it)."""


def page_content(page: str, where: Path) -> str:
    """The content MkDocs rendered from a page's Markdown: its article from the first H1 on.

    >>> page_content('<article class="md-content__inner md-typeset"><a>edit</a><h1 id="top">甲</h1><p>乙</p>'
    ...              '\\n  </article>', Path("a"))
    '<h1 id="top">甲</h1><p>乙</p>'
    """
    start = ARTICLE.search(page)
    first = page.find("<h1", start.end()) if start else -1
    end = page.find("</article>", first)
    if first < 0 or end < 0:
        raise WholeTextError(f"{where}: no article with an H1 — the theme changed: update whole_text_hook.py")
    return page[first:end].rstrip()


def framed(content: str, key: str, anchor: str) -> str:
    """A chapter's content as a part of the whole-text page (see the module).

    >>> print(framed('<h1 id="top">摘要<a class="headerlink" href="#top">¶</a></h1>\\n<h2 id="x">一</h2>'
    ...              '<p>文<sup id="fnref:3"><a class="footnote-ref" href="#fn:3">3</a></sup></p>'
    ...              '<li id="fn:3"><p>註<a class="footnote-backref" href="#fnref:3">↩</a></p></li>',
    ...              "abstract", "abstract"))
    <h2 id="abstract">摘要<a class="headerlink" href="#abstract">¶</a></h2>
    <h3 id="x">一</h3><p>文<sup id="fnref:abstract-3"><a class="footnote-ref" href="#fn:abstract-3">3</a></sup></p><li id="fn:abstract-3" value="3"><p>註<a class="footnote-backref" href="#fnref:abstract-3">↩</a></p></li>
    """
    content = ALIAS_SCRIPT.sub("", content).rstrip()
    if anchor != "top" and content.startswith('<h1 id="top">'):
        content = content.replace('<h1 id="top">', f'<h1 id="{anchor}">', 1).replace(
            'class="headerlink" href="#top"', f'class="headerlink" href="#{anchor}"', 1)
    content = HEADING_TAG.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}", content)
    content = NOTE_ID.sub(lambda m: f'{m[1]}="{m[2]}{m[3]}:{key}-{m[4]}"', content)
    return NOTE_ITEM.sub(lambda m: f'<li id="fn:{m[1]}-{m[2]}" value="{m[2]}">', content)


def filled(page: str, chapter_page, where: Path) -> str:
    """A whole-text page with each chapter placeholder, and the heading before it, replaced by the
    chapter; `chapter_page(key)` gives the built HTML of the text's page `key`."""
    out, end = [], 0
    for found in PLACEHOLDER.finditer(page):
        key, anchor = found[1], found[2]
        heading = page.rfind(f'<h2 id="{anchor}"', end, found.start())
        if heading < 0:
            raise WholeTextError(f"{where}: no heading #{anchor} before the place of {key} — "
                                 "render_print.py writes one before each placeholder")
        out += [page[end:heading], framed(page_content(chapter_page(key), where), key, anchor)]
        end = found.end()
    return "".join(out) + page[end:]


def fill_whole_texts(site: Path) -> int:
    """Fill every whole-text page of a built site that still has placeholders; how many were filled."""
    count = 0
    for page_file in sorted(site.glob("texts/*/print/index.html")):
        page = page_file.read_text(encoding="utf-8")
        if not PLACEHOLDER.search(page):
            continue                      # filled already (a dirty build that did not render it)

        def chapter_page(key: str, folder=page_file.parent.parent) -> str:
            source = folder / key / "index.html"
            if not source.exists():
                raise WholeTextError(f"{page_file}: its chapter page {source} was not built — rebuild the site "
                                     "(make build)")
            return source.read_text(encoding="utf-8")

        page_file.write_text(filled(page, chapter_page, page_file), encoding="utf-8")
        count += 1
    return count


def on_post_build(config, **kwargs) -> None:
    fill_whole_texts(Path(config["site_dir"]))
