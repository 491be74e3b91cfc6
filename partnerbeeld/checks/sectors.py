"""A sector that looks like a typo of another one: 'drinkwatr' next to 'drinkwater'.

Sectors are free text (a region names its own), so a sector used by one partner only
is fine; but one that only this partner uses and that is one slip away from a sector
others use splits a group in `overzicht` and hides the partner from `zoek drinkwater`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from difflib import get_close_matches

from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.reading.dataset import Dataset

LOOKS_ALIKE = 0.85  # difflib ratio: 'drinkwatr' ~ 'drinkwater' (0.95), 'energie' ~ 'evenementen' (0.44) is not


def check(dataset: Dataset) -> Iterator[Finding]:
    used = Counter(partner.sector for partner in dataset.partners.values())
    for partner in dataset.partners.values():
        if used[partner.sector] != 1:
            continue
        # the others as often used first: with two single ones ('drinkwater', 'drinkwatr') both are named
        others = sorted((s for s in used if s != partner.sector), key=lambda s: -used[s])
        alike = get_close_matches(partner.sector, others, n=1, cutoff=LOOKS_ALIKE)
        if alike:
            yield dataset.source("partners", partner.id).finding(
                ("sector",),
                Severity.WAARSCHUWING,
                "sector-lijkt-op",
                f"De sector '{partner.sector}' komt alleen bij deze partner voor en lijkt op '{alike[0]}' "
                f"({used[alike[0]]} {'partner' if used[alike[0]] == 1 else 'partners'}).",
                f"Bedoelde je '{alike[0]}'? Is het echt een andere sector, accepteer de waarschuwing dan.",
            )
