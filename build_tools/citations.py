"""Stage: parse the citations in a note (our own code: no library reads Chinese-style notes).

A note holds zero, one or several citations, separated by ；/; or introduced by 轉引自 (the
work quoted second-hand), amid commentary. Each citation is one of:

- a *work*: author(s), a title (《書名》, 〈篇名〉, 「篇名」, “Title,” or a bare book title before
  its "(Place: Publisher, Year)"), and whatever publication data follows: journal, volume and
  number, editor and book of a chapter, place and publisher, a western or 民國 year, pages,
  a URL and its access date;
- a *back-reference*: 同上/同上註/同前註/Ibid. (the previous note), 同註 N (note N), or an
  author with 前揭書/前揭文/前引書/op. cit. (that author's work cited earlier).

Parsing is pure: text in, `Citation`s out, each with the span of the note it covers and the
span a link to the bibliography should wrap (the title, or the back-reference phrase).
Resolving back-references and merging works across notes is `references.py`'s job.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
OPENERS = {"《": "》", "〈": "〉", "「": "」", "“": "”", "（": "）", "(": ")", "『": "』"}
CLOSERS = {close: open_ for open_, close in OPENERS.items()}


@dataclass
class Citation:
    """One citation inside a note."""

    kind: str                     # "work" | "backref"
    start: int                    # span of the note text it covers
    end: int
    link: tuple[int, int]         # span the bibliography link wraps
    entrytype: str = "misc"       # BibTeX type for a work
    authors: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    locator: str = ""             # pages cited (頁 72, pp.23-29)
    ref: tuple = ()               # back-reference: ("previous",) | ("note", "19") | ("author", name, title)
    complete: bool = False        # carries enough to make a bibliography entry (title + year or URL)

    @property
    def title(self) -> str:
        return self.fields.get("title", "")


# --- splitting a note into citation segments --------------------------------------------------

SECOND_HAND = re.compile(r"轉引自[：:]?\s*")
# Words that introduce a citation (請參閱：…, 詳見…, 見 Joseph S. Nye…); 見 only at the start of
# the segment or after punctuation (not 意見, 可見, nor 《見證台灣》).
LEADS = re.compile(r"(?:(?:相關(?:資料|說明)?(?:的代表論述)?)?(?:請|可以|可|另可|另)?(?:參閱|參考|參見|參看)"
                   r"|(?:^|(?<=[，,。；;：:\s]))(?:詳見|另見|見))[：:]?\s*")


def segments(text: str) -> list[tuple[int, int]]:
    """Spans of the note's citation segments: split at top-level ；/; and before 轉引自."""
    cuts, depth, quote = [0], 0, False
    for i, char in enumerate(text):
        if char in "“”":
            quote = char == "“"
        elif char in OPENERS and char not in "“":
            depth += 1
        elif char in CLOSERS and char != "”":
            depth = max(0, depth - 1)
        elif char in "；;" and depth == 0 and not quote:
            cuts += [i, i + 1]
    for match in SECOND_HAND.finditer(text):
        cuts += [match.start(), match.end()]
    # "pp. 3-21. Aaron Friedberg, “…”": two western citations run together with a full stop
    for match in re.finditer(r"(?<=\d)\.\s+(?=[A-Z][a-z]+(?: [A-Z][a-z.]*)* [A-Z][a-z]+, [“\"])", text):
        cuts += [match.start() + 1, match.end()]
    cuts = sorted(set(cuts + [len(text)]))
    spans = []
    for start, end in zip(cuts, cuts[1:]):
        if text[start:end].strip() and not SECOND_HAND.fullmatch(text[start:end]) and text[start:end] not in "；;":
            spans.append((start, end))
    return spans


# --- small field readers ---------------------------------------------------------------------

# A URL runs to the first CJK character or full-width punctuation; the PDF's spaces inside it go.
URL = re.compile(r"https?://[^\s，。、；）)」》<>\u3000-\u9fff\uff01-\uff5e]+(?:\s+(?![(（])[^\s，。、；）)」》<>\u3000-\u9fff\uff01-\uff5e]+)*")
YEAR_WESTERN = re.compile(r"(?<!\d)(1[89]\d\d|20[0-4]\d)(?!\d)")
YEAR_MINGUO = re.compile(r"民國?\s*(\d{2,3})\s*年")
# The day a web page was read: 於 2011 年 5 月 11 日搜尋 (001), 瀏覽日期：2010年6月1日, 檢索日期：…,
# (accessed May 1, 2011).
ACCESS = re.compile(r"於\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*(?:搜尋|檢索|上網|瀏覽|查閱)"
                    r"|[（(]?(?:瀏覽|檢索|查閱|上網|搜尋|下載)(?:日期|時間)\s*[：:]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?[）)]?"
                    r"|[（(]?(?:accessed|retrieved|last visited)(?: on)?\s+([A-Z][a-z]+)\s+(\d{1,2}),\s*(\d{4})[）)]?", re.I)
PAGES_JA = re.compile(r"(?<![\d.])(\d+(?:\s*[-–~]\s*\d+)?)\s*頁")
PAGES_ZH = re.compile(r"頁\s*([\d０-９]+(?:\s*[-–~∼－]\s*[\d０-９]+)?(?:\s*[、,，；]\s*[\d]+(?:\s*[-–]\s*\d+)?)*)")
PAGES_EN = re.compile(r"(?<![A-Za-z])(?:pp?\.\s*|p\s*(?=\d))(\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|and)\s*\d+(?:\s*[-–]\s*\d+)?)*)")
VOLUME_ZH = re.compile(r"第?\s*(\d+)\s*[卷巻]")
NUMBER_ZH = re.compile(r"(?:總)?第?\s*(\d+)\s*(?:期|号|號)")
VOLUME_EN = re.compile(r"Vol\.\s*(\d+)", re.I)
NUMBER_EN = re.compile(r"No\.\s*(\d+)", re.I)
PUBLISHER = re.compile(r"([^（(，,：:；;]{2,30}?)\s*[：:]\s*([^，,：:（()）]{2,60}?)\s*[，,、]\s*(?:民國?|西元|公元)?\s*(\d{2,4})\s*年")
# No place, as Japanese notes print it: （慶應義塾大学出版会、2004年）
PUBLISHER_ONLY = re.compile(r"[（(]\s*([^（()）：:，,、]{2,40}?)\s*[，,、]\s*(?:西元|公元)?\s*(\d{4})\s*年\s*[）)]")
PUBLISHER_EN = re.compile(r"\(([^():]{2,80}?)\s*:\s*([^()]{2,120}?),?\s*(\d{4})\)")


def clean(value: str) -> str:
    """A field value: PDF spacing squeezed, line-break hyphens rejoined, edges trimmed."""
    value = re.sub(r"(?<=[a-z])- (?=[a-z])", "", value)           # Inter- dependence
    value = re.sub(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])", "", value) if CJK.search(value) else value
    value = re.sub(r"\s+", " ", value)
    return value.strip(" ，,。.：:；;")


def rejoin_url(url: str) -> str:
    """A URL the PDF broke over lines or spaced out (http://www.mofa. gov.tw/ newmofa/…)."""
    return re.sub(r"\s+", "", url).rstrip(".。")


def year_of(text: str) -> str:
    """The publication year: a western year, or a 民國 year (民國90年 = 2001)."""
    minguo = YEAR_MINGUO.search(text)
    western = YEAR_WESTERN.search(text)
    if minguo and (not western or minguo.start() < western.start()):
        return str(int(minguo.group(1)) + 1911)
    return western.group(1) if western else ""


HONORIFIC = re.compile(r"(?<=[\u4e00-\u9fff])(?:將軍|上將|教授|博士|先生|女士|總統|主席)$")


def without_honorific(name: str) -> str:
    """A Chinese name without the title printed after it (004 note 46).

    >>> without_honorific("富勒將軍")
    '富勒'
    """
    return HONORIFIC.sub("", name) if len(name) > 3 else name


IN_VOLUME = re.compile(r"^(?:收錄(?:於|在)?|收於|載於?|刊於|見於?|參見|in)\s*[：:]?\s*(?=\S)")


def split_names(names: str) -> list[str]:
    """Authors, editors or translators as printed, one name each; the word that introduces a
    chapter's volume (收錄於, 載於, in) is not part of its editor's name.

    >>> split_names("Tae-Hwan Kwak & Seung-Ho Joo"), split_names("載於趙建民")
    (['Tae-Hwan Kwak', 'Seung-Ho Joo'], ['趙建民'])
    """
    names = IN_VOLUME.sub("", clean(names))
    names = re.sub(r"\s*(?:et al\.?|等)$", "", names)
    parts = re.split(r"\s*(?:、|‧|・|，|,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\s*", names)
    return [without_honorific(part.strip(" .")).replace(NAME_DOT, "‧") for part in parts
            if part.strip(" .") and part.strip(" .").lower() not in ("ibid", "op. cit")]


NAME_DOT = "\ue000"      # a transliterated name's dot, kept from the split between names


def one_transliterated_name(prefix: str) -> str:
    """A foreign name in Chinese characters, its parts joined by a dot, is one person when its
    western form follows in brackets (肯尼斯‧華爾茲（Kenneth N. Waltz）著); the same dot between
    names with no western form separates authors (000: 沈宗瑞‧高少凡‧許湘濤‧陳淑鈴譯).

    >>> read_roles(one_transliterated_name("肯尼斯‧華爾茲（Kenneth N. Waltz）著，"))
    {'author': ['肯尼斯‧華爾茲']}
    >>> split_names("沈宗瑞‧高少凡‧許湘濤‧陳淑鈴")
    ['沈宗瑞', '高少凡', '許湘濤', '陳淑鈴']
    """
    return re.sub(r"[\u4e00-\u9fff]+(?:[‧・·][\u4e00-\u9fff]+)+(?=\s*[（(]\s*[A-Za-z])",
                  lambda m: re.sub("[‧・·]", NAME_DOT, m.group()), prefix)


def others(names: str) -> bool:
    return bool(re.search(r"(?:et al\.?|等)\s*$", clean(names)))


# --- roles before a title: 王振軒， / 郭樹勇譯，羅伯特˙基歐漢(Robert O. Keohane)編， ------------

ROLE = re.compile(r"^(?P<names>.*?)\s*(?P<role>主編|編著|編|等著|著|等譯|譯|(?<![A-Za-z])\(?eds?\.?\)?)?$")


def read_roles(prefix: str) -> dict[str, list[str]]:
    """Names before the title, by role: author, editor, translator. Pieces are comma-separated;
    a western role word (`ed.`) also takes the plain names before it (A, B ed.)."""
    roles: dict[str, list[str]] = {}
    pending: list[str] = []
    inverted = re.fullmatch(r"\s*([A-Z][a-z]+),\s*([A-Z][a-z]+(?: [A-Z]\.)?)\s*", prefix)
    if inverted:                        # Gurtov, Melvin“…”: one name, surname first
        return {"author": [f"{inverted.group(2)} {inverted.group(1)}"]}
    prefix = one_transliterated_name(prefix)
    prefix = re.sub(r"[（(]\s*(?!eds?\.?\s*[）)])[A-Za-z][^）)]*[）)]", "", prefix)   # 羅伯特˙基歐漢( Robert O. Keohane), not (ed.)
    for piece in re.split(r"[，,]", prefix):
        piece = clean(piece)
        match = ROLE.match(piece) if piece else None
        if not match:
            continue
        role, names = match.group("role") or "", match.group("names")
        if not role:
            pending += split_names(names) + (["others"] if others(names) else [])
            continue
        key = "translator" if "譯" in role else "editor" if ("編" in role or "ed" in role) and "著" not in role \
            else "author"
        found = split_names(names) + (["others"] if others(names) or role.startswith("等") else [])
        if "ed" in role and all(not CJK.search(name) for name in pending):
            found, pending = pending + found, []
        roles.setdefault(key, []).extend(found)
    if pending:
        roles.setdefault("author", []).extend(pending)
    return roles


# --- back-references -------------------------------------------------------------------------

PREVIOUS = re.compile(r"^\s*(同上註?|同前註|同前揭?書|同上書|Ibid\.?|ibid\.?)(?=[\s，,、。.p]|$)")
SAME_NOTE = re.compile(r"^\s*(同註\s*(\d+))")
EARLIER = re.compile(r"(前揭書|前揭文|前引書|前引文|op\.\s*cit\.?)")


def back_reference(text: str, offset: int) -> Citation | None:
    """A back-reference segment (同上, 同註 19, 高朗，前揭書), or None."""
    match = PREVIOUS.match(text)
    if match:
        return Citation("backref", offset, offset + len(text), (offset + match.start(1), offset + match.end(1)),
                        ref=("previous",), locator=locator(text))
    match = SAME_NOTE.match(text)
    if match:
        return Citation("backref", offset, offset + len(text), (offset + match.start(1), offset + match.end(1)),
                        ref=("note", match.group(2)), locator=locator(text))
    match = EARLIER.search(text)
    if match:
        before = text[:match.start()]
        title = first_title(before)
        author_part = before[:title[0]] if title else before
        author_part = re.sub(r"(?:主編|編|著|譯)?\s*[，,。.]?\s*$", "", author_part.strip())
        author_part = re.sub(r"^.*[：:]", "", author_part)
        names = split_names(re.sub(r"[（(][^）)]*[）)]", "", author_part).split("，")[0])
        title_text = inner(before, title) if title else ""
        chapter = chapter_in_volume(text, offset, before, title, names, match)
        if chapter is not None:
            return chapter
        return Citation("backref", offset, offset + len(text), (offset + match.start(1), offset + match.end(1)),
                        entrytype="misc" if title and before[title[0]] in "〈「“" else "book",   # its placeholder's type
                        ref=("author", names[0] if names else "", title_text), locator=locator(text),
                        authors=names + (["others"] if others(author_part) else []))
    return None


def chapter_in_volume(text: str, offset: int, before: str, title, names: list[str], match) -> Citation | None:
    """「作者，〈篇名〉，某某主編，前揭書，頁 N」: a chapter of a volume cited earlier; only the
    volume is the back-reference. The chapter is a work of its own (`incollection`, its editor
    named, its volume looked up by `references.py` through `ref = ("volume", editor)`).

    >>> c = chapter_in_volume("朱雲漢，〈全球主義〉，陳璽安主編，前揭書，頁201", 0, "朱雲漢，〈全球主義〉，陳璽安主編，",
    ...                       (4, 10), ["朱雲漢"], re.search("前揭書", "朱雲漢，〈全球主義〉，陳璽安主編，前揭書"))
    >>> c.entrytype, c.authors, c.fields["editor"], c.ref, c.locator
    ('incollection', ['朱雲漢'], '陳璽安', ('volume', '陳璽安'), '201')
    """
    if not title or before[title[0]] not in "〈「“":
        return None
    editor = re.fullmatch(r"\s*[，,]?\s*([^，,〈〉《》]+?)\s*(?:主編|編)\s*[，,]?\s*", before[title[1]:])
    if not editor:
        return None
    citation = Citation("work", offset, offset + len(text), (offset + title[0], offset + title[1]),
                        entrytype="incollection", authors=names, locator=locator(text[match.end():]))
    citation.fields.update(title=inner(before, title), editor=" and ".join(split_names(editor.group(1))),
                           langid="zh-Hant" if CJK.search(before) else "en")
    citation.ref = ("volume", editor.group(1).strip())
    return citation


PART = re.compile(r"[,，)）]\s*(?:the\s+)?(preface to the \w+ edition|preface|foreword|introduction|conclusion|"
                  r"chap(?:ter|\.)\s*\d+|序言|自序|導論|緒論|前言|結論|第[一二三四五六七八九十\d]+章)\s*[。.]?\s*$", re.I)


def locator(text: str) -> str:
    """Pages cited: 頁 72, pp.23-29, or a bare `, 13.` after op. cit./Ibid.; else the part of the
    book the note cites, when it ends the note (002 note 2: …, 2011), preface to the fourth edition).

    >>> locator("Keohane and Nye, op. cit., preface to the fourth edition"), locator("，前揭書，導論。")
    ('preface to the fourth edition', '導論')
    """
    match = PAGES_ZH.search(text) or PAGES_EN.search(text) or PAGES_JA.search(text) or \
        re.search(r"(?:[,，]|[)）]\s*:)\s*(?!(?:1[89]|20)\d\d\.?\s*$)(\d+(?:\s*-\s*\d+)?(?:\s*(?:,|and)\s*\d+)*)\.?\s*$", text)
    if not match:
        part = PART.search(text)
        return part.group(1) if part else ""
    return re.sub(r"\s*(?:,|and)\s*", ", ", re.sub(r"\s*-\s*", "-", match.group(1))).strip()


# --- titles ----------------------------------------------------------------------------------

def closing(text: str, start: int) -> int:
    """Index just past the bracket or quote closing the one at `start` (nesting-aware); a bracket
    the source never closes ends at the next comma."""
    open_, depth = text[start], 0
    close = "”＂" if open_ == "“" else OPENERS[open_]
    for i in range(start, len(text)):
        if text[i] == open_:
            depth += 1
        elif text[i] in close:
            depth -= 1
            if depth == 0:
                return i + 1
    comma = re.search(r"[，,]", text[start:])
    return start + comma.start() if comma else len(text)


def first_title(text: str) -> tuple[int, int] | None:
    """Span of the first bracketed or quoted title (《》〈〉「」“”『』), brackets included."""
    for i, char in enumerate(text):
        if char in "《〈「“『":
            return i, closing(text, i)
    return None


# --- a work ----------------------------------------------------------------------------------

def inner(text: str, span: tuple[int, int]) -> str:
    """A title without its brackets or quotes."""
    end = span[1] - 1 if span[1] - 1 > span[0] and text[span[1] - 1] in "》〉」”＂』" else span[1]
    return clean(text[span[0] + 1:end])


EVIDENCE = re.compile(r"(?:1[89]|20)\d\d|民國?\s*\d|頁|https?://|期|卷|pp?\.|Vol\.|No\.|[：:]\s*\S+出版|ed\.")


# Mainland notes (GB/T 7714) put a colon between the author and the title: 楊潔勉：〈中美關係〉
COLON_AUTHOR = re.compile(r"[\u4e00-\u9fff‧·]{2,8}(?:[、，,][\u4e00-\u9fff‧·]{2,8})*(?:主編|編著|編|等)?\s*[：:]")


def japanese_style(body: str, title: tuple[int, int], prefix: str) -> bool:
    """Japanese notes print the author (or editor with 編) right before the title, with no comma,
    and the journal or the imprint right after it: 高原明生「中国の対外政策」『国際問題』,
    国分良成編『中国政治と東アジア』（慶應義塾大学出版会、2004年）.

    >>> japanese_style("国分良成編『中国政治と東アジア』（慶應義塾大学出版会、2004年）", (5, 16), "国分良成編")
    True
    >>> japanese_style("所謂「軟性權力」是指", (2, 8), "所謂")
    False
    """
    if not re.fullmatch(r"[\u3040-\u30ff\u4e00-\u9fff]{2,10}", prefix):
        return False
    after = body[title[1]:].lstrip()
    return after[:1] in "『《" or re.match(r"[（(][^（）()]*\d{4}\s*年?[^（）()]*[）)]", after) is not None


def looks_cited(body: str, title: tuple[int, int]) -> bool:
    """A bracketed title is a citation, not a word quoted in commentary (「軟性權力」是…), when a
    short name or nothing precedes it and publication data, or at least a name, goes with it; the
    name may end with a colon, as mainland notes print it.

    >>> looks_cited("楊潔勉：〈中美關係〉，《國際問題研究》2004 年第 1 期，頁 5。", (4, 10))
    True
    >>> looks_cited("Ikenberry 指出：「自由秩序」仍在，頁 5。", (14, 20))
    False"""
    prefix = re.split(r"[：:。](?=.)", body[:title[0]])[-1].strip()
    if japanese_style(body, title, prefix) or COLON_AUTHOR.fullmatch(prefix) and body[title[0]] in "《〈":
        return True
    named = prefix == "" or (len(prefix) <= 60 and prefix[-1] in "，,。." and "。" not in prefix[:-1]) or \
        (body[title[0]] == "“" and re.fullmatch(r"[A-Z][A-Za-z.\- ]*, [A-Z][A-Za-z.\- ]*", prefix) is not None)
    if not named:
        return False
    evidence = EVIDENCE.search(body[title[1]:]) is not None
    return evidence or (body[title[0]] in "〈“《" and prefix != "")


def parse_work(text: str, offset: int) -> Citation | None:
    """A citation of a work, from one segment; None for commentary."""
    body = LEADS.split(text)[-1] if LEADS.search(text) and not SPEECH.match(text) else text
    shift = len(text) - len(body)
    dated = author_date(body, offset + shift)
    if dated is not None:
        return dated
    title = first_title(body)
    url = URL.search(body)
    if url is not None and SPEECH.match(body):
        return web_without_title(body, offset + shift, url)
    if title is not None and not looks_cited(body, title):
        return None
    if title is None:
        bare = bare_title(body)
        if bare is None and url is None:
            return untitled_item(body, offset + shift)
        if bare is None:
            return web_without_title(body, offset + shift, url)
        return western_book(body, offset + shift, bare)
    if body[title[0]] == "“":
        return western_quoted(body, offset + shift, title)
    return chinese(body, offset + shift, title)


AUTHOR_DATE = re.compile(r"^\s*(?P<names>[^()（）。，,][^()（）。]{1,120}?)\s*(?:[（(](?P<year>\d{4})[a-z]?[）)]|(?<=\.)\s+(?P<bare>\d{4})[a-z]?)"
                         r"\s*[。.]\s*(?P<rest>\S.*)$")
CHICAGO_NAME = re.compile(r"^([A-Z][A-Za-z'’\-]+),\s*([A-Z][A-Za-z.\s\-]+?)(?:,?\s+and\s+([A-Z][A-Za-z.\s\-]+?))?\.?$")
APA_NAME = re.compile(r"([A-Z][A-Za-z'’\-]+),\s*((?:[A-Z]\.\s*-?\s*)+)")
APA_TITLE = re.compile(r"(.+?(?:[a-z0-9)]{2}|[\u4e00-\u9fff])[.?!。？])\s*(?=\S)")
APA_JOURNAL = re.compile(r"^\s*(?P<journal>[^,，(（]+?)\s*(?:[,，]\s*|\s+(?=\d+\s*(?:[(（][^)）]+[)）])?\s*:))(?P<volume>\d+)\s*"
                         r"(?:[(（](?P<number>[^)）]+)[)）])?\s*[,，:]\s*(?P<pages>\d+\s*[-–]\s*\d+)")
APA_IMPRINT = re.compile(r"^\s*(?P<place>[^:：.。]{2,40}?)\s*[：:]\s*(?P<publisher>[^.。]+)")


def author_date(body: str, offset: int) -> Citation | None:
    """A reference in author-date style (APA): `Keohane, R. O., & Martin, L. L. (1995). Title.
    Journal, 20(1), 39-51.`, `Nye, J. S. (2004). Title. New York: PublicAffairs.`, and the same in
    Chinese, `林碧炤（1997）。《書名》。臺北：五南。`. Its pages are the article's extent.

    >>> c = author_date("Nye, J. S. (2004). Soft power: The means to success. New York: PublicAffairs.", 0)
    >>> c.entrytype, c.authors, c.fields["title"], c.fields["publisher"], c.fields["year"]
    ('book', ['J. S. Nye'], 'Soft power: The means to success', 'PublicAffairs', '2004')
    >>> author_date("江澤民（1997）。十五大報告指出，要高舉旗幟。", 0) is None
    True

    Chicago's author-date reference list prints the year bare, after the name:

    >>> c = author_date("Jervis, Robert. 1978. “Cooperation under the Security Dilemma.” World Politics 30 (2): 167–214.", 0)
    >>> c.authors, c.fields["journal"], c.fields["volume"], c.fields["number"], c.fields["pages"]
    (['Robert Jervis'], 'World Politics', '30', '2', '167--214')
    """
    match = AUTHOR_DATE.match(body)
    if not match:
        return None
    names, rest, start = match.group("names"), match.group("rest"), match.start("rest")
    western = APA_NAME.findall(names)
    chicago = CHICAGO_NAME.match(names.strip()) if match.group("bare") else None
    if match.group("bare") and not chicago:
        return None
    if chicago:
        authors = [f"{chicago.group(2).strip()} {chicago.group(1)}"] + ([chicago.group(3).strip()] if chicago.group(3) else [])
    elif western:
        authors = [f"{given.strip()} {family}" for family, given in western]
    elif CJK.search(names) and len(names) <= 40:
        authors = split_names(names)
    else:
        return None
    title = first_title(rest) if rest[:1] in "《〈「“" else None
    if title is None and not western and not chicago:
        return None                         # 江澤民（1997）。十五大報告指出…: commentary, not a reference
    if title:
        span, after = title, rest[title[1]:].lstrip("。.，, ")
        name = inner(rest, title)
    else:
        cut = APA_TITLE.match(rest)
        if not cut:
            return None
        span, after = (0, len(cut.group(1)) - 1), rest[cut.end():]
        name = clean(cut.group(1))
    citation = Citation("work", offset, offset + len(body), (offset + start + span[0], offset + start + span[1]),
                        entrytype="book", authors=authors)
    citation.fields.update(title=name, year=match.group("year") or match.group("bare"))
    journal = re.match(r"[《『]([^》』]+)[》』]\s*[,，]?\s*(?P<tail>.*)$", after)
    container = APA_JOURNAL.match(journal.group(1) + ", " + journal.group("tail") if journal else after)
    imprint = APA_IMPRINT.match(after)
    if container:
        citation.entrytype = "article"
        citation.fields.update(journal=clean(container.group("journal")), volume=container.group("volume"),
                               pages=re.sub(r"\s*[-–]\s*", "--", container.group("pages")))
        if container.group("number"):
            citation.fields["number"] = container.group("number")
        after = ""
    elif imprint:
        citation.fields["address"], citation.fields["publisher"] = imprints(imprint.group("place"), imprint.group("publisher"))
        after = after[imprint.end():]
    return finish(citation, after)


def prefix_names(body: str, end: int) -> dict[str, list[str]]:
    """Roles named before the title, commentary cut off (…可參閱：高朗，《…》)."""
    prefix = body[:end]
    if COLON_AUTHOR.search(prefix.rstrip()) and re.search(r"[：:]\s*$", prefix):
        prefix = prefix.rstrip(" ：:")                     # 王緝思：《大國戰略》: the colon ends the author
    prefix = re.split(r"[：:]", prefix)[-1]
    stripped = prefix.rstrip(" 。.")
    if "。" in stripped:
        prefix = stripped.split("。")[-1] or stripped
    return read_roles(prefix)


def finish(citation: Citation, rest: str) -> Citation:
    """Fields every style shares: URL, access date, year, pages; and completeness."""
    fields = citation.fields
    url = URL.search(rest)
    if url:
        fields["url"] = rejoin_url(url.group())
    urldate = access_date(rest)
    if urldate:
        fields["urldate"] = urldate
    scan = ACCESS.sub("", URL.sub("", rest))
    if "year" not in fields:
        year = year_of(scan)
        if year:
            fields["year"] = year
    citation.locator = citation.locator or locator(scan)
    if citation.entrytype in ("article", "incollection") and "pages" not in fields and is_extent(citation.locator):
        fields["pages"] = citation.locator.replace("-", "--")
    newspaper(citation, scan)
    if citation.entrytype == "article" and "網" in fields.get("journal", "") and fields.get("url") \
            and "entrysubtype" not in fields:       # 〈篇名〉，《華夏經緯網專稿》，民國 90年 7 月 26 日。http://…
        citation.entrytype = "online"
        fields["organization"] = fields.pop("journal")
    undated_kind = citation.entrytype in ("online", "misc") or (citation.entrytype == "article" and "journal" not in fields)
    if undated_kind and "date" not in fields and re.fullmatch(r"\d{4}-\d\d-\d\d", date_of(scan)):
        fields["date"] = date_of(scan)             # a web page's or a dated item's day (2002年 7 月 27 日)
    edition_of(citation, rest)
    if citation.entrytype in ("book", "misc") and not citation.authors and fields.get("editor"):
        citation.entrytype = "collection"
    fields["langid"] = "zh-Hant" if CJK.search(fields.get("title", "")) else "en"
    if fields.get("url") and not fields.get("year"):
        citation.entrytype = "online"          # an undated web page: its URL identifies it
    citation.complete = bool(fields.get("title") and (fields.get("year") or fields.get("url")))
    return citation


def access_date(text: str) -> str:
    """The day the note's author read a web page, as ISO 8601.

    >>> access_date("，於 2011 年 5 月 11 日搜尋。"), access_date("（瀏覽日期：2010年6月1日）")
    ('2011-05-11', '2010-06-01')
    >>> access_date("(accessed May 1, 2011)")
    '2011-05-01'
    """
    match = ACCESS.search(text)
    if not match:
        return ""
    groups = [g for g in match.groups() if g]
    year, month, day = (groups[2], str(MONTHS.get(groups[0].lower(), 0)), groups[1]) if groups[0].isalpha() else groups
    return f"{year}-{month.zfill(2)}-{day.zfill(2)}" if month != "0" else ""


def is_extent(pages: str) -> bool:
    """A range of five pages or more cited for an article or chapter is its extent (pp. 67-87), a
    shorter one the page the note cites (頁 38-39); either stays the citation's locator.

    >>> is_extent("67-87"), is_extent("38-39"), is_extent("47")
    (True, False, False)
    """
    match = re.fullmatch(r"(\d+)-(\d+)", pages.replace("--", "-"))
    return bool(match) and int(match.group(2)) - int(match.group(1)) >= 5


MONTHS = {name: i for i, name in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                            "august", "september", "october", "november", "december"], 1)}
DATE_ZH = re.compile(r"(?:民國?\s*(\d{2,3})|(\d{4}))\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*(?:日|(?=[，,。；;）)]|\s*$)))?")
DATE_NUMERIC = re.compile(r"(?<![\d./-])((?:19|20)\d\d)([./])(\d{1,2})\2(\d{1,2})(?![\d./])")
DATE_EN = re.compile(r"(" + "|".join(m.capitalize() for m in MONTHS) + r")\s+(\d{1,2}),\s*(\d{4})")
UNTITLED = "〔未具篇名〕"        # the editors' placeholder for a news item the note cites without a title
NEWS_PAGE = re.compile(r"版\s*([A-Z]?\d+)|([A-Z]?\d+)\s*版")
NEWSPAPER = re.compile(r"(?:[時日晚]報|聯合報|新聞網?|電子報|[中新]\S{0,2}社|每日|Times|Post|Herald)$")


def date_of(text: str) -> str:
    """A full date as ISO 8601 (民國 91年 2 月 26 日 → 2002-02-26; October 25, 2011 → 2011-10-25).

    >>> date_of("《中國時報》，民國 91年 2 月 26 日，版 15"), date_of("The New York Times, October 25, 2011.")
    ('2002-02-26', '2011-10-25')

    The day printed without 日 before a comma (001: 2011 年 01 月 30，), or in figures (2009.07.23):

    >>> date_of("新華網，2011 年 01 月 30，http://…"), date_of("“Remarks at the ASEAN Regional Forum”, 2009.07.23。")
    ('2011-01-30', '2009-07-23')
    """
    numeric = DATE_NUMERIC.search(text)
    if numeric and 1 <= int(numeric.group(3)) <= 12 and 1 <= int(numeric.group(4)) <= 31:
        return f"{numeric.group(1)}-{int(numeric.group(3)):02d}-{int(numeric.group(4)):02d}"
    match = DATE_ZH.search(text)
    if match:
        year = int(match.group(1)) + 1911 if match.group(1) else int(match.group(2))
        day = f"-{int(match.group(4)):02d}" if match.group(4) else ""
        return f"{year}-{int(match.group(3)):02d}{day}"
    match = DATE_EN.search(text)
    if match:
        return f"{match.group(3)}-{MONTHS[match.group(1).lower()]:02d}-{int(match.group(2)):02d}"
    return ""


def newspaper(citation: Citation, rest: str) -> None:
    """A newspaper or wire item (〈篇名〉，《中國時報》，2001年 11 月 8 日，版 15): typed
    `entrysubtype = newspaper`, with its full date and its page (版). A wire service or paper named
    where an author stands (中央社，〈篇名〉，2004 年 12 月 1 日) is the item's paper, not its author.

    >>> c = parse_note("中央社，〈美國務院：對台政策不變〉，2004 年 12 月 1 日。")[0]
    >>> c.entrytype, c.authors, c.fields["journal"], c.fields["date"]
    ('article', [], '中央社', '2004-12-01')
    """
    fields = citation.fields
    paper = fields.get("journal") or fields.get("organization", "")
    if not paper and len(citation.authors) == 1 and NEWSPAPER.search(citation.authors[0]) \
            and citation.entrytype in ("article", "misc") and date_of(rest):
        paper = fields["journal"] = citation.authors.pop()
    if citation.entrytype == "misc" and not citation.authors and NEWSPAPER.search(fields.get("title", "")):
        paper = fields.pop("title")            # 《中國時報》，民國 91年 2 月 26 日，版 15: an untitled item
    if not NEWSPAPER.search(paper) or citation.entrytype not in ("article", "online", "misc"):
        return
    date = date_of(rest)
    if not date:
        return
    citation.entrytype = "article"
    fields["journal"] = paper
    fields.setdefault("title", UNTITLED)
    fields.pop("organization", None)
    fields["entrysubtype"] = "newspaper"
    fields["date"] = date
    fields["year"] = date[:4]
    page = NEWS_PAGE.search(rest)
    if page:
        fields["pages"] = page.group(1) or page.group(2)


def edition_of(citation: Citation, rest: str) -> None:
    """The edition a book citation names: 2nd ed., 第二版, preface to the fourth edition.

    >>> c = Citation("work", 0, 0, (0, 0), entrytype="book"); edition_of(c, "，第二版（上海：…）"); c.fields
    {'edition': '2'}
    >>> edition_of(c, "，三版（台北：五南，2002年）"); c.fields
    {'edition': '3'}
    """
    if citation.entrytype not in ("book", "collection", "incollection"):
        return
    words = {"二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "再": 2, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
    match = re.search(r"(\d+)(?:st|nd|rd|th) ed(?:ition|\.)|第([二三四五六])版|(?:^|[，,、(（\s])([二三四五六再])版(?!社)"
                      r"|(second|third|fourth|fifth) edition", rest, re.I)
    if match:
        value = match.group(1) or words[(match.group(2) or match.group(3) or match.group(4)).lower()]
        citation.fields["edition"] = str(value)


def chinese(body: str, offset: int, title: tuple[int, int]) -> Citation:
    """《書名》, 〈篇名〉《期刊》, 「篇名」，期刊，第 N 卷第 N 期 (001 prints no 《》), chapters in 編《書》."""
    roles = prefix_names(body, title[0])
    name = inner(body, title)
    rest = body[title[1]:]
    citation = Citation("work", offset, offset + len(body), (offset + title[0], offset + title[1]))
    citation.authors = roles.get("author", [])
    fields = citation.fields
    fields["title"] = name
    bracket = body[title[0]]
    second = first_title(rest)
    after = [clean(part) for part in re.split(r"[，,]", rest) if clean(part)]
    degree = re.search(r"([\u4e00-\u9fff]{2}大學)(碩士|博士)論文$", name)
    if bracket in "《" and degree:            # 《…建構中正大學碩士論文，2000年: the source never closes the title
        citation.entrytype = "mastersthesis" if degree.group(2) == "碩士" else "phdthesis"
        fields["title"] = name[:degree.start()]
        fields["school"] = degree.group(1)
    elif bracket in "《『" and not roles.get("author") and roles.get("editor"):
        citation.entrytype = "book"
    elif bracket in "《『":
        citation.entrytype = "book"
        if not PUBLISHER.search(rest) and URL.search(rest):
            citation.entrytype = "online"    # 《2008 年中國的國防》白皮書，中國網，…，http://… (signed or not)
            site = [part for part in after if SITE.search(part)]
            if site:
                citation.fields["organization"] = site[0]
        elif not roles and not PUBLISHER.search(rest) and re.search(r"月\s*\d+\s*日", rest):
            citation.entrytype = "misc"      # 《中國時報》，民國 91年 2 月 26 日，版 15: a dated issue
    else:
        citation.entrytype = "article"
        container = None
        chapter = re.search(r"(?:收錄(?:於)?\s*[：:]?\s*|[，,]\s*)([^，,（(]*?(?:主編|編))?[，,]?\s*(?=《)", rest) if second else None
        if second and is_conference(rest, second):
            citation.entrytype = "inproceedings"    # 〈篇名〉，發表於「…學術研討會」（台北：主辦單位，2003年5月10日）
            fields["booktitle"] = inner(rest, second)
        elif second and (re.search(r"收錄|主編|編", rest[:second[0]]) or re.search(r"主編|編", rest[second[1]:second[1] + 12])):
            citation.entrytype = "incollection"
            fields["booktitle"] = inner(rest, second)
            editors = re.findall(r"([^，,（(：:《》]+?)\s*(?:主編|編)", rest)
            if editors:
                fields["editor"] = " and ".join(split_names(editors[0]))
            container = rest[second[1]:]
        elif second:
            fields["journal"] = inner(rest, second)
            container = rest[second[1]:]
        else:
            editor = re.match(r"\s*[，,]\s*([^，,（(]+?)\s*(?:主編|編)\s*[，,]\s*([^，,（(]+)", rest)
            if editor:                     # 001: 「篇名」，潘忠岐編，多邊治理與國際秩序（上海：…）
                citation.entrytype = "incollection"
                fields["editor"] = " and ".join(split_names(editor.group(1)))
                fields["booktitle"] = clean(editor.group(2))
                container = rest[editor.end():]
            elif after:
                journal = re.sub(r"^(?:錄自(?:於)?|參閱)[：:]?\s*", "", clean(URL.sub("", after[0])))
                online = re.search(r"網|社|報|BBC|Times", journal) and not re.search(r"卷|期", rest) and URL.search(rest)
                if online:
                    citation.entrytype = "online"
                    fields["organization"] = journal
                elif journal and not re.match(r"^(?:\d|民國|頁|http)", journal) and not re.search(r"碩士|博士", journal):
                    fields["journal"] = re.sub(r"[（(](?![^（()）]*版[）)]).*$", "", journal)   # 學報（社會科學版）
                container = rest
        if container is not None:
            minguo = re.search(r"期\s*[(（](\d{2,3})[)）]", container)   # 第 34 卷第 1 期(84): 民國84年
            if minguo:
                fields["year"] = str(int(minguo.group(1)) + 1911)
            volume, number = VOLUME_ZH.search(container[:40]), NUMBER_ZH.search(container[:40])
            if volume:
                fields["volume"] = volume.group(1)
            if number:
                fields["number"] = number.group(1)
    thesis = THESIS.search(rest) if "school" not in fields else None
    if thesis:                              # 「篇名」，…碩士論文（2004 年）; 《書名》（台北：…研究所博士論文，2008年）
        citation.entrytype = "mastersthesis" if "碩士" in thesis.group(1) else "phdthesis"
        fields.pop("journal", None)
        fields["school"] = clean(re.sub(r"(?:碩士|博士)(?:學位)?論文$", "", thesis.group(1)))
    if citation.entrytype in ("book", "incollection", "inproceedings"):
        publisher(rest, fields)
    if citation.entrytype == "inproceedings" and "publisher" in fields:
        fields["organization"] = fields.pop("publisher")      # the conference's host
    translators = re.search(r"([^，,。（(：:《》]+?)\s*(?:等)?譯", rest)
    if translators and "translator" not in roles:
        roles["translator"] = split_names(translators.group(1))
    if roles.get("translator"):
        fields["translator"] = " and ".join(roles["translator"])
    if roles.get("editor") and "editor" not in fields:
        fields["editor"] = " and ".join(roles["editor"])
    if URL.search(rest) and citation.entrytype == "article" and "journal" not in fields:
        citation.entrytype = "online"
    if citation.entrytype == "online" and fields.get("journal") and not fields.get("organization"):
        fields["organization"] = fields.pop("journal")      # 〈篇名〉，《全球論壇首頁》。http://…
    return finish(citation, rest)


THESIS = re.compile(r"([^，,「」〈〉（(：:]*?(?:大學|學院|所)[^，,（(]*?(?:碩士|博士)(?:學位)?論文)")
CONFERENCE = re.compile(r"研討會|學術會議|年會|論壇.{0,4}論文|Conference|Symposium|Workshop|Convention|Annual Meeting")


def is_conference(rest: str, second: tuple[int, int]) -> bool:
    """A paper given at a conference: the second title names one (…學術研討會, Annual Meeting), or
    the note says it was presented there (發表於「…」).

    >>> is_conference("，發表於「第三屆國際關係學術研討會」（台北）", (5, 19)), is_conference("，《東北亞論壇》，第 13 卷", (1, 7))
    (True, False)
    """
    return bool(CONFERENCE.search(rest[second[0]:second[1]]) or re.search(r"(?:發表|宣讀|提交)(?:於|在)\s*$", rest[:second[0]]))


def imprint_name(value: str) -> str:
    """A publisher without the verb printed after it (…國家藍圖委員會出版, 國防部印頒).

    >>> imprint_name("國防部印頒"), imprint_name("麥田出版社")
    ('國防部', '麥田出版社')
    """
    return re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:出版|印頒|印行|發行)$", "", clean(value))


def publisher(rest: str, fields: dict) -> None:
    """Place and publisher: （台北：五南圖書出版公司，1994年）, 台中：必中出版社，2003年; a
    publisher without its place, as Japanese notes print it: （有斐閣、1999年）."""
    match = PUBLISHER.search(rest)
    alone = PUBLISHER_ONLY.search(rest) if not match else None
    if alone and not re.search(r"碩士|博士|論文", alone.group(1)):
        fields["publisher"] = imprint_name(alone.group(1))
        fields["year"] = alone.group(2)
    if match:
        place = re.split(r"[，。]", clean(match.group(1)))[-1]
        fields["address"] = re.sub(r"^[（(]", "", place)
        fields["publisher"] = imprint_name(match.group(2))
        year = int(match.group(3))
        fields["year"] = str(year + 1911 if year < 200 else year)


# --- western styles --------------------------------------------------------------------------

def western_quoted(body: str, offset: int, title: tuple[int, int]) -> Citation:
    """Author, “Title,” Journal, Vol.N, No.N (Date), pp. — or “Title,” in Eds. (eds.), Book (Place: Pub, Year)."""
    roles = prefix_names(body, title[0])
    citation = Citation("work", offset, offset + len(body), (offset + title[0], offset + title[1]),
                        entrytype="article")
    citation.authors = roles.get("author", [])
    fields = citation.fields
    fields["title"] = inner(body, title)
    rest = body[title[1]:]
    chapter = re.match(r"\s*[,，]?\s*in\s+(.+?)\s*,?\s*(?:\(eds?\.\)|eds?\.)\s*,?\s*([^(]+?)(?=\s*\(|,\s*pp?\.|$)", rest)
    if chapter:
        citation.entrytype = "incollection"
        fields["editor"] = " and ".join(split_names(chapter.group(1)) + (["others"] if others(chapter.group(1)) else []))
        fields["booktitle"] = clean(chapter.group(2))
        publisher_en(rest[chapter.end():], fields)
    else:
        journal = re.match(r"\s*[,，]?\s*([^,，(]+?)\s*(?=,|\(|，|$)", rest)
        if journal and not re.match(r"(?:Vol|No|pp?\.|\d)", journal.group(1)):
            fields["journal"] = clean(journal.group(1))
            chicago = re.fullmatch(r"(.+?)\s+(\d+)", fields["journal"])
            if chicago:                    # International Studies Quarterly 32, no. 4 (1988): 379-396
                fields["journal"], fields["volume"] = chicago.groups()
        volume, number = VOLUME_EN.search(rest), NUMBER_EN.search(rest)
        if volume:
            fields["volume"] = volume.group(1)
        if number:
            fields["number"] = number.group(1)
        if "journal" not in fields and URL.search(rest):
            citation.entrytype = "online"
        elif URL.search(rest) and not (volume or number or PAGES_EN.search(rest)) and not NEWSPAPER.search(fields["journal"]):
            citation.entrytype = "online"           # “Title,” Project Syndicate, March 8, 2010, http://…
            fields["organization"] = fields.pop("journal")
    return finish(citation, rest)


# Before a bare title: the author piece, then pieces ending in a role (譯, 著, 編, ed.).
ROLE_PIECES = r"(?:[^,，]*?(?:譯|著|編|eds?\.)\s*[,，]\s*|[^,，]+[,，]\s*eds?\.\s*[,，]\s*)*"


def bare_title(body: str) -> tuple[int, int] | None:
    """A western book title printed without quotes: after `Author, ` and before `(Place: Publisher, Year)`,
    or 001's Chinese book title before （北京：人民出版社，2003 年）."""
    match = re.search(r"^(?:[^,，]+?)[,，]\s*" + ROLE_PIECES +
                      r"(?:ibid\.,\s*)?((?:[^,，(（]|[(（][^()（）：:]*[)）])+?(?:[,，][^,，(（]+?)*?)\s*[.]?\s*(?:\d(?:nd|rd|th) ed\.)?\s*"
                      r"[(（][^()（）]*(?:[：:]|[A-Z][^()（）]*,\s*)[^()（）]*\d{4}", body)
    if match:
        return match.start(1), match.end(1)
    match = re.search(r"^[^,，]+?,\s*([A-Z][^,，(]+?),\s*[A-Z][A-Za-z .]+:\s*[^,，:]+,\s*\d{4}\.?\s*$", body)
    if match:                          # …, The Military Balance 2001/2002, London: Oxford University Press, 2001.
        return match.start(1), match.end(1)
    match = re.search(r"^[^,，]+?[,，]\s*([A-Z][^,，(]+?)[,，]\s*(?:pp?\.|\d)", body)
    if match:                          # Ikenberry, Liberal Leviathan, pp.132-137 (a short title)
        return match.start(1), match.end(1)
    match = re.search(r"^[^,，「」]+?[，,]\s*" + ROLE_PIECES + r"([^，,（(]{4,}?)[，,]\s*(?:第.版[，,]\s*)?頁", body)
    if match and CJK.search(match.group(1)):   # 徐能武，國際安全機制：理論與分析，頁 48-49
        return match.start(1), match.end(1)
    return None


UNTITLED_NEWS = re.compile(r"^\s*(?:(?P<what>[^，,。]*?(?:的)?(?:談話|報導|專訪|社論))[，,]\s*)?(?P<paper>[^，,。：:]{2,12}?)[，,]\s*"
                           r"(?P<date>(?:民國\s*)?\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[。.]?\s*$")
REPORT = re.compile(r"^\s*[，,]?\s*(?P<org>[^，,。]{2,12}?(?:部|院|會|局|署|所))[，,]\s*(?P<title>[^，,。]*?(?:報告書?|白皮書))"
                    r"[，,]\s*(?P<date>\d{4}\s*年(?:\s*\d{1,2}\s*月)?)[。.]?\s*$")


YEARBOOK = re.compile(r"^\s*(?P<title>[A-Z][A-Za-z ]+?)\s+(?P<edition>\d{4}/\d{4})\s+edition\.?\s*$")


def untitled_item(body: str, offset: int) -> Citation | None:
    """A dated news item the note names only by its paper (韓國中央日報，2003 年 4 月 26 日；
    新華社，2011年 10月 23日), or a report by an institution (美國國防部，2002 中共軍力報告，2002年 7 月).

    >>> [c.fields["journal"] for c in [untitled_item("韓國中央日報，2003 年 4 月 26 日。", 0)]]
    ['韓國中央日報']
    >>> untitled_item("，美國國防部，2002 中共軍力報告，2002年 7 月。", 0).fields["title"]
    '2002 中共軍力報告'
    """
    yearbook = YEARBOOK.match(body)
    if yearbook:                              # Yearbook of International Organizations 2000/2001 edition
        citation = Citation("work", offset, offset + len(body), (offset + yearbook.start("title"), offset + yearbook.end("edition")),
                            entrytype="book")               # unsigned: biblatex's @manual
        citation.fields.update(title=yearbook.group("title").strip(), edition=yearbook.group("edition"), langid="en")
        citation.fields["title"] = re.sub(r"\borganizations\b", "Organizations", citation.fields["title"])
        return finish(citation, "")
    news = UNTITLED_NEWS.match(body)
    if news and NEWSPAPER.search(news.group("paper").strip()):
        citation = Citation("work", offset, offset + len(body), (offset + news.start("paper"), offset + news.end("paper")),
                            entrytype="article")
        citation.fields["journal"] = news.group("paper").strip()
        if news.group("what"):
            citation.fields["title"] = clean(news.group("what"))
        return finish(citation, body)
    report = REPORT.match(body)
    if report:
        citation = Citation("work", offset, offset + len(body), (offset + report.start("title"), offset + report.end("title")),
                            entrytype="report", authors=[report.group("org").strip()])
        citation.fields.update(title=" ".join(report.group("title").split()), institution=report.group("org").strip(),
                               type="報告", date=date_of(report.group("date")) or "")
        citation.fields["year"] = report.group("date")[:4]
        if not citation.fields["date"]:
            del citation.fields["date"]
        return finish(citation, body.replace(report.group("title"), " " * len(report.group("title"))))
    return None


def western_book(body: str, offset: int, span: tuple[int, int]) -> Citation:
    """Author, Title (Place: Publisher, Year), pp. — also a short title repeat, and 001's 作者，書名（地：出版社，年）."""
    roles = read_roles(re.split(r"[：:]", body[:span[0]])[-1])
    span = (span[0], span[0] + len(body[span[0]:span[1]].rstrip(" ,，.")))
    citation = Citation("work", offset, offset + len(body), (offset + span[0], offset + span[1]), entrytype="book")
    citation.authors = roles.get("author", [])
    if roles.get("editor"):
        citation.fields["editor"] = " and ".join(roles["editor"])
    if roles.get("translator"):
        citation.fields["translator"] = " and ".join(roles["translator"])
    title = body[span[0]:span[1]]
    edition = re.search(r"[,.]?\s*(\d)(?:nd|rd|th) ed\.?$|[，,]\s*第(.)版$", title)
    if edition:
        title = title[:edition.start()]
        citation.fields["edition"] = edition.group(1) or str("一二三四五".index(edition.group(2)) + 1)
    citation.fields["title"] = clean(re.sub(r"^ibid\.,\s*", "", title))
    rest = body[span[1]:]
    if not publisher_en(rest, citation.fields):
        publisher(rest, citation.fields)
    return finish(citation, rest)


def publisher_en(rest: str, fields: dict) -> bool:
    match = PUBLISHER_EN.search(rest) or re.search(r"[（(]([^（）():：]{2,80}?)\s*[：:]\s*([^（）()]{2,120}?)[，,]\s*(\d{4})\s*年?\s*[）)]", rest)
    if not match:
        match = re.search(r"^\s*,\s*([A-Z][A-Za-z .]+):\s*([^,，:]+),\s*(\d{4})\.?\s*$", rest)
    if not match:
        alone = re.search(r"[（(]\s*([A-Z][^（）():：]{2,80}?),\s*(\d{4})\s*[）)]", rest)   # (Harvard University Press, 1977)
        if alone:
            fields["publisher"], fields["year"] = clean(alone.group(1)), alone.group(2)
            return True
        return False
    fields["address"], fields["publisher"] = imprints(match.group(1), match.group(2))
    fields["year"] = match.group(3)
    return True


def with_abbreviation(raw: str) -> str:
    """A place or publisher cleaned, the full stop of a closing abbreviation kept (Mass., D.C., Inc.).

    >>> with_abbreviation("Reading, Mass."), with_abbreviation("Santa Monica, Calif."), with_abbreviation("Washington, D.C. ")
    ('Reading, Mass.', 'Santa Monica, Calif.', 'Washington, D.C.')
    >>> with_abbreviation("Routledge."), with_abbreviation("Princeton, Princeton University Press.")
    ('Routledge', 'Princeton, Princeton University Press')
    """
    value = clean(raw)
    abbreviated = re.search(r"(?:\b[A-Z][a-z]{0,3}|,\s*[A-Z][a-z]{0,4}|(?:\b[A-Z]\.)+[A-Z]|\b(?:Inc|Ltd|Co|Corp))\.\s*$",
                            raw.strip())
    return value + "." if abbreviated and not value.endswith(".") else value


def imprints(places: str, rest: str) -> tuple[str, str]:
    """(address, publisher) of an imprint; several places or co-publishers are kept, joined with
    "; " as Zotero and CSL write them. A second place may come before the publisher with a colon
    (001: London: New York: Routledge) or a second imprint after a semicolon.

    >>> imprints("London", "New York: Routledge")
    ('London; New York', 'Routledge')
    >>> imprints("Berkeley", "University of California Press; London: Eurospan")
    ('Berkeley; London', 'University of California Press; Eurospan')
    """
    found_places, publishers = [with_abbreviation(places)], []
    for i, part in enumerate(re.split(r"\s*;\s*", rest)):
        *where, who = re.split(r"\s*:\s*", part)
        if i == 0 and where:
            found_places += [with_abbreviation(w) for w in where]
        elif where:
            found_places.append(with_abbreviation(":".join(where)))
        publishers.append(with_abbreviation(who))
    return "; ".join(p for p in found_places if p), "; ".join(p for p in publishers if p)


SITE = re.compile(r"(?:社|網|網站|報|電子報|新聞網|部|中心)$")


SPEECH = re.compile(r"^([\u4e00-\u9fff]{2,4})在(「[^」]+」的(?:致詞|演說|講話|談話))[，,]\s*(?:參閱)?([^：:，,]+?)[：:]")


def web_without_title(body: str, offset: int, url: re.Match) -> Citation:
    """A URL after a description: `中日韓合作（1999-2012）白皮書，中華人民共和國外交部，http://…`,
    `江澤民，十六大報告，新華網，…`, `National Intelligence Council, Global Trends 2025: …, http://…`."""
    description = body[:url.start()]
    speech = SPEECH.match(description)
    if speech:                              # 陳水扁在「…酒會」的致詞，參閱大紀元網站：2002 年 1 月 10 日。
        citation = Citation("work", offset, offset + len(body), (offset + speech.start(2), offset + speech.end(2)),
                            entrytype="online", authors=[speech.group(1)])
        citation.fields.update(title=clean(speech.group(2)), organization=clean(speech.group(3)))
        date = date_of(body)
        if date:
            citation.fields["date"], citation.fields["year"] = date, date[:4]
        return finish(citation, body)
    parts = [clean(part) for part in re.split(r"[，,。]", re.sub(r"^.*[：:](?=\s*\d)", "", description))
             if clean(part)]
    parts = [part for part in parts if not re.match(r"^(?:民國)?\s*\d", part)]       # dates
    citation = Citation("work", offset, offset + len(body),
                        (offset, offset + len(description.rstrip(" ，,。"))), entrytype="online")
    person = parts and len(parts) >= 2 and (
        re.fullmatch(r"[\u4e00-\u9fff]{2,4}", parts[0]) and not SITE.search(parts[0])
        or (not CJK.search(parts[0]) and not CJK.search(parts[1])))
    if person:
        citation.authors = [parts[0]]        # 江澤民; National Intelligence Council (braced in the bib)
        parts = parts[1:]
    titles = [part for part in parts if not SITE.search(part)]
    sites = [part for part in parts if SITE.search(part)]
    if titles:
        citation.fields["title"] = titles[0]
    if sites and "organization" not in citation.fields:
        citation.fields["organization"] = re.sub(r"^(?:錄自(?:於)?|參閱)[：:]?", "", sites[0])
    if titles:                              # Global Trends 2025: its year is not the title's number
        body = body.replace(titles[0], " " * len(titles[0]), 1) if titles[0] in body else body
    return finish(citation, body)


# --- a note ----------------------------------------------------------------------------------

def normalise(text: str) -> str:
    """Same length as the note (spans stay valid): `Nye,Jr.` and a stray `ibid.,` after the
    authors would otherwise read as the start of the title; straight quotes around a title read
    as curly ones.

    >>> normalise('Alastair Iain Johnston, "Is China a Status Quo Power?" International Security')
    'Alastair Iain Johnston, “Is China a Status Quo Power?” International Security'
    """
    text = re.sub(r'(?<![\w"])"([^"\n]{3,}?)"(?![\w"])', r"“\1”", text)    # "Is China a Status Quo Power?"
    text = re.sub(r",(?=\s?Jr\.)", " ", text)                                  # Joseph S. Nye, Jr., Bound to Lead
    text = re.sub(r"(?<=Jr\.) (?=[A-Za-z])", ",", text)                        # Nye,Jr. Power and…
    text = re.sub(r"(?<=[，,])[，,]", " ", text)                                # 東亞和平與安全，，頁
    text = re.sub(r"(\b[A-Z]\. [A-Z][a-z]+),(?= and [A-Z])", r"\1 ", text)      # Robert O. Keohane, and Joseph
    return re.sub(r"(?<=\S, )ibid\.,(?= )", lambda m: " " * len(m.group()), text)


MORE_PAGES = re.compile(r"\s*(\d+(?:\s*[-–]\s*\d+)?(?:\s*[,、，]\s*\d+(?:\s*[-–]\s*\d+)?)*)\s*[。.]?\s*$")


def more_pages(citation: Citation, piece: str, end: int) -> bool:
    """A segment that is only page numbers continues the locator before it (001: 頁 1-7；13, the
    pages cited are 1-7 and 13); a list of pages is a locator, never an article's extent.

    >>> c = parse_note("朱鋒，「六方會談的制度建設」，現代國際關係，2007 年 3 期（2007 年），頁 1-7；13。")[0]
    >>> c.locator, "pages" in c.fields
    ('1-7, 13', False)
    """
    match = MORE_PAGES.fullmatch(piece)
    if not match or not citation.locator:
        return False
    if citation.fields.get("pages") == citation.locator.replace("-", "--"):
        del citation.fields["pages"]
    citation.locator += ", " + re.sub(r"\s*[,、，]\s*", ", ", re.sub(r"\s*[-–]\s*", "-", match.group(1)))
    citation.end = end
    return True


def parse_note(text: str) -> list[Citation]:
    """Every citation of a note, in order."""
    text = normalise(unicodedata.normalize("NFC", text))
    found = []
    for start, end in segments(text):
        piece = text[start:end]
        lead = LEADS.search(piece)
        if lead and not SPEECH.match(piece):                                  # …請參閱 Robert O. Keohane…: the citation follows
            start += lead.end()
            piece = text[start:end]
        if found and more_pages(found[-1], piece, end):
            continue
        citation = back_reference(piece, start) or parse_work(piece, start)
        if citation is None:
            continue
        if citation.kind == "work" and not citation.authors and found and found[-1].kind == "work" \
                and text[start:citation.link[0]].strip(" ;；") == "":
            citation.authors = list(found[-1].authors)   # …, pp.17-47; “Liberal Internationalism 3.0…”: same author
        found.append(citation)
    return found
