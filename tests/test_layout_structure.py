"""The structure figures of the layout bench (tests/layouts/): headings (label, title and level),
line joins and paragraph starts, each ≥ 98 % on every fixture × extractor that keeps the layout's
reading order (issue 15). A case below is a strict xfail carrying its measured figure, so a rule
that lifts it turns the test red until its entry is removed. (tests/test_layouts.py holds the
combined acceptance test; this file the structure stages' own figures.)
"""
from __future__ import annotations

import functools

import pytest

from build_tools import layoutbench
from build_tools.layoutbench import EXTRACTORS, FIXTURES, score

# (layout, extractor, figure) -> the figure measured when the case was last looked at. The report's
# headings (report-nested) are lost before this stage: furniture takes the repeated （１）/（２）
# item lines of the synthetic text for running headers.
BELOW: dict[tuple[str, str, str], str] = {
    ('article-endnotes', 'pdftotext', 'paragraphs'): "90.9 %",
    ('article-endnotes', 'pdftotext-raw', 'paragraphs'): "87.0 %",
    ('article-endnotes', 'pdfminer', 'paragraphs'): "90.9 %",
    ('article-endnotes', 'pymupdf', 'paragraphs'): "90.9 %",
    ('article-endnotes', 'pdfbox', 'paragraphs'): "90.9 %",
    ('article-one-column', 'pdftotext', 'paragraphs'): "82.6 %",
    ('article-one-column', 'pdftotext-raw', 'joins'): "92.1 %",
    ('article-one-column', 'pdftotext-raw', 'paragraphs'): "73.1 %",
    ('article-one-column', 'pdfminer', 'paragraphs'): "82.6 %",
    ('article-one-column', 'pymupdf', 'paragraphs'): "82.6 %",
    ('article-one-column', 'pdfbox', 'paragraphs'): "82.6 %",
    ('article-two-columns', 'pdftotext-raw', 'joins'): "97.6 %",
    ('article-two-columns', 'pdftotext-raw', 'paragraphs'): "81.2 %",
    ('article-two-columns', 'pymupdf', 'paragraphs'): "86.7 %",
    ('article-two-columns', 'pdfbox', 'paragraphs'): "74.3 %",
    ('report-nested', 'pdftotext', 'headings'): "65.2 %",
    ('report-nested', 'pdftotext', 'joins'): "92.8 %",
    ('report-nested', 'pdftotext', 'paragraphs'): "77.6 %",
    ('report-nested', 'pdftotext-raw', 'headings'): "65.2 %",
    ('report-nested', 'pdftotext-raw', 'paragraphs'): "91.8 %",
    ('report-nested', 'pdfminer', 'headings'): "65.2 %",
    ('report-nested', 'pdfminer', 'paragraphs'): "90.4 %",
    ('report-nested', 'pymupdf', 'headings'): "65.2 %",
    ('report-nested', 'pymupdf', 'paragraphs'): "91.8 %",
    ('report-nested', 'pdfbox', 'paragraphs'): "84.0 %",
    ('thesis-formal-numerals-watermark', 'pdftotext', 'joins'): "97.7 %",
    ('thesis-formal-numerals-watermark', 'pdftotext-raw', 'joins'): "90.8 %",
    ('thesis-formal-numerals-watermark', 'pdftotext-raw', 'paragraphs'): "81.8 %",
    ('thesis-formal-numerals-watermark', 'pymupdf', 'joins'): "97.5 %",
    ('thesis-formal-numerals-watermark', 'pdfbox', 'joins'): "97.4 %",
    ('thesis-formal-numerals-watermark', 'pdfbox', 'paragraphs'): "94.7 %",
    ('thesis-small-numerals', 'pdftotext', 'paragraphs'): "83.3 %",
    ('thesis-small-numerals', 'pdftotext-raw', 'joins'): "95.7 %",
    ('thesis-small-numerals', 'pdftotext-raw', 'paragraphs'): "78.9 %",
    ('thesis-small-numerals', 'pdfminer', 'paragraphs'): "88.2 %",
    ('thesis-small-numerals', 'pymupdf', 'paragraphs'): "88.2 %",
    ('thesis-small-numerals', 'pdfbox', 'paragraphs'): "88.2 %",
}

FIGURES = ("headings", "joins", "paragraphs")
CASES = [(folder.name, extractor, figure) for folder in layoutbench.fixtures() for extractor in EXTRACTORS
         for figure in FIGURES]


@functools.lru_cache(maxsize=None)
def scored(layout: str, extractor: str):
    return score(FIXTURES / layout, extractor)


@pytest.mark.parametrize("layout,extractor,figure", [
    pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason=BELOW[case])) if case in BELOW else case
    for case in CASES])
def test_structure_figure_reaches_98_percent(layout, extractor, figure):
    result = scored(layout, extractor)
    if result.scrambled:
        pytest.skip(f"{extractor} scrambles the reading order of {layout} ({result.order} % in order)")
    assert not result.error, result.error
    assert getattr(result, figure) >= 98.0, result


def test_most_cases_already_pass():
    """The headings reach 98 % on all but the report's cases; joins on most."""
    passing = [case for case in CASES if case not in BELOW and not scored(*case[:2]).scrambled]
    assert sum(1 for case in passing if case[2] == "headings") >= 23
    assert sum(1 for case in passing if case[2] == "joins") >= 19
