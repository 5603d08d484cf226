"""The site builds with mkdocs --strict, and bad input fails clearly."""
import json
from pathlib import Path

import pytest

from build_tools.errors import EditionError
from build_tools.read import read_lines

ROOT = Path(__file__).resolve().parent.parent


def test_site_builds_strict_and_publishes_anchor_registry(site):
    registry = json.loads((site / "anchors.json").read_text(encoding="utf-8"))
    assert [t["slug"] for t in registry["texts"]][0] == "second-track-diplomacy"
    chapter = (site / "texts" / "china-multilateralism-six-party-talks" / "ch-2" / "index.html")
    html = chapter.read_text(encoding="utf-8")
    assert 'id="sec-2-1-3"' in html and 'id="sec-2-1-3-p1"' in html
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "外交部 99 年度施政目標與重點" in home
    assert "fonts.googleapis" not in home


def test_non_utf8_raw_text_names_line_and_encoding(tmp_path):
    raw = tmp_path / "big5.txt"
    raw.write_bytes("第一行\n外交部".encode("big5"))
    with pytest.raises(EditionError) as error:
        read_lines(raw)
    assert "big5.txt:1" in str(error.value) and "Big5" in str(error.value)


def test_bom_and_crlf_are_accepted(tmp_path):
    raw = tmp_path / "crlf.txt"
    raw.write_bytes("\ufeff壹、前言 \r\n\r\n本文。\r\n".encode("utf-8"))
    assert [line.text for line in read_lines(raw)] == ["壹、前言 ", "", "本文。"]


def test_every_page_title_anchor_is_in_the_registry(files):
    """A page's H1 id (its own heading's, or `top`) is a published anchor, like every other id."""
    registry = json.loads(files["anchors.json"])
    published = {anchor["url"] for text in registry["texts"] for anchor in text["anchors"]}
    for path, markdown in files.items():
        if path.startswith("texts/") and path.endswith(".md") and "/" in path[6:] \
                and not path.endswith(("report.md", "print.md")):
            h1 = next(line for line in markdown.split("\n") if line.startswith("# "))
            anchor = h1.rsplit("{#", 1)[1].rstrip("}")
            url = path[:-len("index.md")] if path.endswith("index.md") else path[:-3] + "/"
            assert f"{url}#{anchor}" in published, (path, anchor)
    assert "texts/second-track-diplomacy/#top" in published
