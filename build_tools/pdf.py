"""Downloads: each text's PDF, printed from its whole-text page of the built site by headless
Chromium (Playwright, Debian's /usr/bin/chromium, nothing downloaded), with the text's citation,
URL and version on the first page. `python -m build_tools pdf` (`make pdf`, part of `make build`)
writes site/texts/<slug>/<slug>.pdf; `site` alone leaves the PDFs out (the contributor's fast path).
"""
from __future__ import annotations

import contextlib
import functools
import html
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .cite import Place, chinese_style, release
from .errors import ROOT, EditionError
from .render_downloads import download_names

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
SITE = ROOT / "site"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(folder: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def first_page_citation(edition) -> str:
    """The block printed above the text: how to cite it, its address and version."""
    r = release()
    place = Place("top", f"texts/{edition.slug}/", "section", "全文", "whole text")
    return (f'<div class="pdf-citation" style="border:1px solid #999;padding:.6em .8em;margin:0 0 1.2em;'
            f'font-size:9pt;line-height:1.6">'
            f"<p style=\"margin:0\"><strong>引用</strong>：{html.escape(chinese_style(edition, place))}</p>"
            f"<p style=\"margin:0\">網址：{html.escape(r.version_url)}texts/{edition.slug}/ · 版本 {r.version}"
            f"（{r.date}） · 校注內容 CC BY 4.0</p></div>")


def print_pdfs(site: Path = SITE) -> list[Path]:
    """Every text's PDF, from the whole-text pages listed in site/anchors.json."""
    from playwright.sync_api import sync_playwright

    from .editions import discover

    if not (site / "anchors.json").exists():
        raise EditionError(site, "no built site to print — run `make build` (or `python -m build_tools site`) first")
    if not Path(CHROMIUM).exists():
        raise EditionError(CHROMIUM, "Chromium is missing — run `make browsers` (apt-get install chromium)")
    editions = {edition.slug: edition for _, edition in discover()}
    registry = json.loads((site / "anchors.json").read_text(encoding="utf-8"))
    written = []
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            tab = browser.new_page()
            for entry in registry["texts"]:
                edition = editions[entry["slug"]]
                tab.goto(base + entry["whole_text"], wait_until="load")
                tab.emulate_media(media="print")
                tab.evaluate("html => document.querySelector('article').insertAdjacentHTML('afterbegin', html)",
                             first_page_citation(edition))
                target = site / "texts" / edition.slug / download_names(edition.slug)["pdf"]
                tab.pdf(path=str(target), format="A4", print_background=False)
                written.append(target)
        finally:
            browser.close()
    return written
