"""Errors a user can act on: one line, `file:line[:column]: what is wrong — what to do`."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent   # the project root, defined once (editions re-exports it)


def shown_path(path) -> str:
    """A path as messages print it: relative to the project root when inside it."""
    path = Path(path)
    if path.is_absolute():
        try:
            return str(path.relative_to(ROOT))
        except ValueError:
            pass
    return str(path)


class EditionError(Exception):
    """A problem in an input file, reported without a traceback."""

    def __init__(self, path, message: str, line: int | None = None, column: int | None = None):
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = message
        super().__init__(str(self))

    def located(self, path: str) -> str:
        where = path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"

    def __str__(self) -> str:
        return self.located(self.path)

    def shown(self) -> str:
        """As the command line prints it: the path relative to the project root."""
        return self.located(shown_path(self.path))


class EditionErrors(EditionError):
    """Several problems found in one pass (a validator reports them all), one per line."""

    def __init__(self, errors: list[EditionError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.message, first.line, first.column)

    def __str__(self) -> str:
        return "\nerror: ".join(EditionError.__str__(error) for error in self.errors)

    def shown(self) -> str:
        return "\nerror: ".join(EditionError.shown(error) for error in self.errors)


def warn(path, message: str, line: int | None = None) -> str:
    """Print a warning in the errors' format (the build goes on); returns its text."""
    text = EditionError(path, message, line).shown()
    print(f"warning: {text}", file=sys.stderr)
    return text
