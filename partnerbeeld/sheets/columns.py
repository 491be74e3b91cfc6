"""The partner sheet's columns: one definition for `importeer`, `exporteer` and the template.

A row is one contact; rows with the same ``naam`` make one partner. The
partner columns (naam ... accounthouder) repeat on each of its rows.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple


class Column(NamedTuple):
    header: str
    explanation: str  # Dutch, shown on the template's second sheet
    example: str


COLUMNS: tuple[Column, ...] = (
    Column("naam", "Naam van de organisatie (verplicht). Rijen met dezelfde naam zijn één partner.", "Dunea"),
    Column(
        "id",
        "Code van de partner en naam van het bestand. Leeg: gemaakt uit de naam. Vul het in om een bestaande "
        "partner met een andere naam aan te wijzen.",
        "dunea",
    ),
    Column("sector", "Sector als code of woord, bijv. drinkwater, waterbeheer, energie. Leeg: overig.", "drinkwater"),
    Column("profielen", "Partnerprofielen (id of naam), meer dan één gescheiden door , of ;.", "drinkwaterbedrijf"),
    Column(
        "gemeenten", "Gemeenten waar de partner werkt (id of naam), gescheiden door , of ;. Leeg: de hele regio.", ""
    ),
    Column("accounthouder", "Medewerker van de regio die het contact onderhoudt (id of naam).", "r-bakker"),
    Column(
        "contact", "Wat dit contact is, bijv. Storingsdienst of Liaison ROT. Leeg: de persoon, anders 'Contact'.", ""
    ),
    Column("persoon", "Naam van de persoon, als het contact een persoon is.", ""),
    Column("telefoon", "Vast telefoonnummer, met spaties zoals je het leest: 071 512 34 56.", "088 000 00 10"),
    Column("mobiel", "Mobiel nummer: 06 12 34 56 78.", ""),
    Column("email", "E-mailadres.", ""),
    Column("bereikbaar", "Bereikbaarheid, bijv. 24/7 of kantoortijden.", "24/7"),
    Column("eerst bellen", "ja: het nummer dat je als eerste belt (primair). Anders nee of leeg.", "ja"),
    Column("vertrouwelijk", "ja: alleen in lijsten met --vertrouwelijk. Anders nee of leeg.", "nee"),
    Column("opmerking", "Opmerking bij dit contact.", ""),
)
HEADERS = tuple(c.header for c in COLUMNS)
PARTNER_COLUMNS = ("naam", "id", "sector", "profielen", "gemeenten", "accounthouder")
PHONE_COLUMNS = ("telefoon", "mobiel")
YES_NO_COLUMNS = ("eerst bellen", "vertrouwelijk")
# Excel limits a sheet to 1,048,576 rows; a region's partner list is a few hundred contacts.
# Far above any real list, far below what would take minutes or gigabytes to read.
MAX_ROWS = 20_000


def header_key(text: str) -> str:
    """How a header is matched: case, accents, spaces and punctuation ignored ('E-mail' = 'email')."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", plain.casefold())


KEYS = {header_key(h): h for h in HEADERS}
