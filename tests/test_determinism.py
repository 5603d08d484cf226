"""The same inputs give byte-identical Markdown and anchors.json."""
import json

from build_tools.build import clean_all, generate_files


def test_two_runs_are_byte_identical(files):
    again = generate_files(clean_all())
    assert again == files


def test_anchor_registry(files):
    registry = json.loads(files["anchors.json"])
    texts = {t["source"]: t for t in registry["texts"]}
    assert len(texts) == 5
    thesis = texts["001_24a6eaeb8d01ff8c.txt"]
    assert thesis["slug"] == "china-multilateralism-six-party-talks"
    assert "texts/china-multilateralism-six-party-talks/ch-2/" in thesis["pages"]
    by_id = {a["id"]: a for a in thesis["anchors"]}
    assert by_id["sec-2-1-3"]["url"] == "texts/china-multilateralism-six-party-talks/ch-2/#sec-2-1-3"
    assert by_id["sec-2-1-3"]["kind"] == "section" and by_id["sec-2-1-3"]["label"] == "三、"
    assert by_id["sec-2-1-3-p1"]["kind"] == "paragraph"
    ids = [a["id"] for t in registry["texts"] for a in t["anchors"] if a["kind"] != "note"]
    for text in registry["texts"]:
        page_ids = [(a["url"].split("#")[0], a["id"]) for a in text["anchors"]]
        assert len(page_ids) == len(set(page_ids)), "duplicate anchor on a page"
    assert all(i.isascii() for i in ids)
