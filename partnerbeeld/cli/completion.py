"""Tab completion for incident types, teams, municipalities, profiles, account holders and partner ids.

Completion runs on every Tab press, so it reads as little as it can: the
incident-type, settings and account-holder files through ``yamlsource``, and file names for
profiles and partners, never the whole dataset. Any problem completes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from partnerbeeld.model.vocabulary import Mode, Team


def _root(ctx: Any) -> Path | None:
    from partnerbeeld.infra.errors import PartnerbeeldError
    from partnerbeeld.reading.loading import find_root

    explicit = (getattr(ctx, "params", None) or {}).get("data")
    try:
        return find_root(Path(explicit) if explicit else None)
    except PartnerbeeldError:
        return None


def _yaml(root: Path | None, name: str) -> dict[str, Any]:
    from partnerbeeld.reading import yamlsource

    if root is None:
        return {}
    try:
        parsed = yamlsource.parse((root / name).read_bytes())
    except OSError:
        return {}
    data = getattr(parsed, "data", None)
    return data if isinstance(data, dict) else {}


def _stems(root: Path | None, folder: str) -> list[str]:
    if root is None or not (root / folder).is_dir():
        return []
    return sorted(p.stem for p in (root / folder).iterdir() if p.suffix in {".yaml", ".yml"})


def _starting(options: list[tuple[str, str]], incomplete: str) -> list[tuple[str, str]]:
    """The options that start with what was typed; the shell shows them, so nothing the data holds acts there.

    A value with a control or line-break character is left out (the completion protocol is one
    option per line, and nobody types such a value); the names beside them show escaped.
    """
    from partnerbeeld.infra.safetext import UNSAFE, visible

    return [
        (value, visible(help_))
        for value, help_ in options
        if value.startswith(incomplete.lower()) and not UNSAFE.search(value)
    ]


def incident_types(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Codes with their names, then aliases with the codes they stand for."""
    tree = _yaml(_root(ctx), "incidenttypes.yaml")
    options = [
        (str(item.get("code")), str(item.get("name", "")))
        for item in tree.get("incident_types") or []
        if isinstance(item, dict) and item.get("code")
    ]
    aliases = tree.get("aliases") or {}
    if isinstance(aliases, dict):
        options += [
            (str(alias), "alias: " + ", ".join(map(str, codes if isinstance(codes, list) else [])))
            for alias, codes in aliases.items()
        ]
    return _starting(options, incomplete)


def municipalities(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    settings = _yaml(_root(ctx), "partnerbeeld.yaml")
    options = [
        (str(m.get("id")), str(m.get("name", "")))
        for m in settings.get("municipalities") or []
        if isinstance(m, dict) and m.get("id")
    ]
    return _starting(options, incomplete)


def account_holders(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    listed = _yaml(_root(ctx), "accountholders.yaml").get("account_holders") or []
    options = [(str(h.get("id")), str(h.get("name", ""))) for h in listed if isinstance(h, dict) and h.get("id")]
    return _starting(options, incomplete)


def profiles(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    return _starting([(stem, "profiel") for stem in _stems(_root(ctx), "profiles")], incomplete)


def partners(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    return _starting([(stem, "partner") for stem in _stems(_root(ctx), "partners")], incomplete)


def teams(incomplete: str) -> list[tuple[str, str]]:
    return _starting([(t.value, "team") for t in Team], incomplete)


def modes(incomplete: str) -> list[tuple[str, str]]:
    return _starting([(m.value, "modus") for m in Mode], incomplete)
