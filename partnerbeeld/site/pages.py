"""What the site's pages show, as plain values; the templates in templates/site/ lay them out.

An incident-type page is the `zoek` answer for that type (``query.answer``), one
row per hit. Each row also carries what the in-page filters need to give the
same answer as ``zoek --team T --grip N --gemeente G`` without a reload: per team,
the lowest GRIP at which one of the roles that can apply (the hit's involvement)
has that team, and the partner's area (tests/test_site.py holds them to ``query.select``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from partnerbeeld.answers.query import Answer, Hit
from partnerbeeld.answers.roles import ResolvedRole
from partnerbeeld.model.records import Contact, Role
from partnerbeeld.reading.dataset import Dataset

ANY_TEAM = "*"


@dataclass(frozen=True, slots=True)
class Dial:
    """A number as written and as a tel: link."""

    text: str
    href: str


@dataclass(frozen=True, slots=True)
class IncidentRow:
    partner_id: str
    name: str
    sector: str
    grip: int | None
    modes: tuple[str, ...]  # strongest first
    teams: tuple[str, ...]  # as people write them: 'ROT', 'CoPI'
    task: str | None
    via: str | None  # the incident type the role is defined on, when it is not this one
    deviation: bool  # the partner's own role rather than its profile's
    call_first: Contact | None
    dial: Dial | None
    holder_id: str | None  # set when the account holder is known: their page exists
    holder_name: str | None
    # for the in-page filters: team code (or ANY_TEAM) -> lowest GRIP at which the partner is found
    team_grip: dict[str, int]
    teams_attr: str  # the same as the row's data-teams attribute: '*:1 rot:2 copi:1'
    area: tuple[str, ...] | None  # municipality ids; None = the whole region

    @property
    def area_attr(self) -> str:
        """The row's data-gemeenten attribute: municipality ids, or '*' for the whole region."""
        return "*" if self.area is None else " ".join(self.area)


@functools.lru_cache(maxsize=65536)
def dial(number: str | None) -> Dial | None:
    """'071 000 00 00' -> tel:0710000000; a plus sign stays, everything but digits goes."""
    if not number:
        return None
    digits = re.sub(r"[^0-9+]", "", number)
    return Dial(number, f"tel:{digits}") if digits.strip("+") else None


def filter_facts(roles: list[ResolvedRole]) -> dict[str, int]:
    """Team code -> the lowest GRIP at which a role with that team applies; ANY_TEAM for any role."""
    facts: dict[str, int] = {}
    for resolved in roles:
        grip = resolved.role.from_grip
        for team in (ANY_TEAM, *(str(t) for t in resolved.role.teams)):
            facts[team] = min(grip, facts.get(team, grip))
    return dict(sorted(facts.items(), key=lambda item: (item[0] != ANY_TEAM, item[0])))


class RowCache:
    """What many rows share, computed once per site: per role record (shared by every
    partner of a profile) its modes and teams as shown, and the filter facts. At 10,000 partners
    the pages hold 100,000 rows; without this, sorting modes dominated building them."""

    def __init__(self) -> None:
        self.shown: dict[int, tuple[tuple[str, ...], tuple[str, ...], Role]] = {}
        self.facts: dict[tuple[int, ...], tuple[dict[str, int], str]] = {}

    def role_text(self, role: Role) -> tuple[tuple[str, ...], tuple[str, ...]]:
        found = self.shown.get(id(role))
        if found is None:
            modes = tuple(m.value for m in sorted(role.modes, key=lambda m: m.rank))
            # the role itself is kept in the entry, so its id cannot be reused while cached
            found = self.shown[id(role)] = (modes, tuple(t.label for t in role.teams), role)
        return found[0], found[1]

    def filter_facts(self, roles: list[ResolvedRole]) -> tuple[dict[str, int], str]:
        """``filter_facts(roles)`` and the same as an attribute value."""
        key = tuple(id(r.role) for r in roles)
        found = self.facts.get(key)
        if found is None:
            for resolved in roles:
                self.role_text(resolved.role)  # keeps the role alive for the key
            facts = filter_facts(roles)
            found = self.facts[key] = (facts, " ".join(f"{team}:{grip}" for team, grip in facts.items()))
        return found


def incident_rows(dataset: Dataset, answer: Answer, code: str, cache: RowCache) -> list[IncidentRow]:
    """The rows of one incident-type page, in the answer's order.

    ``answer`` is unfiltered, so each hit's involvement holds every role that can apply:
    what the in-page filters choose from, as ``zoek`` does with its options.
    """
    return [_row(dataset, hit, code, cache.filter_facts(list(hit.roles)), cache) for hit in answer.hits]


def _row(dataset: Dataset, hit: Hit, code: str, facts: tuple[dict[str, int], str], cache: RowCache) -> IncidentRow:
    partner, resolved = hit.partner, hit.role
    role = resolved.role if resolved else None
    via = None
    if resolved is not None and resolved.code != code:
        item = dataset.incident_types.get(resolved.code)
        via = item.name if item else resolved.code
    modes, teams = cache.role_text(role) if role else ((), ())
    first = hit.call_first
    holder = hit.account_holder
    return IncidentRow(
        partner_id=partner.id,
        name=partner.name,
        sector=partner.sector,
        grip=role.from_grip if role else None,
        modes=modes,
        teams=teams,
        task=role.task if role else None,
        via=via,
        deviation=bool(resolved and resolved.is_deviation),
        call_first=first,
        dial=dial(first.number) if first else None,
        holder_id=holder.id if holder else None,  # a page exists only for a known account holder
        holder_name=holder.name if holder else partner.account_holder,
        team_grip=facts[0],
        teams_attr=facts[1],
        area=tuple(partner.area) if partner.area is not None else None,
    )


@dataclass(frozen=True, slots=True)
class TreeNode:
    code: str
    name: str
    depth: int
    partners: int
    aliases: tuple[str, ...]
    children: list[TreeNode]


def tree(dataset: Dataset) -> list[TreeNode]:
    """The incident-type tree with partner counts (``tree.incident_tree``), nested for a list of lists."""
    from partnerbeeld.answers.tree import incident_tree

    roots: list[TreeNode] = []
    stack: list[TreeNode] = []
    for node in incident_tree(dataset):
        item = TreeNode(node.code, node.name, node.depth, node.partners, node.aliases, [])
        while stack and stack[-1].depth >= node.depth:
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    return roots
