"""Editors' annotations: the seed files render after their targets; the validator reports each
kind of bad input as `file:line:column: message` with the fix."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from build_tools.annotations import ANNOTATIONS, check_annotations
from build_tools.errors import EditionError

ROOT = Path(__file__).resolve().parent.parent


def seed_annotations():
    for path in sorted(ANNOTATIONS.glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield path.stem, item


def test_seed_annotations_cover_every_text_and_kind():
    items = list(seed_annotations())
    assert len(items) >= 15
    assert {slug for slug, _ in items} == {"second-track-diplomacy", "china-multilateralism-six-party-talks",
                                            "financial-crisis-world-order", "mofa-2010-policy-goals",
                                            "taiwan-strait-alliances"}
    assert {item["kind"] for _, item in items} == {"context", "correction", "translation", "cross-reference"}
    bodies = " ".join(item["body"] for _, item in items)
    for topic in ("活路外交", "2005", "世界衛生大會", "為來", "20101"):
        assert topic in bodies, topic


def element_end(html: str, start: int) -> int:
    """Index just past the element whose start tag begins at `start` (p, h2–h6, li or details)."""
    tag = re.match(r"<(\w+)", html[start:]).group(1)
    depth, pos = 0, start
    for match in re.finditer(rf"<(/?){tag}\b[^>]*>", html[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return start + match.end()
    raise AssertionError(f"unclosed <{tag}>")


def test_every_seed_annotation_renders_right_after_its_target(site, anchors, known):
    placed = check_annotations(anchors, *known)
    assert len(placed) == len(list(seed_annotations()))
    for p in placed:
        page = site / "texts" / p.slug / ("" if p.page == "index" else p.page) / "index.html"
        html = page.read_text(encoding="utf-8")
        target = html.index(f'id="{p.anchor}"')
        target = html.rindex("<", 0, target)
        annotation = html.index(f'<details class="note annotation" id="{p.annotation.id}"')
        if p.kind == "note":                       # inside the footnote's list item
            assert target < annotation < element_end(html, target), p.annotation.id
            continue
        following = element_end(html, target)
        between = html[following:annotation]
        # only whitespace, the heading's "cite this" box and other annotations of the same target come between
        assert re.fullmatch(r'(\s*<details class="(?:note annotation|quote cite)".*?</details>)*\s*', between,
                            re.S), p.annotation.id


def test_an_annotation_has_a_permalink_and_the_index_lists_it(site):
    html = (site / "texts" / "mofa-2010-policy-goals" / "index.html").read_text(encoding="utf-8")
    block = html[html.index('id="ann-mofa-viable-diplomacy"'):]
    block = block[:block.index("</details>")]
    assert "<summary>編者註・背景：" in block and 'href="#ann-mofa-viable-diplomacy"' in block
    assert "2008年8月4日" in block
    index = (site / "annotations" / "index.html").read_text(encoding="utf-8")
    assert 'href="../texts/mofa-2010-policy-goals/#ann-mofa-viable-diplomacy"' in index



def test_the_index_names_where_each_annotation_is_attached_as_a_reader_does(files):
    """Not by its anchor id (`sec-3-1-2-p1`, `fn:45`): by the numbering path the 引用 dialog gives."""
    index = files["annotations.md"]
    placed = [line.rsplit("（註於", 1)[1] for line in index.splitlines() if "（註於" in line]
    assert len(placed) == 52 and not [where for where in placed if "`" in where]
    assert "#ann-std-wha-fn45)（註於：註 45）" in index
    assert "#ann-std-cgg-quote)（註於：參、一、（二）〈全球治理的意義〉第 1 段）" in index
    assert "（註於：第壹章 緒論 註 68）" in index

# --- the validator ---------------------------------------------------------------------------

GOOD = """- id: ann-test
  target: sec-1-p1
  kind: context
  author: 編者
  date: 2026-11-22
  body: |-
    A sound note.
"""


def problems(tmp_path, text, anchors, known, name="second-track-diplomacy.yml") -> list[str]:
    """The validator's messages for one annotation file (alone in its folder), paths relative."""
    folder = tmp_path / name.replace(".", "-")
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    try:
        check_annotations(anchors, *known, folder=folder)
    except EditionError as error:
        return [str(e).replace(str(folder) + "/", "") for e in getattr(error, "errors", [error])]
    return []


@pytest.mark.parametrize("change, message", [
    (("target: sec-1-p1", "target: sec-99-p1"),
     "second-track-diplomacy.yml:2:11: unknown target 'sec-99-p1' (did you mean sec-7-p1, sec-6-p1, sec-5-p1?) "
     "— use an anchor of this text listed in anchors.json"),
    (("kind: context", "kind: opinion"),
     "second-track-diplomacy.yml:3:9: kind: Input should be 'context', 'correction', 'translation' or "
     "'cross-reference' — correct the value"),
    (("  author: 編者\n", ""), "second-track-diplomacy.yml:1:3: missing required field 'author' — add it"),
    (("  author: 編者\n", "  author: 編者\n  mood: happy\n"),
     "second-track-diplomacy.yml:5:9: unknown field 'mood' — remove it or check its spelling"),
    (("date: 2026-11-22", "date: yesterday"), "second-track-diplomacy.yml:5:9: date:"),
    (("A sound note.", "A <script>alert(1)</script> note."),
     "second-track-diplomacy.yml:7:7: raw HTML (<script>) is not allowed in an annotation — write Markdown instead"),
    (("A sound note.", "A [link](javascript:alert(1))."),
     "second-track-diplomacy.yml:7:14: javascript:/data: links are not allowed"),
    (("A sound note.\n", "A sound note.\n  bib: [nosuch1999key]\n"),
     "second-track-diplomacy.yml:8:9: unknown bibliography key 'nosuch1999key' — use a key of bib/references.bib"),
    (("A sound note.\n", "A sound note.\n  terms: [second-track-diplomacy, no-such-term]\n"),
     "second-track-diplomacy.yml:8:35: unknown glossary id 'no-such-term' — use an id of glossary/terms.yml"),
    (("id: ann-test", "id: Ann Test"), "second-track-diplomacy.yml:1:7: id: String should match pattern"),
    (("  kind: context\n", "  kind: context\n  kind: correction\n"),
     "second-track-diplomacy.yml:4:3: duplicate key 'kind' — keep one of them"),
    (("  kind: context", "\tkind: context"), "second-track-diplomacy.yml:3:1: YAML syntax error"),
])
def test_validator_reports_bad_input_with_position_and_fix(tmp_path, anchors, known, change, message):
    found = problems(tmp_path, GOOD.replace(*change), anchors, known)
    assert found and found[0].startswith(message), found


def test_validator_reports_duplicate_ids_and_ambiguous_note_targets(tmp_path, anchors, known):
    twice = GOOD + GOOD.replace("sec-1-p1", "sec-2-p1")
    assert problems(tmp_path, twice, anchors, known) == [
        "second-track-diplomacy.yml:8:7: duplicate annotation id 'ann-test' (also second-track-diplomacy.yml:1) "
        "— give this one a new id"]
    thesis = GOOD.replace("sec-1-p1", "fn:3")
    [found] = problems(tmp_path, thesis, anchors, known, "china-multilateralism-six-party-talks.yml")
    assert found == ("china-multilateralism-six-party-talks.yml:2:11: ambiguous target 'fn:3': it is on 5 pages "
                     "— write one of ch-1#fn:3, ch-2#fn:3, ch-3#fn:3, ch-4#fn:3")
    (tmp_path / "ok").mkdir()
    assert problems(tmp_path / "ok", GOOD.replace("sec-1-p1", "ch-2#fn:3"), anchors, known,
                    "china-multilateralism-six-party-talks.yml") == []


def test_validator_rejects_a_file_for_no_text(tmp_path, anchors, known):
    [found] = problems(tmp_path, GOOD, anchors, known, "no-such-text.yml")
    assert found.startswith("no-such-text.yml:1:1: no text has the slug 'no-such-text'")


def test_check_command_exits_1_with_every_error_and_no_traceback(tmp_path):
    bad = tmp_path / "financial-crisis-world-order.yml"
    bad.write_text(GOOD.replace("sec-1-p1", "sec-99").replace("A sound note.", "<i>x</i>"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "build_tools", "check", str(bad)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3 and "Traceback" not in result.stderr
    assert errors[0].startswith(f"error: {bad}:2:11: unknown target 'sec-99'")
