"""Stage 3 — structure: recognise headings from the texts' own numbering.

A line is a heading when it starts with an enumerator of one of the text's
outline levels (edition file: `outline.levels`), is short and has no sentence
punctuation, follows the end of a sentence, and continues the numbering
(一、 after a parent heading, 二、 after 一、 …). The last test is what keeps
run-in enumerations (the six points of a quoted joint statement) in their text.
Ids come from the numbering path, never from the heading's words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import PLACEHOLDER, Heading, Line
from .numerals import ENUMERATORS, value
from .paragraphs import squeeze_spaces

SENTENCE_PUNCTUATION = re.compile(r"[。；？！]")
ENDS_SENTENCE = re.compile(r"[。？！：；」』）)》〉…\d.]\s*$")
SHORT_CONTINUATION = 12   # max characters of the second line of a wrapped heading


@dataclass
class Section:
    """A heading (None for the text before the first one) and the body lines under it."""

    heading: Heading | None
    lines: list[Line] = field(default_factory=list)


def in_ranges(no: int, ranges) -> bool:
    return any(start <= no <= end for start, end in ranges)


def match_enumerator(text: str, levels: list[str]):
    """(level index, match) of the first outline level whose enumerator starts `text`."""
    for index, style in enumerate(levels):
        found = ENUMERATORS[style].match(text)
        if found:
            return index, found
    return None


def heading_shaped(title: str, max_chars: int) -> bool:
    """Short, not a sentence (no 。；？！), brackets closed (「跨國及跨政府關係（Transnational」 runs on)."""
    bare = title.strip().rstrip("：:")
    balanced = bare.count("（") == bare.count("）") and bare.count("「") == bare.count("」")
    return 0 < len(bare) <= max_chars and balanced and not SENTENCE_PUNCTUATION.search(bare)


@dataclass
class Numbering:
    """The current number at each outline level; tells which number may come next."""

    depth: int
    gap_at_top: bool = True   # tolerate one missing number at the outermost level
    current: list[int | None] = field(default_factory=list)

    def __post_init__(self):
        self.current = [None] * self.depth

    def expects(self, level: int, number: int) -> bool:
        """The next number at its level, under a parent (levels are never skipped).

        One missing number is tolerated at the outermost heading level only (000 goes
        from 參 to 伍: the source has no 肆).
        """
        if level > 0 and self.current[level - 1] is None:
            return False
        previous = self.current[level] or 0
        return number == previous + 1 or (self.gap_at_top and level == 0 and number == previous + 2)

    def enter(self, level: int, number: int) -> list[int]:
        self.current[level] = number
        for deeper in range(level + 1, self.depth):
            self.current[deeper] = None
        return [n or 0 for n in self.current[: level + 1]]


def next_text_line(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j].text.strip():
            return j
    return None


def structure(body: list[Line], edition) -> list[Section]:
    """Group body lines into sections under the headings the numbering gives."""
    outline = edition.outline
    numbering = Numbering(len(outline.levels))
    named = {h.text: h for h in outline.named}
    sections = [Section(None)]
    previous_text: Line | None = None
    skip: set[int] = set()
    for i, line in enumerate(body):
        if i in skip:
            continue
        text = line.text.strip()
        heading = None
        if text and line.no not in outline.not_headings and not in_ranges(line.no, outline.no_headings_in):
            follows_sentence = previous_text is None or bool(ENDS_SENTENCE.search(previous_text.text)) \
                or previous_text.text.startswith(PLACEHOLDER) \
                or previous_text.text != previous_text.text.rstrip() or sections[-1].lines == []
            if line.no == outline.title_line:
                heading = Heading(0, 0, "", text, "title", (line.no,))
            elif text in named:
                spec = named[text]
                numbering.enter(spec.level - 1, 0)
                heading = Heading(spec.level, 0, "", text, spec.id, (line.no,))
            elif follows_sentence and (found := match_enumerator(text, outline.levels)):
                level, match = found
                number = value(match["n"])
                title, lines_used = match["title"].strip(), [line.no]
                j = next_text_line(body, i)
                wrapped = j is not None and (body[j].no in outline.wrapped_headings or wraps(line, body[j]))
                if wrapped:
                    title += body[j].text.strip()
                    lines_used.append(body[j].no)
                    skip.add(j)
                # a heading line ends in a space (or wraps): a full line without one runs on into a sentence
                stands_alone = wrapped or line.text != line.text.rstrip()
                if stands_alone and heading_shaped(title, outline.max_title_chars) \
                        and numbering.expects(level, number):
                    path = outline.anchor_prefix + numbering.enter(level, number)
                    anchor = "sec-" + "-".join(str(n) for n in path)
                    heading = Heading(level + 1, number, match["label"], squeeze_spaces(title), anchor, tuple(lines_used))
                else:
                    skip -= {j}
        if heading:
            sections.append(Section(heading))
            previous_text = None
            continue
        sections[-1].lines.append(line)
        if text:
            previous_text = line
    return [s for s in sections if s.heading or any(l.text.strip() for l in s.lines)]


def wraps(first: Line, second: Line) -> bool:
    """A heading wrapped onto a second line: the first has no trailing space, the second is a short tail.

    000 prints 「參、全球治理對於我國進行第二」 / 「軌道外交之意義」.
    """
    tail = second.text.strip()
    return (first.text == first.text.rstrip() and 0 < len(tail) <= SHORT_CONTINUATION
            and second.text != second.text.rstrip() and not SENTENCE_PUNCTUATION.search(tail)
            and not tail.endswith(("，", "、")))
