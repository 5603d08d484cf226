"""`check FILE` accepts any data file; `where` finds the raw line(s) of a phrase for a correction."""
from __future__ import annotations

import pytest

from conftest import run_cli
from test_errors import edit, failure

RAW = "seeds/000_19b1ec96d07d16c6.txt"


@pytest.mark.parametrize("name", ["glossary/terms.yml", "bib/references.bib", "editions/000_19b1ec96d07d16c6.yml",
                                  "annotations/second-track-diplomacy.yml"])
def test_check_accepts_every_kind_of_data_file(pristine, name):
    result = run_cli(pristine, "check", name)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "all data files are valid\n"


def test_check_of_a_glossary_file_names_its_problem(project, tmp_path):
    bad = tmp_path / "glossary" / "terms.yml"
    bad.parent.mkdir()
    text = (project / "glossary/terms.yml").read_text(encoding="utf-8")
    bad.write_text(text.replace("  term: APEC\n", "  term: APEC\n  aliases: [亞太經合甲會]\n", 1), encoding="utf-8")
    assert failure(project, "check", str(bad)) == [
        f"error: {bad}:4:13: glossary entry 'apec': '亞太經合甲會' is printed in no text — write the form exactly "
        "as the cleaned text prints it, or remove it"]


def test_where_prints_the_raw_line_of_a_heading(pristine):
    result = run_cli(pristine, "where", "「貳、分析架構」")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{RAW}:176 (second-track-diplomacy; corrections go in editions/000_19b1ec96d07d16c6.yml)",
        "    176 | 貳、分析架構 "]


def test_where_matches_across_line_breaks_and_stray_spaces(pristine):
    result = run_cli(pristine, "where", "當國際社會 邁入所謂的「全球時代」（globalage）")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{RAW}:186-190 (second-track-diplomacy; corrections go in editions/000_19b1ec96d07d16c6.yml)"
    assert lines[1] == "    186 | 群產生了廣泛、強烈與快速的影響。當國"
    assert lines[-1] == "    190 | age）之後，如何尋求另一種統治或管理"


def test_where_names_a_phrase_no_text_prints(pristine):
    assert failure(pristine, "where", "不存在的句子") == [
        "error: seeds: no raw text prints 「不存在的句子」 (spaces and line breaks are ignored) — copy the phrase "
        "from the site again, or try a shorter part of it"]
