"""Citing the edition: "cite this" boxes, version, CHANGELOG.md and CITATION.cff."""
from __future__ import annotations

import html
import re
from pathlib import Path

import bibtexparser
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://example.org/taiwan-foreign-relations/"


def cite_bibtex(page_html: str, anchor: str) -> str:
    """The BibTeX of the "cite this" box right after the element with id `anchor`."""
    after = page_html[page_html.index(f'id="{anchor}"'):]
    box = after[after.index('<details class="quote cite"'):]
    box = box[:box.index("</details>")]
    code = re.search(r"<code>(.*?)</code>", box, re.S).group(1)
    return html.unescape(re.sub(r"<[^>]+>", "", code))


@pytest.mark.parametrize("page, anchor, title, url", [
    ("texts/second-track-diplomacy/", "sec-2-1", "一、命題─國際現象的轉變", "texts/second-track-diplomacy/#sec-2-1"),
    ("texts/china-multilateralism-six-party-talks/ch-4/", "sec-4-1-2", None,
     "texts/china-multilateralism-six-party-talks/ch-4/#sec-4-1-2"),
    ("texts/mofa-2010-policy-goals/", "sec-2", "貳、年度關鍵績效指標", "texts/mofa-2010-policy-goals/#sec-2"),
])
def test_cite_this_bibtex_of_a_section_parses_and_carries_its_url(site, page, anchor, title, url):
    page_html = (site / page / "index.html").read_text(encoding="utf-8")
    library = bibtexparser.parse_string(cite_bibtex(page_html, anchor))
    assert not library.failed_blocks
    [entry] = library.entries
    fields = {name: field.value for name, field in entry.fields_dict.items()}
    assert fields["url"] == BASE + url
    assert fields["edition"] == f"version {(ROOT / 'VERSION').read_text().strip()}"
    assert fields["date"] == release_date()
    if title:
        assert fields["title"] == title
    assert fields["note"].startswith("原文：")


def test_every_page_and_section_offers_a_cite_box(site):
    page_html = (site / "texts" / "taiwan-strait-alliances" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h[2-6] id="(sec-[^"]+)"', page_html)
    boxes = page_html.count('<details class="quote cite"')
    assert len(headings) > 5 and boxes == len(headings) + 1      # the page's own box, then one per section
    assert "第六章  台海安全體系評估" in page_html or "台海安全體系評估" in page_html
    assert 'data-search-exclude=""' in page_html


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
