"""Editorial corrections declared in an edition file, applied to the raw lines in memory.

The raw file is never edited. Each correction names its raw line, the text it
expects there (so a changed seed cannot be silently mis-corrected) and a reason.
"""
from __future__ import annotations

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
