"""Render: a split text's whole text on one page (texts/<slug>/print.md), for printing or saving as PDF.

A secondary copy of the text's pages: excluded from search, not in the navigation, its anchors not
in anchors.json (the chapter pages stay canonical). Each page follows the one before it, its
headings one level down, followed by its own notes. Note numbers restart per chapter as in the
source, so on this page a note's ids are chapter-qualified (`fn:ch-2-5`, `fnref:ch-2-5`) while it
keeps its printed number; the chapter pages keep `fn:5`. A single-page text needs no such page:
its own page is its whole text, and the print stylesheet does the rest.
"""
from __future__ import annotations

import re

from .mdtext import escape
from .model import CleanText
from .render import (WHOLE_TEXT_KEY, WHOLE_TEXT_LABEL, Page, metadata_lines, note_items, own_heading,
                     page_blocks, split_pages)

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


def whole_page(text: CleanText, page: Page, md_path: str, terms: dict | None) -> list[str]:
    """One page of the text inside the whole-text page: its title, blocks and notes."""
    out = []
    if page.key != "index" and own_heading(text, page) is None:
        out += [f"## {escape(page.title)} {{#{page.key}}}", ""]
    body = "\n".join(page_blocks(text, page, md_path, terms, offset=1))
    out += qualified_references(body, page.key).split("\n")
    return out + chapter_notes(note_items(text, page, md_path, terms), page.key)


def render_whole_text(text: CleanText, terms: dict | None = None) -> str:
    """texts/<slug>/print.md: every page of a split text in order."""
    edition = text.edition
    pages = split_pages(text)
    md_path = f"texts/{edition.slug}/{WHOLE_TEXT_KEY}.md"
    out = ["---", "search:", "  exclude: true", "---", "",
           f"# {escape(edition.title)}（{WHOLE_TEXT_LABEL}） {{#top}}", "",
           f"本頁把本文各章合為一頁，供列印或另存為 PDF。它是[各章頁面](index.md)的副本：不列入站內搜尋，"
           "錨點也不是固定錨點；引用或連結請用各章頁面的網址。各章註釋依原文每章重新編號，列於該章之末。", ""]
    out += metadata_lines(text, "report.md")
    out += ["## 目次 {#contents}", ""]
    out += [f"- [{escape(p.title)}](#{own_heading(text, p) or p.key})" for p in pages if p.key != "index"] + [""]
    for page in pages:
        out += whole_page(text, page, md_path, terms)
    return "\n".join(out).rstrip("\n") + "\n"


def whole_text_files(text: CleanText, terms: dict | None = None) -> dict[str, str]:
    """{docs path: content} of the text's whole-text page; none for a single-page text."""
    if len(split_pages(text)) < 2:
        return {}
    return {f"texts/{text.edition.slug}/{WHOLE_TEXT_KEY}.md": render_whole_text(text, terms)}
