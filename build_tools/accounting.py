"""Conservation: every non-whitespace character of a raw text is accounted for.

raw (NFC) = headings + paragraphs + notes (a note's number counts as its digits, the ＊ note
            as "*"; "?", the number the cleaner gives a note it found no number for, counts nothing)
            + removed furniture (cleaning report) + what corrections replaced,
as multisets of non-whitespace characters. Corrections: the raw side holds the
expected text, the output side the replacement.

The sum holds region by region too (`region_discrepancies`): the characters of the raw lines
furniture put in the body, the notes or the furniture are those of the blocks, notes and
removals drawn from those lines. Text that moved from one region to another (002: the abstract
read as part of the title note, which prints in the metadata box) shows as lost in one and
invented in the other.
"""
from __future__ import annotations

import re
from collections import Counter

from .markers import MARK_CLOSE, MARK_OPEN
from .model import CleanText


# What `chars` does not count: whitespace (`\s` is str.isspace in a str pattern) and the markers.
UNCOUNTED = re.compile(f"[\\s{MARK_OPEN}{MARK_CLOSE}]+")


def chars(text: str) -> Counter:
    """Non-whitespace characters; a note marker counts as its digits.

    >>> chars(f"第一\u3000章 {MARK_OPEN}12{MARK_CLOSE}") == Counter("第一章12")
    True
    """
    return Counter(UNCOUNTED.sub("", text))


def table_text(spec) -> str:
    """A rebuilt table's text: caption, header, cells and notes."""
    return "".join([spec.caption, *spec.header_texts(), *spec.notes, *(cell for row in spec.rows for cell in row if cell)])


def table_characters(spec) -> Counter:
    """A rebuilt table's characters."""
    return chars(table_text(spec))


def output_characters(text: CleanText) -> Counter:
    # Counter.update, not +=: `+=` rescans the whole counter after every addition
    total = chars("".join(block.text for block in text.blocks if block.kind in ("heading", "paragraph")))
    for item in text.items.values():
        if hasattr(item, "labels"):   # a lost figure: its caption counts only when printed (within its lines)
            total.update(chars((item.spec.caption if item.spec.lines else "") + item.labels))
        else:
            total.update(table_characters(item))
    # a note's number as printed ("?": a note block opening without one)
    total.update(chars("".join(note.text + (note.number if note.number != "?" else "") for note in text.notes)))
    total.update(chars("".join(removal.text for removal in text.removals)))
    for correction in text.corrections:       # signed: a correction may add characters
        total.update(chars(correction.expected))
        total.subtract(chars(correction.replacement))
    return total


def discrepancy(text: CleanText) -> tuple[Counter, Counter]:
    """(characters lost, characters invented) — both empty when the cleaner conserved the text."""
    raw = chars("".join(line.text for line in text.lines))
    for correction in text.corrections:       # the lines are corrected: back to the source's text
        raw.update(chars(correction.expected))
        raw.subtract(chars(correction.replacement))
    out = output_characters(text)
    return raw - out, out - raw


def output_units(text: CleanText):
    """(first raw line, text) of every unit of output: blocks, tables, figures, notes, removals."""
    for block in text.blocks:
        if block.kind in ("heading", "paragraph") and block.lines:
            yield block.lines[0], block.text
    for item in text.items.values():
        spec = getattr(item, "spec", item)
        if not spec.lines:
            continue
        first = spec.lines[0][0]
        yield first, (item.spec.caption + item.labels) if hasattr(item, "labels") else table_text(item)
    for note in text.notes:
        yield note.lines[0], note.text + (note.number if note.number != "?" else "")
    for removal in text.removals:
        yield removal.no, removal.text


def region_discrepancies(text: CleanText) -> list[tuple[str, Counter, Counter]]:
    """(region, characters lost, characters invented) for each region whose output differs from its
    raw lines; empty when no text moved between body, notes and furniture. (Each region's texts
    are counted at once: what `chars` leaves out is single characters, so joining changes nothing.)"""
    if not text.regions:
        return []
    raw_texts: dict[str, list[str]] = {}
    for line in text.lines:
        if line.no in text.regions:
            raw_texts.setdefault(text.regions[line.no], []).append(line.text)
    out_texts: dict[str, list[str]] = {}   # corrections change a line and its output alike: they need no term here
    for first, found in output_units(text):
        out_texts.setdefault(text.regions.get(first, "body"), []).append(found)
    raw = {region: chars("".join(parts)) for region, parts in raw_texts.items()}
    out = {region: chars("".join(parts)) for region, parts in out_texts.items()}
    problems = []
    for region in sorted(set(raw) | set(out)):
        have, got = raw.get(region, Counter()), out.get(region, Counter())
        if +(have - got) or +(got - have):
            problems.append((region, +(have - got), +(got - have)))
    return problems
