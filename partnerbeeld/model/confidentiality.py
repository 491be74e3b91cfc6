"""Whether a contact as written in the YAML (before validation) may be shown: one decision, failing closed.

``wijzigingen`` compares raw YAML where a file may be broken, and ``valideer`` quotes
values of files with errors; both must know whether a value belongs to a confidential
contact before the models have said anything. A contact counts as public only when
it is a mapping of known contact fields whose ``confidential`` is absent or a clear
"false" (``false``, ``nee``). Anything else (``confidential: misschien``, ``no``, a typo in a key, an item that is
no mapping) is treated as confidential: masking too much is the safe side.
"""

from __future__ import annotations

import re
from typing import Any

from partnerbeeld.model.recordbase import boolean_word
from partnerbeeld.model.records import Contact

CONTACT_FIELDS = frozenset(Contact.fields)
_FIELD_NAME = re.compile(r"[^\W\d]+(?:[_-][^\W\d]+)*")  # letters and separators: a field name, not a value


def looks_like_field_name(key: Any) -> bool:
    """Whether an unknown key may be named in a message: a number or an address in its place may be a secret."""
    return isinstance(key, str) and _FIELD_NAME.fullmatch(key) is not None


def is_yes_no(value: Any) -> bool:
    """A yes/no value as the records read it (true/false, ja/nee), written as text or not."""
    return isinstance(value, bool) or (isinstance(value, str) and boolean_word(value) is not None)


def has_known_fields(item: Any) -> bool:
    return isinstance(item, dict) and all(isinstance(key, str) and key in CONTACT_FIELDS for key in item)


def is_public_contact(item: Any) -> bool:
    """A contact every list may show: known fields only, and ``confidential`` absent or clearly false."""
    if not has_known_fields(item):
        return False
    flag = item.get("confidential", False)
    return flag is False or (isinstance(flag, str) and boolean_word(flag) is False)


def contacts_public(data: Any) -> bool:
    """Whether the ``contacts`` of a raw partner mapping is a list of public contacts only."""
    contacts = data.get("contacts") if isinstance(data, dict) else None
    return contacts is None or (isinstance(contacts, list) and all(is_public_contact(c) for c in contacts))


def secret_at(data: Any, loc: tuple[Any, ...]) -> bool:
    """Whether the value at ``loc`` in a raw partner mapping may belong to a confidential contact."""
    if not loc or loc[0] != "contacts" or not isinstance(data, dict):
        return False
    contacts = data.get("contacts")
    if len(loc) == 1 or not isinstance(contacts, list):
        return not contacts_public(data)
    index = loc[1]
    if not isinstance(index, int) or not 0 <= index < len(contacts):
        return True
    return not is_public_contact(contacts[index])
