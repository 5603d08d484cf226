"""Render: the bibliography page (docs/bibliography.md) from the curated bib/references.bib.

Entries are grouped 中文 / 西文 (by `langid`), sorted by romanised author then year, each
formatted in one consistent style (Chinese: 作者（年）。〈篇名〉，《刊名》…; western: Chicago
author-date), with its key as anchor and links back to every note that cites it.
"""
from __future__ import annotations

from .citations import CJK
from .references import SAFE_URL, Bibliography, NoteId, pinyin
from .render import escape, split_pages

GROUPS = {"zh-Hant": "中文文獻", "en": "西文文獻"}


def values(entry) -> dict[str, str]:
    return {name: field.value.strip() for name, field in entry.fields_dict.items()}


def people(names: str, chinese: bool, invert_first: bool = False) -> str:
    """BibTeX names (A and B and others) as printed in the style."""
    parts = [name.strip() for name in names.split(" and ") if name.strip()]
    more = "others" in parts
    parts = [name for name in parts if name != "others"]
    if chinese:
        return "、".join(parts) + ("等" if more else "")
    if invert_first and parts and "," not in parts[0] and " " in parts[0]:
        first, last = parts[0].rsplit(" ", 1)
        parts[0] = f"{last}, {first}"
    if more:
        return ", ".join(parts) + " et al."
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def pages_of(value: str) -> str:
    return value.replace("--", "–")


def chinese_entry(kind: str, f: dict) -> str:
    who = people(f.get("author") or f.get("editor", ""), True) + ("（編）" if not f.get("author") and f.get("editor") else "")
    who = who or f.get("organization", "") or f.get("journal", "")
    year = f.get("year", "無日期")
    head = f"{escape(who)}（{escape(year)}）。" if who else f"（{escape(year)}）。"
    title = escape(f.get("title", ""))
    place = "：".join(escape(f[k]) for k in ("address", "publisher") if f.get(k))
    translator = f"{escape(people(f['translator'], True))}（譯）。" if f.get("translator") else ""
    issue = "".join([f"第 {escape(f['volume'])} 卷" if f.get("volume") else "",
                     f"第 {escape(f['number'])} 期" if f.get("number") else ""])
    pages = f"頁 {escape(pages_of(f['pages']))}" if f.get("pages") else ""
    if kind == "article":
        tail = "，".join(p for p in [f"《{escape(f['journal'])}》" if f.get("journal") else "", issue, pages] if p)
        body = f"〈{title}〉" + (f"，{tail}" if tail else "") + "。"
    elif kind == "incollection":
        editor = f"{escape(people(f['editor'], True))}（編），" if f.get("editor") else ""
        body = f"〈{title}〉，收於{editor}《{escape(f.get('booktitle', ''))}》" + (f"，{pages}" if pages else "") + "。" + \
            (f"{place}。" if place else "")
    elif kind in ("mastersthesis", "phdthesis"):
        degree = "碩士論文" if kind == "mastersthesis" else "博士論文"
        body = f"《{title}》。{escape(f.get('school', ''))}{degree}。"
    elif kind == "online":
        site = escape(f.get("organization", ""))
        body = f"〈{title}〉。" + (f"{site}。" if site else "")
    elif kind == "misc":
        body = f"《{title}》。"
    else:
        body = f"《{title}》。{translator}" + (f"{place}。" if place else "")
        translator = ""
    return head + body + translator + web(f)


def western_entry(kind: str, f: dict) -> str:
    who = people(f.get("author") or f.get("editor", ""), False, invert_first=True)
    if not f.get("author") and f.get("editor"):
        who += ", ed." if " and " not in f["editor"] else ", eds."
    who = who or f.get("organization", "") or f.get("journal", "")
    year = f.get("year", "n.d.")
    head = f"{escape(who.rstrip('.'))}. {escape(year)}. " if who else f"{escape(year)}. "
    title = escape(f.get("title", ""))
    place = ": ".join(escape(f[k]) for k in ("address", "publisher") if f.get(k))
    pages = escape(pages_of(f.get("pages", "")))
    if kind == "article":
        issue = (escape(f["volume"]) if f.get("volume") else "") + (f" ({escape(f['number'])})" if f.get("number") else "")
        journal = f"*{escape(f['journal'])}*" if f.get("journal") else ""
        tail = " ".join(p for p in [journal, issue] if p) + (f": {pages}" if pages else "")
        body = f"“{title}.” " + (f"{tail}." if tail else "")
    elif kind == "incollection":
        editors = f", edited by {escape(people(f['editor'], False))}" if f.get("editor") else ""
        body = f"“{title}.” In *{escape(f.get('booktitle', ''))}*{editors}" + (f", {pages}" if pages else "") + "." + \
            (f" {place}." if place else "")
    elif kind == "online":
        site = escape(f.get("organization", ""))
        body = f"“{title}.” " + (f"{site}." if site else "")
    else:
        body = f"*{title}*." + (f" {place}." if place else "")
    return (head + body).strip() + web(f)


def web(f: dict) -> str:
    if not f.get("url"):
        return ""
    seen = f"（檢索日期：{escape(f['urldate'])}）" if f.get("urldate") else ""
    url = f["url"]          # load_bib admits only http(s) URLs without spaces, quotes or brackets
    return (f" <{url}>" if SAFE_URL.match(url) else f" {escape(url)}") + seen


def format_entry(entry) -> str:
    f = values(entry)
    kind = entry.entry_type.lower()
    return chinese_entry(kind, f) if f.get("langid") == "zh-Hant" else western_entry(kind, f)


def sort_key(entry) -> tuple:
    f = values(entry)
    name = (f.get("author") or f.get("editor") or f.get("organization") or f.get("journal") or f.get("title", ""))
    first = name.split(" and ")[0].strip()
    if CJK.search(first):
        romanised = " ".join(pinyin(first)).lower() or first
    else:
        words = first.split()
        romanised = (words[-1] + " " + " ".join(words[:-1])).lower() if words else ""
    return (romanised, f.get("year", ""), f.get("title", ""))


def note_places(texts) -> dict:
    """slug -> (text title, {scope: (page path, page title)})."""
    places = {}
    for text in texts:
        split = text.edition.outline.split_level
        pages = {page.key if split else "index": (page.path(text.edition.slug), page.title if split and page.key != "index" else "")
                 for page in split_pages(text)}
        places[text.edition.slug] = (text.edition.title, pages)
    return places


def backlinks(notes: list[NoteId], places: dict) -> str:
    """「《text》第貳章：註 3、註 5；…」 links to every note citing an entry."""
    groups: dict[tuple[str, str], list[str]] = {}
    for note in notes:
        title, pages = places[note.slug]
        path, chapter = pages.get(note.scope, pages.get("index"))
        groups.setdefault((note.slug, note.scope), []).append(f"[註 {note.number}]({path}#fn:{note.number})")
    out = []
    for (slug, scope), links in groups.items():
        title, pages = places[slug]
        chapter = pages.get(scope, ("", ""))[1]
        where = f"《{escape(title)}》" + (f"{escape(chapter)}" if chapter else "")
        out.append(f"{where}：{'、'.join(links)}")
    return "；".join(out)


def render_bibliography(bibliography: Bibliography, library, texts) -> str:
    places = note_places(texts)
    cited = {work.key: work.notes for work in bibliography.works}
    entries = sorted(library.entries, key=sort_key)
    out = ["# 參考文獻 {#top}", "",
           "五篇文獻註釋所引用的全部著作，由註文解析、合併而成，並經編者校訂；"
           "「同上」「前揭書」「Ibid.」「op. cit.」等省略引用已還原至所指著作。每筆書目列出引用它的所有註釋。"
           f"共 {len(entries)} 筆。[下載 BibTeX 檔（references.bib）](references.bib)", ""]
    for langid, label in GROUPS.items():
        group = [entry for entry in entries if values(entry).get("langid", "en") == langid]
        if not group:
            continue
        out += [f"## {label} {{#{'zh' if langid == 'zh-Hant' else 'en'}}}", ""]
        for entry in group:
            out += [f'<div class="bib-entry" id="{entry.key}" markdown>', "",
                    format_entry(entry) + ("" if langid == "zh-Hant" else '\n{: lang="en" }'), "",
                    f'<span class="bib-cited">引用：{backlinks(cited.get(entry.key, []), places)}</span>'
                    f' <span class="bib-key">`{entry.key}`</span>', "", "</div>", ""]
    return "\n".join(out).rstrip("\n") + "\n"
