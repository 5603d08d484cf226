"""Compose the stages for one raw text: read → furniture → structure → notes → markers → paragraphs → lists."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from . import findings, furniture, lists, markers, notecheck, notes, paragraphs, structure, tables
from .corrections import apply_corrections
from .corrections import mark as corrections_marked
from .editions import edition_path
from .errors import EditionError
from .markers import MARK_CLOSE, MARK_OPEN
from .model import PLACEHOLDER, Block, CleanText, Heading
from .read import read_lines


def page_key(heading: Heading | None, split_level: int | None, current: str) -> str:
    """The output page a heading opens: one page per split-level heading (001: per chapter)."""
    if split_level is None or heading is None or heading.level != split_level:
        return current
    return heading.anchor.replace("sec-", "ch-") if heading.number else heading.anchor


def section_pages(sections: list[structure.Section], split_level: int | None) -> list[str]:
    """The output page of each section."""
    pages, page = [], "index"
    for section in sections:
        page = page_key(section.heading, split_level, page)
        pages.append(page)
    return pages


def scope_finder(sections: list[structure.Section], pages: list[str], split_level: int | None):
    """Map a raw line number to its note-numbering scope: the output page it prints on."""
    starts = [(section.heading.lines[0], page) for section, page in zip(sections, pages) if section.heading]

    def scope_of(no: int) -> str:
        if not split_level:
            return "index"
        scope = "index"
        for first_line, page in starts:
            if first_line > no:
                break
            scope = page
        return scope

    return scope_of


def last_note_numbers(found_notes, edition) -> dict[str, int]:
    """Per scope, the highest note number there is: a body, or a marker whose body is recorded as lost."""
    last: dict[str, int] = {}
    numbered = [(n.scope or "index", int(n.number)) for n in found_notes if n.number.isdigit()]
    numbered += [(d.scope, n) for d in edition.notes if d.kind == "lost" for n in d.number_list()]
    for scope, number in numbered:
        last[scope] = max(last.get(scope, 0), number)
    return last


RESERVED = re.compile(f"[{MARK_OPEN}{MARK_CLOSE}{PLACEHOLDER}]")


def check_reserved(raw: Path, lines) -> None:
    """The private-use characters the stages use as internal marks must not occur in a source."""
    for line in lines:
        found = RESERVED.search(line.text)
        if found:
            raise EditionError(raw, f"character U+{ord(found.group()):04X} (private use) is reserved by the cleaner — "
                                    f"replace it through a `corrections:` entry in editions/{raw.stem}.yml",
                               line.no, found.start() + 1)


def clean(raw: Path, edition) -> CleanText:
    """Run every stage on one raw text."""
    lines = read_lines(raw)
    lines, corrections = apply_corrections(raw, lines, edition)
    check_reserved(raw, lines)
    result = CleanText(edition, lines, corrections=corrections)
    paged = furniture.paginate(lines, edition)
    result.removals.extend(paged.removals)
    result.regions = furniture.regions_of(paged)
    result.printed_pages = paged.printed_pages
    body, result.items, table_removals = tables.place(paged.body, edition, edition_path(raw))
    result.removals.extend(table_removals)
    sections = structure.structure(body, edition)
    if not any(section.heading for section in sections):
        result.warnings.append(f"no heading recognised (outline levels: {', '.join(edition.outline.levels)}) — "
                               f"built as one section; check `outline:` in {edition_path(raw).parent.name}/"
                               f"{edition_path(raw).name}")
    pages = section_pages(sections, edition.outline.split_level)
    scope_of = scope_finder(sections, pages, edition.outline.split_level)
    result.notes = notes.parse_footnotes(paged.note_blocks, scope_of, result.removals)
    if paged.endnotes:
        result.notes += notes.parse_endnotes(paged.endnotes, scope_of, result.removals)
    body = [line for section in sections for line in section.lines]
    marked, result.markers = markers.find_markers(body, scope_of, last_note_numbers(result.notes, edition),
                                                  notes.number_runs(result.notes))
    result.anomalies = notecheck.find_anomalies(result.notes, result.markers, edition.notes)
    marked_text = {line.no: line for line in marked}
    layout = paragraphs.layout_of(marked, edition.paragraphs)
    for section, page in zip(sections, pages):
        anchor = section.heading.anchor if section.heading else edition.outline.root_id
        if section.heading:
            result.blocks.append(Block("heading", section.heading.label + section.heading.title,
                                       section.heading.lines, anchor, section.heading, anchor, page))
        section_lines = [marked_text[line.no] for line in section.lines]
        body = section_blocks(paragraphs.paragraphs(section_lines, edition.paragraphs, result.removals, layout),
                              result.items, tables.figures_after(edition), anchor, page)
        nesting = lists.nest([block.text for block in body], anchor, edition.outline.list_levels)
        result.blocks += [replace(block, item=item, opens_item=opens) for block, (item, opens) in zip(body, nesting)]
    result.blocks = corrections_marked(result.blocks, corrections)
    result.notes = corrections_marked(result.notes, corrections)
    result.warnings += [finding.warning for finding in findings.implausible(result, f"editions/{raw.stem}.yml")]
    return result


def section_blocks(joined, items: dict, figures_after: dict[int, str], anchor: str, page: str) -> list[Block]:
    """A section's paragraphs (ids numbered in the section: sec-1-2-p3) and its tables and figures
    (in place of their lines, or after the paragraph holding their `after` line)."""
    blocks, count = [], 0
    for text, nos in joined:
        if text.startswith(PLACEHOLDER):
            item = text[len(PLACEHOLDER):]
            spec = getattr(items[item], "spec", items[item])
            kind = "figure" if item.startswith("fig-") else "table"
            blocks.append(Block(kind, item, tables.raw_line_numbers(spec), item, None, anchor, page))
            continue
        count += 1
        blocks.append(Block("paragraph", markers.tidy_markers(text), nos, f"{anchor}-p{count}", None, anchor, page))
        blocks += [Block("figure", figure, (), figure, None, anchor, page)
                   for no, figure in figures_after.items() if no in nos]
    return blocks
