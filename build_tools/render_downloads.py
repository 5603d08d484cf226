"""Render: each text's downloads, next to its pages in texts/<slug>/ and listed in anchors.json.

- `<slug>.tei.xml`: TEI P5 (render_tei.py);
- `<slug>.txt`: the clean text in UTF-8, headings and paragraphs as printed, each page's notes
  after it as `[N] …`, note markers as `[N]`, printed pages as `〔原書頁 151〕`, under a header
  with the text's citation, URL, version and licence;
- `<slug>.pdf`: the whole-text page printed by Chromium (pdf.py, `make pdf`, part of `make build`).
"""
from __future__ import annotations

import re

from .cite import EDITION_TITLE, EDITORS, Place, chinese_style, release
from .markers import MARK_CLOSE, MARK_OPEN
from .milestones import milestones
from .model import CleanText
from .paragraphs import squeeze_spaces
from .render import LOST_REMARK, item_caption, page_notes, split_pages, text_note
from .render_tei import render_tei

MARKER = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")
KINDS = {"tei": ("tei.xml", "TEI P5 XML"), "text": ("txt", "純文字（UTF-8）"), "pdf": ("pdf", "PDF")}


def download_names(slug: str) -> dict[str, str]:
    """{kind: file name} of a text's downloads.

    >>> download_names("a")["tei"]
    'a.tei.xml'
    """
    return {kind: f"{slug}.{suffix}" for kind, (suffix, _) in KINDS.items()}


def download_entries(slug: str) -> dict[str, str]:
    """anchors.json's `downloads` of a text: {kind: site-relative URL}."""
    return {kind: f"texts/{slug}/{name}" for kind, name in download_names(slug).items()}


def plain(text: str) -> str:
    """Running text as plain text: a note marker as [N].

    >>> plain("之後。\ue0001\ue001在")
    '之後。[1]在'
    """
    return MARKER.sub(r"[\1]", text)


def with_pages(block_text: str, marks) -> str:
    for milestone in sorted(marks, key=lambda m: -m.offset):
        block_text = f"{block_text[:milestone.offset]}〔原書頁 {milestone.n}〕{block_text[milestone.offset:]}"
    return block_text


def citation_header(text: CleanText) -> list[str]:
    edition, r = text.edition, release()
    place = Place("top", f"texts/{edition.slug}/", "section", "全文", "whole text")
    return [edition.title, edition.title_en, "",
            f"{EDITION_TITLE}，版本 {r.version}（{r.date}），{EDITORS}編。",
            f"網址：{r.version_url}texts/{edition.slug}/", f"引用：{chinese_style(edition, place)}",
            "授權：校注內容 CC BY 4.0（https://creativecommons.org/licenses/by/4.0/）；原文著作權屬原作者。",
            "", "=" * 40, ""]


def render_plain_text(text: CleanText) -> str:
    edition = text.edition
    split = bool(edition.outline.split_level)
    marks: dict[str, list] = {}
    for milestone in milestones(text):
        marks.setdefault(milestone.anchor, []).append(milestone)
    out = citation_header(text)
    note = text_note(text)
    if note is not None:
        out += [f"＊ {plain(note.text)}", ""]
    for page in split_pages(text):
        for block in page.blocks:
            if block.kind == "heading":
                out += [f"{block.heading.label}{block.heading.title}", ""]
            elif block.kind == "paragraph":
                out += [plain(with_pages(block.text, marks.get(block.anchor, []))), ""]
            else:
                out += [f"〔{item_caption(text.items[block.anchor])}〕", ""]
        notes = page_notes(text, page.key if split else "index")
        if notes:
            out += ["-" * 20, ""]
            for number, _ in notes:
                found = next((n for n in text.notes if (n.scope or "index") == (page.key if split else "index")
                              and n.number == number), None)
                body = plain(squeeze_spaces(found.text)) if found else re.sub(r"<[^>]+>", "", LOST_REMARK)
                out.append(f"[{number}] {body}")
            out += [""]
    return "\n".join(out).rstrip("\n") + "\n"


def download_files(text: CleanText) -> dict[str, str]:
    """{docs path: content} of a text's TEI and plain text (the PDF is printed from the built site)."""
    slug = text.edition.slug
    names = download_names(slug)
    return {f"texts/{slug}/{names['tei']}": render_tei(text), f"texts/{slug}/{names['text']}": render_plain_text(text)}


def download_row(slug: str) -> str:
    """The metadata box's row of downloads (links relative to the text's index page)."""
    return " · ".join(f"[{label}]({name})" if kind != "pdf" else f'<a href="{name}">{label}</a>'
                      for kind, name, label in ((k, n, KINDS[k][1]) for k, n in download_names(slug).items()))
