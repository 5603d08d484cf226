"""Footnotes: every marker found, every body reattached, both linked — on the real texts."""
import re
from collections import Counter

import pytest

from build_tools import notecheck
from build_tools.editions import NoteDecision
from build_tools.model import Note
from build_tools.markers import Marker
from conftest import SLUGS

CHAPTERS_001 = {"ch-1": 73, "ch-2": 57, "ch-3": 41, "ch-4": 35, "ch-5": 55, "ch-6": 2}
CONTINUOUS = {"000": 57, "002": 39, "004": 48}


def page_md(files, prefix, page="index"):
    return files[f"texts/{SLUGS[prefix]}/{page}.md"]


def body(md: str, number: int) -> str:
    found = re.search(rf"^\[\^{number}\]: (.*)$", md, re.M)
    assert found, f"no body for note {number}"
    return re.sub(r'<a class="citation"[^>]*>|(?<=[^>])</a>', "", found[1])   # without its links to the bibliography


def before_marker(md: str, number: int) -> str:
    """The running text just before the marker of note `number` (its only reference)."""
    refs = [m.start() for m in re.finditer(rf"\[\^{number}\](?!:)", md)]
    assert len(refs) == 1, f"note {number} is referenced {len(refs)} times"
    return md[max(0, refs[0] - 30):refs[0]]


def after_marker(md: str, number: int) -> str:
    ref = re.search(rf"\[\^{number}\](?!:)", md)
    return md[ref.end():ref.end() + 12]


# (text, page, note, running text just before the marker, first words of the body)
SPECIFIC_NOTES = [
    # 000: endnotes of a two-column article
    ("000", "index", 1, "（以下簡稱中共）之後。", "根據高朗教授的研究指出"),
    ("000", "index", 12, "dence）的觀點，並主張：", "Robert O. Keohane and Jos"),
    ("000", "index", 29, "政府的職能都必須再重新定義。", "Richard Devetak"),         # cut by note 39
    ("000", "index", 39, "索政策新思路的做法成為可能。", "石之瑜，〈免國於患者行其下？〉"),
    ("000", "index", 34, "或全球層級的官方與民間機構。", "David Held et al.，前揭書。"),  # shares a line with 46
    ("000", "index", 46, "障下的另一個補救辦法與途徑。", "宋學文，〈從國際建制與美國自由霸"),
    ("000", "index", 45, "支持的態度，並且以積極的方式", "例如，美國國會多次通過授權"),   # 「方式 45 來協助」
    ("000", "index", 32, "追求絕對可得的利益，", "所謂「絕對利得」（absolute gains）"),
    # 001: page-bottom notes, numbering restarts in each chapter
    ("001", "ch-1", 1, "來東北亞仍處於不穩定的態勢。", "李明，「天安艦沉沒事件牽動東北亞國際政治」"),
    ("001", "ch-1", 45, "標，只是兩國使用的手段不同。", "David M. Lampton, “United States-China"),
    ("001", "ch-1", 69, "通過多邊方式協調利益的重要性來決定。", "朱鋒，「六方會談與朝鮮棄核"),
    ("001", "ch-2", 17, "和近代國際關係史上的重要性。", "Robert Jervis, “From Balance to Concert"),
    ("001", "ch-2", 42, "際地位和國際影響力顯著提高。", "《2008 年中國的國防》白皮書"),
    ("001", "ch-3", 2, "ed Framework）。", "框架協議（The Geneva Agreed Fr"),
    ("001", "ch-4", 20, "地區權力結構將可能受到轉變。", "Tae-Hwan Kwak"),
    ("001", "ch-4", 25, "個國際社會的安全與穩定。", "苗萌，「試析六方會談各方"),   # 「25在中共」 at a line start
    ("001", "ch-5", 14, "著一個被地區安全行為體安全化", "安全化是一種話語進程"),
    ("001", "ch-5", 24, "的雙邊或多邊安全對話和協商。", "中華人民共和國外交部政策研究室編"),  # 「24」 alone, then 「2002 年」
    ("001", "ch-5", 49, "地區的歷史問題亟需獲得解決。", "孫霞，「從安全複合體到多邊安全機制"),
    ("001", "ch-6", 2, "東北亞和平繁榮與穩定的基礎。", "中日韓合作（1999-2012）白皮書"),
    # 002: page-bottom notes, continuous
    ("002", "index", 1, "使得全球許多區域遭逢經濟衰退。", "Eric Helleiner, “Understa"),
    ("002", "index", 2, "（tectonic shift）。", "Carmen Reinhart and Kenneth Rogoff"),
    ("002", "index", 5, "Harris 的文章為代表；", "Mathew Burrows and Jennifer Harris, “Revisiting the Future"),
    ("002", "index", 7, "，中國大陸約為 8-10%。", "Aaron Friedberg"),
    ("002", "index", 13, "tional order）。", "G. John Ikenberry, Libera"),
    ("002", "index", 17, "的原則也不再有法律規範所循。", "Ibid., pp.300-315."),
    ("002", "index", 19, "間如何獲致穩定以及維繫穩定。", "相關的代表論述可參考：Michael Doyle"),
    ("002", "index", 22, "際關係研究中的九種國際制度。", "John Duffield, “What Are International Institutions?”"),
    ("002", "index", 39, "凍結北韓某些核試計畫的成果。", "〈國際觀察：朝美對話有助於六方會談重啟〉"),
    # 004: page-bottom notes of a thesis chapter
    ("004", "index", 1, "東亞、東南亞集體安全組織等。", "朱顯龍，〈美臺軍事關係的現狀與發展趨勢〉"),
    ("004", "index", 17, "評估結果。", "〈國軍地面部隊有沒有明天？〉"),
    ("004", "index", 25, "則此國的脆弱度高；反之，則低", "Ibid., 13."),
    ("004", "index", 41, "加在自己的權力上（延伸性嚇阻", "強國威脅另一個強國不得攻擊某一個小國"),
    ("004", "index", 48, "軸思考，台灣將面臨以下的困境", "張亞中，〈全球化的台灣安全：大戰略的思維〉"),
]


@pytest.mark.parametrize("prefix,page,number,context,start", SPECIFIC_NOTES,
                         ids=[f"{p}-{pg}-{n}" for p, pg, n, *_ in SPECIFIC_NOTES])
def test_marker_links_to_its_body(files, prefix, page, number, context, start):
    md = page_md(files, prefix, page)
    assert context and start
    assert before_marker(md, number).replace("\n", "").endswith(context)
    assert body(md, number).startswith(start)


def test_continued_notes_are_rejoined_across_pages(files):
    """Notes a page break cut in two come back whole, without the next page's text."""
    assert body(page_md(files, "002"), 5).endswith("The Washington Quarterly, Vol.32, No.2 (2009), pp.27-38.")
    assert body(page_md(files, "002"), 22).endswith("International Studies Review, Vol.9, No.1 (2007), pp.1-22.")
    assert "Bruce Russett and John" in body(page_md(files, "002"), 19)
    assert body(page_md(files, "001", "ch-1"), 45).endswith("Vol. 9, No. 2 (2010), pp. 27-35.")
    assert body(page_md(files, "001", "ch-2"), 42).endswith("於 2012 年 6 月 3 日檢索。")
    assert body(page_md(files, "001", "ch-5"), 49).endswith("多邊治理與國際秩序，頁 160-162。")


def test_interleaved_endnotes_are_put_back_in_one_piece(files):
    md = page_md(files, "000")
    assert body(md, 29).endswith("轉引自：宋學文，〈第二軌道外交與台灣安全——理論的依據與實務的建議〉，宋學文主編，前揭書，頁17。")
    assert body(md, 39) == "石之瑜，〈免國於患者行其下？〉，宋學文主編，前揭書，頁38-39。"
    assert body(md, 34) == "David Held et al.，前揭書。沈宗瑞‧高少凡‧許湘濤‧陳淑鈴譯。頁12。"
    numbers = [int(n) for n in re.findall(r"^\[\^(\d+)\]:", md, re.M)]
    assert numbers == list(range(1, 58))


def test_lost_notes_keep_their_markers_and_invent_nothing(files):
    md = page_md(files, "000")
    for number in [37, 38, *range(48, 58)]:
        assert before_marker(md, number)
        assert body(md, number) == '<span class="ed-remark">〔編者按：此註原文已佚，原件僅存註號。〕</span>'
    assert body(md, 47).startswith("民進黨籍立委張旭成則表示")
    assert body(md, 47).endswith("吳淑珍去年代表陳總 <span class=\"ed-remark\">〔編者按：原件此註至此中斷，以下文字已佚。〕</span>")


def test_numbers_that_are_not_markers_stay_text(files):
    """Three traps per text: years, dates, quantities, decimals, list numbers stay as printed."""
    assert "自 1970年代起" in page_md(files, "000")
    assert "而我國迄 93 年 4 月底止" in page_md(files, "000")
    assert "積極的方式[^45]來協助" in page_md(files, "000")
    ch2 = page_md(files, "001", "ch-2")
    assert "國際組織。1971 年 10 月" in ch2 and "發展。21 世紀以來" in ch2 and "有：（1）外部威脅" in ch2
    assert "協商。[^24]2002 年 7 月" in page_md(files, "001", "ch-5")
    md002 = page_md(files, "002")
    assert "約為 8-10%。[^7]若此趨勢" in md002 and "自由國際秩序 2.0版本中" in md002
    assert "自由制度主義自 1970年代以來" in md002
    md004 = page_md(files, "004")
    assert "部署 17個集團軍" in md004 and "延伸性嚇阻[^41]）" in md004 and "則低[^25]。例如 A、B" in md004


def test_counts_per_text_and_chapter(texts):
    for prefix, last in CONTINUOUS.items():
        assert [m.number for m in texts[prefix].markers] == list(range(1, last + 1))
    markers = Counter(m.scope for m in texts["001"].markers)
    bodies = Counter(n.scope for n in texts["001"].notes)
    assert dict(markers) == CHAPTERS_001 == dict(bodies)
    assert [n.number for n in texts["002"].notes] == ["*"] + [str(n) for n in range(1, 40)]
    assert len(texts["004"].notes) == 48
    assert [n.number for n in texts["000"].notes] == [str(n) for n in range(1, 48) if n not in (37, 38)]
    assert not texts["003"].markers


def test_no_unexplained_anomalies(texts):
    for text in texts.values():
        assert [a for a in text.anomalies if a.decision is None] == []


def test_star_note_belongs_to_the_text_not_the_abstract(files):
    md = page_md(files, "002")
    abstract_start = md.index("## 摘要")
    star = md.index("**原文題注（＊）**：本論文曾發表於")
    assert star < abstract_start and "{: #note-star }" in md[star:abstract_start]
    assert "[^star]" not in md


def test_unexplained_anomaly_names_scope_number_and_line():
    notes = [Note("1", "a", (10,), "ch-2"), Note("3", "c", (30,), "ch-2")]
    markers = [Marker(1, "ch-2", 5), Marker(2, "ch-2", 6)]
    anomalies = notecheck.find_anomalies(notes, markers, [])
    assert [(a.scope, a.number, a.line, a.problem) for a in anomalies] == [
        ("ch-2", "2", 6, "lost"), ("ch-2", "3", 30, "unreferenced")]
    decided = notecheck.find_anomalies(notes, markers, [NoteDecision(numbers="2", scope="ch-2", kind="lost",
                                                                     reason="r")])
    assert decided[0].decision is not None and decided[1].decision is None
    stale = notecheck.find_anomalies(notes[:1], markers[:1], [NoteDecision(numbers="9", kind="lost", reason="r")])
    assert [a.problem for a in stale] == ["stale decision"]


@pytest.mark.parametrize("prefix,pages", [("000", ["index"]), ("002", ["index"]), ("004", ["index"]),
                                          ("001", list(CHAPTERS_001))])
def test_built_pages_have_one_note_per_printed_number(site, prefix, pages):
    for page in pages:
        path = site / "texts" / SLUGS[prefix] / ("" if page == "index" else page) / "index.html"
        html = path.read_text(encoding="utf-8")
        ids = re.findall(r'<li id="fn:(\d+)"', html)
        expected = CHAPTERS_001[page] if prefix == "001" else CONTINUOUS[prefix]
        assert sorted(map(int, ids)) == list(range(1, expected + 1)), path
        refs = re.findall(r'<sup id="fnref:(\d+)"', html)
        assert sorted(map(int, refs)) == list(range(1, expected + 1))
        # each body links back to its marker
        assert len(re.findall(r'class="footnote-backref"', html)) == expected


def test_build_stops_on_an_unexplained_anomaly(texts):
    from build_tools.build import check_notes
    from build_tools.errors import EditionError
    from build_tools.editions import SEEDS
    from build_tools.pipeline import clean

    edition = texts["000"].edition.model_copy(update={"notes": []})
    raw = SEEDS / edition.source
    with pytest.raises(EditionError) as error:
        check_notes(raw, clean(raw, edition))
    message = str(error.value)
    assert message.startswith(f"{raw}:") and "note 37: the marker has no note body" in message
    assert "record an editorial decision (kind: lost)" in message
    line = int(message.split(":")[1])
    assert "[^37]" not in raw.read_text(encoding="utf-8").splitlines()[line - 1] and \
        "37" in raw.read_text(encoding="utf-8").splitlines()[line - 1]
