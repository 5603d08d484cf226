"""Tables rebuilt from editorial data, checked against the source; lost figures as placeholders."""
import re

import pytest

from conftest import SLUGS, paragraphs_of

# (text, id, caption start, header, rows, first cells of rows 1-3 and the last row)
TABLES = [
    ("003", "tab-kpi", "關鍵績效指標", ["關鍵策略目標", "關鍵績效指標", "評估體制", "評估方式", "衡量標準", "年度目標值"], 14,
     ["一 落實活路外交，鞏固與邦交國關係", None, "二 落實活路外交，強化與無邦交國家友好合作關係", None]),
    ("003", "tab-common", "共同性指標", ["共同性目標", "共同性指標", "評估體制", "評估方式", "衡量標準", "年度目標值"], 6,
     ["一 提升研發量能", None, "二 提升資產效益，妥適配置政府資源", None]),
    ("003", "tab-plans", "", ["工作計畫名稱", "重要計畫項目", "實施內容"], 13,
     ["外交業務管理", None, None, "領事事務管理"]),
    ("001", "tab-2-1", "表 2-1 中共成立區域性多邊合作機制一覽表", ["組織", "成立時間", "部長/高層會議", "國家"], 4,
     ["上海合作組織", "中非合作論壇", "中國-阿拉伯國家合作論壇", "博鰲亞洲論壇"]),
    ("001", "tab-2-2", "表 2-2 中共參與亞太地區的多邊安全對話機制", ["機制名稱", "成立時間", "主要成員", "主要議題"], 9,
     ["東北亞合作對話（NEACD）", "亞太安全合作理事會（CACAP）", "東協區域論壇（ARF）", "六方會談"]),
    ("001", "tab-3-1", "表 3-1 北韓核武發展歷程", ["時間", "重要事件"], 8, ["1985 年", "1993 年 3 月", "1994年 10月", "2009 年 4 月"]),
    ("001", "tab-4-1", "表 4-1 六方會談召開過程與重要內容", ["召開時間", "重要內容"], 6,
     ["第一輪(2003 年 8 月)", "第二輪(2004 年 2 月)", "第三輪(2004 年 6 月)", "第六輪\n第一階段(2007 年 3 月)\n第二階段(2007 年 9 月)"]),
    ("001", "tab-4-2", "表 4-2 六方會談各方對北韓之立場", ["參與國家", "對北韓的外交政策", "在六方會談之立場"], 5,
     ["中共", "美國", "南韓", "俄羅斯"]),
    ("002", "tab-1", "表一：G. John Ikenberry之自由國際秩序分類比較",
     ["", "Liberal Internationalism 1.0", "Liberal Internationalism 2.0", "Liberal Internationalism 3.0"], 6,
     ["成員分佈範圍", "主權獨立", "主權平等關係", "盛行年代"]),
    ("002", "tab-2", "表二：近期美國學界對於金融危機所造成衝擊之看法", None, 2, ["美國的領導地位", None, None]),
    ("004", "tab-6-3", "表 6-3", None, 4, ["A高/B高", None, None, None]),
]


@pytest.mark.parametrize("prefix,table_id,caption,header,count,first_cells", TABLES,
                         ids=[t[1] for t in TABLES])
def test_table_rebuilt(texts, prefix, table_id, caption, header, count, first_cells):
    spec = texts[prefix].items[table_id]
    assert spec.caption.startswith(caption)
    if header:
        assert [h.replace("\n", "") for h in spec.header] == header
    assert len(spec.rows) == count
    assert [row[0] for row in [*spec.rows[:3], spec.rows[-1]]] == first_cells
    assert all(len(row) == len(spec.header) for row in spec.rows)


def test_report_table_cells_in_order(texts):
    kpi = texts["003"].items["tab-kpi"]
    assert kpi.rows[0][1:] == ["1 加強雙方政要互訪", "1", "統計數據", "雙方部次長級以上官員互訪次數。", "55 次數"]
    assert "NGO" in " ".join(cell or "" for row in texts["003"].items["tab-plans"].rows for cell in row)


def test_repeated_headers_go_to_the_report(texts, files):
    removed = {r.no: r.reason for r in texts["003"].removals}
    assert all(removed.get(no) == "repeated header of table tab-kpi" for no in (490, 492, 500))
    assert removed.get(932) == "repeated header of table tab-plans"
    md = files[f"texts/{SLUGS['003']}/index.md"]
    assert md.count("<th markdown=\"span\">關鍵策略目標</th>") == 1


def test_no_table_text_left_in_paragraphs(texts):
    for prefix, words in [("003", ["關鍵策略目標", "工作計畫名稱 重要計畫項目", "評估體制"]),
                          ("002", ["Liberal Internationalism"]), ("001", ["屬於非政府論壇", "北韓加入 NPT"]),
                          ("004", ["A選擇聯同忠誠", "脆弱度的互賴", "表 6-1："])]:
        for block in paragraphs_of(texts[prefix]):
            assert not any(word in block.text for word in words), (prefix, block.text[:40])


def test_tables_and_figures_in_the_anchor_registry(files):
    import json
    registry = json.loads(files["anchors.json"])
    kinds = {(a["id"], a["kind"]) for t in registry["texts"] for a in t["anchors"]}
    assert {("tab-kpi", "table"), ("tab-2-2", "table"), ("fig-1", "figure"), ("tab-6-3", "table")} <= kinds


def test_lost_figure_has_a_placeholder_with_caption_and_editors_note(files):
    md = files[f"texts/{SLUGS['002']}/index.md"]
    figure = md[md.index('<figure class="edition-figure" id="fig-1"'):]
    figure = figure[:figure.index("</figure>")]
    assert "圖一" in figure and "編者按" in figure and "六方會談主要成員及其立場" in figure


def test_a_table_enclosing_another_is_rejected(texts):
    from build_tools.editions import SEEDS
    from build_tools.errors import EditionError
    from build_tools.pipeline import clean

    edition = texts["001"].edition
    inner = edition.tables[0]
    outer = inner.model_copy(update={"id": "tab-outer", "lines": (inner.lines[0] - 5, inner.lines[1] + 5)})
    bad = edition.model_copy(update={"tables": [inner, outer]})
    with pytest.raises(EditionError, match="tab-outer overlaps another table"):
        clean(SEEDS / edition.source, bad)
