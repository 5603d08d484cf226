"""Stage 6a — glossary: the edition's terms and names, found in the running text.

`glossary/terms.yml` is edited by pull request and validated here (unique ids
and forms, known related ids, definitions for terms). Linking rule: in every
section, the first occurrence of each entry (any of its printed forms, longest
match first: 第二軌道外交 before 外交) links to the glossary; every occurrence
is recorded, so the glossary page links back to each passage using the entry.
Only paragraphs are linked: never headings, notes, tables, URLs or markers.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, RootModel

from .datafile import OneLine, Prose, did_you_mean, load_yaml, validate
from .editions import ROOT, Strict, position_in
from .errors import EditionError, EditionErrors

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
    """The glossary, validated: schema, unique ids and forms, related ids that exist, the
    documented order of the entries (by kind, then id). Every problem of the file is raised at once."""
    if not path.exists():
        return []
    data, positions = load_yaml(path)
    terms = validate(path, Glossary, data or [], positions).root
    line_of = {index: positions.get((index,), (None, None))[0] for index in range(len(terms))}
    problems: list[EditionError] = []
    seen_ids: dict[str, int] = {}
    seen_forms: dict[str, str] = {}
    for index, term in enumerate(terms):
        label = f"glossary entry '{term.id}'"
        if term.id in RESERVED_IDS or term.id.startswith("kind-"):
            problems.append(EditionError(path, f"id '{term.id}' is reserved by the glossary page — choose another id",
                                         *positions.get((index, "id"), (line_of[index], None))))
        if term.id in seen_ids:
            problems.append(EditionError(path, f"duplicate id '{term.id}' (first at line {seen_ids[term.id]}) — "
                                               "ids are stable: give the new entry another id", line_of[index]))
        seen_ids.setdefault(term.id, line_of[index])
        if term.kind == "term" and not term.definition:
            problems.append(EditionError(path, f"{label}: a term needs a definition — write one or two sentences",
                                         line_of[index]))
        for form in term.forms:
            if form in seen_forms and seen_forms[form] != term.id:
                problems.append(EditionError(path, f"{label}: the form '{form}' already belongs to "
                                                   f"'{seen_forms[form]}' — merge the entries or drop the alias",
                                             line_of[index]))
            seen_forms.setdefault(form, term.id)
    for index, term in enumerate(terms):
        for i, related in enumerate(term.related):
            if related not in seen_ids:
                problems.append(EditionError(path, f"glossary entry '{term.id}': related id '{related}' does not "
                                                   f"exist{did_you_mean(related, seen_ids)} — correct it or add that entry",
                                             *positions.get((index, "related", i), (line_of[index], None))))
    problems += order_problems(path, terms, line_of)
    if problems:
        problems.sort(key=lambda error: (error.line or 0, error.column or 0))
        raise problems[0] if len(problems) == 1 else EditionErrors(problems)
    return terms


def file_order(term: Term) -> tuple[str, str]:
    """Where an entry belongs in terms.yml (glossary/README.md): by kind, then by id."""
    return term.kind, term.id


def order_problems(path: Path, terms: list[Term], line_of: dict) -> list[EditionError]:
    """An entry out of the documented order, named with the entry it belongs before."""
    problems = []
    for index in range(1, len(terms)):
        if file_order(terms[index]) < file_order(terms[index - 1]):
            after = next(t for t in terms if file_order(t) > file_order(terms[index]))
            problems.append(EditionError(path, f"glossary entry '{terms[index].id}' is out of order — entries are "
                                               f"sorted by kind, then id: move it before '{after.id}'",
                                         line_of[index]))
    return problems


def check_references(terms: list[Term], bib_keys: set[str], path: Path = GLOSSARY) -> None:
    """Every `bib:` key of the glossary is a key of bib/references.bib."""
    problems = []
    for index, term in enumerate(terms):
        for i, key in enumerate(term.bib):
            if key not in bib_keys:
                problems.append(EditionError(path, f"glossary entry '{term.id}': unknown bibliography key "
                                                   f"'{key}'{did_you_mean(key, bib_keys)} — use a key of "
                                                   "bib/references.bib", *position_in(path, index, "bib", i)))
    if problems:
        raise problems[0] if len(problems) == 1 else EditionErrors(problems)


def printed_passages(texts) -> str:
    """Everything the cleaned texts print: paragraphs, headings, notes, tables (one string)."""
    parts = []
    for text in texts:
        for block in text.blocks:
            parts.append(block.text or "")
            if block.kind == "heading":
                parts.append(block.heading.title)
        parts += [note.text for note in text.notes]
        for item in text.items.values():
            spec = getattr(item, "spec", item)
            parts += [spec.caption, *getattr(spec, "header", []), *getattr(spec, "notes", [])]
            parts += [cell or "" for row in getattr(spec, "rows", []) for cell in row]
    return "\n".join(parts).replace("\\", "")


def check_printed(terms: list[Term], texts, path: Path = GLOSSARY) -> None:
    """The verbatim rule (glossary/README.md): every term and alias is printed in some text."""
    corpus = printed_passages(texts)
    problems = []
    for index, term in enumerate(terms):
        forms = [("term", None, term.term)] + [("aliases", i, alias) for i, alias in enumerate(term.aliases)]
        for field, i, form in forms:
            if form not in corpus:
                where = position_in(path, index, field) if i is None else position_in(path, index, field, i)
                problems.append(EditionError(path, f"glossary entry '{term.id}': '{form}' is printed in no text — "
                                                   "write the form exactly as the cleaned text prints it, or remove it",
                                             *where))
    if problems:
        raise problems[0] if len(problems) == 1 else EditionErrors(problems)


def form_pattern(terms: list[Term]) -> re.Pattern | None:
    """One regex for every printed form, longest first; Latin forms only as whole words.

    Every alternative begins with its form's first character (a Latin form's word boundary is
    checked just after it), so that the regex engine skips at once the places where no form can
    start: twelve times faster over the texts than with the boundary first, with the same matches.

    >>> pattern = form_pattern([Term(id="apec", term="亞太經合會", kind="organisation", aliases=["APEC"])])
    >>> [m.group() for m in pattern.finditer("參加 APEC 與亞太經合會，非 XAPEC")]
    ['APEC', '亞太經合會']
    """
    forms = sorted({form: term.id for term in terms for form in term.forms}.items(),
                   key=lambda item: (-len(item[0]), item[0]))
    if not forms:
        return None
    parts = []
    for form, _ in forms:
        escaped = re.escape(form[0])
        if re.match(r"[A-Za-z0-9]", form[0]):
            escaped += r"(?<![A-Za-z0-9].)"          # nothing alphanumeric before the first character
        escaped += re.escape(form[1:])
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


# --- the reader's order: 注音 (Bopomofo), as Taiwanese dictionaries sort ------------------------

ZHUYIN = "ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦㄧㄨㄩ"
TONES = {"ˊ": 2, "ˇ": 3, "ˋ": 4, "˙": 5}
LATIN = "外文"          # the group of forms that begin with a Latin letter (APEC), after ㄩ


@functools.lru_cache(maxsize=None)
def syllables(text: str) -> tuple[str, ...]:
    """The 注音 of each character of `text`, read in context: pypinyin's phrase dictionary is
    keyed by Simplified forms, so the phrase is looked up as OpenCC writes it in Simplified
    (離間 is read ㄌㄧˊ ㄐㄧㄢˋ as a word, ㄐㄧㄢ character by character); other characters as themselves.

    >>> syllables("外交休兵"), syllables("離間")
    (('ㄨㄞˋ', 'ㄐㄧㄠ', 'ㄒㄧㄡ', 'ㄅㄧㄥ'), ('ㄌㄧˊ', 'ㄐㄧㄢˋ'))
    """
    from pypinyin import Style, pinyin

    simplified = simplified_form(text)
    looked_up = simplified if len(simplified) == len(text) else text
    return tuple(reading[0] for reading in pinyin(looked_up, style=Style.BOPOMOFO, errors=lambda chars: list(chars)))


@functools.lru_cache(maxsize=1)
def simplifier():
    import opencc

    return opencc.OpenCC("t2s")


def simplified_form(text: str) -> str:
    return simplifier().convert(text)


def syllable_key(syllable: str) -> tuple:
    """A syllable's place: its symbols in 注音 order, then its tone (一聲 before ˊ ˇ ˋ ˙)."""
    tone = next((TONES[mark] for mark in syllable if mark in TONES), 1)
    symbols = [char for char in syllable if char not in TONES]
    if symbols and all(char in ZHUYIN for char in symbols):
        return (0, tuple(ZHUYIN.index(char) for char in symbols), tone)
    return (1, tuple(ord(char) for char in syllable.lower()), 0)


def zhuyin_key(text: str) -> tuple:
    """The sort key of a Chinese form in 注音 order, character by character: by syllable, and the
    words of one first character together (homophones by code point, which follows radical and
    strokes); forms that begin with a Latin letter come last.

    >>> sorted(["外交休兵", "八國集團", "APEC", "不對稱", "巴黎"], key=zhuyin_key)
    ['八國集團', '巴黎', '不對稱', '外交休兵', 'APEC']
    """
    return tuple((syllable_key(syllable), char) for syllable, char in zip(syllables(text), text))


def initial(text: str) -> str:
    """The jump index's letter of a form: the first 注音 symbol of its first syllable, or 外文.

    >>> initial("外交休兵"), initial("六方會談"), initial("APEC")
    ('ㄨ', 'ㄌ', '外文')
    """
    first = syllables(text)[0]
    return first[0] if first[:1] in tuple(ZHUYIN) else (first[1] if first[:1] == "˙" else LATIN)


def reader_order(terms: list[Term]) -> list[Term]:
    """The glossary page's order within a kind: 注音 of the Chinese form, then id."""
    return sorted(terms, key=lambda term: (zhuyin_key(term.term), term.id))
