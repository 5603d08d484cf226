"""Never succeed silently: the structure found is reported, implausible figures are warned about."""
from __future__ import annotations

from build_tools import layoutbench
from build_tools.editions import SEEDS
from build_tools.pipeline import clean

FIXTURES = layoutbench.FIXTURES


def test_each_report_gives_the_structure_found(files, texts):
    report = files["texts/china-multilateralism-six-party-talks/report.md"]
    assert "## 結構摘要 {#structure}" in report
    assert f"| 註文 | {len(texts['001'].notes)} |" in report and "| 註文 | 263 |" in report
    assert "| 移除的浮水印 | 115 |" in report and "| 移除的頁碼 | 5 |" in report
    assert "| 標題（第一層） | 7 |" in report
    # the thesis excerpt prints its page numbers under running headers: its pages are listed
    assert "| 第 151 頁 |" in files["texts/taiwan-strait-alliances/report.md"]


def test_the_printed_page_of_each_raw_line_is_recorded(texts):
    pages = texts["004"].printed_pages
    removed = {r.no: r.text for r in texts["004"].removals if r.reason == "page number"}
    for no, number in removed.items():
        assert pages[no] == int(number)          # a page number stands on its own page
    bench = layoutbench.clean_fixture(FIXTURES / "article-one-column", "pdftotext")
    assert sorted(set(bench.printed_pages.values())) == [1, 2, 3, 4, 5]
    first = next(block for block in bench.blocks if "壹、前言" in block.text)
    assert bench.printed_pages[first.lines[0]] == 1


def test_digits_after_sentences_without_notes_are_warned_about(tmp_path):
    """The endnote article without its endnote section: its markers have no bodies."""
    raw = (FIXTURES / "article-endnotes" / "pdftotext.txt").read_text(encoding="utf-8")
    body = tmp_path / "pdftotext.txt"
    body.write_text(raw.split("【註釋】")[0], encoding="utf-8")
    text = clean(body, layoutbench.fixture_edition(FIXTURES / "article-endnotes", "pdftotext"))
    assert not text.notes
    assert any("no note body found, but" in w and "furniture.note_block_starts" in w for w in text.warnings)


def test_enumerated_lines_without_headings_are_warned_about():
    folder = FIXTURES / "report-nested"
    edition = layoutbench.fixture_edition(folder, "pdftotext")
    wrong = edition.model_copy(update={"outline": edition.outline.model_copy(update={"levels": ["chapter"]})})
    text = clean(folder / "pdftotext.txt", wrong)
    assert any("paragraphs open with an enumerator" in w and "outline.levels" in w for w in text.warnings)


def test_a_note_block_opened_by_hand(texts):
    """`furniture.note_block_starts` opens a note block where no rule finds one (here at a body
    line of 002, to show it works: the line becomes a note's first line)."""
    edition = texts["002"].edition
    assert not [note for note in texts["002"].notes if note.lines[0] == 101]
    furniture = edition.furniture.model_copy(update={"note_block_starts": [101]})
    text = clean(SEEDS / edition.source, edition.model_copy(update={"furniture": furniture}))
    opened = [note for note in text.notes if note.lines[0] == 101]
    assert opened and opened[0].text.startswith("別值得注意")


def test_a_note_over_a_whole_page_is_warned_about():
    """A note block that ran on from page 2 to page 4 (as when its end is missed) covers page 3."""
    from dataclasses import replace

    from build_tools.findings import implausible

    text = layoutbench.clean_fixture(FIXTURES / "article-one-column", "pdftotext")
    assert not implausible(text, "edition.yml")[1:]        # only the missing headings (structure's part)
    on = [no for no, page in text.printed_pages.items() if 2 <= page <= 4]
    merged = replace(text.notes[0], lines=tuple(on))
    text.notes = [merged] + text.notes[1:]
    warnings = [f.warning for f in implausible(text, "edition.yml")]
    assert any("covers a whole page (p. 3)" in w and "note_block_ends" in w for w in warnings)


def test_a_report_without_removed_lines_says_so_instead_of_an_empty_table(files, texts):
    """The financial-crisis article has no page furniture: its report gives a sentence, not a table
    whose only row is empty."""
    assert not texts["002"].removals
    report = files["texts/financial-crisis-world-order/report.md"]
    removed = report.split("## 移除的內容 {#removed}")[1].split("## 編輯更正")[0]
    assert removed.strip() == "本文沒有移除任何版面元素。"
    assert "| 755 | 12 | 頁碼 |" in files["texts/china-multilateralism-six-party-talks/report.md"]


def test_the_note_check_counts_the_authors_note_the_summary_counts(files, texts):
    """The financial-crisis article's summary counts 40 notes: 39 numbered and the author's `*`
    note; the note check below it says so rather than 39 alone."""
    report = files["texts/financial-crisis-world-order/report.md"]
    assert f"| 註文 | {len(texts['002'].notes)} |" in report and "| 註文 | 40 |" in report
    assert "正文註號 39 個，註文 39 則（另有以符號 * 標示的註文 1 則）。" in report
    assert "正文註號 263 個，註文 263 則。" in files["texts/china-multilateralism-six-party-talks/report.md"]
