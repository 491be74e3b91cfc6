"""Where a command's output file may go (``-o``): never into the dataset, and confidential output warns near git.

The dataset folder holds the records and nothing else: only `nieuw` (and commands
meant to edit data) write there. A contact list written as
``data/partners/dunea.yaml --overschrijf`` would replace a record; a stray export
beside the records would be committed with them. A confidential list in a folder
git does not ignore is one ``git add .`` away from the history, so it gets a warning.
"""

from __future__ import annotations

from pathlib import Path

from partnerbeeld.infra.errors import Remedy, UsageError
from partnerbeeld.infra.paths import located


def refuse_inside_dataset(target: Path, root: Path) -> None:
    """UsageError when ``target`` (an output file) lies in the dataset folder ``root``."""
    where = located(target)  # a link is judged where it stands: it is the link that gets replaced
    dataset = root.resolve()
    if where == dataset or where.is_relative_to(dataset):
        raise UsageError(
            f"{target} ligt in de datamap {root}; daar schrijft partnerbeeld alleen records (met 'nieuw').",
            "Kies een plek buiten de datamap.",
            remedy=Remedy.OUTSIDE_DATASET,
        )


def confidential_git_warning(target: Path) -> list[str]:
    """Lines to say when confidential output lands where git would pick it up; [] otherwise."""
    from partnerbeeld.infra.gitinfo import would_be_committed

    if not would_be_committed(located(target)):
        return []
    return [
        f"LET OP: {target} bevat vertrouwelijke contacten en ligt in een git-werkmap die het niet negeert.",
        "  Met 'git add' belanden ze in de geschiedenis; zet het bestand buiten de repository,",
        "  of zet de naam in .gitignore.",
    ]
