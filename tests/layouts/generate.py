"""Write the layout bench's fixtures: typeset each layout with WeasyPrint, extract it with the
common extractors as a user runs them, and write each raw text, the gold and an edition file.

    python -m tests.layouts.generate        (or: make layouts)

Needs Debian's weasyprint, poppler-utils and libpdfbox2-java, and pdfminer.six and PyMuPDF
(requirements-dev.txt). The PDFs go to build/layouts/ (not committed); the raw texts, gold and
edition files to tests/layouts/fixtures/<layout>/ (committed: CI reads them without typesetting).
"""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

from .layouts import COMMON_CSS, LAYOUTS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIXTURES = HERE / "fixtures"
PDFS = ROOT / "build" / "layouts"
NOTE = re.compile(r"\{([nNc]):(.*?)\}")   # n: a note; N: head|tail, the tail on the next page; c: that tail
PDFBOX = ":".join(f"/usr/share/java/{jar}" for jar in
                  ("pdfbox2.jar", "fontbox2.jar", "pdfbox2-tools.jar", "commons-logging.jar"))


def pdftotext(pdf: Path, out: Path, *flags: str) -> None:
    subprocess.run(["pdftotext", *flags, "-enc", "UTF-8", str(pdf), str(out)], check=True)


def pdfminer(pdf: Path, out: Path) -> None:
    from pdfminer.high_level import extract_text

    out.write_text(extract_text(str(pdf)), encoding="utf-8")


def pymupdf(pdf: Path, out: Path) -> None:
    """PyMuPDF's own recipe: each page's get_text(), then a form feed."""
    import pymupdf as fitz

    with fitz.open(pdf) as doc, out.open("wb") as stream:
        for page in doc:
            stream.write(page.get_text().encode("utf-8"))
            stream.write(bytes((12,)))


def pdfbox(pdf: Path, out: Path) -> None:
    subprocess.run(["java", "-cp", PDFBOX, "org.apache.pdfbox.tools.ExtractText", "-encoding", "UTF-8",
                    str(pdf), str(out)], check=True, capture_output=True)


EXTRACTORS = {
    "pdftotext": lambda pdf, out: pdftotext(pdf, out),
    "pdftotext-raw": lambda pdf, out: pdftotext(pdf, out, "-raw"),
    "pdfminer": pdfminer,
    "pymupdf": pymupdf,
    "pdfbox": pdfbox,
}


class Numbering:
    """Note numbers as printed: restart with each chapter."""

    def __init__(self):
        self.chapter, self.number = 0, 0

    def next(self) -> int:
        self.number += 1
        return self.number


def plain(text: str) -> str:
    """A paragraph's text without its notes (what the gold's paragraphs hold)."""
    return NOTE.sub("", text)


def render_paragraph(text: str, numbering: Numbering, gold: dict, endnotes: bool, collected: list,
                     label: str = "{n} ") -> str:
    out, cursor = [], 0
    for found in NOTE.finditer(text):
        out.append(html.escape(text[cursor:found.start()]))
        cursor = found.end()
        if found[1] == "c":
            out.append(f'<span class="fn">{html.escape(found[2])}</span>')
            continue
        number = numbering.next()
        before = plain(text[:found.start()])
        head, _, tail = found[2].partition("|")
        gold["notes"].append({"chapter": numbering.chapter, "number": number, "before": before[-8:],
                              "body": head + tail})
        if endnotes:
            out.append(f"<sup>{number}</sup>")
            collected.append((number, head + tail))
        else:
            out.append(f'<sup>{number}</sup><span class="fn">{label.format(n=number)}{html.escape(head)}</span>')
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def build_html(spec: dict, blocks: list) -> tuple[str, dict]:
    """The layout's HTML and its gold (headings, notes, paragraphs, furniture)."""
    gold = {"headings": [], "notes": [], "paragraphs": [], "units": [], "furniture": {}}
    numbering, collected, body = Numbering(), [], []
    endnotes = any(block[0] == "endnotes" for block in blocks)
    note_label = spec.get("note_label", "{n} ")
    for block in blocks:
        kind = block[0]
        if kind in ("p", "q", "ref"):
            gold["paragraphs"].append(plain(block[1]))
            first = len(gold["notes"])
            latin = block[1][:1].isascii()
            ends_page = " style='break-after: page'" if "{N:" in block[1] and not endnotes else ""
            tag = "blockquote" if kind == "q" else "p"
            klass = " class=ref" if kind == "ref" else " class=en" if latin else ""
            body.append(f"<{tag}{klass}{ends_page}>"
                        f"{render_paragraph(block[1], numbering, gold, endnotes, collected, note_label)}</{tag}>")
            numbers = iter(note["number"] for note in gold["notes"][first:])
            gold["units"].append({"kind": "paragraph", "printed": NOTE.sub(
                lambda m: "" if m[1] == "c" else str(next(numbers)), block[1])})
        elif kind in ("h", "chapter"):
            level, label, title = (1, block[1], block[2]) if kind == "chapter" else block[1:]
            if kind == "chapter":
                numbering.chapter += 1
                numbering.number = 0
            gold["headings"].append({"label": label, "title": title, "level": level})
            gold["units"].append({"kind": "heading", "printed": label + title})
            space = "　" if label.endswith(("章", "節")) else ""
            tag = "h1 class=chapter" if kind == "chapter" else f"h{level + 1}"
            body.append(f"<{tag}>{html.escape(label + space + title)}</{tag.split()[0]}>")
        elif kind == "table":
            caption, rows = block[1], block[2]
            gold.setdefault("tables", []).append({"caption": caption, "rows": rows})
            cells = "".join("<tr>" + "".join(f"<{'th' if r == 0 else 'td'}>{html.escape(c)}</{'th' if r == 0 else 'td'}>"
                                             for c in row) + "</tr>" for r, row in enumerate(rows))
            body.append(f"<table><caption>{html.escape(caption)}</caption>{cells}</table>")
        elif kind == "endnotes":
            body.append(f"<h2>{block[1]}</h2>")
            body += [f'<p class="en">{number}. {html.escape(text)}</p>' for number, text in collected]
    gold["note_prefix"] = ". " if endnotes else note_label.format(n="")
    gold["units"] += [{"kind": "note", "printed": f"{note['number']}{gold['note_prefix']}{note['body']}"}
                      for note in gold["notes"]]
    watermark = spec.get("watermark")
    if watermark:
        body.insert(0, f'<div class="watermark">{html.escape(watermark)}</div>')
        gold["furniture"]["watermark"] = watermark
    headers = spec.get("headers") or re.findall(r'content: "([^"]+)"', spec["css"])
    gold["furniture"]["running_headers"] = headers
    gold["furniture"]["page_label"] = spec.get("page_label", "{}")
    page = "<!DOCTYPE html><html lang=zh-Hant><head><meta charset=utf-8><style>" + COMMON_CSS + spec["css"] + \
           "</style></head><body>" + "\n".join(body) + "</body></html>"
    return page, gold


def continue_on_next_page(blocks: list) -> list:
    """Print the tail of each {N:head|tail} note on the next page, as a typesetter does with a note
    too long for its page: the paragraph holding the call ends its page (the note is the page's
    last), and the tail is an unnumbered footnote after the next paragraph's first sentence."""
    blocks = list(blocks)
    for index, block in enumerate(blocks):
        found = block[0] == "p" and re.search(r"\{N:(.*?)\|(.*?)\}", block[1])
        if not found:
            continue
        later = next(k for k in range(index + 1, len(blocks)) if blocks[k][0] == "p")
        source = blocks[later][1]
        inside = [(m.start(), m.end()) for m in NOTE.finditer(source)]
        end = next(m.end() for m in re.finditer("。", source) if not any(a < m.end() <= b for a, b in inside))
        blocks[later] = ("p", source[:end] + "{c:" + found[2] + "}" + source[end:])
    return blocks


def printed_page_numbers(pdf: Path) -> list[int]:
    import pymupdf as fitz

    with fitz.open(pdf) as doc:
        return list(range(1, doc.page_count + 1))


EDITION = """# Edition file of a layout-bench fixture: only what `scaffold` asks for, plus outline.levels.
source: {extractor}.txt
slug: {slug}
order: 1
title: {title}
title_is_editorial: true
title_en: Layout bench fixture {slug}
kind: {kind}
description: 版面測試文本（合成內容）。
outline:
  levels: [{levels}]
paragraphs:
  signal: trailing-space
"""


def generate(name: str, spec: dict) -> None:
    target = FIXTURES / name
    target.mkdir(parents=True, exist_ok=True)
    PDFS.mkdir(parents=True, exist_ok=True)
    blocks = spec["blocks"]()
    if not any(block[0] == "endnotes" for block in blocks):
        blocks = continue_on_next_page(blocks)
    source, pdf = PDFS / f"{name}.html", PDFS / f"{name}.pdf"
    page, gold = build_html(spec, blocks)
    source.write_text(page, encoding="utf-8")
    subprocess.run(["weasyprint", "-q", str(source), str(pdf)], check=True)
    gold["furniture"]["page_numbers"] = printed_page_numbers(pdf)
    gold["layout"] = name
    for extractor, run in EXTRACTORS.items():
        run(pdf, target / f"{extractor}.txt")
    (target / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (target / "edition.yml").write_text(EDITION.format(
        extractor="EXTRACTOR", slug=name, title=gold["paragraphs"][0] if spec["kind"] != "master's thesis"
        else "碩士論文節選", kind=spec["kind"] if spec["kind"] != "master's thesis" else "thesis chapter",
        levels=", ".join(spec["levels"])), encoding="utf-8")
    print(f"{name}: {len(gold['furniture']['page_numbers'])} pages, {len(gold['headings'])} headings, "
          f"{len(gold['notes'])} notes")


def main(names: list[str]) -> None:
    for name, spec in LAYOUTS.items():
        if not names or name in names:
            generate(name, spec)


if __name__ == "__main__":
    main(sys.argv[1:])
