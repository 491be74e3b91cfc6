"""vCard 4.0 (RFC 6350): one combined .vcf with one card per partner.

Each card is an organisation (KIND:org) named after the partner. Its contacts
become TEL and EMAIL entries; the contact's label travels in an
``itemN.X-ABLabel`` (the grouping that phone address books show as the label of
a number) and the whole list, with the role, in NOTE, so a phone without label
support still shows which number is which. Numbers stay text exactly as
written (vCard 4.0 allows ``VALUE=text`` for TEL). No REV or other timestamps:
the same data gives the same bytes; the UID is derived from the region and the
partner id so that a re-import updates a card instead of duplicating it.
"""

from __future__ import annotations

import uuid

from partnerbeeld.answers.contactlist import ContactEntry, ContactList, PartnerEntry

FOLD_AT = 75  # octets per physical line, CRLF excluded (RFC 6350, 3.2)
NAMESPACE = uuid.UUID("9b1d7c52-5d3e-4f0e-8a55-6f2b4b1c0e11")  # fixed: partnerbeeld's own UUID namespace


def escape(text: str) -> str:
    """A text value per RFC 6350 3.4: backslash, comma, semicolon and newline escaped."""
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into physical lines of at most 75 octets, never inside a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= FOLD_AT:
        return line + "\r\n"
    parts: list[str] = []
    current = ""
    size = 0
    limit = FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
            limit = FOLD_AT - 1  # continuation lines start with one space, which counts
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts) + "\r\n"


def contact_list_vcf(contact_list: ContactList) -> str:
    return "".join(_card(contact_list, partner) for partner in contact_list.partners)


def _card(contact_list: ContactList, partner: PartnerEntry) -> str:
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:org",
        f"UID:urn:uuid:{uuid.uuid5(NAMESPACE, contact_list.region + '/' + partner.id)}",
        f"FN:{escape(partner.name)}",
        f"ORG:{escape(partner.name)}",
        f"CATEGORIES:{escape('crisispartner')},{escape(partner.sector)}",
    ]
    item = 0
    for contact in partner.contacts:
        label = _label(contact)
        for number, kind in ((contact.phone, "work,voice"), (contact.mobile, "cell,voice")):
            if number:
                item += 1
                pref = ";PREF=1" if contact.call_first and number == (contact.phone or contact.mobile) else ""
                lines.append(f"item{item}.TEL;VALUE=text;TYPE={kind}{pref}:{escape(number)}")
                lines.append(f"item{item}.X-ABLabel:{escape(label)}")
        if contact.email:
            item += 1
            lines.append(f"item{item}.EMAIL;TYPE=work:{escape(contact.email)}")
            lines.append(f"item{item}.X-ABLabel:{escape(label)}")
    lines.append(f"NOTE:{escape(_note(contact_list, partner))}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def _label(contact: ContactEntry) -> str:
    label = f"{contact.label} ({contact.person})" if contact.person else contact.label
    return f"{label} [vertrouwelijk]" if contact.confidential else label


def _note(contact_list: ContactList, partner: PartnerEntry) -> str:
    lines: list[str] = []
    if partner.role:
        role = partner.role
        lines.append(f"Rol bij {role.incident_name}: {role.summary}")
        if role.task:
            lines.append(f"Taak: {role.task}")
    for contact in partner.contacts:
        numbers = [n for n in (contact.phone, contact.mobile, contact.email) if n]
        extra = f" ({contact.available})" if contact.available else ""
        extra += f" – {contact.note}" if contact.note else ""
        first = "EERST BELLEN: " if contact.call_first else ""
        lines.append(f"{first}{_label(contact)}: {' / '.join(numbers)}{extra}")
    mark = " · VERTROUWELIJK" if contact_list.confidential else ""
    mark += f" · {contact_list.incomplete_text}" if contact_list.incomplete else ""
    mark += f" · {contact_list.short_text}" if contact_list.short else ""
    lines.append(
        f"{contact_list.region} · {contact_list.title} · peildatum "
        f"{contact_list.reference_date.isoformat()} · dataversie {contact_list.data_version.label}{mark}"
    )
    lines.append(contact_list.classification)
    return "\n".join(lines)
