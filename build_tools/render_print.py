"""Render: a split text's whole text on one page (texts/<slug>/print.md), for printing or saving as PDF.

A secondary copy of the text's pages: excluded from search, not in the navigation, its anchors not
in anchors.json (the chapter pages stay canonical). Each page follows the one before it, its
headings one level down, followed by its own notes. Note numbers restart per chapter as in the
source, so on this page a note's ids are chapter-qualified (`fn:ch-2-5`, `fnref:ch-2-5`) while it
keeps its printed number; the chapter pages keep `fn:5`. A single-page text needs no such page:
its own page is its whole text, and the print stylesheet does the rest.

The chapters are not rendered twice: print.md holds each chapter's heading and a placeholder,
which whole_text_hook.py fills after the build with the chapter's HTML as its own page has it.
The front matter carries a digest of the chapters' Markdown, so that print.md changes, and
`make serve` renders the page again, whenever a chapter does.
"""
from __future__ import annotations

import re

from .mdtext import escape
from .model import CleanText
from .render import (WHOLE_TEXT_KEY, WHOLE_TEXT_LABEL, Page, metadata_lines, note_items, own_heading,
                     page_blocks, split_pages)

# A name in quotation marks or title marks inside a title (「六方會談」), or a glossary term of Han
# characters printed in it (北韓核武危機): kept on one line (.title-phrase in docs/assets/edition.css).
QUOTED_NAME = re.compile(r"[「『《〈][^「」『』《》〈〉\n]{1,16}[」』》〉]")
HAN_TERM = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,8}")


def title_markup(title: str, terms: tuple[str, ...] = ()) -> str:
    """The whole-text page's title as its heading: each quoted name and each glossary term in it on
    one line, so that a balanced title or a narrow screen never breaks 「六方會談」 or 北韓核武危機 in two.

    >>> title_markup("中共多邊外交戰略與「六方會談」：北韓核武危機與東北亞", ("北韓核武危機", "六方會談"))
    '中共多邊外交戰略與<span class="title-phrase">「六方會談」</span>：<span class="title-phrase">北韓核武危機</span>與東北亞'
    """
    spans = [match.span() for match in QUOTED_NAME.finditer(title)]
    for term in sorted(filter(HAN_TERM.fullmatch, terms), key=len, reverse=True):
        for match in re.finditer(re.escape(term), title):
            if not any(start < match.end() and match.start() < end for start, end in spans):
                spans.append(match.span())
    out, end = [], 0
    for start, stop in sorted(spans):
        out += [escape(title[end:start]), f'<span class="title-phrase">{escape(title[start:stop])}</span>']
        end = stop
    return "".join(out) + escape(title[end:])


# A note reference written by running_text: `[^N]` not escaped (an even run of backslashes before it).
REFERENCE = re.compile(r"(?<!\\)((?:\\\\)*)\[\^(\d+)\]")
BACK_TITLE = "回到正文註 {} 處"   # as the footnotes extension's BACKLINK_TITLE in mkdocs.yml


def qualified_references(markdown: str, scope: str) -> str:
    """A page's note references `[^N]` as footnote references with chapter-qualified ids.

    >>> qualified_references("之後。[^3]在 \\\\[^4]", "ch-2")
    '之後。<sup id="fnref:ch-2-3"><a class="footnote-ref" href="#fn:ch-2-3">3</a></sup>在 \\\\[^4]'
    """
    return REFERENCE.sub(lambda m: f'{m[1]}<sup id="fnref:{scope}-{m[2]}"><a class="footnote-ref" '
                                   f'href="#fn:{scope}-{m[2]}">{m[2]}</a></sup>', markdown)


def chapter_notes(notes: list[tuple[str, str, list[str]]], scope: str) -> list[str]:
    """One page's notes as the footnotes extension writes them (so that the theme's tooltips and
    styles apply), numbered as printed, with chapter-qualified ids and their annotations."""
    if not notes:
        return []
    out = ['<div class="footnote" markdown>', "<hr>", "<ol markdown>"]
    for number, body, annotations in notes:
        back = (f'<a class="footnote-backref" href="#fnref:{scope}-{number}" '
                f'title="{BACK_TITLE.format(number)}">&#8617;</a>')
        out += [f'<li id="fn:{scope}-{number}" value="{number}" markdown="block">', f"{body}&nbsp;{back}", "",
                *annotations, "</li>"]
    return out + ["</ol>", "</div>", ""]


PLACEHOLDER = '<div class="whole-text-page" data-page="{key}" data-id="{anchor}"></div>'   # see whole_text_hook.py


def chapter_place(text: CleanText, page: Page) -> list[str]:
    """A chapter inside the whole-text page: its heading (for the page's table of contents) and the
    placeholder that whole_text_hook.py replaces with the chapter's own HTML, heading included.

    >>> from build_tools.render import Page
    >>> chapter_place(CleanText(None, []), Page("abstract", "摘要"))
    ['## 摘要 {#abstract}', '', '<div class="whole-text-page" data-page="abstract" data-id="abstract"></div>', '']
    """
    anchor = own_heading(text, page) or page.key
    return [f"## {escape(page.title)} {{#{anchor}}}", "", PLACEHOLDER.format(key=page.key, anchor=anchor), ""]


def whole_page(text: CleanText, page: Page, md_path: str, terms: dict | None) -> list[str]:
    """The text's index page inside the whole-text page: its blocks and notes (the other pages are
    placed by `chapter_place`)."""
    out = []
    body = "\n".join(page_blocks(text, page, md_path, terms, offset=1))
    out += qualified_references(body, page.key).split("\n")
    return out + chapter_notes(note_items(text, page, md_path, terms), page.key)


def render_whole_text(text: CleanText, terms: dict | None = None, chapters_key: str = "") -> str:
    """texts/<slug>/print.md: every page of a split text in order; `chapters_key`, a digest of the
    text's pages, for its front matter."""
    edition = text.edition
    pages = split_pages(text)
    md_path = f"texts/{edition.slug}/{WHOLE_TEXT_KEY}.md"
    out = ["---", "search:", "  exclude: true", f"chapters: {chapters_key}", "---", "",
           f"# {title_markup(edition.title, tuple(form for term in (terms or {}).values() for form in term.forms))}"
           f"（{WHOLE_TEXT_LABEL}） {{#top}}", "",
           f"本頁把本文各章合為一頁，供列印或另存為 PDF。它是[各章頁面](index.md)的副本：不列入站內搜尋，"
           "錨點也不是固定錨點；引用或連結請用各章頁面的網址。各章註釋依原文每章重新編號，列於該章之末。", ""]
    out += metadata_lines(text, "report.md")
    out += ["## 目次 {#contents}", ""]
    out += [f"- [{escape(p.title)}](#{own_heading(text, p) or p.key})" for p in pages if p.key != "index"] + [""]
    for page in pages:
        out += whole_page(text, page, md_path, terms) if page.key == "index" else chapter_place(text, page)
    return "\n".join(out).rstrip("\n") + "\n"


def whole_text_files(text: CleanText, terms: dict | None = None, chapters_key: str = "") -> dict[str, str]:
    """{docs path: content} of the text's whole-text page; none for a single-page text. `chapters_key`:
    a digest of the text's pages as render_text writes them (see build.with_whole_text)."""
    if len(split_pages(text)) < 2:
        return {}
    return {f"texts/{text.edition.slug}/{WHOLE_TEXT_KEY}.md": render_whole_text(text, terms, chapters_key)}
