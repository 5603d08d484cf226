"""MkDocs hook: each text page gets its own description and its citation metadata.

`python -m build_tools build` writes build/page_meta.json ({docs path: {description,
edition_head}}, see render_meta.py); this hook puts a page's entry into `page.meta`, where
Material takes the description and overrides/main.html the `edition_head` tags.
"""
from __future__ import annotations

import json
from pathlib import Path

PAGE_META = Path(__file__).resolve().parent.parent / "build" / "page_meta.json"
_loaded: dict = {}


def on_pre_build(config, **kwargs):
    _loaded.clear()
    _loaded.update(json.loads(PAGE_META.read_text(encoding="utf-8")) if PAGE_META.exists() else {})


def on_page_markdown(markdown, page, config, files, **kwargs):
    page.meta.update(_loaded.get(page.file.src_uri, {}))
    return markdown
