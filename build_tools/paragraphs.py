"""Stage 5 — paragraphs: join printed lines into true paragraphs.

Blank lines in these extractions say nothing (one follows almost every line).
A paragraph ends where a sentence ends and the layout shows a new start, from
evidence every extraction keeps (each piece is one function below):

* the line is clearly shorter than the text's measure (`shorter_than_measure`);
* the next line is indented, in a text that indents its paragraphs (`Layout.indents`);
* a spacer line (a few spaces alone) stands between them.

Whitespace at the line's end is extra evidence only (`ended_by_layout`): the seeds'
exporter leaves a trailing space after a paragraph's last sentence, but also after a
note marker inside a paragraph (000: 「途徑。 10 」), which says nothing. An
enumerator at a line start opens a paragraph only with that evidence: 「（三）較具隱
密性：」 after a full line is an enumeration running on in its sentence.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .furniture import is_spacer
from .model import PLACEHOLDER, Line, Removal

# a marker may follow; an ASCII full stop after English, a closing quote or a page range (「71-80.」),
# the full stop matched before the look-behinds are tried (it is rare: the search stays fast)
SENTENCE_END = re.compile(r"(?:[。？！?!：:；;」』）)》〉…]|\.(?:(?<=[a-z]{2}\.)|(?<=[)”\"]\.)|(?<=\d[-–]\d\.)|(?<=\d[-–]\d\d\.)"
                          r"|(?<=\d[-–]\d{3}\.)))\s*(?:\ue000\d+\ue001|\d{0,3})\s*$")
NO_START = "，、。；：）」』》〉,.;:)"
ITEM_START = re.compile(r"^\s*(（[一二三四五六七八九十０-９\d]+）|[一二三四五六七八九十]+、|[０-９]+、|\([０-９\d]+\))")
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2025-\u2027]")
CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2025-\u2027]")
HAN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")
ASCII_WORD = re.compile(r"[A-Za-z0-9]")
LINE_HYPHEN = re.compile(r"[A-Za-z]-$")
MARKER_AT_END = re.compile(r"\s(?:\ue000\d+\ue001|\d+)\s*$")   # a marker set apart by spaces
SHORT = 0.85   # a line under this share of the measure is clearly shorter than its neighbours
MEASURED = 5   # running lines needed to know a text's measure


@functools.lru_cache(maxsize=1 << 16)     # the layout rules measure each line several times
def width(text: str) -> int:
    """The printed width of a line in half-width cells (a Chinese character is two).

    >>> width("際間較具影響力的新型態外交途徑。 10 "), width("Inter- dependence")
    (35, 17)
    """
    text = text.strip()
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text if ch not in "\ue000\ue001")


@dataclass(frozen=True)
class Layout:
    """What a text's lines tell of its layout: the measure (the width of a full line) and
    whether its paragraphs are indented."""

    measure: int = 0
    indents: bool = False
    spaced: bool = False   # a blank line follows every printed line (the seeds' extraction)
    breaks_at_superscripts: bool = False   # the extraction ends a line after a superscript (pdftotext -raw)
    first_line: int = 0    # the width of an indented paragraph's full first line, where widths show it
    full: int = 0          # the width of a full line of Chinese characters only (exact, where `measure` is a median)


def indent(line: Line) -> int:
    """Leading spaces that are a real indent (a page's first line carries one extra)."""
    spaces = len(line.text) - len(line.text.lstrip())
    return max(0, spaces - 1) if line.page_start else spaces


def ends_sentence(line: Line) -> bool:
    """The line ends a sentence (a note marker may follow); an ASCII full stop only after English.

    >>> ends_sentence(Line(1, "已然成為國際間較具影響力的新型態外交途徑。 10 ")), ends_sentence(Line(2, "Vol.7, No.1 "))
    (True, False)
    >>> ends_sentence(Line(3, "therefore the current order would remain the same.  "))
    True
    >>> ends_sentence(Line(4, "Globalization and Health 10 (1): 71-80."))     # a reference's pages
    True
    """
    return bool(SENTENCE_END.search(line.text))


def layout_of(lines: list[Line], policy=None) -> Layout:
    """The measure: the median width of the lines that run on (they end mid-sentence, so they are
    full); indents: most indented lines follow a sentence's end (000, 004), or `paragraphs.signal`.

    Text lines only (blank lines and placeholders aside).
    """
    text = [line for line in lines if line.text.strip() and not line.text.startswith(PLACEHOLDER)]
    running = sorted(width(a.text) for a, b in zip(text, text[1:])
                     if not ends_sentence(a) and not ITEM_START.match(b.text) and width(a.text) > 8)
    measure = running[len(running) // 2] if len(running) >= MEASURED else 0   # too few lines say nothing
    after_end = sum(1 for a, b in zip(text, text[1:]) if indent(b) > 0 and ends_sentence(a))
    mid_sentence = sum(1 for a, b in zip(text, text[1:]) if indent(b) > 0 and not ends_sentence(a))
    signal = getattr(policy, "signal", None)
    indents = signal == "indent" if signal else (after_end >= 3 and after_end >= 3 * mid_sentence)
    gaps = sum(1 for a, b in zip(text, text[1:]) if b.no > a.no + 1)
    return Layout(measure, indents, gaps > len(text) // 2, breaks_at_superscripts(text, measure),
                  indented_first_line(text), han_full_width(text))


MARKED = re.compile("\ue000\\d+\ue001")


def han_width(line: Line) -> int | None:
    """The width of a line set in Chinese characters only (markers aside), else None: such a line's
    width is exact, where digits and Latin letters are only estimated.

    >>> han_width(Line(1, "在此脈絡下，印度所採取的軍售政策\ue0003\ue001")), han_width(Line(2, "自2005年以來"))
    (32, None)
    """
    return han_width_of(line.text)


@functools.lru_cache(maxsize=1 << 16)
def han_width_of(text: str) -> int | None:
    text = MARKED.sub("", text).strip()
    return None if not text or any(ch.isascii() for ch in text) else width(text)


def near_han_width(line: Line) -> int | None:
    """`han_width`, also for a line holding a few digits (「行程共計7天6夜」: a digit is about half a
    character wide, as `width` counts it), else None.

    >>> near_han_width(Line(1, "行程共計7天6夜")), near_han_width(Line(2, "Waltz認為"))
    (14, None)
    """
    text = MARKED.sub("", line.text).strip()
    ascii_chars = [ch for ch in text if ch.isascii()]
    return width(text) if text and len(ascii_chars) <= 4 and all(ch.isdigit() for ch in ascii_chars) else None


def han_full_width(text: list[Line]) -> int:
    """The most common width of the lines of Chinese characters only that run on (full lines), or 0."""
    running = Counter(han_width(b) for a, b in zip(text, text[1:])
                      if han_width(b) and not ends_sentence(a) and not ends_sentence(b))
    return running.most_common(1)[0][0] if running else 0


def indented_first_line(text: list[Line]) -> int:
    """The width of a full first line in a text whose paragraphs open indented, though the extraction
    kept no indent: a fixed shortfall from the full width of lines in Chinese characters only, seen
    in the lines that open a paragraph after a clear end (a short line closing a sentence, not with a
    marker: an extraction may break a line after one) and run on.
    At least three such lines and one shortfall of one to four characters among them, else 0.

    >>> full, first = "甲" * 33, "乙" * 31
    >>> lines = [Line(i, t) for i, t in enumerate([first, full, full, "丙。"] * 3 + [full, full])]
    >>> indented_first_line(lines)
    62
    """
    widths = [(han_width(a), han_width(b)) for a, b in zip(text, text[1:])]
    full = han_full_width(text)
    if not full:
        return 0
    opening = [full - wb for (a, b), (wa, wb) in zip(zip(text, text[1:]), widths)
               if wa and wb and ends_sentence(a) and wa < SHORT * full and not ends_sentence(b)
               and not ITEM_START.match(b.text) and not a.text.rstrip().endswith("\ue001")]
    if len(opening) < 3:
        return 0
    shortfall, count = Counter(opening).most_common(1)[0]
    return full - shortfall if 2 <= shortfall <= 8 and count * 3 >= len(opening) * 2 else 0


def opens_indented(nxt: Line, layout: Layout) -> bool:
    """A line of Chinese characters only, running on mid-sentence, exactly as wide as an indented
    paragraph's full first line (`Layout.first_line`; within a cell where a few digits stand in it;
    or a character less, which the typesetter carried over so that the next line does not open
    with a closing mark): it opens a paragraph.

    >>> opens_indented(Line(1, "乙" * 31), Layout(66, first_line=62)), opens_indented(Line(2, "甲" * 33), Layout(66, first_line=62))
    (True, False)
    >>> opens_indented(Line(3, "代表團一行於同年訪問中美洲友邦，行程共計7天6夜，期間拜會三國元"), Layout(66, first_line=62))
    True
    >>> opens_indented(Line(4, "學界對於新南向政策的評價並不一致，部分論者認為其過度偏重硬體建"), Layout(68, first_line=64))
    True
    """
    measured = near_han_width(nxt)
    exact = han_width(nxt) is not None
    # a character less where the line may not end before a closing mark (「…硬體建」 / 「設。總體而言」)
    return bool(layout.first_line) and measured is not None and not ends_sentence(nxt) \
        and any(abs(measured - first) <= (0 if exact else 1) for first in (layout.first_line, layout.first_line - 2))


def breaks_at_superscripts(text: list[Line], measure: int) -> bool:
    """Does the extraction end a line after a superscript that stood inside a printed line? Some line
    ending in a marker is clearly more than an indent's width, yet it and the next line, which runs on
    mid-sentence, together make one printed line (pdftotext -raw: 「…因應結構性限制的理性選擇。3」 /
    「因此，本文主張應將…之中，以期」); an extraction that keeps superscripts in place never shows that,
    since a paragraph's short last line is followed by a full first line.

    >>> marked = [Line(1, "不斷重新界定。\ue0003\ue001"), Line(2, "在此脈絡下，俄羅斯所採取的第二軌道外交可以")]
    >>> breaks_at_superscripts(marked, 65), breaks_at_superscripts(marked[:1] + [Line(2, "在此脈絡下，" * 5)], 65)
    (True, False)
    """
    if not measure:
        return False
    merged: list[Line] = []
    for line in text:              # a marker alone on its line ends the line before it
        if merged and marker_alone(line):
            merged[-1] = Line(line.no, merged[-1].text.rstrip() + line.text.strip())
        else:
            merged.append(line)
    text = merged
    for a, b in zip(text, text[1:]):
        together = width(a.text) + width(b.text)
        if a.text.endswith("\ue001") and 0.2 * measure <= width(a.text) < SHORT * measure \
                and not ends_sentence(b) and SHORT * measure <= together <= 1.08 * measure:
            return True
    return False


def shorter_than_measure(line: Line, layout: Layout) -> bool:
    """A line clearly shorter than a full line ends its paragraph (000: 「交所重視的議題上。」 in a
    column of 18 characters).

    >>> shorter_than_measure(Line(1, "位。  "), Layout(78)), shorter_than_measure(Line(2, "政包袱影響，因此在策略上較具靈活性。"), Layout(36))
    (True, False)
    """
    return bool(layout.measure) and width(line.text) < SHORT * layout.measure


def ended_by_layout(line: Line, layout: Layout) -> bool:
    """Whitespace evidence: a trailing space after the sentence, unless it is the space a note marker
    is set apart by, ending a full line (000: 「由低階政治來影響高階政治的策略。 30 」 runs on; 002's
    glued 「…安全制度。23 」 ends its paragraph).

    >>> ended_by_layout(Line(1, "影響力。 "), Layout(36)), ended_by_layout(Line(2, "由低階政治來影響高階政治的策略。 30 "), Layout(36))
    (True, False)
    """
    if line.text == line.text.rstrip():
        return False
    spaced_marker = bool(MARKER_AT_END.search(line.text))
    marker = spaced_marker or line.text.rstrip().endswith("\ue001")
    # in a text that indents its paragraphs, the indent says where one starts; a marker's space does not
    return shorter_than_measure(line, layout) or not (spaced_marker or (marker and layout.indents))


def split_at_superscript(prev: Line, nxt: Line, layout: Layout) -> bool:
    """One printed line the extraction broke after a superscript, the first piece ending in its marker:
    in an extraction that puts a blank line after every printed line, no blank line between them
    (001: 「期自我利益追逐的一種合作形式」。2」 / 「Harald Muller 則認為…」); in one that does not
    (pdftotext -raw, `breaks_at_superscripts`), a piece and a line that is not a full line itself (a
    full line is at most one character short of the measure) which together make at most one printed line (8 % over the measure,
    the slack of digits and Latin letters) — at least 85 % of it, or less where the second piece ends a
    sentence (the paragraph's last line).

    >>> raw = Layout(65, breaks_at_superscripts=True)
    >>> marked = Line(1, "性選擇。\ue0003\ue001")
    >>> split_at_superscript(marked, Line(2, "因此，本文主張應將國會外交管道納入整體的外交戰略之中，以期"), raw)
    True
    >>> split_at_superscript(Line(1, "式國號。\ue0005\ue001"), Line(2, "6月9日，雙方簽署聯合公報，正式建立外交關係。"), raw)
    True
    >>> split_at_superscript(Line(1, "學術交流平臺與相關國家進行多次協商，最終達成初步的共識。\ue0007\ue001"), Line(2, "此一趨勢顯"), raw)
    True
    >>> split_at_superscript(Line(1, "府部門的專屬領域，而是需要社會各界的共同參與。\ue0007\ue001"), Line(2, "外"), Layout(48, breaks_at_superscripts=True))   # a column
    True
    >>> split_at_superscript(Line(1, "的趨勢。\ue0006\ue001"), Line(2, "雙方在會談中就援助項目的優先順序交換意見，並同意成立聯合工作小"),
    ...                      Layout(66, breaks_at_superscripts=True, full=68))     # 8 + 62 > 68: two lines
    False
    >>> split_at_superscript(Line(1, "之依賴。\ue0004\ue001"), Line(2, "此一立場其後被概括為「一個中國」原則。2000年政黨輪替之後，相關論述"), raw)
    False
    """
    if not prev.text.endswith("\ue001"):
        return False
    if layout.spaced:
        return nxt.no == prev.no + 1
    together = width(prev.text) + width(nxt.text)
    pieces = [near_han_width(prev), near_han_width(nxt)]
    if layout.full and None not in pieces and sum(pieces) > layout.full + 1:
        return False     # wider than a printed line, counted exactly: a paragraph's end and the next's start
    line = max(layout.measure, layout.full)   # the median runs short where most paragraphs are short
    return layout.breaks_at_superscripts and width(nxt.text) <= line - 2 \
        and together <= 1.08 * line and (together >= SHORT * line or ends_sentence(nxt))


MARKER_ALONE = re.compile(r"^\s*\ue000\d+\ue001\s*$")


def marker_alone(line: Line) -> bool:
    """A line that is a note marker only: the extraction set the superscript on a line of its own
    (PDFBox: 「…對其透明度的質疑。」 / 「1」 / 「巴拉圭於1993年…」); it belongs to the line before it
    and never starts a paragraph.

    >>> marker_alone(Line(16, "\ue0001\ue001")), marker_alone(Line(17, "\ue0001\ue001巴拉圭"))
    (True, False)
    """
    return bool(MARKER_ALONE.match(line.text))


CLAUSE = re.compile(r"[，,。；;]")
SCATTERED = 1 / 3   # a word set apart from a widely justified line: under this share of the measure


def holds_running_text(text: str) -> bool:
    """A paragraph so far holds running text: a clause's comma or full stop (a title, an author's
    name, 摘要 or a Keywords line holds none).

    >>> holds_running_text("本文探討我國參與全球衛生治理的策略演變。2009 年"), holds_running_text("張 怡 君＊")
    (True, False)
    """
    return bool(CLAUSE.search(text))


def scattered_words(prev: Line, nxt: Line, layout: Layout) -> bool:
    """Two pieces of one printed line that the extraction set on lines of their own: both far
    shorter than the measure (under a third), neither closing a Chinese sentence, inside running
    text (pdftotext and PyMuPDF set each word of a widely justified line apart: 「Kickbusch,」 /
    「Ilona,」 / 「and」 / 「Austin」 / 「Liu.」 / 「2022.」 / 「“Global」 …). A piece ending in an ASCII
    full stop is then no short last line.

    >>> scattered_words(Line(1, "Liu."), Line(2, "2022."), Layout(80)), scattered_words(Line(1, "同前註。"), Line(2, "2022."), Layout(80))
    (True, False)
    """
    third = SCATTERED * layout.measure
    return bool(layout.measure) and width(prev.text) < third and width(nxt.text) < third \
        and not re.search(r"[。？！」』]\s*$", prev.text)


BACK_MATTER = frozenset({"參考文獻", "參考書目", "引用文獻", "徵引書目", "主要參考文獻", "References", "REFERENCES",
                         "Bibliography", "BIBLIOGRAPHY", "Works Cited"})


def back_matter_heading(line: Line) -> bool:
    """The heading of a reference list (參考文獻, 參考書目, References…): a unit of its own wherever it
    stands, though the paragraph before ends with a full line.

    >>> back_matter_heading(Line(1, "參考文獻")), back_matter_heading(Line(2, "參考文獻的整理"))
    (True, False)
    """
    text = line.text.strip()
    return len(text) <= 16 and re.sub(r"\s+", " ", text).replace("　", "") in BACK_MATTER


def starts_paragraph(prev: Line, nxt: Line, spacer_between: bool, policy, layout: Layout = Layout(),
                     running: bool = False) -> bool:
    """Does `nxt` begin a new paragraph after `prev`? (The evidence combined, in one place.)
    `running`: the paragraph so far holds running text (`holds_running_text`)."""
    if nxt.no in policy.breaks_before:
        return True
    if nxt.no in policy.joins_before:
        return False
    if nxt.text.strip()[:1] in NO_START or split_at_superscript(prev, nxt, layout):
        return False
    if back_matter_heading(prev) or back_matter_heading(nxt):
        return True
    short, ended = shorter_than_measure(prev, layout), ended_by_layout(prev, layout)
    indented = layout.indents and indent(nxt) > 0
    if ITEM_START.match(nxt.text) and (ended or short) and not ends_sentence(prev):
        return True   # an item after a line the layout ended, though the source omits the full stop (003: 152–153)
    if not ends_sentence(prev):
        # a line of its own: a title, an author, 摘要, Abstract, a Keywords line (not English running on:
        # 「and」 / 「by」), never a piece of running text (「…的策略演變。2009 年」 / 「至」 / 「2016」)
        return not running and unit_line(prev, layout) and not nxt.text.strip()[:1].islower()
    short = short and not (running and scattered_words(prev, nxt, layout))
    return spacer_between or indented or short or ended or (not layout.indents and opens_indented(nxt, layout))


def unit_line(line: Line, layout: Layout) -> bool:
    """A line standing as a unit of its own although no sentence ends there: clearly shorter than the
    measure and holding no clause of a sentence (`unpunctuated_line`) — 「摘要」, a title set on one
    line (「中華民國外交部一百年度施政目標與重點」 above the report's first paragraph), a labelled line
    (「關鍵詞：…」); a line with spaces inside (「王 大 明＊」, letter-spaced text) only when far shorter.

    >>> unit_line(Line(1, "中華民國外交部一百年度施政目標與重點"), Layout(60)), unit_line(Line(2, "此一趨勢顯示，多"), Layout(60))
    (True, False)
    >>> unit_line(Line(3, "世 世 世 世 世 世 世 世 世 世 世 世 世 世 世 世"), Layout(60))    # letter-spaced running text
    False
    """
    if not layout.measure or not unpunctuated_line(line):
        return False
    share = width(line.text) / layout.measure
    # a letter-spaced line (「王 大 明＊」, or running text the extraction spaced out) measures only
    # roughly: there, far shorter (under 60 %) or labelled
    spaced = bool(re.search(r"\S\s+\S", line.text.strip()))
    return share < (0.6 if spaced else SHORT) or (share < SHORT and bool(re.match(r"^\S{1,8}[：:]", line.text.strip())))


def latin_line(line: Line) -> bool:
    """A line in a Western language: letters and no Chinese character."""
    return not HAN.search(line.text) and bool(re.search(r"[A-Za-z]{2}", line.text))


LATIN_BLOCK = 3   # lines of a Western language that make a block of its own (a quotation, an abstract)


def leaves_latin_block(run: int, prev: Line, nxt: Line) -> bool:
    """Chinese text after a sentence that closes a block of lines in a Western language (an English
    block quotation, an abstract) opens a paragraph: an English phrase inside a Chinese paragraph
    does not fill three lines of its own. `run`: the lines of the block, `prev` its last.

    >>> leaves_latin_block(5, Line(1, "that their formal diplomatic standing would otherwise deny them."), Line(2, "值得一提的是"))
    True
    >>> leaves_latin_block(1, Line(1, "designed to overcome diplomatic isolation."), Line(2, "此後，相關部門"))
    False
    """
    return run >= LATIN_BLOCK and ends_sentence(prev) and bool(HAN.match(nxt.text.strip()))


def unpunctuated_line(line: Line) -> bool:
    """A short line that holds no clause of a sentence: no comma or full stop, no bracket left open, no
    enumeration comma or colon at its end (「王 大 明＊」, 「摘要」, 「Abstract」, a Keywords line), so it
    stands as a unit of its own.

    >>> unpunctuated_line(Line(1, "摘要")), unpunctuated_line(Line(2, "如：a.辦理各項研習，"))
    (True, False)
    """
    text = line.text.strip()
    balanced = all(text.count(a) == text.count(b) for a, b in ("（）", "()", "「」", "『』", "《》", "〈〉", "“”"))
    return balanced and not re.search(r"[，,。；;]", text) and not re.search(r"[、：:\-]$", text)



LATIN_END = re.compile(r"[A-Za-z0-9,.;:)\]’'”!?%&]")       # a character that can end a Western word or clause
LATIN_START = re.compile(r"[A-Za-z(“‘\[&]")
OPENING_QUOTES, CLOSING_QUOTES = "“‘", "”’"
RANGE_SIGNS = "∼~～–—－"
URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+")
URL_PIECE = re.compile(r"\s+([A-Za-z0-9][A-Za-z0-9._~/?#@!$&'*+=%-]*)")
FILE_END = re.compile(r"\.(?:s?html?|php|aspx?|jsp|pdf|doc|cfm)$", re.I)
WORD_BREAK = re.compile(r"(?<=[A-Za-z]{2})- (?=(?!and\b|or\b|to\b)[a-z]{2,})")


def squeeze_spaces(text: str) -> str:
    """Remove the PDF's letter-spacing inside Chinese, keep one space around Latin words.

    >>> squeeze_spaces("之 間 的 外 交 互 動 ， 任 何")
    '之間的外交互動，任何'
    >>> squeeze_spaces("自 1970年代 國內 NGO 與（ civil society）")
    '自 1970年代國內 NGO 與（civil society）'
    >>> squeeze_spaces("Jennifer Harris, “Revisiting the Future,” The Washington")
    'Jennifer Harris, “Revisiting the Future,” The Washington'
    >>> squeeze_spaces("民 國 外 交 關 係 之 演 變 （ 1972 ∼1992）")   # 000 note 1
    '民國外交關係之演變（1972∼1992）'
    >>> squeeze_spaces("Taiwan's “pragmatic diplomacy” originated")
    "Taiwan's “pragmatic diplomacy” originated"
    """
    def replace(match: re.Match) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if not before or not after:
            return ""
        if (before.isdigit() and after in RANGE_SIGNS) or (before in RANGE_SIGNS and after.isdigit()):
            return ""   # a range set apart by letter-spacing: 「1972 ∼1992」
        if (LATIN_END.match(before) and after in OPENING_QUOTES) or (before in CLOSING_QUOTES and LATIN_START.match(after)):
            return " "   # curly quotes inside English: 「Harris, “Revisiting」, 「diplomacy” originated」
        if CJK_PUNCT.match(before) or CJK_PUNCT.match(after) or (HAN.match(before) and HAN.match(after)):
            return ""
        return " "

    return close_url_gaps(re.sub(r"\s+", replace, text))


def close_url_gaps(text: str) -> str:
    """Take out the spaces a line break or the PDF left inside a web address: a piece joins the
    address when the address cannot end there (it ends in 「.」 or 「/」…) or when the piece holds its
    path or file name (000 notes 4, 44).

    >>> close_url_gaps("錄自外交部網站 http://www.mofa. gov.tw/tien/speech 000601.htm")
    '錄自外交部網站 http://www.mofa.gov.tw/tien/speech000601.htm'
    >>> close_url_gaps("http://www.dsis. org.tw/pubs/magz/1st/ per1.htm ，頁 3")
    'http://www.dsis.org.tw/pubs/magz/1st/per1.htm ，頁 3'
    """
    out, cursor = [], 0
    for found in URL.finditer(text):
        if found.start() < cursor:
            continue
        address, end = found.group(), found.end()
        while (piece := URL_PIECE.match(text, end)) and not FILE_END.search(address) and (
                address.endswith((".", "/", "-", "_", "=", "?", "&")) or "/" in piece[1] or FILE_END.search(piece[1])):
            address, end = address + piece[1], piece.end()
        tail = len(address) - len(address.rstrip(".,;:!?"))   # a full stop or comma after the address
        out += [text[cursor:found.start()], address[:len(address) - tail]]
        cursor = end - tail
    return "".join(out) + text[cursor:]


def rejoin_broken_words(text: str, no: int, removals: list[Removal]) -> str:
    """A word the original print broke with a hyphen, kept in one extracted line as 「Inter- dependence」:
    the hyphen goes (to the cleaning report); 「pre- and post-war」 keeps it.

    >>> rejoin_broken_words("Power and Inter- dependence: World Politics in Tran- sition", 2591, [])
    'Power and Interdependence: World Politics in Transition'
    """
    for _ in WORD_BREAK.finditer(text):
        removals.append(Removal(no, "-", "hyphen of a word broken in the original print, rejoined"))
    return WORD_BREAK.sub("", text)


COMPOUND_HEADS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty hundred thousand half first second
    third well self long short full part cross non anti post pre co ex semi""".split())


def compound_hyphen(left: str, right: str) -> bool:
    """Is the hyphen ending `left` a compound's (kept) rather than a line break's? Yes before a capital
    or a digit (「Six-」 / 「Party」) and after a word that forms compounds (「twelve-」 / 「year」).

    >>> compound_hyphen("the Six-", "Party Talks"), compound_hyphen("a twelve-", "year plan"), compound_hyphen("inter-", "dependence")
    (True, True, False)
    """
    head = re.search(r"([A-Za-z]+)-$", left)
    return not right[:1].islower() or (head is not None and head[1].lower() in COMPOUND_HEADS)


def join_lines(left: str, had_space: bool, right_line: Line, removals: list[Removal]) -> str:
    """Append a wrapped line: no space between CJK, one between Western words, whether or not the
    line before ended in a space (「Pragmatic」 / 「Diplomacy」); a line-break hyphen is removed
    (「multi-」 / 「lateralism」), a compound's kept (`compound_hyphen`).

    >>> join_lines("Taiwan's Pragmatic", False, Line(2, "Diplomacy since 1988"), [])
    "Taiwan's Pragmatic Diplomacy since 1988"
    >>> join_lines("a twelve-", False, Line(2, "year plan"), [])
    'a twelve-year plan'
    >>> join_lines("Taiwan's", False, Line(2, "“pragmatic diplomacy”"), [])
    "Taiwan's “pragmatic diplomacy”"
    >>> join_lines("網站 http://www2.law.columbia.edu/agreedframewo", False, Line(2, "rk.htm"), [])
    '網站 http://www2.law.columbia.edu/agreedframework.htm'
    """
    right = right_line.text.strip()
    if not left:
        return right
    last, first = left[-1], right[:1]
    if last == "-" and LINE_HYPHEN.search(left) and first.isalpha():
        if compound_hyphen(left, right):
            return left + right
        removals.append(Removal(right_line.no, "-", "line-break hyphen at the end of the line before, rejoined"))
        return left[:-1] + right
    address = URL.search(left.rsplit(None, 1)[-1])
    if address and address.end() == len(left.rsplit(None, 1)[-1]) and not left.endswith((".", ",")) \
            and URL_PIECE.match(" " + right):
        return left + right   # a web address broken at the line end (001 ch-3 note 2: 「…agreedframewo」 / 「rk.htm」)
    western = (LATIN_END.match(last) and LATIN_START.match(first)) or (last in CLOSING_QUOTES and LATIN_START.match(first)) \
        or (LATIN_END.match(last) and last not in "0123456789" and first.isdigit())
    if western and not (last.isdigit() and first.isdigit()):
        return left + " " + right
    latin_pair = (not CJK.match(last) and not CJK.match(first)) or (last in ",.;:" and first in "“‘")
    if (latin_pair and had_space) or (had_space and (ASCII_WORD.match(last) or ASCII_WORD.match(first))
                                       and not CJK_PUNCT.match(last) and not CJK_PUNCT.match(first)):
        return left + " " + right
    return left + right


def paragraphs(lines: list[Line], policy, removals: list[Removal],
               layout: Layout | None = None) -> list[tuple[str, tuple[int, ...]]]:
    """Join a section's body lines into paragraphs: (text, raw line numbers); `layout`: the whole
    text's (`layout_of`), else this section's."""
    layout = layout or layout_of(lines, policy)
    result: list[tuple[str, list[int]]] = []
    prev: Line | None = None
    spacer = False
    latin_run = 0
    running = False       # the paragraph so far holds running text (`holds_running_text`)
    for line in lines:
        if not line.text.strip():
            spacer = spacer or is_spacer(line)
            continue
        placeholder = line.text.startswith(PLACEHOLDER) or (prev is not None and prev.text.startswith(PLACEHOLDER))
        if prev is not None and not placeholder and marker_alone(line):
            text, nos = result[-1]       # the superscript ends the line before it: judge the two as one
            result[-1] = (text + line.text.strip(), nos + [line.no])
            prev, spacer = Line(line.no, prev.text.rstrip() + line.text.strip(), prev.page_start), False
            continue
        latin_run = latin_run + 1 if prev is not None and latin_line(prev) else 0
        if prev is None or placeholder or starts_paragraph(prev, line, spacer, policy, layout, running) \
                or leaves_latin_block(latin_run, prev, line):
            result.append((line.text.strip(), [line.no]))
            running = holds_running_text(line.text)
        else:
            running = running or holds_running_text(line.text)
            text, nos = result[-1]
            had_space = prev.text != prev.text.rstrip()
            result[-1] = (join_lines(text, had_space, line, removals), nos + [line.no])
            if split_at_superscript(prev, line, layout):   # the two pieces are one printed line: judge it whole
                line = Line(line.no, prev.text.rstrip() + line.text, line.page_start)
        prev, spacer = line, False
    return [(squeeze_spaces(rejoin_broken_words(text, nos[0], removals)), tuple(nos)) for text, nos in result]
