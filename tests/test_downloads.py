"""Each text's downloads: TEI P5 valid against tei_all (jing) and holding every heading, paragraph,
note, printed page and correction of the built edition; the plain text; the PDF with its citation
on the first page; all linked from the text's page and listed in anchors.json."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from build_tools.milestones import milestones
from conftest import SLUGS

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the clone (the project's workspace; CI puts a copy there)
SCHEMA = ROOT.parent / "shared" / "schemas" / "tei_all.rng"
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def tei_of(site, slug):
    return etree.parse(str(site / "texts" / slug / f"{slug}.tei.xml"))


@pytest.mark.skipif(shutil.which("jing") is None, reason="make test installs Debian's jing")
def test_every_tei_file_validates_against_tei_all(site):
    assert SCHEMA.exists(), f"{SCHEMA} is missing: the TEI schema comes with ../shared/schemas"
    files = [str(site / "texts" / slug / f"{slug}.tei.xml") for slug in SLUGS.values()]
    result = subprocess.run(["jing", str(SCHEMA), *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[:3000]


@pytest.mark.parametrize("prefix", sorted(SLUGS))
def test_tei_holds_every_heading_paragraph_note_page_and_correction(site, texts, prefix):
    text, slug = texts[prefix], SLUGS[prefix]
    tree = tei_of(site, slug)
    headings = [b for b in text.blocks if b.kind == "heading"]
    paragraphs = [b for b in text.blocks if b.kind == "paragraph"]
    assert [d.get(XML_ID) for d in tree.iterfind(".//tei:div[@type='section']", TEI)] == [b.anchor for b in headings]
    heads = [re.sub(r"\s+", "", "".join(d.find("tei:head", TEI).itertext()))
             for d in tree.iterfind(".//tei:div[@type='section']", TEI)]
    assert heads == [re.sub(r"\s+", "", b.heading.label + b.heading.title) for b in headings]
    assert [p.get(XML_ID) for p in tree.iterfind(".//tei:body//tei:p", TEI) if p.get(XML_ID)] == \
        [b.anchor for b in paragraphs]
    registry = json.loads((site / "anchors.json").read_text(encoding="utf-8"))
    entry = next(t for t in registry["texts"] if t["slug"] == slug)
    notes = [a for a in entry["anchors"] if a["kind"] == "note"]
    placed = [n for n in tree.iterfind(".//tei:note", TEI) if n.get(XML_ID)]
    assert len(placed) == len(notes) and {n.get("place") for n in placed} <= {"foot", "end"}
    pages = tree.findall(".//tei:pb", TEI)
    assert [pb.get("n") for pb in pages] == [m.n for m in milestones(text)] == \
        [a["label"] for a in entry["anchors"] if a["kind"] == "page"]
    assert len(tree.findall(".//tei:choice", TEI)) == len(text.corrections)
    for choice, correction in zip(tree.iterfind(".//tei:choice", TEI), text.corrections):
        assert choice.findtext("tei:sic", namespaces=TEI) == correction.expected
    cited = {b.get(XML_ID) for b in tree.iterfind(".//tei:listBibl/tei:bibl", TEI)}
    pointers = {b.get("corresp")[1:] for b in tree.iterfind(".//tei:note//tei:bibl", TEI)}
    assert pointers == cited and (len(cited) > 10 or prefix == "003")     # the report cites nothing
    header = tree.find("tei:teiHeader", TEI)
    assert header.findtext(".//tei:titleStmt/tei:editor", namespaces=TEI) == "臺灣外交關係文獻校注本編輯團隊"
    assert header.find(".//tei:sourceDesc/tei:bibl/tei:idno", TEI).text == f"seeds/{text.edition.source}"


def test_tei_named_items(site):
    strait = tei_of(site, "taiwan-strait-alliances")
    [pb] = strait.xpath("//tei:pb[@n='151']", namespaces=TEI)
    assert pb.getparent().get(XML_ID) == "sec-6-1-p8" and (pb.tail or "").startswith("不協助台灣抵抗中國侵略")
    thesis = tei_of(site, "china-multilateralism-six-party-talks")
    [note] = thesis.xpath("//tei:note[@xml:id='ch-2-fn-1']", namespaces=TEI)
    assert note.get("n") == "1" and "".join(note.itertext()).startswith("徐能武，國際安全機制")
    assert thesis.xpath("//tei:term[@ref]", namespaces=TEI)
    second = tei_of(site, "second-track-diplomacy")
    [lost] = second.xpath("//tei:note[@xml:id='fn-37']", namespaces=TEI)
    assert lost.get("place") == "end" and lost.find("tei:gap", TEI).get("reason") == "lost"
    report = tei_of(site, "mofa-2010-policy-goals")
    assert report.findtext(".//tei:titleStmt/tei:author", namespaces=TEI) == "中華民國外交部"
    assert report.xpath("//tei:anchor[@xml:id='sec-1-3-1-1-7']", namespaces=TEI)


@pytest.mark.parametrize("slug", sorted(SLUGS.values()))
def test_plain_text_and_pdf_exist_are_linked_and_listed(site, slug):
    registry = json.loads((site / "anchors.json").read_text(encoding="utf-8"))
    entry = next(t for t in registry["texts"] if t["slug"] == slug)
    assert entry["downloads"] == {"tei": f"texts/{slug}/{slug}.tei.xml", "text": f"texts/{slug}/{slug}.txt",
                                  "pdf": f"texts/{slug}/{slug}.pdf"}
    page_html = (site / "texts" / slug / "index.html").read_text(encoding="utf-8")
    for address in entry["downloads"].values():
        assert (site / address).stat().st_size > 1000
        assert f'href="{address.rsplit("/", 1)[1]}"' in page_html
    plain = (site / "texts" / slug / f"{slug}.txt").read_text(encoding="utf-8")
    version = (ROOT / "VERSION").read_text().strip()
    assert f"版本 {version}" in plain and f"/{version}/texts/{slug}/" in plain
    assert "<" not in plain.split("=" * 40, 1)[1] and "\ue000" not in plain


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="make test installs Debian's poppler-utils")
@pytest.mark.parametrize("slug", sorted(SLUGS.values()))
def test_the_pdfs_first_page_carries_the_citation(site, slug):
    first = subprocess.run(["pdftotext", "-l", "1", str(site / "texts" / slug / f"{slug}.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    squeezed = re.sub(r"\s+", "", first)
    version = (ROOT / "VERSION").read_text().strip()
    assert "引用：" in squeezed and f"版本{version}" in squeezed and "臺灣外交關係文獻校注本編輯團隊（編）" in squeezed
    assert f"/{version}/texts/{slug}/" in squeezed


def test_the_plain_text_keeps_notes_and_pages(site):
    plain = (site / "texts/taiwan-strait-alliances/taiwan-strait-alliances.txt").read_text(encoding="utf-8")
    assert "「任何〔原書頁 151〕不協助台灣抵抗中國侵略" in plain
    assert re.search(r"^\[3\] 張春燕，〈日美安全關係的變化及走勢〉", plain, re.M)
