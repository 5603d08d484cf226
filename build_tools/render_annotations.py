"""Render: the index page of the editors' annotations (the blocks themselves: render.py)."""
from __future__ import annotations

import re

from .annotations import KINDS, Placed
from .render import escape, split_pages


def summary(body: str, limit: int = 60) -> str:
    first = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body.strip().split("\n")[0])   # link text only
    return first[:limit] + ("…" if len(first) > limit else "")


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
        out += [f"## {escape(text.edition.title)} {{#{slug}}}", ""]
        for kind, label in KINDS.items():
            group = [p for p in mine if p.annotation.kind == kind]
            if not group:
                continue
            out += [f"### {label} {{#{slug}-{kind}}}", ""]
            for p in group:
                target = f"{p.page} › {p.anchor}" if p.page != "index" else p.anchor
                out.append(f"- [{escape(summary(p.annotation.body))}]({paths[p.page]}#{p.annotation.id})"
                           f"（註於 `{target}`）")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
