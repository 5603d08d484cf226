"""Never succeed silently: the structure the cleaner found in a text, and warnings when it is implausible.

Each text's cleaning report shows these figures (headings per level, markers and note bodies,
paragraphs, furniture removed, per printed page), the build prints one line of them per text, and
warns — naming the text and what an editor can declare in its edition file — when:

* no note body was found although digits stand glued after sentence ends (「…關係。12此後」);
* a multi-page text has no heading although its lines start with enumerators (一、, （一）, 第一章);
* a note runs over a whole printed page (its block swallowed body text).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .markers import MARK_CLOSE, MARK_OPEN
from .numerals import ENUMERATORS

GLUED_AFTER_SENTENCE = re.compile(rf"[。！？」』）》〉]\s?[1-9]\d{{0,2}}(?=[^\d\s年月日%％{MARK_CLOSE}])")
FURNITURE = ("running header", "watermark", "page number")
LEVEL_NAMES = {1: "第一層", 2: "第二層", 3: "第三層", 4: "第四層", 5: "第五層", 6: "第六層"}
SWALLOWED_CHARS = 2500     # a note longer than this is suspect even where pages are not known


@dataclass(frozen=True)
class Finding:
    """An implausible figure: the build's warning (English, for the editor) and the report's (zh-TW)."""

    warning: str
    report: str


def headings_per_level(text) -> Counter:
    return Counter(block.heading.level for block in text.blocks if block.kind == "heading" and block.heading)


def furniture_removed(text) -> Counter:
    return Counter(r.reason for r in text.removals if r.reason in FURNITURE)


def body_text(text) -> str:
    return "\n".join(block.text for block in text.blocks if block.kind == "paragraph")


def glued_digits(text) -> list[str]:
    """Digits glued after a sentence's end that no marker took (「關係。12此後」).

    >>> GLUED_AFTER_SENTENCE.findall("建立外交關係。12此後雙方；1998年")
    ['。12']
    """
    return GLUED_AFTER_SENTENCE.findall(body_text(text).replace(MARK_OPEN, "<").replace(MARK_CLOSE, ">"))


def enumerated_lines(text) -> list[str]:
    """Paragraphs opening with an enumerator of any outline style (第一章, 壹、, 一、, （一）…)."""
    return [block.text[:12] for block in text.blocks if block.kind == "paragraph"
            and any(pattern.match(block.text) for pattern in ENUMERATORS.values())]


def page_count(text) -> int:
    return len(set(text.printed_pages.values()))


def whole_pages_in_notes(text) -> list[tuple[object, int]]:
    """(note, printed page) of every note whose lines cover a printed page from its start to its end."""
    found = []
    for note in text.notes:
        pages = [text.printed_pages.get(no) for no in note.lines]
        known = [p for p in pages if p is not None]
        inner = sorted(set(known))[1:-1]
        if inner:
            found.append((note, inner[0]))
        elif not known and len(note.text) > SWALLOWED_CHARS:
            found.append((note, 0))
    return found


def implausible(text, edition_file: str) -> list[Finding]:
    """The warnings of one cleaned text."""
    found = []
    glued = glued_digits(text)
    if not text.notes and len(glued) >= 3:
        sample = "、".join(f"「{g}」" for g in glued[:3])
        found.append(Finding(
            f"no note body found, but {len(glued)} numbers stand glued after sentence ends ({sample}) — if they "
            f"are note markers, declare where the notes are in {edition_file}: `furniture.endnotes_heading` "
            f"(the heading of an endnote section) or `furniture.note_block_starts` (the raw line of a note block's "
            f"first note)",
            f"未找到任何註文，但正文有 {len(glued)} 處句末緊接數字（{sample}）。若這些是註號，請在版本檔以 "
            f"`furniture.endnotes_heading`（尾註標題）或 `furniture.note_block_starts`（註文區塊第一則所在的原始行）"
            f"標出註文的位置。"))
    if not headings_per_level(text) and len(text.lines) >= 100:
        enumerated = enumerated_lines(text)
        if len(enumerated) >= 3:
            sample = "、".join(f"「{e}」" for e in enumerated[:3])
            found.append(Finding(
                f"no heading recognised, but {len(enumerated)} paragraphs open with an enumerator ({sample}) — "
                f"declare the text's numbering in `outline.levels` of {edition_file} (outermost first: chapter "
                f"section capital number paren fullwidth paren-fullwidth), or `outline.max_title_chars` for long titles",
                f"未辨識出任何標題，但有 {len(enumerated)} 段以序號開頭（{sample}）。請在版本檔的 `outline.levels` "
                f"依序列出本文的編號層級，標題較長時另設 `outline.max_title_chars`。"))
    for note, page in whole_pages_in_notes(text):
        where = f"p. {page}" if page else f"{len(note.text)} characters"
        found.append(Finding(
            f"note {note.number} (raw lines {note.lines[0]}–{note.lines[-1]}) covers a whole page ({where}): its note "
            f"block probably swallowed body text — declare `furniture.note_block_ends: [<raw line>]` in "
            f"{edition_file} where the body resumes",
            f"註 {note.number}（原始行 {note.lines[0]}–{note.lines[-1]}）涵蓋整整一頁（{'第 ' + str(page) + ' 頁' if page else str(len(note.text)) + ' 字'}），"
            f"註文區塊可能吞入了正文。請在版本檔以 `furniture.note_block_ends` 標出正文重新開始的原始行。"))
    return found


def summary(text) -> str:
    """One line of the structure found, for the build's output."""
    levels = headings_per_level(text)
    removed = furniture_removed(text)
    paragraphs = sum(block.kind == "paragraph" for block in text.blocks)
    return (f"{text.edition.source}: headings {sum(levels.values())} "
            f"({', '.join(f'L{level} {n}' for level, n in sorted(levels.items())) or 'none'}), "
            f"markers {len(text.markers)}, notes {len(text.notes)}, paragraphs {paragraphs}, "
            f"furniture removed {sum(removed.values())}"
            + (f" on {page_count(text)} printed pages" if text.printed_pages else ""))


def per_page(text) -> list[tuple[int, int, int, int, int]]:
    """(printed page, first raw line, last raw line, furniture lines removed, notes starting there)."""
    lines: dict[int, list[int]] = {}
    for no, page in text.printed_pages.items():
        lines.setdefault(page, []).append(no)
    removed = Counter(text.printed_pages.get(r.no) for r in text.removals if r.reason in FURNITURE)
    notes = Counter(text.printed_pages.get(note.lines[0]) for note in text.notes if note.lines)
    return [(page, min(nos), max(nos), removed[page], notes[page]) for page, nos in sorted(lines.items())]


def report_section(text, edition_file: str) -> list[str]:
    """The cleaning report's 「結構摘要」 section (zh-TW)."""
    levels = headings_per_level(text)
    removed = furniture_removed(text)
    paragraphs = sum(block.kind == "paragraph" for block in text.blocks)
    names = {"running header": "頁首", "watermark": "浮水印", "page number": "頁碼"}
    out = ["## 結構摘要 {#structure}", "",
           "清理程式依本文的編號、註號序列與版面元素的重複所找到的結構如下；數字不合理時列出疑點，請依說明在版本檔補充。", "",
           "| 項目 | 數量 |", "|---|---:|"]
    out += [f"| 標題（{LEVEL_NAMES.get(level, f'第{level}層')}） | {n} |" for level, n in sorted(levels.items())]
    if not levels:
        out.append("| 標題 | 0 |")
    out += [f"| 正文註號 | {len(text.markers)} |", f"| 註文 | {len(text.notes)} |", f"| 段落 | {paragraphs} |"]
    out += [f"| 移除的{names[reason]} | {removed[reason]} |" for reason in FURNITURE]
    rows = per_page(text)
    if rows:
        out += ["", "### 各頁 {#structure-pages}", "",
                "| 原書頁碼 | 原始行 | 移除的版面元素 | 註文 |", "|---|---|---:|---:|"]
        out += [f"| 第 {page} 頁 | {first}–{last} | {furniture} | {notes} |" for page, first, last, furniture, notes in rows]
    findings = implausible(text, edition_file)
    out += ["", "### 疑點 {#structure-doubts}", ""]
    out += [f"- {finding.report}" for finding in findings] if findings else ["沒有疑點。"]
    return out + [""]
