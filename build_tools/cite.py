"""Render: the citation of every citable place of a text, and the edition's version and addresses.

A place is a section, a paragraph, a note or a printed page (`places`); its citation (`citation`)
names it by its full numbering path (「第貳章第一節三、〈…〉第 2 段」), gives the versioned URL of its
anchor, the edition's version and release date, the original's attribution (its author or issuing
body where the source names one) and the edition's editors as editors, in Chinese and English
style, as biblatex (`@online`: biber's data model requires an author or editor, a title, a date
and a URL, which it always has) and as CSL-JSON. The pages carry no boxes: each place's citation
goes into its page's `<page>.cite.json`, which the 引用 dialog (docs/assets/cite.js) reads.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import ROOT

EDITION_TITLE = "臺灣外交關係文獻校注本"
EDITION_TITLE_EN = "Taiwan's Foreign Relations: A Critical Digital Edition of Five Texts"
EDITORS = "臺灣外交關係文獻校注本編輯團隊"
EDITORS_EN = "The editors of Taiwan's Foreign Relations"
KIND_ZH = {"journal article": "期刊論文", "master's thesis": "碩士論文", "thesis chapter": "學位論文章節",
           "government report": "政府施政報告"}
KIND_EN = {"journal article": "journal article", "master's thesis": "master's thesis",
           "thesis chapter": "thesis chapter", "government report": "government report"}
PLACEHOLDER_HOSTS = ("example.org", "example.com", "github.com/example")


@dataclass(frozen=True)
class Release:
    version: str
    date: str        # ISO date of this version in CHANGELOG.md
    site_url: str    # the site's root (SITE_URL, else mkdocs.yml's default), ending in /
    repo_url: str    # the repository (REPO_URL, else mkdocs.yml's default)

    @property
    def version_url(self) -> str:
        """The root of this version's copy of the site (each release is deployed under its version)."""
        return f"{self.site_url}{self.version}/"

    @property
    def latest_url(self) -> str:
        return f"{self.site_url}latest/"

    @property
    def is_placeholder(self) -> bool:
        return any(host in self.site_url or host in self.repo_url for host in PLACEHOLDER_HOSTS)


def configured(name: str, config: str) -> str:
    """A mkdocs.yml setting given as `name: !ENV [VARIABLE, default]` (or plainly): the variable
    when set, else the default — the one place site_url and repo_url come from.

    >>> configured("site_url", 'site_url: !ENV [SITE_URL, "https://a.org/x/"]')
    'https://a.org/x/'
    """
    found = re.search(rf"^{name}:\s*!ENV\s*\[\s*(\w+)\s*,\s*['\"]?([^'\"\]\s]+)['\"]?\s*\]", config, re.M)
    if found:
        return os.environ.get(found[1]) or found[2]
    return re.search(rf"^{name}:\s*(\S+)", config, re.M).group(1)


@lru_cache(maxsize=1)
def release() -> Release:
    """Version (VERSION), its date (CHANGELOG.md) and the site's and repository's addresses."""
    version = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    found = re.search(rf"^## \[?{re.escape(version)}\]? — (\d{{4}}-\d{{2}}-\d{{2}})", changelog, re.M)
    date = found.group(1) if found else "unreleased"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = configured("site_url", config).rstrip("/") + "/"
    return Release(version, date, site_url, configured("repo_url", config).rstrip("/"))


@dataclass(frozen=True)
class Attribution:
    """Who made the original, as far as the source says, and what it is."""

    author: str | None        # a person or body named by the source (外交部 for its report)
    author_en: str | None     # its English name, where the edition file gives one (`issuer_en`)
    corporate: bool           # the author is a body (BibTeX braces it, CSL gives it as a literal)


def attribution(edition) -> Attribution:
    """The original's author: the issuing body of a report, with its English name if the edition
    file gives it (English citations use it; Chinese ones, BibTeX and CSL-JSON keep the name as printed).

    >>> from types import SimpleNamespace as N
    >>> attribution(N(publication=N(issuer="中華民國外交部", issuer_en="Ministry of Foreign Affairs, Republic of China (Taiwan)")))
    Attribution(author='中華民國外交部', author_en='Ministry of Foreign Affairs, Republic of China (Taiwan)', corporate=True)
    """
    p = edition.publication
    if getattr(p, "author", None):
        return Attribution(p.author, None, False)
    return Attribution(p.issuer, p.issuer_en, True) if p.issuer else Attribution(None, None, False)


def original(edition) -> str:
    """What is known of the original publication, in one line."""
    p = edition.publication
    parts = [p.issuer, p.institution, p.degree or KIND_ZH[edition.kind],
             f"《{p.thesis_title}》" if p.thesis_title else None, p.chapter_title, p.year]
    known = "，".join(part for part in parts if part)
    return known + ("；作者、出處不詳（原件無題頁）" if not (p.issuer or p.institution or p.thesis_title) else "")


def year_en(year: str | None) -> str | None:
    """A year as the edition file gives it (in Chinese) for an English citation.

    >>> year_en("2011 年或其後"), year_en("2010 年（民國 99 年）"), year_en("2008")
    ('2011 or later', '2010 (ROC year 99)', '2008')
    """
    if not year:
        return year
    year = re.sub(r"（民國\s*(\d+)\s*年）", r" (ROC year \1)", year)
    year = re.sub(r"(\d{4})\s*年", r"\1", year)
    return re.sub(r"\s*或其後", " or later", year)


def original_en(edition) -> str:
    p = edition.publication
    parts = [p.issuer_en, p.institution_en, KIND_EN[edition.kind],
             f"“{p.thesis_title}”" if p.thesis_title else None, year_en(p.year)]
    known = ", ".join(part for part in parts if part)
    return known + ("; author and venue unknown (the source has no title page)"
                    if not (p.issuer or p.institution or p.thesis_title) else "")


@dataclass(frozen=True)
class Place:
    """A citable place of a text: its anchor on its page and its numbering path."""

    anchor: str
    page_url: str     # site-relative URL of its page: texts/<slug>/ch-4/
    kind: str         # section | paragraph | note | page
    path: str         # 「第肆章第一節二、〈…〉第 3 段」, 「第肆章 註 5」, 「原書頁 151」
    path_en: str

    @property
    def url(self) -> str:
        return f"{self.page_url}#{self.anchor}"


def bibtex_key(place: Place) -> str:
    """A key unique across the edition, from the place's address (a thesis's note numbers repeat per chapter).

    >>> bibtex_key(Place("fn:5", "texts/thesis/ch-4/", "note", "", ""))
    'thesis-ch-4-fn-5'
    """
    return re.sub(r"[^a-z0-9]+", "-", place.url.removeprefix("texts/").lower()).strip("-")


def braced(value: str) -> str:
    """A BibTeX field value: TeX's special characters escaped."""
    return re.sub(r"([{}&%$#_])", r"\\\1", value)


def bibtex(edition, place: Place) -> str:
    """A biblatex @online entry for one place (biber-valid: editor, title, date, url)."""
    r, who = release(), attribution(edition)
    fields = []
    if who.author:
        fields.append(("author", f"{{{braced(who.author)}}}" if who.corporate else braced(who.author)))
    fields += [("editor", f"{{{EDITORS}}}"), ("title", braced(edition.title)),
               ("titleaddon", braced(place.path)), ("organization", EDITION_TITLE),
               ("version", r.version), ("date", r.date), ("url", f"{r.version_url}{place.url}"),
               ("note", braced(f"原文：{original(edition)}")), ("langid", "chinese")]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{bibtex_key(place)},\n{body},\n}}"


def csl_json(edition, place: Place) -> dict:
    r, who = release(), attribution(edition)
    item = {"id": bibtex_key(place), "type": "webpage",
            "title": f"{edition.title}：{place.path}", "container-title": EDITION_TITLE,
            "editor": [{"literal": EDITORS}], "version": r.version,
            "issued": {"date-parts": [[int(part) for part in r.date.split("-")]]} if r.date[:1].isdigit() else {},
            "URL": f"{r.version_url}{place.url}", "language": edition.language,
            "note": f"原文：{original(edition)}"}
    if who.author:
        item["author"] = [{"literal": who.author}]
    return item


def chinese_style(edition, place: Place) -> str:
    r, who = release(), attribution(edition)
    author = f"{who.author}（原著），" if who.author else ""
    where = "" if place.path == edition.title else place.path      # the whole text: its title once
    return (f"{author}{EDITORS}（編），《{edition.title}》{where}，{EDITION_TITLE}，版本 {r.version}（{r.date}），"
            f"{r.version_url}{place.url}。原文：{original(edition)}。")


def english_style(edition, place: Place) -> str:
    r, who = release(), attribution(edition)
    author = f"{who.author_en or who.author}, " if who.author else ""
    where = f"{place.path_en}, " if place.path_en else ""          # the whole text: none
    return (f"{author}{edition.title_en}, {where}ed. {EDITORS_EN}, in {EDITION_TITLE_EN}, "
            f"version {r.version} ({r.date}), {r.version_url}{place.url}. Original: {original_en(edition)}.")


def citation(edition, place: Place) -> dict:
    """Everything the 引用 dialog shows for one place."""
    r = release()
    return {"path": place.path, "kind": place.kind, "url": f"{r.version_url}{place.url}",
            "latest": f"{r.latest_url}{place.url}", "version": r.version, "date": r.date,
            "zh": chinese_style(edition, place), "en": english_style(edition, place),
            "bibtex": bibtex(edition, place), "csl": csl_json(edition, place)}


def cite_file(edition, places: list[Place]) -> str:
    """One page's `<page>.cite.json`: {anchor: citation}."""
    return json.dumps({place.anchor: citation(edition, place) for place in places},
                      ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"   # compact: C encoder
