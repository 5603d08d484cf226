"""Stage 6 — render: Markdown pages with explicit ids, the cleaning report, anchors.json.

Output is plain Python-Markdown + pymdown-extensions syntax: headings and
paragraphs carry `attr_list` ids from the numbering, notes are footnote
definitions (`[^N]:`, ids `fn:N` on their page). Nothing here cleans text.
"""
from __future__ import annotations

import copy
import html
import json
import re
from dataclasses import dataclass, field

from .annotations import KINDS as ANNOTATION_KINDS
from .cite import release
from .findings import report_section
from .markers import MARK_CLOSE, MARK_OPEN
from .mdtext import escape, roots
from .milestones import milestone_html, milestones
from .model import Block, CleanText, Item, Note
from .notecheck import truncated_notes
from .paragraphs import URL, squeeze_spaces
from .wording import note_problem_zh, reason_zh, scope_zh

KIND_LABELS = {"journal article": "期刊論文", "master's thesis": "碩士論文",
               "thesis chapter": "學位論文章節", "government report": "政府施政報告"}
MARKER = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")
WHOLE_TEXT_KEY = "print"          # texts/<slug>/print.md: a split text's whole text on one page
WHOLE_TEXT_LABEL = "全文列印版"
LOST_REMARK = '<span class="ed-remark">〔編者按：此註原文已佚，原件僅存註號。〕</span>'
TRUNCATED_REMARK = '<span class="ed-remark">〔編者按：原件此註至此中斷，以下文字已佚。〕</span>'


def term_title(term) -> str:
    """The tooltip of a glossary link: original and definition."""
    parts = [term.original or "", squeeze_spaces(term.definition or "")]
    title = "：".join(part for part in parts if part)
    return html.escape(title[:180] + ("…" if len(title) > 180 else ""), quote=True)


def with_links(text: str, spans) -> str:
    """Running text with each (start, end, opening `<a …>` or `<span …>` tag) span wrapped in its
    element; a span inside another (a corrected word in a linked title) is nested in it, a span
    overlapping the one before it only in part is left unlinked.

    >>> with_links("a Dilemma b", [(0, 9, '<a href="#x">'), (2, 9, '<span class="c">')])
    '<a href="#x">a <span class="c">Dilemma</span></a> b'
    """
    spans = sorted(spans, key=lambda span: (span[0], span[0] != span[1], -span[1]))   # points first
    out, cursor, nested = [], 0, set()
    for i, (start, end, tag) in enumerate(spans):
        if i in nested:
            continue
        if start == end:            # a point (a page milestone): markup between two characters, after any link
            start = max(start, cursor)
            out += [running_text(text[cursor:start]), tag]
            cursor = start
            continue
        if start < cursor:
            continue
        inside = [j for j in range(i + 1, len(spans)) if start <= spans[j][0] and spans[j][1] <= end
                  and spans[j][:2] != (start, end) and not (spans[j][0] == spans[j][1] == end)]
        nested.update(inside)
        out.append(running_text(text[cursor:start]))
        inner = [(spans[j][0] - start, spans[j][1] - start, spans[j][2]) for j in inside]
        out.append(f"{tag}{with_links(text[start:end], inner)}</{tag[1:].split()[0].rstrip('>')}>")
        cursor = end
    out.append(running_text(text[cursor:]))
    return "".join(out)


def linked_text(text: str, uses, terms: dict, root: str, marks=(), points=()) -> str:
    """Running text with the section's first use of each glossary entry linked to the glossary,
    its editorial corrections marked and `points`, (offset, offset, markup), inserted."""
    return with_links(text, correction_spans(marks) + [
        (use.start, use.end, f'<a class="glossary-term" href="{root}glossary/#{terms[use.term].id}" '
                             f'title="{term_title(terms[use.term])}">') for use in uses or [] if use.linked]
        + list(points))


def correction_spans(marks) -> list[tuple[int, int, str]]:
    """An editorial correction in the reading text: a discreet mark whose tooltip (hover, or focus by
    tap or keyboard) gives the source's reading.

    >>> correction_spans([(13, 20, "Dile m ma")])
    [(13, 20, '<span class="correction" tabindex="0" title="原文作「Dile m ma」">')]
    """
    return [(start, end, f'<span class="correction" tabindex="0" title="原文作「{html.escape(source, quote=True)}」">')
            for start, end, source in marks]


def running_text(text: str) -> str:
    """Escape source text and turn its note markers into footnote references.

    >>> running_text("之後。\ue0001\ue001在參與")
    '之後。[^1]在參與'
    """
    return MARKER.sub(r"[^\1]", escape(text))


@dataclass
class Page:
    """One output page of a text."""

    key: str                      # "index", "abstract", "ch-1"
    title: str
    blocks: list[Block] = field(default_factory=list)

    def path(self, slug: str) -> str:
        return f"texts/{slug}/index.md" if self.key == "index" else f"texts/{slug}/{self.key}.md"

    def url(self, slug: str) -> str:
        return f"texts/{slug}/" if self.key == "index" else f"texts/{slug}/{self.key}/"


def heading_text(block: Block) -> str:
    heading = block.heading
    gap = " " if heading.label.endswith(("章", "節")) else ""
    return f"{heading.label}{gap}{heading.title}"


def split_pages(text: CleanText) -> list[Page]:
    """Group blocks into pages; a split text gets an index page of its own."""
    pages: dict[str, Page] = {}
    for block in text.blocks:
        if block.page not in pages:
            title = heading_text(block) if block.kind == "heading" and block.page != "index" else text.edition.title
            pages[block.page] = Page(block.page, title)
        pages[block.page].blocks.append(block)
    if "index" not in pages:
        pages = {"index": Page("index", text.edition.title), **pages}
    return list(pages.values())


def heading_level(block: Block, page: Page, split_level: int | None) -> int:
    """Markdown level: the page's own heading is H1, the outline goes down from there."""
    level = block.heading.level
    if block.heading.anchor == "title":
        return 1
    if split_level and page.key != "index":
        return max(1, level - split_level + 1)
    return level + 1


def description(edition) -> str:
    """The edition's description as one line (YAML folding leaves spaces between Chinese clauses)."""
    return escape(squeeze_spaces(edition.description))


def english(text: str) -> str:
    """A text's own English words (its English title, an institution's name) marked as English."""
    return f'<span lang="en">{escape(text)}</span>'


def metadata_lines(text: CleanText, report_url: str, whole_text: str | None = None,
                   downloads: str | None = None) -> list[str]:
    """The "版本說明" box; `whole_text`: the row pointing to the text's one-page whole text;
    `downloads`: the row of its TEI, plain text and PDF."""
    edition = text.edition
    pub = edition.publication
    rows = [("類型", KIND_LABELS[edition.kind]),
            ("題名", escape(edition.title) + ("（編者擬題：原件無題名頁）" if edition.title_is_editorial else "")),
            ("英文題名", english(edition.title_en)),
            ("原始檔案", f"`seeds/{edition.source}`")]
    institution = pub.institution and escape(pub.institution) + (f"（{english(pub.institution_en)}）"
                                                                 if pub.institution_en else "")
    issuer = pub.issuer and escape(pub.issuer) + (f"（{english(pub.issuer_en)}）" if pub.issuer_en else "")
    for label, value in (("學校", institution), ("學位", pub.degree and escape(pub.degree)),
                         ("論文題目", pub.thesis_title and escape(pub.thesis_title)),
                         ("章名", pub.chapter_title and escape(pub.chapter_title)),
                         ("發行機關", issuer), ("年份", pub.year and escape(pub.year)),
                         ("出處說明", pub.evidence and escape(squeeze_spaces(pub.evidence)))):
        if value:
            rows.append((label, value))
    rows.append(("清理報告", f"[移除的版面元素與編輯更正]({report_url})"))
    if whole_text:
        rows.append(("列印", whole_text))
    if downloads:
        rows.append(("下載", downloads))
    out = ['!!! info "版本說明"', "", f"    {description(edition)}", ""]
    out += [f"    **{label}**：{value}  " for label, value in rows]
    note = text_note(text)
    if note is not None:
        out += ["", f"    **原文題注（＊）**：{running_text(note.text)}", "    {: #note-star }"]
    return out + [""]


def cell_html(text: str, tag: str, rowspan: int = 1, colspan: int = 1) -> str:
    """One table cell; its text keeps the note markers; printed line breaks become <br>. Cells are the
    editors' clean text, so their spaces are kept (「一 落實活路外交」: the goal's number, then its words)."""
    span = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}" scope="colgroup"' if colspan > 1 else "")
    body = "<br>".join(running_text(" ".join(part.split())) for part in text.split("\n") if part.strip())
    return f'<{tag}{span} markdown="span">{body}</{tag}>'


def rowspans(rows: list[list[str | None]]) -> list[list[int]]:
    """How many rows each cell spans: a None below a cell is covered by it.

    >>> rowspans([["a", "b"], [None, "c"], [None, "d"]])
    [[3, 1], [0, 1], [0, 1]]
    """
    spans = [[1 if cell is not None else 0 for cell in row] for row in rows]
    for column in range(len(rows[0]) if rows else 0):
        owner = None
        for index, row in enumerate(rows):
            if row[column] is None and owner is not None:
                spans[owner][column] += 1
            elif row[column] is not None:
                owner = index
    return spans


def render_table(spec) -> list[str]:
    """A rebuilt table as HTML (row spans need it), cells parsed as Markdown spans; scrolls in its own box."""
    out = [f'<figure class="edition-table" id="{spec.id}" markdown>']
    if spec.caption:
        out.append(f'<figcaption markdown="span">{running_text(spec.caption)}</figcaption>')
    elif spec.title:   # a table printed without a caption (003 肆) gets the editor's, marked as such
        out.append(f'<figcaption markdown="span">{editorial_caption(spec.title)}</figcaption>')
    out += ['<div class="table-scroll" markdown>', "<table>", "<thead>"]
    for row in spec.header_rows or [spec.header]:   # header rows: a cell may span columns (表二's 自由國際秩序)
        out.append("<tr>" + "".join(cell_html(cell, "th") if isinstance(cell, str) else
                                    cell_html(cell.text, "th", colspan=cell.colspan) for cell in row) + "</tr>")
    out += ["</thead>", "<tbody>"]
    for row, spans in zip(spec.rows, rowspans(spec.rows)):
        out.append("<tr>" + "".join(cell_html(cell, "td", span) for cell, span in zip(row, spans)
                                    if cell is not None) + "</tr>")
    out += ["</tbody>", "</table>", "</div>"]
    out += [f'<p class="table-note" markdown="span">{running_text(squeeze_spaces(note))}</p>' for note in spec.notes]
    return out + ["</figure>", ""]


def render_figure(figure) -> list[str]:
    """A placeholder for a figure the extraction lost: caption, the editor's description, stray labels."""
    spec = figure.spec
    out = [f'<figure class="edition-figure" id="{spec.id}" markdown>',
           f'<p class="figure-lost" markdown="span"><span class="ed-remark">〔編者按：原圖未能自原件文字檔還原。'
           f'{escape(squeeze_spaces(spec.description))}〕</span></p>']
    if figure.labels:
        out.append(f'<p class="figure-labels" markdown="span"><span class="ed-remark">原圖殘存文字：</span>'
                   f'{running_text(figure.labels)}</p>')
    caption = running_text(spec.caption) if spec.lines else editorial_caption(spec.caption)
    return out + [f'<figcaption markdown="span">{caption}</figcaption>', "</figure>", ""]


def editorial_caption(caption: str) -> str:
    """A caption the source does not print, supplied by the editors and marked as theirs."""
    return f'<span class="ed-remark">{escape(caption)}〔編者擬題〕</span>'


def item_caption(item) -> str:
    """A table's or figure's caption for the anchor registry: as printed, else the editor's."""
    spec = getattr(item, "spec", item)
    return spec.caption or getattr(spec, "title", None) or ""


def render_block(block: Block, page: Page, split_level: int | None, items: dict, links=None,
                 offset: int = 0, points=()) -> list[str]:
    """One block; `offset` moves headings down (the whole-text page nests each page under its title);
    `points`: (offset, offset, markup) inserted in a paragraph's text (its page milestones)."""
    if block.kind == "table":
        return render_table(items[block.anchor])
    if block.kind == "figure":
        return render_figure(items[block.anchor])
    if block.kind == "heading":
        if heading_level(block, page, split_level) == 1 and not offset:
            return []   # the page's H1 is written by render_page
        hashes = "#" * (heading_level(block, page, split_level) + offset)
        return [f"{hashes} {escape(heading_text(block))} {{#{block.anchor}}}", ""]
    if links is not None:
        uses, terms, root = links
        return [linked_text(block.text, uses.get(block.anchor), terms, root, block.marks, points),
                f"{{: #{block.anchor} }}", ""]
    return [with_links(block.text, correction_spans(block.marks) + list(points)), f"{{: #{block.anchor} }}", ""]


class ListNesting:
    """Opens and closes the nested `<ol>`/`<li>` around a page's blocks as their list item changes
    (lists.nest). Items are HTML (`markdown="block"`: md_in_html parses their paragraphs, notes and
    annotations as Markdown) because Markdown lists would renumber the printed enumerators."""

    def __init__(self):
        self.open: list[Item] = []

    def move_to(self, item: Item | None, opens: bool) -> list[str]:
        """The closing and opening tags before a block of `item` (`opens`: the block begins it)."""
        target = item.path if item else ()
        stay_in = target[:-1] if opens else target          # the open items the block stays inside
        out, sibling_follows = [], False
        while self.open and self.open[-1].path != stay_in[:len(self.open[-1].path)]:
            depth = len(self.open)
            self.open.pop()
            out.append("</li>")
            sibling_follows = opens and len(target) == depth   # its list stays open for the next item
            if not sibling_follows:
                out.append("</ol>")
        if opens:
            if not sibling_follows:
                out.append('<ol class="outline-list" markdown>')
            out.append(f'<li id="{item.anchor}" markdown="block">')
            self.open.append(item)
        return out + [""] if out else out


def annotation_block(placed, md_root: str, terms: dict, indent: str = "") -> list[str]:
    """A collapsible admonition (pymdownx.blocks.details, type `annotation`) with its own id;
    `md_root` leads from the page's Markdown file to docs/; `indent` nests it in a footnote."""
    a = placed.annotation
    facts = [f"{escape(a.author)}，{a.date.isoformat()}"]
    if a.bib:
        facts.append("參考文獻：" + "、".join(f"[{key}]({md_root}bibliography.md#{key})" for key in a.bib))
    if a.terms:
        facts.append("詞彙：" + "、".join(f"[{escape(terms[t].term) if t in terms else t}]({md_root}glossary.md#{t})"
                                        for t in a.terms))
    facts.append(f"[固定連結](#{a.id})")
    gist = re.sub(r"\[([^\]]*)\]\([^)]*\)|[*_`|]", r"\1", a.body.strip().split("\n")[0])
    gist = gist[:28] + ("…" if len(gist) > 28 else "")
    lines = [f"/// annotation | 編者註・{ANNOTATION_KINDS[a.kind]}：{gist}", f"    attrs: {{id: {a.id}}}", "",
             *a.body.strip().splitlines(), "", "—— " + " · ".join(facts), "///", ""]
    return [indent + line if line else "" for line in lines]


def annotations_after(block_key: tuple[str, str], by_target: dict, md_root: str, terms: dict,
                      indent: str = "") -> list[str]:
    out = []
    for placed in by_target.get(block_key, []):
        out += annotation_block(placed, md_root, terms, indent)
    return out


def with_annotations(note_body: str, blocks: list[str]) -> str:
    """A footnote's body followed by its annotations (indented: they continue the footnote)."""
    return note_body + ("\n\n" + "\n".join(blocks).rstrip("\n") if blocks else "")


def cited_text(text: str, links, root: str, marks=()) -> str:
    """A note's text with each citation (its title, or its 同上/前揭書) linked to its bibliography entry,
    each web address linked to itself, editorial corrections marked."""
    urls = url_spans(text)
    citations = []
    for link in links or []:
        end = min([start for start, _, _ in urls if link.start < start < link.end] + [link.end])
        while end > link.start and text[end - 1] in " ,，":
            end -= 1      # a citation running over an address stops before it: the address links to itself
        citations.append((link.start, end, f'<a class="citation" href="{root}{link.address}#{link.key}" '
                                           f'title="{html.escape(link.label, quote=True)}">'))
    return with_links(text, correction_spans(marks) + urls + citations)


def url_spans(text: str) -> list[tuple[int, int, str]]:
    """Every web address of a note as a link (「www.」 addresses get their http://).

    >>> url_spans("錄自外交部網站 http://www.mofa.gov.tw/tien/speech000601.htm。")
    [(8, 52, '<a class="url" href="http://www.mofa.gov.tw/tien/speech000601.htm">')]
    """
    spans = []
    for found in URL.finditer(text):
        address = found.group().rstrip(".,;:!?")
        href = address if "://" in address else "http://" + address
        spans.append((found.start(), found.start() + len(address), f'<a class="url" href="{html.escape(href, quote=True)}">'))
    return spans


def page_notes(text: CleanText, scope: str, root: str = "") -> list[tuple[str, str]]:
    """(number, Markdown body) of every note on one page, lost ones with the editor's remark;
    citations link to the bibliography (`root`: the way up from the page to the site root)."""
    truncated = truncated_notes(text.edition.notes)
    notes = {note.number: cited_text(note.text, text.note_citations.get((scope, note.number)), root, note.marks)
             + (" " + TRUNCATED_REMARK if (scope, note.number) in truncated else "")
             for note in text.notes if (note.scope or "index") == scope and note.number.isdigit()}
    for anomaly in text.anomalies:
        if anomaly.problem == "lost" and anomaly.scope == scope:
            notes[anomaly.number] = LOST_REMARK
    return sorted(notes.items(), key=lambda item: int(item[0]))


def render_notes(notes: list[tuple[str, str]]) -> list[str]:
    return [f"[^{number}]: {body}" for number, body in notes] + ([""] if notes else [])


def text_note(text: CleanText) -> Note | None:
    """The unnumbered ＊ note on the text as a whole (002), if any."""
    return next((note for note in text.notes if note.number == "*"), None)


def whole_text_row(pages: list[Page]) -> str:
    """The metadata box's pointer to the one page holding the whole text."""
    if len(pages) > 1:
        return f"[{WHOLE_TEXT_LABEL}]({WHOLE_TEXT_KEY}.md)（各章合為一頁，可列印或另存為 PDF）"
    return "本頁即含全文，可直接列印或另存為 PDF（導覽與搜尋不會印出）"


def page_blocks(text: CleanText, page: Page, md_path: str, terms: dict | None, offset: int = 0) -> list[str]:
    """The Markdown of a page's blocks (paragraphs with their page milestones), each followed by its
    annotations; `md_path` is the docs path of the Markdown file they go into."""
    split = text.edition.outline.split_level
    points: dict[str, list] = {}
    for milestone in milestones(text):
        points.setdefault(milestone.anchor, []).append((milestone.offset, milestone.offset, milestone_html(milestone)))
    md_root, site_root = roots(md_path)
    links = (text.term_uses, terms, site_root) if terms else None
    out, nesting = [], ListNesting()
    for block in page.blocks:
        out += nesting.move_to(block.item, block.opens_item)
        out += render_block(block, page, split, text.items, links, offset, points.get(block.anchor, ()))
        out += annotations_after((page.key, block.anchor), text.annotations, md_root, terms or {})
    return out + nesting.move_to(None, False)


def note_items(text: CleanText, page: Page, md_path: str, terms: dict | None,
               indent: str = "") -> list[tuple[str, str, list[str]]]:
    """(number, body, annotation lines) of every note of a page."""
    md_root, site_root = roots(md_path)
    notes = page_notes(text, page.key if text.edition.outline.split_level else "index", site_root)
    return [(number, body, annotations_after((page.key, f"fn:{number}"), text.annotations, md_root, terms or {},
                                             indent)) for number, body in notes]


def own_heading(text: CleanText, page: Page) -> str | None:
    """The anchor of the heading that is the page's own H1 (its first block, at level 1), if any;
    a page without one gets its H1 from its title, with the id `top`."""
    first = page.blocks[0] if page.blocks else None
    if first is not None and first.kind == "heading" and heading_level(first, page, text.edition.outline.split_level) == 1:
        return first.anchor
    return None


def render_page(text: CleanText, page: Page, pages: list[Page], terms: dict | None = None) -> str:
    edition = text.edition
    slug = edition.slug
    h1_anchor = own_heading(text, page) or "top"
    out = [f"# {escape(page.title)} {{#{h1_anchor}}}", ""]
    if page.key == "index":
        from .render_downloads import download_row     # (it renders with this module)
        out += metadata_lines(text, "report.md", whole_text_row(pages), download_row(slug))
    if page.key == "index" and len(pages) > 1:
        out += ["## 目次 {#contents}", ""]
        out += [f"- [{escape(p.title)}]({p.key}.md)" for p in pages if p.key != "index"] + [""]
    out += page_blocks(text, page, page.path(slug), terms)
    out += render_notes([(number, with_annotations(body, blocks))
                         for number, body, blocks in note_items(text, page, page.path(slug), terms, "    ")])
    moved = moved_anchors(text, page)
    if moved:
        out += ["", alias_script(moved), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def unnumbered_notes(text: CleanText) -> str:
    """The notes marked by a sign, not a number (an author's note `*`), counted apart, so the count
    of notes agrees with the structure summary above it, which counts every note.

    >>> from types import SimpleNamespace as N
    >>> unnumbered_notes(N(notes=[N(number="*"), N(number="1")]))
    '（另有以符號 * 標示的註文 1 則）'
    >>> unnumbered_notes(N(notes=[N(number="1")]))
    ''
    """
    signs = [note.number for note in text.notes if not note.number.isdigit()]
    return f"（另有以符號 {'、'.join(dict.fromkeys(signs))} 標示的註文 {len(signs)} 則）" if signs else ""


def render_report(text: CleanText) -> str:
    """The cleaning report: every removed line and every editorial correction."""
    edition = text.edition
    titles = {page.key: page.title for page in split_pages(text)}
    captions = {anchor: item_caption(item) for anchor, item in text.items.items()}
    # Excluded from search: its removed lines would otherwise outrank the text they came from.
    out = ["---", "search:", "  exclude: true", "---", "",
           f"# 清理報告：{escape(edition.title)} {{#top}}", "",
           f"原始檔案 `seeds/{edition.source}`。以下列出清理時移除的每一行版面元素（頁碼、頁首、浮水印等）"
           "與每一項編輯更正，依原始行號排列；移除內容不屬於正文，但逐字保留於此，以便核對。", "",
           *report_section(text, f"editions/{edition.stem}.yml"),
           "## 移除的內容 {#removed}", ""]
    if text.removals:
        out += ["| 原始行 | 內容 | 原因 |", "|---:|---|---|"]
        out += [f"| {removal.no} | {escape(removal.text)} | {escape(reason_zh(removal.reason, captions))} |"
                for removal in sorted(text.removals, key=lambda r: r.no)]
    else:
        out.append("本文沒有移除任何版面元素。")
    out += ["", "## 編輯更正 {#corrections}", ""]
    if text.corrections:
        out += ["| 原始行 | 原文 | 更正 | 理由 |", "|---:|---|---|---|"]
        out += [f"| {c.no} | {escape(c.expected)} | {escape(c.replacement)} | {escape(c.reason)} |"
                for c in text.corrections]
    else:
        out.append("本文目前沒有編輯更正。")
    out += ["", "## 註釋檢核 {#notes}", "",
            f"正文註號 {len(text.markers)} 個，註文 {sum(n.number.isdigit() for n in text.notes)} 則"
            f"{unnumbered_notes(text)}。"
            "每個註號須有註文、每則註文須有註號；原件本身的缺漏列於下表，並附編輯決定的理由。", ""]
    explained = [a for a in text.anomalies if a.decision is not None]
    truncated = sorted(truncated_notes(text.edition.notes).items(), key=lambda item: (item[0][0], int(item[0][1])))
    if explained or truncated:
        out += ["| 範圍 | 註號 | 原始行 | 情形 | 編輯決定與理由 |", "|---|---:|---:|---|---|"]
        out += [f"| {escape(scope_zh(a.scope, titles))} | {a.number} | {a.line or ''} | {note_problem_zh(a.message)} "
                f"| {escape(squeeze_spaces(a.decision.reason))} |" for a in explained]
        for (scope, number), decision in truncated:
            out.append(f"| {escape(scope_zh(scope, titles))} | {number} | | {note_problem_zh('the note breaks off')} "
                       f"| {escape(squeeze_spaces(decision.reason))} |")
    else:
        out.append("沒有異常。")
    report = text.citation_report
    if report:
        out += ["", "## 引用檢核 {#citations}", "",
                f"註釋中的引用 {report['citing']} 筆（逐筆計算，非逐註），其中 {report['linked']} 筆連結至參考文獻"
                f"（{report['linked'] / max(report['citing'], 1):.1%}）。"
                "下表列出無法還原的省略引用、出版資料不完整而如此標明的書目，以及含有引用跡象"
                "（年份、頁碼、書名號、網址）卻沒有任何引用連至書目的註釋。", ""]
        rows = report["problems"] + [(scope, number, "未解析的引用", what)
                                     for scope, number, what in report.get("unparsed", [])]
        if rows:
            out += ["| 範圍 | 註號 | 情形 | 內容 |", "|---|---:|---|---|"]
            out += [f"| {escape(scope_zh(scope, titles))} | {number} | {escape(kind)} | {escape(what)} |"
                    for scope, number, kind, what in rows]
        else:
            out.append("沒有問題。")
    if text.warnings:
        out += ["", "## 警告 {#warnings}", ""] + [f"- {escape(w)}" for w in text.warnings]
    return "\n".join(out) + "\n"


def render_text(text: CleanText, terms: dict | None = None) -> dict[str, str]:
    """All files of one text: {docs-relative path: content}, with redirect pages for moved pages."""
    slug = text.edition.slug
    pages = split_pages(text)
    files = {page.path(slug): render_page(text, page, pages, terms) for page in pages}
    files[f"texts/{slug}/report.md"] = render_report(text)
    for alias in text.edition.aliases:
        if alias.is_page:
            files[f"texts/{slug}/{alias.old}index.html"] = redirect_page("../" * alias.old.count("/") + alias.new)
    return files


def moved_anchors(text: CleanText, page: Page) -> dict[str, str]:
    """{old id on this page: where it went, relative to this page} from the edition's aliases."""
    here = "" if page.key == "index" else f"{page.key}/"
    up = "../" * here.count("/")
    return {alias.old.split("#")[1]: (f"#{alias.new.split('#')[1]}" if alias.new.split("#")[0] == here
                                      else up + alias.new)
            for alias in text.edition.aliases if not alias.is_page and alias.old.split("#")[0] == here}


def alias_script(moved: dict[str, str]) -> str:
    """A small script sending an old fragment (a renamed anchor) to its new address."""
    table = json.dumps(moved, ensure_ascii=False, sort_keys=True)
    return ("<script>/* anchors renamed since publication (edition file: aliases) */(function () {"
            f"var moved = {table};"
            "function follow() { var id = decodeURIComponent(location.hash.slice(1));"
            " if (moved[id] && !document.getElementById(id)) { location.replace(moved[id]); } }"
            "follow(); window.addEventListener('hashchange', follow); })();</script>")


def redirect_page(target: str) -> str:
    """A page that moved: sends the reader (and the fragment) on to its new address."""
    quoted = html.escape(target, quote=True)
    return ("<!doctype html>\n<html lang=\"zh-TW\"><head><meta charset=\"utf-8\">\n"
            f"<title>本頁已移動</title><link rel=\"canonical\" href=\"{quoted}\">\n"
            f"<meta http-equiv=\"refresh\" content=\"0; url={quoted}\">\n"
            f"<script>location.replace({json.dumps(target)} + location.hash);</script></head>\n"
            f"<body><p>本頁已移至<a href=\"{quoted}\">新位置</a>。</p></body></html>\n")


def anchor_entries(text: CleanText) -> dict:
    """This text's entry in anchors.json."""
    edition = text.edition
    pages = split_pages(text)
    url_of = {page.key: page.url(edition.slug) for page in pages}
    anchors = []
    for page in pages:
        if own_heading(text, page) is None:
            anchors.append({"id": "top", "url": url_of[page.key] + "#top", "kind": "section",
                            "label": "", "title": page.title})
    for block in text.blocks:
        entry = {"id": block.anchor, "url": f"{url_of[block.page]}#{block.anchor}"}
        if block.kind == "heading":
            entry.update(kind="section", label=block.heading.label, title=block.heading.title,
                         level=block.heading.level)
        elif block.kind in ("table", "figure"):
            entry.update(kind=block.kind, label="", title=item_caption(text.items[block.anchor]))
        else:
            entry.update(kind="paragraph", label="", title=block.text[:40])
        entry["lines"] = [block.lines[0], block.lines[-1]] if block.lines else []
        if block.opens_item:
            item = block.item
            anchors.append({"id": item.anchor, "url": f"{url_of[block.page]}#{item.anchor}", "kind": "item",
                            "label": item.label, "title": block.text[len(item.label):][:40],
                            "section": block.section, "lines": entry["lines"]})
        anchors.append(entry)
    anchors += [{"id": m.id, "url": f"{url_of[m.page]}#{m.id}", "kind": "page", "label": m.n,
                 "title": f"原書頁 {m.n}", "lines": [m.line, m.line]} for m in milestones(text)]
    split = edition.outline.split_level
    note = text_note(text)
    if note is not None:
        anchors.append({"id": "note-star", "url": f"{url_of['index']}#note-star", "kind": "note",
                        "label": "＊", "title": note.text[:40], "lines": [note.lines[0], note.lines[-1]]})
    note_of = {(n.scope or "index", n.number): n for n in text.notes}
    for page in pages:
        scope = page.key if split else "index"
        for number, _ in page_notes(text, scope):
            found = note_of.get((scope, number))
            anchors.append({"id": f"fn:{number}", "url": f"{url_of[page.key]}#fn:{number}", "kind": "note",
                            "label": number, "chapter": page.title if split else "",
                            "title": found.text[:40] if found else "（原文已佚）",
                            "lines": [found.lines[0], found.lines[-1]] if found else []})
    return {"slug": edition.slug, "source": edition.source, "title": edition.title,
            "title_is_editorial": edition.title_is_editorial, "kind": edition.kind,
            "pages": [page.url(edition.slug) for page in pages], "whole_text": whole_text_url(edition.slug, pages),
            "anchors": anchors}


def whole_text_url(slug: str, pages: list[Page]) -> str:
    """The page holding the whole text: a split text's print page (a secondary copy whose anchors
    are not listed), or the text's only page."""
    return f"texts/{slug}/{WHOLE_TEXT_KEY}/" if len(pages) > 1 else pages[0].url(slug)


def render_anchors(texts: list[CleanText], version: str, terms: list = (), bibliography=None,
                   computed: dict | None = None) -> str:
    """anchors.json; `computed`: the texts' anchor_entries already made by the build, by slug."""
    entries = [copy.deepcopy(computed[text.edition.slug]) if computed else anchor_entries(text) for text in texts]
    for text, entry in zip(texts, entries):
        urls = {page.key: page.url(text.edition.slug) for page in split_pages(text)}
        entry["anchors"] += [{"id": p.annotation.id, "url": f"{urls[p.page]}#{p.annotation.id}", "kind": "annotation",
                              "label": p.annotation.kind, "title": p.annotation.body.strip()[:40],
                              "target": p.anchor} for placed in text.annotations.values() for p in placed]
    registry = {"edition": version, "texts": entries,
                "glossary": glossary_anchors(terms),
                "bibliography": bibliography_anchors(bibliography) if bibliography else []}
    return json.dumps(registry, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def render_catalogue(texts: list[CleanText], prefix: str = "texts/", heading: bool = False) -> str:
    """The list of texts with their metadata: a snippet for the home page (links from docs/),
    or with `prefix=""` and `heading=True` the page texts/index.md."""
    out = ["# 收錄文獻 {#top}", ""] if heading else []
    hashes = "##" if heading else "###"   # under the page's H1, or under the home page's 收錄文獻
    for text in texts:
        edition = text.edition
        mark = "（編者擬題）" if edition.title_is_editorial else ""
        out += [f"{hashes} [{escape(edition.title)}]({prefix}{edition.slug}/index.md){mark}", "",
                f'<em lang="en">{escape(edition.title_en)}</em> · {KIND_LABELS[edition.kind]} · 原始檔案 `{edition.source}`', "",
                description(edition), ""]
    return "\n".join(out)


def render_nav(texts: list[CleanText]) -> str:
    """build/nav.yml: the site navigation, inherited by mkdocs.yml."""
    def quote(value: str) -> str:
        """A title as MkDocs expects it in the navigation: HTML (its templates do not escape)."""
        return json.dumps(html.escape(value, quote=False), ensure_ascii=False)

    out = ["# generated by `python -m build_tools build`; do not edit", "nav:",
           "  - 首頁: index.md", "  - 收錄文獻:", "      - texts/index.md"]
    for text in texts:
        slug = text.edition.slug
        pages = split_pages(text)
        if len(pages) == 1:
            out.append(f"      - {quote(text.edition.title)}: texts/{slug}/index.md")
            continue
        out.append(f"      - {quote(text.edition.title)}:")
        out.append(f"          - texts/{slug}/index.md")
        out += [f"          - {quote(page.title)}: {page.path(slug)}" for page in pages if page.key != "index"]
    out += ["  - 詞彙表: glossary.md", "  - 參考文獻: bibliography.md", "  - 編者註索引: annotations.md",
            "  - 編輯原則: principles.md", "  - 修訂紀錄: changelog.md", "  - 授權: license.md"]
    version = release()
    out += ["extra:", f"  edition_version: {quote(version.version)}", f"  edition_date: {quote(version.date)}"]
    return "\n".join(out) + "\n"


def section_labels(text: CleanText) -> dict[str, str]:
    """Section anchor -> its printed label and title (the text's title for text before any heading)."""
    labels = {text.edition.outline.root_id: text.edition.title}
    labels.update({block.anchor: heading_text(block) for block in text.blocks if block.kind == "heading"})
    return labels


def bibliography_anchors(bibliography) -> list[dict]:
    return [{"id": work.key, "url": f"bibliography/#{work.key}", "kind": "entry", "label": work.key,
             "title": work.title} for work in sorted(bibliography.works, key=lambda w: w.key)]


def glossary_anchors(terms: list) -> list[dict]:
    return [{"id": term.id, "url": f"glossary/#{term.id}", "kind": "term", "label": term.term,
             "title": term.original or ""} for term in sorted(terms, key=lambda t: t.id)]
