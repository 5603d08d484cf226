"""The ministry report's outline below its headings: nested lists that keep their printed enumerators."""
import pytest

from conftest import SLUGS

REPORT = f"texts/{SLUGS['003']}/"

# Every list item of the page as the browser sees it: id, its first paragraph's text (without the
# ¶ permalink the page adds), its paragraphs' ids, its children.
READ_LISTS = """() => {
  const text = p => { const copy = p.cloneNode(true); copy.querySelectorAll('.para-link').forEach(a => a.remove());
                      return copy.textContent.trim(); };
  const item = li => ({
    id: li.id,
    first: text(li.querySelector(':scope > p')),
    paragraphs: [...li.querySelectorAll(':scope > p')].map(p => p.id),
    children: [...li.querySelectorAll(':scope > ol > li')].map(item),
  });
  return [...document.querySelectorAll('article ol.outline-list')].filter(ol => !ol.closest('li'))
    .flatMap(ol => [...ol.querySelectorAll(':scope > li')].map(item));
}"""


def enumerator(text: str) -> str:
    return text[:text.index("）") + 1] if text.startswith("（") else text[:text.index("、") + 1]


def outline(items) -> str:
    """Items as their enumerators, children in brackets: 「（一）[１、[（１）（２）]]」."""
    return "".join(enumerator(i["first"]) + (f"[{outline(i['children'])}]" if i["children"] else "") for i in items)


@pytest.fixture(scope="module")
def report_lists(served, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(served + REPORT)
    items = tab.evaluate(READ_LISTS)
    context.close()
    return items


def by_section(items) -> dict[str, list]:
    sections: dict[str, list] = {}
    for item in items:
        sections.setdefault(item["id"].rsplit("-", 1)[0], []).append(item)
    return sections


# 壹、一、 … 十一、: the whole outline of each section, as printed (raw lines 26–284).
OUTLINES = {
    "sec-1-1": "（一）（二）[１、２、３、４、５、]",
    "sec-1-2": "（一）（二）",
    "sec-1-3": "（一）[１、[（１）（２）（３）（４）（５）（６）（７）]２、[（１）（２）（３）]]"
               "（二）[１、[（１）（２）（３）（４）（５）（６）]２、[（１）（２）（３）]３、[（１）（２）（３）（４）]]",
    "sec-1-4": "（一）[１、２、３、]（二）[１、２、３、]",
    "sec-1-5": "（一）[１、２、]（二）（三）（四）",
    "sec-1-6": "（一）（二）",
    "sec-1-8": "（一）（二）",
    "sec-1-9": "（一）[１、２、３、４、５、]（二）",
    "sec-1-10": "（一）（二）",
    "sec-1-11": "（一）（二）",
}


def test_every_section_of_the_goals_nests_its_items_as_printed(report_lists):
    sections = by_section(report_lists)
    assert {section: outline(items) for section, items in sections.items()} == OUTLINES
    assert "sec-1-7" not in sections   # 七、 has one plain paragraph, no enumerated items


def test_item_ids_follow_the_numbering_path(report_lists):
    un = by_section(report_lists)["sec-1-3"][0]["children"][0]   # 壹、三、（一）１、
    assert un["id"] == "sec-1-3-1-1" and un["first"] == "１、推動參加聯合國體系："
    assert [c["id"] for c in un["children"]] == [f"sec-1-3-1-1-{n}" for n in range(1, 8)]
    assert un["children"][6]["first"].startswith("（７）在國外重要報章雜誌撰寫友我專文或投書")


def test_a_label_only_item_keeps_its_body_under_it(report_lists):
    visits, = [i for i in report_lists if i["id"] == "sec-1-1-1"]
    assert visits["first"] == "（一）加強雙方政要互訪："
    assert visits["paragraphs"] == ["sec-1-1-p1", "sec-1-1-p2"] and not visits["children"]
    seminars = by_section(report_lists)["sec-1-4"][1]["children"][0]   # 壹、四、（二）１、
    assert seminars["first"] == "１、鼓勵 NGO 團體參與國際事務研討會："
    assert seminars["paragraphs"] == ["sec-1-4-p6", "sec-1-4-p7"]


def test_an_item_starts_although_the_item_before_lacks_its_full_stop(report_lists, texts):
    # raw 152 「…亦增進彼此間交流與分享之機會 」 (no 。) / 153 「３、協助國內民間團體…」
    training, meetings = by_section(report_lists)["sec-1-4"][1]["children"][1:]
    assert training["paragraphs"] == ["sec-1-4-p8", "sec-1-4-p9"]
    assert meetings["first"] == "３、協助國內民間團體參與或舉辦非政府間國際會議及活動："
    body = {b.anchor: b.text for b in texts["003"].blocks}
    assert body["sec-1-4-p9"].endswith("此外，亦增進彼此間交流與分享之機會")


@pytest.mark.parametrize("anchor, run_in", [
    ("sec-1-5-p2", "以充分發揮我柔性國力：a.辦理「臺灣獎學金」案；b.與相關部會、智庫研商國家形象之核心論述；c.邀請"),
    ("sec-1-5-p3", "培植國際新生代友我人脈：（１）加強雙邊青年交流：邀請各國青年來台研習參訪，"),
    ("sec-1-5-p3", "等活動；（２）推動辦理「經貿遠朋班」；（３）擴大提供友邦及友好國家新生代菁英獎學金；（４）擴大辦理"),
    ("sec-1-8-p4", "本部透過：１、選送優秀中高階同仁出國進修；２、鼓勵派駐非英語地區同仁學習駐地語文；３、擇優選送"),
])
def test_run_in_enumerations_stay_inside_their_sentence(texts, anchor, run_in):
    paragraph, = [b for b in texts["003"].blocks if b.anchor == anchor]
    assert run_in in paragraph.text
    assert not any(b.opens_item and b.text.startswith(("a.", "（２）推動辦理", "２、鼓勵派駐")) for b in texts["003"].blocks)


def test_list_items_are_in_the_anchor_registry(files):
    import json
    registry = json.loads(files["anchors.json"])
    report, = [t for t in registry["texts"] if t["slug"] == SLUGS["003"]]
    items = {a["id"]: a for a in report["anchors"] if a["kind"] == "item"}
    assert items["sec-1-3-1-1-7"]["label"] == "（７）" and items["sec-1-3-1-1-7"]["url"] == REPORT + "#sec-1-3-1-1-7"
    assert items["sec-1-3-1-1-7"]["title"].startswith("在國外重要報章雜誌撰寫友我專文或投書")
    assert len(items) == 68
