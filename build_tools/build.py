"""Generate the edition's Markdown into docs/, all-or-nothing.

Every file is computed in memory first; only when every text has been cleaned,
accounted for and rendered are files written, and only those whose content
changed (so `mkdocs serve` does not reload in a loop). Stale generated files
are removed. `site()` then runs `mkdocs build --strict` into a temporary
directory that replaces site/ only on success; if it fails, the generated files
it wrote are restored too, so docs/ and site/ stay the previous good build.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .accounting import discrepancy
from .editions import ROOT, discover
from .errors import EditionError, warn
from .model import CleanText
from .pipeline import clean
from .glossary import find_note_uses, find_uses, load_glossary
from .references import BIB, check_library, coverage, link_notes, load_bib, problems, resolve
from .annotations import check_annotations
from .render_annotations import render_index
from .render import (anchor_entries, own_heading, render_anchors, render_catalogue, render_glossary, render_nav,
                     render_text, split_pages, text_note)
from .render_bib import render_bibliography
from .render_print import whole_text_files
from .search_index import index_site

DOCS = ROOT / "docs"
GENERATED_DIR = DOCS / "texts"
VERSION_FILE = ROOT / "VERSION"


def version() -> str:
    return VERSION_FILE.read_text(encoding="utf-8").strip()


def clean_all() -> list[CleanText]:
    texts = []
    for raw, edition in discover():
        text = clean(raw, edition)
        for message in text.warnings:
            warn(raw, message)
        lost, invented = discrepancy(text)
        if lost or invented:
            sample = "".join(sorted((lost or invented).elements()))[:40]
            raise EditionError(raw, f"the cleaner {'lost' if lost else 'invented'} characters ({sample}) — "
                                    "this is a bug in build_tools: report it with this message")
        check_notes(raw, text)
        check_unique_anchors(raw, text)
        texts.append(text)
    return texts


def page_ids(text: CleanText) -> dict[str, list[tuple[str, int | None]]]:
    """{page key: [(id, raw line)]} of the ids the build gives a text's pages (as render_page does)."""
    pages = split_pages(text)
    found = {}
    for page in pages:
        ids = [] if own_heading(text, page) else [("top", None)]
        if page.key == "index" and len(pages) > 1:
            ids.append(("contents", None))
        if page.key == "index" and text_note(text) is not None:
            ids.append(("note-star", None))
        for block in page.blocks:
            line = block.lines[0] if block.lines else None
            ids += [(block.item.anchor, line)] if block.opens_item else []   # a list item and its first paragraph
            ids.append((block.anchor, line))
        found[page.key] = ids
    return found


def check_unique_anchors(raw: Path, text: CleanText) -> None:
    """Two blocks of one page may not share an id (a named heading, a table id or the root id
    can repeat a numbered one; a named heading printed twice repeats itself)."""
    for page, ids in page_ids(text).items():
        first: dict[str, int | None] = {}
        for anchor, line in ids:
            if anchor in first:
                other = f"raw line {first[anchor]}" if first[anchor] else "the page itself"
                raise EditionError(raw, f"anchor '{anchor}' is given twice on page {page} (also to {other}) — "
                                        f"give the named heading, table or root_id another id in "
                                        f"editions/{raw.stem}.yml, or list one line in outline.not_headings", line)
            first[anchor] = line


def check_notes(raw: Path, text: CleanText) -> None:
    """Stop on the first note anomaly the edition file does not explain."""
    for anomaly in text.anomalies:
        if anomaly.decision is None:
            scope = "" if anomaly.scope == "index" else f" of {anomaly.scope}"
            if anomaly.problem == "stale decision":
                hint = "remove the stale entry from `notes:` in the edition file"
            elif anomaly.problem in ("unnumbered", "duplicate"):
                hint = ("each note in a note block must start with its number: check the raw text there, "
                        f"or fix it through `corrections:` in editions/{raw.stem}.yml")
            else:
                hint = (f"fix the cleaner, or record an editorial decision (kind: {anomaly.problem}) "
                        f"under `notes:` in editions/{raw.stem}.yml")
            raise EditionError(raw, f"note {anomaly.number}{scope}: {anomaly.message} — {hint}", anomaly.line)


def generate_files(texts: list[CleanText], terms: list | None = None, library=None) -> dict[str, str]:
    """Every generated docs file, {docs-relative path: content}: the linking stages, then rendering."""
    terms = load_glossary() if terms is None else terms
    bibliography = resolve(texts)
    library = check_library(bibliography, library)
    by_id = {term.id: term for term in terms}
    text_anchors = {text.edition.slug: anchor_entries(text) for text in texts}
    placed = check_annotations({slug: entry["anchors"] for slug, entry in text_anchors.items()},
                               {entry.key for entry in library.entries}, set(by_id))
    attach_annotations(texts, placed)
    files: dict[str, str] = {}
    for text in texts:
        text.term_uses = find_uses(text.blocks, terms)
        text.note_terms = find_note_uses(text.notes, terms)
        text.note_citations = link_notes(bibliography, text.edition.slug, library)
        citing, linked = coverage(bibliography, text.edition.slug)
        text.citation_report = {"citing": citing, "linked": linked,
                                "problems": problems(bibliography, text.edition.slug)}
        files.update(render_text(text, by_id))
        files.update(whole_text_files(text, by_id))
    files["glossary.md"] = render_glossary(terms, texts)
    files["bibliography.md"] = render_bibliography(bibliography, library, texts)
    files["annotations.md"] = render_index(placed, texts)
    files["references.bib"] = BIB.read_text(encoding="utf-8") if BIB.exists() else ""
    files["changelog.md"] = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    files["anchors.json"] = render_anchors(texts, version(), terms, bibliography, text_anchors)
    files["texts/catalogue.md"] = render_catalogue(texts)
    files["texts/index.md"] = render_catalogue(texts, prefix="", heading=True)
    return files


def attach_annotations(texts: list[CleanText], placed) -> None:
    """Give each text its annotations by (page, target anchor), in file order."""
    for text in texts:
        text.annotations = {}
        for p in placed:
            if p.slug == text.edition.slug:
                text.annotations.setdefault((p.page, p.anchor), []).append(p)


class Journal:
    """The previous content of every file the build writes or removes, to undo a failed build."""

    def __init__(self):
        self.saved: dict[Path, bytes | None] = {}

    def keep(self, path: Path) -> None:
        self.saved.setdefault(path, path.read_bytes() if path.exists() else None)

    def rollback(self) -> None:
        for path, data in self.saved.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                tmp = path.with_name(path.name + ".tmp")
                tmp.write_bytes(data)
                tmp.replace(path)
        self.saved.clear()


def write_if_changed(path: Path, content: str, journal: Journal | None = None) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return False
    if journal is not None:
        journal.keep(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(content, encoding="utf-8")
    tmp.replace(path)
    return True


def write_docs(files: dict[str, str], docs: Path = DOCS, journal: Journal | None = None) -> int:
    """Write generated files under docs/, remove stale ones; returns how many changed."""
    changed = sum(write_if_changed(docs / rel, content, journal) for rel, content in sorted(files.items()))
    wanted = {docs / rel for rel in files}
    for stale in sorted((docs / "texts").rglob("*")) if (docs / "texts").exists() else []:
        if stale.is_file() and stale not in wanted:
            if journal is not None:
                journal.keep(stale)
            stale.unlink()
            changed += 1
    return changed


NAV_FILE = ROOT / "build" / "nav.yml"


def generate(journal: Journal | None = None) -> int:
    """Clean, link and render everything in memory, then write what changed; returns how many
    files changed. A failure while writing restores what was written."""
    terms = load_glossary()             # the data files first: their errors need no cleaning
    library = load_bib()
    texts = clean_all()
    files = generate_files(texts, terms, library)
    citing = sum(text.citation_report["citing"] for text in texts)
    linked = sum(text.citation_report["linked"] for text in texts)
    unresolved = sum(len(text.citation_report["problems"]) for text in texts)
    entries = files["bibliography.md"].count('class="bib-entry"')
    print(f"bibliography: {entries} entries; "
          f"{linked} of {citing} citing notes linked ({linked / max(citing, 1):.1%}); "
          f"{unresolved} citations unresolved or incomplete (see each text's report)")
    others = {NAV_FILE: render_nav(texts)}
    journal = Journal() if journal is None else journal
    try:
        changed = write_docs(files, journal=journal)
        return changed + sum(write_if_changed(path, content, journal) for path, content in others.items())
    except BaseException:
        journal.rollback()
        raise


def site() -> None:
    """Generate, then build the site; if mkdocs fails, the generated files are restored as well,
    so docs/ and site/ stay those of the previous good build."""
    journal = Journal()
    generate(journal)
    try:
        build_site()
    except BaseException:
        journal.rollback()
        raise


MKDOCS_CHATTER = re.compile(r"^INFO\b")


def mkdocs_problems(output: str) -> str:
    """mkdocs' output without its progress lines: the warnings and errors."""
    return "\n".join(line for line in output.splitlines() if line.strip() and not MKDOCS_CHATTER.match(line))


def build_site() -> None:
    """mkdocs build --strict into a temporary directory, index it for the search, then swap it in
    as site/."""
    site_dir, old = ROOT / "site", ROOT / ".site-old"
    shutil.rmtree(old, ignore_errors=True)          # left by an interrupted build
    tmp = Path(tempfile.mkdtemp(dir=ROOT, prefix=".site-new-"))
    try:
        # not --quiet: it hides the warnings from --strict, which then passes (mkdocs 1.6)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp)],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            print(mkdocs_problems(result.stdout + result.stderr), file=sys.stderr)
            raise EditionError("mkdocs.yml", "mkdocs build --strict failed — fix what its messages above name; "
                                             "site/ and the generated docs were left as they were")
        index_site(tmp)
        if site_dir.exists():
            site_dir.rename(old)
        tmp.rename(site_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
