"""Shared fixtures: the five real texts, cleaned once per test session."""
from __future__ import annotations

import pytest

from build_tools.build import clean_all, generate_files

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
