"""The incident-type tree: parents exist, no cycles, aliases point at codes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from partnerbeeld.dataset import Dataset
from partnerbeeld.findings import Finding, Severity
from partnerbeeld.suggest import closest


def check(dataset: Dataset) -> Iterator[Finding]:
    codes = dataset.incident_types
    for code, item in codes.items():
        source = dataset.source("incidenttypes", code)
        if item.parent is not None and item.parent not in codes:
            yield source.finding(
                ("parent",),
                Severity.FOUT,
                "verwijzing-onbekend",
                f"Het bovenliggende type '{item.parent}' van '{code}' bestaat niet.",
                _suggest(item.parent, codes),
            )
    reported: set[str] = set()
    for code in codes:
        cycle = _cycle_from(dataset, code)
        if cycle and not reported.intersection(cycle):
            reported.update(cycle)
            yield dataset.source("incidenttypes", code).finding(
                ("parent",),
                Severity.FOUT,
                "incidenttype-cyclus",
                "Kringverwijzing in de boom: " + " → ".join([*cycle, cycle[0]]) + ".",
                "Een type kan niet (indirect) onder zichzelf hangen; pas 'parent' aan.",
            )
    tree_source = dataset.source("file", "incidenttypes.yaml")
    for alias, targets in dataset.aliases.items():
        if alias in codes:
            yield tree_source.finding(
                ("aliases", alias),
                Severity.FOUT,
                "incidenttype-dubbel",
                f"De alias '{alias}' is ook een incidenttypecode.",
                "Een alias is een ander woord dan de codes; verwijder deze alias.",
                key=True,
            )
        for index, target in enumerate(targets):
            if target not in codes:
                yield tree_source.finding(
                    ("aliases", alias, index),
                    Severity.FOUT,
                    "verwijzing-onbekend",
                    f"De alias '{alias}' verwijst naar onbekend type '{target}'.",
                    _suggest(target, codes),
                )


def _cycle_from(dataset: Dataset, start: str) -> list[str]:
    """The cycle reached by following parents from ``start``, or []."""
    path: list[str] = []
    current: str | None = start
    while current is not None and current in dataset.incident_types:
        if current in path:
            return path[path.index(current) :]
        path.append(current)
        current = dataset.parent(current)
    return []


def _suggest(word: str, codes: Mapping[str, object]) -> str:
    guesses = closest(word, codes)
    return (
        "Bedoelde je " + ", ".join(f"'{g}'" for g in guesses) + "?"
        if guesses
        else "Gebruik een code uit incidenttypes.yaml."
    )
