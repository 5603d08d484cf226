"""Render: each text as TEI P5 XML (texts/<slug>/<slug>.tei.xml), valid against tei_all.

teiHeader: the edition's title and responsibility (the original's author where the source names
one, the edition's editors), its version and licence, and the source description from the
edition file. The body nests a `div` per heading with the anchor as `xml:id` and the printed
heading as `head`; paragraphs are `p` (a list item's first paragraph starts with an `anchor` of
the item's id); a note is a `note` with its printed `n` and `place` where its marker stands; a
printed page starts with `pb n`; an editorial correction is `choice`/`sic`/`corr`; a citation
in a note is a `bibl` pointing (`corresp`) into the `listBibl` of the works the text cites; a
glossary term's first use in a section is a `term` whose `ref` is its glossary entry. Tables and
lost figures are `table` and `figure`. TEI ids cannot hold a colon: note `fn:5` is `fn-5`
(`ch-4-fn-5` in a thesis, whose note numbers restart per chapter).
"""
from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from .cite import EDITION_TITLE, EDITORS, attribution, release
from .markers import MARK_CLOSE, MARK_OPEN
from .milestones import milestones
from .model import CleanText
from .notecheck import truncated_notes
from .paragraphs import squeeze_spaces
from .render import item_caption, split_pages

MARKER = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")
TEI_NS = "http://www.tei-c.org/ns/1.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"


def xml_id(value: str) -> str:
    """An anchor as an NCName (TEI's xml:id).

    >>> xml_id("fn:5"), xml_id("gao1994zhonghua"), xml_id("2010report")
    ('fn-5', 'gao1994zhonghua', 'id-2010report')
    """
    value = re.sub(r"[^A-Za-z0-9._-]", "-", value)
    return value if re.match(r"[A-Za-z_]", value) else f"id-{value}"


def note_id(scope: str, number: str, split: bool) -> str:
    return xml_id(f"{scope}-fn-{number}" if split else f"fn-{number}")


def inline(text: str, spans=(), points=(), markers=None) -> str:
    """Running text as XML: `spans` (start, end, open tag, close tag) wrap their characters (one
    overlapping an earlier span is left out), `points` (offset, markup) are inserted, and each note
    marker becomes `markers(number)`.

    >>> inline("之後\ue0001\ue001在<參與>", [(0, 2, "<term>", "</term>")], [(2, "<pb/>")], lambda n: f"<note n='{n}'/>")
    "<term>之後</term><pb/><note n='1'/>在&lt;參與&gt;"
    """
    def piece(part: str) -> str:
        escaped = escape(part)
        return MARKER.sub(lambda m: markers(m[1]), escaped) if markers else MARKER.sub(r"\1", escaped)

    events = sorted([(start, 1, -end, opening, closing) for start, end, opening, closing in spans]
                    + [(offset, 0, -offset, markup, "") for offset, markup in points])
    out, cursor, nested = [], 0, set()
    for i, (start, is_span, end, opening, closing) in enumerate(events):
        end = -end
        if i in nested:
            continue
        if not is_span:
            start = max(start, cursor)
            out += [piece(text[cursor:start]), opening]
            cursor = start
            continue
        if start < cursor:
            continue
        # a span inside this one (a correction in a cited title) nests in it; points inside go with it
        inside = [j for j in range(i + 1, len(events)) if events[j][0] < end and -events[j][2] <= end
                  and (events[j][1] == 0 and events[j][0] > start or events[j][1] == 1 and (events[j][0], -events[j][2]) != (start, end))]
        nested.update(inside)
        inner_spans = [(events[j][0] - start, -events[j][2] - start, events[j][3], events[j][4]) for j in inside if events[j][1]]
        inner_points = [(events[j][0] - start, events[j][3]) for j in inside if not events[j][1]]
        out += [piece(text[cursor:start]), opening, inline(text[start:end], inner_spans, inner_points, markers), closing]
        cursor = end
    out.append(piece(text[cursor:]))
    return "".join(out)


def correction_spans(text: str, lines, corrections) -> list[tuple[int, int, str, str]]:
    """choice/sic/corr around each correction's replacement within the block of its raw line."""
    out = []
    for correction in corrections:
        if correction.no in lines and correction.replacement and correction.replacement in text:
            start = text.index(correction.replacement)
            out.append((start, start + len(correction.replacement),
                        f"<choice><sic>{escape(correction.expected)}</sic><corr>", "</corr></choice>"))
    return out


class TeiWriter:
    """One text's TEI document."""

    def __init__(self, text: CleanText):
        self.text = text
        self.edition = text.edition
        self.split = bool(self.edition.outline.split_level)
        self.place = "end" if self.edition.furniture.endnotes_heading else "foot"
        self.notes = {(n.scope or "index", n.number): n for n in text.notes}
        self.truncated = truncated_notes(self.edition.notes)
        self.cited: dict[str, str] = {}       # bibliography key -> the entry in one line
        self.points: dict[str, list] = {}
        for m in milestones(text):
            self.points.setdefault(m.anchor, []).append((m.offset, f'<pb n="{m.n}" xml:id="{m.id}"/>'))

    def note_xml(self, scope: str, number: str) -> str:
        note = self.notes.get((scope, number))
        ident = note_id(scope, number, self.split)
        if note is None:
            return f'<note n="{number}" place="{self.place}" xml:id="{ident}"><gap reason="lost"/></note>'
        links = self.text.note_citations.get((scope, number)) or []
        spans = []
        for link in links:
            self.cited[link.key] = link.label
            spans.append((link.start, link.end, f'<bibl corresp="#{xml_id("bib-" + link.key)}">', "</bibl>"))
        spans += correction_spans(note.text, note.lines, self.text.corrections)
        body = inline(note.text, spans)
        if (scope, number) in self.truncated:
            body += '<gap reason="truncated"/>'
        return f'<note n="{number}" place="{self.place}" xml:id="{ident}">{body}</note>'

    def paragraph(self, block, scope: str) -> str:
        root = release().version_url
        spans = [(use.start, use.end, f'<term ref="{root}glossary/#{use.term}">', "</term>")
                 for use in self.text.term_uses.get(block.anchor, []) if use.linked]
        spans += correction_spans(block.text, block.lines, self.text.corrections)
        points = list(self.points.get(block.anchor, []))
        if block.opens_item:
            points.append((0, f'<anchor xml:id="{xml_id(block.item.anchor)}"/>'))
        body = inline(block.text, spans, points, lambda n: self.note_xml(scope, n))
        return f'<p xml:id="{xml_id(block.anchor)}">{body}</p>'

    def table(self, spec, scope: str) -> str:
        def cell(value: str) -> str:
            return f"<cell>{inline(' '.join(value.split()), markers=lambda n: self.note_xml(scope, n))}</cell>"

        caption = inline(spec.caption or spec.title or "", markers=lambda n: self.note_xml(scope, n))
        def header_cell(value) -> str:
            if isinstance(value, str):
                return cell(value)
            return cell(value.text).replace("<cell>", f'<cell cols="{value.colspan}">', 1)

        rows = [f'<row role="label">{"".join(header_cell(c) for c in row)}</row>'
                for row in (spec.header_rows or [spec.header])]
        rows += [f'<row>{"".join(cell(c) for c in row if c is not None)}</row>' for row in spec.rows]
        notes = "".join(f'<note type="table">{inline(squeeze_spaces(n), markers=lambda n: self.note_xml(scope, n))}</note>'
                        for n in spec.notes)
        return f'<table xml:id="{xml_id(spec.id)}"><head>{caption}</head>{"".join(rows)}</table>{notes and f"<p>{notes}</p>"}'

    def figure(self, figure) -> str:
        spec = figure.spec
        return (f'<figure xml:id="{xml_id(spec.id)}"><head>{inline(spec.caption)}</head>'
                f"<figDesc>{escape(squeeze_spaces(spec.description))}</figDesc></figure>")

    def body(self) -> list[str]:
        out, depth = [], []          # depth: the levels of the open divs
        for page in split_pages(self.text):
            scope = page.key if self.split else "index"
            for block in page.blocks:
                if block.kind == "heading":
                    level = block.heading.level
                    while depth and depth[-1] >= level:
                        depth.pop()
                        out.append("</div>")
                    depth.append(level)
                    n = f' n={quoteattr(block.heading.label)}' if block.heading.label else ""
                    out.append(f'<div xml:id="{xml_id(block.anchor)}" type="section"{n}>')
                    out.append(f"<head>{inline(block.heading.label + block.heading.title)}</head>")
                    continue
                if not depth:                 # text before the first heading
                    depth.append(0)
                    out.append(f'<div xml:id="{xml_id(self.edition.outline.root_id)}" type="front-matter">')
                if block.kind == "paragraph":
                    out.append(self.paragraph(block, scope))
                elif block.kind == "table":
                    out.append(self.table(self.text.items[block.anchor], scope))
                elif block.kind == "figure":
                    out.append(self.figure(self.text.items[block.anchor]))
        out += ["</div>"] * len(depth)
        star = next((n for n in self.text.notes if n.number == "*"), None)
        if star is not None:
            out.insert(0, f'<note n="＊" place="foot" xml:id="note-star">{inline(star.text)}</note>')
        return out

    def header(self) -> list[str]:
        edition, r, who = self.edition, release(), attribution(self.edition)
        p = edition.publication
        author = f"<author>{escape(who.author)}</author>" if who.author else ""
        source = [f"<title>{escape(p.thesis_title or edition.title)}</title>", author]
        for value, element in ((p.chapter_title, '<title type="chapter">{}</title>'),
                               (p.institution, "<orgName>{}</orgName>"), (p.degree, "<note>{}</note>"),
                               (p.issuer, "<publisher>{}</publisher>"), (p.year, "<date>{}</date>")):
            if value:
                source.append(element.format(escape(squeeze_spaces(value))))
        source.append(f'<idno type="file">seeds/{escape(edition.source)}</idno>')
        if p.evidence:
            source.append(f"<note>{escape(squeeze_spaces(p.evidence))}</note>")
        editorial = "（編者擬題：原件無題名頁）" if edition.title_is_editorial else ""
        return ["<teiHeader>", "<fileDesc>", "<titleStmt>",
                f"<title>{escape(edition.title)}{editorial}</title>",
                f'<title type="alt" xml:lang="en">{escape(edition.title_en)}</title>', author,
                f"<editor>{EDITORS}</editor>",
                f"<respStmt><resp>清理、結構、錨點與註釋之校訂</resp><orgName>{EDITORS}</orgName></respStmt>",
                "</titleStmt>",
                f'<editionStmt><edition n="{r.version}">版本 {r.version}<date when="{r.date}">{r.date}</date>'
                "</edition></editionStmt>",
                f"<publicationStmt><publisher>{EDITION_TITLE}</publisher><date when=\"{r.date}\">{r.date}</date>"
                f'<idno type="URL">{escape(r.version_url)}texts/{edition.slug}/</idno>'
                f'<availability><licence target="{LICENSE_URL}">CC BY 4.0（校注內容）；原文著作權屬原作者。</licence>'
                "</availability></publicationStmt>",
                "<sourceDesc>", f"<bibl>{''.join(source)}</bibl>", "</sourceDesc>", "</fileDesc>",
                "<encodingDesc><editorialDecl><p>原文自 PDF 抽取之文字清理而成：移除頁首、頁碼、浮水印等版面元素"
                "（列於各文清理報告），重建段落、標題與註釋；頁碼以 pb 標示原書分頁；編輯更正以 choice/sic/corr 標示。"
                "</p></editorialDecl></encodingDesc>",
                f'<profileDesc><langUsage><language ident="{edition.language}">繁體中文</language></langUsage>'
                "</profileDesc>", "</teiHeader>"]

    def document(self) -> str:
        body = self.body()                   # first: it collects the cited works
        back = []
        if self.cited:
            back = ["<back>", "<div type=\"bibliography\">", "<head>引用書目</head>", "<listBibl>"] + [f'<bibl xml:id="{xml_id("bib-" + key)}">{escape(label)}</bibl>'
                                               for key, label in sorted(self.cited.items())] + ["</listBibl>", "</div>", "</back>"]
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<TEI xmlns="{TEI_NS}" xml:lang="{self.edition.language}">',
                 *self.header(), "<text>", "<body>", *body, "</body>", *back, "</text>", "</TEI>"]
        return "\n".join(line for line in lines if line) + "\n"


def render_tei(text: CleanText) -> str:
    return TeiWriter(text).document()
