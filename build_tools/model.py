"""The small data model shared by every stage of the pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field

PLACEHOLDER = "\ue002"   # text of a line standing for a table or figure: PLACEHOLDER + its id


@dataclass(frozen=True)
class Line:
    """One line of a raw text, NFC-normalised, numbered as in the file (from 1)."""

    no: int
    text: str
    page_start: bool = False  # first line of a new page or column (its leading space is not an indent)


@dataclass(frozen=True)
class Removal:
    """A line (or part of one) the cleaner took out of the text, for the cleaning report."""

    no: int
    text: str
    reason: str


@dataclass(frozen=True)
class Correction:
    """An editorial correction applied to a raw line (declared in the edition file)."""

    no: int
    expected: str
    replacement: str
    reason: str


@dataclass(frozen=True)
class Heading:
    """A heading recognised from the text's own numbering (e.g. 第貳章 > 第一節 > 三、)."""

    level: int            # 1 = outermost level of the text's outline
    number: int           # its number at its level (第貳章 -> 2); 0 for unnumbered headings (摘要)
    label: str            # the enumerator as printed: 第貳章, 一、, （三）
    title: str            # the words after the enumerator
    anchor: str           # stable id from the numbering path: sec-2-1-3
    lines: tuple[int, ...]
    page: str = ""        # output page key when the text is split into pages


@dataclass(frozen=True)
class Note:
    """A footnote or endnote body, numbered as printed."""

    number: str           # "12", or "*" for an unnumbered note
    text: str
    lines: tuple[int, ...]
    scope: str = ""       # numbering scope: the chapter anchor where numbering restarts
    marks: tuple = ()     # editorial corrections in its text: (start, end, source reading) (corrections.mark)


@dataclass(frozen=True)
class Item:
    """A list item below the headings (003: （一） > １、 > （１）), with its printed enumerator."""

    anchor: str               # the section's id + the numbering path: 壹、三、（一）２、（７） -> sec-1-3-1-2-7
    path: tuple[int, ...]     # its number at each list level: (1, 2, 7)
    label: str                # the enumerator as printed: （７）


@dataclass(frozen=True)
class Block:
    """A unit of running text after joining: a heading or a paragraph."""

    kind: str             # "heading" | "paragraph" | "table" | "figure"
    text: str
    lines: tuple[int, ...]
    anchor: str = ""
    heading: Heading | None = None
    section: str = ""     # anchor of the section this block belongs to
    page: str = ""        # output page key
    item: Item | None = None   # the list item this block belongs to (lists.nest)
    opens_item: bool = False   # the block is the item's first (it begins with the enumerator)
    marks: tuple = ()          # editorial corrections in its text: (start, end, source reading) (corrections.mark)


@dataclass
class CleanText:
    """Everything the pipeline knows about one text after cleaning."""

    edition: object                      # editions.Edition
    lines: list[Line]                    # the raw lines (NFC)
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    items: dict = field(default_factory=dict)      # tables and figures by id (tables.place)
    markers: list = field(default_factory=list)    # markers.Marker, in document order
    anomalies: list = field(default_factory=list)  # notecheck.Anomaly, explained or not
    term_uses: dict = field(default_factory=dict)  # paragraph anchor -> [glossary.Use] (set by the build)
    note_terms: dict = field(default_factory=dict)  # (scope, note number) -> [glossary id] (set by the build)
    note_citations: dict = field(default_factory=dict)  # (scope, note number) -> [CitationLink] (set by the build)
    citation_report: dict = field(default_factory=dict)  # counts and problems of its citations (set by the build)
    annotations: dict = field(default_factory=dict)  # (page key, anchor) -> [annotations.Placed] (set by the build)
    warnings: list[str] = field(default_factory=list)
    regions: dict = field(default_factory=dict)     # raw line -> "body" | "notes" | "furniture" (furniture.paginate)
    # the printed page each raw line stands on, from the page numbers found as furniture (furniture.printed_pages):
    # {raw line no: page number}; lines of pages whose number was not found are absent
    printed_pages: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class CitationLink:
    """A span of a note linked to its bibliography entry (set by the build for rendering)."""

    start: int
    end: int
    key: str
    label: str            # the entry in one line, for the link's tooltip
    locator: str = ""     # the page the citation cites (頁 47)
    address: str = "bibliography/"   # the page giving the entry with its citing notes (render_bib.entry_address)
