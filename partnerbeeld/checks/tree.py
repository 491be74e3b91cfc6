"""The incident-type tree: parents exist, no cycles, aliases point at codes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from partnerbeeld.infra import limits
from partnerbeeld.infra.suggest import closest
from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.reading.dataset import Dataset


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
    for cycle in _cycles(dataset):
        yield dataset.source("incidenttypes", cycle[0]).finding(
            ("parent",),
            Severity.FOUT,
            "incidenttype-cyclus",
            "Kringverwijzing in de boom: " + " → ".join([*cycle, cycle[0]]) + ".",
            "Een type kan niet (indirect) onder zichzelf hangen; pas 'parent' aan.",
        )
    for code in codes:
        if dataset.depth(code) == limits.TREE_DEPTH:  # the first level too deep, once per branch
            yield dataset.source("incidenttypes", code).finding(
                ("parent",),
                Severity.FOUT,
                "incidenttype-te-diep",
                f"'{code}' is het {limits.TREE_DEPTH + 1}e niveau van de boom; "
                f"het maximum is {limits.TREE_DEPTH} niveaus (thema, crisistype, incidenttypen).",
                "Hang dit type hoger in de boom; zo'n diepe indeling zoekt niemand terug.",
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


def _cycles(dataset: Dataset) -> Iterator[list[str]]:
    """Each cycle of parents once, starting where the walk first met it.

    Every type is walked once: a walk stops at a type an earlier walk passed, so a
    5,000-deep tree costs 5,000 steps, not 5,000 walks of up to 5,000 steps.
    """
    walked: dict[str, int] = {}  # code -> the number of the walk that passed it
    for number, start in enumerate(dataset.incident_types):
        path: list[str] = []
        current: str | None = start
        while current is not None and current in dataset.incident_types and current not in walked:
            walked[current] = number
            path.append(current)
            current = dataset.parent(current)
        if current is not None and walked.get(current) == number:  # met its own path: a new cycle
            yield path[path.index(current) :]


def _suggest(word: str, codes: Mapping[str, object]) -> str:
    guesses = closest(word, codes)
    return (
        "Bedoelde je " + ", ".join(f"'{g}'" for g in guesses) + "?"
        if guesses
        else "Gebruik een code uit incidenttypes.yaml."
    )
