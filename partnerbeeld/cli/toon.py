"""Placeholder until its issue lands: the command exists and says so."""

from partnerbeeld.errors import UsageError


def toon() -> None:
    """Nog niet beschikbaar."""
    raise UsageError("'partnerbeeld toon' is nog niet beschikbaar.", "Deze opdracht komt in een volgende versie.")


def incidenttypen() -> None:
    """Nog niet beschikbaar."""
    raise UsageError("'partnerbeeld incidenttypen' is nog niet beschikbaar.", "Deze opdracht komt in een volgende versie.")
