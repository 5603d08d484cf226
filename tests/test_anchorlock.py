"""Anchors that never break: the committed lock, aliases, redirects."""
from __future__ import annotations

import copy
import functools
import json
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from build_tools.anchorlock import check_lock, published, read_lock
from build_tools.editions import AliasSpec
from build_tools.errors import EditionError
from build_tools.render import alias_script, redirect_page

TEXT = "second-track-diplomacy"
OLD = f"texts/{TEXT}/#sec-2-1-p1"


@pytest.fixture(scope="module")
def registry(files):
    return json.loads(files["anchors.json"])


@pytest.fixture(scope="module")
def editions(texts):
    return {text.edition.slug: f"editions/{text.edition.stem}.yml" for text in texts.values()}


def renamed(registry, old_id: str, new_id: str) -> dict:
    """The registry as a build would give it after renaming one anchor of the 000 text."""
    changed = copy.deepcopy(registry)
    for text in changed["texts"]:
        for anchor in text["anchors"]:
            if text["slug"] == TEXT and anchor["id"] == old_id:
                anchor["id"], anchor["url"] = new_id, anchor["url"].replace(old_id, new_id)
    return changed


def messages(error: EditionError) -> list[str]:
    return [e.message for e in getattr(error, "errors", [error])]


def test_the_build_publishes_exactly_the_locked_anchors(registry, editions, texts):
    lock = read_lock()
    assert len(lock) > 1000 and OLD in lock and "texts/china-multilateralism-six-party-talks/ch-2/#fn:3" in lock
    check_lock(registry, {t.edition.slug: t.edition.aliases for t in texts.values()}, editions)


@pytest.fixture(scope="module")
def declared(texts):
    """The aliases the edition files declare."""
    return {t.edition.slug: list(t.edition.aliases) for t in texts.values()}


def test_dropping_a_locked_anchor_fails_until_an_alias_is_declared(registry, editions, declared):
    moved = renamed(registry, "sec-2-1-p1", "sec-2-1-p1a")
    with pytest.raises(EditionError) as failure:
        check_lock(moved, declared, editions, read_lock())
    gone, new = messages(failure.value)
    assert gone == (f"published anchor {OLD} is gone — restore it, or declare where it moved in "
                    "editions/000_19b1ec96d07d16c6.yml: aliases: [{old: '#sec-2-1-p1', new: '<page>/#<new id>', "
                    "reason: '…'}]")
    assert new.startswith("1 new anchors are not in the lock (first: texts/second-track-diplomacy/#sec-2-1-p1a) — "
                          "run `make lock-anchors`")
    alias = AliasSpec(old="#sec-2-1-p1", new="#sec-2-1-p1a", reason="paragraph split")
    check_lock(moved, {**declared, TEXT: declared[TEXT] + [alias]}, editions,
               {**read_lock(), f"texts/{TEXT}/#sec-2-1-p1a": 184})
    wrong = AliasSpec(old="#sec-2-1-p1", new="#sec-2-1-p9z", reason="typo")
    with pytest.raises(EditionError) as failure:
        check_lock(moved, {**declared, TEXT: declared[TEXT] + [wrong]}, editions,
                   {**read_lock(), f"texts/{TEXT}/#sec-2-1-p1a": 184})
    assert messages(failure.value) == [f"the alias for {OLD} points to texts/{TEXT}/#sec-2-1-p9z, which does not "
                                       "exist — correct its `new`"]


def test_a_paragraph_split_before_a_locked_anchor_is_caught(registry, editions, declared):
    """A new paragraph break renumbers the paragraphs after it: their addresses stay, their text moves."""
    split = copy.deepcopy(registry)
    text, = [t for t in split["texts"] if t["slug"] == "taiwan-strait-alliances"]
    paragraphs = [a for a in text["anchors"] if a["kind"] == "paragraph" and a["id"].startswith("sec-6-2-2-p")]
    assert paragraphs[1]["id"] == "sec-6-2-2-p2" and paragraphs[1]["lines"][0] == 540    # 「奈尹（Joseph S. Nye）…」
    for before, after in zip(paragraphs, paragraphs[1:]):    # as if 540 ran on into the paragraph before
        before["lines"] = after["lines"]
    with pytest.raises(EditionError) as failure:
        check_lock(split, declared, editions, read_lock())
    first = messages(failure.value)[0]
    assert first == ("published anchor texts/taiwan-strait-alliances/#sec-6-2-2-p1 pointed at text beginning on raw "
                     "line 512, now at raw line 540 — a paragraph was split or joined before it: restore the "
                     "segmentation (paragraphs: breaks_before / joins_before in editions/004_e673486d5ea456d9.yml), "
                     "or accept the move with `python -m build_tools lock --accept-moved` and list it in CHANGELOG.md")


def test_the_lock_pins_each_anchor_to_the_raw_line_its_text_begins_at():
    lock = read_lock()
    assert lock["texts/taiwan-strait-alliances/#sec-6-2-2-p2"] == 540
    assert lock["texts/mofa-2010-policy-goals/#sec-1-3-1-1-7"] == 68              # 壹、三、（一）１、（７）
    assert lock["texts/china-multilateralism-six-party-talks/ch-2/#fn:3"] is not None
    assert all(line is None for address, line in lock.items() if "#ann-" in address)


def test_a_page_alias_covers_every_anchor_of_the_moved_page(registry, editions, declared):
    slug = "china-multilateralism-six-party-talks"
    moved = copy.deepcopy(registry)
    for text in moved["texts"]:
        for anchor in text["anchors"]:
            anchor["url"] = anchor["url"].replace(f"texts/{slug}/ch-6/", f"texts/{slug}/ch-7/")
    lock = {**published(moved), **read_lock()}
    with pytest.raises(EditionError):
        check_lock(moved, {}, editions, lock)
    check_lock(moved, {**declared, slug: declared[slug] + [AliasSpec(old="ch-6/", new="ch-7/", reason="renumbered")]},
               editions, lock)


@pytest.fixture(scope="module")
def moved_site(site, tmp_path_factory):
    """A copy of the built site in which one anchor was renamed and one page moved, with the
    alias script and the redirect page the build writes for such aliases; served over HTTP."""
    root = tmp_path_factory.mktemp("moved") / "site"
    shutil.copytree(site, root)
    page = root / "texts" / TEXT / "index.html"
    html = page.read_text(encoding="utf-8").replace('id="sec-2-1-p1"', 'id="sec-2-1-p1a"')
    page.write_text(html.replace("</body>", alias_script({"sec-2-1-p1": "#sec-2-1-p1a"}) + "</body>"), encoding="utf-8")
    old_page = root / "texts" / "china-multilateralism-six-party-talks" / "ch-9"
    old_page.mkdir()
    (old_page / "index.html").write_text(redirect_page("../ch-6/"), encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SimpleHTTPRequestHandler, directory=str(root)))
    server.RequestHandlerClass.log_message = lambda *args: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_old_links_resolve_in_the_browser(moved_site, page):
    page.goto(moved_site + OLD)
    page.wait_for_function("location.hash === '#sec-2-1-p1a'")
    top = page.evaluate("document.getElementById('sec-2-1-p1a').getBoundingClientRect().top")
    assert 0 <= top < 900
    page.goto(moved_site + "texts/china-multilateralism-six-party-talks/ch-9/#sec-6-1")
    page.wait_for_url("**/ch-6/#sec-6-1")
    assert page.locator('[id="sec-6-1"]').is_visible()
    assert page.errors == []
