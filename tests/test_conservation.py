"""Nothing is silently lost: the Markdown plus the report account for every character."""
import html
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from conftest import SLUGS

ROOT = Path(__file__).resolve().parent.parent
STAR_NOTE = "    **原文題注（＊）**："
EDITORIAL = re.compile(r'<span class="ed-remark">.*?</span>')
REPORT_ROW = re.compile(r"^\| (\d+) \| (.*) \| (.*) \|$")
CORRECTION_ROW = re.compile(r"^\| (\d+) \| (.*?) \| (.*?) \| .* \|$")


ANNOTATION = re.compile(r"^( *)/// (?:annotation|cite) \|.*?^\1///$", re.M | re.S)   # annotations, cite boxes
ALIAS_SCRIPT = re.compile(r"^<script>/\* anchors renamed.*?</script>$", re.M)


def text_content(markdown: str) -> str:
    """Strip what the renderer added: ids, heading marks, the metadata box, editors' annotations, escapes."""
    markdown = ALIAS_SCRIPT.sub("", ANNOTATION.sub("", markdown))
    lines = []
    skipping_box = False
    for line in markdown.split("\n"):
        if line.startswith("!!! info"):
            skipping_box = True
            continue
        if skipping_box:
            if line.startswith(STAR_NOTE):   # the text's ＊ note is shown in the box: its number is "*"
                lines.append("*" + line[len(STAR_NOTE):])
                continue
            if line.startswith("    ") or not line.strip():
                continue
            skipping_box = False
        if line.startswith(("{: ", "- [", "## 目次")):
            continue
        if line.startswith("# "):
            continue   # the page title (editorial, or a heading counted on its own page)
        line = re.sub(r"\s\{#[^}]*\}$", "", line)
        line = re.sub(r"^#+ ", "", line)
        line = EDITORIAL.sub("", line)                           # editor's remarks are not source text
        line = re.sub(r"<[^>]+>", "", line)                      # generated HTML: glossary links, tables
        if re.fullmatch(r"\[\^\d+\]: ", line):
            continue                                             # a lost note: the editor's remark only
        line = re.sub(r"^\[\^(\w+)\]: ", r"\1", line)       # a note body counts its number
        line = re.sub(r"\[\^(\d+)\]", r"\1", line)            # a marker counts as its digits
        line = re.sub(r"\\(.)", r"\1", line)
        lines.append(html.unescape(line))
    return "\n".join(lines)


def chars(text):
    return Counter(ch for ch in text if not ch.isspace())


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_character_accounted_for(files, texts, prefix):
    slug = SLUGS[prefix]
    raw = unicodedata.normalize("NFC", (ROOT / "seeds" / texts[prefix].edition.source).read_text("utf-8"))
    out = Counter()
    for path, content in files.items():
        # (print.md, the whole-text page, copies the chapter pages: tests/test_whole_text.py compares them)
        if path.startswith(f"texts/{slug}/") and path.endswith(".md") and not path.endswith(("report.md", "print.md")):
            out += chars(text_content(content))
    # H1 headings of split pages were skipped above: add them from the blocks rendered as H1
    for block in texts[prefix].blocks:
        if block.kind == "heading" and (block.heading.anchor == "title" or
                                        (texts[prefix].edition.outline.split_level == block.heading.level)):
            out += chars(block.heading.label + block.heading.title)
    report = files[f"texts/{slug}/report.md"]
    removed, _, corrected = report.partition("{#corrections}")
    for line in removed.split("\n"):
        row = REPORT_ROW.match(line)
        if row and row[1].isdigit():
            out += chars(html.unescape(re.sub(r"\\(.)", r"\1", row[2])))
    for line in corrected.split("\n"):   # | line | source | correction | reason |: the source's text, not the edition's
        row = CORRECTION_ROW.match(line)
        if row:
            out += chars(html.unescape(re.sub(r"\\(.)", r"\1", row[2])))
            out -= chars(html.unescape(re.sub(r"\\(.)", r"\1", row[3])))
    assert out == chars(raw), (chars(raw) - out, out - chars(raw))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_text_moves_between_regions(texts, prefix):
    from build_tools.accounting import region_discrepancies
    assert texts[prefix].regions and region_discrepancies(texts[prefix]) == []


def test_text_moved_into_the_notes_is_caught(texts):
    """The check sees a paragraph whose lines furniture put in the body land in a note."""
    from dataclasses import replace as copy
    from build_tools.accounting import discrepancy, region_discrepancies
    from build_tools.model import Note
    text = texts["002"]
    moved = next(b for b in text.blocks if b.anchor == "abstract-p2")
    star = next(n for n in text.notes if n.number == "*")
    notes = [Note("*", star.text + moved.text, star.lines + moved.lines) if n is star else n for n in text.notes]
    broken = copy(text, notes=notes, blocks=[b for b in text.blocks if b is not moved])
    assert discrepancy(broken) == (Counter(), Counter())   # the characters are all there…
    [(region, lost, invented), (other, lost2, invented2)] = region_discrepancies(broken)
    assert (region, other) == ("body", "notes") and lost == invented2 and "新自由制度主義者" not in star.text


def test_title_note_002_ends_where_the_abstract_goes_on(texts):
    """002: the unnumbered title note （＊） swallowed raw lines 26–72 (the abstract's second Chinese
    paragraph and the English abstract); they are the abstract's paragraphs again."""
    text = texts["002"]
    star = next(n for n in text.notes if n.number == "*")
    assert star.lines == (16, 17, 19, 21, 22) and star.text.endswith("特申謝忱。")
    abstract = [b for b in text.blocks if b.section == "abstract" and b.kind == "paragraph"]
    assert [b.lines[0] for b in abstract] == [3, 26, 46, 60]
    assert abstract[1].text.startswith("新自由制度主義者多認為")
    assert abstract[2].text.startswith("The 2008 global financial crisis") and abstract[3].text.endswith("leave room for adaptation.")
