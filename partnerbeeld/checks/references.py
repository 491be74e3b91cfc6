"""Every reference between records resolves; suggestions when it does not."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

from partnerbeeld.infra.suggest import closest
from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.reading.dataset import Dataset
from partnerbeeld.reading.source import Source

# with the adjective's form: "onbekende partner" (de) but "onbekend profiel" (het)
_WHAT = {
    "partners": "Onbekende partner",
    "profiles": "Onbekend profiel",
    "accountholders": "Onbekende accounthouder",
    "municipalities": "Onbekende gemeente",
    "incidenttypes": "Onbekend incidenttype",
    "covenants": "Onbekend convenant",
}
_WHERE = {
    "partners": "data/partners/",
    "profiles": "data/profiles/",
    "accountholders": "accountholders.yaml",
    "municipalities": "de gemeenten in partnerbeeld.yaml",
    "incidenttypes": "incidenttypes.yaml",
    "covenants": "data/covenants/",
}


def _unknown(
    source: Source, path: tuple[str | int, ...], kind: str, value: str, known: Collection[str], *, key: bool = False
) -> Finding:
    guesses = closest(value, known)
    hint = ("Bedoelde je " + ", ".join(f"'{g}'" for g in guesses) + "?") if guesses else f"Zie {_WHERE[kind]}."
    return source.finding(path, Severity.FOUT, "verwijzing-onbekend", f"{_WHAT[kind]} '{value}'.", hint, key=key)


def check(dataset: Dataset, invalid_ids: dict[str, set[str]], unreadable: Collection[str] = ()) -> Iterator[Finding]:
    """``invalid_ids``: records that exist but failed validation; not reported twice.

    ``unreadable``: record folders that could not be read; a reference into one is not
    reported either (its records may well exist).
    """
    known = {
        "partners": set(dataset.partners) | invalid_ids.get("partners", set()),
        "profiles": set(dataset.profiles) | invalid_ids.get("profiles", set()),
        "covenants": set(dataset.covenants) | invalid_ids.get("covenants", set()),
        "accountholders": set(dataset.account_holders),
        "municipalities": set(dataset.municipalities),
        "incidenttypes": set(dataset.incident_types),
    }

    def refs(source: Source, field: str, kind: str, values: list[str] | None) -> Iterator[Finding]:
        if kind in unreadable:
            return
        for index, value in enumerate(values or []):
            if value not in known[kind]:
                yield _unknown(source, (field, index), kind, value, known[kind])

    def ref(source: Source, field: str, kind: str, value: str | None) -> Iterator[Finding]:
        if value is not None and value not in known[kind] and kind not in unreadable:
            yield _unknown(source, (field,), kind, value, known[kind])

    def role_keys(source: Source, roles: Mapping[str, object]) -> Iterator[Finding]:
        for code in roles:
            if code not in known["incidenttypes"]:
                yield _unknown(source, ("roles", code), "incidenttypes", code, known["incidenttypes"], key=True)

    for pid, partner in dataset.partners.items():
        source = dataset.source("partners", pid)
        yield from refs(source, "profiles", "profiles", partner.profiles)
        yield from refs(source, "area", "municipalities", partner.area)
        yield from ref(source, "account_holder", "accountholders", partner.account_holder)
        yield from role_keys(source, partner.roles)
    for pid, profile in dataset.profiles.items():
        yield from role_keys(dataset.source("profiles", pid), profile.roles)
    for cid, covenant in dataset.covenants.items():
        source = dataset.source("covenants", cid)
        yield from refs(source, "partners", "partners", covenant.partners)
        yield from ref(source, "account_holder", "accountholders", covenant.account_holder)
    for eid, exercise in dataset.exercises.items():
        source = dataset.source("exercises", eid)
        yield from refs(source, "partners", "partners", exercise.partners)
        yield from refs(source, "incident_types", "incidenttypes", exercise.incident_types)
        yield from ref(source, "covenant", "covenants", exercise.covenant)
    for plan_id, plan in dataset.plans.items():
        source = dataset.source("plans", plan_id)
        yield from refs(source, "partners", "partners", plan.partners)
        yield from refs(source, "incident_types", "incidenttypes", plan.incident_types)
        yield from ref(source, "owner", "accountholders", plan.owner)
