"""The loaded dataset: records by id, the incident-type tree, and where each record came from."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from partnerbeeld.model.records import (
    AccountHolder,
    AccountHolders,
    Covenant,
    Exercise,
    IncidentType,
    IncidentTypes,
    Partner,
    Plan,
    Profile,
    Settings,
)
from partnerbeeld.reading.loading import SETTINGS_FILE, Loaded
from partnerbeeld.reading.source import Source


@dataclass(frozen=True, eq=False)  # eq=False: compared and hashed by identity, so it can key a cache
class Dataset:
    """Every valid record, indexed. Built once per command; never mutated."""

    root: Path
    settings: Settings
    incident_types: dict[str, IncidentType]
    aliases: dict[str, list[str]]
    account_holders: dict[str, AccountHolder]
    partners: dict[str, Partner]
    profiles: dict[str, Profile]
    covenants: dict[str, Covenant]
    exercises: dict[str, Exercise]
    plans: dict[str, Plan]
    # (kind, id) -> Source; kind is a folder name, "incidenttypes" or "accountholders" (one
    # entry of that file), or "file" with a file name for the three fixed files as a whole
    sources: dict[tuple[str, str], Source] = field(repr=False)
    children: dict[str | None, list[str]] = field(repr=False)

    # --- the incident-type tree -------------------------------------------------------

    def parent(self, code: str) -> str | None:
        item = self.incident_types.get(code)
        return item.parent if item else None

    def ancestors(self, code: str) -> list[str]:
        """Parent, grandparent, ... (nearest first); stops at a cycle instead of looping."""
        result: list[str] = []
        seen = {code}
        current = self.parent(code)
        while current is not None and current not in seen:
            result.append(current)
            seen.add(current)
            current = self.parent(current)
        return result

    def descendants(self, code: str) -> list[str]:
        """Every type below ``code``, depth first in file order."""
        result: list[str] = []
        seen = {code}
        stack = list(reversed(self.children.get(code, [])))
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            result.append(current)
            stack.extend(reversed(self.children.get(current, [])))
        return result

    def depth(self, code: str) -> int:
        """0 for a theme, 1 for a crisis type, 2 and deeper for incident types."""
        known = self._depths.get(code)
        if known is not None:
            return known
        # walk up to a type whose depth is known, then fill in the way back down: every
        # type is walked once, however deep the tree (a 5,000-deep tree stays instant)
        chain: list[str] = []
        on_chain: set[str] = set()
        current: str | None = code
        base = -1
        while current is not None and current in self.incident_types:
            if current in self._depths:
                base = self._depths[current]
                break
            if current in on_chain:  # a cycle (reported by the tree check): count as ``ancestors`` does
                start = chain.index(current)
                for index, member in enumerate(chain):
                    self._depths[member] = len(chain) - min(index, start) - 1
                return self._depths[code]
            chain.append(current)
            on_chain.add(current)
            current = self.parent(current)
            base = -1 if current is None else 0  # an unknown parent counts as a level, as in ``ancestors``
        for offset, member in enumerate(reversed(chain), start=1):
            self._depths[member] = base + offset
        return self._depths[code] if code in self._depths else len(self.ancestors(code))

    @functools.cached_property
    def _depths(self) -> dict[str, int]:
        return {}

    @property
    def themes(self) -> list[str]:
        return [code for code in self.incident_types if self.parent(code) is None]

    @property
    def crisis_types(self) -> list[str]:
        return [code for code in self.incident_types if self.depth(code) == 1]

    @cached_property
    def type_names(self) -> dict[str, str]:
        """Incident-type code -> name, to say where a role comes from."""
        return {code: item.name for code, item in self.incident_types.items()}

    def type_name_in_text(self, code: str) -> str:
        """The type's name inside a sentence: 'gealarmeerd bij incident op het water'."""
        name = self.type_names.get(code, code)
        return name[:1].lower() + name[1:]

    @property
    def municipalities(self) -> dict[str, str]:
        """id -> name."""
        return {m.id: m.name for m in self.settings.municipalities}

    def source(self, kind: str, record_id: str) -> Source:
        return self.sources[(kind, record_id)]


def build(loaded: Loaded) -> Dataset | None:
    """Index the valid records; None when one of the three fixed files is unusable."""
    try:
        settings, settings_source = loaded.singles[SETTINGS_FILE]
        tree, tree_source = loaded.singles["incidenttypes.yaml"]
        holders, holders_source = loaded.singles["accountholders.yaml"]
    except KeyError:
        return None
    assert isinstance(settings, Settings) and isinstance(tree, IncidentTypes)
    assert isinstance(holders, AccountHolders)
    sources: dict[tuple[str, str], Source] = {
        ("file", SETTINGS_FILE): settings_source,
        ("file", "incidenttypes.yaml"): tree_source,
        ("file", "accountholders.yaml"): holders_source,
    }
    incident_types: dict[str, IncidentType] = {}
    children: dict[str | None, list[str]] = {}
    for index, item in enumerate(tree.incident_types):
        if item.code in incident_types:
            continue  # reported by the tree check
        incident_types[item.code] = item
        children.setdefault(item.parent, []).append(item.code)
        sources[("incidenttypes", item.code)] = Source(tree_source.file, tree_source.doc, ("incident_types", index))
    account_holders: dict[str, AccountHolder] = {}
    for index, holder in enumerate(holders.account_holders):
        account_holders.setdefault(holder.id, holder)
        sources.setdefault(
            ("accountholders", holder.id), Source(holders_source.file, holders_source.doc, ("account_holders", index))
        )
    by_kind: dict[str, dict[str, Any]] = {}
    for kind, records in loaded.records.items():
        table = by_kind.setdefault(kind, {})
        for record, source in records:
            if record.id not in table:  # a duplicate id is reported by the identity check
                table[record.id] = record
                sources[(kind, record.id)] = source
    return Dataset(
        root=loaded.root,
        settings=settings,
        incident_types=incident_types,
        aliases=dict(tree.aliases),
        account_holders=account_holders,
        partners=by_kind.get("partners", {}),
        profiles=by_kind.get("profiles", {}),
        covenants=by_kind.get("covenants", {}),
        exercises=by_kind.get("exercises", {}),
        plans=by_kind.get("plans", {}),
        sources=sources,
        children=children,
    )
