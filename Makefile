# The edition's commands. `make build` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: checkers pdf build build-zensical serve test check bench fuzz browsers clean lock-anchors publish

# Bootstrap the virtual environment from the pinned requirements (re-run when they change).
$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Generate the Markdown from seeds/ + editions/, then render the site into site/, then print each
# text's PDF from it (`make pdf`, ~30 s: Chromium; `python -m build_tools site` alone skips it).
build: $(STAMP) browsers
	$(PY) -m build_tools site
	$(PY) -m build_tools pdf

pdf: $(STAMP) browsers
	$(PY) -m build_tools pdf

# What the publishing workflow deploys (public/, build_tools/publish.py): every release tag vX.Y.Z
# rebuilt into X.Y.Z/, the current version into its X.Y.Z/ and latest/, the root sending readers to
# latest/ — a cited version stays retrievable. Set SITE_URL and REPO_URL for the host first.
publish: build
	git config --global --add safe.directory "$(CURDIR)" 2>/dev/null || true
	$(PY) -m build_tools publish

# The same generated docs rendered by Zensical, Material's successor, into site-zensical/.
build-zensical: $(STAMP)
	$(PY) -m build_tools zensical

# Generate, then serve on http://127.0.0.1:8000/ with live reload; an edit to a raw text, an
# edition, annotation or glossary file, the bibliography or build_tools regenerates the docs.
serve: $(STAMP)
	$(PY) -m build_tools serve

# Validate the contributed data files only (fast).
check: $(STAMP)
	$(PY) -m build_tools check

# Debian's Chromium and CJK fonts for the browser tests (installed only when missing).
browsers:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then \
	  echo "Installing chromium and fonts-noto-cjk (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

# Debian's checkers for the citation and download tests: biber (biblatex data model), jing (TEI
# RELAX NG), pdftotext (the PDFs' first page); installed only when missing.
checkers:
	@if ! command -v biber >/dev/null || ! command -v jing >/dev/null || ! command -v pdftotext >/dev/null; then \
	  echo "Installing biber, jing and poppler-utils (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq biber jing poppler-utils >/dev/null; \
	fi

test: $(STAMP) browsers checkers
	$(PY) -m pytest

# Timings and sizes of the five texts and a synthetic 50-text corpus (GNU time installed if missing).
bench: $(STAMP)
	@test -x /usr/bin/time || { echo "Installing GNU time (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
	$(PY) -m build_tools bench

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/test_invariants.py

# Record newly published anchors in anchors.lock.json (review the diff, then commit it).
lock-anchors: $(STAMP)
	$(PY) -m build_tools lock

clean:
	rm -rf site docs/texts docs/anchors.json build .pytest_cache
