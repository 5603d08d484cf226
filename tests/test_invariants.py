"""Invariants of the cleaner under generated, PDF-like input (hypothesis).

Random CJK and Latin sentences are wrapped into printed lines (each followed by a blank line, as
the PDFs extract; now and then a blank line more or less), some letter-spaced (之 間 的) and some
with Latin words broken by a hyphen at the line end (Keo- / hane), cut into pages that end with
a footnote block and a page number, with numbered headings and note markers glued to sentence
ends. Whatever the input, the cleaner never raises, conserves every character (output + report
= source), is deterministic, and a paragraph it produced, cleaned again as one line, comes back
unchanged; letter-spacing and line-break hyphens are undone.

`make test` runs 200 examples; `make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs 5,000.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.accounting import discrepancy
from build_tools.editions import Edition
from build_tools.model import Line
from build_tools.paragraphs import paragraphs
from build_tools.pipeline import clean

# `make test` runs the same 200 examples every time (a red CI never depends on luck);
# `make fuzz` explores 5,000 new ones.
settings.register_profile("default", max_examples=200, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

HEADER = "測試期刊第十二卷"
EDITION = Edition.model_validate({
    "source": "999_fuzz.txt", "slug": "fuzz", "order": 99, "title": "測試", "title_is_editorial": True,
    "title_en": "Fuzz", "kind": "journal article", "description": "generated",
    "furniture": {"running_headers": [HEADER]},
    "outline": {"levels": ["capital", "number", "paren"]}, "paragraphs": {"signal": "trailing-space"}})

HAN = "的國際外交關係臺灣中共美國日本全球治理組織政策安全合作經濟發展區域制度和平問題研究世界"
CAPITALS = "壹貳參肆伍陸柒捌玖拾"
NUMBERS = "一二三四五六七八九十"

han_word = st.text(alphabet=HAN, min_size=1, max_size=6)
latin_word = st.sampled_from(["WHO", "APEC", "Keohane", "Nye", "NGO", "2008", "Six-Party", "Talks", "G20",
                              "interdependence", "governance"])
clause = st.lists(st.one_of(han_word, han_word, latin_word), min_size=1, max_size=6).map("".join)
sentence = st.tuples(st.lists(clause, min_size=1, max_size=4).map("，".join),
                     st.sampled_from(["。", "。", "？", "；", "」。"])).map("".join)


@st.composite
def pdf_like(draw) -> str:
    """A raw text as the PDFs extract it: each page opens with a running header and its page
    number; body lines are each followed by a blank line, a paragraph's last line ends in a
    space; headings are numbered (壹、 一、); note markers are glued to sentence ends; a page's
    notes follow a separator line of spaces, wrapped without blank lines inside a note."""
    lines: list[str] = []
    note = 0
    first_page = draw(st.integers(min_value=1, max_value=300))
    for page in range(draw(st.integers(min_value=1, max_value=4))):
        lines += [HEADER, "", str(first_page + page), ""]
        page_notes: list[int] = []
        for section in range(draw(st.integers(min_value=1, max_value=3))):
            if draw(st.booleans()):
                label = CAPITALS[(page * 3 + section) % 10] if draw(st.booleans()) else NUMBERS[section % 10]
                lines += [f"{label}、{draw(han_word)} ", ""]
            text = ""
            for _ in range(draw(st.integers(min_value=1, max_value=5))):
                text += draw(sentence)
                if draw(st.integers(min_value=0, max_value=3)) == 0:
                    note += 1
                    text += str(note)
                    page_notes.append(note)
            if draw(st.integers(min_value=0, max_value=3)) == 0:
                text = letter_spaced(text)
            width = draw(st.integers(min_value=8, max_value=40))
            rows = [text[i:i + width] for i in range(0, len(text), width)]
            if draw(st.booleans()):
                rows = hyphenated(rows)
            rows[-1] += " "
            for row in rows:
                lines += [row] + [""] * draw(st.sampled_from([1, 1, 1, 1, 0, 2]))
        if page_notes:
            lines.append(" " * draw(st.integers(min_value=20, max_value=90)))
            for i, number in enumerate(page_notes):
                note_text = f"{number} {draw(sentence)}"
                cut = draw(st.integers(min_value=6, max_value=40))
                lines += [note_text[:cut]] + ([note_text[cut:]] if note_text[cut:] else [])
                if i < len(page_notes) - 1:
                    lines.append("")
    return "\n".join(lines)


HAN_PAIR = re.compile(f"(?<=[{HAN}])(?=[{HAN}])")


def letter_spaced(text: str) -> str:
    """The PDFs' letter-spacing: a space between every two Han characters."""
    return HAN_PAIR.sub(" ", text)


def hyphenated(rows: list[str]) -> list[str]:
    """A hyphen at the end of each row that breaks a lower-case Latin word (Keo- / hane)."""
    return [row + "-" if i + 1 < len(rows) and re.search(r"[a-z]$", row) and rows[i + 1][:1].islower() else row
            for i, row in enumerate(rows)]


def clean_text(raw_text: str):
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "999_fuzz.txt"
        raw.write_text(raw_text, encoding="utf-8")
        return clean(raw, EDITION)


def summary(text) -> tuple:
    return ([(b.kind, b.text, b.anchor, b.lines) for b in text.blocks],
            [(n.number, n.text, n.lines) for n in text.notes],
            [(r.no, r.text, r.reason) for r in text.removals])


@given(pdf_like())
def test_cleaner_never_raises_and_conserves_every_character(raw_text):
    text = clean_text(raw_text)
    lost, invented = discrepancy(text)
    assert not lost and not invented, (lost, invented)
    # and the furniture is recognised: each page's header and number go to the report,
    # each footnote block yields notes
    pages = raw_text.split("\n").count(HEADER)
    reasons = [removal.reason for removal in text.removals]
    assert reasons.count("running header") == pages and reasons.count("page number") == pages
    if any(line.strip() == "" and len(line) >= 20 for line in raw_text.split("\n")):
        assert text.notes


@given(pdf_like())
def test_cleaner_is_deterministic(raw_text):
    assert summary(clean_text(raw_text)) == summary(clean_text(raw_text))


@given(pdf_like())
def test_a_paragraph_cleaned_again_comes_back_unchanged(raw_text):
    for block in clean_text(raw_text).blocks:
        if block.kind != "paragraph":
            continue
        again = paragraphs([Line(1, block.text + " ")], EDITION.paragraphs, [])
        assert [text for text, _ in again] == [block.text]


han_sentence = st.tuples(st.lists(han_word, min_size=2, max_size=6).map("，".join), st.just("。")).map("".join)


@given(han_sentence, st.integers(min_value=3, max_value=20))
def test_letter_spacing_is_removed_however_the_lines_wrap(sentence, width):
    spaced = letter_spaced(sentence)
    rows = [spaced[i:i + width] for i in range(0, len(spaced), width)]
    lines = [Line(no, row) for no, row in enumerate(rows, 1)]
    assert [text for text, _ in paragraphs(lines, EDITION.paragraphs, [])] == [sentence]


@given(st.sampled_from(["interdependence", "governance", "multilateralism", "Keohane"]),
       st.integers(min_value=2, max_value=13), han_word)
def test_a_word_broken_by_a_line_end_hyphen_is_rejoined_and_the_hyphen_reported(word, cut, han):
    cut = min(cut, len(word) - 2)          # typesetting leaves two letters or more on each side
    removals: list = []
    lines = [Line(1, f"{han}的 {word[:cut]}-"), Line(2, f"{word[cut:]} 理論。")]
    [(text, _)] = paragraphs(lines, EDITION.paragraphs, removals)
    assert text == f"{han}的 {word} 理論。" and [r.text for r in removals] == ["-"]


@given(han_word)
def test_a_compound_hyphen_at_a_line_end_is_kept(han):
    removals: list = []
    lines = [Line(1, f"{han}的 Six-"), Line(2, "Party Talks。")]
    assert paragraphs(lines, EDITION.paragraphs, removals)[0][0] == f"{han}的 Six-Party Talks。" and removals == []


def test_a_year_broken_across_note_lines_is_not_a_note_number():
    """Found by `make fuzz`: 「…2」 / 「008年…」 read 008 as note 8 and lost its zeros."""
    raw = f"{HEADER}\n\n1\n\n本文。1 \n\n{' ' * 40}\n1 見聯合國報告，2\n008年。"
    text = clean_text(raw)
    assert [(note.number, note.text) for note in text.notes] == [("1", "見聯合國報告，2008年。")]
    assert discrepancy(text) == (Counter(), Counter())


def test_a_correction_that_adds_characters_is_accounted_for(texts):
    """The report's corrections balance the text: 分析架構 → 分析之架構 adds 之 (it was counted lost)."""
    from build_tools.editions import SEEDS, CorrectionSpec

    edition = texts["000"].edition
    fix = CorrectionSpec(line=176, expected="分析架構", replacement="分析之架構", reason="test")
    text = clean(SEEDS / edition.source, edition.model_copy(update={"corrections": [fix]}))
    assert "貳、分析之架構" in [block.text for block in text.blocks if block.kind == "heading"]
    assert discrepancy(text) == (Counter(), Counter())
