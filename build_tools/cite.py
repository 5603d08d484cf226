"""Render: "cite this" boxes for every page and section, and the edition's version.

A box gives a formatted citation in Chinese and in English style and a BibTeX entry for the
section: the edition's stable URL of its anchor, the edition's version and release date, and
what is known of the original publication. Excluded from search (it would match every query
for the edition's own title).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .editions import ROOT
from .mdtext import escape

EDITION_TITLE = "臺灣外交關係文獻校注本"
EDITION_TITLE_EN = "Taiwan's Foreign Relations: A Critical Digital Edition of Five Texts"
EDITORS = "臺灣外交關係文獻校注本編輯團隊"
EDITORS_EN = "The editors of Taiwan's Foreign Relations"
KIND_ZH = {"journal article": "期刊論文", "master's thesis": "碩士論文", "thesis chapter": "學位論文章節",
           "government report": "政府施政報告"}
KIND_EN = {"journal article": "journal article", "master's thesis": "master's thesis",
           "thesis chapter": "thesis chapter", "government report": "government report"}


@dataclass(frozen=True)
class Release:
    version: str
    date: str        # ISO date of this version in CHANGELOG.md
    site_url: str    # the edition's stable address (mkdocs.yml site_url)


@lru_cache(maxsize=1)
def release() -> Release:
    """Version (VERSION), its date (CHANGELOG.md) and the site's URL (mkdocs.yml)."""
    version = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    found = re.search(rf"^## \[?{re.escape(version)}\]? — (\d{{4}}-\d{{2}}-\d{{2}})", changelog, re.M)
    date = found.group(1) if found else "unreleased"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = re.search(r"^site_url:\s*(\S+)", config, re.M).group(1).rstrip("/") + "/"
    return Release(version, date, site_url)


def original(edition) -> str:
    """What is known of the original publication, in one line."""
    p = edition.publication
    parts = [p.issuer, p.institution, p.degree or KIND_ZH[edition.kind],
             f"《{p.thesis_title}》" if p.thesis_title else None, p.chapter_title, p.year]
    known = "，".join(part for part in parts if part)
    return known + ("；作者、出處不詳（原件無題頁）" if not (p.issuer or p.institution or p.thesis_title) else "")


def bibtex_key(slug: str, anchor: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", f"{slug}-{anchor}".lower()).strip("-")


def bibtex(edition, anchor: str, section: str, url: str) -> str:
    r = release()
    title = f"{section}" if section else edition.title
    fields = [("title", title), ("booktitle", f"{edition.title}（{EDITION_TITLE}）"),
              ("editor", EDITORS), ("edition", f"version {r.version}"), ("year", r.date[:4]), ("date", r.date),
              ("url", url), ("note", f"原文：{original(edition)}；編者擬題：{'是' if edition.title_is_editorial else '否'}"),
              ("langid", "zh-Hant")]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@incollection{{{bibtex_key(edition.slug, anchor)},\n{body},\n}}"


def cite_box(edition, page_url: str, anchor: str, section: str = "") -> list[str]:
    """A collapsed "cite this" block for a page (`section` empty) or one of its sections."""
    r = release()
    url = f"{r.site_url}{page_url}#{anchor}"
    what = f"〈{escape(section)}〉，收於" if section else ""
    what_en = f"“{escape(section)},” in " if section else ""
    zh = (f"{EDITORS}（編），{what}《{escape(edition.title)}》，{EDITION_TITLE}，版本 {r.version}（{r.date}），"
          f"<{url}>。原文：{escape(original(edition))}。")
    en = (f"{EDITORS_EN}, eds., {what_en}*{escape(edition.title_en)}*, {KIND_EN[edition.kind]} edited in "
          f"*{EDITION_TITLE_EN}*, version {r.version} ({r.date}), <{url}>.")
    label = "引用本節" if section else "引用本頁"
    return [f"/// cite | {label}", '    attrs: {data-search-exclude: ""}', "",
            f"**中文**：{zh}", "", f"**English**: {en}", '{: lang="en" }', "", "```bibtex", bibtex(edition, anchor, section, url), "```",
            "///", ""]
