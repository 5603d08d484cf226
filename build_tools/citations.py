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
LEADS = re.compile(r"(?:相關(?:資料|說明)?(?:的代表論述)?)?(?:請|可以|可|另可|另)?(?:參閱|參考|參見)[：:]?\s*")


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
URL = re.compile(r"https?://[^\s，。、；）)」》\u3000-\u9fff\uff01-\uff5e]+(?:\s+[^\s，。、；）)」》\u3000-\u9fff\uff01-\uff5e]+)*")
YEAR_WESTERN = re.compile(r"(?<!\d)(1[89]\d\d|20[0-4]\d)(?!\d)")
YEAR_MINGUO = re.compile(r"民國?\s*(\d{2,3})\s*年")
ACCESS = re.compile(r"於\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*(?:搜尋|檢索|上網|瀏覽)")
PAGES_ZH = re.compile(r"頁\s*([\d０-９]+(?:\s*[-–~∼－]\s*[\d０-９]+)?(?:\s*[、,，；]\s*[\d]+(?:\s*[-–]\s*\d+)?)*)")
PAGES_EN = re.compile(r"(?<![A-Za-z])(?:pp?\.\s*|p(?=\d))(\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|and)\s*\d+(?:\s*[-–]\s*\d+)?)*)")
VOLUME_ZH = re.compile(r"第?\s*(\d+)\s*卷")
NUMBER_ZH = re.compile(r"(?:總)?第?\s*(\d+)\s*期")
VOLUME_EN = re.compile(r"Vol\.\s*(\d+)", re.I)
NUMBER_EN = re.compile(r"No\.\s*(\d+)", re.I)
PUBLISHER = re.compile(r"([^（(，,：:；;]{2,30}?)\s*[：:]\s*([^，,：:（()）]{2,60}?)\s*[，,]\s*(?:民國?\s*)?(\d{2,4})\s*年")
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


def split_names(names: str) -> list[str]:
    """Authors, editors or translators as printed, one name each."""
    names = clean(names)
    names = re.sub(r"\s*(?:et al\.?|等)$", "", names)
    parts = re.split(r"\s*(?:、|‧|・|，|,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\s*", names)
    return [part.strip(" .") for part in parts if part.strip(" .")]


def others(names: str) -> bool:
    return bool(re.search(r"(?:et al\.?|等)\s*$", clean(names)))


# --- roles before a title: 王振軒， / 郭樹勇譯，羅伯特˙基歐漢(Robert O. Keohane)編， ------------

ROLE = re.compile(r"^(?P<names>.*?)\s*(?P<role>主編|編著|編|等著|著|等譯|譯|\(?eds?\.\)?)?$")


def read_roles(prefix: str) -> dict[str, list[str]]:
    """Names before the title, by role: author, editor, translator. Pieces are comma-separated;
    a western role word (`ed.`) also takes the plain names before it (A, B ed.)."""
    roles: dict[str, list[str]] = {}
    pending: list[str] = []
    prefix = re.sub(r"[（(]\s*[A-Za-z][^）)]*[）)]", "", prefix)      # 羅伯特˙基歐漢( Robert O. Keohane)
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

PREVIOUS = re.compile(r"^\s*(同上註?|同前註|Ibid\.?|ibid\.?)(?=[\s，,。.p]|$)")
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
        return Citation("backref", offset, offset + len(text), (offset + match.start(1), offset + match.end(1)),
                        ref=("author", names[0] if names else "", title_text), locator=locator(text))
    return None


def locator(text: str) -> str:
    """Pages cited: 頁 72, pp.23-29, or a bare `, 13.` after op. cit./Ibid."""
    match = PAGES_ZH.search(text) or PAGES_EN.search(text) or re.search(r"[,，]\s*(\d+(?:\s*-\s*\d+)?)\.?\s*$", text)
    return re.sub(r"\s+", "", match.group(1)) if match else ""


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


def looks_cited(body: str, title: tuple[int, int]) -> bool:
    """A bracketed title is a citation, not a word quoted in commentary (「軟性權力」是…), when a
    short name or nothing precedes it and publication data, or at least a name, goes with it."""
    prefix = re.split(r"[：:。](?=.)", body[:title[0]])[-1].strip()
    named = prefix == "" or (len(prefix) <= 60 and prefix[-1] in "，,。." and "。" not in prefix[:-1])
    if not named:
        return False
    evidence = EVIDENCE.search(body[title[1]:]) is not None
    return evidence or (body[title[0]] in "〈“《" and prefix != "")


def parse_work(text: str, offset: int) -> Citation | None:
    """A citation of a work, from one segment; None for commentary."""
    body = LEADS.split(text)[-1] if LEADS.search(text) else text
    shift = len(text) - len(body)
    title = first_title(body)
    url = URL.search(body)
    if title is not None and not looks_cited(body, title):
        return None
    if title is None:
        bare = bare_title(body)
        if bare is None and url is None:
            return None
        if bare is None:
            return web_without_title(body, offset + shift, url)
        return western_book(body, offset + shift, bare)
    if body[title[0]] == "“":
        return western_quoted(body, offset + shift, title)
    return chinese(body, offset + shift, title)


def prefix_names(body: str, end: int) -> dict[str, list[str]]:
    """Roles named before the title, commentary cut off (…可參閱：高朗，《…》)."""
    prefix = body[:end]
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
    access = ACCESS.search(rest)
    if access:
        fields["urldate"] = "-".join([access.group(1), access.group(2).zfill(2), access.group(3).zfill(2)])
    scan = ACCESS.sub("", URL.sub("", rest))
    if "year" not in fields:
        year = year_of(scan)
        if year:
            fields["year"] = year
    citation.locator = citation.locator or locator(scan)
    if citation.entrytype in ("article", "incollection") and citation.locator and "pages" not in fields:
        fields["pages"] = citation.locator.replace("-", "--")
    fields["langid"] = "zh-Hant" if CJK.search(fields.get("title", "")) else "en"
    if fields.get("url") and not fields.get("year"):
        citation.entrytype = "online"          # an undated web page: its URL identifies it
    citation.complete = bool(fields.get("title") and (fields.get("year") or fields.get("url")))
    return citation


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
    if bracket in "《『" and not roles.get("author") and roles.get("editor"):
        citation.entrytype = "book"
    elif bracket in "《『":
        citation.entrytype = "book"
        if not roles and not PUBLISHER.search(rest) and URL.search(rest):
            citation.entrytype = "online"    # 《2008 年中國的國防》白皮書，中國網，…，http://…
            site = [part for part in after if SITE.search(part)]
            if site:
                citation.fields["organization"] = site[0]
        elif not roles and not PUBLISHER.search(rest) and re.search(r"月\s*\d+\s*日", rest):
            citation.entrytype = "misc"      # 《中國時報》，民國 91年 2 月 26 日，版 15: a dated issue
    else:
        citation.entrytype = "article"
        container = None
        chapter = re.search(r"(?:收錄(?:於)?\s*[：:]?\s*|[，,]\s*)([^，,（(]*?(?:主編|編))?[，,]?\s*(?=《)", rest) if second else None
        if second and (re.search(r"收錄|主編|編", rest[:second[0]]) or re.search(r"主編|編", rest[second[1]:second[1] + 12])):
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
                    fields["journal"] = re.sub(r"[（(].*$", "", journal)
                container = rest
        thesis = re.search(r"([^，,「」〈〉]*?(?:大學|所)[^，,]*?(?:碩士|博士)[^，,]*?論文)", rest)
        if thesis:
            citation.entrytype = "mastersthesis" if "碩士" in thesis.group(1) else "phdthesis"
            fields.pop("journal", None)
            fields["school"] = clean(re.sub(r"(?:碩士|博士).*$", "", thesis.group(1)))
        if container is not None:
            minguo = re.search(r"期\s*[(（](\d{2,3})[)）]", container)   # 第 34 卷第 1 期(84): 民國84年
            if minguo:
                fields["year"] = str(int(minguo.group(1)) + 1911)
            volume, number = VOLUME_ZH.search(container[:40]), NUMBER_ZH.search(container[:40])
            if volume:
                fields["volume"] = volume.group(1)
            if number:
                fields["number"] = number.group(1)
    if citation.entrytype in ("book", "incollection"):
        publisher(rest, fields)
    translators = re.search(r"([^，,。（(：:《》]+?)\s*(?:等)?譯", rest)
    if translators and "translator" not in roles:
        roles["translator"] = split_names(translators.group(1))
    if roles.get("translator"):
        fields["translator"] = " and ".join(roles["translator"])
    if roles.get("editor") and "editor" not in fields:
        fields["editor"] = " and ".join(roles["editor"])
    if URL.search(rest) and citation.entrytype == "article" and "journal" not in fields:
        citation.entrytype = "online"
    return finish(citation, rest)


def publisher(rest: str, fields: dict) -> None:
    """Place and publisher: （台北：五南圖書出版公司，1994年）, 台中：必中出版社，2003年."""
    match = PUBLISHER.search(rest)
    if match:
        place = re.split(r"[，。]", clean(match.group(1)))[-1]
        fields["address"] = re.sub(r"^[（(]", "", place)
        fields["publisher"] = clean(match.group(2))
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
        fields["editor"] = " and ".join(split_names(re.sub(r"\s+et al\.?", "", chapter.group(1))))
        fields["booktitle"] = clean(chapter.group(2))
        publisher_en(rest[chapter.end():], fields)
    else:
        journal = re.match(r"\s*[,，]?\s*([^,，(]+?)\s*(?=,|\(|，|$)", rest)
        if journal and not re.match(r"(?:Vol|No|pp?\.|\d)", journal.group(1)):
            fields["journal"] = clean(journal.group(1))
        volume, number = VOLUME_EN.search(rest), NUMBER_EN.search(rest)
        if volume:
            fields["volume"] = volume.group(1)
        if number:
            fields["number"] = number.group(1)
        if "journal" not in fields and URL.search(rest):
            citation.entrytype = "online"
    return finish(citation, rest)


# Before a bare title: the author piece, then pieces ending in a role (譯, 著, 編, ed.).
ROLE_PIECES = r"(?:[^,，]*?(?:譯|著|編|eds?\.)\s*[,，]\s*|[^,，]+[,，]\s*eds?\.\s*[,，]\s*)*"


def bare_title(body: str) -> tuple[int, int] | None:
    """A western book title printed without quotes: after `Author, ` and before `(Place: Publisher, Year)`,
    or 001's Chinese book title before （北京：人民出版社，2003 年）."""
    match = re.search(r"^(?:[^,，]+?)[,，]\s*" + ROLE_PIECES +
                      r"(?:ibid\.,\s*)?([^,，(（]+?(?:[,，][^,，(（]+?)*?)\s*[.]?\s*(?:\d(?:nd|rd|th) ed\.)?\s*"
                      r"[(（][^()（）]*(?:[：:]|[A-Z][^()（）]*,\s*)[^()（）]*\d{4}", body)
    if match:
        return match.start(1), match.end(1)
    match = re.search(r"^[^,，]+?[,，]\s*([A-Z][^,，(]+?)[,，]\s*(?:pp?\.|\d)", body)
    if match:                          # Ikenberry, Liberal Leviathan, pp.132-137 (a short title)
        return match.start(1), match.end(1)
    match = re.search(r"^[^,，「」]+?[，,]\s*" + ROLE_PIECES + r"([^，,（(]{4,}?)[，,]\s*(?:第.版[，,]\s*)?頁", body)
    if match and CJK.search(match.group(1)):   # 徐能武，國際安全機制：理論與分析，頁 48-49
        return match.start(1), match.end(1)
    return None


def western_book(body: str, offset: int, span: tuple[int, int]) -> Citation:
    """Author, Title (Place: Publisher, Year), pp. — also a short title repeat, and 001's 作者，書名（地：出版社，年）."""
    roles = read_roles(re.split(r"[：:]", body[:span[0]])[-1])
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
    citation.fields["title"] = clean(re.sub(r"^ibid\.,\s*", "", title))
    rest = body[span[1]:]
    if not publisher_en(rest, citation.fields):
        publisher(rest, citation.fields)
    return finish(citation, rest)


def publisher_en(rest: str, fields: dict) -> bool:
    match = PUBLISHER_EN.search(rest) or re.search(r"[（(]([^（）():：]{2,80}?)\s*[：:]\s*([^（）()]{2,120}?)[，,]\s*(\d{4})\s*年?\s*[）)]", rest)
    if not match:
        alone = re.search(r"[（(]\s*([A-Z][^（）():：]{2,80}?),\s*(\d{4})\s*[）)]", rest)   # (Harvard University Press, 1977)
        if alone:
            fields["publisher"], fields["year"] = clean(alone.group(1)), alone.group(2)
            return True
        return False
    fields["address"] = clean(match.group(1))
    fields["publisher"] = clean(match.group(2))
    fields["year"] = match.group(3)
    return True


SITE = re.compile(r"(?:社|網|網站|報|電子報|新聞網|部|中心)$")


def web_without_title(body: str, offset: int, url: re.Match) -> Citation:
    """A URL after a description: `中日韓合作（1999-2012）白皮書，中華人民共和國外交部，http://…`,
    `江澤民，十六大報告，新華網，…`, `National Intelligence Council, Global Trends 2025: …, http://…`."""
    description = body[:url.start()]
    parts = [clean(part) for part in re.split(r"[，,。]", re.sub(r"^.*[：:](?=\s*\d)", "", description))
             if clean(part)]
    parts = [part for part in parts if not re.match(r"^(?:民國)?\s*\d", part)]       # dates
    citation = Citation("work", offset, offset + len(body),
                        (offset, offset + len(description.rstrip(" ，,。"))), entrytype="online")
    person = parts and len(parts) >= 2 and (
        re.fullmatch(r"[\u4e00-\u9fff]{2,4}", parts[0]) and not SITE.search(parts[0])
        or (not CJK.search(parts[0]) and not CJK.search(parts[1])))
    if person:
        if CJK.search(parts[0]):
            citation.authors = [parts[0]]
        else:
            citation.fields["organization"] = parts[0]
        parts = parts[1:]
    titles = [part for part in parts if not SITE.search(part)]
    sites = [part for part in parts if SITE.search(part)]
    if titles:
        citation.fields["title"] = titles[0]
    if sites and "organization" not in citation.fields:
        citation.fields["organization"] = re.sub(r"^(?:錄自(?:於)?|參閱)[：:]?", "", sites[0])
    return finish(citation, body)


# --- a note ----------------------------------------------------------------------------------

def normalise(text: str) -> str:
    """Same length as the note (spans stay valid): `Nye,Jr.` and a stray `ibid.,` after the
    authors would otherwise read as the start of the title."""
    text = re.sub(r",(?=Jr\.)", " ", text)
    text = re.sub(r"(\b[A-Z]\. [A-Z][a-z]+),(?= and [A-Z])", r"\1 ", text)      # Robert O. Keohane, and Joseph
    return re.sub(r"(?<=\S, )ibid\.,(?= )", lambda m: " " * len(m.group()), text)


def parse_note(text: str) -> list[Citation]:
    """Every citation of a note, in order."""
    text = normalise(unicodedata.normalize("NFC", text))
    found = []
    for start, end in segments(text):
        piece = text[start:end]
        lead = LEADS.search(piece)
        if lead:                                  # …請參閱 Robert O. Keohane…: the citation follows
            start += lead.end()
            piece = text[start:end]
        citation = back_reference(piece, start) or parse_work(piece, start)
        if citation is None:
            continue
        if citation.kind == "work" and not citation.authors and found and found[-1].kind == "work" \
                and text[start:citation.link[0]].strip(" ;；") == "":
            citation.authors = list(found[-1].authors)   # …, pp.17-47; “Liberal Internationalism 3.0…”: same author
        found.append(citation)
    return found
