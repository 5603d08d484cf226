"""Chinese enumerators: 第壹章, 第一節, 壹、, 一、, （一）, １、, （１）, and their numeric values."""
from __future__ import annotations

import re

DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
          "壹": 1, "貳": 2, "參": 3, "肆": 4, "伍": 5, "陸": 6, "柒": 7, "捌": 8, "玖": 9}
TENS = {"十": 10, "拾": 10}
SMALL = "一二三四五六七八九十"
FORMAL = "壹貳參肆伍陸柒捌玖拾"
FULLWIDTH = "０１２３４５６７８９"

ANY = rf"[{SMALL}{FORMAL}]+|[0-9]+|[{FULLWIDTH}]+"   # 第一章, 第壹章, 第1章, 第１章

ENUMERATORS: dict[str, re.Pattern] = {
    "chapter": re.compile(rf"^(?P<label>第\s*(?P<n>{ANY})\s*章)\s*(?P<title>.*)$"),
    "section": re.compile(rf"^(?P<label>第\s*(?P<n>{ANY})\s*節)\s*(?P<title>.*)$"),
    "capital": re.compile(rf"^(?P<label>(?P<n>[{FORMAL}]+)、)\s*(?P<title>.*)$"),
    "number": re.compile(rf"^(?P<label>(?P<n>[{SMALL}]+)、)\s*(?P<title>.*)$"),
    "paren": re.compile(rf"^(?P<label>（(?P<n>[{SMALL}]+)）)\s*(?P<title>.*)$"),
    "fullwidth": re.compile(rf"^(?P<label>(?P<n>[{FULLWIDTH}]+)、)\s*(?P<title>.*)$"),
    "paren-fullwidth": re.compile(rf"^(?P<label>（(?P<n>[{FULLWIDTH}]+)）)\s*(?P<title>.*)$"),
}


def value(numeral: str) -> int:
    """The value of a Chinese numeral up to 99, or of (full-width) digits.

    >>> [value(n) for n in ("一", "十", "十一", "二十", "二十三", "參", "拾壹", "１２", "3")]
    [1, 10, 11, 20, 23, 3, 11, 12, 3]
    >>> [ENUMERATORS["chapter"].match(t)["label"] for t in ("第一章 緒論", "第壹章緒論", "第 1 章 緒論")]
    ['第一章', '第壹章', '第 1 章']
    """
    if numeral.isdigit():
        return int(numeral)
    total, current = 0, 0
    for char in numeral:
        if char in TENS:
            total += (current or 1) * 10
            current = 0
        else:
            current = DIGITS[char]
    return total + current
