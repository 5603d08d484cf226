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
