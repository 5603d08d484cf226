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
    parent: "Work | None" = None      # the volume of a chapter (crossref), when the notes name it
    aliases: list[str] = field(default_factory=list)   # earlier keys of its entry (biblatex `ids`)
    related: list = field(default_factory=list)        # its other editions or printings
    locators: list[str] = field(default_factory=list)  # the pages its citations cite
    proposed: bool = False            # a volume known only from its chapters' citations (volumes_of_chapters)

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


def other_printing(citation: Citation, work: Work) -> bool:
    """Another edition or printing of a work: both dated, the years differ (Keohane and Nye's
    1977, 1989 and 2011 editions; 張春燕's article of 2002 reprinted in 2003). A journal's name
    printed two ways in one year (政治科學論叢, 政治科學論壇) is the source's slip, not a reprint."""
    year, other = citation.fields.get("year"), work.fields.get("year")
    return bool(year and other and year != other)


def same_work(citation: Citation, work: Work) -> bool:
    """Same first author (or none), and one title the start of the other (a short-title repeat),
    and not another edition of it."""
    if other_printing(citation, work):
        return False
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
                    if target is None and citation.ref[0] == "author" and citation.ref[1]:
                        target = placeholder(citation, works, nid)   # cited only as 前揭書: kept, incomplete
                    if target is None:
                        link.problem = "unresolved"
                    else:
                        link.work = target
                        if nid not in target.notes:
                            target.notes.append(nid)
                by_note[nid].append(link)
                links.append(link)
    inherit_books(works)
    find_volumes(works, links)
    chapters_of_cited_volumes(works)
    volumes_of_chapters(works)
    relate_printings(works)
    return Bibliography(works, links)


UNKNOWN_TITLE = "〔題名未詳〕"      # the editors' placeholder: the notes cite the work only as 前揭書


def placeholder(citation: Citation, works: list[Work], nid: NoteId) -> Work:
    """The work of a back-reference whose full citation is outside the excerpt (Jon Pierre and B.
    Guy Peters，前揭書): an incomplete entry under its author, so the citation still links."""
    names = citation.authors or re_split_names(citation.ref[1])
    title = citation.ref[2] or UNKNOWN_TITLE
    for work in works:
        if not work.complete and work.title == title and person_key(lead_name(work)) == person_key(names[0]):
            if nid not in work.notes:
                work.notes.append(nid)
            return work
    work = Work(citation.entrytype, names, {"title": title, "langid": "zh-Hant" if CJK.search(citation.ref[2] + names[0]) else "en"},
                [f"{names[0]}: {title}"], [nid], False)
    works.append(work)
    return work


def re_split_names(names: str) -> list[str]:
    from .citations import split_names

    return split_names(names) or [names]


def find_volumes(works: list[Work], links: list[Link]) -> None:
    """A chapter cited as 「某某主編，前揭書」 belongs to the volume that editor edited: the one
    the notes cite, or else an incomplete `collection` entry for it (crossref from its chapters)."""
    for link in links:
        citation = link.citation
        if citation.kind != "work" or citation.ref[:1] != ("volume",) or link.work is None or link.work.parent:
            continue
        editor = person_key(citation.ref[1])
        volume = next((w for w in works if w.entrytype in ("collection", "book") and not w.authors and
                       person_key(w.fields.get("editor", "").split(" and ")[0]) == editor), None)
        if volume is None:
            volume = Work("collection", [], {"editor": citation.fields["editor"], "title": UNKNOWN_TITLE,
                                             "langid": citation.fields.get("langid", "zh-Hant")},
                          [f"{citation.fields['editor']}: {UNKNOWN_TITLE}"], [], False)
            works.append(volume)
        link.work.parent = volume
        link.work.fields["booktitle"] = volume.title
        for name in ("publisher", "address", "year"):
            if name in volume.fields:
                link.work.fields.setdefault(name, volume.fields[name])
        for note in link.work.notes:
            if note not in volume.notes:
                volume.notes.append(note)


def chapters_of_cited_volumes(works: list[Work]) -> None:
    """A chapter whose book the notes also cite as a whole (001: Shin-Wha Lee's chapter “in Martina
    Timmermann and Jitsuo Tsuchiyama ed., Institutionalizing Northeast Asia…”, and that volume
    cited by its editors) has the volume as its parent (biblatex `crossref`)."""
    volumes = [w for w in works if w.entrytype in ("collection", "book") and not w.authors and w.fields.get("editor")
               and w.title != UNKNOWN_TITLE]
    for work in works:
        if work.entrytype != "incollection" or work.parent is not None or not work.fields.get("booktitle"):
            continue
        book, editor = normal(work.fields["booktitle"]), person_key(work.fields.get("editor", "").split(" and ")[0])
        for volume in volumes:
            title = normal(volume.title)
            if len(min(book, title, key=len)) >= 4 and (book.startswith(title) or title.startswith(book)) and \
                    person_key(volume.fields["editor"].split(" and ")[0]) == editor:
                work.parent = volume
                break


VOLUME_FIELDS = ("publisher", "address", "year", "langid")


def same_volume(booktitle: str, editor: str, volume: Work) -> bool:
    """A chapter's book is this volume: one title the start of the other, the same first editor."""
    book, title = normal(booktitle), normal(volume.title)
    return len(min(book, title, key=len)) >= 4 and (book.startswith(title) or title.startswith(book)) and \
        person_key(editor.split(" and ")[0]) == person_key(volume.fields.get("editor", "").split(" and ")[0])


def volumes_of_chapters(works: list[Work]) -> None:
    """A chapter that names its book (booktitle and editors) but whose book the notes never cite as
    a whole gets the volume as its parent all the same: a `collection` of the editors, the title and
    the imprint the chapter gives, shared by the chapters of one book (002 note 20: Ikenberry's
    introduction and Duffield's chapter in Ikenberry and Mastanduno's volume) and cited through them.
    biblatex links a chapter to its volume with `crossref`; Zotero and CSL read the chapter's own
    booktitle, editors and imprint, which it keeps. The volume is a proposal for a newly cited chapter
    (`python -m build_tools bib` adds both entries); for a chapter the bibliography has, its entry's
    `crossref` decides (`link_volumes`).

    >>> chapter = Work("incollection", ["John Duffield"], {"title": "Asia-Pacific Security Institutions",
    ...     "booktitle": "International Relations Theory and the Asia-Pacific", "editor": "G. John Ikenberry and Michael Mastanduno",
    ...     "publisher": "Columbia University Press", "address": "New York", "year": "2003", "langid": "en"}, complete=True)
    >>> works = [chapter]; volumes_of_chapters(works)
    >>> volume = chapter.parent; volume.entrytype, volume.identities, volume.fields["publisher"], volume.complete
    ('collection', ['G. John Ikenberry: International Relations Theory and the Asia-Pacific'], 'Columbia University Press', True)
    """
    volumes = [w for w in works if w.entrytype == "collection" and not w.authors]
    for work in list(works):
        booktitle, editor = work.fields.get("booktitle", ""), work.fields.get("editor", "")
        if work.entrytype != "incollection" or work.parent is not None or not (booktitle and editor) \
                or booktitle == UNKNOWN_TITLE:
            continue
        volume = next((v for v in volumes if same_volume(booktitle, editor, v)), None)
        if volume is None:
            fields = {"editor": editor, "title": booktitle} | {name: work.fields[name] for name in VOLUME_FIELDS
                                                                if work.fields.get(name)}
            volume = Work("collection", [], fields, [f"{lead_name(Work('collection', [], fields))}: {booktitle}"],
                          [], work.complete, proposed=True)
            works.append(volume)
            volumes.append(volume)
        for name in VOLUME_FIELDS:                     # another chapter may give more of the imprint
            if work.fields.get(name) and volume.title == booktitle:
                volume.fields.setdefault(name, work.fields[name])
        volume.complete = volume.complete or work.complete
        work.parent = volume
        volume.notes += [note for note in work.notes if note not in volume.notes]


def relate_printings(works: list[Work]) -> None:
    """Editions and printings of one work, kept apart, name each other (biblatex `related`)."""
    for i, work in enumerate(works):
        for other in works[:i]:
            a, b = normal(other.title), normal(work.title)
            if a and b and (a.startswith(b) or b.startswith(a)) and other.title != UNKNOWN_TITLE and \
                    person_key(lead_name(other)) == person_key(lead_name(work)) and other_printing_of(work, other):
                work.related.append(other)
                other.related.append(work)


def other_printing_of(work: Work, other: Work) -> bool:
    a, b = work.fields, other.fields
    return a.get("year") != b.get("year")


def attach(citation: Citation, works: list[Work], nid: NoteId) -> Work:
    """The work a citation names: an earlier one (merged, gaps filled; the one cited last, for a
    short title repeating one of several editions) or a new one."""
    for work in reversed(works):
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
            cited_at(work, citation.locator)
            return work
    work = Work(citation.entrytype, list(citation.authors), dict(citation.fields),
                [identity(citation)], [nid], citation.complete)
    cited_at(work, citation.locator)
    works.append(work)
    return work


def page_numbers(locator: str) -> list[int]:
    """The pages of a locator, ranges spelled out at their ends: "47, 98-99" → [47, 98, 99]."""
    return [int(n) for n in re.findall(r"\d+", locator)]


def cited_at(work: Work, locator: str) -> None:
    """Record the page a citation cites; a range taken for the work's extent (pages) that another
    citation of the work cites outside was only a locator too, and is no extent (001: 蔡東杰's
    chapter cited at 頁 108 and at 頁 109-116; 武心波's at 169-174 and at 176-178).

    >>> w = Work("incollection", ["蔡東杰"], {"title": "東北亞安全問題", "pages": "109--116"})
    >>> cited_at(w, "109-116"); cited_at(w, "108"); "pages" in w.fields
    False
    """
    if locator:
        work.locators.append(locator)
    extent = re.fullmatch(r"(\d+)--(\d+)", work.fields.get("pages", ""))
    if extent and any(not int(extent.group(1)) <= page <= int(extent.group(2))
                      for cited in work.locators for page in page_numbers(cited)):
        del work.fields["pages"]


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


@functools.lru_cache(maxsize=None)
def pinyin(text: str) -> tuple[str, ...]:
    """The ASCII syllables of a Chinese text (kept: the bibliography's sort reads each name again
    for every citation that links to it, for the part it is on)."""
    from pypinyin import lazy_pinyin

    return tuple(syllable for syllable in lazy_pinyin(text) if syllable.isalpha() and syllable.isascii())


def surname(name: str) -> str:
    """The romanised surname used in keys and for sorting: 李明 → li, Robert O. Keohane → keohane,
    and a romanised East-Asian name printed surname-first by that surname.

    >>> surname("李明"), surname("Robert O. Keohane"), surname("Chu Shulong"), surname("Choe Sang-hun")
    ('li', 'keohane', 'chu', 'choe')
    """
    name = name.strip()
    if CJK.match(name):
        family = name[:2] if name.startswith(COMPOUND_SURNAMES) else name[:1]
        return SURNAME_READINGS.get(family) or "".join(pinyin(family))
    if not is_corporate(name) and " " in name and "," not in name:   # Chu Shulong: family name first
        name = bib_name(name).split(",")[0]
    words = [w for w in re.split(r"[\s.]+", name) if w and w.lower() != "jr"]
    if is_corporate(name):                   # The International Institute for …: its first word
        words = [w for w in words if w.lower() not in STOPWORDS][:1]
    last = words[-1] if words else ""
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", last).encode("ascii", "ignore").decode().lower())


def title_word(title: str) -> str:
    if re.fullmatch(r"〔[^〕]*〕", title):     # the editors' placeholder: no word of the work's own
        return ""
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
        if not any(name in fields and str(fields[name].value).strip() for name in ("year", "date")):
            missing.append("year or date")
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
        forms = qualified_identities(work) + work.identities      # an edition's own form first
        entry = next((by_identity[normal(form)] for form in forms if normal(form) in by_identity), None)
        if entry is None:
            missing.append(work)
        else:
            work.key = entry.key
            keywords = entry.fields_dict["keywords"].value if "keywords" in entry.fields_dict else ""
            work.complete = "incomplete" not in keywords      # the curated entry decides
            cited.add(entry.key)
    missing = [work for work in missing if not curated_proposal(work, bibliography.works)]
    bibliography.works[:] = [work for work in bibliography.works if work.key or work in missing]
    merge_same_entry(bibliography)
    link_volumes(bibliography, library)
    cited |= {work.key for work in bibliography.works if work.key}
    uncited = [entry for entry in library.entries if entry.key not in cited]
    return missing, uncited


def curated_proposal(work: Work, works: list[Work]) -> bool:
    """A proposed volume whose chapters all have entries: their `crossref` says what their volume is."""
    chapters = [other for other in works if other.parent is work]
    return work.proposed and all(chapter.key for chapter in chapters)


def crossref_of(entry) -> str:
    return entry.fields_dict["crossref"].value.strip() if "crossref" in entry.fields_dict else ""


def link_volumes(bibliography: Bibliography, library) -> None:
    """Each chapter's volume is the entry its `crossref` names (the curated file decides); a volume no
    note cites as a whole is cited through its chapters (their notes link back to it too)."""
    entries = library.entries_dict
    by_key = {work.key: work for work in bibliography.works if work.key}
    for work in list(by_key.values()):
        if work.key not in entries:
            continue
        key = crossref_of(entries[work.key])
        if not key:
            if work.parent is not None and work.parent.proposed:
                work.parent = None
            continue
        volume = by_key.get(key)
        if volume is None and key in entries:
            volume = Work("collection", [], {"title": values_of(entries[key]).get("title", "")}, [], [],
                          "incomplete" not in values_of(entries[key]).get("keywords", ""), key=key)
            bibliography.works.append(volume)
            by_key[key] = volume
        work.parent = volume
        if volume is not None:
            volume.notes += [note for note in work.notes if note not in volume.notes]


def values_of(entry) -> dict[str, str]:
    return {name: str(field.value).strip() for name, field in entry.fields_dict.items()}


def qualified_identities(work: Work) -> list[str]:
    """The cited-as forms of one of several editions: "author: title (year)"."""
    year = work.fields.get("year") or work.fields.get("date", "")[:4]
    return [f"{form} ({year})" for form in work.identities] if work.related and year else []


def merge_same_entry(bibliography: Bibliography) -> None:
    """Works an editor merged into one entry (its cited-as lists both) become one work."""
    first: dict[str, Work] = {}
    for work in list(bibliography.works):
        if not work.key:
            continue
        kept = first.setdefault(work.key, work)
        if kept is work:
            continue
        kept.notes += [note for note in work.notes if note not in kept.notes]
        bibliography.works.remove(work)
        for link in bibliography.links:
            if link.work is work:
                link.work = kept


# --- biblatex entries -------------------------------------------------------------------------

# Romanised East-Asian surnames printed first (Chu Shulong, Choe Sang-hun): "Family, Given" in
# BibTeX. A name whose first word is one of these and whose second is not is read surname-first.
EAST_ASIAN_SURNAMES = {
    "chu", "lin", "choe", "choi", "wang", "zhang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou",
    "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "luo", "zheng", "xie", "han", "tang", "feng", "deng",
    "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng",
    "wei", "su", "lu", "ding", "ren", "shen", "yao", "jin", "kim", "park", "pak", "lee", "yi", "kang", "yoon",
    "jung", "chung", "cho", "shin", "kwon", "hwang", "song", "yan", "qian", "xia", "jia", "fu", "fang",
}
CORPORATE = re.compile(r"\b(?:Commission|Council|Institute|Institution|Ministry|Department|Office|Agency|"
                       r"Cent(?:er|re)|Organi[sz]ation|Association|University|Foundation|Committee|Bank|"
                       r"Fund|Times|Press|Nations|Studies)\b|(?:[所部會院社局處室館署廳]|中心|委員會|會議|基金會|報)$")


def is_corporate(name: str) -> bool:
    """An institution, not a person (Commission on Global Governance, 中國國際問題研究所).

    >>> is_corporate("Commission on Global Governance"), is_corporate("中國國際問題研究所"), is_corporate("高朗")
    (True, True, False)
    >>> is_corporate("中共中央文獻研究室"), is_corporate("國史館")
    (True, True)
    """
    return bool(CORPORATE.search(name))


def bib_name(name: str) -> str:
    """A name as biblatex parses it: "Family, Given" (Jr. after the family name), an institution
    braced, a Chinese name whole, a romanised East-Asian name printed surname-first kept so.

    >>> [bib_name(n) for n in ("Robert O. Keohane", "Joseph S.Nye Jr", "Chu Shulong", "Liping Xia",
    ...                        "Commission on Global Governance", "高朗", "others")]
    ['Keohane, Robert O.', 'Nye, Jr., Joseph S.', 'Chu, Shulong', 'Xia, Liping', '{Commission on Global Governance}', '高朗', 'others']
    """
    name = re.sub(r"(?<=\b[A-Z]\.)(?=[A-Z][a-z])", " ", name.strip())     # S.Nye
    if name == "others" or "," in name:
        return name
    if is_corporate(name):
        return "{" + name + "}"
    if CJK.search(name):
        return name
    words = name.split()
    junior = ""
    if words and re.fullmatch(r"Jr\.?", words[-1]):
        junior, words = ", Jr.", words[:-1]
    if len(words) < 2:
        return " ".join(words) + junior
    first, second = words[0].lower(), words[1].lower()
    if len(words) == 2 and first in EAST_ASIAN_SURNAMES and second.split("-")[0] not in EAST_ASIAN_SURNAMES:
        return f"{words[0]}{junior}, {words[1]}"
    return f"{words[-1]}{junior}, {' '.join(words[:-1])}"


def bib_names(names: list[str]) -> str:
    return " and ".join(bib_name(name) for name in names if name)


def escape_bib(value: str) -> str:
    """A literal value for BibTeX: `&` escaped (Rowman & Littlefield)."""
    return re.sub(r"(?<!\\)&", r"\\&", value)


BIB_TYPES = {"mastersthesis": "thesis", "phdthesis": "thesis"}
ENTRY_ORDER = ["author", "editor", "translator", "title", "journal", "booktitle", "crossref", "edition", "type",
               "institution", "organization", "publisher", "address", "date", "year", "volume", "number", "pages",
               "entrysubtype", "url", "urldate", "related", "relatedtype", "ids", "keywords", "note", "langid"]


def biblatex_fields(work: Work) -> tuple[str, dict[str, str]]:
    """The entry type and fields biblatex and Zotero expect for a work (names "Family, Given",
    theses as @thesis, a volume known only by its editor as @collection, a newspaper item dated in
    full, unknown dates as XXXX, an incomplete work flagged `keywords = {incomplete}`)."""
    kind = BIB_TYPES.get(work.entrytype, work.entrytype)
    values = dict(work.fields)
    people = [a for a in work.authors if a != "others"] + (["others"] if "others" in work.authors else [])
    if people:
        values["author"] = bib_names(people)
    for role in ("editor", "translator"):
        if values.get(role):
            values[role] = bib_names(values[role].split(" and "))
    if work.entrytype in ("mastersthesis", "phdthesis"):
        values["type"] = "mathesis" if work.entrytype == "mastersthesis" else "phdthesis"
        values["institution"] = values.pop("school", "")
    if kind == "book" and not people and values.get("editor"):
        kind = "collection"
    if kind == "book" and not people and not values.get("editor"):
        kind = "manual"                          # an unsigned official document (《國軍統率綱領》)
    if kind == "article" and not people and values.get("journal"):   # an unsigned news item: under its paper
        values["author"] = "{" + values.get("journal", values.get("organization", "")) + "}"
    if kind == "online":                         # a web page: its site is the organization
        journal = values.pop("journal", None)
        if journal and not values.get("organization"):
            values["organization"] = journal
    if kind == "article" and not values.get("journal"):
        kind = "misc"                            # 〈篇名〉 cited without its periodical
    if kind == "incollection" and not values.get("editor"):
        kind = "inbook" if people else kind
    if values.get("date"):
        values.pop("year", None)
    elif not values.get("year"):
        values["date"] = "XXXX"                  # EDTF: year unknown (the note gives none)
    if work.parent is not None and work.parent.key:
        values["crossref"] = work.parent.key
    if work.related:
        values["related"] = ",".join(other.key for other in work.related if other.key)
        values["relatedtype"] = "otheredition"
    if work.aliases:
        values["ids"] = ",".join(work.aliases)
    if not work.complete:
        values["keywords"] = "incomplete"
    for name in ("title", "journal", "booktitle", "publisher", "address", "organization", "institution"):
        if values.get(name):
            values[name] = escape_bib(values[name])
    return kind, values


def entry_of(work: Work):
    from bibtexparser import model

    kind, values = biblatex_fields(work)
    fields = [model.Field(name, values[name]) for name in ENTRY_ORDER if values.get(name)]
    fields.append(model.Field("cited-as", "\n    ".join(qualified_identities(work) or work.identities)))
    return model.Entry(kind, work.key, fields)


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
    check_volumes(library)
    return library


VOLUME_TYPES = ("collection", "book", "mvcollection", "mvbook", "proceedings")


def check_volumes(library) -> None:
    """A chapter that names its book (booktitle and editor) links to the book's entry with `crossref`
    (biblatex's parent), and a crossref names a volume of the file."""
    entries = library.entries_dict
    for entry in library.entries:
        fields, line = values_of(entry), entry.start_line + 1
        key = fields.get("crossref", "")
        if key and (key not in entries or entries[key].entry_type.lower() not in VOLUME_TYPES):
            raise EditionError(BIB, f"entry {entry.key}: crossref = {{{key}}} names no @collection or @book "
                                    "entry — give the key of its volume's entry", line)
        if entry.entry_type.lower() in ("incollection", "inbook") and fields.get("booktitle") and \
                fields.get("editor") and not key:
            raise EditionError(BIB, f"entry {entry.key} is a chapter of 《{fields['booktitle']}》 but names no "
                                    "volume — add crossref = {key of the volume's @collection entry} (add that "
                                    "entry if the file lacks it: editor, title, imprint, cited-as)", line)


def one_line(entry) -> str:
    """An entry as a short plain line, for a link's tooltip."""
    from .render_bib import people as printed, values

    fields = values(entry)
    names = fields.get("author") or fields.get("editor") or ""
    chinese = bool(CJK.search(names))
    parts = [printed(names, chinese) if names else fields.get("organization", ""), fields.get("title", ""),
             fields.get("year", "")]
    return "，".join(part for part in parts if part)


def link_notes(bibliography: Bibliography, slug: str, library=None) -> dict:
    """{(scope, note number): [CitationLink]} of one text, for rendering the notes."""
    from .model import CitationLink
    from .render_bib import entry_address

    entries = {entry.key: entry for entry in library.entries} if library is not None else {}
    found: dict[tuple[str, str], list] = {}
    for link in bibliography.links:
        if link.note.slug != slug or link.work is None or link.problem:
            continue
        start, end = link.citation.link
        label = one_line(entries[link.work.key]) if link.work.key in entries else link.work.title
        if link.citation.locator:
            label += f"，{locator_label(link.citation.locator)}"
        found.setdefault((link.note.scope, link.note.number), []).append(
            CitationLink(start, end, link.work.key, label, link.citation.locator,
                         entry_address(entries[link.work.key]) if link.work.key in entries else "bibliography/"))
    return found


def locator_label(locator: str) -> str:
    """The page a citation cites, as a reader expects it: 頁 47, 頁 23–29; a part of the book as the
    note names it.

    >>> locator_label("23-29"), locator_label("47"), locator_label("preface to the fourth edition")
    ('頁 23–29', '頁 47', 'preface to the fourth edition')
    """
    if not locator[:1].isdigit():
        return locator
    return "頁 " + locator.replace("--", "–").replace("-", "–")


def coverage(bibliography: Bibliography, slug: str | None = None) -> tuple[int, int]:
    """(citations found in the notes, of them the citations linked to an entry), counted per
    citation, not per note."""
    links = [link for link in bibliography.links if slug is None or link.note.slug == slug]
    return len(links), sum(1 for link in links if link.work is not None and not link.problem)


# A bare year may be commentary's (「Joseph S. Nye 於 1990 年提出」); a title mark, a page or a URL
# is a citation's: a note with one of these and no linked citation counts as a citation missed.
STRONG_EVIDENCE = re.compile(r"頁\s*\d|pp?\.\s*\d|[《〈“]|https?://")
EVIDENCE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|頁\s*\d|pp?\.\s*\d|[《〈“]|https?://|民國\s*\d")


def unparsed_notes(bibliography: Bibliography, text) -> list[tuple[str, str, str]]:
    """(scope, number, what) of every note with citation evidence (a year, 頁/pp., a title mark,
    a URL) of which no citation links to an entry: for the report, the parser's blind spots."""
    linked = {link.note for link in bibliography.links if link.work is not None and not link.problem}
    found = []
    for note in text.notes:
        nid = note_id(text, note)
        if not note.number.isdigit() or nid in linked:
            continue
        evidence = EVIDENCE.search(note.text)
        if evidence:
            found.append((nid.scope, nid.number, f"含引用跡象「{evidence.group()}」，未連至書目"))
    return found


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
    for link in bibliography.links:
        work = link.work
        if link.note.slug == slug and work is not None and not link.problem and not work.complete:
            who = "、".join(n for n in work.authors if n != "others") or work.fields.get("editor", "")
            found.append((link.note.scope, link.note.number, "書目不完整（已建條目，並標明出版資料不完整）",
                          f"{who}〈{work.title}〉"))
    return found


def citation_report(bibliography: Bibliography, text) -> dict:
    """One text's figures for its cleaning report and the build's summary: citations counted one
    by one, a note with citation evidence but no linked citation counted as one citation missed."""
    slug = text.edition.slug
    found, linked = coverage(bibliography, slug)
    unparsed = unparsed_notes(bibliography, text)
    missed = [note for note in unparsed if STRONG_EVIDENCE.search(note[2])]
    return {"citing": found + len(missed), "linked": linked, "problems": problems(bibliography, slug),
            "unparsed": unparsed}

