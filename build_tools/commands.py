"""The longer-running commands: check, where, serve (serve.py), scaffold (bench: bench.py)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .editions import EDITIONS, ROOT, SEEDS, discover
from .errors import EditionError
from .model import Line


def data_kind(path: Path) -> str:
    """Which kind of data file `path` is, from where it lives: edition, glossary, bibliography or
    annotation (the default: annotation files are the ones most often checked alone)."""
    if path.suffix == ".bib":
        return "bibliography"
    if path.parent.name == "editions":
        return "edition"
    if path.parent.name == "glossary" or path.name == "terms.yml":
        return "glossary"
    return "annotation"


def check(files: list[str] = ()) -> None:
    """Validate every contributed data file: edition files, glossary, bibliography, annotations;
    with `files`, also each file named (any data file: edition, glossary, bibliography, annotation)."""
    from .annotations import ANNOTATIONS, check_annotations
    from .build import attach_annotations, clean_all
    from .editions import load_edition
    from .glossary import check_printed, check_references, load_glossary
    from .references import check_library, load_bib, resolve
    from .render import anchor_entries

    discover()                       # the data files first: their errors need no cleaning
    terms = load_glossary()
    library = load_bib()
    texts = clean_all()
    library = check_library(resolve(texts), library)
    keys, ids = {entry.key for entry in library.entries}, {term.id for term in terms}
    check_references(terms, keys)
    check_printed(terms, texts)
    anchors = {text.edition.slug: anchor_entries(text)["anchors"] for text in texts}
    if not files:
        placed = check_annotations(anchors, keys, ids, ANNOTATIONS)
        attach_annotations(texts, placed)
        from .anchorlock import check_lock
        from .render import render_anchors

        registry = json.loads(render_anchors(texts, "check"))
        check_lock(registry, aliases_of(texts), editions_of(texts))
    for name in files:
        path = Path(name)
        if not path.exists():
            raise EditionError(path, "no such file — give the path of a data file (an edition, annotation, "
                                     "glossary or bibliography file)")
        kind = data_kind(path)
        if kind == "edition":
            load_edition(path)
        elif kind == "glossary":
            named = load_glossary(path)
            check_references(named, keys, path)
            check_printed(named, texts, path)
        elif kind == "bibliography":
            check_library(resolve(texts), load_bib(path))
        else:
            check_annotations(anchors, keys, ids, path.parent, only=path)


def serve(address: str = "127.0.0.1:8000") -> None:
    """Generate, build and serve with live reload, rebuilding what a save touches (serve.py)."""
    from .serve import serve as serve_edition

    serve_edition(address)


TEMPLATE = """# Edition file of seeds/{raw}: replace every TODO, then run `make check`.
source: {raw}
slug: "TODO: the text's address in the site, lower-case ASCII words joined by hyphens (e.g. cross-strait-relations)"
order: {order}
title: "TODO: the title as printed, or an editorial title (then keep title_is_editorial: true)"
title_is_editorial: true
title_en: "TODO: the title in English"
kind: "TODO: one of journal article, master's thesis, thesis chapter, government report"
description: "TODO: one or two sentences in Chinese on what the text is about"
outline:
  levels: [capital, number, paren]   # enumerators, outermost first: chapter section capital number paren
"""


def scaffold(raw_name: str) -> str:
    """Write a template edition file for a raw text in seeds/; its TODO values fail `check` until filled in."""
    raw = SEEDS / raw_name
    if Path(raw_name).name != raw_name or raw.suffix != ".txt":
        raise EditionError(raw_name, "give the file name of a raw text in seeds/, e.g. 005_1a2b3c.txt")
    if not raw.is_file():
        raise EditionError(raw, "no such raw text — copy it into seeds/ first")
    target = EDITIONS / f"{raw.stem}.yml"
    if target.exists():
        raise EditionError(target, "edition file already exists — edit it instead")
    from .read import read_lines

    read_lines(raw)                                   # an undecodable or empty text is reported now
    orders = [edition.order for _, edition in discover_others(raw)]
    target.write_text(TEMPLATE.format(raw=raw.name, order=max(orders, default=0) + 1), encoding="utf-8")
    return f"wrote {target.relative_to(ROOT)}; replace its TODO values and run `make check`"


def discover_others(raw):
    """The editions of the other raw texts (an error in one of them does not stop the scaffold)."""
    from .editions import load_edition

    found = []
    for path in sorted(EDITIONS.glob("*.yml")):
        try:
            found.append((path, load_edition(path)))
        except EditionError:
            pass
    return found


def term_candidates() -> str:
    """TSV of bilingual pairs not yet in the glossary: Chinese run, original, where it is printed."""
    from .build import clean_all
    from .glossary import candidates, load_glossary

    found = candidates(clean_all(), load_glossary())
    rows = ["chinese\toriginal\twhere"] + [f"{c.chinese}\t{c.original}\t{c.where}" for c in found]
    return "\n".join(rows) + f"\n# {len(found)} pairs not yet in glossary/terms.yml\n"


def bibliography_update() -> str:
    """Add an entry to bib/references.bib for every cited work it lacks; existing entries,
    editors' corrections included, are left as they are. Lists entries no note cites."""
    from .build import clean_all
    from .references import BIB, add_entries, load_bib, match_entries, resolve, write_bib

    bibliography = resolve(clean_all())
    library = load_bib()
    missing, uncited = match_entries(bibliography, library)
    if missing:
        BIB.parent.mkdir(exist_ok=True)
        BIB.write_text(write_bib(add_entries(missing, library)), encoding="utf-8")
    lines = [f"added {len(missing)} entries to {BIB.relative_to(ROOT)}" if missing else "no new works cited"]
    lines += [f"{BIB.relative_to(ROOT)}: entry {entry.key} is cited by no note — remove it, or add to its "
              "cited-as the form the notes print" for entry in uncited]
    return "\n".join(lines)


def lock_anchors(accept_moved: bool = False) -> str:
    """Add the build's new anchors to anchors.lock.json; refuse while a locked anchor is gone
    without an alias, or (unless `accept_moved`) points at other text. Nothing is ever removed."""
    import json

    from .anchorlock import LOCK, check_lock, lock_text, moved_text, published, read_lock
    from .build import clean_all, generate_files

    texts = clean_all()
    registry = json.loads(generate_files(texts)["anchors.json"])
    lock, live = read_lock(), published(registry)
    moved = moved_text(lock, live) if accept_moved else {}
    try:
        check_lock(registry, aliases_of(texts), editions_of(texts), {**lock, **{a: live[a] for a in moved}})
    except EditionError as error:
        problems = [e for e in getattr(error, "errors", [error]) if "new anchors" not in e.message]
        if problems:
            raise type(error)(problems) if len(problems) > 1 else problems[0]
    added = {address: line for address, line in live.items() if address not in lock}
    pinned = {address: live[address] for address, line in lock.items() if line is None and live.get(address)}
    LOCK.write_text(lock_text({**lock, **pinned, **added, **{a: live[a] for a in moved}}), encoding="utf-8")
    report = [f"anchors.lock.json: {len(added)} anchors added, {len(lock) + len(added)} locked"]
    report += [f"moved (accepted): {address} raw line {was} → {now}" for address, (was, now) in sorted(moved.items())]
    return "\n".join(report)


def aliases_of(texts) -> dict:
    return {text.edition.slug: text.edition.aliases for text in texts}


def editions_of(texts) -> dict:
    return {text.edition.slug: f"editions/{text.edition.stem}.yml" for text in texts}


def squeezed(lines) -> tuple[str, list[int]]:
    """The raw lines' text without whitespace, and the raw line number of each character kept.

    >>> squeezed([Line(7, "全 球 治"), Line(8, " 理與")])
    ('全球治理與', [7, 7, 7, 8, 8])
    """
    chars, numbers = [], []
    for line in lines:
        for char in line.text:
            if not char.isspace():
                chars.append(char)
                numbers.append(line.no)
    return "".join(chars), numbers


def phrase_lines(phrase: str, lines) -> list[tuple[int, int]]:
    """(first, last) raw line of every occurrence of `phrase`, matched across line breaks and
    stray spaces (the extraction's letter-spacing and wrapped lines).

    >>> phrase_lines("治理與我國", [Line(1, "全 球 治"), Line(2, " 理與我國的"), Line(3, "我國")])
    [(1, 2)]
    """
    needle = "".join(phrase.split())
    text, numbers = squeezed(lines)
    found, start = [], text.find(needle) if needle else -1
    while start >= 0:
        found.append((numbers[start], numbers[start + len(needle) - 1]))
        start = text.find(needle, start + 1)
    return found


def where(phrase: str) -> str:
    """Where the raw texts print `phrase`: `seeds/<file>:<line>` and the raw line(s), for a
    `corrections:` entry (its `line` and `expected`). 「…」 around the phrase are optional."""
    from .read import read_lines

    pairs = discover()
    wanted = [phrase]
    if phrase.startswith("「") and phrase.endswith("」") and len(phrase) > 2:
        wanted.append(phrase[1:-1])
    if not "".join(phrase.split()):
        raise EditionError("seeds", "give the phrase to look for, e.g. `python -m build_tools where 「第二軌道外交」`")
    for needle in wanted:
        out = []
        for raw, edition in pairs:
            lines = read_lines(raw)
            for first, last in phrase_lines(needle, lines):
                span = f"{first}" if first == last else f"{first}-{last}"
                out.append(f"seeds/{raw.name}:{span} ({edition.slug}; corrections go in editions/{raw.stem}.yml)")
                out += [f"  {no:>5} | {lines[no - 1].text}" for no in range(first, last + 1)]
        if out:
            return "\n".join(out)
    raise EditionError("seeds", f"no raw text prints 「{phrase}」 (spaces and line breaks are ignored) — copy the "
                                "phrase from the site again, or try a shorter part of it")
