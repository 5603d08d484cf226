"""The unified bibliography: citations parsed from the real notes, back-references resolved,
one curated entry per work, links both ways."""
from __future__ import annotations

import re
import warnings

import pytest

from build_tools.citations import parse_note, rejoin_url
from build_tools.references import (BIB, NoteId, check_library, coverage, load_bib, normal, resolve,
                                    write_bib)
from conftest import SLUGS

A000, A001, A002, A004 = (SLUGS[p] for p in ("000", "001", "002", "004"))


@pytest.fixture(scope="module")
def bibliography(texts):
    found = resolve(list(texts.values()))
    check_library(found, load_bib())
    return found


@pytest.fixture(scope="module")
def entries():
    return {entry.key: {name: field.value for name, field in entry.fields_dict.items()} | {"type": entry.entry_type}
            for entry in load_bib().entries}


def cited(bibliography, slug, number, scope="index"):
    """Keys of the entries a note links to, in order (None for a citation with no entry)."""
    return [link.work.key if link.work and not link.problem else None
            for link in bibliography.links_of(NoteId(slug, scope, str(number)))]


def note_text(texts, prefix, number, scope="index"):
    return next(n.text for n in texts[prefix].notes if n.number == str(number) and n.scope == scope)


# --- parsed fields, note by note -------------------------------------------------------------

def test_002_note_1_helleiner_article(bibliography, entries):
    [key] = cited(bibliography, A002, 1)
    entry = entries[key]
    assert key == "helleiner2011understanding" and entry["type"] == "article"
    assert entry["author"] == "Helleiner, Eric"
    assert entry["title"].startswith("Understanding the 2007-2008 Global Financial Crisis")
    assert (entry["journal"], entry["volume"], entry["year"], entry["pages"]) == \
        ("Annual Review of Political Science", "14", "2011", "67--87")


def test_001_chapter_1_note_1_three_articles_by_li_ming(bibliography, entries):
    keys = cited(bibliography, A001, 1, "ch-1")
    assert keys == ["li2010tianan", "li2010dongbei", "li2011nanbei"]
    assert [entries[k]["number"] for k in keys] == ["235", "237", "241"]
    assert {entries[k]["journal"] for k in keys} == {"海峽評論"}
    assert {entries[k]["author"] for k in keys} == {"李明"}


def test_000_note_1_gao_lang_book_after_commentary(bibliography, entries):
    [key] = cited(bibliography, A000, 1)
    entry = entries[key]
    assert entry["type"] == "book" and entry["author"] == "高朗"
    assert entry["title"] == "中華民國外交關係之演變（1972∼1992）"
    assert (entry["publisher"], entry["address"], entry["year"]) == ("五南圖書出版公司", "台北", "1994")


@pytest.mark.parametrize("slug, scope, number, expected", [
    (A000, "index", 6, {"author": "袁鶴齡", "journal": "全球政治評論", "number": "4", "year": "2003"}),
    (A000, "index", 7, {"author": "宋學文", "journal": "問題與研究", "volume": "37", "number": "2", "year": "1998"}),  # 民國87年
    (A000, "index", 8, {"author": "鍾京佑", "journal": "政治科學論叢", "number": "18", "pages": None}),
    (A000, "index", 10, {"title": "非政府組織（NGOs）外交：台灣經驗的戰略思考", "journal": "全球政治評論"}),
    (A000, "index", 19, {"author": "王振軒", "title": "非政府組織概論", "publisher": "必中出版社", "address": "台中"}),
    (A000, "index", 27, {"author": "Held, David and others", "translator": "沈宗瑞 and 高少凡 and 許湘濤 and 陳淑鈴",
                         "publisher": "韋伯文化事業出版社", "address": "台北", "year": "2001"}),
    (A000, "index", 29, {"author": "Devetak, Richard", "editor": "MacMillan, John and Linklater, Andrew",
                         "booktitle": "Boundaries in Question: New Direction in International Relation", "year": "1995"}),
    (A000, "index", 44, {"url": "http://www.dsis.org.tw/pubs/magz/1st/per1.htm", "organization": "戰略與國際研究所網站"}),
    (A002, "index", 4, {"author": "Posen, Barry", "journal": "Current History", "volume": "108", "number": "721",
                        "pages": "347--352", "year": "2009"}),
    (A002, "index", 12, {"author": "Nye, Joseph", "title": "The Future of Power", "publisher": "Public Affairs",
                         "address": "New York", "year": "2011"}),
    (A002, "index", 13, {"title": "Liberal Leviathan: The Origins, Crisis, and Transformation of the American World Order",
                         "publisher": "Princeton University Press", "address": "New Jersey", "year": "2011"}),
    (A002, "index", 20, {"type": "incollection", "title": "Introduction", "booktitle": "International Relations Theory and the Asia-Pacific",
                         "editor": "Ikenberry, G. John and Mastanduno, Michael", "publisher": "Columbia University Press"}),
    (A002, "index", 32, {"author": "趙博淵", "journal": "南風窗", "number": "23", "year": "2010", "pages": None}),
    (A002, "index", 35, {"author": "Choe, Sang-hun", "journal": "The New York Times", "date": "2011-10-25",
                        "entrysubtype": "newspaper"}),
    (A001, "ch-1", 2, {"author": "邱坤玄", "journal": "遠景基金會季刊", "volume": "11", "number": "4", "year": "2010"}),
    (A001, "ch-1", 3, {"type": "article", "entrysubtype": "newspaper", "journal": "中新社",   # a wire item
                       "url": "http://www.cpcnews.cn/BIG5/100804/6370470.html", "urldate": "2011-05-11", "date": "2007-10-12"}),
    (A001, "ch-1", 11, {"author": "倪建民 and 陳子舜", "title": "中國國際戰略", "publisher": "人民出版社", "address": "北京"}),
    (A001, "ch-1", 17, {"type": "incollection", "author": "于有慧", "editor": "蔡瑋", "booktitle": "中國和平發展與亞太安全",
                        "publisher": "政大國研中心", "year": "2005"}),
    (A001, "ch-1", 22, {"author": "Xia, Liping", "journal": "Korea and World Affairs", "volume": "29", "number": "2",
                        "pages": "249--276"}),
    (A001, "ch-1", 35, {"author": "Snyder, Scoot", "publisher": "Lynne Rienner Publishers", "year": "2009"}),
    (A001, "ch-2", 21, {"author": "羅伯特˙基歐漢", "translator": "蘇長和 and others",
                        "title": "霸權之後：世界政治經濟中的合作與紛爭", "address": "上海"}),
    (A001, "ch-2", 30, {"editor": "潘世偉", "author": "俞新天 and others", "title": "國際體系中的中國角色"}),
    (A001, "ch-3", 5, {"author": "朱松柏", "volume": "34", "number": "1", "year": "1995"}),  # 第 1 期(84): 民國84年
    (A001, "ch-3", 10, {"type": "thesis", "author": "陳光炳", "year": "2004"}),
    (A001, "ch-4", 9, {"url": "http://www.state.gov/secretary/rm/2009a/july/126373.htm"}),
    (A004, "index", 2, {"author": "黃仁佛", "journal": "外交政策", "year": "2001", "pages": None}),
    (A004, "index", 8, {"type": "incollection", "author": "童光復", "booktitle": "2003台海戰略環境評估", "editor": "曾彰瑞",
                        "publisher": "國防大學", "year": "2003"}),
    (A004, "index", 12, {"author": "陳文賢", "journal": "問題與研究", "volume": "36", "number": "6", "year": "1997"}),
    (A004, "index", 14, {"author": "中村勝範", "title": "美日台協防內幕", "publisher": "正文書局", "year": "2000"}),
    (A004, "index", 37, {"author": "Russett, Bruce and Starr, Harvey", "translator": "張明樹", "title": "國際政治",
                         "publisher": "五南", "year": "1995"}),
    (A004, "index", 38, {"translator": "歐信宏 and 胡祖慶", "publisher": "雙葉書廊", "year": "2003"}),
])
def test_note_parses_into_entry_fields(bibliography, slug, scope, number, expected):
    """The fields extraction proposes for the work a note cites (before any editor's correction)."""
    from build_tools.references import entry_of

    [work] = [link.work for link in bibliography.links_of(NoteId(slug, scope, str(number))) if link.work][:1]
    proposed = entry_of(work)
    fields = {name: field.value for name, field in proposed.fields_dict.items()} | {"type": proposed.entry_type}
    assert {name: fields.get(name) for name in expected} == expected, work.key


def test_002_note_14_chapter_and_article_of_the_same_author(bibliography, entries):
    chapter, article = cited(bibliography, A002, 14)
    assert entries[chapter]["booktitle"] == "Rising States, Rising Institutions: Challenges for Global Governance"
    assert entries[article]["journal"] == "Perspectives on Politics"
    assert entries[article]["author"] == "Ikenberry, G. John"   # the second citation names no author


def test_urls_the_pdf_broke_are_rejoined(bibliography, entries, texts):
    assert "speech901004" in note_text(texts, "000", 40).replace(" ", "")
    [key] = cited(bibliography, A000, 40)
    assert entries[key]["url"] == "http://www.mofa.gov.tw/newmofa/history/majorspeeches/speech901004.htm"
    [key] = cited(bibliography, A000, 4)
    assert entries[key]["url"] == "http://www.mofa.gov.tw/tien/speech000601.htm"
    assert rejoin_url("http://www.npf.org.tw/PUBLICATION/ CL/091/CL-R-091-052.htm") == \
        "http://www.npf.org.tw/PUBLICATION/CL/091/CL-R-091-052.htm"


def test_line_break_hyphens_are_rejoined_in_titles(entries):
    assert entries["keohane1989power"]["title"] == "Power and Interdependence: World Politics in Transition"


def test_commentary_only_notes_cite_nothing(texts):
    for number in (28, 32, 45, 47):
        assert parse_note(note_text(texts, "000", number)) == [], number
    assert parse_note(note_text(texts, "002", "*")) == []


# --- back-references -------------------------------------------------------------------------

def test_tong_shang_zhu_and_tong_zhu_resolve_within_the_chapter(bibliography):
    assert cited(bibliography, A001, 19, "ch-1") == ["chu2008zhongguo"]
    assert cited(bibliography, A001, 20, "ch-1") == ["chu2008zhongguo"]     # 同上註
    assert cited(bibliography, A001, 55, "ch-1") == ["chu2008zhongguo"]     # 同註 19 (of 第壹章, not 第貳章)
    assert cited(bibliography, A001, 60, "ch-1") == ["wang2003quanqiu"]     # 同註 13
    assert cited(bibliography, A001, 23, "ch-2") == cited(bibliography, A001, 22, "ch-2")  # bare 前揭書


def test_qian_jie_shu_resolves_to_the_authors_earlier_work(bibliography):
    assert cited(bibliography, A000, 2) == ["gao1994zhonghua"]               # 高朗，前揭書
    assert cited(bibliography, A000, 42) == ["wang2003feizheng"]             # 王振軒，前揭書
    assert cited(bibliography, A000, 33) == ["held2001quanqiu"]              # David Held et al.，前揭書
    assert cited(bibliography, A004, 4) == cited(bibliography, A004, 2)      # 黃仁佛，前引書
    assert cited(bibliography, A000, 5) == cited(bibliography, A000, 4)      # 同前註


def test_ibid_op_cit_and_short_titles(bibliography):
    assert cited(bibliography, A002, 8) == ["friedberg2010implications"]    # Ibid.
    assert cited(bibliography, A002, 9) == ["burrows2009revisiting"]        # Burrows and Harris, op. cit.
    assert cited(bibliography, A002, 10) == ["burrows2009revisiting"]       # Ibid (no full stop)
    assert cited(bibliography, A002, 15) == ["ikenberry2011liberal"]        # Ikenberry, Liberal Leviathan
    assert cited(bibliography, A002, 17) == ["ikenberry2011liberal"]        # Ibid. after Ibid.
    assert cited(bibliography, A004, 25) == ["keohane1977power"]            # Ibid. after op. cit. (of the 1977 edition)


def test_back_references_to_works_outside_the_excerpt_keep_an_incomplete_entry(bibliography, entries, texts):
    """Never dropped: a work cited only as 前揭書 has an entry flagged incomplete; Dittgen's,
    cited in full only in a table's source line, is an editor's entry."""
    assert cited(bibliography, A004, 26) == ["dittgen1991deutsch"]     # Herbert Dittgen, op. cit.
    assert cited(bibliography, A004, 27) == ["dittgen1991deutsch"]     # and the Ibid. after it
    assert entries["dittgen1991deutsch"]["address"] == "München" and "keywords" not in entries["dittgen1991deutsch"]
    [pierre] = cited(bibliography, A000, 17)                           # Jon Pierre and B. Guy Peters，前揭書
    assert cited(bibliography, A000, 18) == [pierre]
    assert entries[pierre]["author"] == "Pierre, Jon and Peters, B. Guy"
    assert entries[pierre]["keywords"] == "incomplete" and entries[pierre]["date"] == "XXXX"
    from build_tools.references import problems
    assert ("index", "17", "書目不完整（已建條目，並標明出版資料不完整）", "Jon Pierre、B. Guy Peters〈〔題名未詳〕〉") in \
        problems(bibliography, A000)


# --- one entry per work, every entry cited -----------------------------------------------------

def test_works_cited_in_several_texts_have_one_entry(bibliography, entries):
    def slugs(key):
        return {note.slug for work in bibliography.works if work.key == key for note in work.notes}
    # Keohane and Nye's three editions are three entries, each cited where its edition is
    assert (slugs("keohane1977power"), slugs("keohane1989power"), slugs("keohane2011power")) == ({A004}, {A000}, {A002})
    assert entries["keohane1989power"]["edition"] == "2" and entries["keohane2011power"]["edition"] == "4"
    assert set(entries["keohane1989power"]["related"].split(",")) == {"keohane1977power", "keohane2011power"}
    park = [k for k, e in entries.items() if e["title"] == "Inside Multilateralism: The Six-Party Talks"]
    assert park == ["park2005inside"]
    assert cited(bibliography, A002, 30) == cited(bibliography, A001, 34, "ch-1") == park


def test_no_two_entries_for_the_same_work(entries):
    seen = {}
    for key, entry in entries.items():
        who = normal((entry.get("author") or entry.get("editor") or entry.get("organization") or "").split(" and ")[0])
        ident = (who, normal(entry["title"]), entry.get("year") or entry.get("date", "")[:4])   # editions apart
        assert ident not in seen, f"{key} and {seen.get(ident)}"
        seen[ident] = key


def test_every_entry_is_cited_and_keys_are_ascii(bibliography, entries):
    assert {w.key for w in bibliography.works} == set(entries)
    assert all(re.fullmatch(r"[a-z]+[0-9nd]{2,4}[a-z]*", key) or re.fullmatch(r"[a-z]+", key) for key in entries)
    assert len(entries) > 250


def test_at_least_95_percent_of_citing_notes_link_to_an_entry(bibliography):
    citing, linked = coverage(bibliography)
    assert citing > 350
    assert linked / citing >= 0.95, (linked, citing)


def test_every_chapter_that_names_its_book_links_to_an_entry_for_the_volume(bibliography, entries):
    """An @incollection names its volume (booktitle, editors, publisher): the volume has an entry
    (@collection) and the chapter a `crossref` to it, also where the notes never cite the volume as a
    whole (002 note 20: Ikenberry's and Duffield's chapters of Ikenberry and Mastanduno's volume)."""
    chapters = {key: entry for key, entry in entries.items() if entry["type"] in ("incollection", "inbook")}
    assert len(chapters) > 30
    for key, chapter in chapters.items():
        parent = entries.get(chapter.get("crossref", ""))
        assert parent and parent["type"] == "collection", (key, chapter.get("crossref"))
        assert normal(parent["title"]) == normal(chapter["booktitle"]), key
        assert normal(parent["editor"].split(",")[0]) == normal(chapter["editor"].split(",")[0]), key
    volume = entries[chapters["duffield2003asia"]["crossref"]]
    assert chapters["ikenberry2003introduction"]["crossref"] == chapters["duffield2003asia"]["crossref"]
    assert (volume["title"], volume["editor"], volume["publisher"], volume["address"], volume["year"]) == (
        "International Relations Theory and the Asia-Pacific", "Ikenberry, G. John and Mastanduno, Michael",
        "Columbia University Press", "New York", "2003")
    assert "keywords" not in volume and volume["type"] == "collection"
    works = {work.key: work for work in bibliography.works}
    assert works["duffield2003asia"].parent is works[volume_key := chapters["duffield2003asia"]["crossref"]]
    assert set(works["duffield2003asia"].notes) <= set(works[volume_key].notes)


def test_bib_proposes_a_newly_cited_chapter_with_its_volume_and_check_asks_for_the_link(project):
    """`python -m build_tools bib` adds a chapter the file lacks together with its volume, linked by
    crossref; a chapter entry without its crossref is refused with the fix."""
    from conftest import run_cli

    bib = project / "bib" / "references.bib"
    original = bib.read_text(encoding="utf-8")
    kept = [block for block in original.split("\n\n@")
            if not block.startswith(("incollection{wallander1999risk,", "collection{wallander1999imperfect,"))]
    bib.write_text("\n\n@".join(kept), encoding="utf-8")
    result = run_cli(project, "bib")
    assert result.returncode == 0 and "added 2 entries" in result.stdout, result.stdout + result.stderr
    added = {entry.key: entry for entry in load_bib(bib).entries}
    [chapter] = [e for e in added.values() if e.fields_dict["title"].value == "Risk, Threat, and Security Institutions"]
    volume = added[chapter.fields_dict["crossref"].value]
    assert volume.entry_type == "collection"
    assert volume.fields_dict["title"].value == "Imperfect Unions: Security Institutions over Time and Space"
    assert run_cli(project, "check").returncode == 0
    bib.write_text(original.replace("  crossref = {ikenberry2003international},\n", "", 1), encoding="utf-8")
    result = run_cli(project, "check")
    assert result.returncode == 1 and "error: bib/references.bib:" in result.stderr
    assert "is a chapter of 《International Relations Theory and the Asia-Pacific》 but names no volume — add crossref" \
        in result.stderr, result.stderr


# --- the curated file ----------------------------------------------------------------------------

def test_references_bib_round_trips_through_bibtexparser():
    assert write_bib(load_bib()) == BIB.read_text(encoding="utf-8")


def test_pybtex_reads_references_bib_without_warnings():
    import pybtex.errors
    from pybtex.database import parse_file

    pybtex.errors.set_strict_mode(True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = parse_file(str(BIB), "bibtex")
    assert len(data.entries) == len(load_bib().entries)


# --- links both ways in the built site --------------------------------------------------------------

def test_notes_link_to_entries_and_entries_link_back(site):
    page = (site / "texts" / A000 / "index.html").read_text(encoding="utf-8")
    note_1 = re.search(r'<li id="fn:1">(.*?)</li>', page, re.S).group(1)
    assert 'href="../../bibliography/a-g/#gao1994zhonghua"' in note_1
    note_2 = re.search(r'<li id="fn:2">(.*?)</li>', page, re.S).group(1)
    assert re.search(r'href="../../bibliography/a-g/#gao1994zhonghua"[^>]*>前揭書</a>', note_2)
    bib = (site / "bibliography" / "a-g" / "index.html").read_text(encoding="utf-8")
    entry = re.search(r'<div class="bib-entry" id="gao1994zhonghua">(.*?)</div>', bib, re.S).group(1)
    assert "五南圖書出版公司" in entry
    assert ('href="../../texts/second-track-diplomacy/#fn:1"' in entry
            and 'href="../../texts/second-track-diplomacy/#fn:2"' in entry)
    assert (site / "references.bib").read_text(encoding="utf-8") == BIB.read_text(encoding="utf-8")


def test_editors_corrections_survive_extraction(bibliography, entries, texts):
    """The curated file wins: a corrected entry keeps its fields, extraction proposes nothing new."""
    from build_tools.references import match_entries

    assert cited(bibliography, A000, 22)[0] == "davidson1981foreign"
    assert entries["davidson1981foreign"]["type"] == "article"
    assert entries["davidson1981foreign"]["journal"] == "Foreign Policy"
    assert entries["snyder2009china"]["author"] == "Snyder, Scott"
    assert match_entries(resolve(list(texts.values())), load_bib()) == ([], [])


def test_bibliography_page_formats_entries_in_one_style(site):
    bib = (site / "bibliography" / "h-l" / "index.html").read_text(encoding="utf-8")
    helleiner = re.search(r'id="helleiner2011understanding">\s*<p lang="en">(.*?)</p>', bib, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", helleiner) == (
        "Helleiner, Eric. 2011. “Understanding the 2007-2008 Global Financial Crisis: Lessons for Scholars "
        "of International Political Economy.” Annual Review of Political Science 14: 67–87.")
    hu = re.search(r'id="hu2007shiqi">\s*<p>(.*?)</p>', bib, re.S).group(1)
    assert hu.startswith("胡錦濤（2007）。〈十七大報告〉。新華網。")
    assert bib.index('id="zh"') < bib.index('id="hu2007shiqi"') < bib.index('id="en"') < bib.index('id="helleiner2011understanding"')
    gao = re.search(r'id="gao1994zhonghua">\s*<p>(.*?)</p>',
                    (site / "bibliography" / "a-g" / "index.html").read_text(encoding="utf-8"), re.S).group(1)
    assert gao == "高朗（1994）。《中華民國外交關係之演變（1972∼1992）》。台北：五南圖書出版公司。"


def test_entry_titles_keep_their_brackets_balanced(entries):
    """Nested quotes inside a title (「…『達成共識』」) survive extraction."""
    pairs = ["《》", "〈〉", "「」", "『』", "（）", "()"]
    for key, entry in entries.items():
        for open_, close in pairs:
            assert entry["title"].count(open_) == entry["title"].count(close), (key, entry["title"])


@pytest.mark.skipif(__import__("shutil").which("biber") is None, reason="biber is installed by `make test`")
def test_an_unknown_year_reads_as_no_date_in_biber_and_csl(tmp_path):
    """`date = {XXXX}` (ISO 8601-2 / EDTF: year unspecified) is what the data model accepts for a
    work the notes give no year; biber keeps no date for it (its unspecified-digit parser reads
    199X, 19XX, 1999-XX, not XXXX), so a biblatex style prints its "n.d.", and references.json
    carries no `issued`, which CSL processors print as "n.d." too. A real year stays a date."""
    import json
    import subprocess

    from build_tools.references import ROOT
    from build_tools.render_bib import render_csl_json

    library = load_bib()
    unknown = {entry.key for entry in library.entries if entry.fields_dict.get("date") and
               entry.fields_dict["date"].value == "XXXX"}
    assert len(unknown) >= 10
    (tmp_path / "references.bib").write_text(BIB.read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(["biber", "--tool", f"--configfile={ROOT / 'bib' / 'biber-tool.conf'}",
                             "--output-format=biblatexml", "--output-file=out.bltxml", "references.bib"],
                            capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    xml = (tmp_path / "out.bltxml").read_text(encoding="utf-8")
    issued = {m.group(1): "<bltx:date>" in m.group(2)          # urldate is <bltx:date type="url">
              for m in re.finditer(r'<bltx:entry id="([^"]+)"(.*?)(?=<bltx:entry |\Z)', xml, re.S)}
    assert not any(issued[key] for key in unknown)
    assert issued["li2010tianan"] and issued["xin2011zhongqi"]
    items = {item["id"]: item for item in json.loads(render_csl_json(library))}
    assert not any("issued" in items[key] for key in unknown)
    assert items["xin2011zhongqi"]["issued"] == {"date-parts": [[2011, 1, 30]]}


# --- the bibliography's pages: every entry in brief, its notes on its part -------------------------

def test_every_entry_keeps_its_published_address_and_leads_to_its_part(site):
    """`bibliography/#key` (the address the notes linked before the parts) shows the entry in brief,
    and its link leads to the part that gives it with its notes; no entry is lost or doubled."""
    landing = (site / "bibliography" / "index.html").read_text(encoding="utf-8")
    parts = {path.parent.name: path.read_text(encoding="utf-8") for path in (site / "bibliography").glob("*/index.html")}
    assert sorted(parts) == ["a-g", "h-l", "m-s", "t-x", "y-z"]
    keys = [entry.key for entry in load_bib().entries]
    for key in keys:
        brief = re.search(rf'<li id="{key}">(.*?)</li>', landing, re.S)
        assert brief, key
        part = re.search(rf'href="../bibliography/([a-z]-[a-z])/#{key}">引用：\d+ 則註釋</a>', brief.group(1)).group(1)
        assert f'<div class="bib-entry" id="{key}">' in parts[part], key
    assert sum(page.count('<div class="bib-entry"') for page in parts.values()) == len(keys)
    assert "Z3988" not in landing and "bib-cited" not in landing     # the growing parts are on the parts
    brief = re.search(r'<li id="gao1994zhonghua">(.*?)</li>', landing, re.S).group(1)
    assert "高朗（1994）。《中華民國外交關係之演變（1972∼1992）》。台北：五南圖書出版公司。" in brief
    assert "引用：2 則註釋" in brief


def test_entries_sort_by_a_surnames_reading_and_without_a_leading_article(site):
    """曾章瑞 sorts under zeng (pypinyin reads 曾 ceng), on the Y–Z part; The International Institute
    for Strategic Studies under I."""
    from build_tools.render_bib import part_of

    entries = {entry.key: entry for entry in load_bib().entries}
    assert part_of(entries["zeng2003taihai"]) == "y-z" and part_of(entries["qiu2005zhongguo"]) == "m-s"
    assert part_of(entries["international2001military"]) == "h-l"
    part = (site / "bibliography" / "y-z" / "index.html").read_text(encoding="utf-8")
    assert part.index('id="yu') < part.index('id="zeng2002shiji"') < part.index('id="zhang2002rimei"')
