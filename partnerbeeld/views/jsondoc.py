"""The stable JSON every ``--formaat json`` output promises: one writer, so no output drifts.

Keys sorted, UTF-8 as it is (``ensure_ascii=False``), two spaces of indent and a final
line break: the same data gives the same bytes, so a diff or a golden file shows only
what changed. Control, bidi and zero-width characters become JSON escapes
(``infra.safetext.json_safe``): the same data for a program, harmless on a terminal,
whichever caller writes the text.
"""

from __future__ import annotations

import json
from typing import Any

from partnerbeeld.infra.safetext import json_safe


def dump(document: Any) -> str:
    """``document`` as stable JSON text, ending in a line break."""
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
