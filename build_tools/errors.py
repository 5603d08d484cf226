"""Errors a user can act on: one line, `file:line[:column]: what is wrong — what to do`."""
from __future__ import annotations


class EditionError(Exception):
    """A problem in an input file, reported without a traceback."""

    def __init__(self, path, message: str, line: int | None = None, column: int | None = None):
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class EditionErrors(EditionError):
    """Several problems found in one pass (a validator reports them all), one per line."""

    def __init__(self, errors: list[EditionError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.message, first.line, first.column)

    def __str__(self) -> str:
        return "\nerror: ".join(EditionError.__str__(error) for error in self.errors)
