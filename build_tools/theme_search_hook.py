"""MkDocs hook: Material's search plugin puts the header's search button and our dialog
(overrides/partials/search.html) into every page, but its index is not used — the site's search is
Pagefind's (search_index.py), which removes `search/search_index.json` after the build. This hook
keeps the plugin for the header and drops its indexing: it would parse every built page again
(about a sixth of MkDocs' time) and, with jieba installed, segment all of its Chinese (more than
doubling the build).

The plugin's `on_page_context` also strips `data-search-*="…"` attributes from the pages; the
edition writes `data-search-exclude` without a value, which it leaves alone, so nothing changes in
the pages.
"""
from __future__ import annotations

import sys


def spare_jieba() -> None:
    """Call before MkDocs loads the configuration: Material's search plugin imports jieba when it is
    installed (the bench's environment has it, for the raw-paste baseline) although this edition
    never segments with it; a missing module costs nothing to import."""
    sys.modules.setdefault("jieba", None)


# The plugin's events that index: what it does on each page, and the writing of its index.
INDEXING_EVENTS = ("page_context", "post_build")


def on_config(config, **kwargs):
    """Runs after the plugins' own on_config (hooks come after plugins): unregister the search
    plugin's indexing events, so that it only configures the theme."""
    plugin = config.plugins.get("material/search")
    if plugin is None:
        return config
    for event in INDEXING_EVENTS:
        config.plugins.events[event] = [method for method in config.plugins.events[event]
                                        if getattr(method, "__self__", None) is not plugin]
    return config
