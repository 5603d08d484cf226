"""Edition files: per-text metadata and the per-text knowledge the cleaner needs.

One YAML file per raw text, `editions/<raw file stem>.yml`, validated here.
Everything text-specific lives in these files (header strings, outline policy,
the few editorial decisions heuristics cannot make), never in code.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from .datafile import OneLine, Prose, load_yaml, validate
from .errors import ROOT, EditionError

SEEDS = ROOT / "seeds"
EDITIONS = ROOT / "editions"

Enumerator = Literal["chapter", "section", "capital", "number", "paren", "fullwidth", "paren-fullwidth"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Publication(Strict):
    """What is known of the original publication (all optional: the sources lack title pages)."""

    institution: OneLine | None = None
    institution_en: OneLine | None = None
    degree: OneLine | None = None
    thesis_title: OneLine | None = None
    chapter_title: OneLine | None = None
    issuer: OneLine | None = None         # the issuing body as the source prints it (中華民國外交部)
    issuer_en: OneLine | None = None      # its English name, for English citations
    year: OneLine | None = None
    evidence: OneLine | None = None        # a folded (>-) scalar is one line


class Furniture(Strict):
    running_headers: list[str] = []
    watermark: str | None = None
    endnotes_heading: str | None = None
    not_page_starts: list[int] = []
    note_block_ends: list[int] = []        # raw lines that resume the body after a note block the layout does not close
    note_block_starts: list[int] = []      # raw lines that open a note block (its first note) where no rule finds it


class NamedHeading(Strict):
    """A heading without an enumerator (摘要), matched on its whole text."""

    text: OneLine
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    level: int = 1

    @field_validator("id")
    @classmethod
    def _not_a_generated_kind(cls, value: str) -> str:
        if value.startswith(("ann-", "tab-", "fig-", "fn")):
            raise ValueError("ann-, tab-, fig- and fn… ids belong to annotations, tables, figures and notes")
        return value


class Outline(Strict):
    levels: list[Enumerator]               # enumerators of the headings, outermost first
    list_levels: list[Enumerator] = []     # below the headings: enumerators of nested list items (003)
    named: list[NamedHeading] = []
    anchor_prefix: list[int] = []          # numbers of enclosing units outside the excerpt (004: chapter 6)
    root_id: str = Field("front", pattern=r"^[a-z][a-z0-9-]*$")   # section id of text before the first heading
    split_level: int | None = None         # one page per heading of this level (001: chapters)
    title_line: int | None = None          # a raw line that is the document's own title (003)
    max_title_chars: int = 30
    no_headings_in: list[tuple[int, int]] = []   # raw line ranges (tables) where no heading is sought
    not_headings: list[int] = []           # raw lines that look like headings but are not
    wrapped_headings: list[int] = []       # raw lines that continue the heading on the line before

    @field_validator("list_levels")
    @classmethod
    def _lists_below_headings(cls, list_levels, info):
        shared = set(list_levels) & set(info.data.get("levels", []))
        if shared:
            raise ValueError(f"{sorted(shared)} cannot be both a heading level and a list level")
        return list_levels


class Paragraphs(Strict):
    signal: Literal["indent", "trailing-space"] | None = None   # only to overrule paragraphs.layout_of
    breaks_before: list[int] = []          # raw lines that start a paragraph the layout does not mark
    joins_before: list[int] = []           # raw lines that continue a paragraph despite the layout


class NoteDecision(Strict):
    """An editorial decision that explains a note anomaly the build would otherwise reject."""

    numbers: str = Field(pattern=r"^\d+(-\d+)?(\s*,\s*\d+(-\d+)?)*$")   # "37-38, 48-57"
    scope: str = Field("index", pattern=r"^[a-z0-9-]+$")   # numbering scope: the page ("ch-2" in 001), else index
    kind: Literal["lost", "truncated", "unreferenced"]
    reason: Prose

    def number_list(self) -> list[int]:
        """>>> NoteDecision(numbers="37-38, 48", kind="lost", reason="r").number_list()
        [37, 38, 48]
        """
        out: list[int] = []
        for part in self.numbers.split(","):
            first, _, last = part.strip().partition("-")
            out += range(int(first), int(last or first) + 1)
        return out


def line_ranges(value):
    """`[658, 924]` is one range of raw lines; `[[658, 722], [808, 924]]` several (a table whose lines
    interleave with another's in the extraction).

    >>> line_ranges([658, 924]), line_ranges([[658, 722], [808, 924]])
    ([[658, 924]], [[658, 722], [808, 924]])
    """
    return [value] if isinstance(value, (list, tuple)) and value and isinstance(value[0], int) else value


LineRanges = Annotated[list[tuple[int, int]], BeforeValidator(line_ranges)]


def span(ranges) -> str:
    """Raw line ranges for a message: 「658–722, 808–924」."""
    return ", ".join(f"{first}–{last}" for first, last in ranges)


class HeaderCell(Strict):
    """A header cell spanning several columns (表二's 「自由國際秩序」 over 續存 / 消失)."""

    text: str
    colspan: int = Field(2, ge=1)


class TableSpec(Strict):
    """A table rebuilt by an editor where no general rule can: rows × cells, checked against the
    raw lines it replaces (their characters must be exactly the caption's, cells' and notes').
    The header is one row (`header`) or several (`header_rows`), whose cells may span columns."""

    id: str = Field(pattern=r"^tab-[a-z0-9]+(-[a-z0-9]+)*$")
    caption: str                            # as printed (表一：…); "" when the source prints none
    title: str | None = None                # an editor's caption for a table the source prints without one
    lines: LineRanges                       # first and last raw line the table replaces (or several ranges)
    header: list[str] = []
    header_rows: list[list[str | HeaderCell]] = []   # instead of `header`: rows of header cells, spans allowed
    rows: list[list[str | None]]            # None: covered by the cell above (a row span)
    notes: list[str] = []                   # printed under the table: 資料來源：…, 註：…
    furniture: list[tuple[int, int]] = []   # raw line ranges inside it that are repeated headers

    @model_validator(mode="after")
    def _rows_fit_the_header(self):
        if bool(self.header) == bool(self.header_rows):
            raise ValueError("give the header as `header` (one row) or as `header_rows` (several), not both")
        widths = [sum(1 if isinstance(cell, str) else cell.colspan for cell in row) for row in self.header_rows]
        width = len(self.header) if self.header else widths[0]
        for index, row_width in enumerate(widths, 1):
            if row_width != width:
                raise ValueError(f"header row {index} spans {row_width} columns, header row 1 {width}")
        for index, row in enumerate(self.rows, 1):
            if len(row) != width:
                raise ValueError(f"row {index} has {len(row)} cells, the header has {width}")
        return self

    def header_texts(self) -> list[str]:
        """Every header cell's text, row by row."""
        return list(self.header) + [cell if isinstance(cell, str) else cell.text
                                    for row in self.header_rows for cell in row]


class FigureSpec(Strict):
    """A figure lost in extraction: a placeholder with its caption and what the text says it showed.
    Where extraction kept its caption (and stray labels), `lines` gives them; where it kept nothing,
    `after` places the placeholder after the paragraph holding that raw line, and the caption is
    the editor's (the text's own name for the figure)."""

    id: str = Field(pattern=r"^fig-[a-z0-9]+(-[a-z0-9]+)*$")
    caption: str                            # as printed within `lines`; with `after`, the editor's
    lines: LineRanges = []                  # raw lines of the caption and the figure's stray labels
    after: int | None = None                # or: the raw line of the paragraph the figure followed
    description: Prose                      # editor's note: what the figure showed, per the text

    @model_validator(mode="after")
    def _placed_once(self):
        if bool(self.lines) == (self.after is not None):
            raise ValueError("give either `lines` (what extraction kept of the figure) or `after` (none kept)")
        return self


class CorrectionSpec(Strict):
    line: int
    expected: OneLine = Field(min_length=1)
    replacement: OneLine
    reason: OneLine                         # a row of the cleaning report's table


class AliasSpec(Strict):
    """A published anchor that moved: its old address keeps working. Addresses are relative to the
    text (texts/<slug>/): `ch-7/` a page, `#sec-2-1-p3` an anchor of the first page, `ch-2/#fn:3`
    an anchor of another page. A page alias gets a redirect page; an anchor alias a small script
    on the page that sends the old fragment to the new one."""

    old: str = Field(pattern=r"^(?:[a-z0-9-]+/)?(?:#[A-Za-z0-9:_-]+)?$")
    new: str = Field(pattern=r"^(?:[a-z0-9-]+/)?(?:#[A-Za-z0-9:_-]+)?$")
    reason: Prose

    @property
    def is_page(self) -> bool:
        return "#" not in self.old


class Edition(Strict):
    source: str
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    order: int
    title: OneLine = Field(min_length=1)
    title_is_editorial: bool
    title_en: OneLine = Field(min_length=1)
    kind: Literal["journal article", "master's thesis", "thesis chapter", "government report"]
    language: str = Field("zh-Hant-TW", pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    description: Prose = Field(min_length=1)
    publication: Publication = Publication()
    furniture: Furniture = Furniture()
    outline: Outline
    paragraphs: Paragraphs = Paragraphs()
    notes: list[NoteDecision] = []
    tables: list[TableSpec] = []
    figures: list[FigureSpec] = []
    corrections: list[CorrectionSpec] = []
    aliases: list[AliasSpec] = []

    @field_validator("source")
    @classmethod
    def _source_is_a_file_name(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.txt", value):
            raise ValueError("must be the raw file's name in seeds/ (ASCII letters, digits, . _ -), "
                             "e.g. 000_19b1ec96d07d16c6.txt")
        return value

    @property
    def stem(self) -> str:
        return self.source[: -len(".txt")]


def edition_path(raw: Path) -> Path:
    return EDITIONS / f"{raw.stem}.yml"


PLACEHOLDER = "TODO:"       # how `scaffold` marks what an editor must fill in


def placeholders(data, loc: tuple = ()):
    """(location, hint) of every value still starting with the template's TODO: marker."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from placeholders(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholders(value, loc + (index,))
    elif isinstance(data, str) and data.startswith(PLACEHOLDER):
        yield loc, data[len(PLACEHOLDER):].strip()


def load_edition(path: Path) -> Edition:
    data, positions = load_yaml(path)
    if data is None:
        raise EditionError(path, f"empty edition file — remove it and run `python -m build_tools scaffold "
                                 f"{path.stem}.txt` for a template", 1)
    for loc, hint in placeholders(data):
        field = ".".join(str(part) for part in loc)
        raise EditionError(path, f"`{field}` is still the template's placeholder — fill it in: {hint}",
                           *positions[loc])
    edition = validate(path, Edition, data, positions)
    if edition.source != f"{path.stem}.txt":
        raise EditionError(path, f"source '{edition.source}' does not match the file name — "
                                 f"name the file after its raw text: editions/{Path(edition.source).stem}.yml",
                           *positions[("source",)])
    return edition


def position_in(path: Path, *loc) -> tuple[int | None, int | None]:
    """Line and column of a value of a data file (read again only when an error needs it)."""
    try:
        positions = load_yaml(path)[1]
    except EditionError:
        return None, None
    for end in range(len(loc), 0, -1):
        if loc[:end] in positions:
            return positions[loc[:end]]
    return None, None


def discover(seeds: Path = SEEDS, editions: Path = EDITIONS) -> list[tuple[Path, Edition]]:
    """Every raw text with its edition, in edition order; a raw text without one is an error."""
    pairs = []
    for raw in sorted(seeds.glob("*.txt")):
        path = editions / f"{raw.stem}.yml"
        if not path.exists():
            raise EditionError(raw, f"a raw text without an edition file — run `python -m build_tools scaffold "
                                    f"{raw.name}` to write editions/{path.name}, then fill it in", 1)
        pairs.append((raw, load_edition(path)))
    for path in sorted(editions.glob("*.yml")):
        if not (seeds / f"{path.stem}.txt").exists():
            raise EditionError(path, f"an edition file without a raw text — add seeds/{path.stem}.txt or remove this file", 1)
    slugs: dict[str, Path] = {}
    for raw, edition in pairs:
        path = editions / f"{raw.stem}.yml"
        if edition.slug in slugs:
            raise EditionError(path, f"slug '{edition.slug}' is already used by editions/{slugs[edition.slug].name} "
                                     "— choose another", *position_in(path, "slug"))
        slugs[edition.slug] = path
    return sorted(pairs, key=lambda pair: (pair[1].order, pair[0].name))
