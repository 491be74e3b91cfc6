"""Editing a partner file in place, keeping its comments and layout: the only module with ruamel.yaml.

`importeer --bijwerken` changes the contacts (and the partner columns the sheet
fills) of a partner that already has a file. Everything else in the file (roles,
comments, key order, quoting, flow lists) stays as the maintainer wrote it:
ruamel.yaml's round-trip mode re-emits untouched nodes as they were, and the
indentation is taken from the file itself.

What counts as a change is decided on the text values our own loader reads
(``yamlsource``), never on ruamel's typed values: an unquoted ``0715123456`` is
a number to ruamel but a phone number to us. No change: no new text, and the
file is not written at all.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from partnerbeeld.infra.errors import UsageError
from partnerbeeld.reading import yamlsource

# the order `nieuw` and `importeer` write a partner's keys and a contact's keys in
PARTNER_ORDER = ("id", "name", "sector", "profiles", "area", "account_holder", "verified_on", "website", "contacts")
CONTACT_ORDER = ("label", "person", "phone", "mobile", "email", "available", "primary", "confidential", "note")
_FLAGS = ("primary", "confidential")
_TRUE = {"true", "yes", "on", "1", "t", "y"}


@dataclass(frozen=True)
class Edit:
    text: str | None  # the new file text; None when nothing changes
    kept_confidential: tuple[str, ...]  # labels of confidential contacts the sheet did not list (kept)


def _flag(value: Any) -> bool:
    return bool(isinstance(value, str) and value.strip().lower() in _TRUE)


def _same(key: str, old: Any, new: Any) -> bool:
    if key in _FLAGS:
        return _flag(old) == bool(new)
    return bool(old == new)


def _place(mapping: Any, key: str, value: Any, order: tuple[str, ...]) -> None:
    """Set ``key``; a new key goes before the first existing key that comes after it in ``order``."""
    if key in mapping or not hasattr(mapping, "insert"):  # a plain dict: order does not matter there
        mapping[key] = value
        return
    later = order[order.index(key) + 1 :] if key in order else ()
    keys = list(mapping)
    position = next((keys.index(k) for k in keys if k in later), len(keys))
    mapping.insert(position, key, value)


class _Plain:
    """Builds plain lists and dicts: the dry run that decides whether anything changes at all."""

    @staticmethod
    def seq(values: list[Any], flow: bool = False) -> Any:
        return list(values)

    @staticmethod
    def contact(values: Mapping[str, Any]) -> Any:
        return {k: values[k] for k in CONTACT_ORDER if values.get(k) not in (None, False)}


class _RoundTrip:
    """Builds ruamel's commented nodes, for the text that is written."""

    @staticmethod
    def seq(values: list[Any], flow: bool = False) -> Any:
        from ruamel.yaml.comments import CommentedSeq

        seq = CommentedSeq(values)
        if flow:
            seq.fa.set_flow_style()
        return seq

    @staticmethod
    def contact(values: Mapping[str, Any]) -> Any:
        from ruamel.yaml.comments import CommentedMap

        return CommentedMap((k, values[k]) for k in CONTACT_ORDER if values.get(k) not in (None, False))


def _update_contact(mapping: Any, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
    for key in CONTACT_ORDER[1:]:
        if _same(key, old.get(key), new.get(key)):
            continue
        if new.get(key) in (None, False):
            del mapping[key]
        else:
            _place(mapping, key, new[key], CONTACT_ORDER)


def contact_keys(labels: list[Any]) -> list[tuple[Any, int]]:
    """(label, occurrence): two contacts both labelled 'Piket' are ('Piket', 0) and ('Piket', 1)."""
    seen: dict[Any, int] = {}
    keys = []
    for label in labels:
        keys.append((label, seen.get(label, 0)))
        seen[label] = seen.get(label, 0) + 1
    return keys


def _update_contacts(data: Any, old: list[Any], sheet: list[Mapping[str, Any]], nodes: Any) -> tuple[str, ...]:
    """Match by label: update in place, keep unlisted confidential ones, drop other unlisted ones, add new."""
    pending = dict(zip(contact_keys([c["label"] for c in sheet]), sheet, strict=True))
    old_labels = [before.get("label") if isinstance(before, dict) else None for before in old]
    seq = data.get("contacts")
    kept: list[str] = []
    drop: list[int] = []
    for index, (before, key) in enumerate(zip(old, contact_keys(old_labels), strict=True)):
        if key in pending:
            _update_contact(seq[index], before, pending.pop(key))
        elif isinstance(before, dict) and _flag(before.get("confidential")):
            kept.append(str(key[0]))
        else:
            drop.append(index)
    for index in reversed(drop):
        del seq[index]
    added = [nodes.contact(c) for c in pending.values()]
    if added:
        if seq is None:
            _place(data, "contacts", nodes.seq(added), PARTNER_ORDER)
        else:
            seq.extend(added)
    return tuple(kept)


def _apply(
    data: Any, old: Mapping[str, Any], fields: Mapping[str, Any], contacts: list[Mapping[str, Any]] | None, nodes: Any
) -> tuple[str, ...]:
    for key, value in fields.items():
        if old.get(key) == value:
            continue
        if isinstance(value, list) and isinstance(data.get(key), list):
            data[key][:] = value  # in place: the list keeps its style (flow or block) and comments
        else:
            _place(data, key, nodes.seq(value, flow=True) if isinstance(value, list) else value, PARTNER_ORDER)
    if not contacts:
        return ()
    found = old.get("contacts")
    old_contacts: list[Any] = found if isinstance(found, list) else []
    return _update_contacts(data, old_contacts, contacts, nodes)


def _indents(text: str) -> tuple[int, int]:
    """(sequence indent, dash offset) of the file's first block sequence under a key; (2, 0) without one."""
    lines = text.splitlines()
    for number, line in enumerate(lines[1:], 1):
        stripped = line.lstrip(" ")
        previous = lines[number - 1]
        if stripped.startswith("- ") and previous.rstrip().endswith(":") and not previous.lstrip().startswith("#"):
            offset = (len(line) - len(stripped)) - (len(previous) - len(previous.lstrip(" ")))
            return offset + 2, max(offset, 0)
    return 2, 0


def edit_partner(text: str, fields: Mapping[str, Any], contacts: list[Mapping[str, Any]] | None) -> Edit:
    """``text`` with ``fields`` set and, unless None, the contacts updated from ``contacts``."""
    parsed = yamlsource.parse(text.encode("utf-8"))
    if isinstance(parsed, yamlsource.Problem) or not isinstance(parsed.data, dict):
        raise UsageError("Het bestaande partnerbestand is geen geldige YAML.", "Draai 'partnerbeeld valideer'.")
    old = parsed.data
    # first on plain data: most rows of a re-imported sheet change nothing, and ruamel's pure-Python
    # round trip costs ~20 ms a file; only a file that really changes pays for it
    plain = copy.deepcopy(old)
    kept = _apply(plain, old, fields, contacts, _Plain)
    if plain == old:
        return Edit(None, kept)
    from ruamel.yaml import YAML

    body = text.removeprefix("\ufeff").replace("\r\n", "\n")
    sequence, offset = _indents(body)
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the maintainer wrote on one
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    data = yaml.load(body)
    _apply(data, old, fields, contacts, _RoundTrip)
    out = io.StringIO()
    yaml.dump(data, out)
    new_text = out.getvalue()
    if text.startswith("\ufeff"):
        new_text = "\ufeff" + new_text
    if "\r\n" in text:
        new_text = new_text.replace("\n", "\r\n")
    reparsed = yamlsource.parse(new_text.encode("utf-8"))
    if isinstance(reparsed, yamlsource.Problem) or not isinstance(reparsed.data, dict):  # pragma: no cover
        raise UsageError("Bijwerken zou een ongeldig bestand geven; er is niets geschreven.")
    untouched = set(old) - set(fields) - {"contacts"}
    if any(reparsed.data.get(k) != old.get(k) for k in untouched):  # pragma: no cover - a safety net
        raise UsageError("Bijwerken zou velden veranderen die het blad niet noemt; er is niets geschreven.")
    return Edit(None if reparsed.data == old else new_text, kept)
