"""Hidden characters: control, bidi and zero-width characters in any key or value, and in file names.

Such a character is never part of a name, a number or an id. It is there by
accident (copied from a web page or a PDF) or to deceive: U+202E shows
'Rijnland' where the data says 'dnalnjiR', an ESC sequence clears a terminal or
sets a link, a line break in a name starts a CI workflow command, a zero-width
space makes two ids that look the same differ. Every view shows them escaped;
``valideer`` says where they are. A line break is fine inside a multi-line field
(``note``, ``description``, ...), and surrounding whitespace is stripped anyway.
The message names the character, never the value: it may be confidential.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from partnerbeeld.infra.safetext import UNSAFE, describe_char, unsafe_chars, visible
from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.model.records import MULTILINE_FIELDS
from partnerbeeld.reading.loading import Loaded
from partnerbeeld.reading.source import Source

_HINT = "Verwijder het teken (het komt vaak mee bij kopiëren en plakken); tik de tekst zo nodig opnieuw."
_LINE_BREAKS = frozenset("\n\t")  # whitespace a multi-line text may hold


def check(loaded: Loaded) -> Iterator[Finding]:
    files = dict.fromkeys([*(source.file for source in loaded.documents), *(f.file for f in loaded.findings)])
    for file in files:
        if UNSAFE.search(file.name):
            chars = ", ".join(describe_char(c) for c in unsafe_chars(file.name))
            yield Finding(
                file,
                1,
                1,
                Severity.FOUT,
                "onzichtbaar-teken",
                f"De bestandsnaam bevat {chars}.",
                "Hernoem het bestand naar het id van het record, bijv. partners/dunea.yaml.",
            )
    for source in loaded.documents:
        # repr escapes every unprintable character with a backslash: most files need no walk at all
        if "\\" in repr(source.doc.data):
            yield from _walk(source, source.doc.data, (), "")


def _walk(source: Source, value: Any, path: tuple[str | int, ...], field: str) -> Iterator[Finding]:
    if isinstance(value, dict):
        for key, item in value.items():
            sub = (*path, key)
            if isinstance(key, str) and UNSAFE.search(key):
                yield _finding(source, sub, key, "De sleutel", key=True)
            yield from _walk(source, item, sub, key if isinstance(key, str) else "")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(source, item, (*path, index), field)
    elif isinstance(value, str):
        text = value.strip()
        found = unsafe_chars(text)
        if field in MULTILINE_FIELDS:
            found = [c for c in found if c not in _LINE_BREAKS]
        if found:
            yield _finding(source, path, text, _dotted(path), chars=found)


def _finding(
    source: Source,
    path: tuple[str | int, ...],
    text: str,
    what: str,
    *,
    key: bool = False,
    chars: list[str] | None = None,
) -> Finding:
    shown = ", ".join(describe_char(c) for c in (chars or unsafe_chars(text)))
    return source.finding(path, Severity.FOUT, "onzichtbaar-teken", f"{what} bevat {shown}.", _HINT, key=key)


def _dotted(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{visible(part)}" if text else visible(part))
    return text or "De waarde"
