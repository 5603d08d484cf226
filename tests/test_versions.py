"""A cited version stays retrievable: a build of two versions, assembled as the pages workflow
publishes them (build_tools/publish.py), serves each version's citations under its own path."""
from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

from build_tools.cite import release
from build_tools.publish import assemble
from conftest import copy_project, run_cli, serving

ROOT = Path(__file__).resolve().parent.parent


def next_version(project: Path) -> str:
    """The project copy becomes the next patch release (VERSION and a dated CHANGELOG entry)."""
    major, minor, patch = release().version.split(".")
    version = f"{major}.{minor}.{int(patch) + 1}"
    (project / "VERSION").write_text(version + "\n", encoding="utf-8")
    changelog = project / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(re.sub(r"^## ", f"## [{version}] — 2026-12-02\n\nA test release.\n\n## ", text, count=1,
                                flags=re.M), encoding="utf-8")
    return version


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def test_a_version_named_in_a_citation_resolves_among_two_versions(site, tmp_path):
    project = copy_project(tmp_path / "next")
    newer = next_version(project)
    result = run_cli(project, "site")
    assert result.returncode == 0, result.stderr
    older = release().version
    public = tmp_path / "public"
    assemble(public, {older: site, newer: project / "site"}, newer)
    root = release().site_url
    with serving(public) as base:
        for version, built in ((older, site), (newer, project / "site")):
            cites = json.loads((built / "texts/taiwan-strait-alliances/index.cite.json").read_text(encoding="utf-8"))
            entry = cites["page-151"]
            assert entry["version"] == version and entry["url"].startswith(f"{root}{version}/")
            page, fragment = entry["url"][len(root):].split("#")
            served = fetch(base + page)
            assert f'id="{fragment}"' in served and f"版本 {version}" in served
        latest = json.loads((project / "site/texts/taiwan-strait-alliances/index.cite.json").read_text(
            encoding="utf-8"))["page-151"]["latest"]
        assert f"版本 {newer}" in fetch(base + latest[len(root):].split("#")[0])
        assert 'url=latest/' in fetch(base)
        assert [v["version"] for v in json.loads(fetch(base + "versions.json"))] == sorted([older, newer])
