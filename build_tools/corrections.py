"""Editorial corrections declared in an edition file, applied to the raw lines in memory.

The raw file is never edited. Each correction names its raw line, the text it
expects there (so a changed seed cannot be silently mis-corrected) and a reason.
After cleaning, `mark` finds each correction's replacement in the paragraph, heading
or note its line went into, so that the reading text shows it (a discreet mark,
the source's reading on hover or tap), as critical editions do.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from .editions import edition_path, position_in
from .errors import EditionError
from .model import Correction, Line


def apply_corrections(raw: Path, lines: list[Line], edition) -> tuple[list[Line], list[Correction]]:
    applied = []
    by_no = {line.no: i for i, line in enumerate(lines)}
    lines = list(lines)
    for number, spec in enumerate(edition.corrections):
        index = by_no.get(spec.line)
        if index is None or spec.expected not in lines[index].text:
            path = edition_path(raw)
            found = "there is no such line" if index is None else f"that line reads 「{lines[index].text.strip()[:40]}」"
            raise EditionError(path, f"correction of raw line {spec.line} expects 「{spec.expected}」, but {found} "
                                     f"in {raw.name} — update the correction's line or expected text, or remove it",
                               *position_in(path, "corrections", number, "expected"))
        lines[index] = replace(lines[index], text=lines[index].text.replace(spec.expected, spec.replacement, 1))
        applied.append(Correction(spec.line, spec.expected, spec.replacement, spec.reason))
    return lines, applied


def located(text: str, replacement: str) -> tuple[int, int] | None:
    """Where the replacement stands in cleaned text (the cleaner may have taken spaces out of it).

    >>> located("The Security Dilemma in Alliance Politics", "Dilemma")
    (13, 20)
    >>> located("並加強推案論述", "並 加強")
    (0, 3)
    """
    chars = [re.escape(ch) for ch in replacement if not ch.isspace()]
    if not chars:
        return None
    found = re.search(r"\s*".join(chars), text)
    return found.span() if found else None


def mark(units: list, corrections: list[Correction]) -> list:
    """The blocks or notes with the corrections of their lines marked: `marks` holds (start, end,
    source reading) of each replacement found in the unit's text. A correction that removes text
    entirely has nothing to mark; the cleaning report lists it."""
    by_line: dict[int, list[Correction]] = {}
    for correction in corrections:
        by_line.setdefault(correction.no, []).append(correction)
    out = []
    for unit in units:
        marks = []
        for no in getattr(unit, "lines", ()):
            for correction in by_line.get(no, []):
                span = located(unit.text, correction.replacement)
                if span:
                    marks.append((*span, correction.expected))
        out.append(replace(unit, marks=tuple(sorted(marks))) if marks else unit)
    return out
