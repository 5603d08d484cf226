"""Stage 4c — note check: pair markers with bodies and account for every anomaly.

Per numbering scope (the page: 001 restarts in each chapter) every marker must
have a body and every body a marker, each number once. An anomaly the source
really has (000's lost endnotes) is allowed only when the edition file records
an editorial decision for it; any other anomaly stops the build, naming the
text, the scope, the note number and the raw line. A decision that no longer
matches an anomaly is reported too, so the edition file stays true.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import Note


@dataclass(frozen=True)
class Anomaly:
    scope: str
    number: str
    line: int | None
    problem: str          # "lost" | "unreferenced" | "duplicate" | "unnumbered" | "stale decision"
    message: str
    decision: object = None   # the edition's NoteDecision that explains it, if any


def find_anomalies(notes: list[Note], markers: list, decisions) -> list[Anomaly]:
    """Every anomaly, explained (with its decision) or not."""
    decided = {(d.scope, str(n), d.kind): d for d in decisions for n in d.number_list()}
    bodies = Counter((note.scope or "index", note.number) for note in notes)
    marked = {(m.scope, str(m.number)): m for m in markers}
    found: list[Anomaly] = []
    used: set = set()

    def add(scope, number, line, problem, message):
        decision = decided.get((scope, number, problem))
        if decision is not None:
            used.add((scope, number, problem))
        found.append(Anomaly(scope, number, line, problem, message, decision))

    for (scope, number), marker in marked.items():
        if (scope, number) not in bodies:
            add(scope, number, marker.line, "lost", "the marker has no note body")
    for note in notes:
        key = (note.scope or "index", note.number)
        if note.number == "*":
            continue          # an unnumbered note on the text as a whole (002): shown with its metadata
        if not note.number.isdigit():
            add(key[0], note.number, note.lines[0], "unnumbered", "a note body without a number")
        elif bodies[key] > 1:
            add(key[0], note.number, note.lines[0], "duplicate", "two note bodies with this number")
        elif key not in marked:
            add(key[0], note.number, note.lines[0], "unreferenced", "no marker in the text refers to this note")
    for (scope, number, kind), decision in decided.items():
        if kind == "truncated":
            if (scope, number) not in bodies:
                found.append(Anomaly(scope, number, None, "stale decision",
                                     "recorded as truncated, but there is no such note", None))
        elif (scope, number, kind) not in used:
            found.append(Anomaly(scope, number, None, "stale decision",
                                 f"recorded as {kind}, but the note is not {kind}", None))
    return found


def truncated_notes(decisions) -> dict[tuple[str, str], object]:
    """{(scope, number): decision} of the notes the edition records as breaking off in the source."""
    return {(d.scope, str(n)): d for d in decisions if d.kind == "truncated" for n in d.number_list()}
