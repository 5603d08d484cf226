"""The bench's layouts: texts of known structure and how each is typeset.

A layout is a list of blocks plus page CSS. Blocks:
  ("p", text)                  a paragraph ({n:body} writes a note at that place)
  ("h", level, label, title)   a numbered heading (level: its outline level, 1 = outermost)
  ("chapter", label, title)    a chapter heading: starts a new page, note numbering restarts
  ("endnotes", heading)        where endnotes are printed (the notes are collected there)
  ("q", text)                  a block quotation (a paragraph of its own, set off by margins)
  ("ref", text)                an entry of a reference list (a paragraph of its own, hanging indent)
  ("table", caption, rows)     a table (its caption and cells are not in the gold's units)
Everything is synthetic (content.Prose) except a few fixed cases each layout must show.
"""
from __future__ import annotations

from .content import (ABSTRACT_C, ENGLISH_ABSTRACT, ENGLISH_ABSTRACT_C, ENGLISH_BLOCK_QUOTE, ENGLISH_PASSAGE,
                      REFERENCES_C, Prose, ProseB, ProseC)

# Cases the rules must handle; each stands in some layout's text.
AGAINST_DATE = "在此之前，雙方對於名稱問題始終未能達成一致，直到最後才確認了正式國號。{n:外交部，《外交年鑑》（臺北：外交部，1997 年），頁 12。}6月9日，雙方簽署聯合公報，正式建立外交關係。"
AGAINST_YEAR = "此一立場其後被概括為「一個中國」原則。{n:邵宗海，《兩岸關係》（臺北：五南圖書，2006 年），頁 88-90。}2000年政黨輪替之後，相關論述又有新的變化。"
AFTER_FULL_STOP = "外交部的年度報告亦以英文指出，the policy was designed to overcome diplomatic isolation.{n:Ministry of Foreign Affairs, Foreign Policy Report (Taipei: MOFA, 1993), p. 5.} 此後，相關部門陸續提出多項配套措施。"
QUANTITY = "代表團一行於同年訪問中美洲友邦，行程共計7天6夜，期間拜會三國元首與外交部長，並簽署多項合作協定。"

ARTICLE_CSS = """
@page {{ size: A5; margin: 20mm 16mm 22mm 16mm;
  @top-center {{ content: "{header}"; font-size: 8pt; }}
  @{numbers} {{ content: counter(page); font-size: 8pt; }} }}
@page :first {{ @top-center {{ content: none; }} }}
"""


def front_matter(prose: Prose, title: str, english: bool = True) -> list:
    blocks = [("p", title), ("p", "王 大 明＊"), ("p", "摘要"), ("p", prose.paragraph(5, 0)),
              ("p", "關鍵詞：務實外交、第二軌道外交、非政府組織、國際參與")]
    if english:
        blocks += [("p", "Abstract"), ("p", ENGLISH_ABSTRACT),
                   ("p", "Keywords: Pragmatic Diplomacy, Second-Track Diplomacy, NGOs, Taiwan")]
    return blocks


def article(seed: int, notes_at: str = "foot", extra: int = 0) -> list:
    """A journal article: 壹、 > 一、 > （一）; long and wrapped headings; the fixed cases."""
    prose = Prose(seed)
    blocks = front_matter(prose, "臺灣務實外交的起源與演變：一個制度主義的分析")
    blocks += [("h", 1, "壹、", "前言"), ("p", prose.paragraph(4, 1)), ("p", prose.paragraph(3, 1)),
               ("h", 1, "貳、", "全球治理與第二軌道外交：概念、理論與我國推動非政府組織國際參與之經驗"),
               ("h", 2, "一、", "全球治理的概念"), ("p", prose.paragraph(4, 2)), ("p", AGAINST_DATE),
               ("h", 2, "二、", "第二軌道外交的界定"), ("p", prose.paragraph(3, 1)),
               ("h", 3, "（一）", "官方與非官方管道"), ("p", prose.paragraph(3, 1) + AFTER_FULL_STOP),
               ("h", 3, "（二）", "學術交流與政策對話在區域安全合作架構中所扮演之角色"),
               ("p", prose.paragraph(4, 1)), ("p", ENGLISH_PASSAGE + prose.sentence()),
               ("h", 1, "參、", "我國的實踐"), ("p", AGAINST_YEAR + prose.paragraph(2, 1)), ("p", QUANTITY),
               ("p", prose.paragraph(3, 0) + prose.sentence() + prose.long_note()),
               ("p", prose.paragraph(5, 2))] + [("p", prose.paragraph(4, 1)) for _ in range(extra)] + [
               ("h", 1, "肆、", "結論"), ("p", prose.paragraph(4, 1)), ("p", prose.paragraph(3, 0))]
    if notes_at == "end":
        blocks.append(("endnotes", "【註釋】"))
    return blocks


def thesis(seed: int, chapters: list[tuple[str, str]], sections: list[str]) -> list:
    """A thesis excerpt: chapters (numbering of notes restarts in each) > 第一節 > 一、."""
    prose = Prose(seed)
    blocks = []
    for chapter_no, (label, title) in enumerate(chapters):
        blocks.append(("chapter", label, title))
        blocks.append(("p", prose.paragraph(3, 1)))
        for section_no, section in enumerate(sections):
            blocks.append(("h", 2, f"第{'一二三四'[section_no]}節", section))
            blocks.append(("p", prose.paragraph(4, 1)))
            if section_no == 0:
                blocks += [("h", 3, "一、", "研究背景"), ("p", prose.paragraph(3, 1)),
                           ("h", 3, "二、", "問題意識與研究目的"), ("p", prose.paragraph(4, 1))]
            if chapter_no == 0 and section_no == 1:
                blocks.append(("p", prose.paragraph(2, 0) + prose.sentence() + prose.long_note()))
                blocks.append(("p", AGAINST_DATE))
            if chapter_no == 1 and section_no == 0:
                blocks += [("p", AGAINST_YEAR), ("p", QUANTITY)]
        blocks.append(("p", prose.paragraph(3, 1)))
    return blocks


def report(seed: int) -> list:
    """A ministry report: 壹、 > 一、 > （一） > １、 > （１）."""
    prose = Prose(seed)
    blocks = [("p", "中華民國外交部一百年度施政目標與重點"), ("p", prose.paragraph(3, 0))]
    for capital, title in (("壹、", "年度施政目標"), ("貳、", "年度施政重點")):
        blocks += [("h", 1, capital, title), ("p", prose.paragraph(2, 1))]
        for number, sub in (("一、", "鞏固邦交"), ("二、", "拓展與無邦交國家之實質關係")):
            blocks += [("h", 2, number, sub), ("p", prose.paragraph(2, 1))]
            for paren, item in (("（一）", "強化高層互訪"), ("（二）", "推動經貿合作與技術協助計畫之整合與評估")):
                blocks += [("h", 3, paren, item), ("p", prose.paragraph(2, 0))]
                for full, point in (("１、", "加強雙邊諮商"), ("２、", "擴大人道援助")):
                    blocks += [("h", 4, full, point), ("p", prose.paragraph(2, 1))]
                    if full == "１、":
                        blocks += [("h", 5, "（１）", "定期舉行部長級會議"), ("p", prose.paragraph(1, 0)),
                                   ("h", 5, "（２）", "設立聯合工作小組"), ("p", prose.paragraph(2, 0))]
    blocks += [("p", QUANTITY)]
    return blocks


COMMON_CSS = """
body { font-family: "Noto Serif CJK TC", "Noto Sans CJK TC", serif; font-size: 9.5pt; line-height: 1.6;
       text-align: justify; hyphens: auto; }
p { margin: 0; text-indent: 2em; }
h1, h2, h3, h4, h5, h6 { font-size: 10pt; margin: 0.8em 0 0.4em; }
h1.chapter { font-size: 13pt; text-align: center; break-before: page; }
sup { font-size: 60%; vertical-align: super; line-height: 0; }
.fn { float: footnote; font-size: 7.5pt; text-indent: 0; }
::footnote-call { content: none; }
::footnote-marker { content: none; }
.en { text-indent: 0; }
"""

LAYOUTS = {
    "article-one-column": dict(
        kind="journal article", levels=["capital", "number", "paren"], blocks=lambda: article(1),
        css=ARTICLE_CSS.format(header="臺灣國際研究季刊　第 7 卷第 2 期", numbers="bottom-center")),
    "article-two-columns": dict(
        kind="journal article", levels=["capital", "number", "paren"], blocks=lambda: article(2, extra=8),
        css=ARTICLE_CSS.format(header="臺灣國際研究季刊　第 8 卷第 1 期", numbers="top-right").replace("A5", "A4")
        + "body { column-count: 2; column-gap: 8mm; }"),
    "article-endnotes": dict(
        kind="journal article", levels=["capital", "number", "paren"], blocks=lambda: article(3, "end"),
        css=ARTICLE_CSS.format(header="外交與戰略評論", numbers="bottom-center")),
    "thesis-small-numerals": dict(
        kind="master's thesis", levels=["chapter", "section", "number"],
        blocks=lambda: thesis(4, [("第一章", "緒論"), ("第二章", "文獻回顧與分析架構：新自由制度主義與區域多邊安全合作之理論基礎")],
                              ["研究動機與目的", "研究方法與限制"]),
        css="""@page { size: A5; margin: 22mm 16mm 20mm 16mm;
          @top-center { content: "國立臺灣示範大學外交學系碩士論文"; font-size: 8pt; }
          @bottom-center { content: counter(page); font-size: 8pt; } }
        @page :first { @top-center { content: none; } }"""),
    "thesis-formal-numerals-watermark": dict(
        kind="master's thesis", levels=["chapter", "section", "number"],
        blocks=lambda: thesis(5, [("第壹章", "導論"), ("第貳章", "中國大陸參與多邊外交之歷程")],
                              ["問題的提出", "文獻檢閱", "研究架構"]),
        css="""@page { size: A5; margin: 22mm 16mm 20mm 16mm;
          @top-right { content: "中國多邊主義與東北亞安全"; font-size: 8pt; }
          @bottom-right { content: counter(page); font-size: 8pt; } }
        .watermark { position: fixed; top: 70mm; left: 5mm; width: 120mm; transform: rotate(-40deg);
                     font-size: 26pt; color: #e4e4e4; text-indent: 0; }""",
        watermark="‧國立臺灣示範大學‧National Model University"),
    "report-nested": dict(
        kind="government report", levels=["capital", "number", "paren", "fullwidth", "paren-fullwidth"],
        blocks=lambda: report(6),
        css="""@page { size: A5; margin: 22mm 18mm 18mm 18mm;
          @top-left { content: "外交部施政計畫"; font-size: 8pt; }
          @top-right { content: counter(page); font-size: 8pt; } }
        @page :first { @top-left { content: none; } }"""),
}


# The layouts added after the rules were tuned on the six above (their first figures, measured
# before any rule was changed for them, are the bench's honest measure of generality): another
# vocabulary (content.ProseB), other fixed cases, other typographic choices. First figures
# (headings / notes / joins %, over pdftotext, -raw, pdfminer, PyMuPDF, PDFBox):
#   article-alternating-headers: headings 100 everywhere; notes 0 everywhere (「1.」 not read as a
#     note number); joins 95.2, 85.1, 95.2, 95.2, 70.6;
#   thesis-chapter-headers: headings 90.9, 100, 100, 100, 90.9; notes 88.2, 76.5, 94.1, 76.5, 0;
#     joins 94.7, 89.5, 95.7, 100, 98.5; PDFBox left 5 furniture lines.
#   Its last two cases: pdftotext set the superscript 7 before the line it belongs to (notes 94.1,
#     joins 97.3 until markers.raised_home); pdfminer sets 「programme」 of the widely justified line
#     「…寫道：the programme has」 after the paragraph — one displaced line, its two joins set aside
#     (97.1 % with them).
AGAINST_MONTH_B = "雙方在會談中就援助項目的優先順序交換意見，並同意成立聯合工作小組。{n:國際合作發展基金會，《2008 年年報》（臺北：國合會，2009 年），頁 41。}8月間，工作小組在亞松森舉行第一次會議。"
AFTER_FULL_STOP_B = "該報告的結論寫道：the programme has strengthened local capacity in agriculture.{n:Carol Lancaster, Foreign Aid (Chicago: University of Chicago Press, 2007), p. 77.} 然而，報告並未說明評估所依據的指標。"
QUANTITY_B = "技術團團員每年返國述職一次，每次停留約3週，其餘時間均駐在受援國的示範農場。"


def aid_article(seed: int) -> list:
    """A journal article in the second vocabulary: 一、 > （一）; a block quotation in English."""
    prose = ProseB(seed)
    blocks = [("p", "臺灣對外援助的制度變遷：從農技團到國合會"), ("p", "李 志 宏＊"), ("p", "摘要"),
              ("p", prose.paragraph(4, 0)), ("p", "關鍵詞：對外援助、國際合作發展基金會、農業技術團")]
    blocks += [("h", 1, "一、", "緒論"), ("p", prose.paragraph(4, 1)), ("p", prose.paragraph(3, 1)),
               ("h", 1, "二、", "援外體制的建立與調整：從海外技術合作委員會到國際合作發展基金會"),
               ("h", 2, "（一）", "早期的農業技術合作"), ("p", prose.paragraph(4, 1)), ("p", AGAINST_MONTH_B),
               ("p", prose.paragraph(2, 0) + "如論者所言："), ("q", ENGLISH_BLOCK_QUOTE),
               ("p", prose.paragraph(3, 1)),
               ("h", 2, "（二）", "國合會的成立及其組織"), ("p", prose.paragraph(3, 1) + AFTER_FULL_STOP_B),
               ("p", prose.paragraph(3, 0) + prose.sentence() + prose.long_note()),
               ("p", prose.paragraph(4, 1)),
               ("h", 1, "三、", "援助成效的評估"), ("p", prose.paragraph(4, 2)), ("p", QUANTITY_B),
               ("p", prose.paragraph(3, 1)),
               ("h", 1, "四、", "結語"), ("p", prose.paragraph(4, 1)), ("p", prose.paragraph(2, 0))]
    return blocks


def aid_thesis(seed: int) -> list:
    """A thesis excerpt in the second vocabulary: 第1章 > 第1節 > 一、, notes restarting per chapter."""
    prose = ProseB(seed)
    blocks = []
    chapters = [("第1章", "緒論"), ("第2章", "我國對外援助的歷史發展")]
    sections = [["研究背景與動機", "研究方法", "章節安排"], ["冷戰時期的農技外交", "援外體制的轉型"]]
    for chapter_no, (label, title) in enumerate(chapters):
        blocks += [("chapter", label, title), ("p", prose.paragraph(3, 1))]
        for section_no, section in enumerate(sections[chapter_no]):
            blocks += [("h", 2, f"第{section_no + 1}節", section), ("p", prose.paragraph(4, 1))]
            if section_no == 0:
                blocks += [("h", 3, "一、", "問題的提出"), ("p", prose.paragraph(3, 1)),
                           ("h", 3, "二、", "既有研究的限制與本文對援外評估文獻之可能貢獻"),
                           ("p", prose.paragraph(4, 1))]
            if chapter_no == 0 and section_no == 1:
                blocks += [("p", prose.paragraph(2, 0) + prose.sentence() + prose.long_note()),
                           ("p", AGAINST_MONTH_B)]
            if chapter_no == 1 and section_no == 0:
                blocks += [("p", prose.paragraph(2, 1) + "對此，有研究者寫道："), ("q", ENGLISH_BLOCK_QUOTE),
                           ("p", QUANTITY_B)]
            if chapter_no == 1 and section_no == 1:
                blocks += [("p", prose.paragraph(2, 0) + AFTER_FULL_STOP_B)]
        blocks.append(("p", prose.paragraph(3, 1)))
    return blocks


LAYOUTS.update({
    # block paragraphs (no indent, space between), running headers alternating between even and odd
    # pages (journal left, article right), none on the first; page numbers 「- 3 -」 at the bottom;
    # a rule above the notes, note numbers followed by a full stop; a sans-serif face
    "article-alternating-headers": dict(
        kind="journal article", levels=["number", "paren"], blocks=lambda: aid_article(7),
        note_label="{n}. ", css="""
        @page { size: A5; margin: 18mm 15mm 20mm 15mm;
          @bottom-center { content: "- " counter(page) " -"; font-size: 8pt; } }
        @page :left { @top-left { content: "東亞政策論叢　第 12 卷第 3 期"; font-size: 8pt; } }
        @page :right { @top-right { content: "臺灣對外援助的制度變遷"; font-size: 8pt; } }
        @page :first { @top-right { content: none; } @top-left { content: none; } }
        @footnote { border-top: 0.5pt solid black; padding-top: 1.5mm; }
        body { font-family: "Noto Sans CJK TC", sans-serif; font-size: 9pt; line-height: 1.75; }
        p { text-indent: 0; margin: 0 0 0.7em; }
        blockquote { margin: 0.5em 2em 0.9em; font-size: 8.5pt; }""",
        headers=["東亞政策論叢　第 12 卷第 3 期", "臺灣對外援助的制度變遷"], page_label="- {} -"),
    # B5; the running header is the chapter's title, absent on each chapter's first page; page
    # numbers 「第 3 頁」 at the bottom right; chapters and sections numbered in Arabic digits
    "thesis-chapter-headers": dict(
        kind="master's thesis", levels=["chapter", "section", "number"], blocks=lambda: aid_thesis(8),
        css="""
        @page { size: 176mm 250mm; margin: 24mm 22mm 22mm 22mm;
          @top-center { content: string(chapter, first-except); font-size: 8pt; }
          @bottom-right { content: "第 " counter(page) " 頁"; font-size: 8pt; } }
        h1.chapter { string-set: chapter content(); }
        body { font-size: 10.5pt; line-height: 1.5; }
        blockquote { margin: 0.6em 3em; font-size: 9.5pt; text-align: left; }""",
        headers=["第1章　緒論", "第2章　我國對外援助的歷史發展"], page_label="第 {} 頁"),
})


def aid_report(seed: int) -> list:
    """A report in the second vocabulary: 壹、 > 一、 > （一）, its notes gathered under 附註."""
    prose = ProseB(seed)
    blocks = [("p", "國際合作發展基金會年度業務檢討報告"), ("p", prose.paragraph(3, 0))]
    for capital, title in (("壹、", "業務概況"), ("貳、", "執行成效與檢討")):
        blocks += [("h", 1, capital, title), ("p", prose.paragraph(3, 1))]
        for number, sub in (("一、", "農業與漁業合作"), ("二、", "醫療衛生與人道援助計畫之執行與後續追蹤評估")):
            blocks += [("h", 2, number, sub), ("p", prose.paragraph(3, 1)), ("p", prose.paragraph(2, 1))]
            if capital == "壹、" and number == "一、":
                blocks += [("p", AGAINST_MONTH_B), ("p", QUANTITY_B)]
            for paren, item in (("（一）", "計畫執行情形"), ("（二）", "問題與建議")):
                blocks += [("h", 3, paren, item), ("p", prose.paragraph(2, 1))]
        if capital == "貳、":
            blocks += [("p", prose.paragraph(2, 0) + AFTER_FULL_STOP_B)]
    blocks.append(("endnotes", "附註"))
    return blocks


LAYOUTS.update({
    # added after the rules above were tuned on all eight (a held-out check of those rules): endnotes
    # under 附註, page numbers 「— 3 —」 at the top, a running header on odd pages only, B5, 11 pt.
    # First figures: pdftotext, pdfminer, PyMuPDF all 100 %; pdftotext -raw joins 90.7 %,
    # paragraphs 79.3 %, 2 page numbers left; PDFBox notes 90 %, 5 page numbers left.
    "report-endnotes-b5": dict(
        kind="government report", levels=["capital", "number", "paren"], blocks=lambda: aid_report(9),
        css="""
        @page { size: 176mm 250mm; margin: 26mm 20mm 22mm 20mm;
          @top-center { content: "— " counter(page) " —"; font-size: 8pt; } }
        @page :right { @top-right { content: "國合會業務檢討"; font-size: 8pt; } }
        @page :first { @top-right { content: none; } }
        body { font-size: 11pt; line-height: 1.8; }""",
        headers=["國合會業務檢討"], page_label="— {} —"),
})


AGAINST_YEAR_C = ("我國於是以「中華臺北」名義受邀出席世界衛生大會（WHA）。{n:行政院衛生署，《中華民國 98 年衛生統計年報》"
                  "（臺北：行政院衛生署，2010 年），頁 23。}2009年5月，衛生署署長率團前往日內瓦出席大會。")
AFTER_ENGLISH_WORD_C = ("Nye 將此種吸引力稱為 soft power{n:Joseph S. Nye, Soft Power: The Means to Success in World "
                        "Politics (New York: PublicAffairs, 2004), p. 5.}，而防疫物資的援助正是其具體的展現。")
QUANTITY_C = "疫情期間，我國共捐贈口罩5,100萬片，分送80餘國，並提供防疫物資予部分友邦之醫療機構。"
TABLE_C = ("表 1　我國出席世界衛生大會之情形（2009-2016）",
           [["年份", "屆次", "出席名義", "代表團團長"], ["2009", "第 62 屆", "中華臺北", "衛生署署長"],
            ["2013", "第 66 屆", "中華臺北", "衛生署署長"], ["2016", "第 69 屆", "中華臺北", "衛福部部長"]])


def health_article(seed: int) -> list:
    """A policy-journal article in the third vocabulary: an English title under the Chinese one, a
    Chinese abstract full of English terms and an English one; 一、 > （一） > １、; a table; notes in
    the author-date style; a reference list (參考文獻) of Chinese and English entries at the end."""
    prose = ProseC(seed)
    blocks = [("p", "臺灣參與全球衛生治理之策略：從世界衛生大會觀察員到防疫外交"),
              ("p", "Taiwan’s Strategies in Global Health Governance: From WHA Observer to Pandemic Diplomacy"),
              ("p", "張 怡 君＊"), ("p", "摘要"), ("p", ABSTRACT_C),
              ("p", "關鍵詞：全球衛生治理、世界衛生大會、防疫外交、功能主義"), ("p", "Abstract"), ("p", ENGLISH_ABSTRACT_C),
              ("p", "Keywords: Global Health Governance, World Health Assembly, Pandemic Diplomacy")]
    blocks += [("h", 1, "一、", "前言"), ("p", prose.paragraph(4, 1)), ("p", prose.paragraph(3, 1)),
               ("h", 1, "二、", "全球衛生治理的變遷與中小型國家參與國際衛生合作之理論意涵"),
               ("h", 2, "（一）", "從國際衛生到全球衛生"), ("p", prose.paragraph(4, 1)), ("p", AGAINST_YEAR_C),
               ("p", prose.paragraph(3, 0) + "其情形如表 1 所示。"), ("table", *TABLE_C),
               ("p", prose.paragraph(3, 1)),
               ("h", 2, "（二）", "功能主義與衛生外交"), ("p", prose.paragraph(3, 1) + AFTER_ENGLISH_WORD_C),
               ("h", 3, "１、", "技術性參與的邏輯"), ("p", prose.paragraph(4, 1)),
               ("h", 3, "２、", "政治支持的必要性"), ("p", prose.paragraph(3, 0) + prose.sentence() + prose.long_note()),
               ("p", prose.paragraph(4, 1)),
               ("h", 1, "三、", "新冠肺炎疫情與防疫外交"), ("p", prose.paragraph(4, 2)), ("p", QUANTITY_C),
               ("p", prose.paragraph(3, 1)),
               ("h", 1, "四、", "結論"), ("p", prose.paragraph(4, 1)), ("p", prose.paragraph(2, 0)),
               ("p", "參考文獻")] + [("ref", entry) for entry in REFERENCES_C]
    return blocks


LAYOUTS.update({
    # held out after the rules were tuned on the nine above: a third vocabulary; 185 × 260 mm; the
    # running header holds the page number (「12　問題與研究　第 64 卷第 1 期」 on the left, 「臺灣參與全球
    # 衛生治理之策略　13」 on the right), the first page only a number at the bottom; an English
    # title, an abstract mixing English terms, a table, a reference list with hanging indents.
    # First figures, before any rule was changed for it (headings / notes / joins / paragraphs %,
    # furniture left): pdftotext 100 / 14.3 / 88.3 / 60.0 / 2; -raw 100 / 14.3 / 96.9 / 55.1 / 2;
    # pdfminer 87.5 / 14.3 / 100 / 65.0 / 2; PyMuPDF 100 / 14.3 / 95.7 / 56.2 / 2; PDFBox 37.5 / 7.1 /
    # 68.2 / 36.6 / 3 (the left pages' header after its page number was never furniture, so no page
    # after the first had its notes found; a justified line's words scattered over lines).
    # After the general rules it showed wanting (furniture: a header after its page number, a table's
    # cells, a caption's 「1」, PDFBox's fragments; paragraphs: a justified line's scattered words,
    # 參考文獻): headings, notes and joins 100 on every extractor, no furniture left; paragraphs
    # 54.9, 75.7, 66.7, 56.0, 75.7 (the undeclared table's rows stand as paragraphs).
    "article-references-table": dict(
        kind="journal article", levels=["number", "paren", "fullwidth"], blocks=lambda: health_article(10),
        css="""
        @page { size: 185mm 260mm; margin: 25mm 20mm 22mm 20mm; }
        @page :left { @top-left { content: counter(page) "　問題與研究　第 64 卷第 1 期"; font-size: 8pt; } }
        @page :right { @top-right { content: "臺灣參與全球衛生治理之策略　" counter(page); font-size: 8pt; } }
        @page :first { @top-right { content: none; } @bottom-center { content: counter(page); font-size: 8pt; } }
        body { font-size: 10pt; line-height: 1.7; }
        p.ref { text-indent: -2em; padding-left: 2em; margin-top: 0.3em; }
        table { border-collapse: collapse; margin: 0.8em auto; font-size: 9pt; }
        caption { font-weight: bold; margin-bottom: 0.3em; }
        td, th { border: 0.5pt solid black; padding: 1mm 3mm; }""",
        headers=["問題與研究　第 64 卷第 1 期", "臺灣參與全球衛生治理之策略"]),
})
