"""Editorial corrections declared in an edition file, applied to the raw lines in memory.

The raw file is never edited. Each correction names its raw line, the text it
expects there (so a changed seed cannot be silently mis-corrected) and a reason.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .editions import edition_path
from .errors import EditionError
from .model import Correction, Line


def apply_corrections(raw: Path, lines: list[Line], edition) -> tuple[list[Line], list[Correction]]:
    applied = []
    by_no = {line.no: i for i, line in enumerate(lines)}
    lines = list(lines)
    for spec in edition.corrections:
        index = by_no.get(spec.line)
        if index is None or spec.expected not in lines[index].text:
            raise EditionError(edition_path(raw), f"correction for raw line {spec.line} expects "
                               f"'{spec.expected}', which is not on that line of {raw.name} — "
                               "update or remove the correction")
        lines[index] = replace(lines[index], text=lines[index].text.replace(spec.expected, spec.replacement, 1))
        applied.append(Correction(spec.line, spec.expected, spec.replacement, spec.reason))
    return lines, applied
