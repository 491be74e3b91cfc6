"""Placeholder until its issue lands: the command exists and says so."""

from partnerbeeld.errors import UsageError


def zoek() -> None:
    """Nog niet beschikbaar."""
    raise UsageError("'partnerbeeld zoek' is nog niet beschikbaar.", "Deze opdracht komt in een volgende versie.")
