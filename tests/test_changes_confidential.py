"""`wijzigingen` fails closed: a confidential number never shows, whatever shape `contacts` has (issue 12, item 1).

The committed partner has a confidential liaison contact; the work tree holds the
same number in every broken shape we could think of (and the other way round). In
text, Markdown and JSON the number must never appear without --vertrouwelijk.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from builders import DatasetBuilder, dump
from gitrepo import git

from partnerbeeld.answers.fielddiff import MASK, diff_record
from partnerbeeld.model.confidentiality import is_public_contact

SECRET = "06 10 00 00 12"
PIKET = {"label": "Piket", "phone": "071 000 00 01", "available": "24/7", "primary": True}
LIAISON = {"label": "Liaison ROT", "person": "Anna de Vries", "mobile": SECRET, "confidential": True}

# name -> the `contacts` value (or a whole partner mapping) in the broken version
SHAPES: dict[str, Any] = {
    "zonder-label": [PIKET, {"mobile": SECRET, "confidential": True}],
    "lable-typefout": [PIKET, {"lable": "Liaison ROT", "mobile": SECRET, "confidential": True}],
    "label-zonder-vertrouwelijk-veld-typefout": [
        PIKET,
        {"label": "Liaison ROT", "mobile": SECRET, "confidental": True},
    ],
    "contacts-als-tekst": f"Piket 071 000 00 01, liaison {SECRET} (vertrouwelijk)",
    "lijst-van-teksten": ["071 000 00 01", f"{SECRET} vertrouwelijk"],
    "lijst-van-lijsten": [[PIKET["phone"]], [SECRET, "vertrouwelijk"]],
    "mapping-in-plaats-van-lijst": {"label": "Liaison ROT", "mobile": SECRET, "confidential": True},
    "vertrouwelijk-misschien": [PIKET, {**LIAISON, "confidential": "misschien"}],
    "vertrouwelijk-leeg": [PIKET, {**LIAISON, "confidential": None}],
    "vertrouwelijk-als-lijst": [PIKET, {**LIAISON, "confidential": ["true"]}],
    "vertrouwelijk-met-hoofdletter": [PIKET, {"label": "Liaison ROT", "mobile": SECRET, "Confidential": True}],
    "nummer-in-primary": [PIKET, {**LIAISON, "mobile": "06 99 99 99 99", "primary": SECRET}],
    "nummer-in-available": [PIKET, {**LIAISON, "mobile": "06 99 99 99 99", "available": SECRET}],
    "nummer-in-label-lijst": [PIKET, {**LIAISON, "person": [SECRET]}],
    "nummer-als-sleutel": [PIKET, {"label": "Liaison ROT", SECRET: "mobiel", "confidential": True}],
    "genest-nummer": [PIKET, {**LIAISON, "mobile": {"nummer": SECRET}}],
    "niet-meer-vertrouwelijk": [PIKET, {**LIAISON, "mobile": "06 99 99 99 98", "confidential": False}],
    "label-geen-tekst": [PIKET, {**LIAISON, "label": ["Liaison ROT"]}],
    "dubbel-label": [PIKET, LIAISON, {**LIAISON, "mobile": "06 99 99 99 97"}],
    "leeg-item": [PIKET, None, LIAISON],
    "contacts-leeg": None,
}
# shapes where the number slid out of the contact list (a whole partner, not only `contacts`)
PARTNER_SHAPES: dict[str, dict[str, Any]] = {
    "nummer-buiten-de-lijst": {"contacts": [PIKET, {"label": "Liaison ROT", "confidential": True}], "mobile": SECRET},
    "contacts-typefout": {"contact": [PIKET, LIAISON]},
}


def _partner(**fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "partner-b",
        "name": "Partner B",
        "sector": "waterbeheer",
        "account_holder": "a-holder",
        "contacts": [PIKET, LIAISON],
    }
    data.update(fields)
    return data


@pytest.fixture
def repo(tmp_path: Path, git_env: None, builder: DatasetBuilder) -> DatasetBuilder:
    builder.partner("partner-a")
    git(tmp_path, "init", "-q", "-b", "main")
    return builder


def _commit(builder: DatasetBuilder, data: dict[str, Any]) -> None:
    builder.write("partners/partner-b.yaml", dump(data))
    git(builder.root.parent, "add", ".")
    git(builder.root.parent, "commit", "-q", "-m", "versie")


def _leaked_by(shown: str) -> list[str | None]:
    """For each line that shows the secret (with or without spaces): the partner named last before it."""
    leaked, last = [], None
    for line in shown.splitlines():
        last = (re.findall(r"p-[a-z-]+", line) or [last])[-1]
        if SECRET.replace(" ", "") in line.replace(" ", ""):
            leaked.append(last)
    return leaked


ALL = {name: _partner(contacts=value) for name, value in SHAPES.items()} | {
    name: {k: v for k, v in {**_partner(), **shape}.items() if not (k == "contacts" and "contact" in shape)}
    for name, shape in PARTNER_SHAPES.items()
}


@pytest.mark.parametrize("direction", ["naar-kapot", "van-kapot"])
def test_no_format_shows_the_confidential_number(repo: DatasetBuilder, run_cli, direction: str) -> None:  # type: ignore[no-untyped-def]
    """Every shape at once, one partner file each: the diff of one file never depends on another."""
    ids = {shape: f"p-{shape}" for shape in ALL}
    versions = {shape: (_partner(id=ids[shape]), {**ALL[shape], "id": ids[shape]}) for shape in ALL}
    for shape, (valid, broken) in versions.items():
        repo.write(f"partners/{ids[shape]}.yaml", dump(valid if direction == "naar-kapot" else broken))
    git(repo.root.parent, "add", ".")
    git(repo.root.parent, "commit", "-q", "-m", "versie")
    for shape, (valid, broken) in versions.items():
        repo.write(f"partners/{ids[shape]}.yaml", dump(broken if direction == "naar-kapot" else valid))
    for formaat in ("tekst", "md", "json"):
        result = run_cli("wijzigingen", "--sinds", "HEAD", "--data", repo.root, "-f", formaat)
        assert result.exit_code == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert _leaked_by(result.stdout) == [], formaat
        assert [shape for shape in ALL if ids[shape] not in result.stdout] == []  # every change is reported
    shown = run_cli("wijzigingen", "--sinds", "HEAD", "--data", repo.root, "-f", "json", "--vertrouwelijk")
    assert json.loads(shown.stdout)["vertrouwelijk"] is True


def test_public_contacts_still_show_per_field(repo: DatasetBuilder, run_cli) -> None:  # type: ignore[no-untyped-def]
    """Failing closed must not hide what is public: a contact without a label but not confidential."""
    _commit(repo, _partner(contacts=[PIKET]))
    repo.write(
        "partners/partner-b.yaml", dump(_partner(contacts=[{**PIKET, "phone": "071 000 00 77"}, {"email": "x@y.nl"}]))
    )
    out = run_cli("wijzigingen", "--sinds", "HEAD", "--data", repo.root).stdout
    assert "071 000 00 77" in out and "x@y.nl" in out


def test_the_decision_itself() -> None:
    assert is_public_contact({"label": "Piket", "phone": "1"})
    assert is_public_contact({"label": "Piket", "phone": "1", "confidential": "false"})
    assert is_public_contact({"label": "Piket", "phone": "1", "confidential": "nee"})
    for doubtful in ("misschien", None, "", ["false"], "ja", "no", "off", "0"):
        assert not is_public_contact({"label": "Piket", "phone": "1", "confidential": doubtful})
    assert not is_public_contact({"label": "Piket", "nummer": "1"})
    assert not is_public_contact("071 000 00 01")
    [change] = diff_record("partners", {"contacts": "a"}, {"contacts": f"b {SECRET}"})
    assert (change.old, change.new) == (MASK, MASK)


def test_contacts_in_the_wrong_kind_of_record_are_masked(repo: DatasetBuilder, run_cli) -> None:  # type: ignore[no-untyped-def]
    """A profile is no place for contacts: a key a record does not know shows its name, never its value."""
    repo.profile("waterbeheerder", name="Waterbeheerder")
    git(repo.root.parent, "add", ".")
    git(repo.root.parent, "commit", "-q", "-m", "profiel")
    repo.profile("waterbeheerder", name="Waterbeheerder", contacts=[LIAISON], nummer=SECRET)
    for formaat in ("tekst", "md", "json"):
        result = run_cli("wijzigingen", "--sinds", "HEAD", "--data", repo.root, "-f", formaat)
        assert result.exit_code == 0 and SECRET not in result.stdout, result.stdout
        assert "nummer" in result.stdout and "contacts" in result.stdout
