"""Synthetic Chinese scholarly prose for the layout bench (deterministic, of the bench's own making).

Sentences are built from templates and slot fillers on Taiwan's foreign relations, so that no
two paragraphs repeat; notes are realistic citations (a few real works, most synthetic).
Each builder returns plain strings in which a note is written inline as ``{n:body}``.
"""
from __future__ import annotations

import random

ACTORS = ["我國", "美國", "日本", "中國大陸", "南韓", "歐洲聯盟", "東南亞國家協會", "澳大利亞", "印度", "俄羅斯"]
POLICIES = ["務實外交", "經貿外交", "公眾外交", "第二軌道外交", "區域整合政策", "雙邊援助計畫", "多邊參與策略",
            "危機管理機制", "軍售政策", "海洋事務合作"]
GOALS = ["擴大國際參與空間", "鞏固既有邦交", "維持區域和平穩定", "爭取國際組織之觀察員地位", "深化與理念相近國家之關係",
         "降低對單一市場之依賴", "提升國家之能見度", "建立可預期之互動規範"]
THINGS = ["非政府組織", "國際經貿體制", "雙邊自由貿易協定", "區域安全對話", "人道援助網絡", "學術交流平臺",
          "國會外交管道", "城市外交"]
YEARS = [1971, 1979, 1988, 1993, 1996, 2000, 2002, 2005, 2008, 2010]
SCHOLARS = ["Keohane", "Nye", "Ikenberry", "Waltz", "Walt", "Mearsheimer", "Wendt", "Katzenstein"]

TEMPLATES = [
    "{a}自{y}年以來逐步調整其{p}，其核心在於{g}。",
    "就{t}而言，{a}的角色並非一成不變，而是隨著國際環境的變遷不斷重新界定。",
    "值得注意的是，{a}在推動{p}的過程中，往往必須在理想與現實之間尋求平衡。",
    "論者指出，{t}之所以重要，乃因其提供了官方管道以外的溝通空間，有助於{g}。",
    "從新自由制度主義的觀點來看，制度能夠降低交易成本並提高資訊的透明度，{a}因此更願意投入{t}。",
    "然而，{a}對{p}的投入並未帶來預期的成果，其原因值得進一步檢討。",
    "換言之，{t}的發展與{a}的國內政治密切相關，任何外交政策都無法脫離其內部的政治脈絡。",
    "在此脈絡下，{a}所採取的{p}可以視為一種因應結構性限制的理性選擇。",
    "{s}認為，權力分配的變化將使{a}重新思考其在{t}中的定位。",
    "以{y}年的發展為例，{a}透過{t}與相關國家進行多次協商，最終達成初步的共識。",
    "此一趨勢顯示，{p}已不再只是政府部門的專屬領域，而是需要社會各界的共同參與。",
    "因此，本文主張應將{t}納入整體的外交戰略之中，以期{g}。",
]

CITATIONS = [
    "Robert O. Keohane and Joseph S. Nye, Power and Interdependence, 3rd ed. (New York: Longman, 2001), p. {p}.",
    "G. John Ikenberry, “The Rise of China and the Future of the West,” Foreign Affairs, Vol. 87, No. 1 (2008), pp. {p}-{q}.",
    "Kenneth N. Waltz, Theory of International Politics (Reading, MA: Addison-Wesley, 1979), p. {p}.",
    "王建民，〈臺灣參與國際組織之策略分析〉，《問題與研究》，第 45 卷第 2 期（2006 年 4 月），頁 {p}-{q}。",
    "林文程，〈務實外交的回顧與前瞻〉，《遠景基金會季刊》，第 3 卷第 1 期（2002 年 1 月），頁 {p}。",
    "陳志敏，《次國家政府與對外事務》（北京：長征出版社，2001 年），頁 {p}-{q}。",
    "外交部，《中華民國 {y} 年外交年鑑》（臺北：外交部，{z} 年），頁 {p}。",
    "蔡明彥，〈東亞區域安全合作的發展與限制〉，收錄於張亞中主編，《國際關係總論》（臺北：揚智文化，2003 年），頁 {p}-{q}。",
    "同上註，頁 {p}。",
    "Alexander Wendt, Social Theory of International Politics (Cambridge: Cambridge University Press, 1999), pp. {p}-{q}.",
    "吳玉山，《抗衡或扈從：兩岸關係新詮》（臺北：正中書局，1997 年），頁 {p}。",
    "Peter J. Katzenstein ed., The Culture of National Security (New York: Columbia University Press, 1996), p. {p}.",
]

COMMENTS = [
    "此處所稱之{t}，係指政府以外之行為者所從事的跨國互動。",
    "關於此一概念的不同界定，參見前引文的討論。",
    "作者於{y}年訪談相關官員時，亦得到類似的說法。",
    "詳細的數據請參閱外交部歷年出版之統計資料。",
]


class Prose:
    """A deterministic source of sentences, paragraphs and notes."""

    @property
    def words(self) -> tuple:
        """(sentence templates, actors, policies, goals, things, scholars) of this vocabulary."""
        return TEMPLATES, ACTORS, POLICIES, GOALS, THINGS, SCHOLARS

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.order = list(range(len(TEMPLATES)))
        self.rng.shuffle(self.order)
        self.cursor = 0

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def sentence(self) -> str:
        templates, actors, policies, goals, things, scholars = self.words
        template = templates[self.order[self.cursor % len(self.order)]]
        self.cursor += 1
        return template.format(a=self.pick(actors), p=self.pick(policies), g=self.pick(goals),
                               t=self.pick(things), y=self.pick(YEARS), s=self.pick(scholars))

    def citation(self) -> str:
        page = self.rng.randrange(3, 280)
        year = self.pick(YEARS)
        text = self.pick(CITATIONS).format(p=page, q=page + self.rng.randrange(2, 30), y=year - 1911, z=year - 1910)
        if self.rng.random() < 0.25:
            text += self.pick(COMMENTS).format(t=self.pick(THINGS), y=self.pick(YEARS))
        return text

    def note(self) -> str:
        return "{n:" + self.citation() + "}"

    def paragraph(self, sentences: int = 4, notes: int = 1) -> str:
        parts = [self.sentence() for _ in range(sentences)]
        for index in self.rng.sample(range(sentences), min(notes, sentences)):
            parts[index] += self.note()
        return "".join(parts)

    def long_note(self) -> str:
        """A note long enough to run over to the next page."""
        first, second = self.citation(), "".join(self.citation() for _ in range(3))
        cut = max(second.find("，", 8), second.find(", ", 8) + 1, 1)
        return "{N:" + first + second[:cut] + "|" + second[cut:] + "}"


ENGLISH_ABSTRACT = (
    "This article examines the origins of Taiwan’s “pragmatic diplomacy” and its twelve-year "
    "evolution after 1988. It argues that the policy, often described as a response to diplomatic "
    "isolation, was in fact shaped by a long-term, state-led strategy of economic interdependence "
    "and by the institutional constraints of international organizations. Drawing on government "
    "documents and interviews, the article reconstructs the decision-making process and shows how "
    "non-governmental actors gradually became indispensable partners of the Ministry of Foreign "
    "Affairs. The findings suggest that second-track channels complemented, rather than replaced, "
    "official relations."
)

ENGLISH_PASSAGE = (
    "As one observer put it, “the island’s diplomacy is a diplomacy of survival, conducted by "
    "extraordinarily resourceful officials under unfavourable circumstances.”"
)


# A second vocabulary (the layouts added after the cleaner's rules were tuned: development aid,
# trade and maritime affairs), so that a rule cannot lean on the first vocabulary's sentences.
ACTORS_B = ["行政院", "國際合作發展基金會", "經濟部", "海洋委員會", "巴拉圭", "瓜地馬拉", "菲律賓", "越南", "紐西蘭", "加拿大"]
POLICIES_B = ["對外援助政策", "新南向政策", "技術合作計畫", "漁業協定", "投資保障協定", "人才培育方案", "緊急救援機制",
              "公衛合作計畫"]
GOALS_B = ["提升受援國之自主發展能力", "確保遠洋漁船之作業安全", "分散出口市場之風險", "強化供應鏈之韌性",
           "建立透明的援助評估制度", "回應國際社會對永續發展的期待"]
THINGS_B = ["援外預算", "農業技術團", "海事安全合作", "區域經濟夥伴關係", "醫療衛生援助", "職業訓練中心", "雙邊經貿會議"]
SCHOLARS_B = ["Lancaster", "Sachs", "Easterly", "Riddell", "Milner", "Tierney"]

TEMPLATES_B = [
    "{a}於{y}年修訂{p}之後，{t}的規模明顯擴大，主要目的在於{g}。",
    "一般而言，{t}的成效不易衡量，{a}因而長期面臨外界對其透明度的質疑。",
    "根據{a}所公布的資料，{t}的執行率在近年來呈現穩定成長的趨勢。",
    "{s}的研究指出，援助國的戰略利益往往主導援助的分配，而非受援國的實際需求。",
    "值得一提的是，{a}在執行{p}時，相當重視與地方社群的協調與溝通。",
    "若從成本效益的角度觀察，{t}的投入與產出之間仍有相當程度的落差。",
    "另一方面，{a}亦透過{t}參與區域性的討論，藉此{g}。",
    "此種做法雖然短期內有助於{g}，但長期而言仍需配合國內的制度改革。",
    "{y}年的評估報告即已指出，{p}的成敗繫於執行單位之間的分工是否明確。",
    "由此可見，{t}不僅是經濟議題，亦是外交與安全議題的一環。",
    "學界對於{p}的評價並不一致，部分論者認為其過度偏重硬體建設。",
    "總體而言，{a}推動{t}的經驗，可作為其他中小型國家的參考。",
]

CITATIONS_B = [
    "Carol Lancaster, Foreign Aid: Diplomacy, Development, Domestic Politics (Chicago: University of Chicago Press, 2007), p. {p}.",
    "Roger C. Riddell, Does Foreign Aid Really Work? (Oxford: Oxford University Press, 2007), pp. {p}-{q}.",
    "李明峻，〈我國對外援助法制之檢討〉，《臺灣國際法季刊》，第 6 卷第 3 期（2009 年 9 月），頁 {p}-{q}。",
    "國際合作發展基金會，《{y} 年年報》（臺北：國合會，{z} 年），頁 {p}。",
    "黃奎博，〈新南向政策的機會與挑戰〉，《戰略安全研析》，第 140 期（2016 年 12 月），頁 {p}。",
    "前引書，頁 {p}。",
    "Helen V. Milner and Dustin Tingley, “The Political Economy of U.S. Foreign Aid,” Economics & Politics, Vol. 22, No. 2 (2010), pp. {p}-{q}.",
    "湯紹成，《中華民國外交援助之研究》（臺北：秀威資訊，2011 年），頁 {p}-{q}。",
]


class ProseB(Prose):
    """The second vocabulary's prose (same builders, other sentences and citations)."""

    @property
    def words(self) -> tuple:
        return TEMPLATES_B, ACTORS_B, POLICIES_B, GOALS_B, THINGS_B, SCHOLARS_B

    def citation(self) -> str:
        page = self.rng.randrange(5, 320)
        year = self.pick(YEARS)
        return self.pick(CITATIONS_B).format(p=page, q=page + self.rng.randrange(2, 25), y=year - 1911,
                                             z=year - 1910)


ENGLISH_BLOCK_QUOTE = (
    "Aid is not merely a transfer of resources from rich to poor countries; it is an instrument of "
    "statecraft, shaped by the domestic politics of the donor as much as by the needs of the recipient. "
    "Small donors, in particular, use it to buy recognition, to demonstrate competence and to build "
    "networks that their formal diplomatic standing would otherwise deny them."
)


# A third vocabulary (global health and pandemic diplomacy), for the layout held out after the
# rules were tuned on the nine others: notes in the author-date style of a journal with a
# reference list (short citations and comments), English terms inside Chinese sentences.
ACTORS_C = ["衛生福利部", "疾病管制署", "外交部", "世界衛生組織", "歐洲議會", "日本", "美國國務院", "友邦", "七大工業國集團"]
POLICIES_C = ["防疫外交", "醫療援外計畫", "疫苗捐贈方案", "公衛人才培訓計畫", "口罩外交", "國際衛生條例（IHR）之參與策略"]
GOALS_C = ["爭取參與世界衛生大會（World Health Assembly, WHA）", "建立跨國的疫情通報管道", "提升我國在全球衛生治理中的能見度",
           "回應區域國家對醫療物資的需求", "強化與理念相近國家的公衛合作"]
THINGS_C = ["全球衛生治理", "技術性會議", "國際醫療合作", "疫情資訊分享機制", "衛生安全（health security）議題", "非傳染性疾病防治"]
SCHOLARS_C = ["Fidler", "Kickbusch", "Davies", "McInnes", "Youde"]

TEMPLATES_C = [
    "{a}自{y}年起推動{p}，其主要考量在於{g}。",
    "就{t}而言，主權爭議往往被包裝為技術問題，使{a}的參與空間受到相當限制。",
    "{s}指出，全球衛生已從單純的技術合作，轉變為國家安全與外交政策的一部分。",
    "在疫情期間，{a}透過{t}與各國交換資訊，此舉被視為{p}的具體成果。",
    "然而，{p}能否轉化為制度性的參與，仍取決於主要國家的政治意願。",
    "值得注意的是，{a}在{y}年之後更加重視{t}，以期{g}。",
    "從功能主義（functionalism）的觀點來看，{t}的合作有助於累積互信，進而外溢至其他領域。",
    "換言之，{a}的{p}並非孤立的政策，而是整體對外戰略的一環。",
    "此外，{t}的發展也顯示非國家行為者的角色日益重要。",
    "若與其他中小型國家相比，{a}在{t}方面的投入並不遜色。",
    "學者對於{p}的成效看法分歧，部分論者認為其宣傳意義大於實質意義。",
    "總之，{t}提供了一個觀察{a}如何{g}的重要視角。",
]

CITATIONS_C = [
    "參見陳宗巖（2021：{p}-{q}）的討論。",
    "Fidler（2004: {p}）稱此為「後西伐利亞」的公共衛生治理。",
    "蕭美玲（2010：{p}）。",
    "關於世界衛生大會觀察員的邀請程序，參見 Herington and Lee（2014: {p}-{q}）。",
    "本文所稱之{t}，係指政府部門以外亦得參與之合作機制。",
    "衛生福利部疾病管制署（{z}：{p}）。",
    "Kickbusch and Liu（2022: {p}）。",
    "同前註，頁 {p}。",
    "作者於 {z} 年 {m} 月訪談外交部官員所得。",
]

REFERENCES_C = [
    "衛生福利部疾病管制署，2021，《2020 年防疫年報》，臺北：衛生福利部疾病管制署。",
    "陳宗巖，2021，〈臺灣參與世界衛生組織之困境與策略〉，《問題與研究》，60（3）：1-34。",
    "蕭美玲，2010，〈我國參與世界衛生大會之歷程與展望〉，《臺灣國際研究季刊》，6（2）：69-96。",
    "Fidler, David P. 2004. SARS, Governance and the Globalization of Disease. New York: Palgrave Macmillan.",
    "Herington, Jonathan, and Kelley Lee. 2014. “The Limits of Global Health Diplomacy: Taiwan’s Observer "
    "Status at the World Health Assembly.” Globalization and Health 10 (1): 71-80.",
    "Kickbusch, Ilona, and Austin Liu. 2022. “Global Health Diplomacy—Reconstructing Power and Governance.” "
    "The Lancet 399 (10341): 2156-2166.",
]


class ProseC(Prose):
    """The third vocabulary's prose (same builders, other sentences and notes)."""

    @property
    def words(self) -> tuple:
        return TEMPLATES_C, ACTORS_C, POLICIES_C, GOALS_C, THINGS_C, SCHOLARS_C

    def citation(self) -> str:
        page = self.rng.randrange(5, 260)
        return self.pick(CITATIONS_C).format(p=page, q=page + self.rng.randrange(2, 20), t=self.pick(THINGS_C),
                                             z=self.rng.randrange(2015, 2023), m=self.rng.randrange(1, 13))


ABSTRACT_C = (
    "本文探討我國參與全球衛生治理（global health governance）的策略演變。2009 年至 2016 年間，我國以「中華臺北」"
    "（Chinese Taipei）名義出席世界衛生大會（WHA），其後遭到排除；新冠肺炎（COVID-19）疫情爆發後，防疫經驗與口罩援助"
    "使我國重新獲得國際關注。本文認為，衛生議題的去政治化論述有其限度，技術性參與必須配合理念相近國家的政治支持，"
    "始能轉化為制度性的參與。"
)
ENGLISH_ABSTRACT_C = (
    "This article traces Taiwan’s strategies for taking part in global health governance. Between 2009 and 2016 "
    "Taiwan attended the World Health Assembly as an observer under the name “Chinese Taipei”; it was excluded "
    "afterwards. The COVID-19 pandemic, and the masks Taiwan donated abroad, brought its case back to international "
    "attention. The article argues that a depoliticised, technical framing of health has its limits: technical "
    "participation becomes institutional only with the political support of like-minded states."
)
