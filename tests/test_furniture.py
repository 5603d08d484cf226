"""Page furniture leaves the text and is listed in the cleaning report."""
import re

from conftest import body_of


def removed(text, reason):
    return [r for r in text.removals if r.reason == reason]


def test_watermark_and_page_numbers_of_001_go_to_the_report(texts):
    text = texts["001"]
    assert [r.text for r in removed(text, "page number")] == ["12", "50", "55", "83", "101"]
    assert len(removed(text, "watermark")) == 5 * 23
    body = body_of(text)
    assert "Chengch" not in body and "National" not in body


def test_running_headers_of_004_are_not_text(texts):
    text = texts["004"]
    assert [r.text for r in removed(text, "page number")] == ["151", "152", "168", "175"]
    assert len(removed(text, "running header")) == 4
    body = body_of(text)
    assert "權力平衡論台海安全問題" not in body
    assert "台海安全體系評估" not in body


def test_no_bare_page_numbers_in_paragraphs(texts):
    for text in texts.values():
        for block in text.blocks:
            assert not re.fullmatch(r"\d{1,3}", block.text.strip())


def test_notes_are_kept_aside(texts):
    body = body_of(texts["002"])
    assert "Understanding the 2007-2008 Global Financial Crisis" not in body
    notes = {n.number: n.text for n in texts["002"].notes}
    assert notes["1"].startswith("Eric Helleiner")
    assert notes["*"].startswith("本論文曾發表於")
    # a note continued on the next page is one note (002 note 5)
    assert "The Washington Quarterly" in notes["5"]


def test_note_numbering_restarts_per_chapter_in_001(texts):
    counts = {}
    for note in texts["001"].notes:
        counts[note.scope] = counts.get(note.scope, 0) + 1
    assert counts == {"ch-1": 73, "ch-2": 57, "ch-3": 41, "ch-4": 35, "ch-5": 55, "ch-6": 2}


def test_report_page_lists_removed_lines(files):
    report = files["texts/china-multilateralism-six-party-talks/report.md"]
    assert "| 755 | 12 | 頁碼 |" in report
    # the text's page links to its report as a Markdown file, so MkDocs validates the link
    assert "(report.md)" in files["texts/china-multilateralism-six-party-talks/index.md"]
