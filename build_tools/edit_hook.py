"""MkDocs hook: "Edit this page" opens the file a contributor should edit, never generated Markdown.

A text's pages are generated from seeds/ and its data files: their edit link opens the text's
annotation file; its cleaning report opens the edition file; the glossary, bibliography,
annotation index and changelog open their sources. Hand-written pages keep the default.
"""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)     # libyaml: the edition files are long


def sources() -> dict[str, str]:
    """Docs path of each generated page -> repository path of the file to edit for it."""
    edited = {"glossary.md": "glossary/terms.yml", "bibliography.md": "bib/references.bib",
              "bibliography/": "bib/references.bib",
              "annotations.md": "annotations/", "changelog.md": "CHANGELOG.zh-TW.md",
              "texts/index.md": "editions/", "terms/": "glossary/terms.yml"}
    for path in sorted((ROOT / "editions").glob("*.yml")):
        slug = yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)["slug"]
        edited[f"texts/{slug}/"] = f"annotations/{slug}.yml"
        edited[f"texts/{slug}/report.md"] = f"editions/{path.name}"
    edited["license.md"] = "LICENSE"
    return edited


def source_of(src_uri: str, edited: dict[str, str]) -> str | None:
    if src_uri in edited:
        return edited[src_uri]
    folder = src_uri.rsplit("/", 1)[0] + "/"
    return edited.get(folder)


def on_files(files, config, **kwargs):
    edited = sources()
    for file in files:
        target = source_of(file.src_uri, edited)
        if target is not None:
            # edit_uri points into docs/ (edit/main/docs/); leave it for the repository root
            file.edit_uri = "../" + target
    return files
