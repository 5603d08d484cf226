"""Citing the edition: the citation of every place (cite.json for the 引用 dialog), biber's check,
version, CHANGELOG.md and CITATION.cff."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://example.org/taiwan-foreign-relations/"


CITE = {"000": "second-track-diplomacy/index", "001": "china-multilateralism-six-party-talks/ch-4",
        "002": "financial-crisis-world-order/index", "003": "mofa-2010-policy-goals/index",
        "004": "taiwan-strait-alliances/index"}
# For each text: a section, a paragraph and a note (and a printed page where the source prints
# page numbers), with the numbering path its citation must give.
PLACES = {
    "000": [("sec-2-2-3", "貳、二、（三）〈公民社會（civil society）的力量〉"),
            ("sec-2-2-3-p1", "貳、二、（三）〈公民社會（civil society）的力量〉第 1 段"), ("fn:3", "註 3")],
    "001": [("sec-4", "第肆章 中共推動「六方會談」之角色與功能"),
            ("sec-4-1-2", "第肆章第一節二、〈「六方會談」之發展歷程〉"), ("fn:5", "第肆章 中共推動「六方會談」之角色與功能 註 5"),
            ("sec-4-1-2-1-p1", "第肆章第一節二、（一）〈第一輪〉第 1 段"), ("page-83", "原書頁 83")],
    "002": [("sec-2", "貳、當前金融危機對國際體系之影響"), ("abstract-p1", "〈摘要 / Abstract〉第 1 段"),
            ("note-star", "題注（＊）"), ("fn:4", "註 4")],
    "003": [("sec-1-3-1-1-7", "壹、三、〈配合兩岸和解契機，務實參與國際組織，並提升我參與國際組織之質與量：〉（一）１、（７）"),
            ("sec-2", "貳、年度關鍵績效指標"), ("title-p1", "〈外交部 99 年度施政目標與重點〉第 1 段"),
            ("sec-1-1-p1", "壹、一、〈落實活路外交，鞏固與邦交國關係：〉（一）第 1 段")],   # the report has no notes
    "004": [("sec-6-1", "第一節 同盟理論檢驗美日台的關係"), ("sec-6-1-p8", "第一節〈同盟理論檢驗美日台的關係〉第 8 段"),
            ("fn:1", "註 1"), ("page-151", "原書頁 151")],
}


def cite_entries(site, text: str) -> dict:
    return json.loads((site / "texts" / f"{CITE[text]}.cite.json").read_text(encoding="utf-8"))


def test_every_place_of_a_page_has_a_citation_and_no_box_breaks_the_text(site):
    page_html = (site / "texts" / "taiwan-strait-alliances" / "index.html").read_text(encoding="utf-8")
    assert '<details class="quote cite"' not in page_html and "引用本節" not in page_html
    assert '<meta name="edition:cite" content="index.cite.json">' in page_html
    entries = cite_entries(site, "004")
    ids = set(re.findall(r'<(?:h[1-6]|p|span class="pb") id="([^"]+)"', page_html))
    ids |= set(re.findall(r'<li id="(fn:[^"]+)"', page_html))
    assert len(ids) > 100 and ids <= set(entries)


@pytest.mark.parametrize("text", sorted(PLACES))
def test_citations_name_their_place_parse_and_resolve(site, text):
    entries = cite_entries(site, text)
    version = (ROOT / "VERSION").read_text().strip()
    for anchor, path in PLACES[text]:
        entry = entries[anchor]
        assert entry["path"].startswith(path), (anchor, entry["path"])
        assert entry["path"] in entry["zh"] and f"版本 {version}（{release_date()}）" in entry["zh"]
        assert f"version {version} ({release_date()})" in entry["en"]
        library = bibtexparser.parse_string(entry["bibtex"])
        assert not library.failed_blocks
        [bib] = library.entries
        fields = {name: field.value for name, field in bib.fields_dict.items()}
        assert bib.entry_type == "online" and fields["version"] == version and "edition" not in fields
        assert fields["date"] == release_date() and fields["editor"] == "{臺灣外交關係文獻校注本編輯團隊}"
        assert fields["url"] == entry["url"] == entry["csl"]["URL"]
        assert entry["url"].startswith(f"{BASE}{version}/") and entry["latest"].startswith(f"{BASE}latest/")
        assert resolves(site, entry["url"][len(f"{BASE}{version}/"):]), entry["url"]
        if text == "003":
            assert fields["author"] == "{中華民國外交部}" and entry["csl"]["author"] == [{"literal": "中華民國外交部"}]
        else:
            assert "author" not in fields      # the source names no author: the editors carry the entry


def test_the_reports_english_citation_names_the_ministry_in_english(site):
    """The edition file gives the issuer's English name (`issuer_en`): the English citation and its
    「Original:」 use it, the Chinese citation, BibTeX and CSL-JSON keep the name as printed."""
    english = "Ministry of Foreign Affairs, Republic of China (Taiwan)"
    for anchor, entry in cite_entries(site, "003").items():
        assert entry["en"].startswith(f"{english}, Ministry of Foreign Affairs: Policy Goals"), (anchor, entry["en"])
        assert f"Original: {english}, government report, 2010 (ROC year 99)." in entry["en"], entry["en"]
        assert "中華民國外交部" not in entry["en"], (anchor, entry["en"])
        assert entry["zh"].startswith("中華民國外交部（原著），") and "原文：中華民國外交部，" in entry["zh"]
        assert entry["csl"]["author"] == [{"literal": "中華民國外交部"}]
    page = (site / "texts" / "mofa-2010-policy-goals" / "index.html").read_text(encoding="utf-8")
    assert f'中華民國外交部（<span lang="en">{english}</span>）' in page        # the metadata box
    assert f'"alternateName": "{english}"' in page                                # JSON-LD


def resolves(site, address: str) -> bool:
    """A site-relative address with its fragment: the page exists and carries the id."""
    page, _, fragment = address.partition("#")
    target = site / page / "index.html"
    return target.exists() and f'id="{fragment}"' in target.read_text(encoding="utf-8")


BIBER = shutil.which("biber")


@pytest.mark.skipif(BIBER is None, reason="make test installs Debian's biber")
def test_every_citation_passes_bibers_data_model_check(site, tmp_path):
    """All citations of every page: `biber --tool --validate-datamodel` reports no warning."""
    entries, places = {}, 0
    for cite in sorted((site / "texts").glob("*/*.cite.json")):
        for anchor, entry in json.loads(cite.read_text(encoding="utf-8")).items():
            entries[entry["csl"]["id"]] = entry["bibtex"]
            places += 1
    assert len(entries) == places > 1000          # one key per place, none repeated
    bib = tmp_path / "citations.bib"
    bib.write_text("\n\n".join(entries.values()) + "\n", encoding="utf-8")
    result = subprocess.run([BIBER, "--tool", "--validate-datamodel", bib.name], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARN" not in result.stdout and "ERROR" not in result.stdout, result.stdout
    assert "Datamodel validation complete" in result.stdout


def test_placeholder_addresses_are_announced_by_the_build(site):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    result = subprocess.run([sys.executable, "-m", "build_tools", "build"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "warning: mkdocs.yml: site_url https://example.org/taiwan-foreign-relations/" in result.stderr


def release_date() -> str:
    """The date CHANGELOG.md gives the current version (VERSION); the newest entry must be it."""
    version = (ROOT / "VERSION").read_text().strip()
    newest = re.search(r"^## \[(\S+)\] — (\d{4}-\d{2}-\d{2})$", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert newest and newest[1] == version, "VERSION must be the newest version in CHANGELOG.md"
    return newest[2]


def test_version_changelog_and_citation_cff_agree(site):
    version = (ROOT / "VERSION").read_text().strip()
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    date = release_date()
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and str(cff["version"]) == version
    assert str(cff["date-released"]) == date and cff["authors"] and cff["title"]
    footer = (site / "index.html").read_text(encoding="utf-8")
    assert f"版本 {version}（{date}）" in footer
    assert (site / "changelog" / "index.html").exists()
