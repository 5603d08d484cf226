"""Printed pages: where the original's page breaks fall in the clean text (page milestones).

The page numbers the source prints are furniture (furniture.py removes them and lists them in the
cleaning report); this module takes that record through one function, `printed_pages`, and places
each page's start in the block that holds the first body line after its number, so that the page
can be shown (`<span class="pb" data-n="151">`), cited (「原書頁 151」) and written as TEI `<pb n>`.
The milestone carries no text: the conservation count and the search index never see it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import CleanText

PAGE_NUMBER = "page number"     # the reason furniture.py gives a removed page number


@dataclass(frozen=True)
class Milestone:
    """The start of a printed page inside a block of the clean text."""

    n: str          # the page number as printed
    line: int       # the first raw line of the running text on that page (the milestone stands before it)
    anchor: str     # the paragraph the page starts in
    offset: int     # where in that block's text it starts (0: at its beginning)
    page: str       # the output page key of that block

    @property
    def id(self) -> str:
        return f"page-{self.n}"


def printed_pages(text: CleanText) -> list[tuple[int, str]]:
    """(raw line, number) of every printed page, in raw order, from the page record of the furniture
    stage: where page numbers stand right after a running header (at their page's top), the line of
    each removed page number, the page beginning with the first line of running text after it; else
    the first raw line the furniture stage's line-to-page map (`CleanText.printed_pages`) gives each
    page (it reads numbers printed at the page's foot as closing their page). The one place to
    change if the furniture stage's record changes.

    >>> from build_tools.model import Removal
    >>> printed_pages(CleanText(None, [], removals=[Removal(208, "151", PAGE_NUMBER), Removal(3, "x", "watermark")]))
    [(208, '151')]
    """
    pages = getattr(text, "printed_pages", None)
    if pages and not numbers_follow_headers(text):
        first: dict[int, int] = {}
        for no, n in sorted(pages.items()):
            first.setdefault(n, no)
        return sorted((no, str(n)) for n, no in first.items())
    return sorted((r.no, r.text.strip()) for r in text.removals if r.reason == PAGE_NUMBER)


def numbers_follow_headers(text: CleanText) -> bool:
    """Do the page numbers stand right after a running header (both at the top of their page, as in
    004: 「第六章  台海安全體系評估」, then 「151」, then the page's text)? Then each number opens its
    page, whatever text comes before the first one (an excerpt's first page has no header).

    >>> from build_tools.model import Removal
    >>> from build_tools.model import Line
    >>> numbers_follow_headers(CleanText(None, [Line(205, "第六章"), Line(206, " "), Line(207, "151")],
    ...     removals=[Removal(205, "第六章", "running header"), Removal(207, "151", PAGE_NUMBER)]))
    True
    """
    headers = {r.no for r in text.removals if r.reason == "running header"}
    numbers = [r.no for r in text.removals if r.reason == PAGE_NUMBER]
    blank = {line.no for line in text.lines if not line.text.strip()}

    def header_above(no: int) -> bool:
        no -= 1
        while no in blank:
            no -= 1
        return no in headers

    after = sum(1 for no in numbers if header_above(no))
    return bool(numbers) and after * 2 > len(numbers)


def offset_of_line(block_text: str, line_text: str) -> int:
    """Where a raw line's text begins in the joined text of its block (spaces the join may have
    dropped are ignored); 0 when it cannot be found.

    >>> offset_of_line("之後的發展。另外尚包括指管通情", " 另外尚 包括")
    6
    """
    wanted = re.sub(r"\s+", "", line_text)[:6]
    if not wanted:
        return 0
    pattern = r"\s*".join(re.escape(ch) for ch in wanted)
    found = re.search(pattern, block_text)
    return found.start() if found else 0


def milestones(text: CleanText) -> list[Milestone]:
    """Every printed page start that falls in the running text, in order; a number printed twice
    keeps its first place (ids stay unique)."""
    runs = [b for b in text.blocks if b.kind == "paragraph" and b.lines]   # a page opening on a heading: its first paragraph
    raw = {line.no: line.text for line in text.lines}
    out, seen = [], set()
    for no, n in printed_pages(text):
        block = next((b for b in runs if b.lines[-1] >= no), None)
        if block is None or n in seen:
            continue
        first = next(line for line in block.lines if line >= no)
        offset = 0 if first == block.lines[0] else offset_of_line(block.text, raw[first])
        seen.add(n)
        out.append(Milestone(n, first, block.anchor, offset, block.page))
    return out


def milestone_html(milestone: Milestone) -> str:
    """The page milestone as the reading text carries it: empty (its label is drawn by CSS), out of
    both search indexes."""
    return (f'<span class="pb" id="{milestone.id}" data-n="{milestone.n}" data-pagefind-ignore '
            f'data-search-exclude title="原書頁 {milestone.n}"></span>')
