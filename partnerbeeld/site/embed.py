"""Pages another view made (the contact list, the overview) become pages of the site.

They are standalone HTML with their own inline ``<style>``. The site adds its
Content-Security-Policy (allowing exactly those style blocks by their SHA-256
hash, and nothing from outside), its header with navigation and search, and
its scripts; the page itself is left as its view made it.
"""

from __future__ import annotations

import base64
import hashlib
import re

# No request leaves the folder: scripts, styles and images only from the site itself,
# no fetch/XHR, no plug-ins, no <base>, forms only to the site's own pages.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'"
)
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
_CHARSET = '<meta charset="utf-8">'


def incomplete_text(files: tuple[str, ...]) -> str:
    """'' when nothing was left out; else the warning every page shows (as the contact list says it)."""
    if not files:
        return ""
    count = len(files)
    names = ", ".join(files[:3]) + (" …" if count > 3 else "")
    noun = "bestand" if count == 1 else "bestanden"
    return (
        f"ONVOLLEDIG: fouten in {count} {noun} ({names}); partners of rollen kunnen ontbreken. "
        "Herstel ze ('partnerbeeld valideer') en bouw de site opnieuw."
    )


def csp_with_styles(html: str) -> str:
    """The site's policy plus the hash of every inline style block of ``html``."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode("ascii") + "'"
        for block in _STYLE.findall(html)
    ]
    return CSP.replace("style-src 'self'", " ".join(["style-src 'self'", *hashes]))


def adopt(html: str, bar: str) -> str:
    """``html`` with the site's policy and stylesheet in its head, and ``bar`` (the site's
    header, already escaped by its template) plus the scripts around its body."""
    from markupsafe import escape

    root = _root_of(bar)
    head = (
        f'{_CHARSET}\n<meta http-equiv="Content-Security-Policy" content="{escape(csp_with_styles(html))}">\n'
        f'<link rel="stylesheet" href="{root}balk.css">'
    )
    if _CHARSET not in html:
        raise ValueError("page without <meta charset>: cannot add the policy before anything loads")
    html = html.replace(_CHARSET, head, 1)
    html = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + bar, html, count=1)
    scripts = f'<script src="{root}zoekindex.js"></script>\n<script src="{root}site.js"></script>\n'
    return html.replace("</body>", scripts + "</body>", 1)


def _root_of(bar: str) -> str:
    found = re.search(r'data-root="([./]*)"', bar)
    return found.group(1) if found else ""
