"""Publishing: every release stays retrievable under its own version.

`python -m build_tools publish` (`make publish`, the pages workflow) rebuilds each release tag
`vX.Y.Z` in a scratch worktree (`make build`) and assembles public/: each version's site under
`X.Y.Z/`, the current build under its version and under `latest/`, and a root page sending readers
to `latest/`. A citation names `<site_url>X.Y.Z/…#anchor`, which this layout keeps.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .cite import release
from .errors import ROOT, EditionError

ROOT_PAGE = ('<!doctype html>\n<html lang="zh-TW"><head><meta charset="utf-8"><title>臺灣外交關係文獻校注本</title>\n'
             '<link rel="canonical" href="latest/"><meta http-equiv="refresh" content="0; url=latest/">\n'
             '<script>location.replace("latest/" + location.hash);</script></head>\n'
             '<body><p><a href="latest/">最新版</a> · <a href="versions.json">所有版本</a></p></body></html>\n')


def assemble(public: Path, sites: dict[str, Path], latest: str) -> None:
    """public/: {version: built site} each under its version, `latest` also under latest/."""
    import json

    shutil.rmtree(public, ignore_errors=True)
    public.mkdir(parents=True)
    for version, site in sites.items():
        shutil.copytree(site, public / version)
    shutil.copytree(sites[latest], public / "latest")
    (public / "index.html").write_text(ROOT_PAGE, encoding="utf-8")
    versions = [{"version": v, "title": v, "aliases": ["latest"] if v == latest else []} for v in sorted(sites)]
    (public / "versions.json").write_text(json.dumps(versions, indent=1) + "\n", encoding="utf-8")


def release_tags() -> list[str]:
    listed = subprocess.run(["git", "tag", "--list", "v*"], cwd=ROOT, capture_output=True, text=True, check=True)
    return listed.stdout.split()


def build_tag(tag: str, scratch: Path) -> Path:
    """`make build` of a release tag in a scratch worktree; its site/."""
    tree = scratch / tag
    subprocess.run(["git", "worktree", "add", "--force", "--detach", str(tree), tag], cwd=ROOT, check=True,
                   capture_output=True)
    result = subprocess.run(["make", "-C", str(tree), "build"], capture_output=True, text=True)
    if result.returncode != 0:
        raise EditionError("Makefile", f"make build of {tag} failed — {result.stderr.strip()[-300:]}")
    return tree / "site"


def publish(public: Path = ROOT / "public") -> Path:
    current = release().version
    if not (ROOT / "site" / "anchors.json").exists():
        raise EditionError(ROOT / "site", "no built site — run `make build` first")
    try:
        with tempfile.TemporaryDirectory(prefix="edition-releases-") as scratch:
            sites = {tag[1:]: build_tag(tag, Path(scratch)) for tag in release_tags() if tag[1:] != current}
            sites[current] = ROOT / "site"
            assemble(public, sites, current)
    finally:
        subprocess.run(["git", "worktree", "prune"], cwd=ROOT, capture_output=True)   # the scratch trees are gone
    return public
