"""The Record base (recordbase.py): what it refuses when a record class is defined, and how records behave."""

# No `from __future__ import annotations`: records need their field types as objects.

import copy
import pickle
from typing import Annotated, ClassVar

import pytest

from partnerbeeld.model.recordbase import Record, Rule, info
from partnerbeeld.model.records import Contact, Partner, Text


def test_records_compare_copy_pickle_and_stay_immutable() -> None:
    contact = Contact(label="Piket", phone="071 000 00 00")
    assert contact == Contact(label="Piket", phone="071 000 00 00") != Contact(label="Piket", mobile="06")
    assert pickle.loads(pickle.dumps(contact)) == contact == copy.deepcopy(contact)
    assert contact.replace(primary=True).primary and not contact.primary
    with pytest.raises(AttributeError):
        contact.label = "Anders"  # type: ignore[misc]
    with pytest.raises(TypeError, match="required"):
        Contact()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unknown"):
        Contact(label="x", telefoon="1")  # type: ignore[call-arg]


def test_defaults_are_fresh_for_every_record() -> None:
    first, second = Partner(id="a", name="A", sector="s"), Partner(id="b", name="B", sector="s")
    assert first.contacts == [] and first.contacts is not second.contacts


def test_a_subclass_keeps_its_parents_fields_and_class_constants_are_no_fields() -> None:
    class Named(Record):
        name: Text = info("Naam.")

    class Labelled(Named):
        KIND: ClassVar[str] = "label"
        label: Text = info("Label.", default="x")

    assert list(Labelled.fields) == ["name", "label"]
    assert Labelled(name="n").label == "x" and Labelled.KIND == "label"


@pytest.mark.parametrize(
    "define",
    [
        # each of these would make quickbuild and pydantic disagree, or break Record itself
        lambda: type("A", (Record,), {"__annotations__": {"x": str}, "x": "no info()"}),
        lambda: type("B", (Record,), {"__annotations__": {"fields": str}, "fields": info("taken")}),
        lambda: type("C", (Record,), {"__annotations__": {"x": list[str]}, "x": info("shared", default=[])}),
        lambda: type(
            "D", (Record,), {"__annotations__": {"x": Annotated[str | None, Rule(max_length=5)]}, "x": info("")}
        ),
        lambda: type("E", (Record,), {"__annotations__": {"x": Annotated[int, Rule(pattern="^1$")]}, "x": info("")}),
        lambda: type("F", (Record,), {"__annotations__": {"x": Annotated[float, Rule(ge=1)]}, "x": info("")}),
        lambda: type("G", (Record,), {"__annotations__": {"x": "Text"}, "x": info("a string annotation")}),
    ],
    ids=[
        *("no-info", "reserved-name", "mutable-default", "rule-around-optional", "pattern-on-int", "rule-on-float"),
        "string-annotation",
    ],
)
def test_a_field_the_validators_would_read_differently_is_refused(define) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError):
        define()


def test_every_record_says_what_it_is() -> None:
    # editors show it (the JSON Schemas) and `nieuw` opens a new file with it; without it the schema
    # would show the English docstring
    from partnerbeeld.model import records

    defined = [value for value in vars(records).values() if isinstance(value, type) and issubclass(value, Record)]
    assert len(defined) >= 15
    for record in defined:
        if record is not Record:
            assert record.about.endswith(".") and record.about != record.__doc__, record
