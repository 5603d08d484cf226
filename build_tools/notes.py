"""Stage 4 — notes: turn note blocks into numbered note bodies.

Page-bottom blocks: a note starts with its number (alone on a line, or before
its text, or followed by a full stop: 「2. 李明峻…」); a line starting with digits is a new note only if the number is the
next one expected ("15-20。", "32, No. 4" are continuations). A block opened by
a 'continued' separator first finishes the previous page's last note.
Endnotes of the two-column article: `N.` starts note N wherever it has not been
seen yet (columns interleave them); notes are then put back in number order.
"""
from __future__ import annotations

import re

from .furniture import NoteBlock
from .model import Line, Note, Removal
from .paragraphs import join_lines, rejoin_broken_words, squeeze_spaces

# A note number never starts with 0 ("008度…" continues a year broken across lines: 2 / 008).
FOOTNOTE_START = re.compile(r"^\s*(?P<n>[1-9]\d{0,2})(?:\s+|(?P<stop>[.．])\s+|(?=[^\d\s.,\-)）]))(?P<rest>.*)$"
                            r"|^\s*(?P<bare>[1-9]\d{0,2})\s*$")
STAR_START = re.compile(r"^\s*[*＊]\s*(?P<rest>.*)$")
# `N.` at a line's start (text after it, or on the next line), or after a wide gap (two columns: 000)
ENDNOTE_START = re.compile(r"^\s*(?P<n>[1-9]\d?)\.\s*|(?<=\s{2})(?P<m>[1-9]\d?)\.(?=\S)")


LATIN_END = re.compile(r"[A-Za-z0-9.,;:)\]’”&]$")
LATIN_START = re.compile(r"^[A-Za-z0-9(\[‘“&]")      # 「&」 stands between words (「Economics」 / 「& Politics」)


def latin_word_boundary(left: str, right: str) -> bool:
    """A note's line ending in a Latin word or its punctuation, the next opening with one: a space
    was there, whether or not the extraction kept it (「Foreign Affairs,」 / 「Vol. 87」).

    >>> latin_word_boundary("Power and", "Interdependence"), latin_word_boundary("頁", "12。")
    (True, False)
    >>> latin_word_boundary("Foreign Aid,” Economics", "& Politics, Vol. 22")
    True
    >>> latin_word_boundary("Addison-", "Wesley"), latin_word_boundary("報告，2", "008年")
    (False, False)
    """
    left, right = left.rstrip(), right.lstrip()
    if left[-1:].isdigit() and right[:1].isdigit():
        return False          # a number broken over two lines (「2」 / 「008年」)
    return bool(LATIN_END.search(left) and LATIN_START.match(right))


def _append(note: dict, line: Line, text: str, removals) -> None:
    if note["text"]:
        had_space = note["last_raw"] != note["last_raw"].rstrip() or latin_word_boundary(note["text"], text)
        note["text"] = join_lines(note["text"], had_space, Line(line.no, text), removals)
    else:
        note["text"] = text.strip()
    note["last_raw"] = text
    note["lines"].append(line.no)


def _finish(notes: list[dict], scope_of, removals) -> list[Note]:
    return [Note(n["number"], squeeze_spaces(rejoin_broken_words(n["text"], n["lines"][0], removals)), tuple(n["lines"]),
                 scope_of(n["lines"][0])) for n in notes]


def parse_footnotes(blocks: list[NoteBlock], scope_of, removals) -> list[Note]:
    """Footnote bodies from page-bottom blocks; numbering restarts with each scope.

    >>> removals = []
    >>> block = NoteBlock([Line(7, "1. 湯紹成，《中華民國外交援助之研究》，頁 165。"), Line(8, "2. 前引書，頁 150。")])
    >>> [(note.number, note.text) for note in parse_footnotes([block], lambda no: "index", removals)]
    [('1', '湯紹成，《中華民國外交援助之研究》，頁 165。'), ('2', '前引書，頁 150。')]
    >>> [(r.no, r.text) for r in removals]     # the full stops after the numbers, accounted for
    [(7, '.'), (8, '.')]
    """
    notes: list[dict] = []
    expected: dict[str, int] = {}
    for block in blocks:
        current = notes[-1] if (block.continues and notes) else None
        for line in block.lines:
            scope = scope_of(line.no)
            following = expected.get(scope, 1)
            star = STAR_START.match(line.text)
            start = FOOTNOTE_START.match(line.text)
            number = int(start["n"] or start["bare"]) if start else None
            if number == 1 and line is block.lines[0] and not block.continues and following > 2:
                following = 1      # numbering restarts (a new chapter) with a block's first note
            if star and not notes:
                current = {"number": "*", "text": "", "lines": [], "last_raw": ""}
                notes.append(current)
                _append(current, line, star["rest"], removals)
            elif number is not None and number in (following, following + 1) and not (
                    current and current["lines"][-1] == line.no - 1 and number != following):
                expected[scope] = number + 1
                if start["stop"]:      # 「2. 李明峻…」: the full stop after the number is the note's label
                    removals.append(Removal(line.no, start["stop"], f"full stop after note number {number}"))
                current = {"number": str(number), "text": "", "lines": [], "last_raw": ""}
                notes.append(current)
                if start["rest"]:
                    _append(current, line, start["rest"], removals)
                else:
                    current["lines"].append(line.no)
            elif current is not None:
                _append(current, line, line.text, removals)
            else:
                current = {"number": "?", "text": "", "lines": [], "last_raw": ""}
                notes.append(current)
                _append(current, line, line.text, removals)
    return _finish(notes, scope_of, removals)


def number_runs(notes: list[Note]) -> dict[str, list[int]]:
    """Per scope, the last number of each run of bodies whose numbering restarts (1…15, 1…12).

    >>> number_runs([Note(str(n), "", (n,), "index") for n in (1, 2, 3, 1, 2)])
    {'index': [3, 2]}
    """
    runs: dict[str, list[int]] = {}
    previous: dict[str, int] = {}
    for note in notes:
        if not note.number.isdigit():
            continue
        scope, number = note.scope or "index", int(note.number)
        if scope not in runs or (number == 1 and number <= previous[scope]):
            runs.setdefault(scope, []).append(number)
        runs[scope][-1] = max(runs[scope][-1], number)
        previous[scope] = number
    return runs


PAIRS = {"〉": "〈", "》": "《", "」": "「", "）": "（", "』": "『"}


def open_bracket(text: str) -> str | None:
    """The innermost bracket left open at the end of `text`, if any.

    >>> open_bracket("宋學文，〈第二軌道外交與台灣安全——"), open_bracket("〈免國於患者行其下？〉，頁38-39。")
    ('〈', None)
    """
    stack: list[str] = []
    for ch in text:
        if ch in PAIRS.values():
            stack.append(ch)
        elif ch in PAIRS and stack and stack[-1] == PAIRS[ch]:
            stack.pop()
    return stack[-1] if stack else None


def first_unopened_closer(text: str) -> str | None:
    """A closing bracket at the start of a fragment whose opening lies elsewhere (「建議〉，宋學文」 → 〉)."""
    depth: dict[str, int] = {}
    for ch in text:
        if ch in PAIRS.values():
            depth[ch] = depth.get(ch, 0) + 1
        elif ch in PAIRS:
            if not depth.get(PAIRS[ch]):
                return ch
            depth[PAIRS[ch]] -= 1
    return None


def owner_of_fragment(notes: list[dict], current: dict, fragment: str) -> dict:
    """The note an unnumbered fragment continues: normally the current one, but when the
    columns interleave (000: the rest of note 29 follows note 39), the note whose bracket
    the fragment closes."""
    closer = first_unopened_closer(fragment)
    if closer is None or open_bracket(current["text"]) == PAIRS[closer]:
        return current
    for note in reversed(notes):
        if open_bracket(note["text"]) == PAIRS[closer]:
            return note
    return current


def parse_endnotes(lines: list[Line], scope_of, removals) -> list[Note]:
    """Endnotes printed in two columns: split at every unseen `N.`, then sort by number.

    A fragment without a number continues the note before it, unless it closes a
    bracket that an earlier, unfinished note opened (see `owner_of_fragment`).
    """
    notes: list[dict] = []
    seen: set[int] = set()
    current = None
    for line in lines:
        if not line.text.strip():
            continue
        cursor = 0
        for found in ENDNOTE_START.finditer(line.text):
            number = int(found["n"] or found["m"])
            if number in seen or number == 0:
                continue
            before = line.text[cursor:found.start()]
            if before.strip() and current is not None:
                current = owner_of_fragment(notes, current, before)
                _append(current, line, before, removals)
            seen.add(number)
            removals.append(Removal(line.no, ".", f"full stop after endnote number {number}"))
            current = {"number": str(number), "text": "", "lines": [], "last_raw": ""}
            notes.append(current)
            cursor = found.end()
        rest = line.text[cursor:]
        if current is None and rest.strip():      # text before the first number: kept, as a note without one
            current = {"number": "?", "text": "", "lines": [], "last_raw": ""}
            notes.append(current)
        if current is not None and rest.strip():
            current = owner_of_fragment(notes, current, rest)
            _append(current, line, rest, removals)
    notes.sort(key=lambda n: int(n["number"]) if n["number"].isdigit() else 0)
    return _finish(notes, scope_of, removals)
