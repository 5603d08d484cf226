"""Markdown text helpers shared by the renderers."""
from __future__ import annotations

import re

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|])")


def escape(text: str) -> str:
    """Escape Markdown syntax in source text, so that it renders as printed.

    >>> escape("a*b [c] <d> & 1. e")
    'a\\\\*b \\\\[c\\\\] &lt;d&gt; &amp; 1. e'
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", text)
    return re.sub(r"^([-+])(\s)", r"\\\1\2", text)


# --- raw HTML for generated reference pages ------------------------------------------------------
# Lists of links (the indexes of terms, the bibliography) are written as HTML blocks: Python-Markdown
# passes them through instead of parsing every link, and MkDocs does not resolve them one by one, so
# their links are written as the site's addresses (directory URLs), relative to the page.


def html_text(text: str) -> str:
    """Source text as the text of an HTML block.

    >>> html_text("Keohane & Nye <1977>")
    'Keohane &amp; Nye &lt;1977&gt;'
    """
    import html

    return html.escape(text, quote=False)


def page_url(docs_path: str) -> str:
    """The site address of a docs page (MkDocs' directory URLs), relative to the site root.

    >>> page_url("texts/a/ch-1.md"), page_url("texts/a/index.md"), page_url("index.md"), page_url("glossary.md")
    ('texts/a/ch-1/', 'texts/a/', '', 'glossary/')
    """
    stem = docs_path[: -len(".md")]
    return stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"


def roots(md_path: str) -> tuple[str, str]:
    """The ways up to docs/ from a Markdown file and to the site root from the page it becomes.

    >>> roots("texts/a/ch-2.md"), roots("texts/a/index.md")
    (('../../', '../../../'), ('../../', '../../'))
    """
    md_root = "../" * md_path.count("/")
    return md_root, md_root if md_path.rsplit("/", 1)[-1] == "index.md" else md_root + "../"


def href(page: str, target: str) -> str:
    """The link from docs page `page` to docs page `target` (a fragment kept): up to the site root,
    then down to the target's address.

    >>> href("terms/a.md", "texts/a/index.md#sec-1-p3"), href("terms/a.md", "glossary.md#x"), href("glossary.md", "index.md")
    ('../../texts/a/#sec-1-p3', '../../glossary/#x', '../')
    """
    path, _, fragment = target.partition("#")
    return roots(page)[1] + page_url(path) + (f"#{fragment}" if fragment else "")
