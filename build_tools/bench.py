"""`make bench`: the edition's performance on its five texts and on a synthetic 50-text corpus.

Everything runs in a scratch copy of the project under a temporary folder (the working tree minus
what .gitignore names), so the real seeds/, editions/, annotations/ and site/ are never touched.
Each build is timed by GNU time (`/usr/bin/time -v`: wall clock, CPU time and peak resident
memory; the growth from 5 to 50 texts is taken on CPU time, which other jobs hardly inflate):

- the cleaning pipeline, in process (`clean_all`, median of the runs);
- the full build after `make clean`: generate + `mkdocs build --strict` (median of the runs);
- the rebuild after one edited annotation (its first body gets a few characters more);
- the raw-paste baseline: the same raw texts pasted as plain Markdown pages into a bare Material
  site with its Chinese search (`lang: zh`, jieba when installed), built the same way; the full
  build's CPU time is checked against it (at most 1.5 times). The baseline has its own config, so
  a change of the edition's search (Pagefind instead of Material's) changes only the edition's side;
- the save-to-reload latency of `make serve`: the first annotation of the first annotation file
  (the thesis's) edited three times, 3 s apart, while Chromium shows its page, each timed from the
  save until the reloaded page holds the new text (median, ≤ 2 s);
- the search (build_tools/search_index.py, assets/search.js): the time Pagefind takes to index the
  built site, the size of its index on disk, and in Chromium (Playwright, Debian's chromium) the
  bytes a reader's browser fetches for one query (everything requested from opening the search
  to its results, as a plain static server sends it, uncompressed) and the time from typing the
  query again, its index fragments loaded, to the first result shown (median of 5);
- the largest HTML page of the built site and the weight of a text page (median).

The 50-text corpus is the same scratch copy with every text repeated nine times under new slugs
(`<slug>-copy-NN`): seeds copied, edition files with new source, slug and order. The copies have no
annotations; the bibliography links them by `cited-as` (author and title), not by slug. The
build itself (`python -m build_tools site`) does not read anchors.lock.json, only `check` and the
tests do; the scratch lock still gets the copies' addresses, so the scratch copy stays a valid
project (its `make check` passes).
"""
from __future__ import annotations

import gzip
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pathspec
import yaml

from .editions import ROOT
from .errors import EditionError
from .pdf import CHROMIUM, FLAGS, serving

GNU_TIME = "/usr/bin/time"
COPIES = 9                 # 5 texts + 9 × 5 copies = 50
MB = 1_000_000


@dataclass
class Run:
    seconds: float          # wall clock
    cpu_seconds: float      # user + system, which other jobs on the machine do not inflate
    peak_bytes: int


@dataclass
class Figures:
    texts: int
    pipeline: Run
    build: Run
    rebuild: Run
    search: "Search"
    largest_page: tuple[int, str]
    text_page: tuple[int, int]          # the median text page: HTML bytes, gzipped


@dataclass
class Baseline:
    build: Run
    segmented: bool                     # whether jieba segmented the baseline's Chinese
    text_page: tuple[int, int]


RATIO_BUDGET = 1.5                      # full build CPU time / raw-paste baseline's
RELOAD_BUDGET = 2.0                     # seconds from a save to the reloaded page


@dataclass
class Search:
    index_seconds: float      # Pagefind over the built site (search_index.index_site)
    index_bytes: int          # site/pagefind/ and the conversion table, on disk
    query_bytes: int          # fetched by the browser for one query
    first_result_ms: float    # typing the query again -> its first result shown


# Budgets of the search, set from the first measurement (see README.md, "Performance").
SEARCH_INDEX_SECONDS = 30
QUERY_BYTES = (1 * MB, 2 * MB)          # 5 texts; 50 texts
FIRST_RESULT_MS = 100
QUERY = "六方會談"             # a query with many results in many pages: the most fragments to load


def timed(command: list[str], cwd: Path, env: dict) -> tuple[Run, str]:
    """Run a command under `/usr/bin/time -v`; its wall-clock time, peak memory and stdout."""
    if not Path(GNU_TIME).exists():
        raise EditionError(GNU_TIME, "GNU time is missing — install it (apt-get install time)")
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        result = subprocess.run([GNU_TIME, "-v", "-o", report.name, *command], cwd=cwd, env=env,
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise EditionError(cwd, f"`{' '.join(command)}` failed in the bench's scratch copy:\n{result.stderr[-2000:]}")
        return parse_gnu_time(report.read()), result.stdout


def parse_gnu_time(report: str) -> Run:
    """The wall-clock time, CPU time and peak memory in a report of `/usr/bin/time -v`.

    >>> parse_gnu_time("User time (seconds): 50.10\\nSystem time (seconds): 1.20\\n"
    ...                "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.50\\n"
    ...                "Maximum resident set size (kbytes): 2000\\n")
    Run(seconds=62.5, cpu_seconds=51.3, peak_bytes=2048000)
    """
    def value(label: str) -> str:
        return re.search(rf"{re.escape(label)}.*: ([\d:.]+)", report).group(1)

    clock = sum(float(part) * 60 ** power for power, part in enumerate(reversed(value("Elapsed (wall clock)").split(":"))))
    cpu = float(value("User time")) + float(value("System time"))
    return Run(round(clock, 2), round(cpu, 2), int(value("Maximum resident set size")) * 1024)


def median_run(runs: list[Run]) -> Run:
    """The median times, and the highest peak memory of all runs."""
    return Run(statistics.median(run.seconds for run in runs), statistics.median(run.cpu_seconds for run in runs),
               max(run.peak_bytes for run in runs))


def scratch_copy(target: Path) -> Path:
    """Copy the working tree into target, without .git and whatever .gitignore names."""
    ignored = pathspec.GitIgnoreSpec.from_lines((ROOT / ".gitignore").read_text(encoding="utf-8").splitlines())

    def skip(folder: str, names: list[str]) -> set[str]:
        relative = Path(folder).relative_to(ROOT)
        return {name for name in names if name == ".git" or ignored.match_file(
            (relative / name).as_posix() + ("/" if os.path.isdir(os.path.join(folder, name)) else ""))}

    shutil.copytree(ROOT, target, ignore=skip)
    return target


def add_copies(project: Path, copies: int = COPIES) -> None:
    """Repeat every text of the scratch project `copies` times under new slugs, and lock their anchors."""
    from .anchorlock import lock_text, read_lock

    lock = read_lock(project / "anchors.lock.json")
    editions = sorted((project / "editions").glob("*.yml"))
    for number in range(1, copies + 1):
        suffix = f"-copy-{number:02d}"
        for edition in editions:
            text = edition.read_text(encoding="utf-8")
            slug = re.search(r"^slug: *(\S+)", text, re.M).group(1)
            order = int(re.search(r"^order: *(\d+)", text, re.M).group(1))
            text = re.sub(r"^source: *(\S+)\.txt", rf"source: \g<1>{suffix}.txt", text, flags=re.M)
            text = re.sub(r"^slug: *\S+", f"slug: {slug}{suffix}", text, flags=re.M)
            text = re.sub(r"^order: *\d+", f"order: {order + 100 * number}", text, flags=re.M)
            (edition.parent / f"{edition.stem}{suffix}.yml").write_text(text, encoding="utf-8")
            shutil.copyfile(project / "seeds" / f"{edition.stem}.txt", project / "seeds" / f"{edition.stem}{suffix}.txt")
            prefix = f"texts/{slug}/"      # the copies have the text's anchors, not its annotations (#ann-…)
            lock.update({f"texts/{slug}{suffix}/{address[len(prefix):]}": line for address, line in list(lock.items())
                         if address.startswith(prefix) and "#ann-" not in address})
    (project / "anchors.lock.json").write_text(lock_text(lock), encoding="utf-8")


def edit_annotation(project: Path, run: int | str, path: Path | None = None) -> None:
    """Add a few characters to the body of the first annotation of the first annotation file."""
    path = path or sorted((project / "annotations").glob("*.yml"))[0]
    annotations = yaml.safe_load(path.read_text(encoding="utf-8"))
    annotations[0]["body"] += run if isinstance(run, str) else f"（修改 {run}）"
    path.write_text(yaml.safe_dump(annotations, allow_unicode=True, sort_keys=False), encoding="utf-8")


def page_weight(pages: list[Path]) -> tuple[int, int]:
    """The median page's HTML bytes, raw and gzipped."""
    sizes = sorted((len(data), len(gzip.compress(data, compresslevel=6))) for data in (p.read_bytes() for p in pages))
    return sizes[len(sizes) // 2] if sizes else (0, 0)


def largest_page(site: Path) -> tuple[int, str]:
    """The largest HTML page (bytes, page address)."""
    return max((page.stat().st_size, page.relative_to(site).parent.as_posix() + "/") for page in site.rglob("*.html"))


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def search_figures(site: Path) -> Search:
    """Index the built site again (timed), then one query in Chromium: bytes fetched, time to first result."""
    from .search_index import BUNDLE, TABLE, index_site

    start = time.perf_counter()
    index_site(site)
    seconds = time.perf_counter() - start
    query_bytes, first_ms = browser_search(site, QUERY)
    return Search(round(seconds, 2), folder_bytes(site / BUNDLE) + (site / TABLE).stat().st_size, query_bytes, first_ms)


def browser_search(site: Path, query: str, repeats: int = 5) -> tuple[int, float]:
    """(bytes the page fetched from opening the search to the query's results, median ms from
    typing the query again to its first result)."""
    from playwright.sync_api import sync_playwright

    with serving(site) as base, sync_playwright() as playwright:
        url = base + "texts/"
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        tab = browser.new_page()
        tab.goto(url, wait_until="networkidle")
        fetched = []
        tab.on("requestfinished", lambda request: fetched.append(request.sizes()["responseBodySize"]))
        tab.keyboard.press("/")
        box = tab.locator(".edition-search__input")
        box.fill(query)
        tab.locator(".edition-search__result").first.wait_for()
        tab.wait_for_load_state("networkidle")
        query_bytes = sum(fetched)
        times = []
        for _ in range(repeats):
            box.fill("")
            tab.wait_for_function("() => !document.querySelector('.edition-search__result')")
            times.append(tab.evaluate("""query => new Promise(resolve => {
                const box = document.querySelector('.edition-search__input'), start = performance.now();
                new MutationObserver((changes, observer) => {
                  if (document.querySelector('.edition-search__result')) {
                    observer.disconnect(); resolve(performance.now() - start); } })
                  .observe(document.getElementById('edition-search'), {childList: true, subtree: true});
                box.value = query; box.dispatchEvent(new Event('input')); })""", query))
        browser.close()
    return query_bytes, round(statistics.median(times), 1)


def text_page_weight(site: Path) -> tuple[int, int]:
    """The median text page's HTML bytes, raw and gzipped (reports and whole-text copies aside)."""
    return page_weight([page for page in (site / "texts").rglob("index.html")
                        if page.parent.name not in ("report", "print", "texts")])


def measure(project: Path, env: dict, runs: int) -> Figures:
    """The figures of the corpus now in the scratch project, each timing the median of `runs`."""
    python = [sys.executable, "-m"]
    process, printed = timed(python + ["build_tools.bench", str(runs)], project, env)
    pipeline = Run(*map(float, printed.split()), process.peak_bytes)
    builds = []
    for _ in range(runs):
        subprocess.run(["make", "--silent", "clean"], cwd=project, check=True)
        builds.append(timed(python + ["build_tools", "site"], project, env)[0])
    rebuilds = []
    for run in range(runs):
        edit_annotation(project, run)
        rebuilds.append(timed(python + ["build_tools", "site"], project, env)[0])
    texts = len(list((project / "editions").glob("*.yml")))
    return Figures(texts, pipeline, median_run(builds), median_run(rebuilds), search_figures(project / "site"),
                   largest_page(project / "site"), text_page_weight(project / "site"))


BASELINE_CONFIG = """# The raw-paste baseline of `make bench`: the raw texts as plain Markdown, bare Material.
site_name: raw-paste baseline
theme:
  name: material
  language: zh-TW
  font: false
plugins:
  - search:
      lang: zh
"""


def baseline_project(project: Path, target: Path) -> Path:
    """A bare Material site whose pages are the project's raw texts pasted as they are."""
    docs = target / "docs"
    docs.mkdir(parents=True)
    raws = sorted((project / "seeds").glob("*.txt"))
    (docs / "index.md").write_text("# raw-paste baseline\n\n" + "".join(f"- [{raw.stem}]({raw.stem}.md)\n"
                                                                      for raw in raws), encoding="utf-8")
    for raw in raws:
        (docs / f"{raw.stem}.md").write_text(f"# {raw.stem}\n\n" + raw.read_text(encoding="utf-8"), encoding="utf-8")
    (target / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    return target


def measure_baseline(project: Path, env: dict, runs: int) -> Baseline:
    import importlib.util

    target = baseline_project(project, project.parent / "baseline")
    builds = [timed([sys.executable, "-m", "mkdocs", "build", "--quiet"], target, env)[0] for _ in range(runs)]
    pages = [page for page in (target / "site").rglob("index.html") if page.parent != target / "site"]
    return Baseline(median_run(builds), importlib.util.find_spec("jieba") is not None, page_weight(pages))


def annotation_page(project: Path, path: Path) -> str:
    """The site-relative address of the page showing the first annotation of an annotation file."""
    import json

    first = yaml.safe_load(path.read_text(encoding="utf-8"))[0]["id"]
    registry = json.loads((project / "docs" / "anchors.json").read_text(encoding="utf-8"))
    return next(anchor["url"].split("#")[0] for text in registry["texts"] for anchor in text["anchors"]
                if anchor["id"] == first)


def reload_latencies(project: Path, env: dict, saves: int = 3) -> list[float]:
    """`make serve` in the scratch project; an annotation saved `saves` times while Chromium shows
    its page: the seconds from each save until the reloaded page holds the new text."""
    import signal
    import socket

    from playwright.sync_api import sync_playwright

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    path = sorted((project / "annotations").glob("*.yml"))[0]
    server = subprocess.Popen([sys.executable, "-m", "build_tools", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    latencies = []
    try:
        address = next(line.split()[4] for line in server.stdout if line.startswith("Serving the edition on "))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            tab = browser.new_page()
            tab.goto(address + annotation_page(project, path))
            tab.wait_for_function("document.readyState === 'complete'")
            for run in range(saves):
                time.sleep(3)            # a pause between saves: the secondary pages are built by then
                marker = f"（計時 {run}）"
                saved = time.monotonic()
                edit_annotation(project, marker, path)
                tab.wait_for_function(f"document.body !== null && document.body.textContent.includes({marker!r})",
                                      timeout=60_000, polling=50)      # (no body while the page reloads)
                latencies.append(time.monotonic() - saved)
                tab.wait_for_function("document.readyState === 'complete'")
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.communicate(timeout=30)
    return latencies


def seconds_cell(run: Run) -> str:
    return f"{run.seconds:.2f} s (CPU {run.cpu_seconds:.2f} s)"


def memory_cell(run: Run) -> str:
    return f"{run.peak_bytes / MB:.0f} MB"


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def page_cell(figures: Figures) -> str:
    size, address = figures.largest_page
    return f"{size / MB:.2f} MB ({address}) {mark(size < MB)}"


def weight_cell(weight: tuple[int, int]) -> str:
    return f"{weight[0] / 1000:.0f} kB (gzipped {weight[1] / 1000:.0f} kB)"


def table(small: Figures, large: Figures, baseline: Baseline, latencies: list[float]) -> str:
    """The Markdown table: one row per measure, a column per corpus, the budget it is checked against."""
    ratio = large.build.cpu_seconds / small.build.cpu_seconds
    to_baseline = small.build.cpu_seconds / baseline.build.cpu_seconds
    reload = statistics.median(latencies)
    search = "Material's search, lang: zh" + (", jieba" if baseline.segmented else " (jieba not installed: unsegmented)")
    rows = [
        ("cleaning pipeline, in process", f"{seconds_cell(small.pipeline)} {mark(small.pipeline.seconds < 3)}",
         seconds_cell(large.pipeline), f"< 3 s ({small.texts} texts)"),
        ("… peak memory", memory_cell(small.pipeline), memory_cell(large.pipeline), ""),
        ("full build: `make clean`, generate + `mkdocs build --strict`",
         f"{seconds_cell(small.build)} {mark(small.build.seconds < 30)}",
         f"{seconds_cell(large.build)}: {ratio:.1f}× {mark(ratio < 10)}",
         f"< 30 s; {large.texts} texts < 10× {small.texts} texts (CPU time)"),
        ("… peak memory", memory_cell(small.build), memory_cell(large.build), ""),
        ("rebuild after one annotation edit", f"{seconds_cell(small.rebuild)} {mark(small.rebuild.seconds < 10)}",
         seconds_cell(large.rebuild), f"< 10 s ({small.texts} texts)"),
        ("… peak memory", memory_cell(small.rebuild), memory_cell(large.rebuild), ""),
        ("search: Pagefind indexes the built site", f"{small.search.index_seconds:.2f} s",
         f"{large.search.index_seconds:.2f} s {mark(large.search.index_seconds < SEARCH_INDEX_SECONDS)}",
         f"< {SEARCH_INDEX_SECONDS} s ({large.texts} texts)"),
        ("… its index on disk", f"{small.search.index_bytes / MB:.2f} MB", f"{large.search.index_bytes / MB:.2f} MB", ""),
        (f"… bytes fetched for one query ({QUERY})", f"{small.search.query_bytes / MB:.2f} MB "
         f"{mark(small.search.query_bytes < QUERY_BYTES[0])}", f"{large.search.query_bytes / MB:.2f} MB "
         f"{mark(large.search.query_bytes < QUERY_BYTES[1])}",
         f"< {QUERY_BYTES[0] / MB:.1f} MB; < {QUERY_BYTES[1] / MB:.1f} MB"),
        ("… first result, index fragments loaded", f"{small.search.first_result_ms:.0f} ms "
         f"{mark(small.search.first_result_ms < FIRST_RESULT_MS)}", f"{large.search.first_result_ms:.0f} ms "
         f"{mark(large.search.first_result_ms < FIRST_RESULT_MS)}", f"< {FIRST_RESULT_MS} ms"),
        ("largest page (HTML)", page_cell(small), page_cell(large), "< 1 MB"),
        ("a text page (HTML, median)", weight_cell(small.text_page), weight_cell(large.text_page), ""),
        (f"raw-paste baseline: the raw texts as plain Markdown, bare Material ({search})",
         seconds_cell(baseline.build), "", ""),
        ("… a page (HTML, median)", weight_cell(baseline.text_page), "", ""),
        ("full build / raw-paste baseline (CPU time)", f"{to_baseline:.2f}× {mark(to_baseline <= RATIO_BUDGET)}", "",
         f"≤ {RATIO_BUDGET}×"),
        ("`make serve`: save an annotation → reloaded page shows it (median of 3)",
         f"{reload:.2f} s ({', '.join(f'{s:.2f}' for s in latencies)}) {mark(reload <= RELOAD_BUDGET)}", "",
         f"≤ {RELOAD_BUDGET:.0f} s"),
    ]
    lines = [f"| measure | {small.texts} texts | {large.texts} texts | budget |", "|---|---:|---:|---|"]
    return "\n".join(lines + [f"| {' | '.join(row)} |" for row in rows])


def bench(runs: int = 3) -> str:
    """Measure the five texts (median of `runs`), then the 50-text corpus (one run); the table."""
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as scratch:
        project = scratch_copy(Path(scratch) / "project")
        temp = Path(scratch) / "tmp"          # the tools' temporary files land here, not in /tmp
        temp.mkdir()
        env = dict(os.environ, TMPDIR=str(temp), NO_MKDOCS_2_WARNING="1")
        small = measure(project, env, runs)
        baseline = measure_baseline(project, env, runs)
        latencies = reload_latencies(project, env)
        add_copies(project)
        large = measure(project, env, 1)
    how = (f"Measured {date.today().isoformat()} with `make bench` on {os.cpu_count()} cores, "
           f"Python {platform.python_version()}; {small.texts} texts and the baseline: median of {runs} runs, "
           f"{large.texts} texts: one run.")
    return table(small, large, baseline, latencies) + "\n\n" + how


def pipeline_seconds(runs: int) -> tuple[float, float]:
    """The median wall-clock and CPU time of the in-process cleaning pipeline (`clean_all`)."""
    from .build import clean_all

    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        clean_all()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


if __name__ == "__main__":      # `python -m build_tools.bench RUNS`, run by measure() in the scratch copy
    print(*(f"{seconds:.3f}" for seconds in pipeline_seconds(int(sys.argv[1]))))
