"""Citation metadata on every text page and chapter page, read as the tools read it: the Highwire
Press `citation_*` tags as Zotero's Embedded Metadata translator and Google Scholar take them
(`<meta name=…>` in <head>), and Dublin Core, JSON-LD and OpenGraph through extruct."""
from __future__ import annotations

import json

import extruct
import pytest
from lxml import html as lxml_html

from conftest import SLUGS

TYPES = {"second-track-diplomacy": "ScholarlyArticle", "china-multilateralism-six-party-talks": "Thesis",
         "financial-crisis-world-order": "ScholarlyArticle", "mofa-2010-policy-goals": "Report",
         "taiwan-strait-alliances": "Chapter"}


def highwire(page_html: str) -> dict[str, list[str]]:
    """The citation_* tags of a page's head, as Zotero collects them (several values per name)."""
    tags: dict[str, list[str]] = {}
    for meta in lxml_html.fromstring(page_html).xpath("//head/meta[starts-with(@name, 'citation_')]"):
        tags.setdefault(meta.get("name"), []).append(meta.get("content"))
    return tags


def extracted(page_html: str) -> dict:
    return extruct.extract(page_html, base_url="https://example.org/", uniform=True,
                           syntaxes=["json-ld", "opengraph", "dublincore"])


@pytest.mark.parametrize("slug", sorted(SLUGS.values()))
def test_each_text_page_carries_its_citation_metadata(site, slug):
    page_html = (site / "texts" / slug / "index.html").read_text(encoding="utf-8")
    tags = highwire(page_html)
    assert tags["citation_title"] and tags["citation_publication_date"] and tags["citation_online_date"]
    assert tags["citation_language"] == ["zh"]
    assert tags["citation_pdf_url"][0].endswith(f"/texts/{slug}/{slug}.pdf") and (site / "texts" / slug / f"{slug}.pdf").exists()
    data = extracted(page_html)
    [item] = data["json-ld"]
    assert item["@type"] == TYPES[slug] and item["isBasedOn"]["@type"] in (TYPES[slug], "Chapter")
    assert item["isPartOf"]["name"] == "臺灣外交關係文獻校注本" and item["version"]
    assert item["name"] == tags["citation_title"][0]
    [og] = data["opengraph"]
    assert og["@type"] == "article" and og["og:url"].endswith(f"texts/{slug}/")
    dc = {e["name"]: e["content"] for e in data["dublincore"][0]["elements"]}
    assert dc["DC.title"] == tags["citation_title"][0] and dc["DC.date"]


def test_attribution_and_kind_tags_fit_each_original(site):
    report = highwire((site / "texts/mofa-2010-policy-goals/index.html").read_text(encoding="utf-8"))
    assert report["citation_author"] == ["中華民國外交部"]
    assert report["citation_technical_report_institution"] == ["中華民國外交部"]
    assert report["citation_publication_date"] == ["2010"]
    thesis = highwire((site / "texts/china-multilateralism-six-party-talks/index.html").read_text(encoding="utf-8"))
    assert thesis["citation_dissertation_institution"] == ["國立政治大學"] and "citation_author" not in thesis
    article = highwire((site / "texts/second-track-diplomacy/index.html").read_text(encoding="utf-8"))
    assert "citation_author" not in article      # the source names none: nothing is invented


def test_chapter_pages_are_chapters_of_the_thesis(site):
    page_html = (site / "texts/china-multilateralism-six-party-talks/ch-4/index.html").read_text(encoding="utf-8")
    tags = highwire(page_html)
    assert tags["citation_title"] == ["第肆章 中共推動「六方會談」之角色與功能"]
    assert tags["citation_inbook_title"][0].startswith("中共多邊外交戰略與「六方會談」")
    [item] = extracted(page_html)["json-ld"]
    assert item["@type"] == "Chapter" and item["isPartOf"]["@type"] == "Thesis"
    assert item["url"].endswith("texts/china-multilateralism-six-party-talks/ch-4/")


def test_descriptions_differ_per_page(site):
    pages = [site / "texts" / slug / "index.html" for slug in SLUGS.values()]
    pages += sorted((site / "texts/china-multilateralism-six-party-talks").glob("ch-*/index.html"))
    descriptions = []
    for page in pages:
        [meta] = lxml_html.fromstring(page.read_text(encoding="utf-8")).xpath("//head/meta[@name='description']")
        descriptions.append(meta.get("content"))
    site_wide = json.dumps(descriptions, ensure_ascii=False)
    assert len(set(descriptions)) == len(pages) == 11 and "五篇關於臺灣對外關係" not in site_wide
