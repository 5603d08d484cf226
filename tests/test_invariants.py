"""Invariants of the cleaner under generated, PDF-like input (hypothesis).

Random CJK and Latin sentences are wrapped into printed lines (each followed by a blank line, as
the PDFs extract), cut into pages that end with a footnote block and a page number, with
numbered headings and note markers glued to sentence ends. Whatever the input, the cleaner
never raises, conserves every character (output + report = source), is deterministic, and a
paragraph it produced, cleaned again as one line, comes back unchanged.

`make test` runs 200 examples; `make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs 5,000.
"""
from __future__ import annotations

import os
import tempfile
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
latin_word = st.sampled_from(["WHO", "APEC", "Keohane", "Nye", "NGO", "2008", "Six-Party", "Talks", "G20"])
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
            width = draw(st.integers(min_value=8, max_value=40))
            rows = [text[i:i + width] for i in range(0, len(text), width)]
            rows[-1] += " "
            lines += [part for row in rows for part in (row, "")]
        if page_notes:
            lines.append(" " * draw(st.integers(min_value=20, max_value=90)))
            for i, number in enumerate(page_notes):
                note_text = f"{number} {draw(sentence)}"
                cut = draw(st.integers(min_value=6, max_value=40))
                lines += [note_text[:cut]] + ([note_text[cut:]] if note_text[cut:] else [])
                if i < len(page_notes) - 1:
                    lines.append("")
    return "\n".join(lines)


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
