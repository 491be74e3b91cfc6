"""Every list in every file: no entry twice, and no list longer than ``limits.LIST_ITEMS``.

A profile listed twice changes nothing but says the author lost track; listed
5,000 times it is a mistake or an attack. Both are reported where the list stands.

Passing:
    profiles: [waterbeheerder, terreinbeheerder]
Failing (lijst-dubbel, on the line of the second 'waterbeheerder'):
    profiles: [waterbeheerder, terreinbeheerder, waterbeheerder]
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from partnerbeeld.infra import limits
from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.reading.loading import Loaded
from partnerbeeld.reading.source import Source
from partnerbeeld.reading.yamlsource import PathKey

# Lists of the fixed files whose repeated entries another check names (id-dubbel, incidenttype-dubbel)
_COVERED: dict[str, PathKey] = {"accountholders.yaml": ("account_holders",), "incidenttypes.yaml": ("incident_types",)}


def check(loaded: Loaded) -> Iterator[Finding]:
    for name, (_, source) in loaded.singles.items():
        yield from _check_document(source, _COVERED.get(name))
    for records in loaded.records.values():
        for _, source in records:
            yield from _check_document(source)


def _check_document(source: Source, covered: PathKey | None = None) -> Iterator[Finding]:
    stack: list[tuple[PathKey, Any]] = [((), source.doc.data)]
    while stack:  # no recursion: nesting depth is the loader's to bound, not ours to trip over
        path, value = stack.pop()
        if isinstance(value, dict):
            if path and len(value) > limits.LIST_ITEMS:  # roles, aliases: a list by another name
                yield _too_long(source, path, len(value))
            stack.extend(((*path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            yield from _check_list(source, path, value, covered)
            stack.extend(((*path, index), item) for index, item in enumerate(value))


def _too_long(source: Source, path: PathKey, count: int) -> Finding:
    return source.finding(
        path,
        Severity.FOUT,
        "lijst-te-lang",
        f"{_dotted(path)} heeft {count} items; het maximum is {limits.LIST_ITEMS}.",
        "Zo'n lange lijst is een vergissing; splits het record, of kort de lijst in.",
        key=True,
    )


def _check_list(source: Source, path: PathKey, items: list[Any], covered: PathKey | None) -> Iterator[Finding]:
    name = _dotted(path)
    if len(items) > limits.LIST_ITEMS:
        yield _too_long(source, path, len(items))
    if covered is not None and path == covered:
        return
    first: dict[str, int] = {}
    repeats: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        fingerprint = _fingerprint(item)
        if fingerprint in first:
            repeats.setdefault(fingerprint, []).append(index)
        else:
            first[fingerprint] = index
    secret = "contacts" in path  # a value from a contact may be confidential: never repeat it
    for fingerprint, indexes in repeats.items():
        original, count = first[fingerprint], len(indexes) + 1
        times = "twee keer" if count == 2 else f"{count} keer"
        key = _identity(items[original])
        if isinstance(items[original], str) and not secret:
            what = f"'{items[original]}' staat {times} in {name}"
        elif key is not None and not secret:
            what = f"{key[0]} '{key[1]}' staat {times} in {name}"
        else:
            what = f"{name}[{indexes[0]}] is gelijk aan {name}[{original}] ({times})"
        yield source.finding(
            (*path, indexes[0]),
            Severity.WAARSCHUWING,
            "lijst-dubbel",
            f"{what}.",
            "Laat er één staan: een tweede vermelding voegt niets toe.",
        )


def _identity(item: Any) -> tuple[str, str] | None:
    """An entry that names itself (a municipality's id, a type's code) is the same entry by that name."""
    if isinstance(item, dict):
        for key in ("id", "code"):
            if isinstance(item.get(key), str):
                return key, item[key]
    return None


def _fingerprint(item: Any) -> str:
    if isinstance(item, str):
        return item
    key = _identity(item)
    if key is not None:
        return "\0".join(key)  # cannot collide with a plain text entry: YAML text holds no NUL
    return json.dumps(item, sort_keys=True, default=str)


def _dotted(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "het bestand"
