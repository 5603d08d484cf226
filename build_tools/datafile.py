"""Read the contributed YAML data files strictly, with line numbers for every error.

PyYAML silently keeps the last of two duplicate keys and pydantic does not know
where a value came from, so we compose the YAML node tree ourselves: duplicates
are rejected, and each value's position is remembered to point validation errors
at `file:line:column`.
"""
from __future__ import annotations

import difflib
import re
import typing
from pathlib import Path
from typing import Annotated, Any, TypeVar

import pydantic
import yaml

from .errors import EditionError, EditionErrors

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
        return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
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
            key = yaml.constructor.SafeConstructor().construct_scalar(key_node)
            if key in result:
                raise _at(path, key_node.start_mark, f"duplicate key '{key}' — keep one of them")
            result[key] = _to_python(value_node, path, loc + (key,), positions)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, path, loc + (i,), positions) for i, item in enumerate(node.value)]
    return _scalar(path, node)


KEY = re.compile(r"^(?P<indent> *)(?:- +)?(?P<key>[^\s:#'\"][^:#]*?):(?: |$)")


def _previous_key_indent(lines: list[str], row: int) -> int | None:
    """The column (0-based) of the key on the nearest non-blank, non-comment line above `row`."""
    for line in reversed(lines[:row]):
        if line.strip() and not line.lstrip().startswith("#"):
            match = KEY.match(line)
            if not match:
                return None
            return len(line) - len(line.lstrip(" -")) if line.lstrip().startswith("- ") else len(match["indent"])
    return None


def _mapping_value_message(lines: list[str], mark) -> tuple[str, int] | None:
    """PyYAML's 「mapping values are not allowed here」 is one of two mistakes: a key indented
    deeper than the one above (it reads as the continuation of the value above), or an unquoted
    `: ` inside a value. Returns the friendly message and the column to point at.

    >>> _mapping_value_message(["- id: apec", "  term: APEC", "   kind: abbreviation"], yaml.Mark("", 0, 2, 7, "", 0))
    ("YAML syntax error: 'kind:' is indented more than the line above — align with the line above", 4)
    >>> _mapping_value_message(["  source: Keohane: Power"], yaml.Mark("", 0, 0, 17, "", 0))[0]
    "YAML syntax error: the value of 'source' holds a colon and a space (: ) — quote the value or use |-"
    """
    if mark is None or mark.line >= len(lines):
        return None
    line = lines[mark.line]
    match = KEY.match(line)
    if match and match.end("key") == mark.column:         # the line's own key: an indentation mistake
        indent = len(line) - len(line.lstrip(" "))
        above = _previous_key_indent(lines, mark.line)
        if above is not None and indent > above:
            return (f"YAML syntax error: '{match['key'].strip()}:' is indented more than the line above — "
                    "align with the line above"), indent + 1
    if match and match.end("key") < mark.column:          # a second `: ` on the line: inside the value
        return (f"YAML syntax error: the value of '{match['key'].strip()}' holds a colon and a space (: ) — "
                "quote the value or use |-"), mark.column + 1
    return None


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    problem = str(exc.problem or exc.context or "invalid YAML")
    if "'\\t'" in problem:
        return "YAML syntax error: a tab character — YAML forbids tabs for indentation: indent with spaces"
    if exc.context and problem.startswith("but "):
        problem = f"{exc.context}, {problem}"
    return f"YAML syntax error: {problem} — fix the syntax"


# libyaml's parser when PyYAML has it (ten times faster); a file it rejects is parsed again by
# PyYAML's pure-Python parser, whose error messages the friendly ones below are made from.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(path: Path, text: str, loader) -> yaml.Node | None:
    """The document's node tree; anchors and aliases refused."""
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _at(path, event.start_mark, "YAML anchors and aliases (&name, *name) are not allowed "
                                              "in data files — write the value out")
    return yaml.compose(text, Loader=loader)


def load_yaml(path: Path) -> tuple[Any, Positions]:
    """Parse one YAML document; return the data and the position of every value.

    Tags, anchors and aliases are refused: a data file holds plain values only (an alias
    can also multiply a small file into a huge document)."""
    from .read import decode

    if not Path(path).is_file():
        raise EditionError(path, "no such file — check the name")
    text = decode(path, Path(path).read_bytes())
    try:
        node = _compose(path, text, FAST_LOADER)
    except yaml.YAMLError:          # PyYAML's own parser words the error as the messages below expect
        node = _checked_compose(path, text)
    positions: Positions = {}
    data = _to_python(node, path, (), positions) if node is not None else None
    return data, positions


def _checked_compose(path: Path, text: str) -> yaml.Node | None:
    """The node tree by PyYAML's own parser, its syntax errors as one-line messages."""
    try:
        return _compose(path, text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "mapping values are not allowed" in str(exc.problem):
            friendly = _mapping_value_message(text.splitlines(), mark)
            if friendly:
                raise EditionError(path, friendly[0], mark.line + 1, friendly[1]) from None
        raise _at(path, mark, _syntax_message(exc)) from None


def _position(positions: Positions, loc: tuple) -> tuple[int | None, int | None]:
    """The position of the deepest known prefix of a pydantic error location."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in positions:
            return positions[loc[:end]]
    return None, None


def _inner(annotation):
    """The model inside `X | None`, `list[X]`, `Annotated[X, …]` (one level)."""
    for arg in typing.get_args(annotation):
        if isinstance(arg, type) and issubclass(arg, pydantic.BaseModel):
            return arg
        found = _inner(arg) if typing.get_args(arg) else None
        if found is not None:
            return found
    return None


def field_names(model: type[pydantic.BaseModel], loc: tuple) -> list[str]:
    """The fields allowed at `loc` (a pydantic error location, its last part the unknown field).

    >>> from build_tools.glossary import Glossary
    >>> "definition" in field_names(Glossary, (0, "defintion"))
    True
    """
    current = model
    for part in loc[:-1]:
        if isinstance(current, type) and issubclass(current, pydantic.RootModel):
            current = _inner(current.model_fields["root"].annotation) or current
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        inner = _inner(field.annotation) or (field.annotation if isinstance(field.annotation, type) and
                                             issubclass(field.annotation, pydantic.BaseModel) else None)
        if inner is None:
            return []
        current = inner
    if isinstance(current, type) and issubclass(current, pydantic.RootModel):
        current = _inner(current.model_fields["root"].annotation) or current
    return list(getattr(current, "model_fields", {}))


def did_you_mean(word: str, known) -> str:
    """A hint for a mistyped name, from the names it could be (difflib).

    >>> did_you_mean("defintion", ["definition", "source"]), did_you_mean("zzz", ["definition"])
    (' (did you mean definition?)', '')
    """
    close = difflib.get_close_matches(str(word), list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def schema_errors(path: Path, model: type[pydantic.BaseModel], exc: pydantic.ValidationError,
                  positions: Positions) -> list[EditionError]:
    """Every schema error of a file, one per value (a union's alternatives give one message), in
    file order."""
    errors: dict[tuple, EditionError] = {}
    for error in exc.errors():
        loc = tuple(error["loc"])
        if loc in errors:
            continue
        line, column = _position(positions, loc)
        field = ".".join(str(part) for part in loc) or "document"
        kind = error["type"]
        if kind == "extra_forbidden":
            hint = did_you_mean(loc[-1], field_names(model, loc))
            fix = f"unknown field '{loc[-1]}'{hint} — remove it or check its spelling"
        elif kind == "missing":
            fix = f"missing required field '{field}' — add it"
        else:
            fix = f"{field}: {error['msg'].removeprefix('Value error, ')} — correct the value"
        errors[loc] = EditionError(path, fix, line, column)
    return sorted(errors.values(), key=lambda e: (e.line or 0, e.column or 0))


def validate(path: Path, model: type[Model], data: Any, positions: Positions) -> Model:
    """Validate `data` against `model`; every error of the file is raised at once."""
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        errors = schema_errors(path, model, exc, positions)
        raise (errors[0] if len(errors) == 1 else EditionErrors(errors)) from None


def load_model(path: Path, model: type[Model]) -> Model:
    data, positions = load_yaml(path)
    return validate(path, model, data, positions)
