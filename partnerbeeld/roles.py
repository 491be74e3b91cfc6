"""How a partner is involved in an incident type: its profiles' roles and its own deviations.

Rules (DESIGN.md, query semantics):
- per incident-type code, a partner's own role replaces its profiles' role;
  among profiles, the first one listed on the partner wins;
- asking for a type X, a role on X itself counts first, then a role on a type
  below X (asking `overstroming` shows who joins at `dijkdoorbraak`; among several,
  the one that joins earliest), then the role on the nearest type above X.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from partnerbeeld.dataset import Dataset
from partnerbeeld.records import Partner, Role


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
        return (self.role.from_grip, min(mode.rank for mode in self.role.modes))


def roles_of(dataset: Dataset, partner: Partner) -> dict[str, ResolvedRole]:
    """The roles a partner has, per code they are defined on."""
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


def role_for(
    dataset: Dataset, partner: Partner, code: str, defined: dict[str, ResolvedRole] | None = None
) -> ResolvedRole | None:
    """The most specific role of ``partner`` for incident type ``code``, or None."""
    defined = roles_of(dataset, partner) if defined is None else defined
    return pick(defined, code, dataset.descendants(code), dataset.ancestors(code))


def pick(
    defined: dict[str, ResolvedRole],
    code: str,
    below: list[str],
    above: list[str],
    passes: Callable[[ResolvedRole], bool] = lambda role: True,
) -> ResolvedRole | None:
    """``role_for`` with the tree walked beforehand: a query over many partners walks it once per code.

    ``passes`` (the filters of `zoek`: --grip, --team, --modus) chooses among the roles
    that can apply: the role on the type itself, the roles on the types below it (each a
    way the incident can turn out) and, without a role of its own, the nearest inherited
    one. So at `--grip 1` a water board with a ROT seat from GRIP 2 on `overstroming` but
    a liaison from GRIP 1 on `wateroverlast` is found, through that second role.
    """
    own = defined.get(code)
    if own is not None and passes(own):
        return own
    found = [defined[c] for c in below if c in defined and passes(defined[c])]
    if found:
        return min(found, key=lambda r: r.urgency)
    if own is not None:  # its own role did not pass; what it inherits does not apply to it
        return None
    inherited = next((defined[a] for a in above if a in defined), None)
    return inherited if inherited is not None and passes(inherited) else None


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
