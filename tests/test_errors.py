"""Bad input ends the build with one line, `file:line[:column]: what is wrong — what to do`,
exit status 1 (2 for command-line misuse) and no traceback; a failed build leaves the previous
site and generated docs as they were.

Each case breaks one file of a scratch copy of the project (`project`, conftest.py) and runs
`python -m build_tools build` there (generation stops before mkdocs would run). Messages are
asserted whole.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import run_cli

RAW = "seeds/000_19b1ec96d07d16c6.txt"
EDITION = "editions/000_19b1ec96d07d16c6.yml"
GLOSSARY = "glossary/terms.yml"
BIB = "bib/references.bib"
ANNOTATIONS = "annotations/second-track-diplomacy.yml"


def edit(project: Path, name: str, old: str, new: str) -> None:
    """Replace the first `old` in a file of the project copy (it must be there)."""
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def failure(project: Path, *command: str) -> list[str]:
    """The build's stderr lines; it must have failed with status 1 and no traceback."""
    result = run_cli(project, *command)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()


# --- raw texts ---------------------------------------------------------------------------------

RAW_CASES = {
    "big5": ("第一行\n外交部".encode("big5"),
             f"{RAW}:1:1: not UTF-8 (looks like Big5) — convert it, e.g. `iconv -f BIG5 -t UTF-8`"),
    "utf-16": ("壹、前言\n外交部\n".encode("utf-16"),
               f"{RAW}:1: not UTF-8 (looks like UTF-16) — convert it, e.g. `iconv -f UTF-16 -t UTF-8`"),
    "utf-16 without BOM": ("壹、前言 \n外交部 (MOFA)\n".encode("utf-16-le"),
                           f"{RAW}:1: not UTF-8 (looks like UTF-16) — convert it, e.g. "
                           "`iconv -f UTF-16LE -t UTF-8`"),
    "empty": (b"", f"{RAW}:1: empty file (no text) — put the extracted text in it, or remove it"),
    "blank lines only": (b"  \n\n \n", f"{RAW}:1: empty file (no text) — put the extracted text in it, or remove it"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
               f"{RAW}:3:1: binary file, not text (NUL byte) — use a plain-text (UTF-8) file"),
    "control character": ("壹、前言 \n外交\x07部\n".encode(),
                          f"{RAW}:2:3: control character U+0007: binary or damaged text — remove it, "
                          "or extract the text again"),
    "reserved character": ("壹、前言 \n外交部\ue0011\n".encode(),
                           f"{RAW}:2:4: character U+E001 (private use) is reserved by the cleaner — replace it "
                           "through a `corrections:` entry in editions/000_19b1ec96d07d16c6.yml"),
}


@pytest.mark.parametrize("case", RAW_CASES)
def test_an_unreadable_raw_text_is_named_with_line_and_encoding(project, case):
    data, message = RAW_CASES[case]
    (project / RAW).write_bytes(data)
    assert failure(project, "build") == [f"error: {message}"]


def test_bom_and_crlf_are_accepted_silently_and_normalised(project):
    from build_tools.read import read_lines

    raw = project / RAW
    original = read_lines(raw)
    raw.write_bytes(b"\xef\xbb\xbf" + raw.read_bytes().replace(b"\n", b"\r\n"))
    assert read_lines(raw) == original
    result = run_cli(project, "build")
    silent = [line for line in result.stderr.splitlines() if "are placeholders" not in line]   # site_url's warning
    assert result.returncode == 0 and silent == [], result.stderr
    generated = (project / "docs/texts/second-track-diplomacy/index.md").read_text(encoding="utf-8")
    assert "\r" not in generated and "\ufeff" not in generated


PLAIN_TEXT = "這是一段沒有任何標題的文字，\n\n延續到第二行。 \n\n第二段。\n"


def test_a_new_raw_text_is_scaffolded_then_filled_in_and_built_with_a_warning(project):
    """No edition file → the error says to scaffold; the template's TODOs name what to fill in;
    filled in, a text without recognisable structure builds as one section, with a warning."""
    (project / "seeds/005_plain.txt").write_text(PLAIN_TEXT, encoding="utf-8")
    assert failure(project, "build") == [
        "error: seeds/005_plain.txt:1: a raw text without an edition file — run `python -m build_tools scaffold "
        "005_plain.txt` to write editions/005_plain.yml, then fill it in"]
    scaffold = run_cli(project, "scaffold", "005_plain.txt")
    assert (scaffold.returncode, scaffold.stdout) == (
        0, "wrote editions/005_plain.yml; replace its TODO values and run `make check`\n")
    assert failure(project, "build") == [
        "error: editions/005_plain.yml:3:7: `slug` is still the template's placeholder — fill it in: the text's "
        "address in the site, lower-case ASCII words joined by hyphens (e.g. cross-strait-relations)"]
    values = {"slug": "plain-text", "title": "無標題的文本", "title_en": "A Plain Text",
              "kind": "journal article", "description": "測試用的文本。"}
    path = project / "editions/005_plain.yml"
    text = path.read_text(encoding="utf-8")
    for field, value in values.items():
        text = re.sub(rf'^{field}: "TODO:.*"$', f"{field}: {value}", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    assert yaml.safe_load(text)["order"] == 6
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "are placeholders" not in line] == [
        "warning: seeds/005_plain.txt: no heading recognised (outline levels: capital, number, paren) — built as "
        "one section; check `outline:` in editions/005_plain.yml"]
    page = (project / "docs/texts/plain-text/index.md").read_text(encoding="utf-8")
    assert "這是一段沒有任何標題的文字，延續到第二行。" in page and "{: #front-p2 }" in page


def test_scaffold_refuses_what_is_not_a_raw_text_of_seeds(project):
    assert failure(project, "scaffold", "../README.md") == [
        "error: ../README.md: give the file name of a raw text in seeds/, e.g. 005_1a2b3c.txt"]
    assert failure(project, "scaffold", "000_19b1ec96d07d16c6.txt") == [
        f"error: {EDITION}: edition file already exists — edit it instead"]


# --- edition, glossary and annotation files ------------------------------------------------------

DATA_CASES = {
    "edition: tab": (EDITION, "title_is_editorial: true\n", "\ttitle_is_editorial: true\n",
                     f"{EDITION}:6:1: YAML syntax error: a tab character — YAML forbids tabs for indentation: "
                     "indent with spaces"),
    "edition: duplicate key": (EDITION, "order: 1\n", "order: 1\norder: 2\n",
                               f"{EDITION}:5:1: duplicate key 'order' — keep one of them"),
    "edition: unknown field": (EDITION, "order: 1\n", "order: 1\nsubtitle: 副題\n",
                               f"{EDITION}:5:11: unknown field 'subtitle' (did you mean title?) — remove it or check its spelling"),
    "edition: wrong type": (EDITION, "order: 1\n", "order: first\n",
                            f"{EDITION}:4:8: order: Input should be a valid integer, unable to parse string as an "
                            "integer — correct the value"),
    "edition: missing field": (EDITION, "title_en: Global Governance and Taiwan's Second Track Diplomacy\n", "",
                               f"{EDITION}:2:1: missing required field 'title_en' — add it"),
    "edition: line break in a title": (EDITION, "title: 全球治理與我國的第二軌道外交", 'title: "全球治理\\n```"',
                                       f"{EDITION}:5:8: title: must be one line of text (no line breaks, tabs or "
                                       "control characters) — correct the value"),
    "edition: YAML tag": (EDITION, "order: 1", "order: !!python/object/apply:os.system [ls]",
                          f"{EDITION}:4:8: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not "
                          "allowed — write a plain value"),
    "edition: alias": (EDITION, "slug: second-track-diplomacy", "slug: &s second-track-diplomacy",
                       f"{EDITION}:3:7: YAML anchors and aliases (&name, *name) are not allowed in data files — "
                       "write the value out"),
    "edition: duplicate slug": ("editions/001_24a6eaeb8d01ff8c.yml", "slug: china-multilateralism-six-party-talks",
                                "slug: second-track-diplomacy",
                                "editions/001_24a6eaeb8d01ff8c.yml:3:7: slug 'second-track-diplomacy' is already used "
                                f"by {EDITION} — choose another"),
    "edition: stale correction": (EDITION, "furniture:\n", "corrections:\n  - line: 176\n    expected: 分析框架\n"
                                  "    replacement: 分析架構\n    reason: typo\nfurniture:\n",
                                  f"{EDITION}:18:15: correction of raw line 176 expects 「分析框架」, but that line "
                                  "reads 「貳、分析架構」 in 000_19b1ec96d07d16c6.txt — update the correction's line or "
                                  "expected text, or remove it"),
    "edition: duplicate anchor": (EDITION, "  levels: [capital, number, paren]\n",
                                  "  levels: [capital, number, paren]\n  named: [{text: 貳、分析架構, id: sec-1}]\n",
                                  f"{RAW}:176: anchor 'sec-1' is given twice on page index (also to raw line 1) — "
                                  "give the named heading, table or root_id another id in "
                                  "editions/000_19b1ec96d07d16c6.yml, or list one line in outline.not_headings"),
    "glossary: unknown field": (GLOSSARY, "  term: APEC\n", "  term: APEC\n  colour: blue\n",
                                f"{GLOSSARY}:4:11: unknown field 'colour' — remove it or check its spelling"),
    "glossary: wrong type": (GLOSSARY, "  term: APEC\n", "  term: APEC\n  aliases: 3\n",
                             f"{GLOSSARY}:4:12: 0.aliases: Input should be a valid list — correct the value"),
    "glossary: missing field": (GLOSSARY, "  kind: abbreviation\n", "",
                                f"{GLOSSARY}:2:3: missing required field '0.kind' — add it"),
    "glossary: duplicate key": (GLOSSARY, "  term: APEC\n", "  term: APEC\n  term: APEC\n",
                                f"{GLOSSARY}:4:3: duplicate key 'term' — keep one of them"),
    # every problem of the file at once: the renamed entry's id is missing where it is related
    "glossary: duplicate id": (GLOSSARY, "- id: ftaap\n", "- id: apec\n",
                               (f"{GLOSSARY}:7:46: glossary entry 'apec': related id 'ftaap' does not exist — "
                                "correct it or add that entry",
                                f"{GLOSSARY}:8: duplicate id 'apec' (first at line 2) — ids are stable: give the new "
                                "entry another id",
                                f"{GLOSSARY}:60:13: glossary entry 'trans-pacific-strategic-economic-partnership-"
                                "agreement': related id 'ftaap' does not exist — correct it or add that entry")),
    "glossary: reserved id": (GLOSSARY, "- id: apec\n", "- id: top\n",
                              (f"{GLOSSARY}:2:7: id 'top' is reserved by the glossary page — choose another id",
                               f"{GLOSSARY}:8: glossary entry 'ftaap' is out of order — entries are sorted by kind, "
                               "then id: move it before 'top'",
                               f"{GLOSSARY}:15:13: glossary entry 'ftaap': related id 'apec' does not exist — "
                               "correct it or add that entry",
                               f"{GLOSSARY}:126:13: glossary entry 'apec-digital-opportunity-center': related id "
                               "'apec' does not exist — correct it or add that entry")),
    "glossary: extra indent": (GLOSSARY, "  kind: abbreviation\n", "   kind: abbreviation\n",
                               f"{GLOSSARY}:4:4: YAML syntax error: 'kind:' is indented more than the line above — "
                               "align with the line above"),
    "glossary: colon in a value": (GLOSSARY, "  term: APEC\n", "  term: APEC\n  source: Keohane: Power\n",
                                   f"{GLOSSARY}:4:18: YAML syntax error: the value of 'source' holds a colon and a "
                                   "space (: ) — quote the value or use |-"),
    "glossary: mistyped field": (GLOSSARY, "  term: APEC\n", "  term: APEC\n  orignal: APEC\n",
                                 f"{GLOSSARY}:4:12: unknown field 'orignal' (did you mean original?) — remove it or "
                                 "check its spelling"),
    "glossary: unknown bib key": (GLOSSARY, "  term: APEC\n", "  term: APEC\n  bib: [gao1994zhonghau]\n",
                                  f"{GLOSSARY}:4:9: glossary entry 'apec': unknown bibliography key 'gao1994zhonghau' "
                                  "(did you mean gao1994zhonghua?) — use a key of bib/references.bib"),
    "glossary: mistyped related id": (GLOSSARY, "related: [apec-digital-opportunity-center, ftaap]",
                                      "related: [apec-digital-opportunity-center, ftap]",
                                      f"{GLOSSARY}:7:46: glossary entry 'apec': related id 'ftap' does not exist "
                                      "(did you mean ftaap?) — correct it or add that entry"),
    "glossary: form printed in no text": (GLOSSARY, "  term: APEC\n", "  term: APEC\n  aliases: [亞太經合甲會]\n",
                                          f"{GLOSSARY}:4:13: glossary entry 'apec': '亞太經合甲會' is printed in no "
                                          "text — write the form exactly as the cleaned text prints it, or remove it"),
    "glossary: out of order": (GLOSSARY, "- id: ict\n", "- id: aaa-ict\n",
                               f"{GLOSSARY}:16: glossary entry 'aaa-ict' is out of order — entries are sorted by "
                               "kind, then id: move it before 'apec'"),
    "edition: every schema error at once": (EDITION, "order: 1\n", "order: first\nsubtitle: x\n",
                                            (f"{EDITION}:4:8: order: Input should be a valid integer, unable to "
                                             "parse string as an integer — correct the value",
                                             f"{EDITION}:5:11: unknown field 'subtitle' (did you mean title?) — "
                                             "remove it or check its spelling")),
    "annotation: mistyped bib key and glossary id": (
        ANNOTATIONS, "  terms: [world-health-organization]",
        "  terms: [world-health-organisation]\n  bib: [gao1994zhonghau]",
        (f"{ANNOTATIONS}:10:9: unknown bibliography key 'gao1994zhonghau' (did you mean gao1994zhonghua?) — use a "
         "key of bib/references.bib",
         f"{ANNOTATIONS}:9:11: unknown glossary id 'world-health-organisation' (did you mean "
         "world-health-organization?) — use an id of glossary/terms.yml")),
    "annotation: unknown field": (ANNOTATIONS, "  kind: context\n", "  kind: context\n  mood: calm\n",
                                  f"{ANNOTATIONS}:5:9: unknown field 'mood' — remove it or check its spelling"),
}


@pytest.mark.parametrize("case", DATA_CASES)
def test_a_bad_data_file_is_named_with_line_column_and_fix(project, case):
    name, old, new, message = DATA_CASES[case]
    edit(project, name, old, new)
    messages = [message] if isinstance(message, str) else list(message)
    assert failure(project, "build") == [f"error: {m}" for m in messages]


# --- the bibliography ----------------------------------------------------------------------------

ENTRY = "@book{gao1994zhonghua,\n"
BIB_CASES = {
    "syntax error": ("  title = {中華民國外交關係之演變（1972∼1992）},\n", "  title = {中華民國外交關係之演變（1972∼1992）,\n",
                     f"{BIB}:6: BibTeX syntax error in `@book{{gao1994zhonghua,`: Unexpected block start: `@book`. "
                     "Was still looking for field-value closing `,` or `}` — fix the entry (check its braces, "
                     "commas and quotes)"),
    "duplicate key": ("@book{keohane1989power,", "@book{gao1994zhonghua,",
                      f"{BIB}:16: duplicate key 'gao1994zhonghua' (the entry `@book{{gao1994zhonghua,`) — keys "
                      "are unique: merge the two entries or give this one another key"),
    "duplicate field": ("  year = {1994},\n", "  year = {1994},\n  year = {1995},\n",
                        f"{BIB}:6: entry `@book{{gao1994zhonghua,` has the field 'year' twice — keep one"),
    "no title": ("  title = {中華民國外交關係之演變（1972∼1992）},\n", "",
                 f"{BIB}:6: entry gao1994zhonghua lacks title — add the field(s)"),
    "no year": ("  year = {1994},\n", "", f"{BIB}:6: entry gao1994zhonghua lacks year or date — add the field(s)"),
    "script URL": ("  year = {1994},\n", "  year = {1994},\n  url = {javascript:alert(1)},\n",
                   f"{BIB}:6: entry gao1994zhonghua: url must be an http:// or https:// address without spaces, "
                   "quotes or angle brackets — correct it"),
}


@pytest.mark.parametrize("case", BIB_CASES)
def test_a_bad_bibliography_entry_is_named_with_its_line(project, case):
    old, new, message = BIB_CASES[case]
    edit(project, BIB, old, new)
    assert failure(project, "build") == [f"error: {message}"]


# --- the command line ----------------------------------------------------------------------------

@pytest.mark.parametrize("args", [[], ["nosuch"], ["scaffold"], ["check", "--colour"]])
def test_command_line_misuse_exits_2_with_usage(pristine, args):
    result = run_cli(pristine, *args)
    assert result.returncode == 2 and "usage: python -m build_tools" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bug_is_one_line_without_traceback_unless_debug(project):
    edit(project, "build_tools/pipeline.py", '    """Run every stage on one raw text."""\n',
         '    """Run every stage on one raw text."""\n    {}["oops"]\n')
    line = next(no for no, text in enumerate((project / "build_tools/pipeline.py").read_text().splitlines(), 1)
                if '{}["oops"]' in text)
    assert failure(project, "build") == [
        f"error: build_tools/pipeline.py:{line}: internal error (KeyError: 'oops') — this is a bug in build_tools: "
        "run with --debug and report it"]
    debug = run_cli(project, "--debug", "build")
    assert debug.returncode == 1 and "Traceback (most recent call last)" in debug.stderr
    assert debug.stderr.splitlines()[-1].startswith("error: build_tools/pipeline.py:")


# --- no half-written site ------------------------------------------------------------------------

def tree(folder: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under `folder`."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory, pristine):
    """A project copy with a built site (one real `site` build for this module)."""
    import shutil

    copy = Path(shutil.copytree(pristine, tmp_path_factory.mktemp("built") / "project"))
    result = run_cli(copy, "site")
    assert result.returncode == 0, result.stderr[-2000:]
    return copy


def generated(project: Path) -> dict[str, str]:
    return {**tree(project / "docs"), **{f"build/{k}": v for k, v in tree(project / "build").items()}}


def test_a_build_that_fails_before_mkdocs_leaves_site_and_docs_untouched(built):
    site, docs = tree(built / "site"), generated(built)
    glossary = built / GLOSSARY
    good = glossary.read_text(encoding="utf-8")
    glossary.write_text(good.replace("  kind: abbreviation\n", "", 1), encoding="utf-8")
    try:
        assert failure(built, "site") == [f"error: {GLOSSARY}:2:3: missing required field '0.kind' — add it"]
    finally:
        glossary.write_text(good, encoding="utf-8")
    assert tree(built / "site") == site and generated(built) == docs


def test_a_build_that_fails_in_mkdocs_restores_the_docs_it_wrote(built):
    """Generation succeeds and writes docs/ (an annotation changed); mkdocs --strict then fails on
    a broken link of a hand-written page: site/ and the generated docs stay as they were."""
    site, docs = tree(built / "site"), generated(built)
    annotations, principles = built / ANNOTATIONS, built / "docs/principles.md"
    saved = {path: path.read_text(encoding="utf-8") for path in (annotations, principles)}
    annotations.write_text(saved[annotations].replace("註文所說", "註文所述", 1), encoding="utf-8")
    principles.write_text(saved[principles] + "\n[broken](no-such-page.md)\n", encoding="utf-8")
    try:
        lines = failure(built, "site")
    finally:
        for path, text in saved.items():
            path.write_text(text, encoding="utf-8")
    assert lines[-1] == ("error: mkdocs.yml: mkdocs build --strict failed — fix what its messages above name; "
                         "site/ and the generated docs were left as they were")
    assert any("no-such-page.md" in line for line in lines)
    assert tree(built / "site") == site
    assert generated(built) == docs          # the page showing the annotation was written, then restored
    assert "註文所說" in (built / "docs/texts/second-track-diplomacy/index.md").read_text(encoding="utf-8")
    assert not list(built.glob(".site-*"))


def test_the_kept_site_is_the_good_one(built):
    registry = json.loads((built / "site" / "anchors.json").read_text(encoding="utf-8"))
    assert len(registry["texts"]) == 5
