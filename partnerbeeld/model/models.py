"""The pydantic models, generated from ``records``: the full validator.

``records`` says what a record holds; this module turns each record class into
a pydantic model with the same fields, rules and Dutch descriptions. The models
validate every file that ``quickbuild`` does not accept plainly, and their
errors become Dutch findings with line numbers (``fielderrors``); ``schemas``
turns them into JSON Schemas for editors; ``changes`` and ``scaffold`` use them
too. Importing this module costs about 100 ms (pydantic and the model build),
so the read-only commands only do when a file is not plainly valid.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, create_model, model_validator
from pydantic_core import PydanticCustomError

from partnerbeeld.model import records
from partnerbeeld.model.recordbase import REQUIRED, FieldSpec, Record, Rule, boolean_word


class Model(BaseModel):
    """Base for every model: frozen, unknown keys are errors, text is stripped."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class _CrossFieldRule(Model):
    """Base for a model whose record states a rule across its fields (``violation``)."""

    @model_validator(mode="after")
    def _violation(self) -> _CrossFieldRule:
        problem = RECORD_OF[type(self)].violation(dict(self))  # type: ignore[attr-defined]
        if problem:
            raise ValueError(problem)
        return self


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MODEL_OF: dict[type[Record], type[BaseModel]] = {}
RECORD_OF: dict[type[BaseModel], type[Record]] = {}


def model_of(record_type: type[Record]) -> type[BaseModel]:
    """The pydantic model for a record class (built once)."""
    if record_type not in MODEL_OF:
        base = _CrossFieldRule if hasattr(record_type, "violation") else Model
        definitions: dict[str, Any] = {
            name: (_annotation(spec.annotation), _field(spec)) for name, spec in record_type.fields.items()
        }
        model = create_model(record_type.__name__, __base__=base, **definitions)
        MODEL_OF[record_type] = model
        RECORD_OF[model] = record_type
    return MODEL_OF[record_type]


def _field(spec: FieldSpec) -> Any:
    description = spec.description
    if spec.default_factory is not None:
        made = spec.default_factory()
        if isinstance(made, Record):  # a nested record as default: shown in the JSON Schema
            return Field(model_of(type(made))(), description=description)
        return Field(default_factory=spec.default_factory, description=description)
    if spec.default is not REQUIRED:
        return Field(spec.default, description=description)
    return Field(description=description)


def _annotation(annotation: Any) -> Any:
    """A record field's type as pydantic reads it: rules become constraints, records models."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extras = typing.get_args(annotation)
        rule = next((extra for extra in extras if isinstance(extra, Rule)), None)
        if rule is None:
            return _annotation(base)
        return Annotated[_annotation(base), *_constraints(base, rule)]
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(_annotation(arg) for arg in typing.get_args(annotation))]  # noqa: UP007
    if origin is list:
        return list[_annotation(typing.get_args(annotation)[0])]  # type: ignore[misc]
    if origin is dict:
        key, value = typing.get_args(annotation)
        return dict[_annotation(key), _annotation(value)]  # type: ignore[misc]
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return model_of(annotation)
    if annotation is dt.date:
        return Annotated[dt.date, BeforeValidator(_iso_date)]
    if annotation is bool:
        return Annotated[bool, BeforeValidator(_boolean)]
    return annotation


def _boolean(value: Any) -> Any:
    """Yes/no only as ``recordbase.BOOLEAN_WORDS`` says (true/false, ja/nee), as ``quickbuild``
    reads them: pydantic alone would also take yes/no, on/off, 1/0 and ja not."""
    if isinstance(value, bool):  # a model built from Python values, not from a file
        return value
    result = boolean_word(value.strip()) if isinstance(value, str) else None
    if result is None:
        # pydantic's own error type: the same Dutch message and hint as before
        raise PydanticCustomError("bool_parsing", "not ja/nee or true/false")
    return result


def _iso_date(value: Any) -> Any:
    """Dates only as written in the files (JJJJ-MM-DD), as ``quickbuild`` reads them: pydantic
    alone would also take 1699920000 (a Unix time) or a timestamp with a zone."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        # pydantic's own error type for a date it cannot read: the same Dutch message and hint
        raise PydanticCustomError("date_parsing", "not a JJJJ-MM-DD date")
    return value


def _constraints(base: Any, rule: Rule) -> list[Any]:
    described = [Field(description=rule.description)] if rule.description else []
    if base is str:
        strings = StringConstraints(
            strip_whitespace=True, pattern=rule.pattern, min_length=rule.min_length, max_length=rule.max_length
        )
        return [strings, *described]
    if base is int:
        return [Field(ge=rule.ge, le=rule.le), *described]
    return [Field(min_length=rule.min_length, max_length=rule.max_length), *described]


def to_record(value: Any) -> Any:
    """A validated model (and everything in it) as the record it stands for."""
    if isinstance(value, BaseModel):
        record_type = RECORD_OF[type(value)]
        return record_type(**{name: to_record(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, list):
        return [to_record(item) for item in value]
    if isinstance(value, dict):
        return {key: to_record(item) for key, item in value.items()}
    return value


Settings = model_of(records.Settings)
IncidentTypes = model_of(records.IncidentTypes)
AccountHolders = model_of(records.AccountHolders)
Partner = model_of(records.Partner)
Profile = model_of(records.Profile)
Covenant = model_of(records.Covenant)
Exercise = model_of(records.Exercise)
Plan = model_of(records.Plan)
