"""`make serve`: the contributor's loop. Generate, build, serve; on every save rebuild only what
the saved file touches, and reload the browser.

- One process does everything, so nothing is re-imported or re-read between saves: the
  generation keeps a `build.Memo` (a text is cleaned again only when its raw text or edition
  file changed, its pages rendered again only when their inputs changed), and generated files
  are written only when their content changed.
- MkDocs builds in the same process (its `mkdocs serve --dirty` mode): after the first full build
  only the pages whose Markdown changed are rendered again; a change to mkdocs.yml, overrides/,
  the navigation or a removed page gives a full build, after which Pagefind indexes the site again
  (the search lags behind the edits of dirty builds).
- MkDocs' own live-reload server serves the result under site_url's path (the address printed,
  derived from mkdocs.yml when serve starts; `/` redirects there), watching the sources with
  inotify rather than polling.
- A failed regeneration keeps the last good pages, and every served page shows the error
  (file:line: what — what to do) in a banner until a save fixes it.
- A change to build_tools/ restarts the process, so the new code runs.
"""
from __future__ import annotations

import contextlib
import html
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from .editions import ROOT
from .errors import EditionError

# The sources of the site: what a save in them rebuilds (docs/ minus what the build generates).
WATCHED = ("seeds", "editions", "annotations", "glossary", "bib", "build_tools", "docs", "overrides",
           "mkdocs.yml", "VERSION", "CHANGELOG.md", "CHANGELOG.zh-TW.md")
# Saves there need a full MkDocs build (theme, configuration, assets shared by every page).
FULL_BUILD = ("mkdocs.yml", "overrides/", "docs/assets/", "build/nav.yml")
IGNORED_SUFFIXES = (".tmp", ".pyc", ".swp", ".swx", "~")
DIRTY_NOTICE = "A 'dirty' build is being performed"
log = logging.getLogger("build_tools.serve")


class Restart(BaseException):
    """build_tools/ changed: the server restarts itself to run the new code."""


def mount_path(config) -> str:
    """The path the site is served under: site_url's (e.g. /taiwan-foreign-relations/), or /.

    >>> mount_path({"site_url": "https://example.org/taiwan-foreign-relations/"})
    '/taiwan-foreign-relations/'
    >>> mount_path({"site_url": None})
    '/'
    """
    path = urlsplit(config["site_url"] or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def served_path(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """mount_path of the site's configuration as MkDocs reads it; before the first generation (no
    build/nav.yml to inherit yet) or with a broken configuration, of the site_url the build uses."""
    from mkdocs.config import load_config

    try:
        return mount_path(load_config(config_file=str(config_file)))
    except Exception:
        from .cite import release          # reads site_url as the build does (SITE_URL, else mkdocs.yml's default)

        return mount_path({"site_url": release().site_url})


def generated_outputs(root: Path = ROOT):
    """What .gitignore names (docs/texts/, docs/glossary.md, build/…): the build's outputs."""
    import pathspec

    lines = (root / ".gitignore").read_text(encoding="utf-8").splitlines() if (root / ".gitignore").exists() else []
    return pathspec.GitIgnoreSpec.from_lines(lines)


def is_source(relative: str, outputs) -> bool:
    """Whether a changed path (relative to the project) is a source of the site, not an output.

    >>> outputs = generated_outputs()
    >>> is_source("annotations/second-track-diplomacy.yml", outputs), is_source("docs/index.md", outputs)
    (True, True)
    >>> is_source("docs/texts/second-track-diplomacy/index.md", outputs), is_source("docs/glossary.md", outputs)
    (False, False)
    >>> is_source("build_tools/__pycache__/x.pyc", outputs), is_source("annotations/x.yml.tmp", outputs)
    (False, False)
    """
    if relative.endswith(IGNORED_SUFFIXES) or outputs.match_file(relative):
        return False
    return relative.split("/")[0] in WATCHED


def error_banner(message: str) -> bytes:
    """The banner every served page shows while the last regeneration failed."""
    return ('<div id="edition-serve-error" role="alert" style="position:fixed;z-index:100000;top:0;left:0;'
            'right:0;max-height:60vh;overflow:auto;background:#8b0000;color:#fff;padding:.8em 1.2em;'
            'font:15px/1.5 monospace;white-space:pre-wrap;box-shadow:0 2px 8px #0008">'
            '<strong>重新產生失敗：頁面仍是上一次成功的版本；修正後存檔，頁面即自動重新載入。</strong>\n'
            f'{html.escape(message)}</div>').encode("utf-8")


class TemplateCache:
    """Jinja's compiled templates kept between builds (MkDocs makes a new environment each build,
    which would compile the theme's 45 templates again, about half a second)."""

    def __init__(self):
        import jinja2

        class Cache(jinja2.BytecodeCache):
            def __init__(self):
                self.codes: dict[str, bytes] = {}

            def load_bytecode(self, bucket):
                if bucket.key in self.codes:
                    bucket.bytecode_from_string(self.codes[bucket.key])

            def dump_bytecode(self, bucket):
                self.codes[bucket.key] = bucket.bytecode_to_string()

        self.cache = Cache()

    def install(self) -> None:
        from mkdocs.theme import Theme

        original, cache = Theme.get_env, self.cache

        def get_env(theme):
            env = original(theme)
            env.bytecode_cache = cache
            return env

        Theme.get_env = get_env


class ThemeFiles:
    """The theme's static files as the last full build found them: MkDocs walks and filters the
    whole theme (thousands of icons) on every build; a dirty build reuses the list."""

    def __init__(self):
        self.found: list[tuple[str, str]] | None = None
        self.dirty = False

    def install(self) -> None:
        from mkdocs.structure.files import File, Files

        original, theme_files = Files.add_files_from_theme, self

        def add_files_from_theme(files, env, config):
            if not theme_files.dirty or theme_files.found is None:
                before = {file.src_uri for file in files}
                original(files, env, config)
                theme_files.found = [(file.src_uri, file.src_dir) for file in files if file.src_uri not in before]
                return
            for path, folder in theme_files.found:
                if files.get_file_from_path(path) is None:
                    files.append(File(path, folder, config.site_dir, config.use_directory_urls))

        Files.add_files_from_theme = add_files_from_theme


def is_secondary(path: str) -> bool:
    """A generated page out of the navigation, which a dirty build renders after the others: a
    text's whole-text copy (as long as the thesis), its cleaning report, its index of terms.

    >>> is_secondary("docs/texts/china-multilateralism-six-party-talks/print.md")
    True
    >>> is_secondary("docs/texts/china-multilateralism-six-party-talks/ch-4.md")
    False
    >>> is_secondary("docs/terms/china-multilateralism-six-party-talks.md")
    True
    """
    parts = path.split("/")
    return (len(parts) == 4 and parts[:2] == ["docs", "texts"] and parts[3] in ("print.md", "report.md")
            or len(parts) == 3 and parts[:2] == ["docs", "terms"])


@contextlib.contextmanager
def kept_back(paths: set[str]):
    """A dirty build skips a page whose Markdown is older than its HTML: make these look so
    during the build, then give them back their time, so the next dirty build renders them."""
    for path in paths:
        os.utime(ROOT / path, (0, 0))
    try:
        yield
    finally:
        for path in paths:
            os.utime(ROOT / path)


@contextlib.contextmanager
def theme_templates_kept(keep: bool):
    """In a dirty build, keep the full build's 404 page and sitemap instead of rendering them again."""
    import mkdocs.commands.build as mkdocs_build

    original = mkdocs_build._build_theme_template
    if keep:
        mkdocs_build._build_theme_template = lambda *args, **kwargs: None
    try:
        yield
    finally:
        mkdocs_build._build_theme_template = original


class Warnings(logging.Handler):
    """MkDocs' warnings of one build (strict mode's failures, shown in the banner)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        message = record.getMessage()
        if not message.startswith(DIRTY_NOTICE):
            self.messages.append(message)
            print(f"{record.levelname}: {message}", file=sys.stderr)


class Site:
    """The generated docs and the built site of one serve session."""

    def __init__(self, site_dir: str, serve_url: str):
        from .build import Memo

        self.site_dir, self.serve_url = site_dir, serve_url
        self.memo = Memo()
        self.outputs = generated_outputs()
        self.theme_files = ThemeFiles()
        self.built = False                      # whether site_dir holds a full build
        self.error: str | None = None
        self.changed: set[str] = set()
        self.contents: dict[str, str | None] = {}   # digest of each file at its last event
        self.building = threading.Lock()            # one MkDocs build at a time
        self.server = None                          # the LiveReloadServer, to reload the browsers
        self.lock = threading.Lock()

    def note_change(self, relative: str) -> bool:
        """Record a saved file; False when its content is what the last event saw (an editor's
        save raises several events, and a second build would hold back the reloaded page)."""
        from .build import digest

        try:
            content = digest(ROOT / relative)
        except OSError:
            content = None
        with self.lock:
            if self.contents.get(relative, "unseen") == content:
                return False
            self.contents[relative] = content
            self.changed.add(relative)
        return True

    def take_changes(self) -> set[str]:
        with self.lock:
            changed, self.changed = self.changed, set()
        return changed

    def rebuild(self) -> None:
        """Regenerate what the saved files touch and build the pages that changed; record an error
        for the banner instead of raising it."""
        with self.building:                 # after the secondary pages of the previous save
            self.rebuild_now()

    def rebuild_now(self) -> None:
        changed = self.take_changes()
        if any(path.startswith("build_tools/") and path.endswith(".py") for path in changed):
            raise Restart()
        started = time.perf_counter()
        try:
            written = self.generate()
            generated = time.perf_counter()
            full = not self.built or any(path.startswith(FULL_BUILD) for path in changed | written) \
                or any(not (ROOT / path).exists() for path in written)
            later = set() if full else {path for path in written if is_secondary(path)}
            with kept_back(later):
                self.build_pages(full)
            self.error = None
            print(f"built in {time.perf_counter() - started:.2f} s (generation {generated - started:.2f} s; "
                  f"{len(written)} generated files changed; "
                  f"{'full' if full else 'changed pages only'}{'; secondary pages next' if later else ''})",
                  file=sys.stderr, flush=True)
            if later:
                threading.Thread(target=self.build_secondary, daemon=True).start()
        except EditionError as error:
            self.error = f"error: {error.shown()}"
        except Exception as error:                      # a bug: show where, as the command line does
            from .__main__ import internal_error

            self.error = f"error: {internal_error(error)}"
        if self.error:
            print(self.error, file=sys.stderr)
            print("the browser shows this error until a save fixes it; the pages are the last good ones",
                  file=sys.stderr)

    def build_secondary(self) -> None:
        """The secondary pages the last save changed (whole-text copies, cleaning reports), built
        after the browser has reloaded the others; then the browsers reload again."""
        with self.building:
            try:
                self.build_pages(False)
            except Exception as error:                  # shown by the next save's build as well
                print(f"error: {error}", file=sys.stderr)
                return
            if self.server is not None:
                from mkdocs.livereload import _timestamp

                with self.server._epoch_cond:
                    self.server._wanted_epoch = self.server._visible_epoch = _timestamp()
                    self.server._epoch_cond.notify_all()

    def generate(self) -> set[str]:
        """Regenerate in memory, write what changed; the project-relative paths written or removed."""
        from .build import Journal, generate

        journal = Journal()
        generate(journal, self.memo)
        return {path.relative_to(ROOT).as_posix() for path in journal.saved}

    def build_pages(self, full: bool) -> None:
        """MkDocs in this process: a full build, or a dirty one of the pages whose Markdown changed."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort

        from .theme_search_hook import spare_jieba

        spare_jieba()
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=self.site_dir)
        config.site_url = self.serve_url
        config.strict = False            # warnings are collected below (a dirty build always warns)
        if not self.built:
            config.plugins.on_startup(command="serve", dirty=True)
        if not full:        # the hooks patch Material's scripts as copied: have them copied again
            shutil.rmtree(Path(self.site_dir, "assets", "javascripts"), ignore_errors=True)
        self.theme_files.dirty = not full
        handler = Warnings()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        try:
            with theme_templates_kept(not full):
                build(config, serve_url=self.serve_url, dirty=not full)
        except Abort as abort:           # what MkDocs logged is in handler.messages
            handler.messages.append(handler.messages and "" or str(abort))
            handler.messages = [message for message in handler.messages if message]
        finally:
            logger.removeHandler(handler)
        self.built = self.built or full
        if full and not handler.messages:     # a full build empties the site: index it again (Pagefind)
            from .search_index import index_site

            index_site(Path(self.site_dir))
        if handler.messages:
            raise EditionError("mkdocs.yml", f"mkdocs build: {handler.messages[0]} — fix what it names "
                                             f"({len(handler.messages)} warning(s); `make build` fails on them)")


def serve(address: str = "127.0.0.1:8000") -> None:
    """Serve the edition with live reload until interrupted (see the module's docstring)."""
    import watchdog.events
    import watchdog.observers
    from mkdocs.livereload import LiveReloadServer

    host, _, port = address.rpartition(":")
    path = served_path()
    url = f"http://{host}:{port}{path}"
    site_dir = tempfile.mkdtemp(prefix="edition-serve-")
    site = Site(site_dir, url)
    TemplateCache().install()
    site.theme_files.install()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)

    class Server(LiveReloadServer):
        def _inject_js_into_html(self, content, epoch):
            content = super()._inject_js_into_html(content, epoch)
            if site.error:
                start = content.find(b">", content.find(b"<body")) + 1
                content = content[:start] + error_banner(site.error) + content[start:]
            return content

    server = Server(builder=site.rebuild, host=host, port=int(port), root=site_dir, mount_path=path)
    server.observer = watchdog.observers.Observer()          # inotify: no polling delay

    def error_page(code):
        page = Path(site_dir, f"{code}.html")
        body = page.read_bytes() if page.is_file() else b"<html><body></body></html>"
        return server._inject_js_into_html(body, server._visible_epoch)

    server.error_handler = error_page
    site.server = server

    class Changes(watchdog.events.FileSystemEventHandler):
        def on_any_event(self, event):
            if event.is_directory or event.event_type not in ("created", "modified", "moved", "deleted"):
                return
            for changed in {event.src_path, getattr(event, "dest_path", "") or event.src_path}:
                try:
                    relative = Path(changed).resolve().relative_to(ROOT).as_posix()
                except ValueError:
                    continue
                if is_source(relative, site.outputs) and site.note_change(relative):
                    with server._rebuild_cond:
                        server._want_rebuild = True
                        server._rebuild_cond.notify_all()

    site.rebuild()
    handler = Changes()
    server.observer.schedule(handler, str(ROOT), recursive=False)      # mkdocs.yml, VERSION, CHANGELOG.md
    for name in WATCHED:
        if (ROOT / name).is_dir():
            server.observer.schedule(handler, str(ROOT / name), recursive=True)
    server._watched_paths = {name: 1 for name in WATCHED}   # MkDocs injects its reload script when watching
    signal.signal(signal.SIGTERM, stop_on_signal)           # `kill` cleans up as Ctrl+C does
    signal.signal(signal.SIGINT, stop_on_signal)
    server.serve_thread.daemon = True                       # never keeps the process alive
    print(f"Serving the edition on {url} — open it in a browser; saving a source file reloads the page "
          "(Ctrl+C stops)", flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    except Restart:
        print("build_tools changed: restarting", file=sys.stderr, flush=True)
        stop(server, site_dir)
        os.execv(sys.executable, [sys.executable, "-m", "build_tools", "serve", "--dev-addr", address])
    stop(server, site_dir)


def stop_on_signal(*args) -> None:
    """Stop at the first Ctrl+C or SIGTERM and ignore the rest: `make` passes its own signal on to
    this process, so a second one arrives while the server is shutting down."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def stop(server, site_dir: str) -> None:
    server.shutdown()
    shutil.rmtree(site_dir, ignore_errors=True)
