"""`make bench`'s table: every figure printed for both corpora, each checked against its budget
(the measurements themselves take minutes: `make bench` runs them, not the test suite)."""
from __future__ import annotations

from build_tools.bench import Baseline, Figures, Run, Search, table

MB = 1_000_000


def figures(texts: int, scale: float, query_bytes: int, first_ms: float, page: int) -> Figures:
    run = Run(10.0 * scale, 5.0 * scale, 100 * MB)
    return Figures(texts, run, run, run, Search(1.5 * scale, int(1.4 * MB * scale), query_bytes, first_ms),
                   (page, "glossary/"), (180_000, 34_000))


def rows(printed: str) -> dict[str, list[str]]:
    table_lines = [line for line in printed.splitlines()[2:] if line.startswith("|")]
    cells = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in table_lines]
    return {row[0]: row[1:] for row in cells}


def test_every_search_figure_is_printed_for_both_corpora_with_its_budget():
    small = figures(5, 1, 340_000, 49, 530_000)
    large = figures(50, 8, 2_500_000, 120, 900_000)
    baseline = Baseline(Run(6.0, 4.0, 90 * MB), True, (92_000, 38_000))
    printed = rows(table(small, large, baseline, [1.2, 1.1, 2.5]))
    assert "not yet measured" not in "".join(cell for cells in printed.values() for cell in cells)
    index = printed["search: Pagefind indexes the built site"]
    assert index[0] == "1.50 s" and index[1] == "12.00 s ✓" and index[2] == "< 30 s (50 texts)"
    assert printed["… its index on disk"][:2] == ["1.40 MB", "11.20 MB"]
    query = next(cells for name, cells in printed.items() if name.startswith("… bytes fetched for one query"))
    assert query == ["0.34 MB ✓", "2.50 MB ✗", "< 1.0 MB; < 2.0 MB"]
    assert printed["… first result, index fragments loaded"] == ["49 ms ✓", "120 ms ✗", "< 100 ms"]
    assert printed["largest page (HTML)"][:2] == ["0.53 MB (glossary/) ✓", "0.90 MB (glossary/) ✓"]
    assert printed["full build / raw-paste baseline (CPU time)"][0] == "1.25× ✓"          # 5.0 / 4.0
    reload = next(cells for name, cells in printed.items() if name.startswith("`make serve`"))
    assert reload[0] == "1.20 s (1.20, 1.10, 2.50) ✓"
    baseline_row = next(name for name in printed if name.startswith("raw-paste baseline"))
    assert "jieba" in baseline_row and "unsegmented" not in baseline_row
