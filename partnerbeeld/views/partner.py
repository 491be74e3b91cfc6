"""Views of one partner (`toon`): Dutch text for people and stable JSON."""

from __future__ import annotations

import textwrap
from typing import Any

from partnerbeeld.answers.partnerinfo import PartnerInfo, RoleLine
from partnerbeeld.answers.roles import ResolvedRole
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.model.records import Contact
from partnerbeeld.views.colour import Palette
from partnerbeeld.views.jsondoc import dump
from partnerbeeld.views.roletext import role_json, role_text


def ago(days: int) -> str:
    """'vandaag', '12 dagen geleden', '5 maanden geleden', '2 jaar geleden' (approximate on purpose)."""
    if days < 0:
        return f"over {-days} dagen"
    if days == 0:
        return "vandaag"
    if days < 60:
        return f"{days} {'dag' if days == 1 else 'dagen'} geleden"
    if days < 730:
        return f"{days * 12 // 365} maanden geleden"
    return f"{days // 365} jaar geleden"


def origin(resolved: ResolvedRole, replaces: str | None = None) -> str:
    if resolved.is_deviation:
        return f"eigen afwijking (vervangt profiel {replaces})" if replaces else "eigen afwijking"
    return f"profiel {resolved.profile}"


def role_summary(resolved: ResolvedRole) -> str:
    role = resolved.role
    parts = [", ".join(m.value for m in sorted(role.modes, key=lambda m: m.rank))]  # strongest first, as zoek
    if role.teams:
        parts.append(("team " if len(role.teams) == 1 else "teams ") + ", ".join(t.label for t in role.teams))
    parts.append(f"vanaf GRIP {role.from_grip}")
    return "; ".join(parts)


def _contact_line(contact: Contact) -> str:
    bits = [contact.label]
    if contact.person:
        bits.append(contact.person)
    bits += [x for x in (contact.phone, contact.mobile, contact.email) if x]
    if contact.available:
        bits.append(contact.available)
    flags = [flag for flag, on in (("eerst bellen", contact.primary), ("vertrouwelijk", contact.confidential)) if on]
    return " · ".join(bits) + (f" [{', '.join(flags)}]" if flags else "")


def _section(title: str, items: list[str], palette: Palette, width: int = 80) -> list[str]:
    lines = ["", palette.bold(title)]
    for item in items or ["geen"]:
        lines += textwrap.wrap(item, width, initial_indent="  ", subsequent_indent="    ") or [""]
    return lines


def as_text(info: PartnerInfo, version: DataVersion, palette: Palette, width: int = 80) -> str:
    p = info.partner
    lines = [
        palette.bold(f"{p.name} ({p.id})"),
        f"sector {p.sector} · peildatum {info.today.isoformat()} · data {version.label}",
    ]
    lines += textwrap.wrap(
        "gebied: " + (", ".join(info.area_names) if info.area_names is not None else "de hele regio"),
        width,
        subsequent_indent="  ",
    )
    holder = info.account_holder
    lines.append(
        "accounthouder: "
        + (
            f"{holder.name}" + (f" · {holder.email}" if holder.email else "")
            if holder
            else (p.account_holder or "geen")
        )
    )
    if p.verified_on and info.verified_days_ago is not None:
        verified = f"{p.verified_on.isoformat()} ({ago(info.verified_days_ago)})"
        lines.append(
            "contacten gecontroleerd: "
            + (palette.yellow(verified + ", te lang geleden") if info.verification_overdue else verified)
        )
    else:
        lines.append("contacten gecontroleerd: " + palette.yellow("nooit vastgelegd"))
    hidden = (
        "1 vertrouwelijk contact verborgen"
        if info.hidden_contacts == 1
        else f"{info.hidden_contacts} vertrouwelijke contacten verborgen"
    ) + "; toon met --vertrouwelijk"
    if any(c.confidential for c in info.contacts):
        lines.insert(0, palette.yellow("VERTROUWELIJK: bevat contacten die niet verder verspreid mogen worden."))
    lines += _section("Contacten", [_contact_line(c) for c in info.contacts], palette, width)
    if info.hidden_contacts:
        lines.append(palette.dim(f"  ({hidden})"))
    lines += _section("Profielen", [f"{pr.id}: {pr.name}" for pr in info.profiles], palette, width)
    lines += ["", palette.bold("Betrokken per crisistype (eerste rol, zoals zoek toont)")]
    lines += [f"  {line}" for line in _involvement_lines(info, width - 2)] or ["  geen"]
    lines += ["", palette.bold("Rollen per incidenttype")]
    lines += [f"  {line}" for line in _role_lines(info.roles, width - 2)] or ["  geen"]
    lines += _section(
        "Convenanten",
        [
            f"{c.title} ({c.status.value}"
            + (f", geldig tot {c.valid_until.isoformat()}" if c.valid_until else "")
            + ")"
            for c in info.covenants
        ],
        palette,
        width,
    )
    lines += _section(
        "Oefeningen", [f"{e.date.isoformat()} {e.title} ({e.kind.value})" for e in info.exercises], palette, width
    )
    lines += _section(
        "Plannen",
        [f"{pl.title} ({pl.kind.value}, herzien {pl.last_revised_on.isoformat()})" for pl in info.plans],
        palette,
        width,
    )
    if p.note:
        lines += _section("Opmerking", [p.note], palette, width)
    return "\n".join(lines) + "\n"


def _involvement_lines(info: PartnerInfo, width: int) -> list[str]:
    """'Overstroming: GRIP 0, liaison, alarmeren (CoPI, ROT), bij Dijkdoorbraak'; later roles after it."""
    lines: list[str] = []
    for line in info.involvement:
        head = line.involvement.headline
        text = f"{line.name}: GRIP {head.role.from_grip}, {role_text(head.role)}"
        if head.code != line.code:
            text += f", bij {info.type_name(head.code)}"
        for later in line.involvement.later:
            text += f"; ook GRIP {later.role.from_grip} {role_text(later.role)}, bij {info.type_name(later.code)}"
        lines += textwrap.wrap(text, width, subsequent_indent="    ")
    return lines


def _role_lines(roles: list[RoleLine], width: int) -> list[str]:
    lines: list[str] = []
    for line in roles:
        lines.append(f"{line.name} ({line.code})")
        detail = f"{role_summary(line.role)} · {origin(line.role, line.replaces)}"
        lines += textwrap.wrap(detail, width - 4, initial_indent="  ", subsequent_indent="    ")
        if line.role.role.task:
            lines += textwrap.wrap(
                "taak: " + line.role.role.task, width - 4, initial_indent="  ", subsequent_indent="    "
            )
    return lines


def _contact_json(contact: Contact) -> dict[str, Any]:
    return {
        "label": contact.label,
        "persoon": contact.person,
        "telefoon": contact.phone,
        "mobiel": contact.mobile,
        "email": contact.email,
        "bereikbaar": contact.available,
        "primair": contact.primary,
        "vertrouwelijk": contact.confidential,
        "opmerking": contact.note,
    }


def as_json(info: PartnerInfo, version: DataVersion, confidential: bool) -> str:
    p, holder = info.partner, info.account_holder
    document = {
        "id": p.id,
        "naam": p.name,
        "sector": p.sector,
        "website": p.website,
        "opmerking": p.note,
        "gebied": list(p.area) if p.area is not None else None,
        "peildatum": info.today.isoformat(),
        "dataversie": version.as_json(),
        "vertrouwelijk": confidential,
        "accounthouder": None if holder is None else {"id": holder.id, "naam": holder.name, "email": holder.email},
        "gecontroleerd_op": p.verified_on.isoformat() if p.verified_on else None,
        "dagen_sinds_controle": info.verified_days_ago,
        "controle_te_oud": info.verification_overdue,
        "contacten": [_contact_json(c) for c in info.contacts],
        "verborgen_contacten": info.hidden_contacts,
        "profielen": [{"id": pr.id, "naam": pr.name} for pr in info.profiles],
        # per crisis type, what zoek and overzicht show: the headline role, then all that apply
        "betrokkenheid": [
            {
                "crisistype": line.code,
                "naam": line.name,
                "rol": role_json(info.type_names, line.involvement.headline),
                "rollen": [role_json(info.type_names, r) for r in line.involvement.roles],
            }
            for line in info.involvement
        ],
        "rollen": [
            {
                "incidenttype": r.code,
                "naam": r.name,
                "modi": [m.value for m in sorted(r.role.role.modes, key=lambda m: m.rank)],
                "teams": [t.value for t in r.role.role.teams],
                "vanaf_grip": r.role.role.from_grip,
                "taak": r.role.role.task,
                "bron": "afwijking" if r.role.is_deviation else "profiel",
                "profiel": r.role.profile,
                "vervangt_profiel": r.replaces,
            }
            for r in info.roles
        ],
        "convenanten": [
            {
                "id": c.id,
                "titel": c.title,
                "status": c.status.value,
                "geldig_tot": c.valid_until.isoformat() if c.valid_until else None,
            }
            for c in info.covenants
        ],
        "oefeningen": [
            {"id": e.id, "titel": e.title, "datum": e.date.isoformat(), "soort": e.kind.value} for e in info.exercises
        ],
        "plannen": [
            {"id": pl.id, "titel": pl.title, "soort": pl.kind.value, "herzien_op": pl.last_revised_on.isoformat()}
            for pl in info.plans
        ],
    }
    return dump(document)
