"""Read the contributed YAML data files strictly, with line numbers for every error.

PyYAML silently keeps the last of two duplicate keys and pydantic does not know
where a value came from, so we compose the YAML node tree ourselves: duplicates
are rejected, and each value's position is remembered to point validation errors
at `file:line:column`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import pydantic
import yaml

from .errors import EditionError

Model = TypeVar("Model", bound=pydantic.BaseModel)
Positions = dict[tuple, tuple[int, int]]


def _to_python(node: yaml.Node, path: Path, loc: tuple, positions: Positions) -> Any:
    positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = yaml.SafeLoader.construct_scalar(yaml.SafeLoader(""), key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if key in result:
                raise EditionError(path, f"duplicate key '{key}' — keep one of them",
                                   key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _to_python(value_node, path, loc + (key,), positions)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, path, loc + (i,), positions) for i, item in enumerate(node.value)]
    loader = yaml.SafeLoader("")
    return loader.construct_object(node, deep=True)


def load_yaml(path: Path) -> tuple[Any, Positions]:
    """Parse one YAML document; return the data and the position of every value."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        hint = " (YAML forbids tabs for indentation: use spaces)" if "\t" in text and "tab" in str(exc.problem or "") else ""
        raise EditionError(path, f"YAML syntax error: {exc.problem}{hint} — fix the syntax",
                           mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
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
            fix = f"{field}: {error['msg']} — correct the value"
        raise EditionError(path, fix, line, column) from None


def load_model(path: Path, model: type[Model]) -> Model:
    data, positions = load_yaml(path)
    return validate(path, model, data, positions)
