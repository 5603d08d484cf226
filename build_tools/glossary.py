"""Stage 6a — glossary: the edition's terms and names, found in the running text.

`glossary/terms.yml` is edited by pull request and validated here (unique ids
and forms, known related ids, definitions for terms). Linking rule: in every
section, the first occurrence of each entry (any of its printed forms, longest
match first: 第二軌道外交 before 外交) links to the glossary; every occurrence
is recorded, so the glossary page links back to each passage using the entry.
Only paragraphs are linked: never headings, notes, tables, URLs or markers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, RootModel

from .datafile import OneLine, Prose, load_yaml, validate
from .editions import ROOT, Strict
from .errors import EditionError

GLOSSARY = ROOT / "glossary" / "terms.yml"
RESERVED_IDS = {"top"}     # ids of the glossary page itself (with kind-…)
KINDS = {"term": "術語", "person": "人名", "organisation": "組織與機構",
         "agreement": "條約與協定", "event": "事件", "abbreviation": "縮寫"}
URL = re.compile(r"(?:https?://|www\.)\S+")


class Term(Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    term: OneLine = Field(min_length=2)
    aliases: list[Annotated[OneLine, Field(min_length=1)]] = []
    original: OneLine | None = None
    kind: Literal["term", "person", "organisation", "agreement", "event", "abbreviation"]
    definition: Prose | None = None
    source: OneLine | None = None
    related: list[str] = []
    bib: list[str] = []

    @property
    def forms(self) -> list[str]:
        return [self.term, *self.aliases]


class Glossary(RootModel[list[Term]]):
    pass


@dataclass(frozen=True)
class Use:
    """One occurrence of a glossary entry in a paragraph."""

    term: str          # entry id
    start: int
    end: int
    linked: bool       # the first occurrence in its section


def load_glossary(path: Path = GLOSSARY) -> list[Term]:
    """The glossary, validated: schema, unique ids and forms, related ids that exist."""
    if not path.exists():
        return []
    data, positions = load_yaml(path)
    terms = validate(path, Glossary, data or [], positions).root
    line_of = {index: positions.get((index,), (None, None))[0] for index in range(len(terms))}
    seen_ids: dict[str, int] = {}
    seen_forms: dict[str, str] = {}
    for index, term in enumerate(terms):
        label = f"glossary entry '{term.id}'"
        if term.id in RESERVED_IDS or term.id.startswith("kind-"):
            raise EditionError(path, f"id '{term.id}' is reserved by the glossary page — choose another id",
                               *positions.get((index, "id"), (line_of[index], None)))
        if term.id in seen_ids:
            raise EditionError(path, f"duplicate id '{term.id}' (first at line {seen_ids[term.id]}) — "
                                     "ids are stable: give the new entry another id", line_of[index])
        seen_ids[term.id] = line_of[index]
        if term.kind == "term" and not term.definition:
            raise EditionError(path, f"{label}: a term needs a definition — write one or two sentences",
                               line_of[index])
        for form in term.forms:
            if form in seen_forms:
                raise EditionError(path, f"{label}: the form '{form}' already belongs to '{seen_forms[form]}' "
                                         "— merge the entries or drop the alias", line_of[index])
            seen_forms[form] = term.id
    for index, term in enumerate(terms):
        for related in term.related:
            if related not in seen_ids:
                raise EditionError(path, f"glossary entry '{term.id}': related id '{related}' does not exist — "
                                         "correct it or add that entry", line_of[index])
    return terms


def form_pattern(terms: list[Term]) -> re.Pattern | None:
    """One regex for every printed form, longest first; Latin forms only as whole words."""
    forms = sorted({form: term.id for term in terms for form in term.forms}.items(),
                   key=lambda item: (-len(item[0]), item[0]))
    if not forms:
        return None
    parts = []
    for form, _ in forms:
        escaped = re.escape(form)
        if re.match(r"[A-Za-z0-9]", form[0]):
            escaped = r"(?<![A-Za-z0-9])" + escaped
        if re.match(r"[A-Za-z0-9]", form[-1]):
            escaped += r"(?![A-Za-z0-9])"
        parts.append(escaped)
    return re.compile("|".join(parts))


def matcher(terms: list[Term]):
    """Build once per run: a function giving (entry id, start, end) of every glossary form in a
    text, longest form first, none inside a URL."""
    pattern = form_pattern(terms)
    owner = {form: term.id for term in terms for form in term.forms}

    def occurrences(text: str):
        if pattern is not None:
            yield from _occurrences(text, pattern, owner)

    return occurrences


def _occurrences(text: str, pattern: re.Pattern, owner: dict):
    urls = [match.span() for match in URL.finditer(text)]
    for match in pattern.finditer(text):
        if not any(start <= match.start() < end for start, end in urls):
            yield owner[match.group()], match.start(), match.end()


def find_uses(blocks, terms: list[Term]) -> dict[str, list[Use]]:
    """Occurrences of glossary entries per paragraph anchor; the first per section is linked."""
    occurrences = matcher(terms)
    linked: set[tuple[str, str]] = set()
    uses: dict[str, list[Use]] = {}
    for block in blocks:
        if block.kind != "paragraph":
            continue
        for term, start, end in occurrences(block.text):
            first = (block.section, term) not in linked
            linked.add((block.section, term))
            uses.setdefault(block.anchor, []).append(Use(term, start, end, first))
    return uses


def find_note_uses(notes, terms: list[Term]) -> dict[tuple[str, str], list[str]]:
    """Glossary entries each note body mentions (recorded for the glossary's back-links, not linked)."""
    occurrences = matcher(terms)
    found: dict[tuple[str, str], list[str]] = {}
    for note in notes:
        ids = [term for term, _, _ in occurrences(note.text)]
        if ids:
            found[(note.scope or "index", note.number)] = list(dict.fromkeys(ids))
    return found


@dataclass(frozen=True)
class Candidate:
    """A bilingual pair printed in a text: 中文（English）, English（中文）, 中文（ABBR）."""

    chinese: str       # the run of Han characters next to the bracket (an editor trims it to the term)
    original: str
    where: str         # slug#anchor of the paragraph or note


PAIR_ZH_EN = re.compile(r"(?P<zh>[\u4e00-\u9fff]{2,12})[」』]?\s*[（(]\s*(?P<en>[A-Za-z][A-Za-z0-9 .,'’&\-/+]{1,80}?)\s*[）)]")
PAIR_EN_ZH = re.compile(r"(?P<en>[A-Z][A-Za-z0-9 .'’&\-]{1,60}?)\s*[（(]\s*(?P<zh>[\u4e00-\u9fff]{2,12})\s*[）)]")


def bilingual_pairs(text: str) -> list[tuple[str, str]]:
    """(Chinese, original) pairs printed in `text`, in both orders.

    >>> bilingual_pairs("我國的第二軌道外交（Second Track Diplomacy）與 Riker（雷可）")
    [('我國的第二軌道外交', 'Second Track Diplomacy'), ('雷可', 'Riker')]
    """
    pairs = [(m["zh"], m["en"].strip()) for m in PAIR_ZH_EN.finditer(text)]
    return pairs + [(m["zh"], m["en"].strip()) for m in PAIR_EN_ZH.finditer(text)]


def candidates(texts, terms: list[Term]) -> list[Candidate]:
    """Every bilingual pair of the texts not yet covered by a glossary entry, in text order."""
    known_forms = {form for term in terms for form in term.forms}
    known_originals = {normal(term.original) for term in terms if term.original} | \
        {normal(form) for form in known_forms}
    found: list[Candidate] = []
    for text in texts:
        passages = [(block.anchor, block.text) for block in text.blocks if block.kind == "paragraph"]
        passages += [(f"fn:{note.number}" if note.scope in ("", "index") else f"{note.scope}/fn:{note.number}",
                      note.text) for note in text.notes]
        for anchor, body in passages:
            for chinese, original in bilingual_pairs(body):
                if normal(original) in known_originals or any(chinese.endswith(f) for f in known_forms):
                    continue
                found.append(Candidate(chinese, original, f"{text.edition.slug}#{anchor}"))
    return found


def normal(text: str) -> str:
    return re.sub(r"[\s.]", "", text).lower()
