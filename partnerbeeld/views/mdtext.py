"""Text inside Markdown: the one escaper for every Markdown output (contact lists, zoek, signalen, wijzigingen).

It escapes what Markdown and the HTML inside Markdown would act on, so a partner
named ``<script>alert(1)</script>`` or ``A | B *C*`` stays text in any renderer.
"""

from __future__ import annotations

import re

from partnerbeeld.infra.safetext import visible

# Only what acts inline: every value sits inside a table cell, after a list marker or in an
# emphasised span, never at the start of a line, so '+', '-' and digits need no escape
# (phone numbers stay readable in the raw text).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def text(value: str) -> str:
    """Inline text that renders as itself: HTML-significant characters as entities, Markdown ones escaped."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MARKDOWN_SPECIAL.sub(r"\\\1", value)
    # a line break would end a table row or start a block: keep one logical line; what is
    # left of control, bidi and zero-width characters shows as an escape ('\u202e')
    return visible(" ".join(value.split()))
