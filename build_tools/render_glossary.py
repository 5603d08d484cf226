"""Render the glossary: docs/glossary.md, and per text its index of terms (docs/terms/<slug>.md).

The glossary entry says where a term is used one line per text: the text's title linked to the
term's first use there, the number of uses, and a link to the term on that text's index of terms,
which lists every use (paragraphs by section, notes) linked to its place. So every use is reachable
from the entry, and the glossary page grows with the number of texts using a term, not with the
number of its uses (at the bench's 50 texts the list of every use made it 1.9 MB).

The index of terms is a secondary page like the cleaning report: not in the navigation, not
searched, its ids (the glossary ids) not published anchors.
"""
from __future__ import annotations

from dataclasses import dataclass

from .mdtext import escape, href, html_text
from .model import CleanText
from .paragraphs import squeeze_spaces
from .render import section_labels, split_pages
from .wording import count_zh

TERM_INDEX = "terms"           # docs/terms/<slug>.md: each text's index of terms


@dataclass
class Place:
    """A group of one term's uses in one text: a section's paragraphs, or a note."""

    label: str                 # 「第壹章 緒論 › 一、研究動機」, 「第壹章 緒論 › 註 5」
    links: list[tuple[str, str, str]]     # (link text, docs-relative page path, anchor)


def term_places(text: CleanText) -> dict[str, list[Place]]:
    """Per glossary id, the places of one text that use it, in reading order: per section the
    paragraphs that mention it, then the notes that do."""
    labels = section_labels(text)
    pages = {page.key: page for page in split_pages(text)}
    slug = text.edition.slug
    grouped: dict[tuple[str, str], list] = {}
    for block in text.blocks:
        for term in dict.fromkeys(use.term for use in text.term_uses.get(block.anchor, [])):
            grouped.setdefault((term, block.section), []).append(block)
    places: dict[str, list[Place]] = {}
    split = text.edition.outline.split_level
    for (term, section), blocks in grouped.items():
        page = pages[blocks[0].page]
        label = labels.get(section, section)
        if split and page.key != "index" and label != page.title:     # 「第壹章 緒論 › 一、研究動機」
            label = f"{page.title} › {label}"
        places.setdefault(term, []).append(Place(label, [
            (f"¶{b.anchor.rsplit('-p', 1)[1]}", page.path(slug), b.anchor) for b in blocks]))
    for (scope, number), ids in sorted(text.note_terms.items(), key=lambda kv: (kv[0][0], int(kv[0][1])
                                                                                 if kv[0][1].isdigit() else 0)):
        page = pages.get(scope if split else "index", pages["index"])
        target = "note-star" if number == "*" else f"fn:{number}"
        where = page.title if split and page.key != "index" else text.edition.title
        for term in ids:
            places.setdefault(term, []).append(Place(where, [(f"註 {number}", page.path(slug), target)]))
    return places


GLOSSARY_PAGE = "glossary.md"


def uses_line(text: CleanText, term_id: str, places: list[Place]) -> str:
    """The glossary entry's line for one text: its title linked to the first use, the count, and
    the term on the text's index of terms.

    >>> from types import SimpleNamespace
    >>> text = SimpleNamespace(edition=SimpleNamespace(title="甲文", slug="a"))
    >>> uses_line(text, "x", [Place("壹", [("¶1", "texts/a/index.md", "sec-1-p1"), ("¶3", "texts/a/index.md", "sec-1-p3")])])
    '<li><a href="../texts/a/#sec-1-p1">甲文</a>：2 處（<a href="../terms/a/#x">逐處列出</a>）</li>'
    """
    _, path, anchor = places[0].links[0]
    count = sum(len(place.links) for place in places)
    line = f'<li><a href="{href(GLOSSARY_PAGE, f"{path}#{anchor}")}">{html_text(text.edition.title)}</a>：{count} 處'
    if count > 1:
        line += f'（<a href="{href(GLOSSARY_PAGE, f"{TERM_INDEX}/{text.edition.slug}.md#{term_id}")}">逐處列出</a>）'
    return line + "</li>"


def glossary_source(term) -> str:
    """The 依據 line of an entry: the source, linked to its bibliography entries (`bib:`). A source
    naming several works (「…; …」) links each to its key when the counts agree."""
    bibliography = href(GLOSSARY_PAGE, "bibliography.md")
    parts = [part.strip() for part in term.source.split(";")] if term.source else []
    if term.bib and len(parts) == len(term.bib):
        cited = [f'<a href="{bibliography}#{key}" lang="en">{html_text(part)}</a>' for part, key in zip(parts, term.bib)]
        return "依據：" + "；".join(cited)
    line = f'依據：<span lang="en">{html_text(term.source)}</span>' if term.source else "依據："
    if term.bib:
        line += "（參考文獻：" + "、".join(f'<a href="{bibliography}#{key}">{key}</a>' for key in term.bib) + "）"
    return line


def entry_body(term, label: str, names: dict[str, str], uses: list[str]) -> list[str]:
    """An entry under its heading, as HTML blocks (see mdtext.href): its original and kind, its
    definition, source, related entries and the texts that use it."""
    facts = [f'<em lang="en">{html_text(term.original)}</em>' if term.original else "", label]
    if term.aliases:
        facts.append("又作：" + "、".join(html_text(a) for a in term.aliases))
    out = [f"<p>{' · '.join(f for f in facts if f)}</p>"]
    if term.definition:
        out.append(f"<p>{html_text(squeeze_spaces(term.definition))}</p>")
    if term.source or term.bib:
        out.append(f"<p>{glossary_source(term)}</p>")
    if term.related:
        out.append("<p>相關詞條：" + "、".join(f'<a href="#{r}">{html_text(names[r])}</a>' for r in term.related) + "</p>")
    out += ["<p>出現於：</p>", "<ul>", *uses, "</ul>"] if uses else ["<p>（本版正文中未出現。）</p>"]
    return out + [""]


def zhuyin_index(groups: list[tuple[str, str, list]]) -> list[str]:
    """The jump index: per kind, each 注音 initial its entries begin with, linked to the first."""
    from .glossary import initial

    rows = []
    for kind, label, group in groups:
        firsts: dict[str, str] = {}
        for term in group:
            firsts.setdefault(initial(term.term), term.id)
        links = " ".join(f'<a href="#{anchor}">{letter}</a>' for letter, anchor in firsts.items())
        rows.append(f'<li><a class="zhuyin-kind" href="#kind-{kind}">{label}</a> {links}</li>')
    return ['<nav class="zhuyin-index" aria-label="注音索引"><ul>', *rows, "</ul></nav>", ""]


def kind_groups(terms: list) -> list[tuple[str, str, list]]:
    """(kind, label, entries in 注音 order) for each kind that has entries."""
    from .glossary import KINDS, reader_order

    groups = [(kind, label, reader_order([t for t in terms if t.kind == kind])) for kind, label in KINDS.items()]
    return [group for group in groups if group[2]]


def render_glossary(terms: list, texts: list[CleanText], groups: list | None = None,
                    places: dict | None = None) -> str:
    """docs/glossary.md: entries grouped by kind, in 注音 order, each with the texts that use it."""
    groups = kind_groups(terms) if groups is None else groups
    places = {text.edition.slug: term_places(text) for text in texts} if places is None else places
    names = {term.id: term.term for term in terms}
    out = ["# 詞彙表 {#top}", "",
           f"本表收錄{count_zh(len(texts))}篇文獻中的術語、人名、組織、條約與事件，多數附原文與本版撰寫的簡短定義。"
           "正文各節第一次出現的詞條會連結至此；每個詞條下列出使用它的文獻、各自的次數與第一次出現之處，"
           "「逐處列出」則到該文獻的詞彙出現處一頁，列出每一個段落與註釋。"
           "各類詞條依中文詞目的注音符號順序排列（ㄅㄆㄇㄈ…），以外文字母開頭的詞目列於各類之末；"
           "下方索引可跳到各類中以該注音符號開頭的第一個詞條。", ""]
    out += zhuyin_index(groups)
    for kind, label, group in groups:
        out += [f"## {label} {{#kind-{kind}}}", ""]
        for term in group:
            out += [f"### {escape(term.term)} {{#{term.id}}}", ""]
            out += entry_body(term, label, names, [uses_line(text, term.id, places[text.edition.slug][term.id])
                                                   for text in texts if term.id in places[text.edition.slug]])
    return "\n".join(out).rstrip("\n") + "\n"


def render_term_index(text: CleanText, groups: list, places: dict[str, list[Place]]) -> str:
    """terms/<slug>.md: every glossary entry the text uses, in the glossary's order, with each of
    its uses (per section the paragraphs, then the notes) linked to its place. The entries are
    HTML blocks (see mdtext.href): a page of links, hundreds of them for the thesis."""
    page = f"{TERM_INDEX}/{text.edition.slug}.md"
    out = [f"# 詞彙出現處：{escape(text.edition.title)} {{#top}}", "",
           f"[詞彙表](../glossary.md)各詞條在本文中出現的每一個段落與註釋，依詞彙表的類別與注音順序。"
           f"回到[本文](../texts/{text.edition.slug}/index.md)。", ""]
    for kind, label, group in groups:
        used = [term for term in group if term.id in places]
        if not used:
            continue
        out += [f"## {label} {{#kind-{kind}}}", ""]
        for term in used:
            count = sum(len(place.links) for place in places[term.id])
            out.append(f'<p><a href="{href(page, "glossary.md#" + term.id)}" id="{term.id}">'
                       f"{html_text(term.term)}</a>：{count} 處</p>")
            out += ["<ul>", *(f"<li>{html_text(place.label.rstrip('：:'))}：" + "、".join(
                f'<a href="{href(page, path + "#" + anchor)}">{html_text(link)}</a>'
                for link, path, anchor in place.links) + "</li>" for place in places[term.id]), "</ul>"]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def glossary_files(terms: list, texts: list[CleanText]) -> dict[str, str]:
    """{docs path: content}: the glossary page and each text's index of terms."""
    groups = kind_groups(terms)
    places = {text.edition.slug: term_places(text) for text in texts}
    files = {"glossary.md": render_glossary(terms, texts, groups, places)}
    for text in texts:
        files[f"{TERM_INDEX}/{text.edition.slug}.md"] = render_term_index(text, groups, places[text.edition.slug])
    return files
