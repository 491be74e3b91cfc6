"""HTML to PDF through WeasyPrint: the only module that imports it, and only when a PDF is asked.

WeasyPrint needs the system libraries Pango and HarfBuzz; without them (or
without WeasyPrint itself) the import fails and the user gets one Dutch line
saying what to install and which formats still work. That is exit code 2: the
dataset is fine, this machine cannot make this format, another format can.
"""

from __future__ import annotations

from pathlib import Path

from partnerbeeld.infra.errors import Remedy, UsageError


class PdfUnavailable(UsageError):
    """WeasyPrint or its system libraries are missing."""


def html_to_pdf(html: str, base_dir: Path) -> bytes:
    """The PDF bytes of ``html``; relative links (images, fonts) resolve against ``base_dir``."""
    try:
        from weasyprint import HTML
    except ImportError:
        raise PdfUnavailable(
            "PDF maken kan niet: WeasyPrint is niet geïnstalleerd.",
            "Installeer het met 'pip install weasyprint'.",
            remedy=Remedy.PDF_WITHOUT_WEASYPRINT,
        ) from None
    except OSError as exc:  # cffi could not load Pango or another system library
        raise PdfUnavailable(
            f"PDF maken kan niet: een systeembibliotheek van WeasyPrint ontbreekt ({_first_line(exc)}).",
            "Installeer Pango: 'apt-get install libpango-1.0-0 libpangoft2-1.0-0' (Debian/Ubuntu).",
            remedy=Remedy.PDF_WITHOUT_PANGO,
        ) from None
    document = HTML(string=html, base_url=base_dir.resolve().as_uri() + "/")
    result = document.write_pdf()
    assert isinstance(result, bytes)
    return result


def _first_line(exc: OSError) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
