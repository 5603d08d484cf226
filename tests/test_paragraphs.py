"""True paragraphs: sentences rejoined across lines, pages and note blocks."""
import re
import unicodedata

import pytest

from conftest import body_of, paragraphs_of

JOINS = [
    ("000", "甚至是非國家行為者也能藉由"),            # column break, 236 | 237
    ("000", "成為民主政治奠定較為紮實的基礎，並可以"),  # column break, 380 | 381
    ("001", "尤其面對情勢不穩的朝鮮半島，中共為創造和平環境"),  # page + notes 1-3, 80 | 96
    ("001", "甚至可以發展為永久性多邊機制。"),          # 138 | 152
    ("001", "皆偏好以多邊合作來化解北韓核武危機"),      # across notes, watermark, page number 12
    ("001", "等官方的多邊安全對話與合作進程"),          # 2124 | 2133
    ("002", "以開放經濟為主的自由主義國際秩序，故即使"),  # 115 + notes 1-2 + 126
    ("002", "隨著美國金融實力下降，勢將會有強權"),      # 264 | 281
    ("002", "可以降低交易成本並交換訊息"),              # 531 | 535
    ("002", "「Global Trends 2025: A Transformed World」報告即已指出"),  # Latin words keep one space
    ("003", "以強化並鞏固我在該組織之地位。"),          # 120 | 122
    ("003", "並捍衛台灣 2,300萬人民之權利"),            # 8 | 9
    ("004", "研討會指出：「任何不協助台灣抵抗中國侵略"),  # notes 8-11 + running header + page number 151
    ("004", "用作發展陸基反衛星武器之高能雷射裝備。"),  # 1246 | 1255
]


@pytest.mark.parametrize("prefix, sentence", JOINS)
def test_sentence_joined_across_breaks(texts, prefix, sentence):
    assert any(sentence in block.text for block in paragraphs_of(texts[prefix]))


# New paragraphs the indent does not mark (lost at a page or column top): the line before ended
# the sentence with the layout's trailing space. (text, paragraph start, end of the one before)
UNINDENTED_STARTS = [
    ("004", "其次，我們從實際例證來證明三者的同盟關係", "美日台是屬盟國的關係。"),                 # 283 | 285
    ("004", "從上述可理解國家間因追求安全而產生緊張關係。", "即是安全兩難最明顯的例子。"),       # 484 | 486
    ("004", "奈尹（Joseph S. Nye）與葛漢（Robert O. Keohance）", "受保護國的不對稱同盟關係。"),  # 538 | 540
    ("004", "在「中」蘇友好條約談判期間，史達林曾說過", "但不宜有所過分之期待。"),              # 1820 | 1822
]


@pytest.mark.parametrize("prefix, start, end_before", UNINDENTED_STARTS)
def test_paragraph_starts_where_the_sentence_and_the_line_end_together(texts, prefix, start, end_before):
    paras = [re.sub("[\ue000\ue001]", "", p.text) for p in paragraphs_of(texts[prefix])]
    index = next(i for i, text in enumerate(paras) if text.startswith(start))
    assert paras[index - 1].endswith(end_before)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_whitespace_between_two_cjk_characters(texts, prefix):
    han = r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]"
    for block in paragraphs_of(texts[prefix]):
        assert not re.search(f"{han}\\s+{han}", block.text), block.text[:60]


def test_letter_spacing_removed(texts):
    assert "任何國際組織、" in body_of(texts["000"])  # raw: 「任 何 國 際 組 織 、」


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_most_paragraphs_end_a_sentence(texts, prefix):
    paras = paragraphs_of(texts[prefix])
    ended = [p for p in paras if re.search(r"[。？！：」）.?!](\ue000\d+\ue001)?$", p.text)]
    assert len(ended) / len(paras) >= 0.95, [p.text[-20:] for p in paras if p not in ended][:10]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_output_is_nfc(files, prefix):
    from conftest import SLUGS
    for path, content in files.items():
        if SLUGS[prefix] in path:
            assert unicodedata.is_normalized("NFC", content)


def test_authors_wording_kept(texts):
    assert "為來的關鍵在於" in body_of(texts["001"])


# Lines that run on although the seeds' exporter left a space at their end or an enumerator opens the
# next: a note marker's space on a full line (000, which indents its paragraphs), an enumeration
# running on in its sentence (issue 15 §4). (text, raw line that continues, the text it follows)
RUN_ON = [
    ("000", 437, "新型態外交途徑。10面對我國長期以來"),
    ("000", 921, "扮演了重要的角色。25甚至，在後冷戰時期"),
    ("000", 976, "才能有效的解決問題。28（二）議題聯結（issue-linking）與外溢"),
    ("000", 1024, "影響高階政治的策略。30然而，這樣的轉變"),
    ("000", 1061, "在策略上較具靈活性。（三）較具隱密性：第二軌道外交可以是"),
    ("000", 2280, "專門預算加以支援。55有多位學者提出"),
    ("001", 1395, "內在因素包括：（1）國內權力結構變遷："),
    ("001", 1784, "需要國際輿論的支持；（4）優化中共對外關係的內部環境。"),
    ("001", 5268, "（1）大國實力不平等；（2）政治制度、經濟發展水平不一致"),
    ("002", 203, "爭奪權力的方式；（五）由於權力的分散"),
    ("004", 1792, "（由威脅轉為和平）；（三）台灣的政治訴求造成區域不穩定。"),
]


@pytest.mark.parametrize("prefix, no, joined", RUN_ON)
def test_enumeration_and_marker_space_run_on(texts, prefix, no, joined):
    block = next(p for p in paragraphs_of(texts[prefix]) if no in p.lines)
    assert block.lines[0] != no
    assert joined in re.sub("[\ue000\ue001]", "", block.text)


def test_paragraph_breaks_inferred_without_signal(texts):
    """No edition file declares `paragraphs.signal`: the indents are found from the lines."""
    from build_tools.paragraphs import layout_of
    assert all(text.edition.paragraphs.signal is None for text in texts.values())
    layouts = {prefix: layout_of(text.lines) for prefix, text in texts.items()}
    assert layouts["000"].measure == 36 and layouts["001"].measure == 70


# English joined at line ends and in the notes (issue 15 §2, §4)
NOTE_TEXT = [
    ("000", "4", "http://www.mofa.gov.tw/tien/speech000601.htm"),
    ("000", "16", "http://www.npf.org.tw/PUBLICATION/CL/091/CL-R-091-052.htm"),
    ("000", "40", "http://www.mofa.gov.tw/newmofa/history/majorspeeches/speech901004.htm"),
    ("000", "43", "http://www.mofa.gov.tw/newmofa/history/majorspeeches/speech901004.htm"),
    ("000", "44", "http://www.dsis.org.tw/pubs/magz/1st/per1.htm"),
    ("000", "11", "Power and Interdependence: World Politics in Transition."),
    ("000", "13", "Power and Interdependence: World Politics in Transition."),
    ("000", "14", "Interdependence"),
    ("000", "1", "《中華民國外交關係之演變（1972∼1992）》"),
    ("001", "ch-5:44", "Multipolar Asia,” International Security"),
    ("001", "ch-3:2", "materials/agreedframework.htm"),
    ("002", "7", "the US-China Rivalry,” Survival, Vol.52"),
]


@pytest.mark.parametrize("prefix, number, expected", NOTE_TEXT)
def test_note_text_clean(texts, prefix, number, expected):
    scope, _, number = number.rpartition(":")
    note = next(n for n in texts[prefix].notes if n.number == number and (n.scope or "index") == (scope or "index"))
    assert expected in note.text
