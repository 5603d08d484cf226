"""Stage: editors' annotations, one file per text (annotations/<slug>.yml), keyed by stable anchors.

Each annotation targets a section, paragraph or note of its text by anchor id (in the thesis,
whose note numbers restart per chapter, a note is `ch-2#fn:5`). Validation reports every
problem as `file:line:column: message — fix`: schema errors, duplicate ids, unknown or
ambiguous targets, unknown bibliography keys or glossary ids, and whatever in the Markdown body
could run code in a reader's browser (raw HTML, script links, attribute lists…: see safety.py).
"""
from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pydantic

from .datafile import OneLine, Prose, did_you_mean, load_yaml, validate
from .editions import ROOT
from .errors import EditionError, EditionErrors
from .safety import unsafe_html, unsafe_spots

ANNOTATIONS = ROOT / "annotations"
KINDS = {"context": "背景", "correction": "勘誤", "translation": "譯註", "cross-reference": "互見"}
TARGET_KINDS = ("section", "paragraph", "note")


class Annotation(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")

    id: str = pydantic.Field(pattern=r"^ann-[a-z0-9]+(?:-[a-z0-9]+)*$")
    target: OneLine = pydantic.Field(min_length=1)
    kind: Literal["context", "correction", "translation", "cross-reference"]
    author: OneLine = pydantic.Field(min_length=1)
    date: datetime.date
    body: Prose = pydantic.Field(min_length=1)
    bib: list[str] = []
    terms: list[str] = []


@dataclass
class Placed:
    """An annotation resolved to where it renders."""

    annotation: Annotation
    slug: str
    page: str            # page key: "index", "ch-2"
    anchor: str          # the target's id on that page
    kind: str            # section | paragraph | note
    source: str          # file:line of the annotation, for messages


# --- where contributed Markdown may not go: build_tools/safety.py --------------------------------

UNSAFE_RENDERING = ("the body renders to HTML an annotation may not hold ({found}) — write plain Markdown: "
                    "text, emphasis, lists, quotes, links to https:// addresses or to pages of the edition")


def body_position(lines: list[str], start: tuple[int, int], offset: int, body: str) -> tuple[int, int]:
    """File line and column of `offset` inside a body value that starts at `start` (1-based)."""
    line, column = start
    head = lines[line - 1][column - 1:] if line - 1 < len(lines) else ""
    before = body[:offset]
    row, col = before.count("\n"), offset - (before.rfind("\n") + 1)
    if head.startswith(("|", ">")):                       # block scalar: content starts below
        first = line + 1
        indent = len(lines[first - 1]) - len(lines[first - 1].lstrip(" ")) if first - 1 < len(lines) else 0
        return first + row, indent + col + 1
    quote = 1 if head[:1] in "\"'" else 0
    return line + row, (column + quote + col) if row == 0 else col + 1


# --- targets ----------------------------------------------------------------------------------

def target_table(anchors: list[dict]) -> tuple[dict, dict]:
    """From a text's anchors.json entries: {'ch-2#fn:5': (page, id, kind)}, {'fn:5': [qualified…]}."""
    qualified, bare = {}, {}
    for anchor in anchors:
        if anchor["kind"] not in TARGET_KINDS:
            continue
        page = anchor["url"].split("#")[0].rstrip("/").split("/")
        page = page[2] if len(page) > 2 else "index"
        full = f"{page}#{anchor['id']}"
        qualified[full] = (page, anchor["id"], anchor["kind"])
        bare.setdefault(anchor["id"], []).append(full)
    return qualified, bare


def resolve_target(target: str, qualified: dict, bare: dict) -> tuple[tuple | None, str]:
    """((page, id, kind), "") or (None, what is wrong and how to fix it)."""
    if target in qualified:
        return qualified[target], ""
    if target in bare:
        if len(bare[target]) == 1:
            return qualified[bare[target][0]], ""
        return None, (f"ambiguous target '{target}': it is on {len(bare[target])} pages — write one of "
                      + ", ".join(sorted(bare[target])[:4]))
    close = difflib.get_close_matches(target, list(bare) + list(qualified), n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    return None, f"unknown target '{target}'{hint} — use an anchor of this text listed in anchors.json"


# --- loading and checking ------------------------------------------------------------------------

def annotation_files(folder: Path = ANNOTATIONS) -> list[Path]:
    return sorted(folder.glob("*.yml")) if folder.exists() else []


def check_annotations(anchors_by_slug: dict[str, list[dict]], bib_keys: set[str], term_ids: set[str],
                      folder: Path = ANNOTATIONS, only: Path | None = None) -> list[Placed]:
    """Every annotation (of `folder`, or of the one file `only`), validated and placed; all
    problems raised together."""
    problems: list[EditionError] = []
    placed: list[Placed] = []
    seen: dict[str, str] = {}
    for path in [only] if only is not None else annotation_files(folder):
        slug = path.stem
        try:
            data, positions = load_yaml(path)
        except EditionError as error:
            problems.append(error)
            continue
        if slug not in anchors_by_slug:
            problems.append(EditionError(path, f"no text has the slug '{slug}' — name the file after a text's slug "
                                               f"({', '.join(sorted(anchors_by_slug))})", 1, 1))
            continue
        if not isinstance(data, list):
            problems.append(EditionError(path, "an annotation file is a YAML list of annotations — start each with '- id:'",
                                         1, 1))
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        qualified, bare = target_table(anchors_by_slug[slug])
        for index, item in enumerate(data):
            item_positions = {loc[1:]: pos for loc, pos in positions.items() if loc[:1] == (index,)}
            try:
                annotation = validate(path, Annotation, item, item_positions)
            except EditionError as error:
                problems.append(error)
                continue

            def at(field: str, sub: int | None = None) -> tuple[int | None, int | None]:
                return positions.get((index, field) if sub is None else (index, field, sub), (None, None))

            line = at("id")[0]
            if annotation.id in seen:
                problems.append(EditionError(path, f"duplicate annotation id '{annotation.id}' (also {seen[annotation.id]}) "
                                                   "— give this one a new id", *at("id")))
            seen.setdefault(annotation.id, f"{path.name}:{line}")
            where, message = resolve_target(annotation.target, qualified, bare)
            if where is None:
                problems.append(EditionError(path, message, *at("target")))
            for i, key in enumerate(annotation.bib):
                if key not in bib_keys:
                    problems.append(EditionError(path, f"unknown bibliography key '{key}'{did_you_mean(key, bib_keys)} — "
                                                       "use a key of bib/references.bib",
                                                 *at("bib", i)))
            for i, term in enumerate(annotation.terms):
                if term not in term_ids:
                    problems.append(EditionError(path, f"unknown glossary id '{term}'{did_you_mean(term, term_ids)} — "
                                                       "use an id of glossary/terms.yml",
                                                 *at("terms", i)))
            spots = unsafe_spots(annotation.body)
            for offset, message in spots:
                problems.append(EditionError(path, message, *body_position(lines, at("body"), offset, annotation.body)))
            rendered = [] if spots else unsafe_html(annotation.body)
            if rendered:
                problems.append(EditionError(path, UNSAFE_RENDERING.format(found=", ".join(rendered[:3])), *at("body")))
            if where is not None:
                placed.append(Placed(annotation, slug, where[0], where[1], where[2], f"{path.name}:{line}"))
    if problems:
        raise EditionErrors(problems)
    return placed
