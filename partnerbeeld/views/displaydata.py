"""The dataset as the human-readable views show it: every text value made safe to print.

The text, table, Markdown and CSV views of `zoek`, `toon`, `signalen`, `accounthouders`,
`incidenttypen`, `overzicht` and `contactlijst` format names, numbers and notes in
dozens of places. Rather than trusting each of those places to escape, the command
hands those views a copy of the dataset whose text values went through
``safetext.visible``: a name with a line break or an ESC sequence shows as
``\\n`` or ``\\x1b`` wherever it appears. Multi-line fields (notes, descriptions)
have their line breaks folded to spaces, as every view shows them on one line anyway.

CSV and vCard get it too: they are text that ends up on terminals and in
spreadsheets and address books, where such a character means nothing good
(``valideer`` reports every one of them as an error). JSON, HTML and PDF get the
dataset itself: they carry the data unchanged and escape it by their own rules.

Only records that hold such a character are rebuilt; ids are slugs and never do.
Finding them must not cost `zoek` its speed: ``repr`` of the parsed YAML of each
file (built in C) writes every character that is not printable, line breaks and
bidi and zero-width characters included, as a backslash escape; a file whose
``repr`` has no backslash has nothing to escape. Only the rare file that has one
is walked value by value (about 10 µs per file in all).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from partnerbeeld.infra.safetext import UNSAFE, visible
from partnerbeeld.model.records import MULTILINE_FIELDS, Record
from partnerbeeld.reading.dataset import Dataset
from partnerbeeld.reading.source import Source


def _unsafe(value: Any) -> bool:
    if type(value) is str:
        return UNSAFE.search(value) is not None
    if isinstance(value, Record):
        return any(_unsafe(getattr(value, name)) for name in value.fields)
    if isinstance(value, list | tuple):
        return any(_unsafe(item) for item in value)
    if isinstance(value, dict):
        return any(_unsafe(key) or _unsafe(item) for key, item in value.items())
    return False


def _shown(value: Any, multiline: bool = False) -> Any:
    if type(value) is str:  # not isinstance: enum members are str too, and stay as they are
        return visible(" ".join(value.split()) if multiline else value)
    if isinstance(value, Record):
        if not _unsafe(value):
            return value
        return type(value)(**{name: _shown(getattr(value, name), name in MULTILINE_FIELDS) for name in value.fields})
    if isinstance(value, list):
        return [_shown(item, multiline) for item in value]
    if isinstance(value, tuple):
        return tuple(_shown(item, multiline) for item in value)
    if isinstance(value, dict):
        return {_shown(key): _shown(item, multiline) for key, item in value.items()}
    return value


def _may_hold_unsafe(source: Source) -> bool:
    """False only when the file surely holds no character to escape (quick, conservative)."""
    return "\\" in repr(source.doc.data)


# the Dataset fields that come from one of the three fixed files
_FIXED = {
    "settings": "partnerbeeld.yaml",
    "incident_types": "incidenttypes.yaml",
    "aliases": "incidenttypes.yaml",
    "account_holders": "accountholders.yaml",
}


def displayable(dataset: Dataset) -> Dataset:
    """``dataset`` with every text value safe to print; the same object when nothing needed escaping."""
    changes: dict[str, Any] = {}
    for name, file in _FIXED.items():
        if _may_hold_unsafe(dataset.sources[("file", file)]):
            value = getattr(dataset, name)
            if _unsafe(value):
                changes[name] = _shown(value)
    for name in ("partners", "profiles", "covenants", "exercises", "plans"):
        records: dict[str, Any] = getattr(dataset, name)
        suspects = [rid for rid in records if _may_hold_unsafe(dataset.sources[(name, rid)])]
        rebuilt = {rid: _shown(records[rid]) for rid in suspects if _unsafe(records[rid])}
        if rebuilt:
            changes[name] = {rid: rebuilt.get(rid, record) for rid, record in records.items()}
    return dataclasses.replace(dataset, **changes) if changes else dataset
