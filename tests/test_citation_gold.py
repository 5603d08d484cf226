"""Every citation of the notes of 000 and 004, and a sample of 001 and 002, read by hand from the
notes (not from the parser): the entry each must link to, its type and fields, and the page the
note cites. 003, the ministry's report, has no notes and cites nothing.

A gold citation is `G(type, who, title, locator, **fields)`: `who` is the first author's (or for
a volume, the editor's) family name as in the bib; `title` the start of the title; `fields`
further fields the entry must have exactly (`None`: must lack). Two gold citations with the same
`same=` label must link to the same entry; different labels, to different entries."""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from build_tools.references import NoteId, coverage, load_bib
from conftest import SLUGS

INCOMPLETE = {"keywords": "incomplete", "date": "XXXX"}


@dataclass
class G:
    type: str
    who: str
    title: str
    locator: str = ""
    fields: dict = field(default_factory=dict)
    same: str = ""


def g(type, who, title, locator="", same="", **fields):
    return G(type, who, title, locator, fields, same)


# --- 000 (second-track diplomacy): all 54 citations of its notes --------------------------------

GAO = dict(type="book", who="高朗", title="中華民國外交關係之演變（1972∼1992）", same="gao",
           publisher="五南圖書出版公司", address="台北", year="1994")
KN89 = dict(type="book", who="Keohane", title="Power and Interdependence: World Politics in Transition", same="kn89",
            author="Keohane, Robert O. and Nye, Jr., Joseph S.", edition="2", year="1989")
SONG99 = dict(type="article", who="宋學文", title="我國在第二軌道外交之功能與限制", same="song99",
              journal="政策月刊", number="50", year="1999", pages=None)
SONG98 = dict(type="article", who="宋學文", title="議題聯結與兩岸關係之研究", same="song98",
              journal="問題與研究", volume="37", number="2", year="1998", pages=None)
ZHONG = dict(type="article", who="鍾京佑", title="全球治理與公民社會：台灣非政府組織參與國際社會的觀點", same="zhong",
             journal="政治科學論叢", number="18", year="2003", pages=None)
WANG = dict(type="book", who="王振軒", title="非政府組織概論", same="wang", publisher="必中出版社", address="台中", year="2003")
TIAN = dict(type="online", who="田弘茂", title="我國多元外交", same="tian",
            url="http://www.mofa.gov.tw/newmofa/history/majorspeeches/speech901004.htm", organization="外交部網站")
ZHANG = dict(type="misc", who="張亞中", title="全球治理：主體與權力的解析", same="zhang", **INCOMPLETE)
HELD = dict(type="book", who="Held", title="全球化大轉變", same="held", author="Held, David and others",
            translator="沈宗瑞 and 高少凡 and 許湘濤 and 陳淑鈴", publisher="韋伯文化事業出版社", year="2001")
PIERRE = dict(type="book", who="Pierre", title="〔題名未詳〕", same="pierre", author="Pierre, Jon and Peters, B. Guy",
              **INCOMPLETE)
CHU = dict(type="incollection", who="朱雲漢", title="全球主義、區域主義與第二軌道外交：台灣務實外交的新座標", same="chu",
           editor="陳璽安", booktitle="〔題名未詳〕", **INCOMPLETE)
SHI = dict(type="incollection", who="石之瑜", title="免國於患者行其下？", same="shi", editor="宋學文", **INCOMPLETE)
SONG_CH = dict(type="incollection", who="宋學文", title="第二軌道外交與台灣安全", same="songch", editor="宋學文",
               **INCOMPLETE)
YEARBOOK = dict(type="manual", who="", title="Yearbook of International Organizations", same="yearbook",
                edition="2000/2001")

GOLD_000 = {
    1: [g(locator="72", **GAO)],
    2: [g(locator="199-206", **GAO)],                                            # 高朗，前揭書
    3: [g(**KN89, publisher="Little Brown", address="Boston"),
        g(locator="24", **SONG99)],                                              # 轉引自
    4: [g("online", "田弘茂", "從總統就職演說談人權外交", same="tian1", organization="外交部網站",
          url="http://www.mofa.gov.tw/tien/speech000601.htm", date="XXXX")],
    5: [g("online", "田弘茂", "從總統就職演說談人權外交", same="tian1")],      # 同前註
    6: [g("article", "袁鶴齡", "全球治理與國際合作：論其策略與困境", "30", journal="全球政治評論", number="4",
          year="2003", pages=None)],
    7: [g(**SONG98)],
    8: [g(locator="38-39", **ZHONG)],
    9: [g(**YEARBOOK), g(locator="15", **WANG)],
    10: [g("article", "林吉郎", "非政府組織（NGOs）外交：台灣經驗的戰略思考", "2", journal="全球政治評論", number="4",
           year="2003")],
    11: [g(**KN89)],
    12: [g(locator="23-29", **KN89),
         g("misc", "宋學文", "全球化與中共的民族主義：「一國兩制」的機會與限制", "18", **INCOMPLETE)],
    13: [g(locator="30-37", **KN89),
         g("book", "樊勇明", "〔題名未詳〕", "107-110", **INCOMPLETE),                # 樊勇明，前揭書
         g("thesis", "吳宗憲", "國際典則理論之研究：以亞太經濟合作會議之建構", "16-19", type_="mathesis",
           institution="中正大學", year="2000")],
    14: [g(locator="11-19", **KN89)],                                            # the same 2nd edition, 1989
    15: [g("book", "Commission on Global Governance", "Our Global Neighborhood", "2",
           author="{Commission on Global Governance}", address="Oxford", year="1995"),
         g(locator="3", **ZHANG)],
    16: [g("online", "蔡志恆", "全球治理思潮與治理結構之發展", organization="國家政策研究基金會網站",
           url="http://www.npf.org.tw/PUBLICATION/CL/091/CL-R-091-052.htm")],
    17: [g(locator="105", **PIERRE)],
    18: [g(locator="91", **PIERRE)],
    19: [g(locator="97-100", **WANG)],
    20: [g(locator="23", **ZHANG)],
    21: [g(locator="201", **CHU)],                                               # 陳璽安主編，前揭書: a chapter
    22: [g("article", "Davidson", "Foreign Policy According to Freud", "155", journal="Foreign Policy",
           number="45", pages="145--157", year="1981"),
         g(locator="36", **SHI)],
    23: [g(locator="172-173", **WANG)],
    24: [g(locator="36-38", **SHI)],
    25: [g(locator="18", **SONG_CH)],
    26: [g(locator="201", **CHU)],
    27: [g(locator="62-63", **HELD)],
    29: [g("incollection", "Devetak", "Incomplete States theories and practices of statecraft", "19-39",
           editor="MacMillan, John and Linklater, Andrew", same="boundaries1",
           booktitle="Boundaries in Question: New Direction in International Relation", pages="19--39", year="1995"),
         g("incollection", "Saurin", "The end of International Relations?", "244-261", pages="244--261",
           editor="MacMillan, John and Linklater, Andrew", year="1995"),
         g(locator="17", **SONG_CH)],
    30: [g(locator="31", **SONG98)],
    31: [g(locator="202-203", **CHU),                                            # 朱雲漢〈…〉，前揭書
         g("incollection", "蕭全政", "第二軌外交的內涵及對台灣的影響", "75-76", author="蕭全政 and 李文志",
           editor="宋學文", **INCOMPLETE),
         g(locator="25-26", **SONG99)],
    33: [g(locator="62", **HELD)],
    34: [g(locator="12", **HELD)],
    35: [g("book", "Pearson", "〔題名未詳〕", "272-274", author="Pearson, Frederic S. and Rochester, J. Martin",
           **INCOMPLETE)],
    36: [g(locator="31", **ZHONG)],                   # the note prints 政治科學論壇: the same article
    39: [g(locator="38-39", **SHI)],
    40: [g(**TIAN)],
    41: [g(**YEARBOOK), g(locator="15", **WANG)],
    42: [g(locator="248", **WANG)],
    43: [g(**TIAN)],
    44: [g("online", "林碧炤", "台灣的綜合安全", organization="戰略與國際研究所網站",
           url="http://www.dsis.org.tw/pubs/magz/1st/per1.htm")],
    46: [g("misc", "宋學文", "從國際建制與美國自由霸權探討全球治理：一個台灣安全的觀點", **INCOMPLETE),
         g("article", "吳安家", "論小布希政府的對華政策", "155-156", journal="遠景季刊", volume="3", number="3",
           year="2001")],
}
COMMENTARY_000 = {28, 32, 45, 47}      # notes that cite nothing (47 breaks off in the source)

# --- 004 (Taiwan Strait alliances): all 49 citations of its notes ------------------------------

HUANG = dict(type="article", who="黃仁佛", title="美國對台政策調整的趨勢及其危險性", same="huang", journal="外交政策",
             year="2001", pages=None)
CHUNYAN02 = dict(type="article", who="張春燕", title="日美安全關係的變化及走勢", same="cy02", journal="現代國際關係",
                 year="2002")
KN77 = dict(type="book", who="Keohane", title="Power and Interdependence", same="kn77",
            publisher="Harvard University Press", year="1977", edition=None)
DITTGEN = dict(type="book", who="Dittgen", title="Deutsch-amerikanische Sicherheitsbeziehungen", same="dittgen",
               address="München", year="1991", keywords=None)
GOLDSTEIN = dict(type="book", who="Goldstein", title="國際關係", same="goldstein", translator="歐信宏 and 胡祖慶",
                 publisher="雙葉書廊", address="台北", year="2003")
NEWS = dict(entrysubtype="newspaper")

GOLD_004 = {
    1: [g("online", "朱顯龍", "美臺軍事關係的現狀與發展趨勢", organization="中國網", date="2002-07-27",
          url="http://www.china.com.cn/chinese/zhuanti/179288.htm")],
    2: [g(locator="34-35", **HUANG)],
    3: [g(locator="47", **CHUNYAN02)],
    4: [g(locator="35", **HUANG)],                                               # 黃仁佛，前引書
    5: [g(locator="47", **CHUNYAN02)],
    6: [g("article", "張春燕", "日美安全關係的變化及走勢", "95", journal="國際政治月刊", year="2003",
          same="cy03")],                                                         # reprinted: its own entry
    7: [g("article", "劉嘉平", "日本制定反恐怖法案的意圖", "41", author="劉嘉平 and 滕玉梅 and 盧凌",
          journal="東北亞研究", year="2002")],
    8: [g("incollection", "童光復", "美日軍事同盟與台海安全", "111-112", editor="曾彰瑞", booktitle="2003台海戰略環境評估",
          publisher="國防大學", address="台北", year="2003", pages=None)],
    9: [g("article", "王崑義", "中國以南北縱向對抗東西包夾", journal="中國時報", date="2001-11-08", pages="15", **NEWS)],
    10: [g("book", "陳水扁", "新世紀、新出路--陳水扁國家藍圖1", "121", publisher="陳水扁總統競選指揮中心國家藍圖委員會",
           address="臺北", year="1999")],
    11: [g("online", "陳水扁", "「台灣省日僑協會和台北市日僑工商會新年慶祝酒會」的致詞", organization="大紀元網站",
           date="2002-01-10", url="http://www.epochtimes.com")],
    12: [g("article", "陳文賢", "美國與中共戰略互動下的台灣安全：1970年代以來的觀察", "12", journal="問題與研究",
           volume="36", number="6", year="1997", pages=None)],
    13: [g("article", "中國時報", "〔未具篇名〕", journal="中國時報", date="2002-02-26", pages="15", **NEWS)],
    14: [g("book", "中村勝範", "美日台協防內幕", "47", publisher="正文書局", address="台北", year="2000")],
    15: [g("article", "陳永昌", "〔未具篇名〕", journal="中央社", date="2002-08-19", **NEWS,
           url="http://www.taipei.org/teco/cicc/news/chinese/c-08-17-02/c-08-17-02-9.htm")],
    16: [g("article", "聯合報", "美秘密評估我戰力已2年", journal="聯合報", date="2001-05-14", **NEWS)],
    17: [g("article", "中國時報", "國軍地面部隊有沒有明天？", journal="中國時報", date="2002-08-12", **NEWS),
         g("misc", "", "空軍編制重大變革改設獨立作戰隊", date="2002-11-21")],      # the note names no paper
    18: [g("article", "中國時報", "漢光17號演習美曾派軍官全程參與", journal="中國時報", date="2001-06-10", **NEWS)],
    19: [g("article", "中國時報", "長程雷達採購案台美軍事合作指標", journal="中國時報", date="2002-06-10", **NEWS)],
    20: [g("online", "吳寄南", "新日美安保體制難擋台海兩岸統一潮流", organization="全球論壇首頁",
           url="http://www.jfdaily.com.cn/epublish/gb/paper101/1/class010100003/hwz195487.htm")],
    21: [g("article", "林寶慶", "台美去年下半年已設軍事熱線", journal="聯合新聞網", date="2003-09-15", **NEWS)],
    22: [g("article", "王高成", "「安全兩難」下的兩岸外交競爭", "23-24", journal="問題與研究", volume="36", number="12",
           year="1997")],
    23: [g(locator="11", **KN77)],
    24: [g(locator="2", **KN77)],                                                # op. cit.
    25: [g(locator="13", **KN77)],                                               # Ibid.
    26: [g(locator="25-26", **DITTGEN)],                                         # cited in full in a table's source
    27: [g(locator="26", **DITTGEN)],
    28: [g(locator="27", **DITTGEN)],
    29: [g("incollection", "韓岡明", "中共飛彈對台灣戰略環境之影響", "46", editor="曾彰瑞", booktitle="IIR-NSSI戰略安全論壇",
           publisher="國防大學國家戰略研究中心", year="2002")],
    30: [g("online", "朱顯龍", "臺美軍事聯盟能給台灣帶來安全嗎", organization="華夏經緯網專稿", date="2001-07-26")],
    31: [g("book", "The International Institute for Strategic Studies", "The Military Balance 2001/2002",
           author="{The International Institute for Strategic Studies}", publisher="Oxford University Press",
           address="London", year="2001")],
    32: [g("report", "美國國防部", "2002 中共軍力報告", institution="美國國防部", date="2002-07")],
    33: [g("article", "王定士", "「中」俄戰略協作夥伴關係下的亞太安全─中華民國應有的作為", "24", journal="遠景季刊",
           volume="1", number="4", year="2000")],
    34: [g("article", "中時電子報", "中國時報社論：北京藉CEPA對台灣啟動新的經濟攻勢", journal="中時電子報",
           date="2003-11-14", **NEWS)],
    35: [g("article", "Gurtov", "The Taiwan Strait Crisis Revisited", "49-52", author="Gurtov, Melvin",
           journal="Modern China", volume="2", number="1", year="1976", pages=None)],
    36: [g("article", "Snyder", "The Security Dilemma in Alliance Politics", "466-467, 494", journal="World Politics",
           year="1984")],
    37: [g("book", "Russett", "國際政治", "89-90", author="Russett, Bruce and Starr, Harvey", translator="張明樹",
           publisher="五南", address="台北", year="1995")],
    38: [g(locator="84", **GOLDSTEIN)],
    39: [g("article", "張仁虎", "論波斯灣戰爭之聯盟作戰", "74-80", journal="國防雜誌", volume="9", number="4",
           **INCOMPLETE)],                                                       # 民國 without a number
    40: [g("book", "新政見一", "第二次世界大戰戰爭指導史", "399-400", translator="劉德修", publisher="國防部史編局",
           year="1989")],
    41: [g(locator="87", **GOLDSTEIN)],                                          # …，前引書
    42: [g("manual", "", "國軍統率綱領", "4-2", publisher="國防部", address="台北", year="2001")],
    43: [g("article", "萬仞", "同盟的演變－傅統與前途", "5", journal="國防雜誌", volume="14", number="1", **INCOMPLETE)],
    44: [g("article", "楊曼芬", "以色列主宰美國？", "34", journal="國際政治", year="2002")],
    45: [g("article", "彭錦鵬", "美國以色列公共事務委員會", "55", journal="美國外交", volume="5", number="1", year="1990")],
    46: [g("book", "富勒", "西洋世界軍事史", "479-483", author="富勒", translator="鈕先鍾", publisher="麥田出版社",
           year="1998")],                                                        # 富勒將軍: the title is not a name
    47: [g("book", "蔣經國", "我的父親", "99", publisher="鳴華出版社", address="台北", year="1975")],
    48: [g("incollection", "張亞中", "全球化的台灣安全：大戰略的思維", "176-177", editor="曾章瑞",
           booktitle="21世紀初台海安全與衝突預防", publisher="國防大學國家戰略研究中心", year="2002")],
}

# --- 001 and 002: a sample of the classes the two texts add -------------------------------------

GOLD_SAMPLE = {
    ("002", "index", 1): [g("article", "Helleiner", "Understanding the 2007-2008 Global Financial Crisis", "67-87",
                            journal="Annual Review of Political Science", volume="14", pages="67--87", year="2011")],
    ("002", "index", 2): [g("book", "Reinhart", "This Time is Different", "", author="Reinhart, Carmen and Rogoff, Kenneth",
                            publisher="Princeton University Press", year="2009"),
                          g("book", "Keohane", "Power and Interdependence", "", publisher="Longman", year="2011",
                            edition="4", same="kn11")],
    ("002", "index", 3): [g("online", "National Intelligence Council", "Global Trends 2025: A Transformed World",
                            author="{National Intelligence Council}", date="XXXX", ids="council2025global")],
    ("002", "index", 28): [g("article", "Chu", "The Six-Party Talks: A Chinese Perspective", "29-43",
                             author="Chu, Shulong and Lin, Xizhu", journal="Asian Perspective", volume="32",
                             number="4", pages="29--43", year="2008")],
    ("002", "index", 29): [g("incollection", "Wallander", "Risk, Threat, and Security Institutions", "21-47",
                             editor="Wallander, Celeste and others", booktitle="Imperfect Unions: Security Institutions over Time and Space",
                             publisher="Oxford University Press", year="1999")],
    ("002", "index", 34): [g("article", "呂鴻", "鞏固友好，增進互信", journal="人民日報", date="2011-10-28", pages="3",
                             entrysubtype="newspaper")],
    ("002", "index", 35): [g("article", "Choe", "North Korea Rents out Its Resources to Stave off Reform",
                             author="Choe, Sang-hun", journal="The New York Times", date="2011-10-25", pages=None,
                             entrysubtype="newspaper")],
    ("002", "index", 33): [g("article", "新華社", "〔未具篇名〕", journal="新華社", date="2011-10-23",
                             entrysubtype="newspaper")],
    ("001", "ch-1", 11): [g("book", "倪建民", "中國國際戰略", "117-133", author="倪建民 and 陳子舜", publisher="人民出版社",
                            address="北京", year="2003")],
    ("001", "ch-1", 19): [g("collection", "楚樹龍", "中國外交戰略和政策", "117-118", editor="楚樹龍 and 金威",
                            publisher="時事出版社", year="2008", author=None)],
    ("001", "ch-1", 25): [g("book", "顏聲毅", "當代中國外交", "310-312", edition="2", publisher="復旦大學出版社",
                            year="2009", same="yan")],
    ("001", "ch-1", 44): [g("collection", "Shambaugh", "Power Shift: China and Asia's New Dynamics", "155-163",
                            editor="Shambaugh, David", year="2005", ids="ed2005power")],
    ("001", "ch-2", 10): [g("article", "徐能武", "國際安全機制的探索構建和參與選擇", "48-51",
                           journal="深圳大學學報（人文社會科學版）", volume="27", number="1", year="2010")],
    ("001", "ch-5", 5): [g("article", "Ruggie", "Multilateralism: The Anatomy of an Institution", "561-598",
                           journal="International Organization", pages="561--598", ids="ruggie1993multilateralism")],
    ("001", "ch-1", 68): [g("article", "Keohane", "Multilateralism: An Agenda for Research", "731",
                            journal="International Journal", volume="45", number="4", year="1990"),
                          g("article", "Ruggie", "Multilateralism: The Anatomy of an Institution", "565",  # the duplicate
                            journal="International Organization", volume="46", year="1992", same="ruggie")],
    ("001", "ch-1", 66): [g("collection", "Kwak", "The United States and the Korean peninsula in the 21st century",
                            "15-38", editor="Kwak, Tae-Hwan and Joo, Seung-Ho", publisher="Ashgate Publisher",
                            year="2006")],
    ("001", "ch-2", 5): [g("book", "Evans", "Cooperating for Peace", "40", publisher="Allen \\& Union", year="1993")],
    ("001", "ch-3", 3): [g("article", "韓國中央日報", "〔未具篇名〕", journal="韓國中央日報", date="2003-04-26",
                           entrysubtype="newspaper")],
    ("001", "ch-3", 10): [g("thesis", "陳光炳", "中共在北韓核武危機之角色", "53-53", type_="mathesis",
                            institution="政治大學國家安全與大陸研究碩士在職專班", year="2004")],
    ("001", "ch-3", 38): [g("book", "中國國際問題研究所", "國際形勢和中國外交藍皮書（2009-2010）", "94-96",
                            author="{中國國際問題研究所}", publisher="世界知識出版社", year="2010")],
    ("001", "ch-5", 42): [g("book", "閻學通", "東亞和平與安全", "428-429", author="閻學通 and 金德湘", same="yanjin")],
}


@pytest.fixture(scope="module")
def entries():
    return {entry.key: {name: f.value for name, f in entry.fields_dict.items()} | {"_type": entry.entry_type}
            for entry in load_bib().entries}


@pytest.fixture(scope="module")
def links(files, texts):
    """The links the build made, note by note: {(prefix, scope, number): [(key, locator)]}."""
    found = {}
    for prefix, text in texts.items():
        for (scope, number), cited in text.note_citations.items():
            found[(prefix, scope, int(number))] = [(link.key, link.locator) for link in cited]
    return found


def check(entries, key, gold: G, where) -> None:
    entry = entries[key]
    assert entry["_type"] == gold.type, (where, key, entry["_type"])
    names = entry.get("author") or entry.get("editor") or ""
    first = names.split(" and ")[0].strip("{}").split(",")[0]
    assert first == gold.who or (gold.who == "" and not names), (where, key, names)
    assert entry["title"].startswith(gold.title), (where, key, entry["title"])
    for name, value in gold.fields.items():
        assert entry.get(name.rstrip("_")) == value, (where, key, name, entry.get(name.rstrip("_")))


def check_note(entries, found, gold: list[G], where, labels: dict) -> None:
    assert len(found) == len(gold), (where, found)
    for (key, locator), expected in zip(found, gold):
        check(entries, key, expected, where)
        assert locator == expected.locator, (where, key, locator)
        label = expected.same or f"{where}:{expected.title}"
        assert labels.setdefault(label, key) == key, (where, label, key, labels[label])


def distinct(labels: dict) -> None:
    keys = list(labels.values())
    merged = {key for key in keys if keys.count(key) > 1}
    assert not merged, merged        # two works the gold tells apart linked to one entry


def test_every_citation_of_000_links_to_its_entry(entries, links, texts):
    labels: dict = {}
    numbers = {int(n.number) for n in texts["000"].notes if n.number.isdigit()}
    assert numbers == set(GOLD_000) | COMMENTARY_000
    for number in sorted(numbers):
        check_note(entries, links.get(("000", "index", number), []), GOLD_000.get(number, []), f"000 note {number}",
                   labels)
    distinct(labels)
    assert sum(len(v) for v in GOLD_000.values()) == 54


def test_every_citation_of_004_links_to_its_entry(entries, links, texts):
    labels: dict = {}
    assert {int(n.number) for n in texts["004"].notes if n.number.isdigit()} == set(GOLD_004)
    for number in sorted(GOLD_004):
        check_note(entries, links.get(("004", "index", number), []), GOLD_004[number], f"004 note {number}", labels)
    distinct(labels)
    assert sum(len(v) for v in GOLD_004.values()) == 49


@pytest.mark.parametrize("where", list(GOLD_SAMPLE), ids=lambda w: "-".join(map(str, w)))
def test_sample_citations_of_001_and_002(entries, links, where):
    check_note(entries, links.get(where, []), GOLD_SAMPLE[where], where, {})


def test_at_least_80_hand_checked_citations_from_every_text_with_notes():
    counted = sum(len(v) for v in GOLD_000.values()) + sum(len(v) for v in GOLD_004.values()) + \
        sum(len(v) for v in GOLD_SAMPLE.values())
    assert counted >= 80
    assert {where[0] for where in GOLD_SAMPLE} == {"001", "002"}


def test_003_has_no_notes_and_cites_nothing(texts):
    assert not [n for n in texts["003"].notes if n.number.isdigit()]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_per_citation_coverage_is_at_least_97_percent(texts, files, prefix):
    report = texts[prefix].citation_report
    assert report["citing"] >= len(texts[prefix].note_citations)
    assert report["linked"] / report["citing"] >= 0.97, report
