"""Stage 5b — lists: nest a section's enumerated paragraphs as list items.

Below its headings, the ministry report's outline runs on as enumerated items,
（一） > １、 > （１） (edition file: `outline.list_levels`). A paragraph that opens
with the next enumerator of a level, under an open item of the level above, opens
an item there; any other paragraph continues the innermost open item: the body
under a label-only item (「（一）加強雙方政要互訪：」 / 「透過雙方政要互訪…」), or
a further paragraph of an item. Items keep their printed enumerators. Run-in
enumerations (「…如：a.辦理…；b.與…」, 「（１）加強…；（２）推動…」) are inside a
paragraph and stay there. A new section (heading) closes every list.
"""
from __future__ import annotations

from .model import Item
from .numerals import value
from .structure import Numbering, match_enumerator


def nest(texts: list[str], section_anchor: str, levels: list[str]) -> list[tuple[Item | None, bool]]:
    """For each block text of one section: (the item it belongs to, whether it opens that item).

    >>> found = nest(["（一）加強雙方政要互訪：", "透過雙方政要互訪。", "（二）積極推動：",
    ...               "１、落實執行。", "２、積極督導。"], "sec-1-1", ["paren", "fullwidth"])
    >>> [(item.anchor, item.label, opens) for item, opens in found]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('sec-1-1-1', '（一）', True), ('sec-1-1-1', '（一）', False), ('sec-1-1-2', '（二）', True),
     ('sec-1-1-2-1', '１、', True), ('sec-1-1-2-2', '２、', True)]
    """
    numbering = Numbering(len(levels), gap_at_top=False, missed_parents=False)
    open_items: list[Item] = []
    out: list[tuple[Item | None, bool]] = []
    for text in texts:
        found = match_enumerator(text, levels) if levels else None
        if found:
            level, match = found
            number = value(match["n"])
            if numbering.expects(level, number):   # the next number, under an open parent
                path = tuple(numbering.enter(level, number))
                item = Item(f"{section_anchor}-" + "-".join(map(str, path)), path, match["label"])
                open_items = open_items[:level] + [item]
                out.append((item, True))
                continue
        out.append((open_items[-1] if open_items else None, False))
    return out
