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


# Whitespace is evidence, never a requirement (issue 15 §2): the seeds' exporter ends every heading
# line with a space; cleaned with every line's trailing whitespace removed, the headings are found
# from the numbering, the line lengths against the text's measure and the next line's shape.
def without_trailing_space(prefix, monkeypatch):
    from build_tools import pipeline
    from build_tools.editions import discover
    from build_tools.model import Line
    raw, edition = next((raw, edition) for raw, edition in discover() if raw.name.startswith(prefix))
    real = pipeline.read_lines
    monkeypatch.setattr(pipeline, "read_lines", lambda path: [Line(l.no, l.text.rstrip() if l.text.strip() else l.text)
                                                               for l in real(path)])
    return pipeline.clean(raw, edition)


@pytest.mark.parametrize("prefix, missed", [("000", 1), ("001", 0), ("002", 0), ("003", 0), ("004", 0)])
def test_headings_found_without_trailing_spaces(texts, monkeypatch, prefix, missed):
    bare = {(h.anchor, h.label, h.title, h.level) for h in headings(without_trailing_space(prefix, monkeypatch))}
    full = {(h.anchor, h.label, h.title, h.level) for h in headings(texts[prefix])}
    assert len(full - bare) == missed and not bare - full
    if prefix == "000":   # missed: （三）, a full line whose next line opens a column (its indent is not told apart)
        assert {h[0] for h in full - bare} == {"sec-2-2-3"}
        # the wrapped title: 「參、全球治理對於我國進行第二」 / 「軌道外交之意義」, 「四、…第二軌道外交」 / 「的意義」
        assert {("sec-3", "參、", "全球治理對於我國進行第二軌道外交之意義", 1),
                ("sec-3-4", "四、", "全球治理對於我國進行第二軌道外交的意義", 2)} <= bare


def outline_of(raw_text: str, levels: list[str]):
    """Headings (label, title, level, anchor) the cleaner finds in a small text of our making."""
    import tempfile
    from pathlib import Path
    from build_tools.editions import Edition
    from build_tools.pipeline import clean
    edition = Edition.model_validate({
        "source": "999_outline.txt", "slug": "outline", "order": 99, "title": "測試", "title_is_editorial": True,
        "title_en": "Test", "kind": "master's thesis", "description": "synthetic", "outline": {"levels": levels}})
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "999_outline.txt"
        raw.write_text(raw_text, encoding="utf-8")
        return [(h.label, h.title, h.level, h.anchor) for h in headings(clean(raw, edition))]


LINE = "兩岸關係的發展深受國際體系結構變遷的影響，而美國在其中扮演的角色尤為關鍵，"   # a full line: 37 characters
END = "因此本文從權力平衡的觀點出發加以討論。"


def body(paragraphs: int = 1) -> str:
    return "\n\n".join([LINE, LINE, END] * paragraphs)


@pytest.mark.parametrize("first, second", [("第一章", "第二章"), ("第壹章", "第貳章"), ("第1章", "第2章"),
                                           ("第 1 章", "第 2 章")])
def test_every_chapter_numeral_style(first, second):
    raw = "\n\n".join([f"{first}　緒論", "第一節　研究動機", body(), f"{second}　文獻回顧", "第一節　權力平衡理論", body()])
    found = outline_of(raw, ["chapter", "section"])
    assert [(label.replace(" ", ""), title, level, anchor) for label, title, level, anchor in found] == [
        (first.replace(" ", ""), "緒論", 1, "sec-1"), ("第一節", "研究動機", 2, "sec-1-1"),
        (second.replace(" ", ""), "文獻回顧", 1, "sec-2"), ("第一節", "權力平衡理論", 2, "sec-2-1")]


def test_long_and_wrapped_titles_and_a_heading_after_a_keywords_line():
    first = "貳、冷戰結束後美國對台軍售政策與東亞區域安全結構之變遷及其對於台海兩岸"   # to the margin (36)
    raw = "\n\n".join([
        "關鍵詞：權力平衡、同盟、台海安全",                         # no final punctuation
        "壹、前言", body(),
        first, "關係的影響", body(),                                  # wrapped over two lines: 36 + 5 characters
        "一、美國對台軍售政策之演變與冷戰後東亞區域安全結構的轉變", body(),   # 28 characters, one line
        "二、台海兩岸軍事力量對比之變化與美國在亞太地區軍事部署之調整對於兩岸", "關係和平發展的深遠影響及其意涵對於東亞區域秩序與美中日三邊關係的", "重要啟示",
        body()])                                                      # wrapped over three lines
    found = outline_of(raw, ["capital", "number"])
    assert found == [
        ("壹、", "前言", 1, "sec-1"),
        ("貳、", "冷戰結束後美國對台軍售政策與東亞區域安全結構之變遷及其對於台海兩岸關係的影響", 1, "sec-2"),
        ("一、", "美國對台軍售政策之演變與冷戰後東亞區域安全結構的轉變", 2, "sec-2-1"),
        ("二、", "台海兩岸軍事力量對比之變化與美國在亞太地區軍事部署之調整對於兩岸關係和平發展的深遠影響及其意涵對於東亞區域秩序"
                "與美中日三邊關係的重要啟示", 2, "sec-2-2")]


def test_a_missed_heading_does_not_hide_its_children():
    """第二章's title runs on into a sentence (「。」), so it is not read as a heading; its sections
    still are, numbered under the chapter the numbering says they belong to."""
    raw = "\n\n".join(["第一章　緒論", "第一節　研究動機", body(), "第二節　研究方法", body(),
                       "第二章　文獻回顧。本章回顧文獻", body(), "第一節　權力平衡理論", body(), "第二節　同盟理論", body()])
    found = outline_of(raw, ["chapter", "section"])
    assert [anchor for *_, anchor in found] == ["sec-1", "sec-1-1", "sec-1-2", "sec-2-1", "sec-2-2"]
    assert found[-1][:2] == ("第二節", "同盟理論")
