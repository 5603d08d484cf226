"""Command line: `python -m build_tools COMMAND`.

  build     generate docs/texts/**.md and docs/anchors.json from seeds/ + editions/
  site      build, then `mkdocs build --strict` into site/ (replaced only on success)
  serve     generate, then serve with live reload, regenerating on edits to the sources
  zensical  build, then `zensical build --strict` into site-zensical/ (Material's successor)
  check     validate the contributed data files (and any data file named: edition, annotation,
            glossary or bibliography)
  bench     time the pipeline and the builds, on the five texts and a synthetic 50-text corpus
  where     print the raw file and line number(s) of a phrase (for a `corrections:` entry)
  scaffold  write a template edition file for a new raw text
  terms     list the bilingual pairs of the texts that the glossary lacks (for editors)
  lock      add the build's new anchors to anchors.lock.json (never removes one; --accept-moved
            re-pins anchors whose text now begins on another raw line)
  bib       add entries to bib/references.bib for cited works it lacks (for editors)
"""
from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from .errors import EditionError, shown_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "site", "pdf", "publish", "zensical", "bench", "terms", "bib"):
        sub.add_parser(name)
    lock = sub.add_parser("lock")
    lock.add_argument("--accept-moved", action="store_true",
                      help="also re-pin locked anchors whose text now begins on another raw line")
    serve = sub.add_parser("serve")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (host:port)")
    check = sub.add_parser("check")
    check.add_argument("files", nargs="*", help="data files to check besides the others (edition, annotation, glossary, bibliography)")
    where = sub.add_parser("where")
    where.add_argument("phrase", help="a phrase as the site prints it (spaces and line breaks are ignored)")
    scaffold = sub.add_parser("scaffold")
    scaffold.add_argument("raw", help="file name of the raw text in seeds/")
    args = parser.parse_args(argv)          # command-line misuse: argparse exits with status 2
    try:
        return run(args)
    except EditionError as error:
        if args.debug:
            traceback.print_exc()
        print(f"error: {error.shown()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:              # a bug: one clear line, the traceback only with --debug
        if args.debug:
            traceback.print_exc()
        print(f"error: {internal_error(error)}", file=sys.stderr)
        return 1


def internal_error(error: Exception) -> str:
    """One line for a bug: where in build_tools it happened, and what to do."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if Path(frame.filename).parent == Path(__file__).parent] or frames
    place = f"{shown_path(ours[-1].filename)}:{ours[-1].lineno}" if ours else "build_tools"
    detail = f"{type(error).__name__}: {error}".splitlines()[0][:200]
    return f"{place}: internal error ({detail}) — this is a bug in build_tools: run with --debug and report it"


def run(args) -> int:
    from . import build, commands
    if args.command == "build":
        changed = build.generate()
        print(f"generated the edition ({changed} files changed)")
    elif args.command == "site":
        build.site()
        print("site built in site/")
    elif args.command == "pdf":
        from .pdf import print_pdfs

        for path in print_pdfs():
            print(f"wrote {path.relative_to(build.ROOT)}")
    elif args.command == "publish":
        from .publish import publish

        print(f"assembled every release in {publish().relative_to(build.ROOT)}/")
    elif args.command == "zensical":
        from .zensical_site import build_zensical

        build.generate()
        build_zensical()
        print("site built with Zensical in site-zensical/")
    elif args.command == "serve":
        commands.serve(args.dev_addr)
    elif args.command == "check":
        commands.check(args.files)
        print("all data files are valid")
    elif args.command == "bench":
        from .bench import bench

        print(bench())
    elif args.command == "terms":
        print(commands.term_candidates(), end="")
    elif args.command == "lock":
        print(commands.lock_anchors(args.accept_moved))
    elif args.command == "bib":
        print(commands.bibliography_update())
    elif args.command == "where":
        print(commands.where(args.phrase))
    elif args.command == "scaffold":
        print(commands.scaffold(args.raw))
    return 0


if __name__ == "__main__":
    sys.exit(main())
