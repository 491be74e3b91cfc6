"""The contact list as Markdown: a heading per partner and a table of its contacts.

Built in Python, not with a Jinja2 template: the shared template environment
escapes for HTML, which would turn every apostrophe in a name into ``&#39;``
and make the raw text hard to read. ``mdtext.text`` escapes instead what
Markdown would act on.
"""

from __future__ import annotations

from partnerbeeld.answers.contactlist import ContactEntry, ContactList, PartnerEntry
from partnerbeeld.views.mdtext import text


def contact_list_markdown(contact_list: ContactList) -> str:
    lines = [f"# {text(contact_list.title)}", ""]
    if contact_list.confidential:
        lines += ["**VERTROUWELIJK**: deze lijst bevat vertrouwelijke contactgegevens.", ""]
    if contact_list.incomplete:
        lines += [f"**{text(contact_list.incomplete_text)}**", ""]
    lines += [
        f"- regio: {text(contact_list.region)}",
        f"- selectie: {text(contact_list.selection)}",
        f"- peildatum: {contact_list.date_text} ({contact_list.reference_date.isoformat()})",
        f"- dataversie: {text(contact_list.data_version.label)}",
        f"- rubricering: {text(contact_list.classification)}",
    ]
    if contact_list.short:
        lines.append(f"- {text(contact_list.short_text)}")
    if contact_list.notice:
        lines.append(f"- opmerking: {text(contact_list.notice)}")
    if contact_list.withheld:
        lines.append(f"- weggelaten: {_withheld(contact_list.withheld)} (alleen met --vertrouwelijk)")
    lines.append("")
    if not contact_list.partners:
        lines += ["Geen partners gevonden voor deze selectie.", ""]
    else:
        lines += _summary(contact_list)
    if not contact_list.short:
        for partner in contact_list.partners:
            lines += _partner(partner, contact_list.role_elsewhere(partner))
    lines.append(f"*{text(contact_list.classification)}*")
    return "\n".join(lines) + "\n"


def _summary(contact_list: ContactList) -> list[str]:
    """'Eerst bellen': one row per partner, in the order of zoek (as page 1 of the HTML and PDF)."""
    lines = [
        "## Eerst bellen",
        "",
        "| GRIP | partner | hoe | team | bel eerst | bereikbaar |",
        "|---|---|---|---|---|---|",
    ]
    for partner in contact_list.partners:
        role, first = partner.role, partner.first
        number = (first.phone or first.mobile or "") if first else "geen nummer"
        cells = [
            str(role.from_grip) if role else "–",
            text(partner.name),
            text(", ".join(role.modes) + _elsewhere(contact_list.role_elsewhere(partner))) if role else "",
            text(", ".join(role.team_names)) if role else "",
            f"**{text(number)}**" if first else f"*{number}*",
            text(first.available or "") if first else "",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _elsewhere(incident_name: str | None) -> str:
    return f" (bij {incident_name})" if incident_name else ""


def _partner(partner: PartnerEntry, elsewhere: str | None) -> list[str]:
    lines = [f"## {text(partner.name)}", ""]
    facts = [f"sector {text(partner.sector)}"]
    if partner.account_holder:
        facts.append(f"accounthouder {text(partner.account_holder)}")
    if partner.role:
        role = partner.role
        where = f" (bij {text(elsewhere)})" if elsewhere else ""
        lines.append(f"**{text(role.summary)}**{where}  ")
        if role.task:
            lines.append(f"*{text(role.task)}*  ")
        lines += [f"ook: {text(later.later_text)}  " for later in partner.later]
    lines += [" · ".join(facts), ""]
    if partner.contacts:
        lines += ["| contact | telefoon | mobiel | e-mail | bereikbaar |", "|---|---|---|---|---|"]
        lines += [_row(c) for c in partner.contacts]
    else:
        lines.append("Geen contactgegevens in deze lijst.")
    if partner.withheld:
        lines += ["", f"{_withheld(partner.withheld)} weggelaten."]
    lines.append("")
    return lines


def _row(contact: ContactEntry) -> str:
    who = text(contact.label)
    if contact.person:
        who += f", {text(contact.person)}"
    if contact.call_first:
        who = f"**{who}** (eerst bellen)"
    if contact.confidential:
        who += " (vertrouwelijk)"
    if contact.note:
        who += f" – *{text(contact.note)}*"
    cells = [who, *(text(v) if v else "" for v in (contact.phone, contact.mobile, contact.email, contact.available))]
    return "| " + " | ".join(cells) + " |"


def _withheld(count: int) -> str:
    return "1 vertrouwelijk contact" if count == 1 else f"{count} vertrouwelijke contacten"
