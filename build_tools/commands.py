"""The longer-running commands: check, serve, scaffold (bench: bench.py)."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

from .editions import EDITIONS, ROOT, SEEDS, discover
from .errors import EditionError


def check(annotation_files: list[str] = ()) -> None:
    """Validate every contributed data file: edition files, glossary, bibliography, annotations
    (all of annotations/, or only the files named)."""
    from pathlib import Path

    from .annotations import ANNOTATIONS, check_annotations
    from .build import attach_annotations, clean_all
    from .glossary import load_glossary
    from .references import check_library, load_bib, resolve
    from .render import anchor_entries

    discover()                       # the data files first: their errors need no cleaning
    terms = load_glossary()
    library = load_bib()
    texts = clean_all()
    library = check_library(resolve(texts), library)
    anchors = {text.edition.slug: anchor_entries(text)["anchors"] for text in texts}
    keys, ids = {entry.key for entry in library.entries}, {term.id for term in terms}
    if not annotation_files:
        placed = check_annotations(anchors, keys, ids, ANNOTATIONS)
        attach_annotations(texts, placed)
        from .anchorlock import check_lock
        from .render import render_anchors

        registry = json.loads(render_anchors(texts, "check"))
        check_lock(registry, aliases_of(texts), editions_of(texts))
    for name in annotation_files:
        path = Path(name)
        if not path.exists():
            raise EditionError(path, "no such file — give the path of an annotation file")
        check_annotations(anchors, keys, ids, path.parent, only=path)


# What `serve` watches: every source of the generated Markdown (mkdocs serve itself watches docs/).
WATCHED = ("seeds", "editions", "annotations", "glossary", "bib", "build_tools")


def serve(address: str = "127.0.0.1:8000") -> None:
    """Generate, then serve the site; regenerate the Markdown whenever one of its sources changes
    (a raw text, an edition, annotation or glossary file, the bibliography, the build code)."""
    from watchdog.events import EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED

    from .build import generate

    CHANGES = {EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED}
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer


    class Regenerate(FileSystemEventHandler):
        def __init__(self):
            self.pending = threading.Event()

        def on_any_event(self, event):
            # only changes count: regenerating opens and reads these files, which must not loop
            if event.event_type in CHANGES and not event.src_path.endswith((".tmp", ".pyc")) \
                    and "__pycache__" not in event.src_path:
                self.pending.set()

    generate()
    handler = Regenerate()
    observer = Observer()
    for folder in (ROOT / name for name in WATCHED):
        if folder.exists():
            observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", address],
                              cwd=ROOT)
    try:
        while server.poll() is None:
            if handler.pending.wait(timeout=1):
                time.sleep(0.3)
                handler.pending.clear()
                result = subprocess.run([sys.executable, "-m", "build_tools", "build"], cwd=ROOT)
                if result.returncode:
                    print("regeneration failed; the site keeps its last good pages", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.terminate()


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
