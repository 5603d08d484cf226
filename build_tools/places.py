"""The citable places of a text, page by page: each heading, paragraph, table, figure, note and
printed page, with its full numbering path (the labels of every enclosing heading and list item).

>>> section_path(["第貳章", "第一節", "三、"], "命題")
'第貳章第一節三、〈命題〉'
>>> section_path(["第肆章"], "中共推動「六方會談」之角色與功能")
'第肆章 中共推動「六方會談」之角色與功能'
"""
from __future__ import annotations

from .cite import Place, cite_file
from .milestones import milestones
from .model import CleanText
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


def section_path_en(labels: list[str], title: str) -> str:
    return f"{''.join(labels)} “{title}”" if labels and labels[-1] else f"“{title}”"


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
        if own_heading(text, page) is None:
            title = edition.title if page.key == "index" else page.title
            out[page.key].append(Place("top", url_of[page.key], "section", title, f"“{edition.title_en}”"
                                       if page.key == "index" else f"“{page.title}”"))
    sections: dict[str, tuple[str, str]] = {edition.outline.root_id: (f"〈{edition.title}〉", "")}
    stack: list = []            # the enclosing headings
    items: list = []            # the enclosing list items (by path)
    for block in text.blocks:
        url = url_of[block.page]
        if block.kind == "heading":
            heading = block.heading
            stack = [h for h in stack if h.level < heading.level] + [heading]
            labels = [h.label for h in stack if h.label]
            zh = section_path(labels, heading.title) if heading.label else heading.title
            en = section_path_en(labels, heading.title) if heading.label else f"“{heading.title}”"
            sections[block.anchor] = (within_path(labels if heading.label else [], heading.title), en)
            out[block.page].append(Place(block.anchor, url, "section", zh, en))
            items = []
            continue
        zh, en = sections.get(block.section, ("", ""))
        if block.item is not None:
            items = [i for i in items if i.path == block.item.path[:len(i.path)] and i.path != block.item.path]
            items.append(block.item)
            zh += "".join(i.label for i in items)
            en += " " + "".join(i.label for i in items)
            if block.opens_item:
                out[block.page].append(Place(block.item.anchor, url, "section", zh, en.strip()))
        else:
            items = []
        if block.kind == "paragraph":
            n = paragraph_number(block.anchor)
            out[block.page].append(Place(block.anchor, url, "paragraph", f"{zh}第 {n} 段",
                                         f"{en}, para. {n}".lstrip(", ")))
        else:
            caption = item_caption(text.items[block.anchor])
            out[block.page].append(Place(block.anchor, url, block.kind, f"{zh}{caption}".strip(),
                                         f"{en}, {caption}".lstrip(", ")))
    for milestone in milestones(text):
        out[milestone.page].append(Place(milestone.id, url_of[milestone.page], "page", f"原書頁 {milestone.n}",
                                         f"original p. {milestone.n}"))
    if text_note(text) is not None:
        out["index"].append(Place("note-star", url_of["index"], "note", "題注（＊）", "unnumbered note (*)"))
    for page in pages:
        chapter = page.title if split and page.key != "index" else ""
        for number, _ in page_notes(text, page.key if split else "index"):
            out[page.key].append(Place(f"fn:{number}", url_of[page.key], "note",
                                       f"{chapter} 註 {number}".strip(), f"{chapter} n. {number}".strip()))
    return out


def cite_files(text: CleanText) -> dict[str, str]:
    """{docs path: JSON} of the text's pages' citation files, next to their Markdown."""
    slug = text.edition.slug
    return {f"texts/{slug}/{key}.cite.json": cite_file(text.edition, places)
            for key, places in text_places(text).items()}
