"""The layout bench's scorer: run the real pipeline on every fixture × extractor, compare with gold.

    .venv/bin/python -m build_tools.layoutbench      (prints the table; `make layouts` regenerates first)

A fixture is a folder of tests/layouts/fixtures/: one raw text per extractor (`pdftotext.txt`, …),
`gold.json` (what the typeset text holds) and `edition.yml` (only what `scaffold` asks for plus
`outline.levels`). The fixtures are not texts of the edition: they are cleaned here with their
edition object, never discovered by the build.

Figures per fixture × extractor:
* order: raw lines found in the gold's reading order (below 95 % the extractor scrambled the layout);
* displaced: in a layout kept in order, body lines the extractor moved away from their printed
  line (a word of a widely justified line set after its paragraph: `displaced_lines`); the joins
  into and out of such a line, and a paragraph made of such lines only, are set aside and counted;
* headings: label, title and level right, over gold headings plus spurious ones;
* notes: right marker position (the text before it) and right body;
* joins: at every raw line end inside a paragraph, heading or note, the gold's text around it
  (with or without a space, a hyphen kept or dropped) is in the cleaned text;
* paragraphs: gold paragraph starts found, over gold paragraphs plus spurious starts;
* furniture left: running-header, watermark and page-number lines not removed;
* characters: share of the raw text's characters accounted for (accounting.discrepancy).
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .accounting import discrepancy
from .datafile import load_yaml, validate
from .editions import Edition
from .errors import ROOT, EditionError
from .markers import MARK_CLOSE, MARK_OPEN

FIXTURES = ROOT / "tests" / "layouts" / "fixtures"
EXTRACTORS = ("pdftotext", "pdftotext-raw", "pdfminer", "pymupdf", "pdfbox")
SCRAMBLED_BELOW = 95.0
MARKER = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")


def fixture_edition(folder: Path, extractor: str) -> Edition:
    """The fixture's edition file, read as the edition of `<extractor>.txt`."""
    path = folder / "edition.yml"
    data, positions = load_yaml(path)
    data["source"] = f"{extractor}.txt"
    return validate(path, Edition, data, positions)


def clean_fixture(folder: Path, extractor: str):
    """The pipeline's CleanText of one fixture's raw text."""
    from .pipeline import clean

    return clean(folder / f"{extractor}.txt", fixture_edition(folder, extractor))


def norm(text: str) -> str:
    """Whitespace as a reader sees it: runs are one space, none next to a non-ASCII character.

    >>> norm("第一章　緒論"), norm("twelve-\\n year  later"), norm("國號。 6月")
    ('第一章緒論', 'twelve- year later', '國號。6月')
    """
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) ", "", text)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def printed(text: str) -> str:
    """A cleaned text with its markers as the digits they were printed as."""
    return MARKER.sub(r"\1", text)


@dataclass
class Score:
    layout: str
    extractor: str
    order: float = 0.0
    headings: float = 0.0
    notes: float = 0.0
    joins: float = 0.0
    paragraphs: float = 0.0
    furniture_left: int = 0
    characters: float = 0.0
    error: str = ""
    displaced: int = 0          # lines the extractor moved away from their printed line
    joins_aside: int = 0        # join points into and out of them, not scored

    @property
    def scrambled(self) -> bool:
        return not self.error and self.order < SCRAMBLED_BELOW

    @property
    def passes(self) -> bool:
        return not self.error and min(self.headings, self.notes, self.joins) >= 98.0 \
            and self.furniture_left == 0 and self.characters == 100.0


def percent(hits: int, total: int) -> float:
    return round(100.0 * hits / total, 1) if total else 100.0


def cleaned_units(text, gold: dict) -> list[str]:
    prefix = gold["note_prefix"]
    units = [printed(block.text) for block in text.blocks if block.kind in ("heading", "paragraph")]
    return units + [f"{note.number}{prefix}{note.text}" for note in text.notes]


class Locator:
    """Finds raw lines in a gold text (whitespace ignored), preferring reading order."""

    def __init__(self, units: list[str]):
        self.text = "\n".join(units)
        self.index = [i for i, ch in enumerate(self.text) if not ch.isspace()]
        self.bare = "".join(self.text[i] for i in self.index)
        self.cursor = 0

    def find(self, line: str) -> tuple[int, int] | None:
        """(start, end) in the whitespace-free gold of a raw line (a line-break hyphen dropped), or None."""
        for probe in (line, line[:-1] if line.endswith("-") else ""):
            if not probe:
                continue
            if self.bare.startswith(probe, self.cursor):
                return self.cursor, self.cursor + len(probe)
            if len(probe) < 4:
                continue
            count = self.bare.count(probe)
            if count == 1 or (count > 1 and len(probe) >= 12):   # a short line found twice is not placed
                at = self.bare.find(probe, self.cursor)
                at = self.bare.find(probe) if at < 0 and count == 1 else at
                if at >= 0:
                    return at, at + len(probe)
        return None

    def window(self, end: int, width: int = 5) -> str | None:
        """The gold around the line boundary before whitespace-free position `end`, within one unit."""
        if end <= 0 or end >= len(self.index):
            return None
        left, right = self.index[end - 1], self.index[end]
        if "\n" in self.text[left:right]:
            return None
        start = self.text.rfind("\n", 0, left) + 1
        stop = self.text.find("\n", right)
        stop = len(self.text) if stop < 0 else stop
        return norm(self.text[max(start, left - width):min(stop, right + width + 1)])


@dataclass(frozen=True)
class Located:
    """A raw line found in the gold text: its number, whether it is body text (else a note's), whether
    it comes after the previous line found, its span in the whitespace-free gold and the join window
    around its end (None where it ends a unit)."""

    no: int
    raw: str
    body: bool
    in_order: bool
    start: int
    end: int
    window: str | None


def located_lines(raw_lines: list[str], gold: dict):
    """Each raw line found in the gold text, in order (`Located`)."""
    body = Locator([u["printed"] for u in gold["units"] if u["kind"] != "note"])
    notes = Locator([u["printed"] for u in gold["units"] if u["kind"] == "note"])
    for no, raw in enumerate(raw_lines, start=1):
        line = squeeze(raw)
        if not line:
            continue
        for locator in (body, notes):
            found = locator.find(line)
            if found is not None:
                break
        if found is None:
            continue
        start, end = found
        in_order = start >= locator.cursor
        locator.cursor = end
        yield Located(no, raw, locator is body, in_order, start, end, locator.window(end))


def displaced_lines(located: list[Located], gold: dict) -> set[int]:
    """Raw lines of body text the extractor moved away from their printed line: found out of the
    gold's reading order, and neither a running header repeating a heading (a chapter's title) nor
    a piece that a note also holds (a word of a note's line, 「Keohane」, found in the body instead),
    nor a table's cell that the body's text happens to hold (「衛生署署長」).

    >>> gold = {"furniture": {"running_headers": ["第1章　緒論"]},
    ...         "units": [{"kind": "note", "printed": "1 Robert O. Keohane and Joseph S. Nye"}]}
    >>> lines = [Located(7, "緒論", True, False, 0, 2, None), Located(9, "  programme", True, False, 40, 49, "x"),
    ...          Located(12, "Keohane", True, False, 3, 10, "y")]
    >>> displaced_lines(lines, gold)
    {9}
    """
    headers = [squeeze(header) for header in gold["furniture"]["running_headers"]]
    notes = squeeze("".join(unit["printed"] for unit in gold["units"] if unit["kind"] == "note"))
    cells = [squeeze(cell) for table in gold.get("tables", []) for cell in [table["caption"], *sum(table["rows"], [])]]
    return {line.no for line in located if line.body and not line.in_order and squeeze(line.raw) not in notes
            and not any(squeeze(line.raw) in header for header in headers) and squeeze(line.raw) not in cells}


def reading_order_and_joins(raw_lines: list[str], gold: dict, cleaned: str) -> tuple[float, int, int, set[int], int]:
    """(share of body lines in reading order, join points, joins right, displaced lines, join points
    set aside). In a layout kept in order, the joins into and out of a displaced line are set aside:
    the extractor, not the cleaner, broke them."""
    located = list(located_lines(raw_lines, gold))
    body = [line for line in located if line.body]
    order = percent(sum(line.in_order for line in body), len(body))
    displaced = displaced_lines(located, gold) if order >= SCRAMBLED_BELOW else set()
    starts = {line.start for line in body if line.no in displaced}
    points = right = aside = 0
    for line in located:
        if line.window is None:
            continue
        if line.no in displaced or (line.body and line.end in starts):
            aside += 1
            continue
        points += 1
        right += line.window in cleaned
    return order, points, right, displaced, aside


def heading_score(text, gold: dict) -> float:
    found = [(h.label, squeeze(h.title), h.level) for h in (b.heading for b in text.blocks if b.kind == "heading")
             if h is not None and h.number]
    wanted = [(h["label"], squeeze(h["title"]), h["level"]) for h in gold["headings"]]
    hits = sum(1 for h in wanted if h in found)
    spurious = max(0, len(found) - hits)
    return percent(hits, len(wanted) + spurious)


def markers_with_context(text) -> list[tuple[int, str]]:
    """(number, cleaned text before it) of every marker, in document order."""
    found = []
    for block in text.blocks:
        for match in MARKER.finditer(block.text):
            found.append((int(match[1]), norm(printed(MARKER.sub("", block.text[:match.start()])))))
    return found


def note_score(text, gold: dict) -> float:
    markers = markers_with_context(text)
    bodies = {(note.number, norm(note.text)) for note in text.notes}
    hits = 0
    for note in gold["notes"]:
        before = norm(note["before"])
        marked = any(number == note["number"] and context.endswith(before) for number, context in markers)
        hits += marked and (str(note["number"]), norm(note["body"])) in bodies
    spurious = max(0, len(text.notes) - len(gold["notes"]))
    return percent(hits, len(gold["notes"]) + spurious)


def paragraph_score(text, gold: dict, displaced: set[int] = frozenset()) -> float:
    """Gold paragraph starts found, over gold paragraphs plus spurious starts; a paragraph made of
    displaced lines only (`displaced_lines`) is set aside."""
    def start(value: str) -> str:
        return squeeze(value)[:12]

    wanted = [start(p) for p in gold["paragraphs"]]
    found = [start(printed(b.text)) for b in text.blocks if b.kind == "paragraph" and not set(b.lines) <= displaced]
    remaining = list(found)
    hits = 0
    for item in wanted:
        if item in remaining:
            remaining.remove(item)
            hits += 1
    return percent(hits, len(wanted) + len(remaining))


def furniture_left(text, gold: dict) -> int:
    """Running-header, watermark and page-number lines still in the cleaned text."""
    removed = {removal.no for removal in text.removals}
    # a running header may repeat a heading (the chapter's title): the heading's own lines are not left furniture
    wanted = {squeeze(h["label"] + h["title"]) for h in gold["headings"]}
    removed |= {no for b in text.blocks if b.kind == "heading" and squeeze(printed(b.text)) in wanted for no in b.lines}
    pieces = [squeeze(h) for h in gold["furniture"]["running_headers"]]
    watermark = squeeze(gold["furniture"].get("watermark") or "")
    left = 0
    for line in text.lines:
        bare = squeeze(line.text)
        words = re.sub(r"\d", "", bare)
        if not words or line.no in removed:
            continue
        if any(words in piece for piece in pieces if len(words) >= 2) or (watermark and words in watermark
                                                                           and len(bare) <= 12):
            left += 1
    removed_texts = [squeeze(r.text) for r in text.removals]
    bare_pieces = [re.sub(r"\d", "", piece) for piece in pieces]

    label = squeeze(gold["furniture"].get("page_label", "{}").replace("{}", ""))

    def carries(removed: str, page: int) -> bool:
        """A removed line that is the page number, alone, in its wording (「第 3 頁」) or beside a
        running header (「外交部施政計畫 2」)."""
        words = re.sub(r"[\d\-—–]", "", removed)
        if re.sub(r"\D", "", removed) in ("", None) or not re.search(rf"(?<!\d){page}(?!\d)", removed):
            return False
        return not words or words == re.sub(r"[\-—–]", "", label) or any(words in piece for piece in bare_pieces)

    for page in gold["furniture"]["page_numbers"]:
        if not any(carries(t, page) for t in removed_texts):
            left += 1
    return left


def characters_accounted(text) -> float:
    lost, invented = discrepancy(text)
    total = sum(1 for line in text.lines for ch in line.text if not ch.isspace())
    return round(100.0 * max(0, total - sum(lost.values()) - sum(invented.values())) / total, 1) if total else 100.0


def score(folder: Path, extractor: str) -> Score:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    result = Score(folder.name, extractor)
    raw_lines = (folder / f"{extractor}.txt").read_text(encoding="utf-8").split("\n")
    try:
        text = clean_fixture(folder, extractor)
    except EditionError as error:
        result.error = str(error).splitlines()[0][:120]
        result.order = reading_order_and_joins(raw_lines, gold, "")[0]
        return result
    cleaned = "\n".join(norm(unit) for unit in cleaned_units(text, gold))
    result.order, points, right, displaced, result.joins_aside = reading_order_and_joins(raw_lines, gold, cleaned)
    result.displaced = len(displaced)
    result.joins = percent(right, points)
    result.headings = heading_score(text, gold)
    result.notes = note_score(text, gold)
    result.paragraphs = paragraph_score(text, gold, displaced)
    result.furniture_left = furniture_left(text, gold)
    result.characters = characters_accounted(text)
    return result


def misses(folder: Path, extractor: str) -> list[str]:
    """What one case gets wrong, a line each: headings, notes, joins and paragraph starts missed or spurious."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    text = clean_fixture(folder, extractor)
    out = []
    found = [(h.label, squeeze(h.title), h.level) for h in (b.heading for b in text.blocks if b.kind == "heading")
             if h is not None and h.number]
    wanted = [(h["label"], squeeze(h["title"]), h["level"]) for h in gold["headings"]]
    out += [f"heading missed: {h}" for h in wanted if h not in found]
    out += [f"heading spurious: {h}" for h in found if h not in wanted]
    markers = markers_with_context(text)
    bodies = {(note.number, norm(note.text)) for note in text.notes}
    for note in gold["notes"]:
        before = norm(note["before"])
        if not any(n == note["number"] and c.endswith(before) for n, c in markers):
            out.append(f"note {note['number']} marker missed after {before!r}")
        if (str(note["number"]), norm(note["body"])) not in bodies:
            got = [b for n, b in bodies if n == str(note["number"])]
            out.append(f"note {note['number']} body {norm(note['body'])[:60]!r} != {[g[:60] for g in got]}")
    cleaned = "\n".join(norm(unit) for unit in cleaned_units(text, gold))
    raw_lines = (folder / f"{extractor}.txt").read_text(encoding="utf-8").split("\n")
    located = list(located_lines(raw_lines, gold))
    body = [line for line in located if line.body]
    displaced = displaced_lines(located, gold) \
        if percent(sum(line.in_order for line in body), len(body)) >= SCRAMBLED_BELOW else set()
    starts = {line.start for line in body if line.no in displaced}
    out += [f"line {no} displaced by the extractor: {raw_lines[no - 1].strip()[:40]!r}" for no in sorted(displaced)]
    for line in located:
        if line.window is None or line.window in cleaned:
            continue
        aside = line.no in displaced or (line.body and line.end in starts)
        out.append(f"join {'set aside (displaced line)' if aside else 'missed'}: {line.window!r} "
                   f"after raw line {line.raw[-20:]!r}")
    starts = [squeeze(printed(b.text))[:12] for b in text.blocks if b.kind == "paragraph"
              and not set(b.lines) <= displaced]
    golds = [squeeze(p)[:12] for p in gold["paragraphs"]]
    out += [f"paragraph start missed: {g}" for g in golds if g not in starts]
    out += [f"paragraph start spurious: {g}" for g in starts if g not in golds]
    return out


def fixtures() -> list[Path]:
    return sorted(path for path in FIXTURES.iterdir() if (path / "gold.json").exists())


def score_all() -> list[Score]:
    return [score(folder, extractor) for folder in fixtures() for extractor in EXTRACTORS
            if (folder / f"{extractor}.txt").exists()]


def table(scores: list[Score]) -> str:
    """The bench's figures as a Markdown table."""
    rows = ["| layout | extractor | order % | headings % | notes % | joins % | paragraphs % | furniture left | characters % |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for s in scores:
        order = f"{s.order} (scrambled)" if s.scrambled else f"{s.order}"
        if s.displaced:
            order += f" ({s.displaced} line{'s' if s.displaced > 1 else ''} displaced, {s.joins_aside} joins aside)"
        if s.error:
            rows.append(f"| {s.layout} | {s.extractor} | {order} | error: {s.error} | | | | | |")
            continue
        rows.append(f"| {s.layout} | {s.extractor} | {order} | {s.headings} | {s.notes} | {s.joins} | "
                    f"{s.paragraphs} | {s.furniture_left} | {s.characters} |")
    return "\n".join(rows)


def summary(scores: list[Score]) -> str:
    """Per extractor: mean figures over the layouts whose reading order it keeps, and those it scrambles."""
    rows = ["| extractor | layouts in order | headings % | notes % | joins % | paragraphs % | furniture left | "
            "characters % | scrambles |", "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for extractor in EXTRACTORS:
        mine = [s for s in scores if s.extractor == extractor]
        kept = [s for s in mine if not s.scrambled and not s.error]
        scrambled = ", ".join(f"{s.layout} ({s.order} %)" for s in mine if s.scrambled) or "—"
        scrambled += "".join(f"; {s.layout}: {s.displaced} line{'s' if s.displaced > 1 else ''} displaced"
                             for s in kept if s.displaced)

        def mean(name: str) -> float:
            return round(sum(getattr(s, name) for s in kept) / len(kept), 1) if kept else 0.0

        rows.append(f"| {extractor} | {len(kept)} | {mean('headings')} | {mean('notes')} | {mean('joins')} | "
                    f"{mean('paragraphs')} | {sum(s.furniture_left for s in kept)} | {mean('characters')} | {scrambled} |")
    return "\n".join(rows)


def figures(s: Score) -> str:
    """One case's figures in a line (the reason of its xfail in tests/test_layouts.py)."""
    if s.error:
        return f"error: {s.error}"
    return (f"headings {s.headings} %, notes {s.notes} %, joins {s.joins} %, paragraphs {s.paragraphs} %, "
            f"furniture left {s.furniture_left}, characters {s.characters} %"
            + (f", {s.displaced} displaced lines ({s.joins_aside} joins aside)" if s.displaced else ""))


def main(argv: list[str]) -> int:
    if "--misses" in argv:     # --misses LAYOUT EXTRACTOR: what one case gets wrong
        layout, extractor = argv[argv.index("--misses") + 1:][:2]
        print("\n".join(misses(FIXTURES / layout, extractor)))
        return 0
    scores = score_all()
    if "--xfail" in argv:      # the NOT_YET entries of tests/test_layouts.py
        for s in scores:
            if not s.passes and not s.scrambled:
                print(f"    ({s.layout!r}, {s.extractor!r}): {figures(s)!r},")
        return 0
    if "--below" in argv:      # the BELOW entries of tests/test_layout_structure.py
        for s in scores:
            for name in ("headings", "joins", "paragraphs"):
                if not s.scrambled and (s.error or getattr(s, name) < 98.0):
                    print(f"    ({s.layout!r}, {s.extractor!r}, {name!r}): \"{getattr(s, name)} %\",")
        return 0
    print(summary(scores) if "--summary" in argv else table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
