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
    ("000", "面對我國長期以來在外交上擴展不易", "已然成為國際間較具影響力的新型態外交途徑。10"),  # 435 | 437
    ("000", "有多位學者提出於政府部門中成立一個專責推動與支援第二軌道外交的單位", "設置長期性的專門預算加以支援。55"),
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
