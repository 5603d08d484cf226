"""Tables rebuilt from editorial data, checked against the source; lost figures as placeholders."""
import re

import pytest

from conftest import SLUGS, paragraphs_of

SLUG_003 = SLUGS["003"]
# Every rebuilt table as the reader's browser shows it: page, caption, header, row count, and the
# cells of its first three rows and its last row (a cell covered by a row span above is not repeated;
# a printed line break inside a cell shows as a line break), all as in the source.
TABLES = {
    "tab-kpi": (f"texts/{SLUG_003}/", "關鍵績效指標",
                ["關鍵策略目標", "關鍵績效指標", "評估體制", "評估方式", "衡量標準", "年度目標值"], 14,
                [["一 落實活路外交，鞏固與邦交國關係", "1 加強雙方政要互訪", "1", "統計數據", "雙方部次長級以上官員互訪次數。", "55 次數"],
                 ["2 積極推動我與友邦各項合作計畫", "1", "統計數據", "推動執行中之計畫項數。", "100 項數"],
                 ["二 落實活路外交，強化與無邦交國家友好合作關係",
                  "1 積極洽簽雙邊協定或備忘錄等合作協議，如：洽簽台美引渡協定、台加換囚協定等", "1", "統計數據",
                  "洽繫美加行政部門官員國會人士、各州（省）政府官員及議會人士等次數及洽簽雙邊協定或備忘錄等合作協議案件數以及雙邊會議次數。",
                  "50 洽繫次數"],
                 ["2 全方位外交尖兵養成計畫", "1", "統計數據",
                  "98 年度目標值為「1」（填列符號代表意義：0 代表「否」，1 代表「是」為衡量標準）", "1 是否"]]),
    "tab-common": (f"texts/{SLUG_003}/", "共同性指標",
                   ["共同性目標", "共同性指標", "評估體制", "評估方式", "衡量標準", "年度目標值"], 6,
                   [["一 提升研發量能", "1 行政及政策研究經費比率", "1", "統計數據", "（年度行政及政策類研究經費÷年度預算）×100％", "0.08％"],
                    ["2 推動法規鬆綁：主管法規檢討訂修完成率", "1", "統計數據", "（檢討訂修法規完成數÷主管法規數）×100％", "30％"],
                    ["二 提升資產效益，妥適配置政府資源", "1 機關年度資本門預算執行率", "1", "統計數據",
                     "（本年度資本門實支數+資本門應付未付數+資本門賸餘數）÷（資本門預算數）×100%（以上各數均含本年度原預算、追加預算及以前年度保留數）",
                     "80％"],
                    ["2 推動終身學習", "1", "統計數據", "是否依規定推動終身學習，並達到下列各分項標準者（各年度目標值填列符號代表意義："
                     "0 代表「3 項均未達到」、1 代表「達到 1 項」、2 代表「達到 2 項」、3 代表「達到 3 項」）\n【說明】：\n"
                     "1、平均學習時數、平均數位學習時數、與業務相關平均學習時數均超過該年度最低時數規定。\n"
                     "2、各主管機關將推動法治教育、人文素養及推廣數位學習（如營造優質數位學習環境、依業務性質及施訓需求發展數位課程、"
                     "選送屬員參加數位學習人才培訓專班等）等工作納入年度訓練進修計畫。\n"
                     "3、各主管機關及其所屬機關訓練費用占人事費用之比例均達 4％以上。", "3"]]),
    "tab-plans": (f"texts/{SLUG_003}/", "外交部年度重要施政計畫〔編者擬題〕", ["工作計畫名稱", "重要計畫項目", "實施內容"], 13,
                  [["外交業務管理", "外交使節會議", "一、審酌需要，召集駐外地區使節及代表，於相關地區舉行使節會議，以溝通意見，"
                    "瞭解駐在國情況，加強外交工作之推展。\n二、視業務需要，召開各地區工作會報，協調駐外機構及國內有關單位意見，"
                    "追蹤檢討政策執行，並研擬規劃新工作策略。"],
                   ["外交領事人員進修", "一、新進外領人員國外進修語文：為提升新進同仁外國語文能力，於新進同仁完成「公務人員特種考試"
                    "外交領事人員考試錄取人員訓練」後，派送渠等赴國外接受語文訓練。另為提升外領人員人力素質，本部於 99 年度研究變更"
                    "培訓方式，以增列取得碩士學位為目標。\n二、中高級同仁出國進修：為培養具潛力、品德兼優之人才，本部每年荐送約 10 "
                    "位中高級同仁赴國外進修。"],
                   ["外交獎學金設置", "獎掖培植外交人才，爰設置外交獎學金，予國內各大學院校以上符合資格之學生申請，每名每年頒給"
                    "新台幣 25,000 元整，邀請受獎學生及學校代表來部，由部長親頒以資鼓勵，會後並舉行小型茶會，藉以聯誼並促進對本部"
                    "業務之瞭解與興趣。"],
                   ["領事事務管理", "領事事務管理", None]]),   # None: the long last cell is checked by its ends below
    "tab-2-1": (f"texts/{SLUGS['001']}/ch-2/", "表 2-1 中共成立區域性多邊合作機制一覽表", ["組織", "成立時間", "部長/高層會議", "國家"], 4,
                [["上海合作組織", "1996 年 4 月", "2009 年 6 月舉辦九國高峰會；許多其它部長級會議", "哈薩克、吉爾吉斯、中共、俄羅斯、烏茲別克"],
                 ["中非合作論壇", "2000 年 10 月", "2000 年 10 月和 2003 年 12 月舉辦前兩次部長級會議；2006 年在北京舉辦第三次"
                  "部長級會議和第一次高峰會；2009 年底，在埃及舉辦第四次部長級會議", "45 個非洲國家"],
                 ["中國-阿拉伯國家合作論壇", "2004 年 9 月", "2004 年 9 月和 2006 年 5 月舉辦兩次部長級會議", "22 個阿拉伯聯盟國家"],
                 ["博鰲亞洲論壇", "2001 年 2 月", "已舉辦 9 次年度會議", "屬於非政府論壇，會員身分不限國家"]]),
    "tab-2-2": (f"texts/{SLUGS['001']}/ch-2/", "表 2-2 中共參與亞太地區的多邊安全對話機制", ["機制名稱", "成立時間", "主要成員", "主要議題"], 9,
                [["東北亞合作對話（NEACD）", "1993年 10 月", "中、日、美、俄、韓", "提供非官方多邊對話管道，建立安全合作，降低區域衝突"],
                 ["亞太安全合作理事會（CACAP）", "1993年 12 月", "20 個正式會員",
                  "強調區域安全對話機制化，涉及海事、能源安全、跨國犯罪、防擴散、東北亞多邊安全機制、氣候變遷等議題"],
                 ["東協區域論壇（ARF）", "1994 年 7 月", "東協 10 國；中、美、日等 16 國和歐盟", "建立信心設施、擴展預防外交、非傳統安全合作"],
                 ["六方會談", "2003 年", "中、美、韓、朝、日、俄", "朝鮮半島無核化問題、建立東北亞多邊安全機制"]]),
    "tab-3-1": (f"texts/{SLUGS['001']}/ch-3/", "表 3-1 北韓核武發展歷程", ["時間", "重要事件"], 8,
                [["1985 年", "北韓加入 NPT"], ["1993 年 3 月", "北韓退出 NPT，爆發第一次核武危機。而後北韓又暫停退出。"],
                 ["1994年 10月", "美國和北韓在日內瓦簽訂《框架協議》"],
                 ["2009 年 4 月", "北韓發射長程飛彈，宣布退出六方會談並重啟核設施。而後進行第二次核試驗。而後聯合國安理會通過"
                  "第 1874 號決議，再次對北韓核試驗提出最嚴厲譴責。"]]),
    "tab-4-1": (f"texts/{SLUGS['001']}/ch-4/", "表 4-1 六方會談召開過程與重要內容", ["召開時間", "重要內容"], 6,
                [["第一輪(2003 年 8 月)", "確立未來會談之談判架構"], ["第二輪(2004 年 2 月)", "發表第一份《主席聲明》，確立朝鮮半島無核化之目標。"],
                 ["第三輪(2004 年 6 月)", "發表第二份《主席聲明》，取得更多實質進展。"],
                 ["第六輪\n第一階段(2007 年 3 月)\n第二階段(2007 年 9 月)",
                  "第二階段會後，發表《落實共同聲明第二階段行動》共同文件，旨在邁向朝鮮半島無核化、國家關係正常化之方向。"]]),
    "tab-4-2": (f"texts/{SLUGS['001']}/ch-4/", "表 4-2 六方會談各方對北韓之立場", ["參與國家", "對北韓的外交政策", "在六方會談之立場"], 5,
                [["中共", "中共是北韓的主要貿易夥伴及外資來源，雙方有外交關係。",
                  "應堅持朝鮮半島無核化目標，通過對話談判和平解決核武問題，並且維持朝鮮半島和平穩定。"],
                 ["美國", "美國與北韓並無外交關係，並要求北韓應立刻放棄核武計畫，但北韓認為放棄核武及來自他國的經濟援助應同時進行，"
                  "雙方對此問題沒有交集。", "堅持要求北韓棄核，作為交換經濟及能源援助，並在此條件下承諾逐步實現關係正常化。"],
                 ["南韓", "南韓希望維持朝鮮半島的穩定，透過和平手段戰略性擁抱北韓，使其放棄核武。", "堅持半島無核化目標，盼早日重啟六方會談，維護地區的和平與穩定。"],
                 ["俄羅斯", "俄國認為應確保朝鮮半島的無核化，同時國際社會應向北韓提供安全保障及人道援助。", "主張和平解決，分階段實現半島的無核化進程並解決北韓核問題。"]]),
    "tab-1": (f"texts/{SLUGS['002']}/", "表一：G. John Ikenberry之自由國際秩序分類比較",
              ["", "Liberal Internationalism 1.0", "Liberal Internationalism 2.0", "Liberal Internationalism 3.0"], 6,
              [["成員分佈範圍", "普遍性會員資格，與政權地理位置或性質無關", "西方國家為導向的安全與經濟體系", "普遍性會員資格，且在主要的治理制度下，給與新興的非西方國家會員資格"],
               ["主權獨立", "西發利亞式主權觀", "調整過的西發利亞主權觀，國家為得到更多能力，願意放棄部分的法律獨立性", "後西發利亞主權觀，伴隨著日漸具有侵入性以及互賴性的經濟與安全建制"],
               ["主權平等關係", "平坦的政治層級", "層級式的秩序，由美國以霸權地位提供公共財，建立規則為主的恩庇侍從關係，發展中國家也得到發言權", "進入後霸權層級時期，由主要國家組成的團體將占據國際治理制度"],
               ["盛行年代", "1920年代至 1940年代", "1945年以後，歷經冷戰迄今", "今後的國際秩序？"]]),
    "tab-2": (f"texts/{SLUGS['002']}/", "表二：近期美國學界對於金融危機所造成衝擊之看法", ["", "", "自由國際秩序", "", "", "續存", "消失"], 2,
              [["美國的領導地位", "續存", "Nye", "Burrow&Harris, Friedberg"], ["受挑戰", "Ikenberry", "Layne, Altman"]]),
    "tab-6-1": (f"texts/{SLUGS['004']}/", "表 6-1：不對稱同盟關係之安全兩難表（A為保護國、B為相當依賴同盟無法自身保障安全者）",
                ["國際局勢改變/衝突", "盟內利益岐異反應", "下列各項的結果", "",
                 "敏感度的互賴", "同盟政策", "同盟關係", "與敵對國的關係", "對自身安全的認知", "脆弱度的互賴"], 4,
                [["A高/B低", "A 選擇自身利益或與 B 衝突", "優：可能獲盟友的支持\n缺：危害同盟所維持的和平現狀", "優：提高談判籌碼\n缺：使敵方分化策略有機可乘",
                  "＊軍事強勢\n＊國際政治護衛利益\n＊內政受支持", "較低"],
                 ["A 選擇同盟忠誠或與 B 合作", "優：\n＊保存同盟向心力\n＊強化領導國地位\n缺：同盟政策一成不變", "優：保持己方強勢\n缺：\n＊衝突\n＊沒有改善的可能",
                  "＊失去己國國際政治中提升格局可能\n＊內政衝突", "較高"],
                 ["B 選擇自身利益或不與 A 合作", "優：提高談判籌碼\n缺：危害同盟的向心力", "優：\n＊沒有衝突\n＊自我導向外交政策\n缺：特別關係", "＊內政的支持\n＊孤立\n＊難陷入衝突", "較低"],
                 ["B 選擇同盟忠誠或與 A 合作", "優：強化同盟合作\n缺：沒有談判籌碼", "優：得到盟友支持以對競之\n缺：＊衝突＊己國外交活動空間小", "＊內政的衝突\n＊衝突愈趨擴大的危機", "較高"]]),
    "tab-6-2": (f"texts/{SLUGS['004']}/", "表 6-2：A低/B高不對稱同盟關係之安全兩難表",
                ["國際局勢改變/衝突", "盟內利益岐異反應", "下列各項的結果", "",
                 "敏感度的互賴", "同盟政策", "同盟關係", "與敵對國的關係", "對自身安全的認知", "脆弱度的互賴"], 2,
                [["A低/B高", "A選擇自有利益", "優：\n提高談判籌碼\n缺：\n與 B 發生衝突", "優：\n＊沒有緊張關係\n＊可變性較高\n缺：\n分化策略有機可乘", "內政支持", "較低"],
                 ["A選擇聯同忠誠", "優：\n強化聯盟關係\n缺：\n談判籌碼較少", "優：\n＊強化嚇阻力\n＊提高談判籌碼\n缺：\n＊衝突\n＊較少可變性",
                  "＊陷入衝突危機升高\n＊保持在國際政治中區域性的利益", "較高"]]),
    "tab-6-3": (f"texts/{SLUGS['004']}/", "表 6-3：A高/B高不對稱同盟關係之安全兩難表",
                ["國際局勢改變", "盟內岐異反應", "下列各項的結果", "",
                 "敏感度的互賴", "同盟政策", "同盟關係", "與敵對國關係", "對自身安全認知", "脆弱度的互賴"], 4,
                [["A高/B高", "A 選擇自身利益", "優：同盟政策有新發展機會\n缺：與 B 發生衝突", "優：＊解決衝突\n＊可變性\n缺：使分化策略有機可乘",
                  "＊內政上的支持\n＊保持在國際政治中的利益", "較低"],
                 ["A 選擇同盟忠誠", "優：強化同盟向心與強化領導國地位\n缺：同盟政策一成不變", "優：強化嚇阻力\n缺：＊緊張關係\n＊發生衝突", "＊內政上的衝突\n＊陷入衝突危險", "較高"],
                 ["B 選擇自身利益", "優：無\n缺：\n＊與 A 衝突\n＊危害同盟的向心力", "優：解決衝突\n缺：不穩定特殊關係與降低談判籌碼",
                  "＊內政上的支持\n＊危害安全保障\n＊對政治與軍事的壓力敏感", "較低/更高"],
                 ["B 選擇同盟忠誠", "優：強化同盟向心\n缺：同盟政策一成不變", "優：提高談判籌碼\n缺：＊衝突\n＊可變性較低", "在同盟中受保護", "較低/更高"]]),
}

# Reads every table of a page as the browser lays it out: caption, header cells, body rows.
READ_TABLES = """() => Object.fromEntries([...document.querySelectorAll('figure.edition-table')].map(f => [f.id, {
    caption: f.querySelector('figcaption') ? f.querySelector('figcaption').innerText.trim() : '',
    header: [...f.querySelectorAll('thead th')].map(c => c.innerText.trim()),
    rows: [...f.querySelectorAll('tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim())),
    wide: f.querySelector('.table-scroll').scrollWidth > f.querySelector('.table-scroll').clientWidth + 1,
}]))"""


@pytest.fixture(scope="module")
def rendered_tables(served, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    found = {}
    for url in sorted({page for page, *_ in TABLES.values()}):
        tab.goto(served + url)
        found.update({table_id: dict(table, url=url) for table_id, table in tab.evaluate(READ_TABLES).items()})
    context.close()
    return found


def test_every_table_is_rebuilt(rendered_tables):
    assert set(rendered_tables) == set(TABLES)


@pytest.mark.parametrize("table_id", list(TABLES))
def test_table_as_the_reader_sees_it(rendered_tables, table_id):
    url, caption, header, count, rows = TABLES[table_id]
    table = rendered_tables[table_id]
    assert table["url"] == url and table["caption"] == caption
    assert table["header"] == header
    assert len(table["rows"]) == count
    shown = [*table["rows"][:3], table["rows"][-1]] if count > 3 else table["rows"]
    for seen, expected in zip(shown, rows if count > 3 else rows[:count]):
        assert [cell if want is not None else None for cell, want in zip(seen, expected)] == expected
    assert header not in table["rows"]   # the header the PDF repeated after page breaks is printed once


def test_on_a_phone_wide_tables_scroll_in_their_own_box(served, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    tab = context.new_page()
    for url in sorted({page for page, *_ in TABLES.values()}):
        tab.goto(served + url)
        assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth"), url   # no sideways page scroll
        tables = tab.evaluate(READ_TABLES)
        assert all(table["wide"] for table_id, table in tables.items() if len(table["header"]) >= 4), url
    context.close()


def test_long_cell_keeps_its_enumerated_items_in_order(rendered_tables):
    consular = rendered_tables["tab-plans"]["rows"][-1][-1]
    assert consular.startswith("一、提升服務品質、簡化工作流程\n（一）強化整體為民服務績效")
    assert consular.endswith("(三）配合「外交部及駐外館處辦理文件證明條例」草案立法工作時程，進行領務手冊之修訂，"
                             "加強對現職人員、新進人員及外調人員之教育訓練，以增加其專業知識。")
    assert [line[:2] for line in consular.split("\n") if line[:2] in ("一、", "二、", "三、", "四、")] == ["一、", "二、", "三、", "四、"]


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
    for prefix, words in [("003", ["關鍵策略目標", "工作計畫名稱 重要計畫項目", "評估體制", "外交使節會議"]),
                          ("002", ["Liberal Internationalism"]), ("001", ["屬於非政府論壇", "北韓加入 NPT"]),
                          ("004", ["A選擇聯同忠誠", "脆弱度的互賴", "表 6-1：", "表 6-2：", "A選擇自有利益"])]:
        for block in paragraphs_of(texts[prefix]):
            assert not any(word in block.text for word in words), (prefix, block.text[:40])


def test_tables_and_figures_in_the_anchor_registry(files):
    import json
    registry = json.loads(files["anchors.json"])
    kinds = {(a["id"], a["kind"]) for t in registry["texts"] for a in t["anchors"]}
    assert {("tab-kpi", "table"), ("tab-2-2", "table"), ("fig-1", "figure"), ("tab-6-2", "table"),
            ("tab-6-3", "table"), ("fig-framework", "figure")} <= kinds
    titles = {a["id"]: a["title"] for t in registry["texts"] for a in t["anchors"] if a["kind"] in ("table", "figure")}
    assert titles["tab-plans"] == "外交部年度重要施政計畫" and titles["fig-framework"] == "論文架構圖"


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
    (first, last), = inner.lines
    outer = inner.model_copy(update={"id": "tab-outer", "lines": [(first - 5, last + 5)]})
    bad = edition.model_copy(update={"tables": [inner, outer]})
    with pytest.raises(EditionError, match="tab-outer overlaps another table"):
        clean(SEEDS / edition.source, bad)


def test_figure_the_extraction_lost_entirely_follows_the_sentence_naming_it(files):
    md = files[f"texts/{SLUGS['000']}/index.md"]
    sentence = md.index("本論文的分析架構主要由四個面向所建構而成，請見【論文架構圖】。\n{: #sec-2-p1 }")
    figure = md.index('<figure class="edition-figure" id="fig-framework"')
    assert sentence < figure < md.index("### 一、命題─國際現象的轉變")
    block = md[figure:md.index("</figure>", figure)]
    assert "編者按" in block and "多元溝通管道、議題聯結與公民社會力量" in block
    assert '<span class="ed-remark">論文架構圖〔編者擬題〕</span>' in block   # not printed in the source


def test_interleaved_tables_are_split_by_their_line_ranges(texts):
    items = texts["004"].items
    assert items["tab-6-1"].lines == [(658, 722), (808, 924)] and items["tab-6-2"].lines == [(723, 806)]
    order = [block.anchor for block in texts["004"].blocks if block.kind == "table"]
    assert order == ["tab-6-1", "tab-6-2", "tab-6-3"]


# Header cells that span columns (issue 15 §4): the PDFs flattened them into one of the columns below.
SPANNING = [
    ("texts/financial-crisis-world-order/index.md", "tab-2", "自由國際秩序", 2, ["續存", "消失"]),
    ("texts/taiwan-strait-alliances/index.md", "tab-6-1", "下列各項的結果", 3, ["同盟關係", "與敵對國的關係", "對自身安全的認知"]),
    ("texts/taiwan-strait-alliances/index.md", "tab-6-2", "下列各項的結果", 3, ["同盟關係", "與敵對國的關係", "對自身安全的認知"]),
    ("texts/taiwan-strait-alliances/index.md", "tab-6-3", "下列各項的結果", 3, ["同盟關係", "與敵對國關係", "對自身安全認知"]),
]


@pytest.mark.parametrize("page, table, spanning, columns, below", SPANNING)
def test_a_spanning_header_cell_spans_its_columns(files, page, table, spanning, columns, below):
    import re
    html = files[page].split(f'id="{table}"', 1)[1].split("</thead>", 1)[0]
    first, second = re.findall(r"<tr>(.*?)</tr>", html)
    assert f'<th colspan="{columns}" scope="colgroup" markdown="span">{spanning}</th>' in first
    cells = re.findall(r"<th[^>]*>(.*?)</th>", second)
    start = cells.index(below[0])
    assert cells[start:start + columns] == below and spanning not in second


def test_a_header_row_must_span_the_table():
    from pydantic import ValidationError
    from build_tools.editions import TableSpec
    with pytest.raises(ValidationError, match="header row 2 spans 3 columns, header row 1 4"):
        TableSpec(id="tab-x", caption="表", lines=[1, 2], header_rows=[["", "", {"text": "a", "colspan": 2}], ["", "b", "c"]],
                  rows=[["1", "2", "3", "4"]])
