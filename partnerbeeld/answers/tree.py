"""The incident-type tree for `incidenttypen`: codes, names, aliases and partner counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from partnerbeeld.answers.roles import involved_codes
from partnerbeeld.reading.dataset import Dataset


@dataclass(frozen=True, slots=True)
class TypeNode:
    code: str
    name: str
    depth: int  # 0 = theme, 1 = crisis type, 2+ = incident type
    parent: str | None
    aliases: tuple[str, ...]  # words that resolve to this code (among others)
    partners: int  # partners involved by the same rule as `zoek --incident CODE`


def incident_tree(dataset: Dataset) -> list[TypeNode]:
    """Every incident type, depth first in file order, with how many partners each involves."""
    counts: Counter[str] = Counter()
    for partner in dataset.partners.values():
        counts.update(involved_codes(dataset, partner))
    aliases_of: dict[str, list[str]] = {}
    for alias, codes in sorted(dataset.aliases.items()):
        for code in codes:
            aliases_of.setdefault(code, []).append(alias)
    nodes: list[TypeNode] = []
    for theme in dataset.themes:
        for code in (theme, *dataset.descendants(theme)):
            item = dataset.incident_types[code]
            nodes.append(
                TypeNode(
                    code, item.name, dataset.depth(code), item.parent, tuple(aliases_of.get(code, ())), counts[code]
                )
            )
    return nodes
