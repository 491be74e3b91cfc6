"""The read-only commands in each output format, for the tests that run all of them on hostile data.

``read_commands`` gives the list both tests/test_hostile_text.py and tests/test_properties.py
run; each adds what only it can check (the property test also prints HTML, CSV and vCard,
whose escaping rules differ; the hostile-text test also filters by account holder).
"""

from __future__ import annotations


def read_commands(*partners: str) -> list[tuple[str, ...]]:
    """Every read-only command and format; `toon` for each of ``partners``."""
    return [
        ("zoek",),
        ("zoek", "-f", "md"),
        ("zoek", "-f", "json"),
        ("zoek", "--incident", "overstroming"),
        *[args for partner in partners for args in (("toon", partner), ("toon", partner, "-f", "json"))],
        ("signalen",),
        ("signalen", "-f", "md"),
        ("signalen", "-f", "ics"),
        ("signalen", "-f", "json"),
        ("accounthouders",),
        ("accounthouders", "-f", "json"),
        ("incidenttypen",),
        ("incidenttypen", "-f", "json"),
        ("overzicht",),
        ("overzicht", "-f", "json"),
        ("contactlijst", "-f", "md"),
        ("contactlijst", "-f", "json"),
        ("valideer",),
        ("valideer", "-f", "json"),
        ("valideer", "-f", "github"),
        ("valideer", "-f", "gitlab"),
        ("valideer", "-f", "sarif"),
        ("valideer", "--alles"),
    ]
