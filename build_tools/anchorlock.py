"""Anchors that never break: the committed lock of every published anchor of the texts.

`anchors.lock.json` lists the address of every section, paragraph, list item, note, table,
figure and annotation anchor ever published (`texts/<slug>/<page>/#<id>`) with the raw line its
text begins at. A build may add anchors (the lock grows through `python -m build_tools lock`,
never silently) but may not drop or move one, unless the text's edition file declares an alias
from the old address to the new one. Nor may an anchor keep its address but point at other text
(a paragraph split or joined renumbers the paragraphs after it): that too stops the check, until
the move is accepted deliberately (`lock --accept-moved`) and listed in CHANGELOG.md.
"""
from __future__ import annotations

import json
from pathlib import Path

from .editions import ROOT
from .errors import EditionError, EditionErrors

LOCK = ROOT / "anchors.lock.json"
Lock = dict[str, "int | None"]   # address -> the raw line its text begins at (None: no raw line)


def published(registry: dict) -> Lock:
    """Every text anchor of a built anchors.json, as a site address, with its first raw line."""
    return {anchor["url"]: (anchor.get("lines") or [None])[0] for text in registry["texts"] for anchor in text["anchors"]}


def read_lock(path: Path = LOCK) -> Lock:
    if not path.exists():
        return {}
    anchors = json.loads(path.read_text(encoding="utf-8"))["anchors"]
    return anchors if isinstance(anchors, dict) else dict.fromkeys(anchors)   # a lock of addresses only


def lock_text(lock: Lock) -> str:
    return json.dumps({"comment": "Every published anchor of the texts, with the raw line its text begins at; grows "
                                  "with `make lock-anchors`, never shrinks. A moved anchor needs an alias in its "
                                  "text's edition file.",
                       "anchors": dict(sorted(lock.items()))}, ensure_ascii=False, indent=1) + "\n"


def alias_target(address: str, aliases_by_slug: dict) -> str | None:
    """Where an edition alias sends a published address, if one does."""
    parts = address.split("/")
    if len(parts) < 3 or parts[0] != "texts":
        return None
    slug, relative = parts[1], "/".join(parts[2:])          # "ch-2/#fn:3", "#sec-1", "ch-7/"
    page, _, fragment = relative.partition("#")
    for alias in aliases_by_slug.get(slug, []):
        if alias.old == relative or (not alias.is_page and alias.old == f"{page}#{fragment}"):
            return f"texts/{slug}/{alias.new}"
        if alias.is_page and alias.old == page:
            return f"texts/{slug}/{alias.new}" + (f"#{fragment}" if fragment else "")
    return None


def moved_text(lock: Lock, live: Lock) -> dict[str, tuple[int, int]]:
    """{address: (locked line, live line)} of the anchors whose text now begins elsewhere."""
    return {address: (line, live[address]) for address, line in lock.items()
            if line is not None and live.get(address) is not None and live[address] != line}


def check_lock(registry: dict, aliases_by_slug: dict, editions_of: dict, lock: Lock | None = None) -> None:
    """Stop when a locked anchor is gone with no alias to a live one, points at other text, or
    when new anchors are unlocked."""
    lock = read_lock() if lock is None else lock
    live = published(registry)
    problems = []
    for address in lock:
        if address in live:
            continue
        target = alias_target(address, aliases_by_slug)
        slug = address.split("/")[1]
        edition = editions_of.get(slug, "editions/<text>.yml")
        if target is None:
            relative = "/".join(address.split("/")[2:])
            problems.append(EditionError(LOCK, f"published anchor {address} is gone — restore it, or declare where it "
                                               f"moved in {edition}: aliases: [{{old: '{relative}', new: "
                                               "'<page>/#<new id>', reason: '…'}]"))
        elif (target not in live) if "#" in target else (target not in {a.split("#")[0] for a in live}):
            problems.append(EditionError(edition, f"the alias for {address} points to {target}, which does not "
                                                  "exist — correct its `new`"))
    for address, (was, now) in sorted(moved_text(lock, live).items()):
        edition = editions_of.get(address.split("/")[1], "editions/<text>.yml")
        problems.append(EditionError(LOCK, f"published anchor {address} pointed at text beginning on raw line {was}, "
                                           f"now at raw line {now} — a paragraph was split or joined before it: "
                                           f"restore the segmentation (paragraphs: breaks_before / joins_before in "
                                           f"{edition}), or accept the move with `python -m build_tools lock "
                                           "--accept-moved` and list it in CHANGELOG.md"))
    unlocked = sorted(set(live) - set(lock))
    if unlocked:
        problems.append(EditionError(LOCK, f"{len(unlocked)} new anchors are not in the lock (first: {unlocked[0]}) — "
                                           "run `make lock-anchors` and commit anchors.lock.json"))
    if problems:
        raise EditionErrors(problems)
