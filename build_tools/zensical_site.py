"""Render the generated docs with Zensical, Material for MkDocs' successor, into site-zensical/.

Zensical reads mkdocs.yml, but not all of it: it ignores `hooks:` and the search plugin's
options, and its default look is its new "modern" variant. So the build derives a Zensical config from
mkdocs.yml (`zensical_config`), written to zensical.yml at the root (Zensical resolves
`docs_dir` and `site_dir` inside the config file's folder) and git-ignored:

- `site_dir: site-zensical`, the classic (Material) look, web fonts still off;
- the hooks dropped, each replaced or made unnecessary: the edit links of edit_hook.py become a
  table of page → data file in `extra.edit_urls`, read by a copy of Zensical's own
  `partials/actions.html` in build/zensical-overrides/ (overrides/ + that partial);
- the whole-text page filled with its chapters' HTML by whole_text_hook.py's function after the
  build, as the hook does for MkDocs;
- the search plugin without options: it only makes the theme include partials/search.html, our
  search dialog; the search itself is Pagefind's, indexed after the build by
  build_tools/search_index.py exactly as for MkDocs (Zensical's own search.json is removed).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import yaml

from .editions import ROOT
from .errors import EditionError
from .mdtext import page_url
from .search_index import index_site
from .whole_text_hook import WholeTextError, fill_whole_texts

MKDOCS_YML = ROOT / "mkdocs.yml"
CONFIG = ROOT / "zensical.yml"
SITE = ROOT / "site-zensical"
OVERRIDES = ROOT / "build" / "zensical-overrides"
HEADER = "# generated from mkdocs.yml by `python -m build_tools zensical`; edit mkdocs.yml instead\n"
# Zensical's theme partial with the page's edit link; our copy looks the page up in extra.edit_urls.
ACTIONS = Path("partials") / "actions.html"
EDIT_LOOKUP = ("{% set edit_url = config.extra.edit_urls[page.url] if page.url in config.extra.edit_urls "
               "else page.edit_url %}\n")


def edit_urls(config: dict, docs: Path) -> dict[str, str]:
    """Page URL -> edit link to the data file behind the page, as edit_hook.py sets it for MkDocs."""
    from .edit_hook import source_of, sources

    base = urljoin(config["repo_url"].rstrip("/") + "/", config["edit_uri"])
    edited = sources()
    urls = {}
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        target = source_of(src_uri, edited)
        if target is not None:
            urls[page_url(src_uri)] = urljoin(base, "../" + target)
    return urls


def zensical_config(mkdocs: dict, docs: Path) -> dict:
    """mkdocs.yml's settings, adapted to what Zensical reads (see the module docstring)."""
    config = dict(mkdocs, site_dir=SITE.name)
    theme = dict(config["theme"], custom_dir=OVERRIDES.relative_to(ROOT).as_posix(), variant="classic")
    if theme.get("font", True) is not False:
        raise EditionError(MKDOCS_YML, "theme.font must stay false: Zensical would load web fonts from a CDN")
    config["theme"] = theme
    config.pop("hooks", None)
    config["plugins"] = ["search"]
    config["extra"] = dict(config.get("extra", {}), edit_urls=edit_urls(config, docs))
    return config


def write_overrides(custom_dir: Path, theme_dir: Path) -> None:
    """build/zensical-overrides: our custom_dir (overrides/) plus Zensical's actions partial with our
    edit links."""
    actions = (theme_dir / ACTIONS).read_text(encoding="utf-8")
    if actions.count("page.edit_url") < 2:
        raise EditionError(theme_dir / ACTIONS, "Zensical's edit-link partial changed — update "
                                                "build_tools/zensical_site.py (write_overrides)")
    shutil.rmtree(OVERRIDES, ignore_errors=True)
    shutil.copytree(custom_dir, OVERRIDES)
    (OVERRIDES / ACTIONS).write_text(EDIT_LOOKUP + actions.replace("page.edit_url", "edit_url"),
                                     encoding="utf-8")


def zensical_theme_dir() -> Path:
    from zensical.config import get_builtin_theme_dir

    return Path(get_builtin_theme_dir())


class EnvLoader(yaml.SafeLoader):
    """mkdocs.yml's `!ENV [VARIABLE, default]` resolved as MkDocs resolves it (site_url, repo_url)."""


EnvLoader.add_constructor("!ENV", lambda loader, node: next(
    (os.environ[name] for name in loader.construct_sequence(node)[:-1] if os.environ.get(name)),
    loader.construct_sequence(node)[-1]))


def write_config() -> None:
    mkdocs = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=EnvLoader)
    write_overrides(ROOT / mkdocs["theme"]["custom_dir"], zensical_theme_dir())
    config = zensical_config(mkdocs, ROOT / mkdocs.get("docs_dir", "docs"))
    CONFIG.write_text(HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def build_zensical() -> None:
    """Zensical build --strict of the generated docs into site-zensical/ (from scratch)."""
    write_config()
    shutil.rmtree(SITE, ignore_errors=True)
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "--clean",
                             "--config-file", CONFIG.name], cwd=ROOT)
    if result.returncode != 0:
        raise EditionError(CONFIG.name, "zensical build --strict failed (see above)")
    try:
        fill_whole_texts(SITE)
    except WholeTextError as error:
        raise EditionError(CONFIG.name, str(error)) from None
    index_site(SITE)
