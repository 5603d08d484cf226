"""Stage 4b — markers: find the note markers the PDFs flattened into bare digits.

A superscript note number came out as plain digits glued to the text
(「之後。1 在參」, 「shift）。2國際關係」, 「方式 45 來協助」, 「25在中共」 at a
line start, or 「24」 alone on a line before 「2002 年」). A digit run is note
N's marker when, together:

* N is the next number expected in its numbering scope (001 restarts per chapter);
* it is not part of a longer number, a decimal or a version (「2.0」), a list
  number (「（ 1）」), a page or volume reference (「p.22」, 「No.4」);
* it is not followed by a unit that makes it a quantity or a date
  (「21 世紀」, 「4 月」, 「17 國」, 「3%」).

A marker alone on a line at the end of a page's text, after a line that runs on, is
moved to the line it was printed at (`orphan_home`); one alone on a line inside an English
clause, raised out of the next line, goes to that line's sentence end (`raised_home`).

A recognised marker is wrapped in the private-use sentinels MARK_OPEN/MARK_CLOSE
inside the line's text, so that joining lines and squeezing spaces leave it
alone; the renderer turns it into a Markdown footnote reference.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import Line

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
PADDED = re.compile(f"\\s*{MARK_OPEN}(\\d+){MARK_CLOSE}(\\s*)(.?)")
LATIN_BEFORE = re.compile(r"[A-Za-z0-9.,;:)\"”’]")
LATIN_AFTER = re.compile(r"[A-Za-z(]")
CANDIDATE = re.compile(r"(?<![\d,/\-\ue000])(?<!\d\.)(?<![\s(（]\.)[1-9]\d{0,2}(?!\d|[.,:/]\d|\s*、)")   # never with a leading 0
GLUED_RUN = re.compile(r"(?<![\d.,/\-\ue000])[1-9]\d{1,6}")                  # a marker glued to a following number
DATE_START = re.compile(r"^(?:(?:1[89]|20)\d\d\s*年|(?:[1-9]|1[0-2])\s*月|(?:[1-9]|[12]\d|3[01])\s*日)")
DATE_OR_AMOUNT_AFTER = re.compile(r"^\s*(?:世紀|年|月|日(?!本)|%|％|歲|億|萬|千|百|倍|-\s*\d|~|～|至\s*\d)")
UNIT_AFTER = re.compile(r"^\s*(?:餘|多|個|次|位|國|人|名|項|條|屆|周|週|天|小時|時|分|點|輪|家|枚|艘|種|架|部|章|節|"
                        r"頁|號|期|卷|版|級|方|席|票|度|元|美元|公里|里|場|份|件|篇|波|代)")
SENTENCE_BEFORE = re.compile(r"[。．，、；：？！」』）)》〉…,.;:?!\"”’]\s*$")
REFERENCE_BEFORE = re.compile(r"(?:p|pp|No|Vol|figure|Figure|Table|表|圖|第|頁|約|共|達|計)\.?\s*$")
OPENING_BEFORE = re.compile(r"[（(「『《〈]\s*$")
QUANTITY_BEFORE = re.compile(r"\d[\u4e00-\u9fff]$")     # 「共計7天6夜」: the second of two quantities


@dataclass(frozen=True)
class Marker:
    """A note marker found in the running text."""

    number: int
    scope: str
    line: int
    run: int = 0          # which run of the scope's numbering (0 unless it restarts at 1: notecheck)


def is_marker_context(before: str, after: str) -> bool:
    """Do the characters around a digit run read like a flattened superscript?

    `before`: the text before the digits (this line, then earlier lines);
    `after`: the text after them (this line, then the next).

    >>> is_marker_context("簡稱中共）之後。", " 在參與")
    True
    >>> is_marker_context("進入了", " 世紀之後")   # 「。21 世紀」: a century
    False
    >>> is_marker_context("民國 93 年", " 月")
    False
    >>> is_marker_context("（", "）")
    False
    >>> is_marker_context("p.", ")")
    False
    >>> is_marker_context("行程共計7天", "夜，期間")     # 「7天6夜」 while note 6 is awaited
    False
    """
    if not before.strip():
        return False
    if DATE_OR_AMOUNT_AFTER.match(after) or REFERENCE_BEFORE.search(before) or OPENING_BEFORE.search(before) \
            or QUANTITY_BEFORE.search(before):
        return False
    # after punctuation a unit word is the next sentence's first word (「。2國際關係」); else a quantity
    return bool(SENTENCE_BEFORE.search(before)) or not UNIT_AFTER.match(after)


def glued_to_a_date(run: str, expected: int, after: str) -> bool:
    """Is the digit run the marker `expected` printed against a following date (「國號。63月9日」:
    marker 6, then 3月; 「原則。192000年」: marker 19, then 2000年)?

    >>> glued_to_a_date("63", 6, "月9日，雙方"), glued_to_a_date("192000", 19, "年政黨輪替")
    (True, True)
    >>> glued_to_a_date("2008", 2, "年")     # the year 2008, not marker 2 before 008年
    False
    """
    head = str(expected)
    rest = run[len(head):]
    return run.startswith(head) and bool(rest) and rest[0] != "0" and bool(DATE_START.match(rest + after))


def find_markers(lines: list[Line], scope_of, last_number: dict[str, int], runs: dict[str, list[int]] | None = None):
    """Mark note markers in `lines` (document order); return the new lines and the markers found.

    `last_number`: per scope, the highest note number there is (a body, or a
    marker whose body the edition records as lost); no marker is sought beyond it.
    `runs`: per scope, the last number of each run of note bodies where the numbering restarts
    (a thesis whose chapters restart at 1, not split into pages): after a run's last marker the
    next one sought is 1 again.
    """
    run_ends = runs or {}
    run_index: dict[str, int] = {}
    expected: dict[str, int] = {}
    source, lines = lines, list(lines)    # a raised marker is written into a later line before its turn
    texts = [line.text for line in lines]
    found: list[Marker] = []
    for i, line in enumerate(lines):
        scope = scope_of(line.no)
        pieces, cursor = [], 0
        for start, end in candidates(line.text, expected.get(scope, 1), texts, i):
            number = int(line.text[start:end])
            if number != expected.get(scope, 1) or number > last_number.get(scope, 0) or start < cursor:
                continue
            before = _before(texts, i, start)
            after = _after(texts, i, end)
            if not is_marker_context(before, after):
                continue
            alone = line.text.strip() == line.text[start:end]
            home = orphan_home(lines, texts, i) if alone else None
            raised = raised_home(lines, texts, i) if alone and home is None else None
            if home is not None:      # the superscript of a full line's end, set after the page's text
                texts[home] += MARK_OPEN + line.text[start:end] + MARK_CLOSE
                pieces.append(line.text[cursor:start])
            elif raised is not None:  # the superscript of the next line, set before it
                home, at = raised
                texts[home] = texts[home][:at] + MARK_OPEN + line.text[start:end] + MARK_CLOSE + texts[home][at:]
                lines[home] = replace(lines[home], text=texts[home])
                pieces.append(line.text[cursor:start])
            else:
                pieces += [line.text[cursor:start], MARK_OPEN, line.text[start:end], MARK_CLOSE]
            cursor = end
            ends, k = run_ends.get(scope, []), run_index.get(scope, 0)
            if k + 1 < len(ends) and number >= ends[k]:
                run_index[scope], expected[scope] = k + 1, 1
            else:
                expected[scope] = number + 1
            found.append(Marker(number, scope, line.no if home is None else lines[home].no, k))
        if pieces:
            texts[i] = "".join(pieces) + line.text[cursor:]
    new_lines = [line if line.text == text else replace(line, text=text) for line, text in zip(source, texts)]
    return new_lines, found


SENTENCE_END = re.compile(r"[。？！」』）)》〉]\s*$")


def orphan_home(lines: list[Line], texts: list[str], i: int, reach: int = 4) -> int | None:
    """Where a marker alone on line i belongs when the extraction moved it out of its line: at the
    end of its page's text (the next text line opens a page), after a line that runs on mid-sentence,
    it is the superscript that stood past a full line's end (pdftotext sets it after the text block:
    「…有助於鞏固既有邦交。」 / 「因此，本文主張…以期維持區域」 / 「4」). Its home: the nearest line
    above, within `reach` lines of the page, that ends a sentence; None where the marker stands
    right (after a sentence's end) or no such line is found.

    >>> page = [Line(1, "溝通空間，有助於鞏固既有邦交。"), Line(2, "因此，本文主張應將人道援助網絡納入整體的外交戰略之中，以期維持區域"),
    ...         Line(3, "4"), Line(5, "和平穩定。值得注意的是", page_start=True)]
    >>> orphan_home(page, [line.text for line in page], 2)
    0
    >>> orphan_home(page[:1] + page[2:], [line.text for line in page[:1] + page[2:]], 1) is None   # after 。: in place
    True
    """
    following = next((line for line in lines[i + 1:] if line.text.strip()), None)
    if following is not None and not following.page_start:
        return None
    above = [j for j in range(i - 1, -1, -1) if texts[j].strip()][:reach]
    if not above or SENTENCE_BEFORE.search(texts[above[0]]):
        return None
    for j in above[1:]:
        if SENTENCE_END.search(texts[j]):
            return j
        if lines[j].page_start:
            return None
    return None


ENGLISH_WORD_END = re.compile(r"[A-Za-z]{2}$")
ENGLISH_WORD_START = re.compile(r"^[a-z]{2}")
FIRST_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.(?=\s)|[。？！]")


def raised_home(lines: list[Line], texts: list[str], i: int) -> tuple[int, int] | None:
    """Where a marker alone on line i belongs when the extraction set the superscript apart before
    the line it was printed in: between two words of an English clause, where no note is called
    (「…結論寫道：the programme has」 / 「7」 / 「strengthened local capacity in agriculture. 然而，…」:
    pdftotext sets each word of a widely justified line, and the next line's raised superscript, as
    blocks of their own). Its home: the next line, right after its first sentence end; None where
    the marker does not split an English clause, or that line (on the same page) ends no sentence.

    >>> page = [Line(1, "位之間的分工是否明確。該報告的結論寫道：the"), Line(2, "programme"), Line(3, "has"),
    ...         Line(4, "7"), Line(5, "strengthened local capacity in agriculture. 然而，報告並未說明評估所依")]
    >>> home, at = raised_home(page, [line.text for line in page], 3)
    >>> home, page[home].text[at - 12:at]
    (4, 'agriculture.')
    >>> page[3:] = [Line(4, "7"), Line(5, "於1996年修訂對外援助政策之後")]   # no English clause split
    >>> raised_home(page, [line.text for line in page], 3) is None
    True
    """
    above = next((j for j in range(i - 1, -1, -1) if texts[j].strip()), None)
    below = next((j for j in range(i + 1, len(texts)) if texts[j].strip()), None)
    if above is None or below is None or lines[below].page_start or lines[i].page_start:
        return None
    if not ENGLISH_WORD_END.search(texts[above].rstrip()) or not ENGLISH_WORD_START.match(texts[below].lstrip()):
        return None
    end = FIRST_SENTENCE_END.search(texts[below])
    return None if end is None else (below, end.end())


def candidates(text: str, expected: int, texts: list[str], i: int):
    """(start, end) of the digit runs of a line that may be a marker, in order: a short number on
    its own, or the expected number printed against a following date after a sentence's end."""
    found = [(m.start(), m.end()) for m in CANDIDATE.finditer(text)]
    for run in GLUED_RUN.finditer(text):
        head = len(str(expected))
        if SENTENCE_BEFORE.search(_before(texts, i, run.start())) and \
                glued_to_a_date(run.group(), expected, _after(texts, i, run.end()).lstrip()):
            found.append((run.start(), run.start() + head))
    return sorted(set(found))


def _before(texts: list[str], i: int, start: int) -> str:
    """Text before position `start` of line i, reaching back to the previous non-empty line."""
    text = texts[i][:start]
    j = i - 1
    while not text.strip() and j >= 0:
        text = texts[j] + text
        j -= 1
    return text


def _after(texts: list[str], i: int, end: int) -> str:
    text = texts[i][end:]
    j = i + 1
    while not text.strip() and j < len(texts):
        text = text + " " + texts[j]
        j += 1
    return text


def tidy_markers(text: str) -> str:
    """Drop the PDF's padding around markers; a space after one is kept only between Latin words.

    >>> tidy_markers("方式 \ue00045\ue001 來協助")
    '方式\ue00045\ue001來協助'
    >>> tidy_markers("Press\ue0002\ue001 and")
    'Press\ue0002\ue001 and'
    >>> tidy_markers("…\ue00024\ue001 2002 年")
    '…\ue00024\ue0012002 年'
    """
    def rewrite(match: re.Match) -> str:
        before = match.string[:match.start()].rstrip()[-1:]
        space = " " if match[2] and LATIN_BEFORE.match(before) and LATIN_AFTER.match(match[3]) else ""
        return f"{MARK_OPEN}{match[1]}{MARK_CLOSE}{space}{match[3]}"

    return PADDED.sub(rewrite, text)
