"""What a record is made of: rules, field declarations, and the ``Record`` base class.

``records`` declares the dataset's records with these; ``quickbuild`` and
``models`` read the declarations (``Record.fields``) to validate data, the
first without pydantic, the second with it. The base class refuses, when a
record class is defined, what the two would read differently.
"""

# No ``from __future__ import annotations``: the validators read field types as objects.

import inspect
import typing
from collections.abc import Callable
from typing import Annotated, Any, ClassVar, NamedTuple, Self, dataclass_transform


class Rule(NamedTuple):
    """Constraints on one value; for text they hold after surrounding spaces are stripped."""

    pattern: str | None = None
    min_length: int | None = None  # characters of text, or items of a list
    max_length: int | None = None
    ge: int | None = None
    le: int | None = None
    description: str | None = None


# The words a yes/no field takes, in any case: true/false as YAML writes them, ja/nee as Dutch
# staff do. Both validators (``quickbuild`` and ``models``) and the JSON Schemas read this one
# list. yes/no, on/off, y/n and 1/0 are refused: in a phone list a YAML 1.1 reading of 'no' or
# 'on' is a known trap, and two Dutch words are enough.
BOOLEAN_WORDS = {"true": True, "false": False, "ja": True, "nee": False}
# How to write one, as a finding's hint and an editor's help say it: the Dutch words first.
BOOLEAN_HINT = "Schrijf ja of nee (of true of false)."


def boolean_word(text: str) -> bool | None:
    """True or False for one of ``BOOLEAN_WORDS`` (any case), None for anything else."""
    return BOOLEAN_WORDS.get(text.lower()) if text.isascii() else None


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


class FieldSpec(NamedTuple):
    """One field of a record: its type (with rules), its Dutch description and its default."""

    name: str
    annotation: Any
    description: str
    default: Any = REQUIRED
    default_factory: Callable[[], Any] | None = None

    @property
    def required(self) -> bool:
        return self.default is REQUIRED and self.default_factory is None

    def make_default(self) -> Any:
        return self.default_factory() if self.default_factory is not None else self.default


def info(description: str, default: Any = REQUIRED, *, default_factory: Callable[[], Any] | None = None) -> Any:
    """A field with its Dutch description; without a default or factory it is required."""
    return FieldSpec("", None, description, default, default_factory)


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(info,))
class Record:
    """Base of every record: keyword construction, immutable, equal when the fields are.

    Not ``@dataclass``: that generates code with ``exec`` for every class, 13 ms
    for these fourteen at every start of the command, a tenth of the time
    budget of `zoek` (issue 4). This base reads the same class bodies at no cost.
    Like a frozen dataclass, a record with a list field cannot be hashed; and
    ``dataclasses.fields`` does not apply: ``Record.fields`` describes the fields.
    """

    fields: ClassVar[dict[str, FieldSpec]] = {}
    # what the record is, in Dutch: editors show it (the JSON Schemas) and `nieuw` opens a new file with it
    about: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        specs: dict[str, FieldSpec] = {}
        for base in reversed(cls.__mro__[1:]):  # a subclass keeps the fields of its parents
            if issubclass(base, Record):
                specs.update(base.fields)
        for name, annotation in inspect.get_annotations(cls).items():
            if _is_class_var(annotation):  # a constant of the class, not a field
                continue
            declared = _checked(cls, name, annotation, cls.__dict__.get(name))
            specs[name] = FieldSpec(name, annotation, declared.description, declared.default, declared.default_factory)
            delattr(cls, name)  # the instance's value, not the declaration, answers `record.name`
        cls.fields = specs

    def __init__(self, **values: Any) -> None:
        fields = self.fields
        if len(values) != len(fields) or not values.keys() <= fields.keys():  # else: every field given
            unknown = values.keys() - fields.keys()
            if unknown:
                raise TypeError(f"{type(self).__name__}: unknown fields {sorted(unknown)}")
            for name, spec in fields.items():
                if name not in values:
                    if spec.required:
                        raise TypeError(f"{type(self).__name__}: the field '{name}' is required")
                    values[name] = spec.make_default()
        # straight into the instance dict: __setattr__ refuses every change after this
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.fields)
        return f"{type(self).__name__}({shown})"

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed (not validated: the values are yours)."""
        return type(self)(**{name: getattr(self, name) for name in self.fields} | changes)


_RESERVED = {"fields", "about", "replace", "_values"}
# where a Rule may stand, and which of its parts the two validators both apply there
_RULE_PARTS = {
    str: {"pattern", "min_length", "max_length", "description"},
    int: {"ge", "le", "description"},
    list: {"min_length", "max_length", "description"},
    dict: {"min_length", "max_length", "description"},
}


def _is_class_var(annotation: Any) -> bool:
    if isinstance(annotation, str):  # under `from __future__ import annotations`
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return bool(annotation is ClassVar or typing.get_origin(annotation) is ClassVar)


def _checked(cls: type, name: str, annotation: Any, declared: Any) -> FieldSpec:
    """The declaration; refused, when the class is defined, if a validator would read it differently."""
    where = f"{cls.__name__}.{name}"
    if not isinstance(declared, FieldSpec):
        raise TypeError(f"{where}: declare every field with info(...)")
    if isinstance(annotation, str):
        raise TypeError(f"{where}: the validators need the type itself; no `from __future__ import annotations`")
    if name in _RESERVED:
        raise TypeError(f"{where}: the name is taken by Record itself")
    if isinstance(declared.default, (list, dict, set)):
        raise TypeError(f"{where}: a mutable default would be shared; use default_factory")
    for part in _annotated_parts(annotation):
        base, rules = part
        allowed = _RULE_PARTS.get(typing.get_origin(base) or base)
        for rule in rules:
            used = {key for key, value in rule._asdict().items() if value is not None}
            if allowed is None or not used <= allowed:
                raise TypeError(f"{where}: {rule} cannot apply to {base}")
    return declared


def _annotated_parts(annotation: Any) -> list[tuple[Any, list[Rule]]]:
    """Every ``Annotated[base, Rule(...)]`` inside ``annotation``, with its rules."""
    if typing.get_origin(annotation) is Annotated:
        base, *extras = typing.get_args(annotation)
        return [(base, [e for e in extras if isinstance(e, Rule)]), *_annotated_parts(base)]
    return [part for arg in typing.get_args(annotation) for part in _annotated_parts(arg)]
