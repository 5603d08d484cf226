"""Stage: one bibliography for all texts, from the citations parsed out of their notes.

1. `resolve`: walk every note of every text in order; merge citations of the same work (same
   first author, one title the start of the other: short-title repeats included) into a
   `Work`; resolve back-references (同上, 同註 N, 前揭書, Ibid., op. cit.) to the works of the
   note they point to, within the right numbering scope.
2. `bib/references.bib` is the curated source of truth. Each entry names the work(s) it stands
   for in its `cited-as` field ("author: title" as the notes print them, one per line), so an
   editor may correct every other field and the link from the notes survives. Extraction only
   proposes entries for works the file lacks; `python -m build_tools bib` adds them.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .citations import CJK, Citation, parse_note
from .errors import ROOT, EditionError

BIB = ROOT / "bib" / "references.bib"
FIELD_ORDER = ["author", "editor", "translator", "title", "journal", "booktitle", "school", "organization",
               "publisher", "address", "year", "volume", "number", "pages", "url", "urldate", "langid"]


@dataclass(frozen=True)
class NoteId:
    slug: str
    scope: str        # page of the note: "index", or "ch-2" in the thesis
    number: str


@dataclass
class Work:
    """A cited work: what the notes say about it, and which notes cite it."""

    entrytype: str
    authors: list[str]
    fields: dict[str, str]
    identities: list[str] = field(default_factory=list)   # "author: title" forms it was cited by
    notes: list[NoteId] = field(default_factory=list)
    complete: bool = False
    key: str = ""

    @property
    def title(self) -> str:
        return self.fields.get("title", "")


@dataclass
class Link:
    """A citation of a note, and the work it resolves to (None: cited incompletely or unresolved)."""

    note: NoteId
    citation: Citation
    work: Work | None = None
    problem: str = ""


# --- identity of a work --------------------------------------------------------------------------

@functools.cache     # every citation is compared with every work: each title is normalised once
def normal(text: str) -> str:
    """Letters, digits and Han characters only, lower case: how two printings of a title compare."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if ch.isalnum())


@functools.cache
def person_key(name: str) -> str:
    """A name as compared across notes: a Chinese name whole, a western name by its surname."""
    name = name.strip()
    if CJK.search(name):
        return normal(name)
    words = [w for w in re.split(r"[\s.]+", name) if w and w.lower() not in ("jr", "others")]
    return normal(words[-1]) if words else ""


def lead_name(citation_or_work) -> str:
    """Who a work is filed under: first author, else first editor, else the organisation or
    periodical that issued it (an unsigned news item)."""
    people = [n for n in citation_or_work.authors if n != "others"] or \
        [n for n in citation_or_work.fields.get("editor", "").split(" and ") if n]
    fields = citation_or_work.fields
    return people[0] if people else fields.get("organization") or fields.get("journal", "")


def identity(citation: Citation) -> str:
    return f"{lead_name(citation)}: {citation.title}"


def same_work(citation: Citation, work: Work) -> bool:
    """Same first author (or none), and one title the start of the other (a short-title repeat)."""
    a, b = normal(citation.title), normal(work.title)
    if not (citation.authors or work.authors):         # unsigned items: only the same title
        return a == b and person_key(lead_name(citation)) == person_key(lead_name(work))
    if len(min(a, b, key=len)) < 4 or not (a.startswith(b) or b.startswith(a)):
        return False
    return person_key(lead_name(citation)) == person_key(lead_name(work))


# --- resolving ---------------------------------------------------------------------------------

@dataclass
class Bibliography:
    works: list[Work]
    links: list[Link]

    def links_of(self, note: NoteId) -> list[Link]:
        return [link for link in self.links if link.note == note]


def note_id(text, note) -> NoteId:
    return NoteId(text.edition.slug, note.scope or "index", note.number)


def resolve(texts) -> Bibliography:
    """Every citation of every note, merged into works, back-references resolved."""
    works: list[Work] = []
    links: list[Link] = []
    for text in texts:
        by_note: dict[NoteId, list[Link]] = {}
        order: list[NoteId] = []
        for note in text.notes:
            if not note.number.isdigit():
                continue
            nid = note_id(text, note)
            order.append(nid)
            by_note[nid] = []
            for citation in parse_note(note.text):
                link = Link(nid, citation)
                if citation.kind == "work":
                    link.work = attach(citation, works, nid)
                else:
                    target = back_target(citation, nid, by_note, order)
                    if target is None:
                        link.problem = "unresolved"
                    else:
                        link.work = target
                        if nid not in target.notes:
                            target.notes.append(nid)
                by_note[nid].append(link)
                links.append(link)
    inherit_books(works)
    for link in links:
        if link.work is not None and not link.work.complete:
            link.problem = "incomplete"
    return Bibliography([w for w in works if w.complete], links)


def attach(citation: Citation, works: list[Work], nid: NoteId) -> Work:
    """The work a citation names: an earlier one (merged, gaps filled) or a new one."""
    for work in works:
        if same_work(citation, work):
            if citation.complete and not work.complete:     # a full citation after a short one
                work.entrytype, work.authors = citation.entrytype, citation.authors or work.authors
                work.fields = {**work.fields, **citation.fields}
                work.complete = True
            else:
                for name, value in citation.fields.items():
                    work.fields.setdefault(name, value)
            if identity(citation) not in work.identities and citation.complete:
                work.identities.append(identity(citation))
            if nid not in work.notes:
                work.notes.append(nid)
            return work
    work = Work(citation.entrytype, list(citation.authors), dict(citation.fields),
                [identity(citation)], [nid], citation.complete)
    works.append(work)
    return work


def back_target(citation: Citation, nid: NoteId, by_note: dict, order: list[NoteId]) -> Work | None:
    """The work a back-reference points to, looked up among the notes before it."""
    kind = citation.ref[0]
    earlier = order[:order.index(nid)]
    if kind == "previous" or (kind == "author" and not citation.ref[1]):
        previous = NoteId(nid.slug, nid.scope, str(int(nid.number) - 1))
        cited = [link.work for link in by_note.get(previous, []) if link.work is not None]
        return cited[-1] if cited else None
    if kind == "note":
        target = NoteId(nid.slug, nid.scope, citation.ref[1])
        cited = [link.work for link in by_note.get(target, []) if link.work is not None]
        return cited[0] if cited else None
    author, title = person_key(citation.ref[1]), normal(citation.ref[2])
    for previous in reversed(earlier):          # the nearest earlier work by that author
        for link in reversed(by_note[previous]):
            work = link.work
            if work is None or person_key(lead_name(work)) != author:
                continue
            if title and not (normal(work.title).startswith(title) or title.startswith(normal(work.title))):
                continue
            return work
    return None


def inherit_books(works: list[Work]) -> None:
    """A chapter cited with its book's short title (…in Eds., Boundaries in Question, pp.244-261)
    takes the book's publisher and year from a fuller citation of another chapter of it."""
    for work in works:
        if work.complete or work.entrytype != "incollection" or not work.fields.get("booktitle"):
            continue
        book = normal(work.fields["booktitle"])
        for other in works:
            if other.complete and other.fields.get("booktitle") and normal(other.fields["booktitle"]).startswith(book):
                for name in ("booktitle", "publisher", "address", "year"):
                    if name in other.fields:
                        work.fields[name] = other.fields[name]
                work.complete = True
                break


# --- keys ----------------------------------------------------------------------------------------

COMPOUND_SURNAMES = ("歐陽", "司馬", "諸葛", "上官", "東方", "皇甫", "尉遲", "公孫", "慕容", "夏侯", "長孫")
SURNAME_READINGS = {"曾": "zeng", "單": "shan", "解": "xie", "仇": "qiu", "樂": "yue", "查": "zha",
                    "朴": "piao", "繆": "miao", "區": "ou", "覃": "qin", "蓋": "ge", "種": "chong"}
STOPWORDS = {"a", "an", "the", "on", "of", "in", "and", "for", "to", "is", "what", "why"}


def pinyin(text: str) -> list[str]:
    from pypinyin import lazy_pinyin

    return [syllable for syllable in lazy_pinyin(text) if syllable.isalpha() and syllable.isascii()]


def surname(name: str) -> str:
    """The romanised surname used in keys and for sorting: 李明 → li, Robert O. Keohane → keohane."""
    name = name.strip()
    if CJK.match(name):
        family = name[:2] if name.startswith(COMPOUND_SURNAMES) else name[:1]
        return SURNAME_READINGS.get(family) or "".join(pinyin(family))
    words = [w for w in re.split(r"[\s]+", name) if w and w.lower() != "jr."]
    last = words[-1] if words else ""
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", last).encode("ascii", "ignore").decode().lower())


def title_word(title: str) -> str:
    if CJK.search(title):
        han = [ch for ch in title if CJK.match(ch)][:2]
        return "".join(pinyin("".join(han)))
    words = re.findall(r"[A-Za-z]+", unicodedata.normalize("NFKD", title))
    words = [w.lower() for w in words if w.lower() not in STOPWORDS] or ["untitled"]
    return words[0]


def key_base(work: Work) -> str:
    name = lead_name(work)
    author = surname(name) if name else ""
    if not author:                       # unsigned and unissued: title first (kuangjia1994)
        return f"{title_word(work.title)}{work.fields.get('year', 'nd')}"
    return f"{author}{work.fields.get('year', 'nd')}{title_word(work.title)}"


def assign_keys(works: list[Work], taken: set[str]) -> None:
    """Stable ASCII keys (li2010tianan), a/b/… on collisions, avoiding the keys already taken."""
    used = set(taken)
    for work in works:
        if work.key:
            continue
        base = key_base(work)
        key, suffix = base, 0
        while key in used:
            suffix += 1
            key = base + "abcdefghijklmnopqrstuvwxyz"[suffix - 1]
        work.key = key
        used.add(key)


# --- the curated file ------------------------------------------------------------------------------

def bib_format():
    import bibtexparser

    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    fmt.trailing_comma = True
    return fmt


KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.-]*$")
RESERVED_KEYS = {"top", "zh", "en"}          # ids of the bibliography page itself
SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\{}|^]+$")


def failed_block_error(path: Path, block) -> EditionError:
    """One line for a block bibtexparser could not read: a syntax error or a duplicate."""
    line = (block.start_line or 0) + 1
    head = (block.raw or "").split("\n", 1)[0][:40]
    kind = type(block).__name__
    if kind == "DuplicateBlockKeyBlock":
        return EditionError(path, f"duplicate key '{block.key}' (the entry `{head}`) — keys are unique: "
                                  "merge the two entries or give this one another key", line)
    if kind == "DuplicateFieldKeyBlock":
        names = re.search(r"entry: (.*?)\. ", str(block.error))
        return EditionError(path, f"entry `{head}` has the field {names.group(1) if names else ''} twice — "
                                  "keep one", line)
    reason = getattr(block.error, "abort_reason", "") or str(block.error) or "unreadable entry"
    reason = " ".join(reason.split())
    return EditionError(path, f"BibTeX syntax error in `{head}`: {reason} — fix the entry "
                              "(check its braces, commas and quotes)", line)


def parse_bib(path: Path):
    """The library bibtexparser reads from `path`, its own log messages silenced (we report)."""
    import logging

    import bibtexparser

    from .read import decode

    text = decode(path, path.read_bytes())
    logger = logging.getLogger("bibtexparser")
    level, logger.level = logger.level, logging.CRITICAL
    try:
        return bibtexparser.parse_string(text)
    finally:
        logger.setLevel(level)


def load_bib(path: Path = BIB):
    """The curated library; a syntax error, a duplicate key, an entry lacking title, year or
    cited-as, a malformed key or a non-web URL stops the build."""
    import bibtexparser

    if not path.exists():
        return bibtexparser.Library()
    library = parse_bib(path)
    if library.failed_blocks:
        raise failed_block_error(path, library.failed_blocks[0])
    for entry in library.entries:
        line = entry.start_line + 1
        if not KEY.match(entry.key) or entry.key in RESERVED_KEYS:
            raise EditionError(path, f"entry key '{entry.key}' is not allowed — use ASCII letters, digits and "
                                     "_:.- (e.g. li2010tianan), not top, zh or en", line)
        fields = entry.fields_dict
        missing = [name for name in ("title", "cited-as") if name not in fields or not fields[name].value.strip()]
        if ("year" not in fields or not str(fields["year"].value).strip()) and entry.entry_type != "online":
            missing.append("year")
        if missing:
            raise EditionError(path, f"entry {entry.key} lacks {', '.join(missing)} — add the field(s)", line)
        url = fields["url"].value.strip() if "url" in fields else ""
        if url and not SAFE_URL.match(url):
            raise EditionError(path, f"entry {entry.key}: url must be an http:// or https:// address without "
                                     "spaces, quotes or angle brackets — correct it", line)
    return library


def identities_of(entry) -> list[str]:
    value = entry.fields_dict["cited-as"].value
    return [line.strip() for line in value.split("\n") if line.strip()]


def match_entries(bibliography: Bibliography, library) -> tuple[list[Work], list]:
    """Give each work the key of its curated entry; (works with no entry, entries no note cites)."""
    by_identity = {normal(form): entry for entry in library.entries for form in identities_of(entry)}
    cited = set()
    missing = []
    for work in bibliography.works:
        entry = next((by_identity[normal(form)] for form in work.identities if normal(form) in by_identity), None)
        if entry is None:
            missing.append(work)
        else:
            work.key = entry.key
            cited.add(entry.key)
    uncited = [entry for entry in library.entries if entry.key not in cited]
    return missing, uncited


def entry_of(work: Work):
    from bibtexparser import model

    values = dict(work.fields)
    if work.authors:
        values["author"] = " and ".join(a for a in work.authors if a != "others") + \
            (" and others" if "others" in work.authors else "")
    if work.entrytype == "online":
        values.pop("journal", None)
    fields = [model.Field(name, values[name]) for name in FIELD_ORDER if values.get(name)]
    fields.append(model.Field("cited-as", "\n    ".join(work.identities)))
    return model.Entry(work.entrytype, work.key, fields)


HEADER = """The edition's bibliography: every work the notes of the five texts cite.
Curated by editors (correct any field by pull request); `python -m build_tools bib` adds
entries for newly cited works. `cited-as` lists, one per line, the forms ("author: title")
under which the notes cite the work: it links the notes to the entry, so keep it."""


def add_entries(works: list[Work], library):
    """The library with entries for `works` appended (existing entries untouched)."""
    from bibtexparser import model

    if not library.blocks:
        library.add(model.ExplicitComment(HEADER))
    assign_keys(works, {entry.key for entry in library.entries})
    for work in works:
        library.add(entry_of(work))
    return library


def write_bib(library) -> str:
    import bibtexparser

    return bibtexparser.write_string(library, bibtex_format=bib_format())


# --- the build's checks and links ----------------------------------------------------------------

def check_library(bibliography: Bibliography, library=None):
    """The curated library, every cited work matched to its entry; a cited work without an entry
    or an entry no note cites stops the build."""
    library = load_bib() if library is None else library
    missing, uncited = match_entries(bibliography, library)
    if missing:
        names = "; ".join(work.identities[0] for work in missing[:3])
        raise EditionError(BIB, f"{len(missing)} cited work(s) have no entry ({names}) — run "
                                "`python -m build_tools bib` to add them, then review the new entries")
    if uncited:
        entry = uncited[0]
        raise EditionError(BIB, f"entry {entry.key} is cited by no note — remove it, or add to its "
                                "cited-as the form the notes print", entry.start_line + 1)
    return library


def one_line(entry) -> str:
    """An entry as a short plain line, for a link's tooltip."""
    fields = {name: field.value for name, field in entry.fields_dict.items()}
    people = fields.get("author") or fields.get("editor") or fields.get("organization") or ""
    chinese = bool(CJK.search(people))
    people = people.replace(" and others", "等" if chinese else " et al.")
    parts = [people.replace(" and ", "、" if chinese else ", "), fields.get("title", ""),
             fields.get("year", "")]
    return "，".join(part for part in parts if part)


def link_notes(bibliography: Bibliography, slug: str, library=None) -> dict:
    """{(scope, note number): [CitationLink]} of one text, for rendering the notes."""
    from .model import CitationLink

    entries = {entry.key: entry for entry in library.entries} if library is not None else {}
    found: dict[tuple[str, str], list] = {}
    for link in bibliography.links:
        if link.note.slug != slug or link.work is None or link.problem:
            continue
        start, end = link.citation.link
        label = one_line(entries[link.work.key]) if link.work.key in entries else link.work.title
        found.setdefault((link.note.scope, link.note.number), []).append(
            CitationLink(start, end, link.work.key, label))
    return found


def coverage(bibliography: Bibliography, slug: str | None = None) -> tuple[int, int]:
    """(notes that cite something, of them the notes with at least one citation linked to an entry)."""
    notes: dict[NoteId, bool] = {}
    for link in bibliography.links:
        if slug is None or link.note.slug == slug:
            notes[link.note] = notes.get(link.note, False) or (link.work is not None and not link.problem)
    return len(notes), sum(notes.values())


def problems(bibliography: Bibliography, slug: str) -> list[tuple[str, str, str, str]]:
    """(scope, note number, problem, what) for the report: back-references that resolve nowhere,
    citations too incomplete (no year, no URL) to make an entry."""
    found = []
    for link in bibliography.links:
        if link.note.slug != slug or not link.problem:
            continue
        citation = link.citation
        if link.problem == "unresolved":
            kind, *rest = citation.ref
            what = {"previous": "同上／Ibid.：前一註沒有可指向的完整引用",
                    "note": f"同註 {rest[0] if rest else ''}：該註沒有可指向的完整引用"}.get(
                kind, f"{rest[0] if rest else ''}{('〈' + rest[1] + '〉') if len(rest) > 1 and rest[1] else ''}"
                      "，前揭書：本文節錄範圍內沒有此著作的完整引用")
            found.append((link.note.scope, link.note.number, "無法還原的省略引用", what))
        else:
            what = f"{'、'.join(citation.authors)}〈{citation.title}〉" if citation.title else "（無題名）"
            found.append((link.note.scope, link.note.number, "引用不完整（無年份或網址），未建書目", what))
    return found
