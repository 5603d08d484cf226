"""No broken links: every internal link and fragment of the built site resolves (a, link,
script and img), and so does every address anchors.json publishes."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from build_tools.cite import release


class Page(HTMLParser):
    """The ids an HTML page defines and the links it makes."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("script", "img", "source", "iframe") and attrs.get("src"):
            self.links.append(attrs["src"])


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


ROOT = Path(__file__).resolve().parent.parent
# The 404 page links absolutely, under the path of site_url (/taiwan-foreign-relations/).
PREFIX = urlsplit(release().site_url).path


def target_file(site: Path, url_path: str) -> Path | None:
    if url_path.startswith(PREFIX):
        url_path = url_path[len(PREFIX):]
    candidate = site / url_path.lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.exists() else None


def test_every_internal_link_and_fragment_resolves(site):
    pages = {path: parse(path) for path in site.rglob("*.html")}
    assert len(pages) >= 25
    broken = []
    checked = 0
    for path, page in pages.items():
        base = "/" + str(path.relative_to(site)).replace("\\", "/")
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            resolved = urlsplit(href if href.startswith(PREFIX) else urljoin(base, href))
            target = path if not parts.path else target_file(site, unquote(resolved.path))
            if target is None:
                broken.append(f"{path.relative_to(site)}: {href} (no such file)")
                continue
            fragment = unquote(resolved.fragment)
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{path.relative_to(site)}: {href} (no id {fragment!r})")
            checked += 1
    assert checked > 5000
    assert broken == [], "\n".join(broken[:20])


def test_note_glossary_and_bibliography_links_are_among_those_checked(site):
    page = parse(site / "texts" / "china-multilateralism-six-party-talks" / "ch-2" / "index.html")
    assert "#fn:12" in page.links and "#fnref:12" in page.links
    assert any(re.search(r"glossary/#[a-z-]+$", link) for link in page.links)
    assert any(re.search(r"bibliography/[a-z]-[a-z]/#[a-z0-9]+$", link) for link in page.links)


def test_section_and_annotation_anchors_are_among_those_checked(site):
    page = parse(site / "texts" / "china-multilateralism-six-party-talks" / "ch-2" / "index.html")
    assert "#sec-2-1-3" in page.links and "sec-2-1-3" in page.ids
    index = parse(site / "annotations" / "index.html")
    assert any(re.search(r"#ann-[a-z0-9-]+$", link) for link in index.links)
    assert any(link.endswith(".js") for link in parse(site / "index.html").links)


def test_every_address_in_anchors_json_resolves(site):
    registry = json.loads((site / "anchors.json").read_text(encoding="utf-8"))
    addresses = [anchor["url"] for text in registry["texts"] for anchor in text["anchors"]]
    addresses += [entry["url"] for entry in registry["glossary"] + registry["bibliography"]]
    assert len(addresses) > 1500
    pages: dict[Path, set[str]] = {}
    broken = []
    for address in addresses:
        path, _, fragment = address.partition("#")
        target = target_file(site, "/" + path)
        if target is None:
            broken.append(f"{address} (no such page)")
            continue
        if target not in pages:
            pages[target] = parse(target).ids
        ids = pages[target]
        if fragment and unquote(fragment) not in ids:
            broken.append(f"{address} (no such id)")
    assert broken == [], broken[:20]
