"""Stage 2 — furniture: find page breaks, take out page furniture, set note blocks aside.

The extractions carry few page markers (pdftotext, pdfminer and PyMuPDF write a form feed per
page, PDFBox none), so pages and their furniture are found from the structure every extraction
keeps (each rule is one function below), whitespace serving only as extra evidence:

* running headers: short lines that recur, numbers aside, by the page breaks of three pages or
  more (`repeats_on_most_pages`); a watermark: runs of few-character fragments whose characters
  recur on other pages (`watermark_runs`); page numbers: bare numbers by the page breaks, or
  beside a header, rising page after page (`page_numbers_in_sequence`); each raw line's printed
  page follows from them (`printed_pages`);
* note blocks: where a text has footnote separator lines (a line of 20+ spaces; 100+ opens a
  block continuing the previous page's last note), they open the blocks; elsewhere a block is
  the page's last lines that read as notes N, N+1, … whose markers stand above
  (`footnote_block_starts`), its first lines the rest of a note broken off on the page before;
* endnotes: after their heading (【註釋】, 註釋, Notes …), declared or not;
* the first line of a new page (or column) after no empty line, with one extra space, is a
  page start (the seeds' exporter).

What an edition file may add (header strings, a watermark, the endnotes heading, a note block's
first line) only adds to what is found; no entry is needed.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .model import Line, Removal

SEPARATOR_MIN = 20        # spaces in a footnote separator line
CONTINUATION_MIN = 100    # spaces in a separator whose block continues the previous note
NOTE_OPEN = re.compile(r"[：:，,、（(「《〈]\s*$")  # a note line ending like this goes on
BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
PAGE_NUMBER = re.compile(r"^\s*(第\s*)?[-–—]?\s*(?P<n>\d{1,4})\s*[-–—]?\s*(?(1)頁)\s*$")   # 3, - 3 -, 第 3 頁
FORM_FEED = "\f"
HEADER_MAX = 40           # characters of a running header (spacing ignored)
HEADER_MIN_PAGES = 3      # a line repeated on this many pages is furniture
PIECE_MAX = 6             # characters of one line of a watermark broken into fragments
PIECES_MIN = 4            # lines of a watermark run
SENTENCE_END = re.compile(r"[。，、；：？！」』）》〉…]$")


@dataclass
class NoteBlock:
    """The footnote lines of one page; `continues` if its first lines end the previous page's last note."""

    lines: list[Line] = field(default_factory=list)
    continues: bool = False


@dataclass
class Paged:
    """Output of this stage: body lines (with page starts flagged), note blocks, removals."""

    body: list[Line]
    note_blocks: list[NoteBlock]
    endnotes: list[Line]
    removals: list[Removal]
    printed_pages: dict[int, int] = field(default_factory=dict)   # raw line no -> page number printed on its page


def regions_of(paged: Paged) -> dict[int, str]:
    """The region each text line was put in: body, notes (page-bottom and endnote blocks) or furniture."""
    regions = {line.no: "body" for line in paged.body if line.text.strip()}
    regions.update({line.no: "notes" for block in paged.note_blocks for line in block.lines})
    regions.update({line.no: "notes" for line in paged.endnotes if line.text.strip()})
    regions.update({removal.no: "furniture" for removal in paged.removals})
    return regions


def is_empty(line: Line) -> bool:
    return line.text == ""


def is_spacer(line: Line) -> bool:
    """A whitespace-only line shorter than a separator (the PDF's vertical spacing)."""
    return line.text != "" and line.text.strip() == "" and len(line.text) < SEPARATOR_MIN


def separator_kind(line: Line) -> str | None:
    """'new' or 'continued' for a footnote separator line, else None.

    >>> separator_kind(Line(1, " " * 53)), separator_kind(Line(1, " " * 150)), separator_kind(Line(1, "  "))
    ('new', 'continued', None)
    """
    if line.text.strip() or len(line.text) < SEPARATOR_MIN:
        return None
    return "continued" if len(line.text) >= CONTINUATION_MIN else "new"


WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return WHITESPACE.sub("", text)


def find_watermarks(lines: list[Line], watermark: str) -> set[int]:
    """Indexes of lines forming a watermark scattered a few characters per line.

    The 001 thesis prints 「‧國立政治大學‧National Chengchi University」 down the
    margin; extraction gives ‧ / 國 / 立 / 政 治 / … / y, one piece per line.
    """
    target = squeeze(watermark)
    found: set[int] = set()
    i = 0
    while i < len(lines):
        piece = squeeze(lines[i].text)
        if piece and target.startswith(piece):
            collected, j, joined = [], i, ""
            while j < len(lines) and len(joined) < len(target):
                part = squeeze(lines[j].text)
                if part and not target.startswith(joined + part):
                    break
                joined += part
                collected.append(j)
                j += 1
            if joined == target:
                found.update(collected)
                i = j
                continue
        i += 1
    return found


def furniture_key(text: str) -> str:
    """A line as furniture repeats it: spacing ignored, every number one and the same (page numbers).

    >>> furniture_key("臺灣國際研究季刊　第 7 卷第 2 期"), furniture_key("外交部施政計畫   12")
    ('臺灣國際研究季刊第#卷第#期', '外交部施政計畫#')
    """
    return re.sub(r"\d+", "#", squeeze(text))


def could_be_header(text: str) -> bool:
    """Short, not a sentence, not only a number, not a note or list line (「3 同上註，頁 88。」).

    >>> could_be_header("國立臺灣示範大學外交學系碩士論文"), could_be_header("8 同上註，頁 12。"), could_be_header("12")
    (True, False, False)
    >>> could_be_header("（１）定期舉行部長級會議"), could_be_header("蔡明彥，〈東亞區域安全合作的發展與限制〉，收錄")
    (False, False)
    """
    key = furniture_key(text)
    words = re.sub(r"[\W\d_#]", "", key)
    citation = "，" in key and bool(re.search(r"[〈《「（]", key))     # 「蔡明彥，〈東亞區域…」 in several notes
    return 2 <= len(key) <= HEADER_MAX and len(words) >= 2 and not key.startswith("#") and not citation \
        and not SENTENCE_END.search(key) and not key.endswith(".") and not starts_with_enumerator(squeeze(text))


def starts_with_enumerator(text: str) -> bool:
    """「一、有利因素」「第四節 小結」: a heading, which may well repeat in every chapter."""
    from .numerals import ENUMERATORS

    return any(pattern.match(text) for pattern in ENUMERATORS.values())


def by_page_break(lines: list[Line], i: int) -> bool:
    """A form feed or a bare number within two text lines of line i (or on it): the edge of a page."""
    def edge(j: int) -> bool:
        text = lines[j].text
        return text.startswith(FORM_FEED) or bool(PAGE_NUMBER.match(text.replace(FORM_FEED, ""))) \
            or bool(re.search(r"\d\s*$", text))

    if edge(i) or (i + 1 < len(lines) and lines[i + 1].text.startswith(FORM_FEED)):
        return True
    for step in (-1, 1):
        j, seen = i + step, 0
        while 0 <= j < len(lines) and seen < 2:
            if lines[j].text.strip():
                seen += 1
                if PAGE_NUMBER.match(lines[j].text.replace(FORM_FEED, "")) or lines[j].text.startswith(FORM_FEED):
                    return True
            j += step
    return False


def repeats_on_most_pages(lines: list[Line], skip: set[int]) -> set[int]:
    """Indexes of short lines that recur, spacing and numbers aside, on three pages or more (a running
    header, a journal's name and issue), found without any edition-file entry. Occurrences closer
    than a page's few lines (a table's repeated cells) do not count. A header after its page number
    counts on two pages already, where the numbers rise like pages (`rise_like_pages`).

    >>> lines = [Line(i, t) for i, t in enumerate(["外交部施政計畫 2", "甲乙丙丁。"] * 12 + ["外交部施政計畫 3"])]
    >>> sorted(repeats_on_most_pages(lines, set()))[:3]
    [0, 2, 4]
    >>> cited = [Line(i, t) for i, t in enumerate(["二軌道外交：台灣務實外交的新座", "標〉，頁 3。"] * 4)]
    >>> repeats_on_most_pages(cited, set())   # a citation wrapped alike in several notes
    set()
    >>> left = [Line(i, t) for i, t in enumerate(["正文。"] * 3 + ["2 問題與研究 第 64 卷第 1 期"] + ["正文。"] * 9
    ...                                             + ["4 問題與研究 第 64 卷第 1 期", "正文。"])]
    >>> sorted(repeats_on_most_pages(left, set()))
    [3, 13]
    """
    by_key: dict[str, list[int]] = {}
    after_number: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if i not in skip and could_be_header(line.text):
            by_key.setdefault(furniture_key(line.text), []).append(i)
        elif i not in skip and header_after_page_number(line.text):
            after_number.setdefault(furniture_key(line.text), []).append(i)
    found: set[int] = set()
    page_of = pages_by_form_feed(lines)
    for where in after_number.values():
        numbers = [header_after_page_number(lines[i].text)[0] for i in where]
        if len(where) >= 2 and rise_like_pages(numbers, [page_of[i] for i in where] if page_of else []):
            found.update(where)
    for key, where in by_key.items():
        if len(where) < 2:
            continue     # once: no repetition (the most lines; by_page_break is not asked about them)
        spread = [b - a for a, b in zip(where, where[1:])]
        at_edges = sum(by_page_break(lines, i) for i in where)
        # where form feeds tell the pages, a line on most of them is furniture wherever it stands
        # (a watermark set in the middle of the page)
        on_pages = len({page_of[i] for i in where}) if page_of else 0
        if page_of and on_pages < len(where):
            continue     # twice on one page: a table's cells (「中華臺北」 in every row), not a header
        most = page_of and on_pages >= max(HEADER_MIN_PAGES, (page_of[-1] + 1) // 2)
        # twice is enough where both stand by a page number (a three-page text: no header on its first page)
        enough = len(where) >= HEADER_MIN_PAGES or (len(where) == 2 and at_edges == 2 and len(key) <= 25
                                                   and not re.search(r"[，、「」〈〉《》]", key)
                                                   and numbers_beside_like_pages(lines, where))
        if enough and min(spread, default=0) >= 2 and (2 * at_edges >= len(where) or most):
            found.update(where)
    return found


LEADING_PAGE_NUMBER = re.compile(r"^\s*(?P<n>[1-9]\d{0,3})\s+(?P<rest>\S.*)$")


def header_after_page_number(text: str) -> tuple[int, str] | None:
    """(page number, header) of a running header printed after its page number, on a journal's left
    pages (「2　問題與研究　第 64 卷第 1 期」), else None. A note's first line looks alike (「3 同前註」)
    but holds a citation or ends a sentence (`could_be_header`); `rise_like_pages` tells the rest.

    >>> header_after_page_number("2　 問題與研究　第　64　卷第　1　期"), header_after_page_number("3 作者於 2019 年 8 月訪談外交部官員所得。")
    ((2, '問題與研究　第　64　卷第　1　期'), None)
    """
    found = LEADING_PAGE_NUMBER.match(text.replace(FORM_FEED, ""))
    return (int(found["n"]), found["rest"].strip()) if found and could_be_header(found["rest"]) else None


def number_beside(lines: list[Line], i: int) -> int | None:
    """The bare number nearest to line i within two text lines either side (the one that makes it
    stand by a page break, `by_page_break`), else None."""
    for reach in (1, 2):
        for step in (-1, 1):
            j, seen = i, 0
            while 0 <= j + step < len(lines) and seen < reach:
                j += step
                if lines[j].text.strip():
                    seen += 1
            found = PAGE_NUMBER.match(lines[j].text.replace(FORM_FEED, "")) if seen == reach else None
            if found:
                return int(found["n"])
    return None


def numbers_beside_like_pages(lines: list[Line], where: list[int]) -> bool:
    """Do the bare numbers beside the two occurrences of a line rise like pages (`rise_like_pages`)?
    A fragment that a superscript set on a line of its own cut off twice alike (PDFBox: 「…的一環。」 /
    「3」 / 「從功能主」, and on a later page 「11」 / 「從功能主」) stands by note numbers, not by pages.
    True where no number stands beside one of them (a form feed marks its page).

    >>> text = ["戰略的一環。", "3", "從功能主", "義的觀點。"] * 2
    >>> text[5] = "11"
    >>> numbers_beside_like_pages([Line(i, t) for i, t in enumerate(text)], [2, 6])
    False
    >>> numbers_beside_like_pages([Line(i, t) for i, t in enumerate(["1", "頁首", "正文。", "2", "頁首"])], [1, 4])
    True
    """
    numbers = [number_beside(lines, i) for i in where]
    return None in numbers or rise_like_pages(numbers, [])


def rise_like_pages(numbers: list[int], pages: list[int]) -> bool:
    """Are the numbers leading a repeated line its pages' numbers? They rise by the same step, one
    (every page) or two (every other: a left page's header), and where form feeds tell the pages
    (`pages`, one index per line), in step with them.

    >>> rise_like_pages([2, 4], [1, 3]), rise_like_pages([2, 4], []), rise_like_pages([3, 5], [1, 2])
    (True, True, False)
    >>> rise_like_pages([3, 9, 15], [])          # note numbers: 「3 同前註」, 「9 同前註」…
    False
    """
    steps = {b - a for a, b in zip(numbers, numbers[1:])}
    return len(steps) == 1 and steps <= {1, 2} and (not pages or len({n - p for n, p in zip(numbers, pages)}) == 1)


def heading_occurrences(lines: list[Line], skip: set[int], level: str | None) -> dict[str, list[list[int]]]:
    """Lines shaped like a numbered heading of `level` (「第2章　我國對外援助的歷史發展」), keyed by their text with
    spacing ignored; a bare label (「第2章」) takes the next text line as its title (pdftotext sets
    a running header's label and title apart)."""
    from .numerals import ENUMERATORS

    found: dict[str, list[list[int]]] = {}
    if level not in ENUMERATORS:
        return found
    text_lines = [i for i, line in enumerate(lines) if line.text.strip() and i not in skip]
    for k, i in enumerate(text_lines):
        text = squeeze(lines[i].text.replace(FORM_FEED, ""))
        match = ENUMERATORS[level].match(text)
        if not match or len(text) > HEADER_MAX or SENTENCE_END.search(text):
            continue
        where = [i]
        if not match["title"] and k + 1 < len(text_lines):
            title = squeeze(lines[text_lines[k + 1]].text)
            if not could_be_header(title):
                continue
            text, where = text + title, [i, text_lines[k + 1]]
        found.setdefault(text, []).append(where)
    return found


def repeated_headings(lines: list[Line], skip: set[int], outermost: str | None) -> set[int]:
    """Indexes of running headers that repeat a heading (a thesis printing its chapter's title at the
    top of each page but the chapter's first): a numbered heading's text again at a page's edge, after
    the heading itself — its first occurrence at a page's edge, unless a second follows on the same
    page (a header above the chapter's opening); a table of contents, inside its page, is left alone.

    Only headings of the outermost level (`outermost`, the edition's first outline level): a
    report's 「（二）推動經貿合作」 may stand in every section, at a page's top by chance.

    >>> FF = chr(12)
    >>> text = ["第1章　緒論"] + ["正文。"] * 5 + [FF + "第1章　緒論"] + ["正文。"] * 5 + ["3", FF + "第1章", "緒論", "正文。"]
    >>> sorted(repeated_headings([Line(i, t) for i, t in enumerate(text)], set(), "chapter"))
    [6, 13, 14]
    >>> repeated_headings([Line(i, t) for i, t in enumerate(text)], set(), "number")
    set()
    >>> contents = ["目錄", "第1章　緒論", "第2章　結論"] + ["正文。"] * 4   # a table of contents first
    >>> sorted(repeated_headings([Line(i, t) for i, t in enumerate(contents + [FF + text[0]] + text[1:])], set(), "chapter"))
    [13, 20, 21]
    """
    return repeated_and_kept_headings(lines, skip, outermost)[0]


def repeated_and_kept_headings(lines: list[Line], skip: set[int], outermost: str | None) -> tuple[set[int], set[int]]:
    """(`repeated_headings`, the lines of the headings they repeat: no other furniture rule may take
    those, though a title set apart from its label (「我國對外援助的歷史發展」) recurs in the headers)."""
    found: set[int] = set()
    kept: set[int] = set()
    first = next((i for i, line in enumerate(lines) if line.text.strip()), -1)   # the first page's top
    for occurrences in heading_occurrences(lines, skip, outermost).values():
        at_edge = [where[0] == first or by_page_break(lines, where[0]) for where in occurrences]
        if len(occurrences) < 2 or True not in at_edge:
            continue
        # the heading opens its chapter at a page's edge (a table of contents listing it stands inside
        # a page), below a header when one stands just above it
        heading = at_edge.index(True)
        if heading + 1 < len(occurrences) and occurrences[heading + 1][0] - occurrences[heading][-1] <= 3:
            heading += 1
        repeats = {i for k, where in enumerate(occurrences) if k != heading and at_edge[k] for i in where}
        if repeats:
            found |= repeats
            kept.update(occurrences[heading])
    return found, kept


def pages_by_form_feed(lines: list[Line]) -> list[int]:
    """The page index of each line, counted by form feeds; [] when the extraction wrote none."""
    if not any(FORM_FEED in line.text for line in lines):
        return []
    page, pages = 0, []
    for line in lines:
        page += line.text.count(FORM_FEED) if line.text.startswith(FORM_FEED) else 0
        pages.append(page)
        if FORM_FEED in line.text and not line.text.startswith(FORM_FEED):
            page += line.text.count(FORM_FEED)
    return pages


def is_piece(text: str) -> bool:
    """A fragment of a rotated watermark: a few characters, not a sentence's end."""
    bare = squeeze(text)
    return 0 < len(bare) <= PIECE_MAX and not SENTENCE_END.search(bare) and not bare.isdigit()


def watermark_runs(lines: list[Line], skip: set[int]) -> set[int]:
    """Indexes of runs of short fragments (a rotated watermark, one or two characters a line) whose
    characters recur, in any order, on another page.

    >>> text = ["正文一行，相當長的句子在這裡。"] + ["‧", "國", "立", "大", "學"] + ["正文一行。"] * 3
    >>> sorted(watermark_runs([Line(i, t) for i, t in enumerate(text * 2)], set()))
    [1, 2, 3, 4, 5, 10, 11, 12, 13, 14]
    """
    runs: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if not line.text.strip():
            continue
        if i not in skip and is_piece(line.text):
            current.append(i)
            continue
        if len(current) >= PIECES_MIN:
            runs.append(current)
        current = []
    if len(current) >= PIECES_MIN:
        runs.append(current)
    keys: dict[str, list[list[int]]] = {}
    for run in runs:
        # the same characters in any order: extractors interleave two lines of rotated text differently
        keys.setdefault("".join(sorted("".join(squeeze(lines[i].text) for i in run))), []).append(run)
    found = {i for same in keys.values() if len(same) >= 2 for run in same for i in run}
    repeated = {key for key, same in keys.items() if len(same) >= 2}
    for key, same in keys.items():
        if key in repeated:
            continue
        for run in same:          # a short heading (第一節) caught in the run: keep only the watermark's lines
            for wanted in repeated:
                kept = [i for i in run if set(squeeze(lines[i].text)) <= set(wanted)]
                have = Counter("".join(squeeze(lines[i].text) for i in kept))
                # all of it, or most (a piece glued to the end of a body line: 「…結構‧」)
                if not have - Counter(wanted) and sum(have.values()) >= 0.8 * len(wanted):
                    found.update(kept)
    return found


def page_boundaries(lines: list[Line], furniture: set[int], closing: bool = False) -> list[int]:
    """Indexes where a page begins: a form feed (pdftotext, pdfminer, PyMuPDF write one per page),
    or a group of furniture lines: its first line where the extraction puts furniture at the top
    of its page, the line after it where at the bottom (`closing`: PDFBox and PyMuPDF write the
    margin boxes after the page's text)."""
    starts = [i for i, line in enumerate(lines) if line.text.startswith(FORM_FEED)]
    groups: list[list[int]] = []
    for i in sorted(furniture):
        if groups and i <= groups[-1][-1] + 3:
            groups[-1].append(i)
        else:
            groups.append([i])
    starts += [group[-1] + 1 if closing else group[0] for group in groups]
    return sorted(set(i for i in starts if i < len(lines)))


def number_on(text: str) -> int | None:
    """The page number a furniture line carries: alone (「- 3 -」, 「第 3 頁」) or beside a running header
    (「外交部施政計畫 2」, 「12 臺灣國際研究季刊」).

    >>> number_on("外交部施政計畫 2"), number_on("3"), number_on("臺灣國際研究季刊　第 8 卷第 1 期 2")
    (2, 3, 2)
    >>> number_on("- 3 -"), number_on("第 12 頁"), number_on("第 3 卷"), number_on("— 3 — 國合會業務檢討")
    (3, 12, None, 3)
    """
    text = text.replace(FORM_FEED, "")
    found = PAGE_NUMBER.match(text) or re.match(r"^.*[^\d\s\-–—]\s+[-–—]?\s*(?P<n>\d{1,4})\s*[-–—]?\s*$", text) \
        or re.match(r"^\s*[-–—]?\s*(?P<n>\d{1,4})\s*[-–—]?\s+[^\d\s\-–—].*$", text)
    return int(found["n"]) if found else None


def numbers_close_pages(lines: list[Line], numbered: list[int], furniture: set[int]) -> bool:
    """Does the extraction put page numbers after their page's text (text lines before the first)?"""
    return bool(numbered) and sum(1 for i in range(numbered[0]) if lines[i].text.strip() and i not in furniture) > 5


def near_boundary(lines: list[Line], i: int, boundaries: list[int], furniture: set[int], reach: int = 2) -> bool:
    """Is line i among the `reach` text lines just before or after a page boundary or furniture?"""
    def text_lines(indexes):
        """The lines up to the `reach`-th full one (a word set alone by justification, 「policy」, is
        passed over but kept)."""
        found, full = [], 0
        for j in indexes:
            if 0 <= j < len(lines) and lines[j].text.strip() and j not in furniture:
                found.append(j)
                full += len(squeeze(lines[j].text)) >= 8 or bool(PAGE_NUMBER.match(lines[j].text))
            if full == reach:
                break
        return found

    for b in boundaries:               # a boundary or furniture line farther than the scan reaches never counts
        if abs(b - i) <= 12 and (i in text_lines(range(b - 1, b - 12, -1)) or i in text_lines(range(b, b + 12))):
            return True
    for f in furniture:
        if abs(f - i) <= 12 and (i in text_lines(range(f + 1, f + 12)) or i in text_lines(range(f - 1, f - 12, -1))):
            return True
    return False


def page_numbers_in_sequence(lines: list[Line], boundaries: list[int], furniture: set[int],
                             headers: set[int] = frozenset()) -> set[int]:
    """Bare numbers next to a page boundary (or furniture, or the text's last line) whose values
    rise page after page: page numbers, top or bottom, with or without a running header — never
    a note number (a note after its number goes on; a page number stands alone by a boundary).

    >>> FF = chr(12)
    >>> text = ["正文。", "1", FF + "正文。", "7 同上。", "2", FF + "正文。", "3"]
    >>> sorted(page_numbers_in_sequence([Line(i, t) for i, t in enumerate(text)], [2, 5], set()))
    [1, 4, 6]
    """
    last_text = max((i for i, line in enumerate(lines) if line.text.strip()), default=-1)
    candidates = []
    for i, line in enumerate(lines):
        found = PAGE_NUMBER.match(line.text.replace(FORM_FEED, ""))
        if found and i not in furniture and (i == last_text or near_boundary(lines, i, boundaries, furniture)):
            candidates.append((i, int(found["n"])))
        elif i in headers and number_on(line.text) is not None:
            candidates.append((i, number_on(line.text)))      # 「外交部施政計畫 2」
        elif i not in furniture and decorated_page_number(line.text) and number_on(line.text) is not None:
            candidates.append((i, number_on(line.text)))      # 「— 3 —」 where no form feed tells the pages
    chosen = longest_page_sequence(sorted(candidates))
    if len(chosen) < 2:
        return set()
    return chosen | first_and_last_pages(lines, chosen)


DECORATED = r"(?:[-–—]\s*\d{1,4}\s*[-–—]|第\s*\d{1,4}\s*頁)"


def decorated_page_number(text: str) -> bool:
    """A page number set off as one (「— 3 —」, 「第 3 頁」), alone or beside a short running header:
    no note number or superscript looks so, so it counts wherever it stands (PDFBox writes no form
    feed to tell the pages).

    >>> decorated_page_number("— 3 — 國合會業務檢討"), decorated_page_number("第 12 頁"), decorated_page_number("3")
    (True, True, False)
    >>> decorated_page_number("1990—1995 年間，雙方")
    False
    """
    text = squeeze(text.replace(FORM_FEED, ""))
    found = re.match(rf"^{DECORATED}(?P<rest>.*)$", text) or re.match(rf"^(?P<rest>.*?){DECORATED}$", text)
    return bool(found) and (not found["rest"] or could_be_header(found["rest"]))


def longest_page_sequence(candidates: list[tuple[int, int]]) -> set[int]:
    """Indexes of the longest run of (index, number) candidates whose numbers rise by one (pages
    left out of an excerpt: by up to three), so that a note number standing alone (「3」 before a
    note's text) is not taken for the page number it happens to equal.

    >>> sorted(longest_page_sequence([(0, 1), (33, 3), (41, 2), (81, 3), (147, 4)]))
    [0, 41, 81, 147]
    """
    best: list[tuple[int, int]] = []          # (length, previous position) per candidate
    for k, (_, number) in enumerate(candidates):
        length, back = 1, -1
        for j in range(k):
            step = number - candidates[j][1]
            if 1 <= step <= 3 and (best[j][0] + (2 if step == 1 else 1), ) > (length, ):
                length, back = best[j][0] + (2 if step == 1 else 1), j
        best.append((length, back))
    if not best:
        return set()
    k = max(range(len(best)), key=lambda j: (best[j][0], -j))
    chosen = set()
    while k >= 0:
        chosen.add(candidates[k][0])
        k = best[k][1]
    return chosen


def first_and_last_pages(lines: list[Line], chosen: set[int]) -> set[int]:
    """The page numbers of a first page printed without a header, or a last one: a bare number
    one below the first found (one above the last) about a page's length away from it (the
    nearest to that length where there are two) — at most twice the median page's lines, or half
    as much again as the longest page found (a page holding a table of short lines).

    >>> text = ["正文。"] * 20 + ["1"] + ["正文。"] * 20 + ["頁首", "2"] + ["正文。"] * 20 + ["頁首", "3"]
    >>> lines = [Line(i, t) for i, t in enumerate(text)]
    >>> sorted(first_and_last_pages(lines, {42, 64}))
    [20]
    >>> text = ["正文。"] * 8 + ["1"] + ["正文。"] * 10 + ["- 1 -", "頁首"] + ["正文。"] * 20 + ["- 2 -", "頁首"] + ["正文。"] * 20 + ["- 3 -"]
    >>> sorted(first_and_last_pages([Line(i, t) for i, t in enumerate(text)], {41, 63}))   # 「1」: a superscript
    [19]
    >>> text = ["正文。"] * 20 + ["1"] + ["正文。"] * 42 + ["2 頁首"] + ["正文。"] * 18 + ["頁首 3"] + ["正文。"] * 42
    >>> text += ["4 頁首"] + ["正文。"] * 11 + ["頁首 5"]       # pages of 43, 19, 43 and 12 lines (PDFBox, a table)
    >>> sorted(first_and_last_pages([Line(i, t) for i, t in enumerate(text)], {63, 82, 125, 137}))
    [20]
    """
    order = sorted(chosen)
    value = {i: number_on(lines[i].text) for i in order}
    gaps = sorted(b - a for a, b in zip(order, order[1:]))
    length = gaps[len(gaps) // 2]            # a page's length in lines (the median gap)
    longest = max(length * 2, gaps[-1] * 3 // 2)   # a page of short lines (a table's cells) runs longer
    before, after = [], []
    first, last = order[0], order[-1]
    for i, line in enumerate(lines):
        bare = PAGE_NUMBER.match(line.text.replace(FORM_FEED, ""))
        if not bare or i in chosen:
            continue
        if int(bare["n"]) == value[first] - 1 and length // 2 <= first - i <= longest:
            before.append(i)
        if int(bare["n"]) == value[last] + 1 and length // 2 <= i - last <= longest:
            after.append(i)
    # one page number a page: of two candidates (a superscript 「1」 alone on its line, and 「- 1 -」)
    # the one a page's length away
    return {min(group, key=lambda i: (abs(abs(i - edge) - length), i))
            for group, edge in ((before, first), (after, last)) if group}


NOTE_START = re.compile(r"^\s*(?P<n>[1-9][0-9]{0,2})(?:(?:\s+|[.．]\s+|(?=[^\d\s.,\-)）、．:：%％年月日]))\S|\s*$)")
CONTINUES_FRAGMENT = re.compile(r"^\s*[，、。；：）」』》〉,;:)]")   # no body line opens so: a note's rest
FINAL = re.compile(r"[。．.？！?!」』）)]\s*$")
ENDNOTES_HEADINGS = {"【註釋】", "註釋", "【註】", "註解", "附註", "【附註】", "Notes", "NOTES", "Endnotes"}


def note_number(text: str) -> int | None:
    """The number a line opens a note with (「4 林文程，〈…」, 「12Robert」, 「2. 李明峻」, or 「3」 alone,
    its text on the next line: page numbers are furniture by now), else None.

    >>> note_number("4 林文程，〈務實外交〉"), note_number("3"), note_number("2008年")
    (4, 3, None)
    >>> note_number("2. 李明峻，〈我國對外援助法制之檢討〉"), note_number("2.0 版")     # a number set off by a full stop
    (2, None)
    """
    found = NOTE_START.match(text.replace(FORM_FEED, ""))
    return int(found["n"]) if found else None


def continues_note_sequence(texts: list[str], expected: int) -> bool:
    """Do these lines (a page's last ones) read as notes expected, expected+1, … to the page's end?
    A line opening with a number already used (a second 「4 …」) means the first was body text
    (「4以2000年…」: a marker at a line start).

    >>> continues_note_sequence(["4 林文程，〈務實外交〉，頁 3。", "5 同上註。"], 4)
    True
    >>> continues_note_sequence(["4以2000年為例，雙方", "多次協商。", "4 林文程，頁 3。"], 4)
    False
    """
    if note_number(texts[0]) != expected:
        return False
    current = expected
    for text in texts[1:]:
        number = note_number(text)
        if number == current + 1:
            current = number
        elif number is not None and number <= current and re.match(r"^\s*\d+\s+\S", text):
            return False
    return True


def called_before(texts: list[str], number: int) -> bool:
    """Does the page's text above print the note's number glued to a word (its marker), alone or
    against a following date (「原則。102000年」), or on a line of its own (an extraction that sets a
    superscript apart: PDFBox, pdftotext)?

    >>> called_before(["正式國號。56月9日，雙方"], 5), called_before(["原則。102000年"], 10)
    (True, True)
    >>> called_before(["有助於鞏固既有邦交。", "4因此，本文主張"], 4)    # a marker at a line's start
    True
    >>> called_before(["於 2005 年"], 5), called_before(["於2005年"], 20)
    (False, False)
    >>> called_before(["對其透明度的質疑。", "1", "巴拉圭於1993年"], 1)   # a superscript on a line of its own
    True
    """
    from .markers import glued_to_a_date

    for text in texts:
        for run in re.finditer(r"(?<=[^\s\d.,/\-])\d+|(?<=[^\s\d])\s(\d+)(?=\s*[^\s\d年月日%％])"
                               r"|^\s*(\d+)(?=[^\d\s.,、．）)])|^\s*(\d{1,3})\s*$", text):
            digits = run.group(1) or run.group(2) or run.group(3) or run.group()
            after = text[run.end():]
            if digits == str(number) and not re.match(r"\s*[年月日%％]", after) or \
                    glued_to_a_date(digits, number, after):
                return True
    return False


def width(text: str) -> float:
    """A line's printed width in ems: a CJK character 1, a Latin one about half."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text.strip())


def note_font_lines(widths: list[float]) -> float:
    """The width above which a line is set in the notes' smaller type: 8 % beyond the body's
    measure (the most common width of full lines)."""
    full = Counter(round(w) for w in widths if w >= 10)
    if not full:
        return float("inf")
    measure = max(full.items(), key=lambda item: (item[1], item[0]))[0]
    return measure * 1.08


def pages_of(lines: list[Line], boundaries: list[int], furniture: set[int]) -> list[list[int]]:
    """The text lines of each page (furniture and empty lines left out), between boundaries."""
    cuts = sorted(set(boundaries) | {0})
    pages = []
    for start, stop in zip(cuts, cuts[1:] + [len(lines)]):
        pages.append([i for i in range(start, stop) if i not in furniture and lines[i].text.strip()])
    return [page for page in pages if page]


def footnote_block_starts(lines: list[Line], pages: list[list[int]], declared: set[int]) -> dict[int, bool]:
    """{index: continues} of the lines that open a page's footnote block, found by the sequence of
    note numbers at page ends (no separator line needed). `continues`: the block first ends the
    previous page's last note, which broke off without final punctuation; its lines are those
    just before the page's first note that are set in the notes' type (wider than the measure).
    The sequence going on wins over a restart at 1: a 「1」 alone on a line inside the page (a table's
    caption, 「表」 / 「1」) is no note where the page ends with notes 3, 4, 5.

    >>> first = ["正文。1", "又一句。2", "1 前引書，頁 5。", "2 同前註。"]
    >>> second = ["正文。3從功能主義", "其情形如表", "1", "所示。42009年5月", "3 作者於 2019 年訪談。", "4 前引書，頁 23。"]
    >>> lines = [Line(i, t) for i, t in enumerate(first + second)]
    >>> footnote_block_starts(lines, [[0, 1, 2, 3], [4, 5, 6, 7, 8, 9]], set())
    {2: False, 8: False}
    """
    widths = [width(line.text) for line in lines]
    wide = note_font_lines(widths)
    opens: dict[int, bool] = {}
    expected, open_note, previous = 1, False, []
    for page in pages:
        texts = [lines[i].text for i in page]
        start = None
        for numbers in (range(expected, expected + 4), (1,)):
            # the next number, a few later ones if a block was missed (or else 1: numbering restarts);
            # its marker on this page or the one before (a note the typesetter moved to the next page)
            start = next((k for k, i in enumerate(page) if i in declared or any(
                continues_note_sequence(texts[k:], n) and called_before(previous + texts[:k], n)
                for n in numbers if note_number(texts[k]) == n)), None)
            if start is not None:
                break
        previous = texts if start is None else texts[:start]
        first = start if start is not None else len(page)
        if open_note:
            k = first - 1
            while k >= 0 and (widths[page[k]] > wide or (k == first - 1 and FINAL.search(texts[k])
                                                           and k > 0 and widths[page[k - 1]] > wide)
                              or CONTINUES_FRAGMENT.match(texts[k])):
                k -= 1
            if k < first - 1:
                opens[page[k + 1]] = True
        if start is None:
            continue
        opens.setdefault(page[start], False)
        numbers = [note_number(t) for t in texts[start:]]
        current = numbers[0]
        for number in numbers[1:]:
            if number == current + 1:
                current = number
        expected = current + 1
        open_note = not FINAL.search(texts[-1])
    return opens


def endnotes_start(lines: list[Line], declared: str | None) -> int | None:
    """Index of the endnotes heading (【註釋】, 註釋, Notes …) followed by note 1, else None."""
    for i, line in enumerate(lines):
        text = squeeze(line.text.replace(FORM_FEED, ""))
        if (declared and text == squeeze(declared)) or text in ENDNOTES_HEADINGS:
            following = next((l.text for l in lines[i + 1:] if l.text.strip()), "")
            if declared or re.match(r"^\s*1\s*[.．、]?\s*\S", following.replace(FORM_FEED, "")):
                return i
    return None


def find_running_headers(lines: list[Line], headers: list[str]) -> set[int]:
    """Indexes of lines that are exactly a running header (spacing ignored)."""
    wanted = {squeeze(h) for h in headers}
    return {i for i, line in enumerate(lines) if line.text.strip() and squeeze(line.text) in wanted}


def page_numbers_after(lines: list[Line], furniture: set[int]) -> set[int]:
    """A bare number following a header or watermark (blank and spacer lines between) is a page number."""
    found: set[int] = set()
    for i in sorted(furniture):
        j = i + 1
        while j < len(lines) and (is_empty(lines[j]) or is_spacer(lines[j]) or j in furniture):
            j += 1
        if j < len(lines) and BARE_NUMBER.match(lines[j].text) and j not in furniture:
            found.add(j)
    return found


def starts_page(lines: list[Line], i: int) -> bool:
    """A text line with a leading space that directly follows a non-empty line starts a page or column."""
    line = lines[i]
    if not line.text[:1].isspace() or not line.text.strip():
        return False
    return i > 0 and not is_empty(lines[i - 1])


def next_separator_continues(lines: list[Line], i: int) -> bool:
    """True if the next footnote separator after index i opens a continued note."""
    for line in lines[i:]:
        kind = separator_kind(line)
        if kind:
            return kind == "continued"
    return False


def ends_note_block(lines: list[Line], i: int, last_note_line: Line | None) -> bool:
    """Inside a note block, does line i start the next page's body?

    It must look like a page start, must not be the text after a bare note number,
    and either the note before it does not visibly go on (it does not end in ：，、 or an
    opening bracket) or that note is known to continue on the next page (the next
    separator is a 'continued' one).
    """
    if not starts_page(lines, i) or last_note_line is None:
        return False
    if BARE_NUMBER.match(lines[i - 1].text):
        return False
    return not NOTE_OPEN.search(last_note_line.text) or next_separator_continues(lines, i + 1)


def note_finished_before(lines: list[Line], i: int, block: list[Line]) -> bool:
    """Inside a note block, has the last note ended so that line i resumes the body? Its last line
    ends a sentence clearly short of the block's measure, a wider gap than a note's line spacing
    follows, and line i does not start a note (002: the title note （＊） ends 「成，特申謝忱。」; the abstract goes on
    at 26)."""
    from .paragraphs import SHORT, ends_sentence, width   # paragraphs imports this module
    from .notes import FOOTNOTE_START, STAR_START
    if not block or not lines[i].text.strip() or not (is_empty(lines[i - 1]) and is_empty(lines[i - 2])):
        return False   # a wider gap than between a note's lines, then
    last = block[-1]
    measure = max(width(line.text) for line in block)
    return (ends_sentence(last) and width(last.text) < SHORT * measure
            and not FOOTNOTE_START.match(lines[i].text) and not STAR_START.match(lines[i].text))


def printed_pages(lines: list[Line], numbers: set[int], boundaries: list[int]) -> dict[int, int]:
    """{raw line no: printed page number} from the page numbers found. Where numbers close their
    pages in the extraction (text before the first one), a number's page runs back to the one
    before it when they follow each other, else back to the page boundary before it; where they
    open their pages, forward to the next number or boundary. Pages whose number was not found
    (an excerpt's first pages) are left out rather than guessed.

    >>> lines = [Line(i + 1, t) for i, t in enumerate(["正文。"] * 6 + ["1", "正文。", "2"])]
    >>> pages = printed_pages(lines, {6, 8}, [7])
    >>> pages[1], pages[7], pages[8], pages[9]
    (1, 1, 2, 2)
    """
    value = {i: number_on(lines[i].text) for i in sorted(numbers) if number_on(lines[i].text) is not None}
    ordered = list(value)
    if not ordered:
        return {}
    bounds = sorted(set(boundaries) | {0, len(lines)})

    def boundary_before(i: int) -> int:
        return max(b for b in bounds if b < i or b == 0)

    def boundary_after(i: int) -> int:
        return min(b for b in bounds if b > i)

    closing = sum(1 for i in range(ordered[0]) if lines[i].text.strip() and i not in numbers) > 5
    pages: dict[int, int] = {}
    for k, i in enumerate(ordered):
        if closing:
            follows = k > 0 and value[i] == value[ordered[k - 1]] + 1
            first = ordered[k - 1] + 1 if follows else boundary_before(i)
            pages.update({lines[j].no: value[i] for j in range(first, i + 1)})
        else:
            follows = k + 1 < len(ordered) and value[ordered[k + 1]] == value[i] + 1
            stop = ordered[k + 1] if follows else boundary_after(i)
            start = boundary_before(i) if i - boundary_before(i) <= 3 else i
            pages.update({lines[j].no: value[i] for j in range(start, stop)})
    return pages


def edited_lines(lines: list[Line], edition) -> set[int]:
    """Indexes of the lines an editor rebuilt (tables, figures): no furniture is sought there."""
    ranges = [r for spec in (*edition.tables, *edition.figures) for r in spec.lines]
    return {i for i, line in enumerate(lines) if any(first <= line.no <= last for first, last in ranges)}


def paginate(lines: list[Line], edition) -> Paged:
    """Split raw lines into body lines, note blocks and removed furniture."""
    policy = edition.furniture
    removals: list[Removal] = []
    furniture = find_running_headers(lines, policy.running_headers)
    reasons = {i: "running header" for i in furniture}
    if policy.watermark:
        marks = find_watermarks(lines, policy.watermark)
        reasons.update({i: "watermark" for i in marks})
        furniture |= marks
    skip = furniture | edited_lines(lines, edition)
    for i in watermark_runs(lines, skip):
        reasons.setdefault(i, "watermark")
        furniture.add(i)
    headers, headings = repeated_and_kept_headings(lines, skip | furniture, next(iter(edition.outline.levels), None))
    for i in repeats_on_most_pages(lines, skip | furniture | headings) | headers:
        reasons.setdefault(i, "running header")
        furniture.add(i)
    numbers = page_numbers_after(lines, furniture)
    headers = {i for i, reason in reasons.items() if reason == "running header"}
    numbers |= page_numbers_in_sequence(lines, page_boundaries(lines, furniture), furniture, headers)
    reasons.update({i: "page number" for i in numbers
                    if i not in reasons or PAGE_NUMBER.match(lines[i].text.replace(FORM_FEED, ""))})
    furniture |= numbers
    closing = numbers_close_pages(lines, sorted(numbers), furniture)
    boundaries = page_boundaries(lines, furniture, closing)
    endnotes_at = endnotes_start(lines, policy.endnotes_heading)
    declared = {i for i, line in enumerate(lines) if line.no in policy.note_block_starts}
    by_sequence: dict[int, bool] = {i: False for i in declared}
    separated = any(separator_kind(line) for line in lines)
    page_edges = set(boundaries)
    if not separated and endnotes_at is None:
        # notes found by their sequence need the true page edges: a watermark stands inside its page
        # (PDFBox writes it after the page's first lines), so it is no edge here
        page_edges = set(page_boundaries(lines, {i for i in furniture if reasons[i] != "watermark"}, closing))
        pages = pages_of(lines, sorted(page_edges), furniture | edited_lines(lines, edition))
        by_sequence = footnote_block_starts(lines, pages, declared)

    body: list[Line] = []
    blocks: list[NoteBlock] = []
    endnotes: list[Line] = []
    in_notes = sequence_block = False
    in_endnotes = False
    after_furniture = False
    last_note_line: Line | None = None
    for i, line in enumerate(lines):
        if i in furniture:
            removals.append(Removal(line.no, line.text.strip(), reasons[i]))
            in_notes, after_furniture = False, True
            continue
        if in_endnotes:
            endnotes.append(line)
            continue
        if in_notes and sequence_block and i in page_edges:
            in_notes = False       # a note block found by its sequence ends with its page
        if i in by_sequence:      # where separator lines mark the blocks, a declared one ends as they do
            blocks.append(NoteBlock(continues=by_sequence[i]))
            in_notes, sequence_block, last_note_line = True, not separated, None
        if i == endnotes_at:
            removals.append(Removal(line.no, line.text.strip(), "endnotes heading (notes are rendered as footnotes)"))
            in_endnotes = True
            continue
        kind = separator_kind(line)
        if kind:
            blocks.append(NoteBlock(continues=kind == "continued"))
            in_notes, sequence_block, last_note_line = True, False, None
            continue
        if in_notes and sequence_block:
            if line.text.strip():
                blocks[-1].lines.append(line)
            continue
        if in_notes:
            ends = line.no in policy.note_block_ends or ends_note_block(lines, i, last_note_line) \
                or note_finished_before(lines, i, blocks[-1].lines)
            if line.no in policy.not_page_starts or not ends:
                if line.text.strip():
                    blocks[-1].lines.append(line)
                    last_note_line = line
                continue
            in_notes = False
            body.append(replace(line, page_start=True))
            continue
        page_start = starts_page(lines, i) or (after_furniture and bool(line.text.strip()))
        if line.no in policy.not_page_starts:
            page_start = False
        body.append(replace(line, page_start=page_start) if page_start else line)
        if line.text.strip():
            after_furniture = False
    return Paged(body, blocks, endnotes, removals, printed_pages(lines, numbers, boundaries))
