"""One writer for the stable JSON of every --formaat json output (views/jsondoc.py)."""

from __future__ import annotations

import re
from pathlib import Path

import partnerbeeld
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.views.jsondoc import dump

PACKAGE = Path(partnerbeeld.__file__).parent
# other formats on purpose: SARIF keeps its standard's key order, schemas keep the model's order,
# the site's search index and per-team rows are compact, a scaffold value is one JSON string, a list
# item's identity is a one-line key
OTHER_FORMATS = {
    "views/sarif.py",
    "model/schemas.py",
    "site/search.py",
    "site/pages.py",
    "answers/scaffold.py",
    "checks/lists.py",
}


def test_sorted_keys_text_as_is_two_spaces_and_a_final_newline():
    assert dump({"b": 1, "a": ["é", None]}) == '{\n  "a": [\n    "é",\n    null\n  ],\n  "b": 1\n}\n'


def test_control_and_bidi_characters_become_json_escapes():
    assert dump({"naam": "Dunea\u202e\x1b"}) == '{\n  "naam": "Dunea\\u202e\\u001b"\n}\n'


def test_the_data_version_object():
    version = DataVersion("a1b2c3d", dirty=True)
    assert version.as_json() == {"commit": "a1b2c3d", "gewijzigd": True, "label": "a1b2c3d (gewijzigd)"}
    assert DataVersion(None, dirty=False).as_json() == {"commit": None, "gewijzigd": False, "label": "geen git"}


def test_no_module_writes_json_itself():
    writers = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if re.search(r"json\.dumps?\(", path.read_text(encoding="utf-8"))
    }
    assert writers == {"views/jsondoc.py"} | OTHER_FORMATS
