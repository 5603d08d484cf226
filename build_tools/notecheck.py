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


def runs_of(notes: list[Note]) -> list[int]:
    """The run of its scope's numbering each note belongs to: a new run where numbering restarts.

    >>> runs_of([Note(n, "", (1,)) for n in ("1", "2", "1", "*", "2")])
    [0, 0, 1, 1, 1]
    """
    run: dict[str, int] = {}
    previous: dict[str, int] = {}
    out = []
    for note in notes:
        scope = note.scope or "index"
        if note.number.isdigit():
            if scope in previous and int(note.number) <= previous[scope] and int(note.number) == 1:
                run[scope] = run.get(scope, 0) + 1
            previous[scope] = int(note.number)
        out.append(run.get(scope, 0))
    return out


def find_anomalies(notes: list[Note], markers: list, decisions) -> list[Anomaly]:
    """Every anomaly, explained (with its decision) or not. Where a scope's numbering restarts at 1
    (chapters numbering their notes apart on one page) the restart is itself an anomaly: the page
    would show two notes 1; bodies and markers are paired within each run."""
    decided = {(d.scope, str(n), d.kind): d for d in decisions for n in d.number_list()}
    runs = runs_of(notes)
    bodies = Counter((note.scope or "index", note.number, run) for note, run in zip(notes, runs))
    marked = {(m.scope, str(m.number), m.run): m for m in markers}
    found: list[Anomaly] = []
    used: set = set()
    restarted: set[str] = set()
    for note, run in zip(notes, runs):
        scope = note.scope or "index"
        if run and scope not in restarted:
            restarted.add(scope)
            found.append(Anomaly(scope, note.number, note.lines[0], "restart",
                                 "note numbering restarts at 1 here (notes numbered apart per chapter)"))

    def add(scope, number, line, problem, message):
        decision = decided.get((scope, number, problem))
        if decision is not None:
            used.add((scope, number, problem))
        found.append(Anomaly(scope, number, line, problem, message, decision))

    for (scope, number, run), marker in marked.items():
        if (scope, number, run) not in bodies:
            add(scope, number, marker.line, "lost", "the marker has no note body")
    for note, run in zip(notes, runs):
        key = (note.scope or "index", note.number, run)
        if note.number == "*":
            continue          # an unnumbered note on the text as a whole (002): shown with its metadata
        if not note.number.isdigit():
            add(key[0], note.number, note.lines[0], "unnumbered", "a note body without a number")
        elif bodies[key] > 1:
            add(key[0], note.number, note.lines[0], "duplicate", "two note bodies with this number")
        elif key not in marked:
            add(key[0], note.number, note.lines[0], "unreferenced", "no marker in the text refers to this note")
    numbered = {(scope, number) for scope, number, _ in bodies}
    for (scope, number, kind), decision in decided.items():
        if kind == "truncated":
            if (scope, number) not in numbered:
                found.append(Anomaly(scope, number, None, "stale decision",
                                     "recorded as truncated, but there is no such note", None))
        elif (scope, number, kind) not in used:
            found.append(Anomaly(scope, number, None, "stale decision",
                                 f"recorded as {kind}, but the note is not {kind}", None))
    return found


def truncated_notes(decisions) -> dict[tuple[str, str], object]:
    """{(scope, number): decision} of the notes the edition records as breaking off in the source."""
    return {(d.scope, str(n)): d for d in decisions if d.kind == "truncated" for n in d.number_list()}
