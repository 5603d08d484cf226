"""Render: metadata for citation tools in the <head> of every text page and chapter page.

Highwire Press tags (`citation_*`, as Zotero's "Embedded Metadata" translator and Google
Scholar read them), Dublin Core (`DC.*`), schema.org JSON-LD and OpenGraph, and the page's own
description. The build writes them, per docs page, into build/page_meta.json; `meta_hook.py`
hands them to the page (`page.meta`), and overrides/main.html writes `edition_head` into <head>.
"""
from __future__ import annotations

import html
import json
import re

from .cite import EDITION_TITLE, EDITORS, attribution, original, release
from .model import CleanText
from .paragraphs import squeeze_spaces
from .render import Page, split_pages

LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
SCHEMA_TYPE = {"journal article": "ScholarlyArticle", "master's thesis": "Thesis",
               "thesis chapter": "Chapter", "government report": "Report"}


def original_year(edition) -> str | None:
    """The original's year where the edition file states it plainly (「2011 or later」 is not a date).

    >>> from types import SimpleNamespace as N
    >>> original_year(N(publication=N(year="2010 (民國 99 年)"))), original_year(N(publication=N(year="2011 or later")))
    ('2010', None)
    """
    year = edition.publication.year or ""
    found = re.match(r"(\d{4})\b(?!\s*or)", year)
    return found[1] if found else None


def page_description(text: CleanText, page: Page) -> str:
    """The edition file's description; a chapter page's names its chapter first."""
    described = squeeze_spaces(text.edition.description)
    return described if page.key == "index" else f"《{text.edition.title}》{page.title}。{described}"


def page_title(text: CleanText, page: Page) -> str:
    return text.edition.title if page.key == "index" else page.title


def highwire(text: CleanText, page: Page, pdf_url: str | None) -> list[tuple[str, str]]:
    edition, r, who = text.edition, release(), attribution(text.edition)
    p = edition.publication
    url = r.version_url + page.url(edition.slug)
    tags = [("citation_title", page_title(text, page))]
    if who.author:
        tags.append(("citation_author", who.author))
    published = original_year(edition) or r.date.replace("-", "/")
    tags += [("citation_publication_date", published), ("citation_online_date", r.date.replace("-", "/")),
             ("citation_language", "zh"), ("citation_publisher", EDITION_TITLE),
             ("citation_abstract_html_url", url), ("citation_fulltext_html_url", url)]
    if page.key != "index":
        tags.append(("citation_inbook_title", edition.title))
    if edition.kind in ("master's thesis", "thesis chapter"):
        if p.institution:
            tags.append(("citation_dissertation_institution", p.institution))
        if p.degree:
            tags.append(("citation_dissertation_name", p.degree))
    elif edition.kind == "government report" and who.author:
        tags.append(("citation_technical_report_institution", who.author))
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    return tags


def dublin_core(text: CleanText, page: Page) -> list[tuple[str, str]]:
    edition, r, who = text.edition, release(), attribution(text.edition)
    tags = [("DC.title", page_title(text, page))]
    if who.author:
        tags.append(("DC.creator", who.author))
    tags += [("DC.contributor", f"{EDITORS}（編）"), ("DC.publisher", EDITION_TITLE), ("DC.date", r.date),
             ("DC.type", "Text"), ("DC.format", "text/html"), ("DC.language", edition.language),
             ("DC.identifier", r.version_url + page.url(edition.slug)),
             ("DC.source", original(edition)), ("DC.relation.isPartOf", EDITION_TITLE),
             ("DC.rights", LICENSE_URL), ("DC.description", page_description(text, page))]
    return tags


def opengraph(text: CleanText, page: Page) -> list[tuple[str, str]]:
    r = release()
    return [("og:type", "article"), ("og:title", page_title(text, page)),
            ("og:description", page_description(text, page)), ("og:url", r.version_url + page.url(text.edition.slug)),
            ("og:site_name", EDITION_TITLE), ("og:locale", "zh_TW")]


def json_ld(text: CleanText, page: Page) -> dict:
    """schema.org: the edition's text (or chapter), part of the edition (or of its text), based on
    the original."""
    edition, r, who = text.edition, release(), attribution(text.edition)
    p = edition.publication
    based_on = {"@type": SCHEMA_TYPE[edition.kind], "name": p.thesis_title if edition.kind == "thesis chapter"
                and p.thesis_title else edition.title, "inLanguage": edition.language, "description": original(edition)}
    if edition.kind == "thesis chapter" and p.chapter_title:
        based_on = {"@type": "Chapter", "name": squeeze_spaces(p.chapter_title),
                    "isPartOf": {"@type": "Thesis", "name": p.thesis_title}, "description": original(edition)}
    if who.author:
        based_on["author"] = {"@type": "Organization" if who.corporate else "Person", "name": who.author}
        if who.author_en:
            based_on["author"]["alternateName"] = who.author_en
    if p.institution:
        based_on["sourceOrganization"] = {"@type": "CollegeOrUniversity", "name": p.institution,
                                          "alternateName": p.institution_en}
    if original_year(edition):
        based_on["datePublished"] = original_year(edition)
    edition_work = {"@type": "Collection", "name": EDITION_TITLE, "url": r.version_url}
    is_part_of = edition_work
    if page.key != "index":
        is_part_of = {"@type": SCHEMA_TYPE[edition.kind], "name": edition.title,
                      "url": r.version_url + f"texts/{edition.slug}/", "isPartOf": edition_work}
    item = {"@context": "https://schema.org", "@type": "Chapter" if page.key != "index" else SCHEMA_TYPE[edition.kind],
            "name": page_title(text, page), "headline": page_title(text, page)[:110],
            "description": page_description(text, page), "inLanguage": edition.language,
            "url": r.version_url + page.url(edition.slug), "version": r.version, "datePublished": r.date,
            "editor": {"@type": "Organization", "name": EDITORS}, "publisher": {"@type": "Organization", "name": EDITORS},
            "license": LICENSE_URL, "isPartOf": is_part_of, "isBasedOn": based_on}
    if who.author:
        item["author"] = based_on["author"]
    return item


def meta_tags(pairs: list[tuple[str, str]], attribute: str = "name") -> list[str]:
    return [f'<meta {attribute}="{name}" content="{html.escape(value, quote=True)}">' for name, value in pairs]


def page_head(text: CleanText, page: Page, cite_json: str, pdf_url: str | None = None) -> str:
    """The <head> additions of one text page."""
    ld = json.dumps(json_ld(text, page), ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")   # never ends the script
    lines = (meta_tags(highwire(text, page, pdf_url)) + ['<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">']
             + meta_tags(dublin_core(text, page)) + meta_tags(opengraph(text, page), "property")
             + [f'<meta name="edition:cite" content="{html.escape(cite_json, quote=True)}">',
                f'<script type="application/ld+json">{ld}</script>'])
    return "\n".join(lines)


def page_meta(text: CleanText) -> dict[str, dict]:
    """{docs path: {description, edition_head}} of a text's pages."""
    from .render_downloads import download_entries

    pdf_url = release().version_url + download_entries(text.edition.slug)["pdf"]
    out = {}
    for page in split_pages(text):
        cite_json = "index.cite.json" if page.key == "index" else f"../{page.key}.cite.json"
        # Material writes the description into its attribute unescaped
        out[page.path(text.edition.slug)] = {"description": html.escape(page_description(text, page), quote=True),
                                             "edition_head": page_head(text, page, cite_json, pdf_url)}
    return out
