"""MkDocs hook: Material's tooltips show a `title` attribute as text, not as HTML.

With `content.tooltips`, Material turns the `title` of a link (our glossary terms and
citations) and of a navigation or contents entry cut short by an ellipsis (it copies the
entry's visible text into `title`) into a tooltip by parsing that text as HTML
(`innerHTML = title`, and its `h()` helper appends strings as HTML). A definition, a
bibliography entry or a heading that reads `<img src=x onerror=…>` — as text, correctly
escaped in the page — would then run in the reader's browser on hover. The fix makes both
tooltip functions insert the title as a text node. It is applied to the copied bundle in the
built site after every build; if a Material upgrade changes the code, the build stops and says so.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

# mountInlineTooltip2, minified: `let n=e.title,i=Cn(n);` — the title string handed to h().
INLINE = re.compile(r"let (\w+)=(\w+)\.title,(\w+)=(\w+)\(\1\);")
# mountTooltip, minified: `n=j(".md-typeset",o);return n.innerHTML=t,`.
TYPESET = re.compile(r'(\w+)=(\w+)\("\.md-typeset",(\w+)\);return \1\.innerHTML=(\w+),')


def fix_tooltips(source: str) -> str:
    """The bundle's code with both tooltips taking their title as text."""
    for pattern, name in ((INLINE, "mountInlineTooltip2"), (TYPESET, "mountTooltip")):
        found = len(pattern.findall(source))
        if found != 1:
            raise PluginError(
                f"build_tools/tooltip_hook.py: Material's bundle no longer has the {name} code this hook "
                f"fixes (found {found} candidates) — check components/tooltip*/index.ts in the new Material "
                "version (does it still render a title as HTML?) and update the hook")
    source = INLINE.sub(lambda m: f"let {m[1]}={m[2]}.title,{m[3]}={m[4]}(document.createTextNode({m[1]}));",
                        source)
    return TYPESET.sub(lambda m: f'{m[1]}={m[2]}(".md-typeset",{m[3]});return {m[1]}.textContent={m[4]},', source)


def on_post_build(config, **kwargs) -> None:
    scripts = Path(config["site_dir"], "assets", "javascripts")
    for bundle in sorted(scripts.glob("bundle.*.min.js")):
        bundle.write_text(fix_tooltips(bundle.read_text(encoding="utf-8")), encoding="utf-8")
