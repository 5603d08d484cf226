"""Generate the edition's Markdown into docs/, all-or-nothing.

Every file is computed in memory first; only when every text has been cleaned,
accounted for and rendered are files written, and only those whose content
changed (so `mkdocs serve` does not reload in a loop). Stale generated files
are removed. With a `Memo` (kept by `serve` between regenerations) a stage whose
inputs did not change is not run again: a text is cleaned again only when its raw
text or edition file changed, rendered again only when those, the glossary, the
bibliography or its annotation file changed (see `Memo`). `site()` then runs `mkdocs build --strict` into a temporary
directory that replaces site/ only on success; if it fails, the generated files
it wrote are restored too, so docs/ and site/ stay the previous good build.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .accounting import discrepancy, region_discrepancies
from .editions import ROOT, discover
from .errors import EditionError, warn
from .findings import summary
from .model import CleanText
from .pipeline import clean
from .glossary import check_printed, check_references, find_note_uses, find_uses, load_glossary
from .references import BIB, check_library, citation_report, link_notes, load_bib, resolve
from .annotations import check_annotations
from .render_annotations import render_index
from .render import (anchor_entries, own_heading, render_anchors, render_catalogue, render_nav,
                     render_text, split_pages, text_note)
from .render_bib import render_bibliography, render_csl_json
from .render_glossary import glossary_files
from .render_print import whole_text_files
from .cite import release
from .places import cite_files
from .render_downloads import download_entries, download_files
from .render_meta import page_meta
from .search_index import index_site

DOCS = ROOT / "docs"
GENERATED_DIR = DOCS / "texts"
GENERATED_FOLDERS = ("texts", "terms", "bibliography")        # folders of docs/ that hold only generated files
VERSION_FILE = ROOT / "VERSION"


def version() -> str:
    return VERSION_FILE.read_text(encoding="utf-8").strip()


def digest(*parts: bytes | str | Path) -> str:
    """A hash of byte strings, strings and files' contents (a missing file counts as empty).

    >>> digest("a", b"b") == digest("a", b"b") != digest("ab")
    True
    """
    hashed = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            part = part.read_bytes() if part.is_file() else b""
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()


# Inputs of every rendered text page besides its own raw text, edition and annotation file: the
# glossary (term links), the bibliography (note links), the version and its date, the site's URL.
SHARED_INPUTS = ("glossary/terms.yml", "bib/references.bib", "VERSION", "CHANGELOG.md", "CHANGELOG.zh-TW.md",
                 "mkdocs.yml")


class Memo:
    """The results of the previous generation, each kept with the hash of its inputs, so that a
    regeneration runs again only the stages whose inputs changed (`serve` keeps one between
    saves; `make build` starts without). Only the newest result of each stage is kept.

    The code is part of every key implicitly: a Memo lives in one process, and `serve` restarts
    itself when a file of build_tools/ changes.
    """

    def __init__(self):
        self.results: dict[str, tuple[str, object]] = {}
        self.computed: list[str] = []          # the stages the last generation actually ran

    def get(self, stage: str, key: str, compute):
        kept = self.results.get(stage)
        if kept is not None and kept[0] == key:
            return kept[1]
        value = compute()
        self.results[stage] = (key, value)
        self.computed.append(stage)
        return value


def text_key(raw: Path) -> str:
    """The inputs of one text's cleaning: its raw text and its edition file."""
    return digest(raw, raw.parent.parent / "editions" / f"{raw.stem}.yml")


def editions_key(seeds: Path = ROOT / "seeds", editions: Path = ROOT / "editions") -> str:
    """What `discover` reads: the raw texts' names, the edition files' names and contents."""
    return digest(*(raw.name for raw in sorted(seeds.glob("*.txt"))),
                  *(part for path in sorted(editions.glob("*.yml")) for part in (path.name, path)))


def shared_key(texts: list[CleanText], root: Path = ROOT) -> str:
    """The inputs every text page depends on: all texts (the bibliography merges their
    citations) and the shared data files."""
    return digest(*(text.edition.source for text in texts), *(text.input_key for text in texts),
                  *(root / name for name in SHARED_INPUTS))


def clean_all(memo: Memo | None = None) -> list[CleanText]:
    memo = Memo() if memo is None else memo
    texts = []
    for raw, edition in memo.get("editions", editions_key(), discover):
        key = text_key(raw)
        text = memo.get(f"clean:{raw.name}", key, lambda: clean_checked(raw, edition))
        text.input_key = key
        for message in text.warnings:
            warn(raw, message)
        texts.append(text)
    return texts


def clean_checked(raw: Path, edition) -> CleanText:
    """One text cleaned, its characters accounted for, its notes and anchors checked."""
    text = clean(raw, edition)
    lost, invented = discrepancy(text)
    if lost or invented:
        sample = "".join(sorted((lost or invented).elements()))[:40]
        raise EditionError(raw, f"the cleaner {'lost' if lost else 'invented'} characters ({sample}) — "
                                "this is a bug in build_tools: report it with this message")
    for region, lost, invented in region_discrepancies(text):
        sample = "".join(sorted((lost or invented).elements()))[:40]
        raise EditionError(raw, f"text moved {'out of' if lost else 'into'} the {region} ({sample}) — this is a bug "
                                "in build_tools: report it with this message")
    check_notes(raw, text)
    check_unique_anchors(raw, text)
    return text


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
            elif anomaly.problem == "restart":
                hint = (f"set `outline.split_level` in editions/{raw.stem}.yml to the level of the headings "
                        "that restart it (chapters: 1), so that each is a page with its own notes")
            elif anomaly.problem in ("unnumbered", "duplicate"):
                hint = ("each note in a note block must start with its number: check the raw text there, "
                        f"or fix it through `corrections:` in editions/{raw.stem}.yml")
            else:
                hint = (f"fix the cleaner, or record an editorial decision (kind: {anomaly.problem}) "
                        f"under `notes:` in editions/{raw.stem}.yml")
            raise EditionError(raw, f"note {anomaly.number}{scope}: {anomaly.message} — {hint}", anomaly.line)


def with_whole_text(text: CleanText, pages: dict[str, str], terms: dict | None) -> dict[str, str]:
    """A text's pages and its whole-text page, which carries a digest of them: it changes, and
    `make serve` renders it again, whenever one of them does."""
    key = digest(*(part for path in sorted(pages) for part in (path, pages[path])))[:16]
    return {**pages, **whole_text_files(text, terms, key)}


def generate_files(texts: list[CleanText], terms: list | None = None, library=None,
                   memo: Memo | None = None) -> dict[str, str]:
    """Every generated docs file, {docs-relative path: content}: the linking stages, then rendering
    (with a `memo`, a text's linking and pages are reused while their inputs are unchanged)."""
    from .annotations import ANNOTATIONS, annotation_files

    memo = Memo() if memo is None else memo
    terms = load_glossary() if terms is None else terms
    for text in texts:
        text.input_key = getattr(text, "input_key", None) or digest(repr(text))
    shared = shared_key(texts)
    bibliography = memo.get("bibliography", shared, lambda: resolve(texts))
    library = memo.get("check-library", shared, lambda: check_library(bibliography, library))
    memo.get("glossary-checks", shared, lambda: (check_references(terms, {entry.key for entry in library.entries}),
                                                 check_printed(terms, texts)))
    by_id = {term.id: term for term in terms}
    text_anchors = {text.edition.slug: memo.get(f"anchors:{text.edition.slug}", text.input_key,
                                                lambda text=text: anchor_entries(text)) for text in texts}
    everything = digest(shared, *annotation_files())
    placed = memo.get("annotations", everything, lambda: check_annotations(
        {slug: entry["anchors"] for slug, entry in text_anchors.items()},
        {entry.key for entry in library.entries}, set(by_id)))
    attach_annotations(texts, placed)
    files: dict[str, str] = {}
    for text in texts:
        slug = text.edition.slug
        linked = memo.get(f"links:{slug}", shared, lambda text=text: link_text(text, terms, bibliography, library))
        text.term_uses, text.note_terms, text.note_citations, text.citation_report = linked
        files.update(memo.get(f"pages:{slug}", digest(shared, ANNOTATIONS / f"{slug}.yml"),
                              lambda text=text: with_whole_text(text, render_text(text, by_id), by_id)))
        # the cite files and downloads hold no annotation: a save of one does not render them again
        files.update(memo.get(f"extras:{slug}", shared, lambda text=text: {**cite_files(text), **download_files(text)}))
        text_anchors[slug]["downloads"] = download_entries(slug)
    files.update(memo.get("glossary.md", shared, lambda: glossary_files(terms, texts)))
    files.update(memo.get("bibliography.md", shared, lambda: render_bibliography(bibliography, library, texts)))
    files["annotations.md"] = memo.get("annotations.md", everything, lambda: render_index(placed, texts))
    files["references.bib"] = BIB.read_text(encoding="utf-8") if BIB.exists() else ""
    files["references.json"] = memo.get("references.json", shared, lambda: render_csl_json(library))
    files["changelog.md"] = (ROOT / "CHANGELOG.zh-TW.md").read_text(encoding="utf-8")   # the readers' (zh-TW)
    files["license.md"] = license_page()
    files["anchors.json"] = memo.get("anchors.json", everything,
                                     lambda: render_anchors(texts, version(), terms, bibliography, text_anchors))
    files["texts/catalogue.md"] = render_catalogue(texts)
    files["texts/index.md"] = render_catalogue(texts, prefix="", heading=True)
    return files


def link_text(text: CleanText, terms: list, bibliography, library) -> tuple:
    """A text's glossary uses (blocks, notes), its notes' links to the bibliography, its citation report."""
    slug = text.edition.slug
    return (find_uses(text.blocks, terms), find_note_uses(text.notes, terms), link_notes(bibliography, slug, library),
            citation_report(bibliography, text))


def license_page() -> str:
    """docs/license.md: the repository's LICENSE on the site."""
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    return ("# 授權 {#top}\n\n本版的程式碼以 MIT 授權、校注內容（清理、結構、錨點、編者註、詞彙表、參考文獻）以"
            "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/deed.zh-hant) 授權釋出；"
            "原文著作權屬原作者與發行機關。授權全文如下（即儲存庫的 `LICENSE`）：\n\n"
            f"```text\n{licence}```\n")


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
    for stale in sorted(path for folder in GENERATED_FOLDERS for path in (docs / folder).rglob("*")):
        if stale.is_file() and stale not in wanted:
            if journal is not None:
                journal.keep(stale)
            stale.unlink()
            changed += 1
    return changed


NAV_FILE = ROOT / "build" / "nav.yml"
PAGE_META = ROOT / "build" / "page_meta.json"


def all_page_meta(texts: list[CleanText]) -> str:
    """build/page_meta.json: each text page's description and citation metadata (meta_hook.py)."""
    meta = {}
    for text in texts:
        meta.update(page_meta(text))
    return json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def warn_placeholder_addresses() -> None:
    """A build whose site_url or repo_url is still mkdocs.yml's placeholder says so: every citation,
    canonical link and edit link would carry it. The publishing workflow sets SITE_URL and REPO_URL."""
    r = release()
    if r.is_placeholder:
        warn("mkdocs.yml", f"site_url {r.site_url} / repo_url {r.repo_url} are placeholders — citations and links "
                           "carry them; set SITE_URL and REPO_URL for the host you publish on")


def generate(journal: Journal | None = None, memo: Memo | None = None) -> int:
    """Clean, link and render everything in memory, then write what changed; returns how many
    files changed. A failure while writing restores what was written. `memo`: see Memo."""
    from .glossary import GLOSSARY

    memo = Memo() if memo is None else memo
    memo.computed = []
    # the data files first: their errors need no cleaning
    terms = memo.get("glossary", digest(GLOSSARY), load_glossary)
    library = memo.get("library", digest(BIB), load_bib)
    texts = clean_all(memo)
    files = generate_files(texts, terms, library, memo)
    for text in texts:
        print(summary(text))
    citing = sum(text.citation_report["citing"] for text in texts)
    linked = sum(text.citation_report["linked"] for text in texts)
    unresolved = sum(len(text.citation_report["problems"]) for text in texts)
    entries = sum(content.count('class="bib-entry"') for path, content in files.items()
                  if path.startswith("bibliography/"))
    per_text = ", ".join(f"{text.edition.source[:3]} {text.citation_report['linked']}/{text.citation_report['citing']}"
                         for text in texts if text.citation_report["citing"])
    print(f"bibliography: {entries} entries; "
          f"{linked} of {citing} citations linked ({linked / max(citing, 1):.1%}: {per_text}); "
          f"{unresolved} unresolved or incomplete (see each text's report)")
    others = {NAV_FILE: render_nav(texts), PAGE_META: all_page_meta(texts)}
    warn_placeholder_addresses()
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


class MkdocsWarnings:
    """MkDocs' warnings and errors during one build, printed as its command line prints them."""

    def __init__(self):
        import logging

        class Handler(logging.Handler):
            def emit(handler, record):
                self.messages.append(record.getMessage())
                print(f"{record.levelname:<8}-  {record.getMessage()}", file=sys.stderr)

        self.messages: list[str] = []
        self.handler = Handler(logging.WARNING)


@contextlib.contextmanager
def theme_walk_pruned():
    """MkDocs lists the theme's static files by walking every file of its folders, Material's
    14,000 icons under .icons/ included, and then drops every path with a part that starts with a
    dot: during the build, the walk skips those folders (the same files are found, 0.1 s sooner)."""
    import jinja2

    original = jinja2.FileSystemLoader.list_templates

    def list_templates(loader) -> list[str]:
        found = set()
        for searchpath in loader.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=loader.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                for name in names:
                    found.add(os.path.relpath(os.path.join(folder, name), searchpath).replace(os.path.sep, "/"))
        return sorted(found)

    jinja2.FileSystemLoader.list_templates = list_templates
    try:
        yield
    finally:
        jinja2.FileSystemLoader.list_templates = original


def run_mkdocs(site_dir: Path) -> list[str]:
    """`mkdocs build --strict --site-dir site_dir` in this process (no second interpreter that
    imports Markdown, the extensions and the configuration again); its warnings, empty on success."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from .theme_search_hook import spare_jieba

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    spare_jieba()
    warnings = MkdocsWarnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(warnings.handler)
    try:
        # pymdownx.snippets' base_path is relative to the cwd
        with contextlib.chdir(ROOT), theme_walk_pruned():
            config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
    except Abort as abort:
        warnings.messages.append(str(abort))
    except Exception as error:                  # the configuration, a hook, a theme template
        warnings.messages.append(f"{type(error).__name__}: {error}")
        print(f"ERROR   -  {type(error).__name__}: {error}", file=sys.stderr)
    finally:
        logger.removeHandler(warnings.handler)
    return warnings.messages


def build_site() -> None:
    """mkdocs build --strict into a temporary directory, index it for the search, then swap it in
    as site/."""
    site_dir, old = ROOT / "site", ROOT / ".site-old"
    shutil.rmtree(old, ignore_errors=True)          # left by an interrupted build
    tmp = Path(tempfile.mkdtemp(dir=ROOT, prefix=".site-new-"))
    try:
        if run_mkdocs(tmp):
            raise EditionError("mkdocs.yml", "mkdocs build --strict failed — fix what its messages above name; "
                                             "site/ and the generated docs were left as they were")
        index_site(tmp)
        if site_dir.exists():
            site_dir.rename(old)
        tmp.rename(site_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
