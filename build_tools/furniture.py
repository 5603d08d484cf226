"""Stage 2 — furniture: find page breaks, take out page furniture, set note blocks aside.

The PDFs' text carries no page markers, so pages are recognised from the layout
the extraction left behind (each rule is one function below):

* a line of only spaces, 20 or more, separates a page's body from its footnote
  block; a very long one (100+) opens a block whose first lines continue the
  previous page's last note;
* the first line of a new page (or column) follows the previous line with no
  empty line between them and starts with one extra space;
* running headers, scattered watermarks and the page numbers after them are
  furniture: removed, and listed in the cleaning report.

What is text-specific (the header strings, the watermark, where endnotes start)
comes from the edition file, never from code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .model import Line, Removal

SEPARATOR_MIN = 20        # spaces in a footnote separator line
CONTINUATION_MIN = 100    # spaces in a separator whose block continues the previous note
NOTE_OPEN = re.compile(r"[：:，,、（(「《〈]\s*$")  # a note line ending like this goes on
BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


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


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


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
    numbers = page_numbers_after(lines, furniture)
    reasons.update({i: "page number" for i in numbers})
    furniture |= numbers

    body: list[Line] = []
    blocks: list[NoteBlock] = []
    endnotes: list[Line] = []
    in_notes = False
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
        if policy.endnotes_heading and line.text.strip() == policy.endnotes_heading:
            removals.append(Removal(line.no, line.text.strip(), "endnotes heading (notes are rendered as footnotes)"))
            in_endnotes = True
            continue
        kind = separator_kind(line)
        if kind:
            blocks.append(NoteBlock(continues=kind == "continued"))
            in_notes, last_note_line = True, None
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
    return Paged(body, blocks, endnotes, removals)
