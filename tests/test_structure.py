"""Headings at the levels the texts' own numbering gives."""
from collections import Counter

import pytest


def headings(text):
    return [block.heading for block in text.blocks if block.kind == "heading"]


@pytest.mark.parametrize("prefix, count, levels", [
    ("000", 24, {1: 6, 2: 11, 3: 7}),
    ("001", 97, {1: 7, 2: 24, 3: 46, 4: 20}),
    ("002", 6, {1: 6}),
    ("003", 16, {0: 1, 1: 4, 2: 11}),
    ("004", 16, {1: 4, 2: 6, 3: 6}),
])
def test_heading_counts_and_levels(texts, prefix, count, levels):
    found = headings(texts[prefix])
    assert len(found) == count
    assert dict(Counter(h.level for h in found)) == levels


def test_article_000_has_no_invented_chapter_four_and_joins_wrapped_headings(texts):
    by_anchor = {h.anchor: h for h in headings(texts["000"])}
    assert "sec-4" not in by_anchor and by_anchor["sec-5"].title == "個案研究"
    assert by_anchor["sec-3"].title == "全球治理對於我國進行第二軌道外交之意義"
    assert by_anchor["sec-3"].lines == (520, 522)
    assert by_anchor["sec-3-4"].title == "全球治理對於我國進行第二軌道外交的意義"
    assert by_anchor["sec-2-2-2"].title == "議題聯結（issue-linking）"


def test_thesis_001_anchors_follow_numbering(texts):
    by_anchor = {h.anchor: h for h in headings(texts["001"])}
    assert by_anchor["sec-2-1-3"].label == "三、" and by_anchor["sec-2-1-3"].title == "國際多邊安全機制之歷史發展"
    assert by_anchor["sec-4-1-2-6"].title == "第六輪"
    assert by_anchor["abstract"].title == "摘要"
    # one page per chapter plus the abstract
    assert {b.page for b in texts["001"].blocks} == {"abstract", "ch-1", "ch-2", "ch-3", "ch-4", "ch-5", "ch-6"}


def test_joint_statement_points_stay_in_the_text(texts):
    body = "\n".join(b.text for b in texts["001"].blocks if b.kind == "paragraph")
    assert "一、六方一致重申" in body
    assert not any(h.title.startswith("六方一致重申") for h in headings(texts["001"]))


def test_report_003_outline(texts):
    found = headings(texts["003"])
    assert found[0].anchor == "title" and found[0].title == "外交部 99 年度施政目標與重點"
    assert [h.anchor for h in found if h.level == 1] == ["sec-1", "sec-2", "sec-3", "sec-4"]
    assert found[-4].anchor == "sec-1-11" and found[-4].label == "十一、"


def test_excerpt_004_sections_carry_chapter_number(texts):
    anchors = [h.anchor for h in headings(texts["004"])]
    assert anchors[:3] == ["sec-6-1", "sec-6-2", "sec-6-2-1"]
    assert "sec-6-3-3-2" in anchors
    assert not any("一、美國公眾" in h.title for h in headings(texts["004"]))
