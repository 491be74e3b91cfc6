"""The field-by-field difference of two versions of a record, with confidential values masked.

Lists of mappings are matched by ``label``, ``id`` or ``code``, so reordering is no
change and an edit shows per field.

Masking fails closed (issue 12). A value from a contact is shown only when the
contact is positively public on both sides of the diff: a mapping of known
contact fields whose ``confidential`` is absent or a clear "false". A contact that
is confidential on either side, or whose confidentiality cannot be determined
(``confidential: misschien``, a ``lable:`` typo, an item that is no mapping,
``contacts:`` written as text), has its values masked; so has a top-level key a
record does not know (a contact field that slid out of its list by indentation,
or contacts written into a profile).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from partnerbeeld.model.confidentiality import (
    CONTACT_FIELDS,
    has_known_fields,
    is_public_contact,
    is_yes_no,
    looks_like_field_name,
)
from partnerbeeld.model.records import RECORD_FOLDERS

MASK = "(vertrouwelijk)"
_MATCH_KEYS = ("label", "id", "code")  # how items of a list of mappings find each other
_FIELDS = {kind: frozenset(record_type.fields) for kind, record_type in RECORD_FOLDERS.items()}


@dataclass(frozen=True, slots=True)
class FieldChange:
    path: str  # e.g. "contacts[Piket].phone"; "" for the record as a whole
    old: Any  # None = absent
    new: Any


def _showable(key: Any, value: Any) -> bool:
    """A field of a confidential contact that may still be shown: its label and its yes/no flags."""
    if value is None:
        return True
    if key == "label":
        return isinstance(value, str)
    if key in ("primary", "confidential"):
        return is_yes_no(value)
    return False


def mask_contact(item: Any) -> Any:
    """A contact as a confidential one is shown: label and flags, every other value masked."""
    if item is None:
        return None
    if not has_known_fields(item):
        return MASK  # an unknown key may itself be the secret
    return {key: value if _showable(key, value) else MASK for key, value in item.items()}


def _mask_contacts(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        return [item if is_public_contact(item) else mask_contact(item) for item in value]
    return MASK


def _match_key(old: list[Any], new: list[Any], keys: tuple[str, ...] = _MATCH_KEYS) -> str | None:
    items = old + new
    if not items or not all(isinstance(item, dict) for item in items):
        return None
    return next((key for key in keys if all(isinstance(item.get(key), str) for item in items)), None)


def _keyed(items: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    """Items by their key; a repeated key gets '#2', '#3' so nothing is lost."""
    result: dict[str, dict[str, Any]] = {}
    for item in items:
        name, n = item[key], 1
        while name in result:
            n += 1
            name = f"{item[key]}#{n}"
        result[name] = item
    return result


def _masked(path: str, old: Any, new: Any) -> FieldChange:
    return FieldChange(path, None if old is None else MASK, None if new is None else MASK)


def diff_values(old: Any, new: Any, path: str = "", *, confidential: bool = False) -> Iterator[FieldChange]:
    """Every leaf that differs between two parsed values, lists of mappings matched by key.

    Knows no record kind: ``diff_record`` adds what partners need (contacts).
    """
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in dict.fromkeys([*old, *new]):
            sub = f"{path}.{key}" if path else str(key)
            yield from diff_values(old.get(key), new.get(key), sub, confidential=confidential)
        return
    if isinstance(old, list) and isinstance(new, list) and (key := _match_key(old, new)):
        old_items, new_items = _keyed(old, key), _keyed(new, key)
        for name in dict.fromkeys([*old_items, *new_items]):
            before, after = old_items.get(name), new_items.get(name)
            sub = f"{path}[{name}]"
            if before is None or after is None:
                yield FieldChange(sub, before, after)
            else:
                yield from diff_values(before, after, sub, confidential=confidential)
        return
    yield FieldChange(path, old, new)


def diff_record(kind: str, old: Any, new: Any, *, confidential: bool = False) -> Iterator[FieldChange]:
    """The field changes of one record (``kind`` a folder name: partners, profiles, ...).

    A key the record does not know has its values masked (a contact's number may have
    slid out of its list by indentation, or sit in the wrong file), and is named only
    when it looks like a field name; a partner's contacts fail closed (``_diff_contacts``).
    """
    known = _FIELDS.get(kind)
    if confidential or known is None:  # the entries of the fixed files: the region's own staff and tree
        yield from diff_values(old, new, confidential=confidential)
        return
    if not (isinstance(old, dict) and isinstance(new, dict)):
        if old != new:
            yield _masked("", old, new)
        return
    for key in dict.fromkeys([*old, *new]):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if key == "contacts" and kind == "partners":
            yield from _diff_contacts(before, after)
        elif key in known:
            yield from diff_values(before, after, str(key))
        else:
            yield _masked(str(key) if looks_like_field_name(key) else "(onbekend veld)", before, after)


def _diff_contacts(old: Any, new: Any) -> Iterator[FieldChange]:
    olds, news = old if isinstance(old, list) else [], new if isinstance(new, list) else []
    matchable = (
        isinstance(old, list | None)
        and isinstance(new, list | None)
        and _match_key(olds, news, ("label",)) is not None
        and all(isinstance(key, str) and key in CONTACT_FIELDS for item in olds + news for key in item)
    )
    if not matchable:
        every_public = all(isinstance(v, list | None) for v in (old, new)) and all(
            is_public_contact(item) for item in olds + news
        )
        if every_public:
            yield from diff_values(old, new, "contacts")
        else:
            yield FieldChange("contacts", _mask_contacts(old), _mask_contacts(new))
        return
    old_items, new_items = _keyed(olds, "label"), _keyed(news, "label")
    for name in dict.fromkeys([*old_items, *new_items]):
        before, after = old_items.get(name), new_items.get(name)
        if before == after:
            continue
        sub = f"contacts[{name}]"
        public = all(is_public_contact(item) for item in (before, after) if item is not None)
        if public:
            yield from diff_values(before, after, sub)
        elif before is None or after is None:
            yield FieldChange(sub, mask_contact(before), mask_contact(after))
        else:
            for key in dict.fromkeys([*before, *after]):
                was, now = before.get(key), after.get(key)
                if was == now:
                    continue
                if _showable(key, was) and _showable(key, now):
                    yield FieldChange(f"{sub}.{key}", was, now)
                else:
                    yield _masked(f"{sub}.{key}", was, now)
