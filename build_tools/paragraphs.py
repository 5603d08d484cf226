"""Stage 5 — paragraphs: join printed lines into true paragraphs.

Blank lines in these extractions say nothing (one follows almost every line).
A paragraph ends where a sentence ends *and* the layout marks a new start:
trailing space after the sentence (all five texts) or, per the edition's
`paragraphs.signal: indent`, also an indent on the next line (000, 004). A spacer
line (a few spaces alone) or a new list enumerator also marks a new paragraph.
"""
from __future__ import annotations

import re

from .furniture import is_spacer
from .model import PLACEHOLDER, Line, Removal

SENTENCE_END = re.compile(r"[。？！?!：:；;」』）)》〉…]\s*(?:\ue000\d+\ue001|\d{0,3})\s*$")  # a note marker may follow
NO_START = "，、。；：）」』》〉,.;:)"
ITEM_START = re.compile(r"^\s*(（[一二三四五六七八九十０-９\d]+）|[一二三四五六七八九十]+、|[０-９]+、|\([０-９\d]+\))")
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2025-\u2027]")
CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2025-\u2027]")
HAN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")
ASCII_WORD = re.compile(r"[A-Za-z0-9]")
LINE_HYPHEN = re.compile(r"[a-z]-$")


def indent(line: Line) -> int:
    """Leading spaces that are a real indent (a page's first line carries one extra)."""
    spaces = len(line.text) - len(line.text.lstrip())
    return max(0, spaces - 1) if line.page_start else spaces


def starts_paragraph(prev: Line, nxt: Line, spacer_between: bool, policy) -> bool:
    """Does `nxt` begin a new paragraph after `prev`?"""
    if nxt.no in policy.breaks_before:
        return True
    if nxt.no in policy.joins_before:
        return False
    if policy.signal == "trailing-space" and ITEM_START.match(nxt.text) and prev.text != prev.text.rstrip():
        return True   # an item after a line the layout ended, though the source omits the full stop (003: 152–153)
    if not SENTENCE_END.search(prev.text) or nxt.text.strip()[:1] in NO_START:
        return False
    if ITEM_START.match(nxt.text) or spacer_between:
        return True
    ended = prev.text != prev.text.rstrip()   # trailing space after the sentence: the layout ended the line
    if policy.signal == "indent":   # an indent, or (where the indent is lost: 004:540) the ended line
        return indent(nxt) > 0 or ended
    return ended


def squeeze_spaces(text: str) -> str:
    """Remove the PDF's letter-spacing inside Chinese, keep one space around Latin words.

    >>> squeeze_spaces("之 間 的 外 交 互 動 ， 任 何")
    '之間的外交互動，任何'
    >>> squeeze_spaces("自 1970年代 國內 NGO 與（ civil society）")
    '自 1970年代國內 NGO 與（civil society）'
    >>> squeeze_spaces("Jennifer Harris, “Revisiting the Future,” The Washington")
    'Jennifer Harris, “Revisiting the Future,” The Washington'
    """
    def replace(match: re.Match) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if not before or not after:
            return ""
        if (before in ",.;:" and after in "“‘") or (before in "”’" and ASCII_WORD.match(after)):
            return " "   # curly quotes inside a Western citation: 「Harris, “Revisiting」
        if CJK_PUNCT.match(before) or CJK_PUNCT.match(after) or (HAN.match(before) and HAN.match(after)):
            return ""
        return " "

    return re.sub(r"\s+", replace, text)


def join_lines(left: str, had_space: bool, right_line: Line, removals: list[Removal]) -> str:
    """Append a wrapped line: no space between CJK, one between Latin words, hyphens rejoined.

    `had_space`: the line before ended in a space (the PDF's sign of a word boundary).
    """
    right = right_line.text.strip()
    if not left:
        return right
    if LINE_HYPHEN.search(left) and right[:1].islower():
        removals.append(Removal(right_line.no, "-", "line-break hyphen at the end of the line before, rejoined"))
        return left[:-1] + right
    last, first = left[-1], right[:1]
    latin_pair = (not CJK.match(last) and not CJK.match(first)) or (last in ",.;:" and first in "“‘")
    if (latin_pair and had_space) or (had_space and (ASCII_WORD.match(last) or ASCII_WORD.match(first))
                                       and not CJK_PUNCT.match(last) and not CJK_PUNCT.match(first)):
        return left + " " + right
    return left + right


def paragraphs(lines: list[Line], policy, removals: list[Removal]) -> list[tuple[str, tuple[int, ...]]]:
    """Join a section's body lines into paragraphs: (text, raw line numbers)."""
    result: list[tuple[str, list[int]]] = []
    prev: Line | None = None
    spacer = False
    for line in lines:
        if not line.text.strip():
            spacer = spacer or is_spacer(line)
            continue
        placeholder = line.text.startswith(PLACEHOLDER) or (prev is not None and prev.text.startswith(PLACEHOLDER))
        if prev is None or placeholder or starts_paragraph(prev, line, spacer, policy):
            result.append((line.text.strip(), [line.no]))
        else:
            text, nos = result[-1]
            had_space = prev.text != prev.text.rstrip()
            result[-1] = (join_lines(text, had_space, line, removals), nos + [line.no])
        prev, spacer = line, False
    return [(squeeze_spaces(text), tuple(nos)) for text, nos in result]
