# The edition's commands. `make build` and `make test` are all a fresh machine needs.
PYTHON ?= python3
# where `make serve` listens (make serve ADDR=127.0.0.1:8001)
ADDR   ?= 127.0.0.1:8000
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check
# One stamp per requirements file: `make build` installs only what building needs.
BUILD_STAMP    := $(VENV)/.installed-build
ZENSICAL_STAMP := $(VENV)/.installed-zensical
DEV_STAMP      := $(VENV)/.installed-dev
export NO_MKDOCS_2_WARNING := 1

.PHONY: build build-zensical serve test check bench fuzz browsers checkers pdf publish clean lock-anchors layouts layout-tools

# The virtual environment itself (Python 3.11+ with its venv module: Debian's python3-venv).
$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
	  { echo "error: $(PYTHON) is missing or older than 3.11 — install Python 3.11 or newer, or run make PYTHON=python3.12"; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "error: $(PYTHON) -m venv failed — install the venv module (Debian/Ubuntu: apt-get install python3-venv)"; exit 1; }

# Build: requirements.txt only (MkDocs, Material, the pipeline's libraries; no test tools).
$(BUILD_STAMP): requirements.txt | $(PY)
	$(PIP) -r requirements.txt
	touch $@

# Zensical, for `make build-zensical` only.
$(ZENSICAL_STAMP): requirements-zensical.txt $(BUILD_STAMP)
	$(PIP) -r requirements-zensical.txt
	touch $@

# Tests and bench: requirements-dev.txt (pytest, playwright, hypothesis, axe, actionlint, pybtex…).
$(DEV_STAMP): requirements-dev.txt $(ZENSICAL_STAMP)
	$(PIP) -r requirements-dev.txt
	touch $@

# Generate the Markdown from seeds/ + editions/, render the site into site/, then print each
# text's PDF from it (Debian's Chromium, installed if missing; `python -m build_tools site` alone skips it).
build: $(BUILD_STAMP)
	$(PY) -m build_tools site
	@if [ -x /usr/bin/chromium ]; then $(PY) -m build_tools pdf; else \
	  echo "warning: /usr/bin/chromium is missing, so the texts' PDFs were not printed — run make pdf (it installs Debian's Chromium with apt-get)"; fi

pdf: $(BUILD_STAMP) browsers
	$(PY) -m build_tools pdf

# What the publishing workflow deploys (public/, build_tools/publish.py): every release tag vX.Y.Z
# rebuilt into X.Y.Z/, the current version into its X.Y.Z/ and latest/, the root sending readers to
# latest/ — a cited version stays retrievable. Set SITE_URL and REPO_URL for the host first.
publish: build
	git config --global --add safe.directory "$(CURDIR)" 2>/dev/null || true
	$(PY) -m build_tools publish

# The same generated docs rendered by Zensical, Material's successor, into site-zensical/.
build-zensical: $(ZENSICAL_STAMP)
	$(PY) -m build_tools zensical

# Generate, build, then serve with live reload on the address it prints (site_url's path on
# 127.0.0.1:8000); saving a source file rebuilds only what it touches, errors show in the browser.
serve: $(BUILD_STAMP)
	$(PY) -m build_tools serve --dev-addr $(ADDR)

# Validate the contributed data files only (fast).
check: $(BUILD_STAMP)
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

test: $(DEV_STAMP) browsers checkers
	$(PY) -m pytest

# Timings and sizes of the five texts, a synthetic 50-text corpus and the raw-paste baseline, the
# serve loop's save-to-reload latency (GNU time installed if missing).
bench: $(DEV_STAMP) browsers
	@test -x /usr/bin/time || { echo "Installing GNU time (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
	$(PY) -m build_tools bench

fuzz: $(DEV_STAMP)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/test_invariants.py

# The layout bench: typeset tests/layouts/ with WeasyPrint, extract with pdftotext (default, -raw),
# pdfminer.six, PyMuPDF and PDFBox into tests/layouts/fixtures/ (committed), then print the figures.
# `make test` reads the committed fixtures (tests/test_layouts.py): no typesetting there.
layout-tools:
	@if ! command -v weasyprint >/dev/null || ! command -v pdftotext >/dev/null || \
	    [ ! -f /usr/share/java/pdfbox2-tools.jar ] || ! command -v java >/dev/null; then \
	  echo "Installing weasyprint, poppler-utils, libpdfbox2-java (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    weasyprint poppler-utils libpdfbox2-java default-jre-headless fonts-noto-cjk >/dev/null; \
	fi

layouts: $(DEV_STAMP) layout-tools
	$(PY) -m tests.layouts.generate
	$(PY) -m build_tools.layoutbench

# Record newly published anchors in anchors.lock.json (review the diff, then commit it).
lock-anchors: $(BUILD_STAMP)
	$(PY) -m build_tools lock

clean:
	rm -rf site docs/texts docs/anchors.json build .pytest_cache
