"""Compose the stages for one raw text: read → furniture → structure → notes → paragraphs."""
from __future__ import annotations

from pathlib import Path

from . import furniture, notes, paragraphs, structure
from .corrections import apply_corrections
from .model import Block, CleanText, Heading
from .read import read_lines


def page_key(heading: Heading | None, split_level: int | None, current: str) -> str:
    """The output page a heading opens: one page per split-level heading (001: per chapter)."""
    if split_level is None or heading is None or heading.level != split_level:
        return current
    return heading.anchor.replace("sec-", "ch-") if heading.number else heading.anchor


def scope_finder(blocks: list[Block], split_level: int | None):
    """Map a raw line number to its note-numbering scope (the page it prints on)."""
    starts = sorted((block.lines[0], block.page) for block in blocks if block.kind == "heading")

    def scope_of(no: int) -> str:
        scope = "index"
        for first_line, page in starts:
            if first_line > no:
                break
            scope = page
        return scope if split_level else "index"

    return scope_of


def clean(raw: Path, edition) -> CleanText:
    """Run every stage on one raw text."""
    lines = read_lines(raw)
    lines, corrections = apply_corrections(raw, lines, edition)
    result = CleanText(edition, lines, corrections=corrections)
    paged = furniture.paginate(lines, edition)
    result.removals.extend(paged.removals)
    sections = structure.structure(paged.body, edition)
    page = "index"
    counters: dict[str, int] = {}
    for section in sections:
        page = page_key(section.heading, edition.outline.split_level, page)
        anchor = section.heading.anchor if section.heading else edition.outline.root_id
        if section.heading:
            result.blocks.append(Block("heading", section.heading.label + section.heading.title,
                                       section.heading.lines, anchor, section.heading, anchor, page))
        for text, nos in paragraphs.paragraphs(section.lines, edition.paragraphs, result.removals):
            counters[anchor] = counters.get(anchor, 0) + 1
            result.blocks.append(Block("paragraph", text, nos, f"{anchor}-p{counters[anchor]}", None, anchor, page))
    scope_of = scope_finder(result.blocks, edition.outline.split_level)
    result.notes = notes.parse_footnotes(paged.note_blocks, scope_of, result.removals)
    if paged.endnotes:
        result.notes += notes.parse_endnotes(paged.endnotes, scope_of, result.removals)
    return result
