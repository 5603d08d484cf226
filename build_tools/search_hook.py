"""MkDocs hook: fix Material's Chinese query segmentation in the built search worker.

Material segments a Chinese query in the browser against the words of the search index
(`integrations/search/query/segment`), but its loop stops one character short
(`for (let j = i + 1; j < query.length; j++)`): the last character of a query never ends a
word, so a query that is itself an index word (全球治理, 六方會談) is cut to a prefix (全球,
六方) and ranks any page containing that prefix. The fix lets the loop reach the end of the
query (`j <= query.length`). It is applied to the copied worker in the built site, after
every build (also under `mkdocs serve`); if a Material upgrade changes the code, the build
stops and says so, rather than silently shipping the broken search.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

# The minified loop, e.g. `for(let o=s+1;o<t.length;o++)`: j from i+1 while j < query.length.
SEGMENT_LOOP = re.compile(r"for\(let (\w)=(\w)\+1;\1<(\w)\.length;\1\+\+\)")


def fix_segmenter(source: str) -> str:
    """The worker's code with the query segmenter reaching the last character."""
    matches = SEGMENT_LOOP.findall(source)
    if len(matches) != 1:
        raise PluginError(
            "build_tools/search_hook.py: Material's search worker no longer has the query "
            f"segmenter loop this hook fixes (found {len(matches)} candidates) — check "
            "integrations/search/query/segment in the new Material version and update the hook")
    return SEGMENT_LOOP.sub(lambda m: f"for(let {m[1]}={m[2]}+1;{m[1]}<={m[3]}.length;{m[1]}++)",
                            source)


def on_post_build(config, **kwargs) -> None:
    workers = Path(config["site_dir"], "assets", "javascripts", "workers")
    for worker in sorted(workers.glob("search.*.min.js")):
        worker.write_text(fix_segmenter(worker.read_text(encoding="utf-8")), encoding="utf-8")
