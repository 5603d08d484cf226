"""Shared fixtures: the five real texts, cleaned once per test session."""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.build import clean_all, generate_files

ROOT = Path(__file__).resolve().parent.parent
SLUGS = {
    "000": "second-track-diplomacy",
    "001": "china-multilateralism-six-party-talks",
    "002": "financial-crisis-world-order",
    "003": "mofa-2010-policy-goals",
    "004": "taiwan-strait-alliances",
}


@pytest.fixture(scope="session")
def texts():
    """{'000': CleanText, ...} keyed by the raw file's prefix."""
    return {text.edition.source[:3]: text for text in clean_all()}


@pytest.fixture(scope="session")
def files(texts):
    """Every generated file, {docs-relative path: content}."""
    return generate_files(list(texts.values()))


def paragraphs_of(text):
    return [block for block in text.blocks if block.kind == "paragraph"]


def body_of(text) -> str:
    return "\n".join(block.text for block in text.blocks)


@pytest.fixture(scope="session")
def site():
    """The whole site, built once as `make build` does (`python -m build_tools site`, mkdocs --strict,
    then `pdf`, each text's PDF); its path."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for command in ("site", "pdf"):
        result = subprocess.run([sys.executable, "-m", "build_tools", command], cwd=ROOT, env=env,
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    return ROOT / "site"


# Debian's Chromium, its flags and a local static server: the same as the PDF printer uses.
from build_tools.pdf import CHROMIUM, FLAGS as CHROMIUM_FLAGS, serving  # noqa: E402


@pytest.fixture(scope="session")
def served(site):
    """The built site served over HTTP on a free local port; yields its base URL."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run `make browsers` (apt-get install chromium)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh desktop-width page that records console errors in `page.errors`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


# --- scratch copies of the project, for the command line on broken or hostile input -------------

def copy_project(dest: Path) -> Path:
    """A copy of the project's files (tracked and new ones; no .venv, site/ or generated docs)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if name.split("/")[0] in (".venv", "site") or source.is_symlink() or not source.is_file():
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, dest / name)
    return dest


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m build_tools ARGS` run in a project copy."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=project, env=env,
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def anchors(texts):
    """Every text anchor by slug, as the annotation validator sees them."""
    from build_tools.render import anchor_entries
    return {text.edition.slug: anchor_entries(text)["anchors"] for text in texts.values()}


@pytest.fixture(scope="module")
def known():
    """The bibliography's keys and the glossary's ids."""
    from build_tools.glossary import load_glossary
    from build_tools.references import load_bib
    return {entry.key for entry in load_bib().entries}, {term.id for term in load_glossary()}


@pytest.fixture(scope="session")
def pristine(tmp_path_factory) -> Path:
    """One untouched copy of the project per session (copy it again before changing it)."""
    return copy_project(tmp_path_factory.mktemp("pristine"))


@pytest.fixture
def project(pristine, tmp_path) -> Path:
    """A fresh copy of the project for one test to break."""
    return Path(shutil.copytree(pristine, tmp_path / "project", symlinks=True))
