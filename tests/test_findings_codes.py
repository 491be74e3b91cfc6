"""One small broken dataset per finding code: the code, the file and the line it points at.

The table below is the specification: each row breaks one thing in a fresh
dataset and names where the finding must point. ``test_every_code_has_a_case``
fails when a code is added to ``findings.CODES`` without a row here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from builders import DatasetBuilder, dump
from conftest import TODAY

from partnerbeeld.answers.validation import validate
from partnerbeeld.model.findings import CODES, WARNING_CODES, Severity

PARTNER = """\
id: partner-a
name: Partner A
sector: waterbeheer
account_holder: a-holder
verified_on: 2026-01-15
contacts:
  - label: Piket
    phone: 071 000 00 00
    available: 24/7
    primary: true
"""


def partner_text(text: str = PARTNER, **replace: str) -> Callable[[DatasetBuilder], None]:
    """A setup that writes partners/partner-a.yaml from ``text`` with string replacements."""

    def setup(b: DatasetBuilder) -> None:
        body = text
        for old, new in replace.items():
            assert old in body, old
            body = body.replace(old, new)
        b.write("partners/partner-a.yaml", body)

    return setup


def write(relpath: str, text: str | bytes) -> Callable[[DatasetBuilder], None]:
    return lambda b: b.write(relpath, text) and None


def symlink_outside(b: DatasetBuilder) -> None:
    outside = b.root.parent / "elders.yaml"
    outside.write_text(PARTNER, encoding="utf-8")
    (b.root / "partners" / "partner-a.yaml").symlink_to(outside)


def dangling_symlink(b: DatasetBuilder) -> None:
    (b.root / "partners" / "partner-a.yaml").symlink_to(b.root / "partners" / "weg.yaml")


def too_big(b: DatasetBuilder) -> None:
    b.write("partners/partner-a.yaml", PARTNER + "note: " + "x" * (1024 * 1024) + "\n")


def missing_file(b: DatasetBuilder) -> None:
    (b.root / "accountholders.yaml").unlink()


def plans_is_a_file(b: DatasetBuilder) -> None:
    (b.root / "plans").rmdir()
    b.write("plans", "hoi\n")


def same_id_twice(b: DatasetBuilder) -> None:
    b.write("partners/partner-a.yaml", PARTNER)
    b.write(
        "accountholders.yaml",
        "account_holders:\n  - id: a-holder\n    name: Anna Houder\n  - id: a-holder\n    name: Ander Houder\n",
    )


def too_long_list(b: DatasetBuilder) -> None:
    holders = "".join(f"  - id: h{i}\n    name: Houder {i}\n" for i in range(1000))
    b.write("accountholders.yaml", f"account_holders:\n{holders}  - id: a-holder\n    name: Anna Houder\n")


def cycle(b: DatasetBuilder) -> None:
    b.write(
        "incidenttypes.yaml",
        "incident_types:\n"
        "  - code: thema\n    name: Thema\n    parent: crisis\n"
        "  - code: crisis\n    name: Crisis\n    parent: thema\n",
    )


def too_deep(b: DatasetBuilder) -> None:
    """A chain of 25 types: t20 is the 21st level, one beyond the limit of 20."""
    lines = ["incident_types:", "  - code: t0", "    name: T0"]
    for level in range(1, 25):
        lines += [f"  - code: t{level}", f"    name: T{level}", f"    parent: t{level - 1}"]
    b.write("incidenttypes.yaml", "\n".join(lines) + "\n")


def alias_is_code(b: DatasetBuilder) -> None:
    b.write(
        "incidenttypes.yaml",
        "incident_types:\n  - code: drinkwater\n    name: Drinkwater\n"
        "aliases:\n  water: [drinkwater]\n  drinkwater: [drinkwater]\n",
    )


def covenant_dates(b: DatasetBuilder) -> None:
    b.write("partners/partner-a.yaml", PARTNER)
    b.write(
        "covenants/convenant-a.yaml",
        "id: convenant-a\ntitle: Convenant A\npartners: [partner-a]\nstatus: actief\n"
        "signed_on: 2024-03-01\nvalid_until: 2023-03-01\n",
    )


def alerted_without_primary(b: DatasetBuilder) -> None:
    b.profile("alarmeerbaar", roles={"drinkwater": {"modes": ["alarmeren"]}})
    b.write("partners/partner-a.yaml", PARTNER.replace("    primary: true\n", "") + "profiles: [alarmeerbaar]\n")


def central(rule: str) -> Callable[[DatasetBuilder], None]:
    """partner-a without an account holder, and one rule in the accept: list of partnerbeeld.yaml (line 11)."""

    def setup(b: DatasetBuilder) -> None:
        b.write("partners/partner-a.yaml", PARTNER.replace("account_holder: a-holder\n", ""))
        settings = (b.root / "partnerbeeld.yaml").read_text(encoding="utf-8")
        assert len(settings.splitlines()) == 9, settings
        b.write("partnerbeeld.yaml", settings + "# bekende waarschuwingen\naccept:\n" + rule)

    return setup


ACCEPT_ERROR = "# partnerbeeld: accepteer telefoon-ongeldig tot 2027-01-01 -- kan niet\n    phone: 071 12"
EXPIRED = "  - {file: partners/partner-a.yaml, code: accounthouder-ontbreekt, reason: oud besluit, until: 2026-11-27}\n"

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9 if prev else ['x'] * 9)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f"], ["a", "b", "c", "d", "e", "f", "g"], strict=True)
)


@dataclass(frozen=True)
class Case:
    code: str
    setup: Callable[[DatasetBuilder], None]
    file: str  # relative to the dataset root
    line: int
    severity: Severity = Severity.FOUT
    also: frozenset[str] = frozenset()  # codes that necessarily come with this one


CASES = [
    Case("bestand-onleesbaar", dangling_symlink, "partners/partner-a.yaml", 1),
    Case("bestand-te-groot", too_big, "partners/partner-a.yaml", 1),
    Case("bestand-buiten-dataset", symlink_outside, "partners/partner-a.yaml", 1),
    Case("bestand-ontbreekt", missing_file, "accountholders.yaml", 0),
    Case("map-onleesbaar", plans_is_a_file, "plans", 0),
    Case(
        "yaml-utf8",
        write("partners/partner-a.yaml", PARTNER.encode().replace(b"Partner A", b"Partner \xe9")),
        "partners/partner-a.yaml",
        2,
    ),
    Case(
        "yaml-syntaxis",
        write("partners/partner-a.yaml", PARTNER + "area: [leiden, gouda\n"),
        "partners/partner-a.yaml",
        12,
    ),
    Case("yaml-tab", partner_text(**{"    phone": "\tphone"}), "partners/partner-a.yaml", 8),
    Case("yaml-leeg", write("partners/partner-a.yaml", "# nog invullen\n\n"), "partners/partner-a.yaml", 1),
    Case(
        "yaml-geen-mapping",
        write("partners/partner-a.yaml", "\n- id: partner-a\n- name: A\n"),
        "partners/partner-a.yaml",
        2,
    ),
    Case(
        "yaml-dubbele-sleutel",
        write("partners/partner-a.yaml", PARTNER + "sector: zorg\n"),
        "partners/partner-a.yaml",
        11,
    ),
    Case("yaml-alias-bom", write("partners/partner-a.yaml", PARTNER + BOMB), "partners/partner-a.yaml", 16),
    Case(
        "yaml-tag",
        write("partners/partner-a.yaml", PARTNER + "note: !!python/object:os.system {}\n"),
        "partners/partner-a.yaml",
        11,
    ),
    Case(
        "yaml-meerdere-documenten",
        write("partners/partner-a.yaml", PARTNER + "---\nid: partner-b\n"),
        "partners/partner-a.yaml",
        11,
    ),
    Case("veld-onbekend", partner_text(**{"    available": "    availble"}), "partners/partner-a.yaml", 9),
    Case("veld-ontbreekt", partner_text(**{"sector: waterbeheer\n": ""}), "partners/partner-a.yaml", 1),
    Case("veld-ongeldig", partner_text(**{"2026-01-15": "2026-13-45"}), "partners/partner-a.yaml", 5),
    Case("id-dubbel", same_id_twice, "accountholders.yaml", 4),
    Case("id-bestandsnaam", write("partners/partner-b.yaml", PARTNER), "partners/partner-b.yaml", 1),
    Case("verwijzing-onbekend", partner_text(**{"a-holder": "a-houder"}), "partners/partner-a.yaml", 4),
    Case("incidenttype-dubbel", alias_is_code, "incidenttypes.yaml", 6),
    Case("incidenttype-cyclus", cycle, "incidenttypes.yaml", 4),
    Case("incidenttype-te-diep", too_deep, "incidenttypes.yaml", 63),
    Case("telefoon-ongeldig", partner_text(**{"071 000 00 00": "071 12"}), "partners/partner-a.yaml", 8),
    Case(
        "email-ongeldig",
        write("partners/partner-a.yaml", PARTNER + "  - label: Mail\n    email: piket@@a.nl\n"),
        "partners/partner-a.yaml",
        12,
    ),
    Case(
        "lijst-dubbel",
        write("partners/partner-a.yaml", PARTNER + "area: [leiden, gouda, leiden]\n"),
        "partners/partner-a.yaml",
        11,
        Severity.WAARSCHUWING,
    ),
    Case("lijst-te-lang", too_long_list, "accountholders.yaml", 1),
    Case("datum-volgorde", covenant_dates, "covenants/convenant-a.yaml", 6),
    Case("datum-toekomst", partner_text(**{"2026-01-15": "2027-01-15"}), "partners/partner-a.yaml", 5),
    Case(
        "accounthouder-ontbreekt",
        partner_text(**{"account_holder: a-holder\n": ""}),
        "partners/partner-a.yaml",
        1,
        Severity.WAARSCHUWING,
    ),
    Case("primair-contact-ontbreekt", alerted_without_primary, "partners/partner-a.yaml", 7, Severity.WAARSCHUWING),
    Case(
        "acceptatie-ongeldig",
        write("partners/partner-a.yaml", "# partnerbeeld: accepteer accounthouder-ontbreekt -- geen datum\n" + PARTNER),
        "partners/partner-a.yaml",
        1,
    ),
    Case(
        "acceptatie-van-fout",
        partner_text(**{"    phone: 071 000 00 00": "    " + ACCEPT_ERROR}),
        "partners/partner-a.yaml",
        8,
        also=frozenset({"telefoon-ongeldig"}),
    ),
    Case(
        "acceptatie-verlopen",
        central(EXPIRED),
        "partnerbeeld.yaml",
        12,
        Severity.WAARSCHUWING,
        also=frozenset({"accounthouder-ontbreekt"}),  # the finding comes back
    ),
    Case(
        "acceptatie-ongebruikt",
        partner_text(
            **{
                "account_holder: a-holder": "account_holder: a-holder  # partnerbeeld: accepteer "
                "accounthouder-ontbreekt tot 2027-03-01 -- nieuw"
            }
        ),
        "partners/partner-a.yaml",
        4,
        Severity.WAARSCHUWING,
    ),
    Case(
        "onzichtbaar-teken",
        partner_text(**{"label: Piket": 'label: "Piket\\u202e"'}),
        "partners/partner-a.yaml",
        7,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_code_points_at_file_and_line(builder: DatasetBuilder, case: Case) -> None:
    case.setup(builder)
    report = validate(builder.root, TODAY)
    found = [
        (f.file.relative_to(builder.root).as_posix(), f.line, f.severity)
        for f in report.findings
        if f.code == case.code
    ]
    assert found == [(case.file, case.line, case.severity)], report.findings
    # the finding is the only thing wrong: no knock-on findings from other checks
    assert {f.code for f in report.findings} == {case.code, *case.also}, report.findings


def test_every_code_has_a_case() -> None:
    assert sorted(c.code for c in CASES) == sorted(CODES)


def test_warning_codes_are_the_codes_found_as_warnings() -> None:
    # SARIF's default level and "only warnings can be accepted" rely on WARNING_CODES
    assert {c.code for c in CASES if c.severity is Severity.WAARSCHUWING} == WARNING_CODES


def test_starter_dataset_has_no_findings(builder: DatasetBuilder) -> None:
    # the base of every case above: findings there come from the case alone
    builder.write("partners/partner-a.yaml", PARTNER)
    assert validate(builder.root, TODAY).findings == []


def test_findings_carry_dutch_message_and_hint(builder: DatasetBuilder) -> None:
    partner_text(**{"    available": "    availble"})(builder)
    (finding,) = validate(builder.root, TODAY).findings
    assert finding.message == "Onbekend veld 'availble' in contacts[0]."
    assert finding.hint == "Bedoelde je 'available'?"
    assert finding.column == 5


def test_dump_helper_is_yaml_the_loader_reads(builder: DatasetBuilder) -> None:
    # the builders write with PyYAML's dumper; our loader must read that back unchanged
    builder.write("partners/partner-a.yaml", dump({"id": "partner-a", "name": "NO", "sector": "zorg"}))
    report = validate(builder.root, TODAY)
    assert [f.code for f in report.findings] == ["accounthouder-ontbreekt"]


def test_a_named_pipe_is_unreadable_not_a_hang(builder: DatasetBuilder) -> None:
    os.mkfifo(builder.root / "partners" / "partner-a.yaml")
    report = validate(builder.root, TODAY)
    assert [(f.code, f.file.name) for f in report.findings] == [("bestand-onleesbaar", "partner-a.yaml")]


def test_relative_paths_in_findings(builder: DatasetBuilder, tmp_path: Path) -> None:
    partner_text(**{"071 000 00 00": "071 12"})(builder)
    (finding,) = validate(builder.root, TODAY).findings
    assert finding.relative_to(tmp_path) == "data/partners/partner-a.yaml"


def test_same_id_in_two_record_files(builder: DatasetBuilder) -> None:
    # in a record folder a duplicate id also means a file name that differs from its id
    builder.write("partners/partner-a.yaml", PARTNER)
    builder.write("partners/partner-b.yaml", "# kopie\n" + PARTNER)
    found = {(f.code, f.file.name, f.line) for f in validate(builder.root, TODAY).findings}
    assert found == {("id-dubbel", "partner-b.yaml", 2), ("id-bestandsnaam", "partner-b.yaml", 2)}
