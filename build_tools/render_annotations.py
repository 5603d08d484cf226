"""Render: the index page of the editors' annotations (the blocks themselves: render.py)."""
from __future__ import annotations

import re

from .annotations import KINDS, Placed
from .places import text_places
from .render import escape, split_pages


def summary(body: str, limit: int = 60) -> str:
    first = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body.strip().split("\n")[0])   # link text only
    return first[:limit] + ("…" if len(first) > limit else "")


def place_names(text) -> dict[tuple[str, str], str]:
    """{(page key, anchor): the place's numbering path}, as the 引用 dialog names it."""
    return {(key, place.anchor): place.path for key, places in text_places(text).items() for place in places}


def where(placed: Placed, named: dict[tuple[str, str], str]) -> str:
    """Where an annotation is attached, as a reader names it: 「第貳章 註 45」, 「參、一、（二）〈全球治理的
    意義〉第 1 段」; an anchor the citable places do not name is given as its id.

    >>> from types import SimpleNamespace as N
    >>> where(N(page="index", anchor="fn:45"), {("index", "fn:45"): "註 45"})
    '：註 45'
    >>> where(N(page="ch-2", anchor="sec-9"), {})
    ' `ch-2 › sec-9`'
    """
    name = named.get((placed.page, placed.anchor))
    if name:
        return f"：{escape(name)}"
    return f" `{placed.page} › {placed.anchor}`" if placed.page != "index" else f" `{placed.anchor}`"


def render_index(placed: list[Placed], texts) -> str:
    """docs/annotations.md: every annotation, by text then kind, linked to its permalink."""
    out = ["# 編者註索引 {#top}", "",
           "本版編者為正文、段落與註釋所加的註解：背景說明、原文勘誤（原文不改，於此說明）、譯名說明，"
           "以及各篇之間的互見。每則編者註緊接在它所註的段落、標題或註釋之後，可展開閱讀，並有固定連結。"
           f"共 {len(placed)} 則。", ""]
    for text in texts:
        slug = text.edition.slug
        mine = [p for p in placed if p.slug == slug]
        if not mine:
            continue
        paths = {page.key: page.path(slug) for page in split_pages(text)}
        named = place_names(text)
        out += [f"## {escape(text.edition.title)} {{#{slug}}}", ""]
        for kind, label in KINDS.items():
            group = [p for p in mine if p.annotation.kind == kind]
            if not group:
                continue
            out += [f"### {label} {{#{slug}-{kind}}}", ""]
            for p in group:
                out.append(f"- [{escape(summary(p.annotation.body))}]({paths[p.page]}#{p.annotation.id})"
                           f"（註於{where(p, named)}）")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
