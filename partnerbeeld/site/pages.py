"""What the site's pages show, as plain values; the templates in templates/site/ lay them out.

An incident-type page is the `zoek` answer for that type (``query.answer``), one
row per hit. A team filter changes more than which rows show: `zoek --team T`
chooses the headline among the roles with team T, so a row's GRIP, modes, teams
and "via" type, and the order of the rows, can differ. So each row also carries,
per team, what ``query.select`` with that team filter shows for the partner and its
place in that answer (``team_answers``); the page's script only picks the variant of
the chosen team. A GRIP filter then keeps the rows whose variant starts at that GRIP
or lower (the earliest role that passes stays the headline), a municipality filter
the rows whose area holds it: neither changes a role. tests/test_site.py holds the
page to ``query.select`` for every combination.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from partnerbeeld.answers.query import Answer, Hit, Selection, select
from partnerbeeld.answers.roles import ResolvedRole
from partnerbeeld.model.records import Contact, Role
from partnerbeeld.model.vocabulary import Team
from partnerbeeld.reading.dataset import Dataset

ANY_TEAM = "*"  # the variant without a team filter: the row as the page first shows it
# per team value: partner id -> (its place in the answer of `zoek` with that team, its hit there)
TeamAnswers = dict[str, dict[str, tuple[int, Hit]]]


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
    # for the in-page filters, as JSON: team value (or ANY_TEAM) -> what the row shows with that
    # team filter: [place in zoek's order, GRIP, modes, teams, via, task, deviation], or only
    # [place] when that is the role shown without a filter. A team the partner has no role
    # with is absent: the row hides.
    variants_attr: str
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


class RowCache:
    """What many rows share, computed once per site: per role record (shared by every
    partner of a profile) its modes and teams as shown. At 10,000 partners the pages
    hold 100,000 rows; without this, sorting modes dominated building them."""

    def __init__(self) -> None:
        self.shown: dict[int, tuple[tuple[str, ...], tuple[str, ...], Role]] = {}

    def role_text(self, role: Role) -> tuple[tuple[str, ...], tuple[str, ...]]:
        found = self.shown.get(id(role))
        if found is None:
            modes = tuple(m.value for m in sorted(role.modes, key=lambda m: m.rank))
            # the role itself is kept in the entry, so its id cannot be reused while cached
            found = self.shown[id(role)] = (modes, tuple(t.label for t in role.teams), role)
        return found[0], found[1]


def team_answers(dataset: Dataset, selection: Selection) -> TeamAnswers:
    """``select`` for ``selection`` with each team as its filter, indexed by partner id."""
    answers: TeamAnswers = {}
    for team in Team:
        hits = select(dataset, selection._replace(teams=(team,)))
        answers[str(team)] = {hit.partner.id: (place, hit) for place, hit in enumerate(hits)}
    return answers


def incident_rows(
    dataset: Dataset, answer: Answer, code: str, cache: RowCache, teams: TeamAnswers
) -> list[IncidentRow]:
    """The rows of one incident-type page, in the order of ``answer`` (unfiltered);
    ``teams`` is ``team_answers`` of the same selection: what each team filter shows."""
    rows = []
    for place, hit in enumerate(answer.hits):
        variants = {ANY_TEAM: _variant(dataset, place, hit, code, cache)}
        for team, found in teams.items():
            if hit.partner.id in found:
                there, team_hit = found[hit.partner.id]
                # the role shown without a filter: only its place (most are; the page stays small)
                same = _key(team_hit.role) == _key(hit.role)
                variants[team] = [there] if same else _variant(dataset, there, team_hit, code, cache)
        rows.append(_row(dataset, hit, code, json.dumps(variants, ensure_ascii=False, separators=(",", ":")), cache))
    return rows


def _key(resolved: ResolvedRole | None) -> tuple[str, str | None] | None:
    """Which of a partner's roles this is: the type it is on and the profile it comes from."""
    return None if resolved is None else (resolved.code, resolved.profile)


def _shown(
    dataset: Dataset, resolved: ResolvedRole, code: str, cache: RowCache
) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """Modes and teams as shown, and the name of the type the role is on when it is not ``code``."""
    modes, teams = cache.role_text(resolved.role)
    via = dataset.type_names.get(resolved.code, resolved.code) if resolved.code != code else None
    return modes, teams, via


def _variant(dataset: Dataset, place: int, hit: Hit, code: str, cache: RowCache) -> list[object]:
    assert hit.role is not None, "an incident type was asked"
    modes, teams, via = _shown(dataset, hit.role, code, cache)
    role = hit.role.role
    return [place, role.from_grip, modes, teams, via, role.task, hit.role.is_deviation]


def _row(dataset: Dataset, hit: Hit, code: str, variants: str, cache: RowCache) -> IncidentRow:
    partner, resolved = hit.partner, hit.role
    assert resolved is not None, "an incident type was asked"
    modes, teams, via = _shown(dataset, resolved, code, cache)
    first = hit.call_first
    holder = hit.account_holder
    return IncidentRow(
        partner_id=partner.id,
        name=partner.name,
        sector=partner.sector,
        grip=resolved.role.from_grip,
        modes=modes,
        teams=teams,
        task=resolved.role.task,
        via=via,
        deviation=resolved.is_deviation,
        call_first=first,
        dial=dial(first.number) if first else None,
        holder_id=holder.id if holder else None,  # a page exists only for a known account holder
        holder_name=holder.name if holder else partner.account_holder,
        variants_attr=variants,
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
