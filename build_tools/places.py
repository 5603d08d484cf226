"""The citable places of a text, page by page: each heading, paragraph, table, figure, note and
printed page, with its full numbering path (the labels of every enclosing heading and list item).

>>> section_path(["第貳章", "第一節", "三、"], "命題")
'第貳章第一節三、〈命題〉'
>>> section_path(["第肆章"], "中共推動「六方會談」之角色與功能")
'第肆章 中共推動「六方會談」之角色與功能'
"""
from __future__ import annotations

import re

from .cite import Place, cite_file
from .milestones import milestones
from .model import CleanText
from .numerals import ENUMERATORS, value
from .render import item_caption, own_heading, page_notes, split_pages, text_note


def section_path(labels: list[str], title: str) -> str:
    """A heading named by its numbering path: the enclosing labels, its own, then its title."""
    if not labels or not labels[-1]:
        return title
    if len(labels) == 1:
        return f"{labels[0]}{' ' if labels[0].endswith(('章', '節')) else ''}{title}"
    return f"{''.join(labels)}〈{title}〉"


def within_path(labels: list[str], title: str) -> str:
    """A section as the place something is in: its title always bracketed.

    >>> within_path(["第一節"], "同盟理論"), within_path([], "摘要")
    ('第一節〈同盟理論〉', '〈摘要〉')
    """
    return f"{''.join(labels)}〈{title}〉"


# An English reader's names for the original's numbered divisions (Chicago's abbreviations); the
# outline's other levels (壹、 一、 （一） １、 （１）) number the division they are in, dotted.
DIVISIONS_EN = {"chapter": "ch.", "section": "sec."}
CAPTION = re.compile(r"^(?P<label>(?P<kind>[表圖])\s*(?P<n>[一二三四五六七八九十]+|[0-9０-９]+(?:[-－][0-9０-９]+)?))[：:\s]*(?P<title>.*)$")
CAPTION_EN = {"表": "table", "圖": "fig."}


def enumerator(label: str) -> tuple[str, int] | None:
    """('chapter', 2) for 第貳章: the kind of a numbering label and its number.

    >>> enumerator("第貳章"), enumerator("（三）"), enumerator("前言")
    (('chapter', 2), ('paren', 3), None)
    """
    for kind, pattern in ENUMERATORS.items():
        found = pattern.match(label)
        if found and not found["title"]:
            return kind, value(found["n"].translate(FULLWIDTH_DIGITS))
    return None


FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def labels_en(labels: list[str], level: str = DIVISIONS_EN["section"]) -> str:
    """A numbering path as an English citation gives it: chapters and sections named (「第壹章」 is
    "ch. 1"), the levels below numbered, dotted, and the original's labels after it as printed.

    >>> labels_en(["第貳章", "第一節", "三、"])
    'ch. 2, sec. 1.3 (第貳章第一節三、)'
    >>> labels_en(["貳、", "二、", "（三）"])
    'sec. 2.2.3 (貳、二、（三）)'
    >>> labels_en(["壹、", "三、", "（一）", "１、", "（７）"])
    'sec. 1.3.1.1.7 (壹、三、（一）１、（７）)'
    >>> labels_en(["（一）", "１、"], "item")
    'item 1.1 (（一）１、)'
    """
    parts: list[tuple[str, list[int]]] = []
    for label in labels:
        found = enumerator(label)
        if found is None:
            return "".join(labels)          # a label of another kind: as printed
        kind, n = found
        if kind in DIVISIONS_EN or not parts or parts[-1][0] == DIVISIONS_EN["chapter"]:
            parts.append((DIVISIONS_EN.get(kind, level), [n]))
        else:
            parts[-1][1].append(n)
    named = ", ".join(f"{word} {'.'.join(map(str, numbers))}" for word, numbers in parts)
    return f"{named} ({''.join(labels)})"


def section_path_en(labels: list[str], title: str) -> str:
    """A section in an English citation: its numbering path, then its title in the original's script.

    >>> section_path_en(["第肆章"], "中共推動「六方會談」之角色與功能")
    'ch. 4 (第肆章), “中共推動「六方會談」之角色與功能”'
    >>> section_path_en([], "摘要")
    '“摘要”'
    """
    return f"{labels_en(labels)}, “{title}”" if labels and labels[-1] else f"“{title}”"


def heading_en(heading: str) -> str:
    """A page's heading as printed (「第肆章 中共推動…」) in an English citation.

    >>> heading_en("第壹章 緒論"), heading_en("摘要")
    ('ch. 1 (第壹章), “緒論”', '“摘要”')
    """
    for pattern in ENUMERATORS.values():
        found = pattern.match(heading)
        if found and found["title"]:
            return section_path_en([found["label"]], found["title"])
    return f"“{heading}”"


def caption_en(caption: str) -> str:
    """A table's or figure's caption in an English citation: 「表一：…」 is "table 1 (表一), “…”".

    >>> caption_en("表 2-1 中共成立區域性多邊合作機制一覽表"), caption_en("論文架構圖")
    ('table 2-1 (表 2-1), “中共成立區域性多邊合作機制一覽表”', '“論文架構圖”')
    """
    found = CAPTION.match(caption)
    if not found:
        return f"“{caption}”" if caption else ""
    n = found["n"].translate(FULLWIDTH_DIGITS).replace("－", "-")
    number = str(value(n)) if not n[0].isdigit() else n
    title = f", “{found['title']}”" if found["title"] else ""
    return f"{CAPTION_EN[found['kind']]} {number} ({found['label']}){title}"


def paragraph_number(anchor: str) -> str:
    return anchor.rsplit("-p", 1)[1]


def text_places(text: CleanText) -> dict[str, list[Place]]:
    """{page key: [Place]} in reading order."""
    edition = text.edition
    split = edition.outline.split_level
    pages = split_pages(text)
    url_of = {page.key: page.url(edition.slug) for page in pages}
    out: dict[str, list[Place]] = {page.key: [] for page in pages}
    for page in pages:
        if own_heading(text, page) is None:          # the text itself (its title leads the citation) or a page
            title = edition.title if page.key == "index" else page.title
            out[page.key].append(Place("top", url_of[page.key], "section", title,
                                       "" if page.key == "index" else heading_en(page.title)))
    sections: dict[str, tuple[str, list[str], str]] = {edition.outline.root_id: (f"〈{edition.title}〉", [], "")}
    stack: list = []            # the enclosing headings
    items: list = []            # the enclosing list items (by path)
    for block in text.blocks:
        url = url_of[block.page]
        if block.kind == "heading":
            heading = block.heading
            stack = [h for h in stack if h.level < heading.level] + [heading]
            labels = [h.label for h in stack if h.label]
            zh = section_path(labels, heading.title) if heading.label else heading.title
            en = section_path_en(labels if heading.label else [], heading.title)
            sections[block.anchor] = (within_path(labels if heading.label else [], heading.title),
                                      labels if heading.label else [], heading.title)
            out[block.page].append(Place(block.anchor, url, "section", zh, en))
            items = []
            continue
        zh, labels, title = sections.get(block.section, ("", [], ""))
        en = section_path_en(labels, title) if title else ""
        if block.item is not None:
            items = [i for i in items if i.path == block.item.path[:len(i.path)] and i.path != block.item.path]
            items.append(block.item)
            zh += "".join(i.label for i in items)
            en = ", ".join(filter(None, [en, labels_en([i.label for i in items], "item")]))   # the section's, then the list's
            if block.opens_item:
                out[block.page].append(Place(block.item.anchor, url, "section", zh, en))
        else:
            items = []
        if block.kind == "paragraph":
            n = paragraph_number(block.anchor)
            out[block.page].append(Place(block.anchor, url, "paragraph", f"{zh}第 {n} 段",
                                         f"{en}, para. {n}".lstrip(", ")))
        else:
            caption = item_caption(text.items[block.anchor])
            out[block.page].append(Place(block.anchor, url, block.kind, f"{zh}{caption}".strip(),
                                         f"{en}, {caption_en(caption)}".strip(", ")))
    for milestone in milestones(text):
        out[milestone.page].append(Place(milestone.id, url_of[milestone.page], "page", f"原書頁 {milestone.n}",
                                         f"original p. {milestone.n}"))
    if text_note(text) is not None:
        out["index"].append(Place("note-star", url_of["index"], "note", "題注（＊）", "unnumbered note (*)"))
    for page in pages:
        chapter = page.title if split and page.key != "index" else ""
        chapter_en = f"{heading_en(chapter)}, " if chapter else ""
        for number, _ in page_notes(text, page.key if split else "index"):
            out[page.key].append(Place(f"fn:{number}", url_of[page.key], "note",
                                       f"{chapter} 註 {number}".strip(), f"{chapter_en}n. {number}"))
    return out


def cite_files(text: CleanText) -> dict[str, str]:
    """{docs path: JSON} of the text's pages' citation files, next to their Markdown."""
    slug = text.edition.slug
    return {f"texts/{slug}/{key}.cite.json": cite_file(text.edition, places)
            for key, places in text_places(text).items()}
