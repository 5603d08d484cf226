"""Stage 2b — tables and figures: put rebuilt tables and lost figures where their lines were.

The PDFs flattened tables into loose lines with cells out of order; no general
rule rebuilds them. An editor gives each table in the edition file (`tables:`,
rows × cells) with the raw lines it replaces, and this stage checks that the
caption, header, cells and notes hold exactly the characters of those lines
(apart from repeated headers, which go to the cleaning report). A figure lost in
extraction (`figures:`) keeps its caption and stray labels, with the editor's
description. Each replaced range becomes one placeholder line, so later stages
see a table or figure as a block of its own.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .accounting import chars, table_characters
from .editions import span
from .errors import EditionError
from .model import PLACEHOLDER, Line, Removal
from .paragraphs import squeeze_spaces


@dataclass(frozen=True)
class Figure:
    spec: object          # editions.FigureSpec
    labels: str           # what extraction kept of the figure (besides its caption), as printed


def in_any(no: int, ranges) -> bool:
    return any(first <= no <= last for first, last in ranges)


def describe(counter: Counter) -> str:
    return "".join(sorted(counter.elements()))[:60]


def overlaps(first: int, last: int, ranges) -> bool:
    """Does [first, last] share a line with any of `ranges` (enclosing one counts too)?"""
    return any(first <= end and start <= last for start, end in ranges)


def where(edition_file, spec) -> tuple:
    """Error location of a table or figure: the edition file's `id:` line (read only on error)."""
    return edition_file, spec_line(edition_file, spec.id)


def check_table(spec, lines: list[Line], edition_file) -> None:
    """The table's text must be the source's, character for character (whitespace aside)."""
    source = Counter()
    for line in lines:
        source += chars(line.text)
    rebuilt = table_characters(spec)
    if source != rebuilt:
        missing, extra = source - rebuilt, rebuilt - source
        detail = "; ".join(part for part in (missing and f"missing 「{describe(missing)}」",
                                             extra and f"not in the source 「{describe(extra)}」") if part)
        raise EditionError(*where(edition_file, spec), f"table {spec.id} does not match raw lines {span(spec.lines)}: "
                                   f"{detail} — correct its cells (or its `lines`/`furniture` ranges)")


def place(body: list[Line], edition, edition_file) -> tuple[list[Line], dict, list[Removal]]:
    """Replace each table's and figure's raw lines by a placeholder line.

    Returns the new body, {id: TableSpec | Figure}, and the removed repeated headers.
    """
    removals: list[Removal] = []
    items: dict[str, object] = {}
    starts: dict[int, str] = {}
    covered: list[tuple[int, int]] = []
    for spec in [*edition.tables, *edition.figures]:
        if spec.id in items or any(overlaps(first, last, covered) for first, last in spec.lines):
            raise EditionError(*where(edition_file, spec),
                               f"{spec.id} overlaps another table or figure (or repeats its id)")
        if not spec.lines:                       # a figure extraction kept nothing of: placed by `after`
            items[spec.id] = Figure(spec, "")
            continue
        inside = [line for line in body if in_any(line.no, spec.lines)]
        if not inside:
            raise EditionError(*where(edition_file, spec), f"{spec.id}: raw lines {span(spec.lines)} are not in the text's body")
        furniture = getattr(spec, "furniture", [])
        kept = [line for line in inside if not in_any(line.no, furniture)]
        removals += [Removal(line.no, line.text.strip(), f"repeated header of table {spec.id}")
                     for line in inside if in_any(line.no, furniture) and line.text.strip()]
        if hasattr(spec, "rows"):
            check_table(spec, kept, edition_file)
            items[spec.id] = spec
        else:
            items[spec.id] = Figure(spec, figure_labels(spec, kept, edition_file))
        starts[inside[0].no] = spec.id
        covered += spec.lines
    new_body = []
    for line in body:
        if line.no in starts:
            new_body.append(Line(line.no, PLACEHOLDER + starts[line.no]))
        elif not in_any(line.no, covered):
            new_body.append(line)
    return new_body, items, removals


def figure_labels(spec, lines: list[Line], edition_file) -> str:
    """The figure's stray labels: its lines' text without the caption (which must be among them)."""
    printed = [squeeze_spaces(line.text.strip()) for line in lines if line.text.strip()]
    caption = squeeze_spaces(spec.caption)
    if caption not in printed:
        raise EditionError(*where(edition_file, spec), f"figure {spec.id}: caption 「{spec.caption}」 is not a line printed in raw lines "
                                   f"{span(spec.lines)} — copy it as printed")
    printed.remove(caption)
    return "\u3000".join(printed)   # one label per printed line, set apart by ideographic spaces


def raw_line_numbers(spec) -> tuple[int, ...]:
    """Every raw line a table or figure stands for (none for a figure placed `after` a paragraph)."""
    return tuple(no for first, last in spec.lines for no in range(first, last + 1))


def figures_after(edition) -> dict[int, str]:
    """{raw line: figure id} of the figures placed after the paragraph holding that line."""
    return {figure.after: figure.id for figure in edition.figures if figure.after is not None}


def spec_line(path, item_id: str) -> int | None:
    """The line of the edition file that declares `id: item_id` (for error messages)."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip().lstrip("- ").strip() == f"id: {item_id}":
                return number
    except OSError:
        pass
    return None
