"""What the site's pages show, as plain values; the templates in templates/site/ lay them out.

An incident-type page is the `zoek` answer for that type (``query.answer``), one
row per hit. Each row also carries what the in-page filters need to give the
same answer as ``zoek --team T --grip N --gemeente G`` without a reload: per team,
the lowest GRIP at which one of the roles that can apply has that team, and the
partner's area. ``filter_facts`` computes those from the same rule as
``roles.pick`` (tests/test_site.py holds them to ``query.select``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from partnerbeeld.dataset import Dataset
from partnerbeeld.query import Answer, Hit
from partnerbeeld.records import Contact
from partnerbeeld.roles import ResolvedRole

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
    holder_id: str | None
    holder_name: str | None
    # for the in-page filters: team code (or ANY_TEAM) -> lowest GRIP at which the partner is found
    team_grip: dict[str, int]
    area: tuple[str, ...] | None  # municipality ids; None = the whole region

    @property
    def teams_attr(self) -> str:
        """'*:1 rot:2 copi:1', the row's data-teams attribute."""
        return " ".join(f"{team}:{grip}" for team, grip in self.team_grip.items())


def dial(number: str | None) -> Dial | None:
    """'071 000 00 00' -> tel:0710000000; a plus sign stays, everything but digits goes."""
    if not number:
        return None
    digits = re.sub(r"[^0-9+]", "", number)
    return Dial(number, f"tel:{digits}") if digits.strip("+") else None


def applicable(defined: dict[str, ResolvedRole], code: str, below: list[str], above: list[str]) -> list[ResolvedRole]:
    """Every role ``roles.pick`` can answer with for ``code``, whatever the filter.

    ``pick`` finds a role passing a filter exactly when one of these passes: its own
    role and the roles below, or (without an own role) the roles below and the
    nearest inherited one.
    """
    own = defined.get(code)
    found = [defined[c] for c in below if c in defined]
    if own is not None:
        return [own, *found]
    inherited = next((defined[a] for a in above if a in defined), None)
    return found + ([inherited] if inherited is not None else [])


def filter_facts(roles: list[ResolvedRole]) -> dict[str, int]:
    """Team code -> the lowest GRIP at which a role with that team applies; ANY_TEAM for any role."""
    facts: dict[str, int] = {}
    for resolved in roles:
        grip = resolved.role.from_grip
        for team in (ANY_TEAM, *(str(t) for t in resolved.role.teams)):
            facts[team] = min(grip, facts.get(team, grip))
    return dict(sorted(facts.items(), key=lambda item: (item[0] != ANY_TEAM, item[0])))


def incident_rows(
    dataset: Dataset, answer: Answer, code: str, roles_cache: dict[str, dict[str, ResolvedRole]]
) -> list[IncidentRow]:
    """The rows of one incident-type page, in the answer's order."""
    from partnerbeeld.roles import roles_of

    below, above = dataset.descendants(code), dataset.ancestors(code)
    rows = []
    for hit in answer.hits:
        defined = roles_cache.get(hit.partner.id)
        if defined is None:
            defined = roles_cache[hit.partner.id] = roles_of(dataset, hit.partner)
        rows.append(_row(dataset, hit, code, filter_facts(applicable(defined, code, below, above))))
    return rows


def _row(dataset: Dataset, hit: Hit, code: str, facts: dict[str, int]) -> IncidentRow:
    partner, resolved = hit.partner, hit.role
    role = resolved.role if resolved else None
    via = None
    if resolved is not None and resolved.code != code:
        item = dataset.incident_types.get(resolved.code)
        via = item.name if item else resolved.code
    first = hit.call_first
    holder = hit.account_holder
    return IncidentRow(
        partner_id=partner.id,
        name=partner.name,
        sector=partner.sector,
        grip=role.from_grip if role else None,
        modes=tuple(m.value for m in sorted(role.modes, key=lambda m: m.rank)) if role else (),
        teams=tuple(t.label for t in role.teams) if role else (),
        task=role.task if role else None,
        via=via,
        deviation=bool(resolved and resolved.is_deviation),
        call_first=first,
        dial=dial(first.number) if first else None,
        holder_id=holder.id if holder else partner.account_holder,
        holder_name=holder.name if holder else partner.account_holder,
        team_grip=facts,
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
    from partnerbeeld.tree import incident_tree

    roots: list[TreeNode] = []
    stack: list[TreeNode] = []
    for node in incident_tree(dataset):
        item = TreeNode(node.code, node.name, node.depth, node.partners, node.aliases, [])
        while stack and stack[-1].depth >= node.depth:
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    return roots
