"""Opening a dataset for a read-only command: find, load, index, and the integrity checks.

Here and not in ``reading.dataset``: the checks build on the dataset, so opening one with its
checks belongs to the layer above both (next to ``validation``, which runs every check).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from partnerbeeld.checks import integrity
from partnerbeeld.infra.errors import DatasetUnreadable
from partnerbeeld.model.findings import Finding
from partnerbeeld.model.records import RECORD_FOLDERS
from partnerbeeld.reading.dataset import Dataset, build
from partnerbeeld.reading.loading import find_root, load

# What a question about roles needs: `zoek`, `contactlijst`, `overzicht` and `incidenttypen`
# never look at covenants, exercises or plans, so they neither read them (a quarter of the
# files) nor report their errors as making the answer incomplete.
ROLE_FOLDERS = ("partners", "profiles")


def open_dataset(data: Path | None = None, folders: Collection[str] = RECORD_FOLDERS) -> tuple[Dataset, list[Finding]]:
    """Find, load and index the dataset for a read-only command.

    Only the record ``folders`` are read (all by default); the others stay empty.

    Returns the dataset with the findings that loading produced (records with
    errors are left out) and those of ``checks.integrity``; raises ``DatasetUnreadable``
    when there is no usable dataset at all. The other cross-record checks cost time
    (phone numbers) that a query under stress should not pay; ``valideer`` runs them.
    """
    root = find_root(data)
    loaded = load(root, folders)
    dataset = build(loaded)
    if dataset is None:
        first = next((f for f in loaded.findings if f.file.parent == root), None)
        where = ""
        if first is not None:
            message = first.message.rstrip(".")
            line = f":{first.line}" if first.line else ""  # 0: the file as a whole (e.g. missing)
            where = f": {message}" if first.file.name in message else f" ({first.file.name}{line}: {message})"
        raise DatasetUnreadable(
            f"De dataset in {root} kan niet worden gelezen{where}.",
            "Draai 'partnerbeeld valideer' voor alle fouten met regelnummers.",
        )
    return dataset, [*loaded.findings, *integrity(loaded, dataset)]
