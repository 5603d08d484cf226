"""The reader's words for what the stages record in English (the cleaning report's reasons and
note problems), in Traditional Chinese. The stages keep their English reasons (tests and
messages use them); the report shows these. A reason without a wording stops the build, so a new
stage cannot put English in front of readers unnoticed."""
from __future__ import annotations

import re

from .errors import EditionError

REASONS = [
    (r"watermark", "浮水印"),
    (r"running header", "頁首（書眉）"),
    (r"page number", "頁碼"),
    (r"endnotes heading \(notes are rendered as footnotes\)", "尾註標題（本版改以隨頁註呈現註釋）"),
    (r"full stop after endnote number (\d+)", r"尾註編號 \1 之後的句點"),
    (r"repeated header of table ([\w-]+)", r"〈\1〉跨頁重複的表頭"),
    (r"line-break hyphen at the end of the line before, rejoined", "上一行行尾的斷字連字號（已接合）"),
    (r"hyphen of a word broken in the original print, rejoined", "原件排版時斷詞所加的連字號（已接合）"),
]
NOTE_PROBLEMS = {
    "the marker has no note body": "有註號而無註文",
    "a note body without a number": "註文沒有註號",
    "two note bodies with this number": "同一註號有兩則註文",
    "no marker in the text refers to this note": "正文中沒有指向此註的註號",
    "the note breaks off": "註文中斷",
}


def reason_zh(reason: str, captions: dict[str, str] | None = None) -> str:
    """A removal's reason as the cleaning report prints it; a table is named by its caption.

    >>> reason_zh("full stop after endnote number 12")
    '尾註編號 12 之後的句點'
    >>> reason_zh("repeated header of table tab-kpi", {"tab-kpi": "表一：績效指標"})
    '〈表一：績效指標〉跨頁重複的表頭'
    """
    for pattern, wording in REASONS:
        if re.fullmatch(pattern, reason):
            worded = re.sub(pattern, wording, reason)
            for anchor, caption in (captions or {}).items():
                worded = worded.replace(f"〈{anchor}〉", f"〈{caption}〉")
            return worded
    raise EditionError("build_tools/wording.py", f"the removal reason '{reason}' has no Chinese wording — "
                                                 "add it to REASONS")


def note_problem_zh(message: str) -> str:
    """A note anomaly as the cleaning report prints it.

    >>> note_problem_zh("the marker has no note body")
    '有註號而無註文'
    """
    if message not in NOTE_PROBLEMS:
        raise EditionError("build_tools/wording.py", f"the note problem '{message}' has no Chinese wording — "
                                                     "add it to NOTE_PROBLEMS")
    return NOTE_PROBLEMS[message]


def scope_zh(scope: str, titles: dict[str, str]) -> str:
    """A note's numbering scope for readers: 全文, or the title of the chapter page.

    >>> scope_zh("index", {}), scope_zh("ch-2", {"ch-2": "第貳章 多邊主義"})
    ('全文', '第貳章 多邊主義')
    """
    return "全文" if scope in ("", "index") else titles.get(scope, scope)


DIGITS_ZH = "〇一二三四五六七八九"


def count_zh(number: int) -> str:
    """A count as the pages write it in words (五篇文獻, 十二篇, 五十篇); Arabic from 100 on.

    >>> [count_zh(n) for n in (5, 10, 12, 20, 50, 99, 100)]
    ['五', '十', '十二', '二十', '五十', '九十九', '100']
    """
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    return ((DIGITS_ZH[tens] if tens > 1 else "") + "十" if tens else "") + (DIGITS_ZH[ones] if ones else "")
