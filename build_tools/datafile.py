"""Read the contributed YAML data files strictly, with line numbers for every error.

PyYAML silently keeps the last of two duplicate keys and pydantic does not know
where a value came from, so we compose the YAML node tree ourselves: duplicates
are rejected, and each value's position is remembered to point validation errors
at `file:line:column`.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, TypeVar

import pydantic
import yaml

from .errors import EditionError

Model = TypeVar("Model", bound=pydantic.BaseModel)
Positions = dict[tuple, tuple[int, int]]

LINE_BREAK_OR_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def _one_line(value: str) -> str:
    if LINE_BREAK_OR_CONTROL.search(value):
        raise ValueError("must be one line of text (no line breaks, tabs or control characters)")
    return value


def _prose(value: str) -> str:
    if CONTROL.search(value):
        raise ValueError("must be plain text (no tabs or control characters)")
    return value


# Contributed plain text (escaped on output). A one-line value lands in titles, table cells and
# the navigation, where a line break would change the Markdown's structure.
OneLine = Annotated[str, pydantic.AfterValidator(_one_line)]
Prose = Annotated[str, pydantic.AfterValidator(_prose)]


def _at(path: Path, mark, message: str) -> EditionError:
    return EditionError(path, message, mark.line + 1 if mark else None, mark.column + 1 if mark else None)


def _scalar(path: Path, node: yaml.Node):
    try:
        return yaml.SafeLoader("").construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise _at(path, node.start_mark, f"YAML tag '{node.tag}' is not allowed — write a plain value") from None
    except ValueError as exc:
        raise _at(path, node.start_mark, f"'{node.value}' is not a valid value ({exc}) — correct it") from None


PLAIN_TAGS = {yaml.MappingNode: "tag:yaml.org,2002:map", yaml.SequenceNode: "tag:yaml.org,2002:seq"}


def _to_python(node: yaml.Node, path: Path, loc: tuple, positions: Positions) -> Any:
    positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if type(node) in PLAIN_TAGS and node.tag != PLAIN_TAGS[type(node)]:
        raise _at(path, node.start_mark, f"YAML tag '{node.tag}' is not allowed — write a plain value")
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _at(path, key_node.start_mark, "a key must be a plain name — write `name: value`")
            key = yaml.SafeLoader("").construct_scalar(key_node)
            if key in result:
                raise _at(path, key_node.start_mark, f"duplicate key '{key}' — keep one of them")
            result[key] = _to_python(value_node, path, loc + (key,), positions)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, path, loc + (i,), positions) for i, item in enumerate(node.value)]
    return _scalar(path, node)


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    problem = str(exc.problem or exc.context or "invalid YAML")
    if "'\\t'" in problem:
        return "YAML syntax error: a tab character — YAML forbids tabs for indentation: indent with spaces"
    if exc.context and problem.startswith("but "):
        problem = f"{exc.context}, {problem}"
    return f"YAML syntax error: {problem} — fix the syntax"


def load_yaml(path: Path) -> tuple[Any, Positions]:
    """Parse one YAML document; return the data and the position of every value.

    Tags, anchors and aliases are refused: a data file holds plain values only (an alias
    can also multiply a small file into a huge document)."""
    from .read import decode

    if not Path(path).is_file():
        raise EditionError(path, "no such file — check the name")
    text = decode(path, Path(path).read_bytes())
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise _at(path, event.start_mark, "YAML anchors and aliases (&name, *name) are not allowed "
                                                  "in data files — write the value out")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise _at(path, exc.problem_mark or exc.context_mark, _syntax_message(exc)) from None
    positions: Positions = {}
    data = _to_python(node, path, (), positions) if node is not None else None
    return data, positions


def _position(positions: Positions, loc: tuple) -> tuple[int | None, int | None]:
    """The position of the deepest known prefix of a pydantic error location."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in positions:
            return positions[loc[:end]]
    return None, None


def validate(path: Path, model: type[Model], data: Any, positions: Positions) -> Model:
    """Validate `data` against `model`, turning the first error into an EditionError."""
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        line, column = _position(positions, loc)
        field = ".".join(str(part) for part in loc) or "document"
        kind = error["type"]
        if kind == "extra_forbidden":
            fix = f"unknown field '{loc[-1]}' — remove it or check its spelling"
        elif kind == "missing":
            fix = f"missing required field '{field}' — add it"
        else:
            fix = f"{field}: {error['msg'].removeprefix('Value error, ')} — correct the value"
        raise EditionError(path, fix, line, column) from None


def load_model(path: Path, model: type[Model]) -> Model:
    data, positions = load_yaml(path)
    return validate(path, model, data, positions)
