"""The contact list as HTML: the template in templates/ (or the data repository's own copy)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from partnerbeeld.answers.contactlist import ContactList
from partnerbeeld.views.printmarks import for_contact_list
from partnerbeeld.views.templating import render

TEMPLATE = "contactlijst.html.j2"


def contact_list_html(contact_list: ContactList, override_dir: Path | None = None, env: Any = None) -> str:
    """``env``: a templating.environment to reuse when rendering many lists (the site)."""
    context = {"contact_list": contact_list, "marks": for_contact_list(contact_list)}
    return render(TEMPLATE, context, override_dir, env=env)
