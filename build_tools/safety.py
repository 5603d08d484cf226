"""Contributed Markdown must not run code in a reader's browser.

Annotation bodies are the only contributed text rendered as Markdown (every other
contributed field is plain text, escaped on output). Two nets:

1. `unsafe_spots` finds, with their offsets (so messages can name line and column), the
   constructs that let Markdown produce HTML of its own choosing: raw HTML and autolinks,
   character references (`&#106;avascript:`), script URLs, attribute lists (`{: onclick=… }`,
   which `attr_list` would honour, also on fenced code), block syntax (`///`, whose `attrs:`
   sets attributes) and snippet includes (`--8<--`).
2. `unsafe_html` renders the body with the site's own Markdown extensions (mkdocs.yml) and
   checks the result against an allow-list of elements, attributes and URL schemes, for
   whatever trick the first net does not know.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

from .editions import ROOT

SPOTS = [
    (re.compile(r"<(?!https?://[^\s<>]*>)/?[A-Za-z!?][^>]*>", re.I),   # an https autolink is fine
     "raw HTML ({text}) is not allowed in an annotation — write Markdown instead"),
    (re.compile(r"(?<![A-Za-z0-9])(?:javascript|vbscript|data)\s*:", re.I),
     "javascript:/data: links are not allowed — link to a page of the edition or an https:// URL"),
    (re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"),
     "HTML character references ({text}) are not allowed — type the character itself"),
    (re.compile(r"\{[^{}\n]*[#.=:][^{}\n]*\}"),
     "attribute lists ({text}) are not allowed in an annotation — remove the braces"),
    (re.compile(r"^[ \t]*/{3,}", re.M),
     "block syntax (///) is not allowed in an annotation — write plain Markdown"),
    (re.compile(r"-+8<-+"),
     "snippet includes (--8<--) are not allowed in an annotation — quote the text instead"),
]


def unsafe_spots(body: str) -> list[tuple[int, str]]:
    """(offset, message) of each construct of a Markdown body that could produce unsafe HTML."""
    return sorted((match.start(), message.format(text=match.group()[:20]))
                  for pattern, message in SPOTS for match in pattern.finditer(body))


# --- the rendered HTML ---------------------------------------------------------------------------

ELEMENTS = {"a", "abbr", "blockquote", "br", "code", "del", "details", "div", "dd", "dl", "dt", "em", "h1", "h2",
            "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "span", "strong", "sub", "summary", "sup",
            "table", "tbody", "td", "th", "thead", "tr", "ul"}
ATTRIBUTES = {"href", "title", "class", "id", "open", "colspan", "rowspan", "style"}
SAFE_STYLE = re.compile(r"^text-align: (?:left|right|center);?$")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
SAFE_SCHEMES = {"http", "https", "mailto"}


def url_scheme(url: str) -> str:
    """The scheme a browser would see in `url` (it drops leading controls and spaces, and tabs
    and line breaks anywhere); "" for a relative URL."""
    url = re.sub(r"[\t\n\r]", "", url).lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                             "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    found = SCHEME.match(url)
    return found.group(1).lower() if found else ""


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ELEMENTS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name not in ATTRIBUTES or (name == "style" and not SAFE_STYLE.match(value)):
                self.problems.append(f"<{tag} {name}=…>")
            elif name == "href" and url_scheme(value) not in SAFE_SCHEMES | {""}:
                self.problems.append(f"a {url_scheme(value)}: link")

    handle_startendtag = handle_starttag


@lru_cache(maxsize=1)
def _markdown():
    """Python-Markdown with the extensions of mkdocs.yml (snippets left out: nothing is included)."""
    import markdown
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)   # mkdocs.yml's !tags, if any
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, options = [], {}
    for item in config.get("markdown_extensions", []):
        name, settings = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        if name != "pymdownx.snippets":
            names.append(name)
            options[name] = settings or {}
    return markdown.Markdown(extensions=names, extension_configs=options)


def unsafe_html(body: str) -> list[str]:
    """What the body's rendered HTML holds outside the allow-list (empty: safe).

    >>> unsafe_html("![a map](https://example.org/map.png)")
    ['<img>', '<img alt=…>', '<img src=…>']
    """
    md = _markdown()
    html = md.reset().convert(body)
    audit = _Audit()
    audit.feed(html)
    audit.close()
    return list(dict.fromkeys(audit.problems))
