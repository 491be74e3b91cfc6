"""`wijzigingen`: a semantic diff between a git revision and the work tree, on real temporary repositories."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from builders import DatasetBuilder, dump
from gitrepo import LIAISON, git

from partnerbeeld.answers import changes
from partnerbeeld.answers.changes import MASK, FieldChange, Status, changes_since, diff_values
from partnerbeeld.infra.errors import DatasetUnreadable, UsageError


def only(report: changes.ChangeReport) -> changes.RecordChange:
    assert len(report.changes) == 1, report.changes
    return report.changes[0]


def test_changed_phone_number_is_one_field(repo: DatasetBuilder) -> None:
    repo.partner(
        "partner-a", contacts=[{"label": "Piket", "phone": "071 000 00 99", "available": "24/7", "primary": True}]
    )
    change = only(changes_since(repo.root, "HEAD"))
    assert (change.kind, change.id, change.status) == ("partners", "partner-a", Status.GEWIJZIGD)
    assert change.fields == (FieldChange("contacts[Piket].phone", "071 000 00 00", "071 000 00 99"),)


def test_added_contact_is_a_list_item(repo: DatasetBuilder) -> None:
    contacts = [
        {"label": "Piket", "phone": "071 000 00 00", "available": "24/7", "primary": True},
        {"label": "Woordvoering", "email": "pers@partner.example"},
    ]
    repo.partner("partner-a", contacts=contacts)
    change = only(changes_since(repo.root, "HEAD"))
    [added] = change.fields
    assert added.path == "contacts[Woordvoering]"
    assert added.old is None
    assert added.new["email"] == "pers@partner.example"


def test_reordered_contacts_are_no_change(repo: DatasetBuilder) -> None:
    repo.partner("partner-b", contacts=[LIAISON, {"label": "Piket", "phone": "071 000 00 01", "primary": True}])
    assert changes_since(repo.root, "HEAD").changes == []


def test_removed_partner(repo: DatasetBuilder) -> None:
    (repo.root / "partners" / "partner-a.yaml").unlink()
    change = only(changes_since(repo.root, "HEAD"))
    assert (change.id, change.status, change.file) == ("partner-a", Status.VERWIJDERD, "data/partners/partner-a.yaml")
    assert change.name == "Partner A"


def test_added_untracked_partner(repo: DatasetBuilder) -> None:
    repo.partner("partner-c")
    change = only(changes_since(repo.root, "HEAD"))
    assert (change.id, change.status) == ("partner-c", Status.TOEGEVOEGD)


def test_renamed_file_with_new_id_is_a_rename(repo: DatasetBuilder, tmp_path: Path) -> None:
    git(tmp_path, "mv", "data/partners/partner-a.yaml", "data/partners/partner-z.yaml")
    path = repo.root / "partners" / "partner-z.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: partner-a", "id: partner-z"), encoding="utf-8")
    change = only(changes_since(repo.root, "HEAD"))
    assert (change.status, change.old_id, change.id) == (Status.HERNOEMD, "partner-a", "partner-z")
    assert (change.old_file, change.file) == ("data/partners/partner-a.yaml", "data/partners/partner-z.yaml")
    assert change.fields == ()


def test_same_id_in_another_file_is_a_rename_with_its_edits(repo: DatasetBuilder) -> None:
    old = repo.root / "partners" / "partner-a.yaml"
    text = old.read_text(encoding="utf-8").replace("Partner A", "Partner Aa")
    old.unlink()
    repo.write("partners/a.yaml", text)
    change = only(changes_since(repo.root, "HEAD"))
    assert (change.status, change.id, change.old_id) == (Status.HERNOEMD, "partner-a", None)
    assert change.old_file == "data/partners/partner-a.yaml"
    assert change.fields == (FieldChange("name", "Partner A", "Partner Aa"),)


def test_reformatted_file_shows_no_change(repo: DatasetBuilder) -> None:
    # same data: flow style, other key order, quotes, comments, `yes` for true, extra spaces
    repo.write(
        "partners/partner-a.yaml",
        """# yaml-language-server: $schema=../../schemas/partner.schema.json
# Herschreven door een andere editor.
name:   "Partner A"
id: 'partner-a'
verified_on: "2026-01-15"
account_holder: a-holder   # accounthouder
sector: waterbeheer
contacts: [{primary: ja, available: "24/7", phone: '071 000 00 00', label: Piket}]
""",
    )
    report = changes_since(repo.root, "HEAD")
    assert report.changes == []
    assert report.version.dirty  # the file did change on disk: only its meaning did not
    from partnerbeeld.views.changes import as_text

    assert "Geen inhoudelijke wijzigingen." in as_text(report)


def test_confidential_values_are_masked_unless_asked(repo: DatasetBuilder) -> None:
    secret = "06 99 99 99 99"
    repo.partner(
        "partner-b",
        contacts=[{"label": "Piket", "phone": "071 000 00 01", "primary": True}, {**LIAISON, "mobile": secret}],
    )
    change = only(changes_since(repo.root, "HEAD"))
    assert change.fields == (FieldChange("contacts[Liaison ROT].mobile", MASK, MASK),)
    shown = only(changes_since(repo.root, "HEAD", confidential=True))
    assert shown.fields == (FieldChange("contacts[Liaison ROT].mobile", "06 10 00 00 01", secret),)


def test_added_confidential_contact_is_masked(repo: DatasetBuilder) -> None:
    repo.partner(
        "partner-a",
        contacts=[
            {"label": "Piket", "phone": "071 000 00 00", "available": "24/7", "primary": True},
            {**LIAISON, "email": "geheim@partner.example"},
        ],
    )
    [added] = only(changes_since(repo.root, "HEAD")).fields
    assert added.new["label"] == "Liaison ROT"
    assert added.new["email"] == MASK and added.new["mobile"] == MASK and added.new["person"] == MASK


def test_entries_of_the_fixed_files_are_records(repo: DatasetBuilder) -> None:
    from builders import ACCOUNT_HOLDERS, INCIDENT_TYPES

    tree = {**INCIDENT_TYPES, "aliases": {**INCIDENT_TYPES["aliases"], "dijk": ["dijkdoorbraak"]}}
    repo.write("incidenttypes.yaml", dump(tree))
    holders = {"account_holders": [{**ACCOUNT_HOLDERS["account_holders"][0], "team": "Crisisbeheersing"}]}
    repo.write("accountholders.yaml", dump(holders))
    found = {(c.kind, c.id, c.status): c.fields for c in changes_since(repo.root, "HEAD").changes}
    assert found == {
        ("aliases", "dijk", Status.TOEGEVOEGD): (),
        ("accountholders", "a-holder", Status.GEWIJZIGD): (FieldChange("team", None, "Crisisbeheersing"),),
    }


def test_unreadable_file_is_listed_not_removed(repo: DatasetBuilder) -> None:
    repo.write("partners/partner-a.yaml", "id: partner-a\nname: [\n")
    report = changes_since(repo.root, "HEAD")
    assert report.changes == []
    [problem] = report.unreadable
    assert (problem.file, problem.side) == ("data/partners/partner-a.yaml", "werkmap")


def test_work_tree_and_index_are_untouched(repo: DatasetBuilder, tmp_path: Path) -> None:
    repo.partner("partner-a", name="Gewijzigd")
    (repo.root / "partners" / "partner-b.yaml").unlink()
    before = git(tmp_path, "status", "--porcelain"), git(tmp_path, "diff", "--cached")
    changes_since(repo.root, "HEAD")
    assert (git(tmp_path, "status", "--porcelain"), git(tmp_path, "diff", "--cached")) == before


def test_default_base_is_the_branch_point_with_main(repo: DatasetBuilder, tmp_path: Path) -> None:
    start = git(tmp_path, "rev-parse", "HEAD").strip()
    git(tmp_path, "checkout", "-q", "-b", "nieuwe-partner")
    repo.partner("partner-c")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "partner c")
    report = changes_since(repo.root)  # committed on the branch: still part of what the branch brings
    assert report.base.commit == start
    assert report.base.name == "afsplitsing van main"
    assert [(c.id, c.status) for c in report.changes] == [("partner-c", Status.TOEGEVOEGD)]


def test_default_base_on_main_is_head(repo: DatasetBuilder, tmp_path: Path) -> None:
    repo.partner("partner-c")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "partner c")
    report = changes_since(repo.root)
    assert report.base.name == "HEAD"
    assert report.changes == []  # everything is committed


def test_older_revision_by_name(repo: DatasetBuilder, tmp_path: Path) -> None:
    (repo.root / "partners" / "partner-b.yaml").unlink()
    git(tmp_path, "commit", "-q", "-am", "weg met b")
    change = only(changes_since(repo.root, "HEAD~1"))
    assert (change.id, change.status) == ("partner-b", Status.VERWIJDERD)


def test_unknown_revision_is_a_usage_error(repo: DatasetBuilder) -> None:
    with pytest.raises(UsageError, match="'v9' is geen bekende commit"):
        changes_since(repo.root, "v9")


def test_outside_git_is_a_clear_error(builder: DatasetBuilder, git_env: None) -> None:
    with pytest.raises(DatasetUnreadable, match="staat niet in een git-repository"):
        changes_since(builder.root, "HEAD")


def test_diff_values_matches_lists_of_mappings_by_key() -> None:
    old = {"municipalities": [{"id": "leiden", "name": "Leiden"}, {"id": "gouda", "name": "Gouda"}]}
    new = {"municipalities": [{"id": "gouda", "name": "Gouda (stad)"}, {"id": "katwijk", "name": "Katwijk"}]}
    assert list(diff_values(old, new)) == [
        FieldChange("municipalities[leiden]", {"id": "leiden", "name": "Leiden"}, None),
        FieldChange("municipalities[gouda].name", "Gouda", "Gouda (stad)"),
        FieldChange("municipalities[katwijk]", None, {"id": "katwijk", "name": "Katwijk"}),
    ]


# --- the command ---------------------------------------------------------------------------------


def test_cli_formats(repo: DatasetBuilder, run_cli) -> None:  # type: ignore[no-untyped-def]
    repo.partner(
        "partner-a",
        name="Partner | A",
        contacts=[{"label": "Piket", "phone": "071 000 00 99", "available": "24/7", "primary": True}],
    )
    (repo.root / "partners" / "partner-b.yaml").unlink()
    text = run_cli("wijzigingen", "--sinds", "HEAD", "--data", repo.root)
    assert text.exit_code == 0, text.stderr
    assert "contacts[Piket].phone: 071 000 00 00 → 071 000 00 99" in text.stdout
    assert "verwijderd  partner partner-b: Partner B" in text.stdout
    assert text.stdout.rstrip().endswith("2 records: 1 verwijderd, 1 gewijzigd.")
    md = run_cli("wijzigingen", "--sinds", "HEAD", "--data", repo.root, "--formaat", "MD")
    assert "| `contacts[Piket].phone` | 071 000 00 00 | 071 000 00 99 |" in md.stdout
    assert "| `name` | Partner A | Partner \\| A |" in md.stdout  # a pipe must not break the table
    payload = json.loads(run_cli("wijzigingen", "--sinds", "HEAD", "--data", repo.root, "-f", "json").stdout)
    assert payload["aantallen"] == {"gewijzigd": 1, "hernoemd": 0, "toegevoegd": 0, "verwijderd": 1}
    assert [c["id"] for c in payload["wijzigingen"]] == ["partner-a", "partner-b"]


def test_cli_never_leaks_confidential_values(repo: DatasetBuilder, run_cli) -> None:  # type: ignore[no-untyped-def]
    repo.partner("partner-b", contacts=[{**LIAISON, "mobile": "06 12 34 56 78"}])
    for formaat in ("tekst", "md", "json"):
        result = run_cli("wijzigingen", "--sinds", "HEAD", "--data", repo.root, "-f", formaat)
        assert "06 12 34 56 78" not in result.stdout and "06 10 00 00 01" not in result.stdout
        assert "Anna de Vries" not in result.stdout
    shown = run_cli("wijzigingen", "--sinds", "HEAD", "--data", repo.root, "--vertrouwelijk")
    assert "06 12 34 56 78" in shown.stdout and "vertrouwelijke contactgegevens" in shown.stdout


def test_cli_errors(repo: DatasetBuilder, run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unknown = run_cli("wijzigingen", "--sinds", "bestaat-niet", "--data", repo.root)
    assert unknown.exit_code == 2 and "bestaat-niet" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    outside = DatasetBuilder(tmp_path / "elders")
    subprocess.run(["rm", "-rf", str(tmp_path / ".git")], check=True)
    result = run_cli("wijzigingen", "--data", outside.root)
    assert result.exit_code == 3
    assert "staat niet in een git-repository" in result.stderr
