"""Limits made explicit (issue 12): repeated list entries, list length, and the contacts in one PDF."""

from __future__ import annotations

import pytest
from conftest import TODAY

from partnerbeeld.answers.validation import validate
from partnerbeeld.infra import limits


def findings(builder, code):
    return [f for f in validate(builder.root, TODAY).findings if f.code == code]


@pytest.fixture
def base(builder):
    builder.profile("profiel-a", roles={"overstroming": {"modes": ["liaison"], "teams": ["rot"]}})
    builder.profile("profiel-b", roles={})
    return builder


def test_a_profile_listed_5000_times_is_one_finding_with_its_line(base):
    path = base.partner("partner-a", profiles=["profiel-a"] * 5000 + ["profiel-b"])
    [finding] = findings(base, "lijst-dubbel")
    assert finding.file == path
    assert "'profiel-a' staat 5000 keer in profiles" in finding.message
    assert finding.line > 0
    [too_long] = findings(base, "lijst-te-lang")
    assert f"profiles heeft 5001 items; het maximum is {limits.LIST_ITEMS}" in too_long.message


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda b: b.partner("partner-a", area=["leiden", "gouda", "leiden"]), "'leiden' staat twee keer in area"),
        (
            lambda b: b.partner("partner-a", roles={"overstroming": {"modes": ["advies", "advies"]}}),
            "'advies' staat twee keer in roles.overstroming.modes",
        ),
        (
            lambda b: b.partner("partner-a") and b.covenant("c", partners=["partner-a", "partner-a"]),
            "'partner-a' staat twee keer in partners",
        ),
        (
            lambda b: b.plan("p", incident_types=["overstroming", "overstroming", "overstroming"]),
            "'overstroming' staat 3 keer in incident_types",
        ),
        (
            lambda b: b.write(
                "partnerbeeld.yaml",
                "region: R\nclassification: K\nmunicipalities:\n  - {id: leiden, name: Leiden}\n"
                "  - {id: gouda, name: Gouda}\n  - {id: leiden, name: Leiden-Noord}\n",
            ),
            "id 'leiden' staat twee keer in municipalities",
        ),
    ],
    ids=["area", "modes", "covenant-partners", "plan-types", "municipality-ids"],
)
def test_a_repeated_entry_in_any_list_is_found(base, make, words):
    make(base)
    found = findings(base, "lijst-dubbel")
    assert [words in f.message for f in found] == [True], found


def test_a_repeated_contact_is_named_by_position_never_by_value(base):
    secret = {"label": "Liaison", "mobile": "06 10 00 00 12", "confidential": True}
    base.partner(
        "partner-a",
        contacts=[
            {"label": "Piket", "phone": "071 000 00 00", "available": "24/7", "primary": True},
            secret,
            dict(secret),
        ],
    )
    [finding] = findings(base, "lijst-dubbel")
    assert finding.message == "contacts[2] is gelijk aan contacts[1] (twee keer)."
    assert finding.line == 14  # the third contact (lines 14-16): where the repetition stands


def test_distinct_entries_are_fine(base):
    base.partner("partner-a", profiles=["profiel-a", "profiel-b"], area=["leiden", "gouda"])
    assert findings(base, "lijst-dubbel") == [] and findings(base, "lijst-te-lang") == []


def test_a_list_at_the_limit_is_fine_one_more_is_not(base):
    base.write(
        "accountholders.yaml",
        "account_holders:\n"
        + "".join(f"  - id: h{i}\n    name: Houder {i}\n" for i in range(limits.LIST_ITEMS))
        + "  - id: a-holder\n    name: Anna Houder\n",
    )
    [finding] = findings(base, "lijst-te-lang")
    assert finding.file.name == "accountholders.yaml" and finding.line == 1
    base.write(
        "accountholders.yaml",
        "account_holders:\n"
        + "".join(f"  - id: h{i}\n    name: Houder {i}\n" for i in range(limits.LIST_ITEMS - 1))
        + "  - id: a-holder\n    name: Anna Houder\n",
    )
    assert findings(base, "lijst-te-lang") == []


def test_a_pdf_of_more_contacts_than_the_limit_asks_for_a_narrower_selection(base, run_cli, tmp_path):
    per_partner = limits.LIST_ITEMS - 1
    partners = limits.PDF_CONTACTS // per_partner + 1
    for n in range(partners):
        contacts = [{"label": f"Contact {i}", "phone": "071 000 00 00"} for i in range(per_partner)]
        base.partner(f"partner-{n}", profiles=["profiel-a"], contacts=contacts)
    out = tmp_path / "lijst.pdf"
    result = run_cli("contactlijst", "--data", base.root, "-i", "overstroming", "-o", out)
    assert result.exit_code == 2
    assert f"tot {limits.PDF_CONTACTS} contacten" in result.stderr and "--incident" in result.stderr
    assert not out.exists()
    markdown = run_cli("contactlijst", "--data", base.root, "-i", "overstroming", "-f", "md")
    assert markdown.exit_code == 0  # other formats are cheap: no limit


def test_the_documented_limits_are_the_enforced_ones():
    from conftest import REPO

    from partnerbeeld.reading import yamlsource

    section = (REPO / "docs" / "guarantees.md").read_text(encoding="utf-8").split("## Grenzen", 1)[1]

    def dutch(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    assert f"| {limits.FILE_BYTES // (1024 * 1024)} MiB |" in section
    assert f"| {dutch(limits.LIST_ITEMS)} |" in section
    assert f"| {limits.TREE_DEPTH} niveaus |" in section
    assert f"| {dutch(limits.PDF_CONTACTS)} |" in section
    assert f"| {dutch(yamlsource.MAX_NODES)} per bestand |" in section
    assert f"| {yamlsource.MAX_DEPTH} niveaus |" in section


def test_a_mapping_with_more_entries_than_a_list_may_have_is_too_long(base):
    roles = {f"type-{i}": {"modes": ["advies"]} for i in range(limits.LIST_ITEMS + 1)}
    base.profile("profiel-c", roles=roles)
    [finding] = findings(base, "lijst-te-lang")
    assert f"roles heeft {limits.LIST_ITEMS + 1} items" in finding.message
