"""Records from plainly valid data, without pydantic.

A query must answer within 1.3 times the time Python needs to import typer,
pydantic and yaml (issue 4); importing pydantic and building our models alone
takes longer than that margin. Almost every file in a maintained dataset is
plainly valid: text without surrounding spaces, ``true``/``false`` or ``ja``/``nee``, whole
numbers, ISO dates. For those files this module builds the records directly.

It only ever *accepts*: anything unusual (a missing field, an unknown key, a
number with a leading zero, spaces to strip, a type it does not know) makes
``build`` return None, and the caller validates the file with the pydantic
models instead, which either accept it or explain what is wrong. The contract,
whatever this module accepts pydantic accepts with the same result, is checked
by ``tests/test_quickbuild.py`` (every shipped file, the edge of every rule, every
field of every record type) and guarded by ``Record``, which refuses rules that
the two would read differently.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any

from partnerbeeld.model.recordbase import Record, Rule, boolean_word

Convert = Callable[[Any], Any]
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")  # pure-Python YAML lets "\ud800" through; pydantic refuses it
_MAX_DIGITS = 9  # far above any count or level here; int() of thousands of digits raises instead


class _NotPlain(Exception):
    """The value needs the full validator: it may be valid, but not plainly."""


def build(record_type: type[Record], data: Any) -> Any | None:
    """The record for ``data``, or None when the pydantic models must decide."""
    try:
        return _converter(record_type)(data)
    except _NotPlain:
        return None


_CONVERTERS: dict[Any, Convert] = {}


def _converter(annotation: Any) -> Convert:
    # keyed by the annotation itself: the same alias (Slug, Text) is compiled once
    try:
        return _CONVERTERS[annotation]
    except KeyError:
        pass
    except TypeError:  # an unhashable annotation; does not occur in records.py, but stay correct
        return _compile(annotation)
    convert = _CONVERTERS[annotation] = _compile(annotation)
    return convert


def _compile(annotation: Any) -> Convert:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extras = typing.get_args(annotation)
        rules = [extra for extra in extras if isinstance(extra, Rule)]
        return _ruled(base, rules[0]) if rules else _converter(base)
    if origin in (typing.Union, types.UnionType):
        others = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(others) != 1:
            return _never  # `int | str`: which one it is, pydantic decides
        return _optional(_converter(others[0]))
    if origin is list:
        return _list(_converter(typing.get_args(annotation)[0]))
    if origin is dict:
        key, value = typing.get_args(annotation)
        return _dict(_converter(key), _converter(value))
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return _record(annotation)
    if annotation is str:
        return _ruled(str, Rule())
    if annotation is bool:
        return _boolean
    if annotation is int:
        return _ruled(int, Rule())
    if annotation is dt.date:
        return _date
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _enum(annotation)
    return _never  # a type this module does not know: pydantic decides, never a crash


def _ruled(base: Any, rule: Rule) -> Convert:
    if base is str:
        return _text(rule)
    if base is int:
        return _integer(rule)
    inner = _converter(base)
    minimum, maximum = rule.min_length or 0, rule.max_length

    def sized(value: Any) -> Any:
        result = inner(value)
        if len(result) < minimum or (maximum is not None and len(result) > maximum):
            raise _NotPlain
        return result

    return sized


def _never(value: Any) -> Any:
    raise _NotPlain


def _text(rule: Rule) -> Convert:
    # fullmatch, not search: a pattern ending in "$" would let a trailing line break through
    search = re.compile(rule.pattern).fullmatch if rule.pattern else None
    minimum, maximum = rule.min_length or 0, rule.max_length

    def text(value: Any) -> str:
        # the models strip surrounding whitespace first; a value that has any is left to them
        if type(value) is not str or value != value.strip() or len(value) < minimum:
            raise _NotPlain
        if (maximum is not None and len(value) > maximum) or (search is not None and not search(value)):
            raise _NotPlain
        if _SURROGATE.search(value):
            raise _NotPlain
        return value

    return text


def _integer(rule: Rule) -> Convert:
    def integer(value: Any) -> int:
        # plain digits only: no sign, no spaces, no leading zero, no underscores
        if type(value) is not str or not (value.isascii() and value.isdigit()) or value[0] == "0" != value:
            raise _NotPlain
        if len(value) > _MAX_DIGITS:
            raise _NotPlain
        number = int(value)
        if (rule.ge is not None and number < rule.ge) or (rule.le is not None and number > rule.le):
            raise _NotPlain
        return number

    return integer


def _boolean(value: Any) -> bool:
    # the words of recordbase.BOOLEAN_WORDS, as the models read them; never with spaces
    result = boolean_word(value) if type(value) is str else None
    if result is None:
        raise _NotPlain
    return result


def _date(value: Any) -> dt.date:
    if type(value) is not str or not _DATE.fullmatch(value):
        raise _NotPlain
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _NotPlain from None


def _enum(kind: type[Enum]) -> Convert:
    members = {member.value: member for member in kind}

    def enum(value: Any) -> Enum:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise _NotPlain from None

    return enum


def _optional(inner: Convert) -> Convert:
    def optional(value: Any) -> Any:
        return None if value is None else inner(value)

    return optional


def _list(item: Convert) -> Convert:
    def items(value: Any) -> list[Any]:
        if type(value) is not list:
            raise _NotPlain
        return [item(element) for element in value]

    return items


def _dict(key: Convert, item: Convert) -> Convert:
    def mapping(value: Any) -> dict[Any, Any]:
        if type(value) is not dict:
            raise _NotPlain
        return {key(name): item(element) for name, element in value.items()}

    return mapping


def _record(record_type: type[Record]) -> Convert:
    # compiled lazily, at first use: a record may contain a record defined further down
    fields: list[tuple[str, Convert, bool]] = []
    names: set[str] = set()
    violation = getattr(record_type, "violation", None)

    def record(value: Any) -> Any:
        if not fields:
            for spec in record_type.fields.values():
                fields.append((spec.name, _converter(spec.annotation), spec.required))
                names.add(spec.name)
        if type(value) is not dict or not names.issuperset(value):
            raise _NotPlain  # not a mapping, or an unknown key
        values = {}
        for name, convert, required in fields:
            if name in value:
                values[name] = convert(value[name])
            elif required:
                raise _NotPlain
        if violation is not None and violation(values):
            raise _NotPlain
        return record_type(**values)

    return record
