"""Stage 3 — structure: recognise headings from the texts' own numbering.

A line is a heading when it starts with an enumerator of one of the text's
outline levels (edition file: `outline.levels`), has no sentence punctuation,
follows the end of a sentence or a short line (a Keywords line has no full stop),
stands alone (`stands_alone`: it is clearly shorter than the text's measure, or
its title wraps onto one or two short lines; a trailing space is extra evidence),
and continues the numbering (一、 after a parent heading, 二、 after 一、 …). The
last test is what keeps run-in enumerations (the six points of a quoted joint
statement) in their text; a parent heading missed does not hide its children.
Ids come from the numbering path, never from the heading's words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import PLACEHOLDER, Heading, Line
from .numerals import ENUMERATORS, value
from .paragraphs import Layout, indent, layout_of, shorter_than_measure, squeeze_spaces, width

SENTENCE_PUNCTUATION = re.compile(r"[。；？！]")
ENDS_SENTENCE = re.compile(r"[。？！：；」』）)》〉…\d.]\s*$")
SHORT_CONTINUATION = 12   # max characters of the last line of a wrapped heading (without a measure)
WRAP_LINES = 3            # a title wraps over at most this many lines


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
    missed_parents: bool = True   # a numbering starting again at 1 counts a parent heading missed
    current: list[int | None] = field(default_factory=list)

    def __post_init__(self):
        self.current = [None] * self.depth

    def expects(self, level: int, number: int) -> bool:
        """The next number at its level, under a parent (levels are never skipped), or a first
        child whose parent heading was missed (`restarts`).

        One missing number is tolerated at the outermost heading level only (000 goes
        from 參 to 伍: the source has no 肆).
        """
        if self.restarts(level, number):
            return True
        if level > 0 and self.current[level - 1] is None:
            return False
        previous = self.current[level] or 0
        return number == previous + 1 or (self.gap_at_top and level == 0 and number == previous + 2)

    def restarts(self, level: int, number: int) -> bool:
        """A numbering that starts again at 1 below a parent that has children already: the next
        parent heading was missed (a title the rules could not read), and its children must not be
        lost with it. `enter` counts the missed parent.

        >>> numbering = Numbering(2); _ = numbering.enter(0, 1); _ = numbering.enter(1, 1); _ = numbering.enter(1, 2)
        >>> numbering.expects(1, 1), numbering.enter(1, 1)
        (True, [2, 1])
        """
        return self.missed_parents and level > 0 and number == 1 and self.current[level] is not None \
            and self.current[level - 1] is not None

    def enter(self, level: int, number: int) -> list[int]:
        if self.restarts(level, number):
            self.current[level - 1] += 1
        self.current[level] = number
        for deeper in range(level + 1, self.depth):
            self.current[deeper] = None
        return [n or 0 for n in self.current[: level + 1]]


def next_text_line(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j].text.strip():
            return j
    return None


def short_of_measure(line: Line, layout: Layout) -> bool:
    """A line that stops clearly before the right margin: it ends there (`shorter_than_measure`).

    >>> short_of_measure(Line(1, "三、實例探討"), Layout(36)), short_of_measure(Line(2, "參、全球治理對於我國進行第二"), Layout(28))
    (True, False)
    """
    return shorter_than_measure(line, layout)


def follows_an_end(previous: Line | None, section: Section, layout: Layout) -> bool:
    """A heading comes after the end of a sentence, a placeholder, a line the layout ended (trailing
    space), or a short line without final punctuation (a Keywords line: 「關鍵詞：全球治理、第二軌道外交」)."""
    return previous is None or bool(ENDS_SENTENCE.search(previous.text)) or previous.text.startswith(PLACEHOLDER) \
        or previous.text != previous.text.rstrip() or section.lines == [] or shorter_than_measure(previous, layout)


def title_lines(body: list[Line], i: int, layout: Layout, outline) -> list[int]:
    """Indexes of the lines a heading starting at body[i] spans: itself, and the lines its title wraps
    onto — each line before the last runs to the margin, the last stops short (up to WRAP_LINES), or
    the edition file names the continuation (`outline.wrapped_headings`), or (without a measure) a
    short tail ends in a space (`wraps`)."""
    used = [i]
    label_alone = (found := match_enumerator(body[i].text.strip(), outline.levels)) is not None and not found[1]["title"].strip()
    j = next_text_line(body, i)
    if label_alone and j is not None and not body[j].text.startswith(PLACEHOLDER) \
            and not SENTENCE_PUNCTUATION.search(body[j].text) and match_enumerator(body[j].text.strip(), outline.levels) is None:
        used.append(j)   # the label on a line of its own, its title on the next (pdftotext: 「第一節」 / 「問題的提出」)
    else:
        label_alone = False
    while len(used) < WRAP_LINES:
        j = next_text_line(body, used[-1])
        if j is None:
            break
        line, tail = body[used[-1]], body[j].text.strip()
        if tail.startswith(PLACEHOLDER):
            break
        declared = body[j].no in outline.wrapped_headings
        runs_to_margin = layout.measure and not short_of_measure(line, layout) and line.text == line.text.rstrip()
        # a title running over the margin has no comma: a line that does is a paragraph's (001: 「第二章為…，」)
        commas = "，," in line.text or any(mark in line.text + tail for mark in "，,")
        if not (declared or wraps(line, body[j]) or (runs_to_margin and not commas
                                                        and not SENTENCE_PUNCTUATION.search(tail))
                or (len(used) == 1 + (len(used) > 1 and label_alone) and title_tail(body, j, outline.levels + outline.list_levels))):
            break
        used.append(j)
        if declared or not runs_to_margin or short_of_measure(body[j], layout):
            break
    if len(used) > 1 and layout.measure and not short_of_measure(body[used[-1]], layout) \
            and body[used[-1]].no not in outline.wrapped_headings and not wraps(body[used[-2]], body[used[-1]]):
        return [i]   # the title never stops short of the margin: a paragraph, not a heading
    return used


def stands_alone(body: list[Line], used: list[int], layout: Layout, levels: list[str]) -> bool:
    """The heading's (last) line ends: before the margin, or where the next line starts anew (it is
    indented in a text that indents its paragraphs, or it opens with an enumerator: 003's
    「三、…之質與量：」 over 「（一）…」), or in a space the layout left (the seeds' exporter). A full
    line with none of these runs on into a sentence."""
    last = body[used[-1]]
    if len(used) > 1 or short_of_measure(last, layout) or last.text != last.text.rstrip():
        return True
    if layout.measure and width(last.text) <= layout.measure - 4 and not re.search(r"[，,]", last.text):
        return True   # two characters or more short of the margin, and no clause of a sentence
    j = next_text_line(body, used[-1])
    return j is not None and ((layout.indents and indent(body[j]) > 0)
                              or match_enumerator(body[j].text.strip(), levels) is not None)


def title_tail(body: list[Line], j: int, levels: list[str]) -> bool:
    """A short last line of a title that filled its own line in a larger type: no punctuation at all
    (a paragraph's last line ends its sentence), no enumerator of its own (000: 「參、全球治理對於我國
    進行第二」 / 「軌道外交之意義」; a thesis chapter title in pdfminer's extraction).

    >>> title_tail([Line(1, "第二章　文獻回顧與分析架構：新自由制度主義與區域"), Line(3, "多邊安全合作之理論基礎")], 1, ["chapter"])
    True
    """
    tail = body[j].text.strip()
    return 0 < len(tail) <= SHORT_CONTINUATION and not re.search(r"[，。、；：？！,.;:?!]", tail) \
        and match_enumerator(tail, levels) is None


def structure(body: list[Line], edition) -> list[Section]:
    """Group body lines into sections under the headings the numbering gives."""
    outline = edition.outline
    layout = layout_of(body)
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
            if line.no == outline.title_line:
                heading = Heading(0, 0, "", text, "title", (line.no,))
            elif text in named:
                spec = named[text]
                numbering.enter(spec.level - 1, 0)
                heading = Heading(spec.level, 0, "", text, spec.id, (line.no,))
            elif follows_an_end(previous_text, sections[-1], layout) and (found := match_enumerator(text, outline.levels)):
                level, match = found
                number = value(match["n"])
                used = title_lines(body, i, layout, outline)
                title = match["title"].strip() + "".join(body[j].text.strip() for j in used[1:])
                limit = max(outline.max_title_chars, layout.measure // 2) * len(used)
                if stands_alone(body, used, layout, outline.levels + outline.list_levels) and heading_shaped(title, limit) and numbering.expects(level, number):
                    path = outline.anchor_prefix + numbering.enter(level, number)
                    anchor = "sec-" + "-".join(str(n) for n in path)
                    heading = Heading(level + 1, number, squeeze_spaces(match["label"]), squeeze_spaces(title), anchor,
                                      tuple(body[j].no for j in used))
                    skip.update(used[1:])
        if heading:
            sections.append(Section(heading))
            previous_text = None
            continue
        sections[-1].lines.append(line)
        if text:
            previous_text = line
    return [s for s in sections if s.heading or any(l.text.strip() for l in s.lines)]


def wraps(first: Line, second: Line) -> bool:
    """A heading wrapped onto a second line: the first has no trailing space, the second is a short tail
    ending in one (the seeds' exporter; without a measure to go by).

    000 prints 「參、全球治理對於我國進行第二」 / 「軌道外交之意義」.
    """
    tail = second.text.strip()
    return (first.text == first.text.rstrip() and 0 < len(tail) <= SHORT_CONTINUATION
            and second.text != second.text.rstrip() and not SENTENCE_PUNCTUATION.search(tail)
            and not tail.endswith(("，", "、")))
