"""Render: the bibliography's pages from the curated bib/references.bib.

`bibliography.md` lists every entry in brief: each formatted in one consistent style (Chinese:
作者（年）。〈篇名〉，《刊名》…; western: Chicago author-date), with its key as anchor, which is the
entry's published address (`bibliography/#key`), and a link to the entry on its part. The parts
(`bibliography/a-g.md` …: the entries whose author sorts under those letters) give each entry
again with the links back to every note that cites it and a COinS span for Zotero; the notes
link there. The parts keep the page a reader loads small as the texts, and their notes, grow.
Within a page, entries are grouped 中文 / 西文 (by `langid`), sorted by romanised author, then
year.

The entries are HTML blocks under Markdown headings (see mdtext.href): 300 entries and their
links back to the notes, which Python-Markdown then passes through instead of parsing.
"""
from __future__ import annotations

import html
import re
import unicodedata

from .citations import CJK
from .mdtext import href, html_text, page_url
from .references import (COMPOUND_SURNAMES, SAFE_URL, Bibliography, NoteId, bib_name, locator_label, pinyin,
                         surname)
from .render import split_pages
from .wording import count_zh

GROUPS = {"zh-Hant": "中文文獻", "en": "西文文獻"}
PAGE = "bibliography.md"
# The parts, by the first letter of the name an entry sorts under. The ranges are fixed, so that an
# entry's part, and the address the notes link, stays the same as the bibliography grows.
PARTS = {"a-g": "A–G", "h-l": "H–L", "m-s": "M–S", "t-x": "T–X", "y-z": "Y–Z"}


escape = html_text         # the entries are HTML blocks


def emphasis(text: str) -> str:
    return f"<em>{text}</em>"


def closing(title: str) -> str:
    """The full stop after a title, unless it ends in its own (Chicago: no period after ? or !).

    >>> closing("What Are International Institutions?"), closing("Power and Interdependence")
    ('', '.')
    """
    return "" if title.rstrip("”’\"'").endswith(("?", "!", ".", "？", "！")) else "."


def closed(title: str) -> str:
    return title + closing(title)


def values(entry) -> dict[str, str]:
    """An entry's fields as printed: `\\&` unescaped, the year read from a full date."""
    f = {name: field.value.strip().replace("\\&", "&") for name, field in entry.fields_dict.items()}
    if not f.get("year") and f.get("date"):
        f["year"] = "" if f["date"].startswith("XXXX") else f["date"][:4]
    return f


def name_parts(name: str) -> tuple[str, str, bool]:
    """(family, given, printed surname-first) of one BibTeX name ("Keohane, Robert O.",
    "Chu, Shulong", "{Commission on Global Governance}", "高朗")."""
    name = name.strip()
    if name.startswith("{") and name.endswith("}"):
        return name[1:-1], "", False
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 1:
        return name, "", False
    family = parts[0] + (f" {parts[1]}" if len(parts) == 3 else "")     # Nye, Jr., Joseph S.
    given = parts[-1]
    surname_first = len(parts) == 2 and bib_name(f"{parts[0]} {given}") == name
    return family, given, surname_first


def display_name(name: str, inverted: bool = False) -> str:
    """A name as the reader sees it: Robert O. Keohane (Keohane, Robert O. first in a western
    list), Chu Shulong always surname first, 高朗 whole."""
    family, given, surname_first = name_parts(name)
    if not given:
        return family
    if surname_first:
        return f"{family} {given}"
    if inverted:
        return f"{family}, {given}"
    junior = family.endswith(" Jr.")
    return f"{given} {family.removesuffix(' Jr.')}" + (", Jr." if junior else "")


def people(names: str, chinese: bool, invert_first: bool = False) -> str:
    """BibTeX names (A and B and others) as printed in the style."""
    parts = [name.strip() for name in names.split(" and ") if name.strip()]
    more = "others" in parts
    parts = [display_name(name, invert_first and i == 0) for i, name in enumerate(n for n in parts if n != "others")]
    if chinese:
        return "、".join(parts) + ("等" if more else "")
    if more:
        return ", ".join(parts) + " et al."
    if len(parts) < 2:
        return "".join(parts)
    serial = "," if invert_first else ""        # Keohane, Robert O., and Joseph S. Nye, Jr.
    return ", ".join(parts[:-1]) + f"{serial} and " + parts[-1]


def pages_of(value: str) -> str:
    return value.replace("--", "–")


def news_date(f: dict, chinese: bool) -> str:
    """A newspaper item's date and page: 2001 年 11 月 8 日，版 15 / October 25, 2011, 15.

    >>> news_date({"date": "2002-02-26", "pages": "15"}, True), news_date({"date": "2011-10-25"}, False)
    ('2002 年 2 月 26 日，版 15', 'October 25, 2011')
    """
    parts = [int(part) for part in f.get("date", "").split("-") if part.isdigit()]
    if chinese:
        date = " ".join(f"{n} {unit}" for n, unit in zip(parts, ("年", "月", "日")))
        return date + (f"，版 {f['pages']}" if f.get("pages") else "")
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    date = f"{months[parts[1] - 1]} {parts[2]}, {parts[0]}" if len(parts) == 3 else f.get("date", "")
    return date + (f", {f['pages']}" if f.get("pages") else "")


def chinese_entry(kind: str, f: dict) -> str:
    editor_only = not f.get("author") and f.get("editor")
    who = people(f.get("author") or f.get("editor", ""), True) + ("（編）" if editor_only else "")
    who = who or f.get("organization", "") or f.get("journal", "")
    year = f.get("year") or "無日期"
    head = f"{escape(who)}（{escape(year)}）。" if who else f"（{escape(year)}）。"
    title = escape(f.get("title", ""))
    place = "：".join(escape(f[k]) for k in ("address", "publisher") if f.get(k))
    translator = f"{escape(people(f['translator'], True))}（譯）。" if f.get("translator") else ""
    edition = f"第 {escape(f['edition'])} 版。" if f.get("edition") else ""
    issue = "".join([f"第 {escape(f['volume'])} 卷" if f.get("volume") else "",
                     f"第 {escape(f['number'])} 期" if f.get("number") else ""])
    pages = f"頁 {escape(pages_of(f['pages']))}" if f.get("pages") else ""
    if kind == "article" and f.get("entrysubtype") == "newspaper":
        body = f"〈{title}〉，《{escape(f.get('journal', ''))}》，{escape(news_date(f, True))}。"
    elif kind == "article":
        tail = "，".join(p for p in [f"《{escape(f['journal'])}》" if f.get("journal") else "", issue, pages] if p)
        body = f"〈{title}〉" + (f"，{tail}" if tail else "") + "。"
    elif kind in ("incollection", "inbook"):
        editor = f"{escape(people(f['editor'], True))}（編），" if f.get("editor") else ""
        body = f"〈{title}〉，收於{editor}《{escape(f.get('booktitle', ''))}》" + (f"，{pages}" if pages else "") + "。" + \
            (f"{place}。" if place else "")
    elif kind == "thesis":
        degree = "博士論文" if f.get("type") == "phdthesis" else "碩士論文"
        body = f"《{title}》。{escape(f.get('institution', ''))}{degree}。"
    elif kind == "inproceedings":
        host = escape(f.get("organization", ""))
        body = f"〈{title}〉，發表於「{escape(f.get('booktitle', ''))}」" + (f"，{host}" if host else "") + \
            (f"，{pages}" if pages else "") + "。"
    elif kind == "online":
        site = escape(f.get("organization", ""))
        body = f"〈{title}〉。" + (f"{site}。" if site else "")
    elif kind == "misc":
        body = f"〈{title}〉。"
    elif kind == "report":
        body = f"《{title}》。{escape(f.get('institution', ''))}。"
    else:
        body = f"《{title}》。{edition}{translator}" + (f"{place}。" if place else "")
        translator = ""
    return head + body + translator + web(f) + incomplete(f)


def western_entry(kind: str, f: dict) -> str:
    who = people(f.get("author") or f.get("editor", ""), False, invert_first=True)
    if not f.get("author") and f.get("editor"):
        who += ", ed." if " and " not in f["editor"] else ", eds."
    who = who or f.get("organization", "") or f.get("journal", "")
    year = f.get("year") or "n.d."
    head = f"{escape(who.rstrip('.'))}. {escape(year.rstrip('.'))}. " if who else ""
    title = escape(f.get("title", ""))
    place = ": ".join(escape(f[k]) for k in ("address", "publisher") if f.get(k))
    pages = escape(pages_of(f.get("pages", "")))
    edition = f" {ordinal(f['edition'])} ed." if f.get("edition", "").isdigit() else \
        (f" {escape(f['edition'])} ed." if f.get("edition") else "")
    if kind == "article" and f.get("entrysubtype") == "newspaper":
        body = f"“{closed(title)}” {emphasis(escape(f.get('journal', '')))}, {escape(news_date(f, False))}."
    elif kind == "article":
        issue = (escape(f["volume"]) if f.get("volume") else "") + (f" ({escape(f['number'])})" if f.get("number") else "")
        journal = emphasis(escape(f["journal"])) if f.get("journal") else ""
        tail = " ".join(p for p in [journal, issue] if p) + (f": {pages}" if pages else "")
        body = f"“{closed(title)}” " + (f"{tail}." if tail else "")
    elif kind in ("incollection", "inbook"):
        editors = f", edited by {escape(people(f['editor'], False))}" if f.get("editor") else ""
        body = f"“{closed(title)}” In {emphasis(escape(f.get('booktitle', '')))}{editors}" + (f", {pages}" if pages else "") + "." + \
            (f" {place}." if place else "")
    elif kind in ("online", "misc"):
        site = escape(f.get("organization", ""))
        body = f"“{closed(title)}” " + (f"{site}." if site else "")
    elif kind == "thesis":
        degree = "PhD diss." if f.get("type") == "phdthesis" else "Master's thesis"
        body = f"“{closed(title)}” {degree}, {escape(f.get('institution', ''))}."
    elif kind == "inproceedings":
        host = escape(f.get("organization", ""))
        body = f"“{closed(title)}” Paper presented at {escape(f.get('booktitle', ''))}" + (f", {host}" if host else "") + \
            (f", {pages}" if pages else "") + "."
    else:
        body = f"{emphasis(title)}{closing(title)}{edition}" + (f" {place}." if place else "")
    if not who:                                  # no author: the title first, the year after it
        body += f" {escape(year.rstrip('.'))}."
    return (head + body).strip() + web(f) + incomplete(f)


def ordinal(number: str) -> str:
    n = int(number)
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def incomplete(f: dict) -> str:
    """The mark of an entry the notes cite too briefly to complete."""
    return "〔書目不完整：註文未提供完整出版資料〕" if "incomplete" in f.get("keywords", "") else ""


def web(f: dict) -> str:
    if not f.get("url"):
        return ""
    seen = f"（檢索日期：{escape(f['urldate'])}）" if f.get("urldate") else ""
    url = f["url"]          # load_bib admits only http(s) URLs without spaces, quotes or brackets
    return (f' <a href="{url}">{url}</a>' if SAFE_URL.match(url) else f" {escape(url)}") + seen


def format_entry(entry) -> str:
    f = values(entry)
    kind = entry.entry_type.lower()
    return chinese_entry(kind, f) if f.get("langid") == "zh-Hant" else western_entry(kind, f)


def sort_key(entry) -> tuple:
    """(romanised name, year, title): a Chinese name by its surname's reading as a surname (曾 zeng,
    not ceng), a corporate name without its leading article (The International Institute → I)."""
    f = values(entry)
    name = (f.get("author") or f.get("editor") or f.get("organization") or f.get("journal") or f.get("title", ""))
    family, given, _ = name_parts(name.split(" and ")[0])
    if CJK.match(family):
        lead = family[:2] if family.startswith(COMPOUND_SURNAMES) else family[:1]
        romanised = " ".join([surname(lead), *pinyin(family[len(lead):])])
    elif CJK.search(family):
        romanised = " ".join(pinyin(family)).lower() or family
    else:
        romanised = re.sub(r"^(the|an?) ", "", f"{family} {given}".lower())
    return (romanised, f.get("year", ""), f.get("title", ""))


def part_of(entry) -> str:
    """The part an entry is listed on, by the first letter it sorts under (an accent dropped)."""
    romanised = unicodedata.normalize("NFKD", sort_key(entry)[0])
    letter = next((ch for ch in romanised if "a" <= ch <= "z"), "a")
    return next(part for part in PARTS if part[0] <= letter <= part[-1])


def part_page(part: str) -> str:
    return f"bibliography/{part}.md"


def entry_address(entry) -> str:
    """The site address of the part that gives an entry with its citing notes (bibliography/a-g/)."""
    return page_url(part_page(part_of(entry)))


def note_places(texts) -> dict:
    """slug -> (text title, {scope: (page path, page title)})."""
    places = {}
    for text in texts:
        split = text.edition.outline.split_level
        pages = {page.key if split else "index": (page.path(text.edition.slug), page.title if split and page.key != "index" else "")
                 for page in split_pages(text)}
        places[text.edition.slug] = (text.edition.title, pages)
    return places


def short_title(title: str) -> str:
    """A text's title as the back-links name it: its main title, without the subtitle after 「：」
    (the short title of later references; the page grows with every citing note).

    >>> short_title("中共多邊外交戰略與「六方會談」：北韓核武危機與東北亞多邊安全機制"), short_title("第六章 台海安全體系評估")
    ('中共多邊外交戰略與「六方會談」', '第六章 台海安全體系評估')
    """
    return title.split("：", 1)[0]


def backlinks(citations: list[tuple[NoteId, str]], places: dict, page: str) -> str:
    """「《text》第貳章：註 3（頁 47）、註 5；…」 links to every note citing an entry, each with the
    page that note cites."""
    groups: dict[tuple[str, str], list[str]] = {}
    for note, locator in citations:
        title, pages = places[note.slug]
        path, chapter = pages.get(note.scope, pages.get("index"))
        where = f"（{escape(locator_label(locator))}）" if locator else ""
        link = f'<a href="{href(page, f"{path}#fn:{note.number}")}">註 {note.number}</a>{where}'
        group = groups.setdefault((note.slug, note.scope), [])
        if link not in group:
            group.append(link)
    out = []
    for (slug, scope), links in groups.items():
        title, pages = places[slug]
        chapter = pages.get(scope, ("", ""))[1]
        where = f"《{escape(short_title(title))}》" + (f"{escape(chapter)}" if chapter else "")
        out.append(f"{where}：{'、'.join(links)}")
    return "；".join(out)


def citations_of(bibliography: Bibliography) -> dict[str, list[tuple[NoteId, str]]]:
    """key -> (note, locator) of every citation linked to it, in the order of the notes; a
    chapter's citations also count for its volume."""
    found: dict[str, list[tuple[NoteId, str]]] = {}
    for link in bibliography.links:
        if link.work is None or link.problem:
            continue
        found.setdefault(link.work.key, []).append((link.note, link.citation.locator))
        if link.work.parent is not None and link.work.parent.key:
            found.setdefault(link.work.parent.key, []).append((link.note, ""))
    return found


def language_groups(entries: list) -> list[tuple[str, str, list]]:
    """(anchor, heading, entries) of the 中文 and 西文 entries, in that order, each group sorted."""
    groups = []
    for langid, label in GROUPS.items():
        group = [entry for entry in entries if (values(entry).get("langid") == "zh-Hant") == (langid == "zh-Hant")]
        if group:
            groups.append(("zh" if langid == "zh-Hant" else "en", label, sorted(group, key=sort_key)))
    return groups


def aliases(entry) -> str:
    """Empty spans with an entry's former keys (`ids`), so that their addresses still resolve."""
    return "".join(f'<span id="{alias.strip()}"></span>' for alias in values(entry).get("ids", "").split(",")
                   if alias.strip())


def parts_nav(page: str, counts: dict[str, int]) -> list[str]:
    """The links to the landing page and to every part, the current page marked."""
    def link(target: str, label: str) -> str:
        current = ' aria-current="page"' if target == page else ""
        return f'<li><a href="{href(page, target)}"{current}>{label}</a></li>'

    items = [link(PAGE, "全部書目")] + [link(part_page(part), f"{label}（{counts[part]} 筆）")
                                        for part, label in PARTS.items() if counts.get(part)]
    return ['<nav class="bib-parts" aria-label="參考文獻分頁"><ul>', *items, "</ul></nav>", ""]


def render_bibliography(bibliography: Bibliography, library, texts) -> dict[str, str]:
    """{docs path: content} of the landing page and the parts."""
    places = note_places(texts)
    cited = citations_of(bibliography)
    by_part: dict[str, list] = {}
    for entry in library.entries:
        by_part.setdefault(part_of(entry), []).append(entry)
    counts = {part: len(entries) for part, entries in by_part.items()}
    files = {PAGE: render_landing(library.entries, cited, counts, len(texts))}
    for part, entries in by_part.items():
        files[part_page(part)] = render_part(part, entries, cited, places, counts)
    return files


def render_landing(entries: list, cited: dict, counts: dict[str, int], texts: int) -> str:
    """Every entry in brief at its published address (#key), linked to its part."""
    parts = "、".join(label for part, label in PARTS.items() if counts.get(part))
    out = ["# 參考文獻 {#top}", "",
           f"{count_zh(texts)}篇文獻註釋所引用的全部著作，由註文解析、合併而成，並經編者校訂；"
           "「同上」「前揭書」「Ibid.」「op. cit.」等省略引用已還原至所指著作。"
           "註文未提供完整出版資料的著作仍列出，並標明書目不完整。"
           f"共 {len(entries)} 筆，本頁逐筆列出；依作者姓名（中文依漢語拼音）的首字母分為 {parts} 各頁，"
           "各頁的每筆書目另列引用它的所有註釋及各註所引頁碼，並附 COinS，Zotero 可自該頁擷取。"
           "下載：[BibTeX（references.bib）](references.bib)、[CSL-JSON（references.json）](references.json)。", "",
           *parts_nav(PAGE, counts)]
    for anchor, label, group in language_groups(entries):
        out += [f"## {label} {{#{anchor}}}", "", '<ul class="bib-brief" data-search-exclude>']
        for entry in group:
            notes = len({note for note, _ in cited.get(entry.key, [])})
            lang = "" if anchor == "zh" else ' lang="en"'
            where = href(PAGE, f"{part_page(part_of(entry))}#{entry.key}")
            out.append(f'<li id="{entry.key}"><span{lang}>{format_entry(entry)}</span> '
                       f'<a class="bib-part-link" href="{where}">引用：{notes} 則註釋</a>{aliases(entry)}</li>')
        out += ["</ul>", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_part(part: str, entries: list, cited: dict, places: dict, counts: dict[str, int]) -> str:
    """The entries of one part, each with the notes that cite it, its key and its COinS."""
    page = part_page(part)
    out = [f"# 參考文獻 {PARTS[part]} {{#top}}", "",
           f"作者姓名（中文依漢語拼音）以 {PARTS[part].replace('–', ' 至 ')} 開頭的書目。每筆列出引用它的所有註釋及各註所引頁碼，"
           "並附 COinS，Zotero 可自本頁擷取；全部書目見[參考文獻](../bibliography.md)。", "",
           *parts_nav(page, counts)]
    for anchor, label, group in language_groups(entries):
        out += [f"## {label} {{#{anchor}}}", ""]
        lang = "" if anchor == "zh" else ' lang="en"'
        for entry in group:
            out += [f'<div class="bib-entry" id="{entry.key}">', f"<p{lang}>{format_entry(entry)}</p>",
                    f'<p><span class="bib-cited">引用：{backlinks(cited.get(entry.key, []), places, page)}</span>'
                    f' <span class="bib-key"><code>{entry.key}</code></span>{aliases(entry)}{coins(entry)}</p>', "</div>", ""]
    return "\n".join(out).rstrip("\n") + "\n"


# --- COinS (OpenURL 1.0 ContextObjects in spans), for Zotero ----------------------------------

COINS_FORMATS = {"article": ("journal", "article"), "book": ("book", "book"), "collection": ("book", "book"),
                 "manual": ("book", "book"), "incollection": ("book", "bookitem"), "inbook": ("book", "bookitem"),
                 "thesis": ("dissertation", ""), "report": ("book", "report"), "inproceedings": ("book", "proceeding")}


def coins(entry) -> str:
    """A `<span class="Z3988">` carrying the entry as an OpenURL ContextObject, which Zotero's
    COinS translator reads from the page.

    The KEV keys follow the OpenURL 1.0 journal, book and dissertation formats; other types use
    Dublin Core (`rft.title`, `rft.creator`)."""
    from urllib.parse import quote

    f = values(entry)
    kind = entry.entry_type.lower()
    fmt, genre = COINS_FORMATS.get(kind, ("dc", ""))
    pairs = [("ctx_ver", "Z39.88-2004"), ("rft_val_fmt", f"info:ofi/fmt:kev:mtx:{fmt}"),
             ("rfr_id", "info:sid/taiwan-foreign-relations.edition")]
    if genre:
        pairs.append(("rft.genre", genre))
    title_key = {"journal": "rft.atitle", "book": "rft.atitle" if genre in ("bookitem", "proceeding") else "rft.btitle",
                 "dissertation": "rft.title", "dc": "rft.title"}[fmt]
    pairs.append((title_key, f.get("title", "")))
    if fmt == "journal":
        pairs += [("rft.jtitle", f.get("journal", "")), ("rft.volume", f.get("volume", "")),
                  ("rft.issue", f.get("number", "")), ("rft.pages", pages_of(f.get("pages", "")))]
    if genre in ("bookitem", "proceeding"):
        pairs += [("rft.btitle", f.get("booktitle", "")), ("rft.pages", pages_of(f.get("pages", "")))]
    if fmt in ("book", "dissertation"):
        pairs += [("rft.pub", f.get("publisher", "") or f.get("institution", "")), ("rft.place", f.get("address", "")),
                  ("rft.edition", f.get("edition", ""))]
    creator = "rft.creator" if fmt == "dc" else "rft.au"
    for name in f.get("author", f.get("editor", "")).split(" and "):
        if name.strip() and name.strip() != "others":
            pairs.append((creator, display_name(name.strip())))
    date = f.get("date", "") if not f.get("date", "").startswith("XXXX") else ""
    pairs.append(("rft.date", date or f.get("year", "")))
    if fmt == "dc" and f.get("url"):
        pairs.append(("rft.identifier", f["url"]))
    if f.get("langid"):
        pairs.append(("rft.language", f["langid"]))
    kev = "&".join(f"{key}={quote(value, safe='')}" for key, value in pairs if value)
    return f'<span class="Z3988" title="{html.escape(kev, quote=True)}"></span>'


# --- CSL-JSON, for citeproc processors and Zotero ------------------------------------------------

CSL_TYPES = {"article": "article-journal", "book": "book", "collection": "book", "manual": "book",
             "incollection": "chapter", "inbook": "chapter", "thesis": "thesis", "online": "webpage",
             "report": "report", "misc": "document", "inproceedings": "paper-conference"}


def csl_name(name: str) -> dict:
    """A BibTeX name as CSL: family and given, or a literal (an institution, a Chinese name)."""
    family, given, _ = name_parts(name)
    if not given or CJK.search(family):
        return {"literal": family}
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 3:                          # Nye, Jr., Joseph S.
        return {"family": parts[0], "given": parts[2], "suffix": parts[1]}
    return {"family": family, "given": given}


def csl_date(value: str) -> dict | None:
    parts = [int(part) for part in value.split("-") if part.isdigit()]
    return {"date-parts": [parts]} if parts else None


def csl_item(entry) -> dict:
    """One entry as a CSL-JSON item."""
    f = values(entry)
    kind = entry.entry_type.lower()
    item: dict = {"id": entry.key, "type": CSL_TYPES.get(kind, "document")}
    if kind == "article" and f.get("entrysubtype") == "newspaper":
        item["type"] = "article-newspaper"
    for role in ("author", "editor", "translator"):
        names = [n.strip() for n in f.get(role, "").split(" and ") if n.strip() and n.strip() != "others"]
        if names:
            item[role] = [csl_name(n) for n in names]
    simple = {"title": "title", "journal": "container-title", "booktitle": "container-title", "publisher": "publisher",
              "address": "publisher-place", "volume": "volume", "number": "issue", "edition": "edition",
              "url": "URL", "langid": "language", "note": "note"}
    for name, key in simple.items():
        if f.get(name):
            item[key] = f[name]
    if kind == "thesis":
        item["genre"] = "博士論文" if f.get("type") == "phdthesis" else "碩士論文"
        item["publisher"] = f.get("institution", "")
    if kind == "online" and f.get("organization"):
        item["container-title"] = f["organization"]
    if f.get("pages"):
        item["page"] = pages_of(f["pages"]).replace("–", "-")
    issued = csl_date(f.get("date", "")) or csl_date(f.get("year", ""))
    if issued:
        item["issued"] = issued
    if f.get("urldate"):
        item["accessed"] = csl_date(f["urldate"])
    return item


def render_csl_json(library) -> str:
    """`references.json`: every entry as CSL-JSON, in the order of the bib file."""
    import json

    return json.dumps([csl_item(entry) for entry in library.entries], ensure_ascii=False, indent=1) + "\n"
