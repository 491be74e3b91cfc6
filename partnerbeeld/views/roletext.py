"""One role in words and in JSON, the same in every view (zoek, toon, overzicht, contactlijst)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from partnerbeeld.answers.roles import ResolvedRole
from partnerbeeld.model.records import Role


def role_text(role: Role) -> str:
    """'liaison, alarmeren (CoPI, ROT)': the modes, strongest first, and the teams."""
    text = ", ".join(m.value for m in sorted(role.modes, key=lambda m: m.rank))
    return text + (f" ({', '.join(t.label for t in role.teams)})" if role.teams else "")


def role_json(type_names: Mapping[str, str], resolved: ResolvedRole) -> dict[str, Any]:
    """One role as every JSON output writes it: what, from which GRIP, on which type, from where."""
    return {
        "incidenttype": resolved.code,
        "incidenttype_naam": type_names.get(resolved.code, resolved.code),
        "modi": [m.value for m in sorted(resolved.role.modes, key=lambda m: m.rank)],
        "teams": [t.value for t in resolved.role.teams],
        "vanaf_grip": resolved.role.from_grip,
        "taak": resolved.role.task,
        "bron": "afwijking" if resolved.is_deviation else "profiel",
        "profiel": resolved.profile,
    }
