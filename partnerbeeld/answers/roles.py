"""How a partner is involved in an incident type: its profiles' roles and its own deviations.

Rules (DESIGN.md, query semantics):
- per incident-type code, a partner's own role replaces its profiles' role;
  among profiles, the first one listed on the partner wins;
- asking for a type X, the roles that can apply are its role on X itself, its roles
  on the types below X (each a way X can unfold: asking `overstroming` shows who joins
  at `dijkdoorbraak`) and, only without a role on X, the role on the nearest type above;
- of those, the headline is the role by which the partner joins earliest (lowest GRIP),
  ties going to the strongest mode and then to X's own role (``Involvement``).

``involvement`` is the one place this rule lives: `zoek`, `contactlijst`, `overzicht`,
`toon` and the site all show what it returns, so they cannot disagree.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from partnerbeeld.model.records import Partner, Role
from partnerbeeld.reading.dataset import Dataset


class ResolvedRole(NamedTuple):
    code: str  # the incident type the role is defined on
    role: Role
    profile: str | None  # the profile it comes from; None = the partner's own deviation

    @property
    def is_deviation(self) -> bool:
        return self.profile is None

    @property
    def urgency(self) -> tuple[int, int]:
        """Sort key: who joins earliest, then who is most involved."""
        return (self.role.from_grip, self.strength)

    @property
    def strength(self) -> int:
        """The rank of its strongest mode: 0 for liaison, 5 for informeren only."""
        return min(mode.rank for mode in self.role.modes)


class Involvement(NamedTuple):
    """Every role of one partner that can apply to the asked incident type(s), the headline first.

    The rest follow in the same order (earliest, strongest): the later ways in which
    the partner may join as the incident unfolds.
    """

    roles: tuple[ResolvedRole, ...]  # never empty

    @property
    def headline(self) -> ResolvedRole:
        return self.roles[0]

    @property
    def later(self) -> tuple[ResolvedRole, ...]:
        return self.roles[1:]


Scope = Sequence[tuple[str, Sequence[str], Sequence[str]]]  # (asked code, its descendants, its ancestors)


def applicable(
    defined: Mapping[str, ResolvedRole], code: str, below: Sequence[str], above: Sequence[str]
) -> list[ResolvedRole]:
    """The roles that can apply to ``code``: its own, those below it, else the nearest inherited one."""
    own = defined.get(code)
    found = [defined[c] for c in below if c in defined]
    if own is not None:
        return [own, *found]
    inherited = next((defined[a] for a in above if a in defined), None)
    return found if inherited is None else [inherited, *found]


def involvement(
    defined: Mapping[str, ResolvedRole],
    scope: Scope,
    passes: Callable[[ResolvedRole], bool] = lambda role: True,
) -> Involvement | None:
    """How a partner with roles ``defined`` is involved in the asked codes, or None.

    ``scope`` walks the tree beforehand (a query over many partners walks it once per
    code); several codes (an alias, or `-i brand -i gaslek`) mean their union.
    ``passes`` (the filters of `zoek`: --grip, --team, --modus) keeps the roles that
    match, so the headline is the earliest role that matches: at `--grip 1` a water
    board with a ROT seat from GRIP 2 on `overstroming` but alarmed from GRIP 0 at
    `dijkdoorbraak` is found, and shown, through that second role.
    """
    if not defined:
        return None
    asked = {code for code, _, _ in scope}
    seen: dict[str, tuple[int, ResolvedRole]] = {}
    for code, below, above in scope:
        for role in applicable(defined, code, below, above):
            if role.code not in seen and passes(role):
                seen[role.code] = (len(seen), role)  # first seen: the asked type, then tree order
    if not seen:
        return None
    ordered = sorted(seen.values(), key=lambda item: (*item[1].urgency, item[1].code not in asked, item[0]))
    return Involvement(tuple(role for _, role in ordered))


def scope_of(dataset: Dataset, codes: Sequence[str]) -> list[tuple[str, list[str], list[str]]]:
    """The tree walked once for the asked codes, for ``involvement``."""
    return [(code, dataset.descendants(code), dataset.ancestors(code)) for code in codes]


# Each dataset's resolved roles per partner id, kept while the dataset lives. A dataset never
# changes after loading, and the site asks for every partner's roles once per incident type
# and team (hundreds of `select` calls): resolving them again each time was a sixth of a build.
_RESOLVED: weakref.WeakKeyDictionary[Dataset, dict[str, tuple[Partner, Mapping[str, ResolvedRole]]]] = (
    weakref.WeakKeyDictionary()
)


def roles_of(dataset: Dataset, partner: Partner) -> Mapping[str, ResolvedRole]:
    """The roles a partner has, per code they are defined on (read-only: the answer is shared)."""
    known = _RESOLVED.setdefault(dataset, {})
    found = known.get(partner.id)
    if found is not None and found[0] is partner:  # the same record, not another one with its id
        return found[1]
    resolved = MappingProxyType(_resolve(dataset, partner))
    known[partner.id] = (partner, resolved)
    return resolved


def _resolve(dataset: Dataset, partner: Partner) -> dict[str, ResolvedRole]:
    result: dict[str, ResolvedRole] = {}
    for profile_id in partner.profiles:
        profile = dataset.profiles.get(profile_id)
        if profile is None:
            continue
        for code, role in profile.roles.items():
            result.setdefault(code, ResolvedRole(code, role, profile_id))
    for code, role in partner.roles.items():
        result[code] = ResolvedRole(code, role, None)
    return result


def shadowed_profile(dataset: Dataset, partner: Partner, code: str) -> str | None:
    """The profile whose role on ``code`` the partner's own deviation replaces, if any."""
    if code not in partner.roles:
        return None
    for profile_id in partner.profiles:
        profile = dataset.profiles.get(profile_id)
        if profile is not None and code in profile.roles:
            return profile_id
    return None


def involved_codes(dataset: Dataset, partner: Partner) -> set[str]:
    """Every incident type ``role_for`` finds a role for: the defined codes, their ancestors and descendants.

    The same involvement rule as ``zoek``, computed once per partner so counting
    over the whole tree stays linear.
    """
    result: set[str] = set()
    for code in roles_of(dataset, partner):
        result.add(code)
        result.update(dataset.ancestors(code))
        result.update(dataset.descendants(code))
    return result
