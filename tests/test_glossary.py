"""Glossary: validated entries, links from the text's first use per section, back-links to every use."""
import json
import re

import pytest

from build_tools.errors import EditionError
from build_tools.glossary import candidates, load_glossary
from conftest import SLUGS

LINK = re.compile(r'<a class="glossary-term" href="(?P<href>[^"]+)" title="[^"]*">(?P<text>.*?)</a>')


@pytest.fixture(scope="module")
def terms():
    return load_glossary()


def test_candidate_command_finds_the_texts_bilingual_pairs(texts):
    found = candidates(texts.values(), [])
    pairs = {(c.chinese, c.original) for c in found}
    assert len(found) >= 100
    for chinese, original in [("第二軌道外交", "Second Track Diplomacy"), ("複合互賴理論", "complex interdependence"),
                              ("絕對利得", "absolute gains"), ("李斯卡", "George F. Liska"),
                              ("基歐漢", "Robert O. Keohane"), ("世界衛生組織", "WHO"), ("亞太自由貿易區", "FTAAP")]:
        assert any(zh.endswith(chinese) and en == original for zh, en in pairs), (chinese, original)


def test_glossary_covers_the_pairs_and_defines_the_terms(texts, terms):
    assert len(terms) >= 100
    assert len({t.id for t in terms}) == len(terms)
    assert sum(1 for t in terms if t.kind == "term" and t.definition) >= 40
    by_form = {form: t for t in terms for form in t.forms}
    assert by_form["第二軌道外交"].original == "Second Track Diplomacy"
    assert by_form["NGOs"] is by_form["非政府組織"] is by_form["NGO"]
    assert by_form["雷可"].kind == "person"
    assert len(candidates(texts.values(), terms)) <= 15    # what is left was skipped on purpose (generic words)


def test_duplicate_ids_and_unknown_related_are_rejected(tmp_path):
    path = tmp_path / "terms.yml"
    entry = "- id: kedo\n  term: 朝鮮半島能源開發組織\n  kind: organisation\n"
    path.write_text(entry + entry.replace("朝鮮半島能源開發組織", "半島能源組織"), encoding="utf-8")
    with pytest.raises(EditionError, match=r"terms.yml:4: duplicate id 'kedo' \(first at line 1\)"):
        load_glossary(path)
    path.write_text(entry + "  related: [nowhere]\n", encoding="utf-8")
    with pytest.raises(EditionError, match="related id 'nowhere' does not exist"):
        load_glossary(path)


def test_first_use_per_section_is_linked_and_later_ones_are_not(texts, terms):
    for text in texts.values():
        seen = set()
        for block in text.blocks:
            for use in text.term_uses.get(block.anchor, []):
                key = (block.section, use.term)
                assert use.linked == (key not in seen), (block.anchor, use)
                seen.add(key)


def test_a_sections_first_use_carries_the_link(files):
    md = files[f"texts/{SLUGS['000']}/index.md"]
    section = re.sub(r' title="[^"]*"', "", md[md.index("## 壹、前言"):md.index("## 貳、")])
    section = re.sub(r"^/// cite .*?^///$", "", section, flags=re.M | re.S)     # the "cite this" box
    assert section.count("第二軌道外交") >= 3
    links = re.findall(r'<a class="glossary-term" href="../../glossary/#second-track-diplomacy"[^>]*>([^<]*)</a>', section)
    assert links == ["第二軌道外交"]
    assert section.index("第二軌道外交") == section.index(">第二軌道外交</a>") + 1


def test_no_link_in_headings_urls_or_markers(files):
    for path, content in files.items():
        for line in content.split("\n"):
            links = list(LINK.finditer(line))
            if line.startswith("#") or line.startswith("[^"):
                assert not links, (path, line[:60])
            for link in links:
                assert "[^" not in link["text"] and "http" not in link["text"]
                before = line[:link.start()].rsplit(" ", 1)[-1]
                assert not re.search(r"https?://\S*$", before), (path, before)


def test_backlinks_point_to_real_anchors(files):
    """Every use of an entry is linked: the glossary links each text's first use and the entry on
    the text's index of terms (terms/<slug>.md), which links every use."""
    registry = json.loads(files["anchors.json"])
    known = {a["url"] for text in registry["texts"] for a in text["anchors"]}
    indexes = {path: content for path, content in files.items() if path.startswith("terms/")}
    assert sorted(indexes) == sorted(f"terms/{slug}.md" for slug in SLUGS.values())
    targets = re.findall(r'href="\.\./(texts/[^"#]+/)#([^"]+)"', files["glossary.md"])
    for content in indexes.values():     # HTML blocks, their links written as the site's addresses
        targets += re.findall(r'href="\.\./\.\./(texts/[^"#]+/)#([^"]+)"', content)
    assert len(targets) > 300
    for path, anchor in targets:
        url = path.replace("/index.md", "/").replace(".md", "/")
        assert f"{url}#{anchor}" in known, (path, anchor)
    entries = re.findall(r'href="\.\./(terms/[^"#]+)/#([^"]+)"', files["glossary.md"])
    assert len(entries) > 50
    for path, term in entries:
        assert f'<a href="../../glossary/#{term}" id="{term}">' in indexes[path + ".md"], (path, term)
    assert {"id": "second-track-diplomacy", "url": "glossary/#second-track-diplomacy", "kind": "term",
            "label": "第二軌道外交", "title": "Second Track Diplomacy"} in registry["glossary"]


def test_glossary_entry_lists_the_passages_using_it(files):
    md = files["glossary.md"]
    entry = md[md.index("### 活路外交"):]
    entry = entry[:entry.index("\n### ")]
    assert "外交部 99 年度施政目標與重點" in entry and '"../texts/mofa-2010-policy-goals/#title-p1"' in entry
    assert '：3 處（<a href="../terms/mofa-2010-policy-goals/#viable-diplomacy">逐處列出</a>）' in entry
    index = files["terms/mofa-2010-policy-goals.md"]
    uses = index[index.index('id="viable-diplomacy"'):]
    uses = uses[:uses.index("</ul>")]
    assert re.findall(r'#(title-p\d+|sec-[\d-]+p\d+)"', uses) == ["title-p1", "title-p2", "sec-1-3-p12"]


def test_the_thesis_index_of_terms_names_each_place_with_its_chapter(files):
    """Sections restart their numbering in every chapter (一、 in 第壹章 and in 第貳章): a place of
    the thesis's index of terms is named with its chapter."""
    index = files["terms/china-multilateralism-six-party-talks.md"]
    places = re.findall(r"<li>([^<]*)：<a", index)
    assert "第壹章 緒論 › 一、研究動機" in places
    assert not [place for place in places if re.match(r"[一二三四五六七八九十]+、", place)]
