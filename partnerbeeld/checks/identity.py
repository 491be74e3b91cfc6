"""Unique ids per kind, and file name equals id."""

from __future__ import annotations

from collections.abc import Iterator

from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.reading.loading import Loaded


def check(loaded: Loaded) -> Iterator[Finding]:
    for kind, records in loaded.records.items():
        first_file: dict[str, str] = {}
        # the file whose name matches its id is the original; the others are the duplicates
        for record, source in sorted(records, key=lambda pair: pair[1].file.stem != pair[0].id):
            if source.file.stem != record.id:
                yield source.finding(
                    ("id",),
                    Severity.FOUT,
                    "id-bestandsnaam",
                    f"Het id '{record.id}' verschilt van de bestandsnaam '{source.file.name}'.",
                    f"Hernoem het bestand naar {record.id}.yaml, of pas het id aan.",
                )
            if record.id in first_file:
                yield source.finding(
                    ("id",),
                    Severity.FOUT,
                    "id-dubbel",
                    f"Het id '{record.id}' komt ook voor in {kind}/{first_file[record.id]}.",
                    "Elk id is uniek binnen zijn soort; kies een ander id.",
                )
            else:
                first_file[record.id] = source.file.name
    for name, list_key in (("accountholders.yaml", "account_holders"), ("incidenttypes.yaml", "incident_types")):
        if name not in loaded.singles:
            continue
        model, source = loaded.singles[name]
        seen: set[str] = set()
        for index, item in enumerate(getattr(model, list_key)):
            ident = getattr(item, "id", None) or item.code
            if ident in seen:
                code = "id-dubbel" if list_key == "account_holders" else "incidenttype-dubbel"
                yield source.finding(
                    (list_key, index),
                    Severity.FOUT,
                    code,
                    f"'{ident}' staat twee keer in {name}.",
                    "Verwijder of hernoem een van beide.",
                )
            seen.add(ident)
