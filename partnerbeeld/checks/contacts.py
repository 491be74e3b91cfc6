"""Contacts: dialable numbers, valid addresses, someone to call, someone who keeps in touch."""

from __future__ import annotations

from collections.abc import Iterator

from partnerbeeld.answers.roles import roles_of
from partnerbeeld.checks.emails import email_problem
from partnerbeeld.checks.phones import phone_problem
from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.model.records import Contact, Partner
from partnerbeeld.model.vocabulary import Mode
from partnerbeeld.reading.dataset import Dataset
from partnerbeeld.reading.source import Source


def alerted_codes(dataset: Dataset, partner: Partner) -> list[str]:
    """The incident types for which the meldkamer alerts this partner."""
    return [code for code, resolved in roles_of(dataset, partner).items() if Mode.ALARMEREN in resolved.role.modes]


def has_primary_24_7(partner: Partner) -> bool:
    """Someone to call at 3 a.m.: a primary contact with a number, available 24/7.

    Only contacts that every list shows count: a confidential number is left out of
    `zoek` and the binder unless asked for, so it cannot be the one to call.
    """
    return any(c.primary and c.is_24_7 and c.number and not c.confidential for c in partner.contacts)


def check(dataset: Dataset) -> Iterator[Finding]:
    for pid, partner in dataset.partners.items():
        source = dataset.source("partners", pid)
        for index, contact in enumerate(partner.contacts):
            yield from _reachable(source, index, contact)
        yield from _kept_in_touch(dataset, source, partner)
    for hid, holder in dataset.account_holders.items():  # the region's own staff: not confidential
        if holder.email and (problem := email_problem(holder.email)):
            yield dataset.source("accountholders", hid).finding(
                ("email",),
                Severity.FOUT,
                "email-ongeldig",
                f"'{holder.email}' {problem}.",
                "Bijvoorbeeld naam@regio.nl.",
            )


def _reachable(source: Source, index: int, contact: Contact) -> Iterator[Finding]:
    """Numbers that dial and an address that delivers."""
    for field in ("phone", "mobile"):
        value = getattr(contact, field)
        if value and (problem := phone_problem(value)):
            yield source.finding(
                ("contacts", index, field),
                Severity.FOUT,
                "telefoon-ongeldig",
                f"{_shown(value, contact.confidential, 'nummer')} {problem}.",
                "Schrijf een Nederlands nummer (071 123 45 67) of internationaal (+31 71 ...).",
            )
    if contact.email and (problem := email_problem(contact.email)):
        yield source.finding(
            ("contacts", index, "email"),
            Severity.FOUT,
            "email-ongeldig",
            f"{_shown(contact.email, contact.confidential, 'e-mailadres')} {problem}.",
            "Bijvoorbeeld naam@organisatie.nl.",
        )


def _kept_in_touch(dataset: Dataset, source: Source, partner: Partner) -> Iterator[Finding]:
    """Someone at the region who keeps in touch, and someone at the partner to alert at night."""
    if partner.account_holder is None:
        yield source.finding(
            (),
            Severity.WAARSCHUWING,
            "accounthouder-ontbreekt",
            f"{partner.name} heeft geen accounthouder.",
            "Voeg 'account_holder: <id>' toe; zie accountholders.yaml.",
        )
    alerted = alerted_codes(dataset, partner)
    if alerted and not has_primary_24_7(partner):
        only_confidential = any(c.primary and c.is_24_7 and c.number for c in partner.contacts)
        yield source.finding(
            ("contacts",),
            Severity.WAARSCHUWING,
            "primair-contact-ontbreekt",
            f"{partner.name} wordt gealarmeerd (bij {dataset.type_name_in_text(alerted[0])}) "
            "maar heeft geen primair 24/7-nummer" + (" dat niet vertrouwelijk is." if only_confidential else "."),
            "Lijsten zonder --vertrouwelijk tonen dan geen nummer om te bellen; geef een niet-vertrouwelijk "
            "piketnummer 'primary: true' en 'available: 24/7'."
            if only_confidential
            else "Markeer het piketnummer met 'primary: true' en 'available: 24/7'.",
        )


def _shown(value: str, confidential: bool, what: str) -> str:
    # valideer's output ends up in CI logs and pull-request annotations: a confidential
    # value is pointed at by file and line, never repeated
    return f"Het vertrouwelijke {what}" if confidential else f"'{value}'"
