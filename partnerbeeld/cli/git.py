"""Placeholder until its issue lands: the command exists and says so."""

from partnerbeeld.errors import UsageError


def wijzigingen() -> None:
    """Nog niet beschikbaar."""
    raise UsageError("'partnerbeeld wijzigingen' is nog niet beschikbaar.", "Deze opdracht komt in een volgende versie.")


def schema() -> None:
    """Nog niet beschikbaar."""
    raise UsageError("'partnerbeeld schema' is nog niet beschikbaar.", "Deze opdracht komt in een volgende versie.")


def nieuw() -> None:
    """Nog niet beschikbaar."""
    raise UsageError("'partnerbeeld nieuw' is nog niet beschikbaar.", "Deze opdracht komt in een volgende versie.")
