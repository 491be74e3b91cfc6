"""'Bedoelde je ...?': close matches for a mistyped word, and text normalisation.

difflib is enough for codes and field names (short, few candidates) and costs
no import time; fuzzy search over partner names lives with the query.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable


def normalise(text: str) -> str:
    """Lowercase, accents stripped, runs of spaces/underscores as one hyphen-free space."""
    if text.isascii():  # most names: nothing to decompose, and casefold() is lower() (every query sorts by this)
        return " ".join(text.lower().replace("_", " ").split())
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().replace("_", " ").split())


def closest(word: str, candidates: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to ``n`` candidates that look like ``word``, best first."""
    pool = list(dict.fromkeys(candidates))
    by_norm: dict[str, str] = {}
    for candidate in pool:
        by_norm.setdefault(normalise(candidate), candidate)
    matches = difflib.get_close_matches(normalise(word), list(by_norm), n=n, cutoff=cutoff)
    return [by_norm[m] for m in matches]


def known_or_suggest(value: str, known: Iterable[str], unknown: str) -> str:
    """``value`` when it is one of ``known``; else NotFound ('Onbekend profiel ...') with suggestions."""
    from partnerbeeld.infra.errors import NotFound  # errors is light, but keep this module free of cycles

    pool = list(known)
    if value in pool:
        return value
    if not value.strip():
        raise NotFound(f"{unknown.split()[-1].capitalize()}: geen waarde gegeven.")
    raise NotFound(f"{unknown} '{value}'.", closest(value, pool))
