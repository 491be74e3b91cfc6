"""Every finding code, run from its spec: the bad example gives exactly that code at its line, the good one nothing.

The specs in ``partnerbeeld.model.codes`` are the table: each example is one
path put into the small good dataset of ``DatasetBuilder``. docs/codes.md and
``valideer --codes`` show the same specs, so what they promise is tested here.
"""

from __future__ import annotations

import ast
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import DatasetBuilder, dump
from conftest import TODAY, Result

import partnerbeeld
from partnerbeeld.answers.acceptance import OWN_CODES
from partnerbeeld.answers.validation import validate
from partnerbeeld.model.codes import CODES, PARTNER, SPECS, WARNING_CODES, Example, Spec
from partnerbeeld.model.findings import Finding
from partnerbeeld.model.severity import Severity


def place(root: Path, example: Example) -> None:
    """Put ``example`` into the dataset at ``root``: its path becomes exactly what the example says."""
    for other, text in example.beside:
        (root / other).write_text(text, encoding="utf-8")
    path = root / example.file
    if path.is_dir() and not path.is_symlink():
        path.rmdir()  # the example's path is a file where the dataset has an (empty) folder
    else:
        path.unlink(missing_ok=True)
    if example.link is not None:
        target = root / example.link
        if example.text is not None:
            target.write_text(example.text, encoding=example.encoding)
        path.symlink_to(target)
    elif example.text is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(example.text.encode(example.encoding))


def findings_of(builder: DatasetBuilder, example: Example) -> list[Finding]:
    place(builder.root, example)
    return validate(builder.root, TODAY).findings


@pytest.mark.parametrize("spec", SPECS, ids=[s.code for s in SPECS])
def test_bad_example_gives_its_code_at_its_line(builder: DatasetBuilder, spec: Spec) -> None:
    findings = findings_of(builder, spec.bad)
    found = [(f.file.relative_to(builder.root).as_posix(), f.line, f.severity) for f in findings if f.code == spec.code]
    assert found == [(spec.bad.file, spec.bad.line, spec.severity)], findings
    # nothing else is wrong: no knock-on findings from other checks
    assert {f.code for f in findings} == {spec.code, *spec.also}, findings


@pytest.mark.parametrize("spec", SPECS, ids=[s.code for s in SPECS])
def test_good_example_gives_no_finding(builder: DatasetBuilder, spec: Spec) -> None:
    assert findings_of(builder, spec.good) == []


def test_one_spec_per_code() -> None:
    codes = [spec.code for spec in SPECS]
    assert len(codes) == len(set(codes))
    assert list(CODES) == codes
    assert all(spec.meaning.endswith(".") and spec.applies_to for spec in SPECS)


def test_an_unknown_code_is_refused() -> None:
    # a check cannot report a code without a spec: every code valideer can produce is in SPECS
    with pytest.raises(ValueError, match="unknown finding code"):
        Finding(Path("x.yaml"), 1, 1, Severity.FOUT, "bestaat-niet", "Tekst.")


def test_the_codes_in_the_checks_are_the_specs() -> None:
    # every code-like string in the modules that make findings (signals keep their own CODES)
    package = Path(partnerbeeld.__file__).parent
    families = "|".join(sorted({code.split("-")[0] for code in CODES}))
    code_like = re.compile(rf"({families})(-[a-z0-9]+)+")
    found = set()
    for path in sorted(p for layer in ("reading", "checks", "answers") for p in (package / layer).rglob("*.py")):
        if path.name != "signals.py":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found |= {
                n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and code_like.fullmatch(str(n.value))
            }
    assert found == set(CODES)


def test_acceptance_codes_have_specs() -> None:
    assert set(CODES) >= OWN_CODES


def test_warning_codes_are_the_specs_that_warn() -> None:
    # SARIF's default level and "only warnings can be accepted" rely on WARNING_CODES
    assert {s.code for s in SPECS if s.severity is Severity.WAARSCHUWING} == WARNING_CODES


def test_valideer_codes_lists_every_code_in_80_columns(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    result = run_cli("valideer", "--codes", "--data", tmp_path / "geen-dataset")  # no dataset is opened
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    listed = [line.split()[0] for line in lines if line.startswith("  ") and not line.startswith("   ")]
    assert listed == [s.code for s in SPECS if s.severity is Severity.FOUT] + sorted(
        WARNING_CODES, key=list(CODES).index
    )
    for spec in SPECS:  # each meaning, however it was wrapped
        assert spec.meaning.split()[-1] in result.stdout


def test_valideer_codes_as_json(run_cli: Callable[..., Result]) -> None:
    result = run_cli("valideer", "--codes", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["codes"] == [
        {"code": s.code, "ernst": s.severity.value, "waar": s.applies_to, "betekenis": s.meaning} for s in SPECS
    ]


def test_valideer_codes_refuses_other_formats(run_cli: Callable[..., Result]) -> None:
    result = run_cli("valideer", "--codes", "-f", "sarif")
    assert result.exit_code == 2 and not result.stdout
    assert "tekst of json" in result.stderr


def test_starter_dataset_has_no_findings(builder: DatasetBuilder) -> None:
    # the base of every example above: findings there come from the example alone
    assert validate(builder.root, TODAY).findings == []


def test_findings_carry_dutch_message_and_hint(builder: DatasetBuilder) -> None:
    builder.write(
        "partners/partner-a.yaml",
        PARTNER + "contacts:\n  - label: Piket\n    phone: 071 000 00 00\n    availble: 24/7\n",
    )
    (finding,) = validate(builder.root, TODAY).findings
    assert finding.message == "Onbekend veld 'availble' in contacts[0]."
    assert finding.hint == "Bedoelde je 'available'?"
    assert (finding.line, finding.column) == (8, 5)


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
    builder.write("partners/partner-a.yaml", PARTNER.replace("a-holder", "a-houder"))
    (finding,) = validate(builder.root, TODAY).findings
    assert finding.relative_to(tmp_path) == "data/partners/partner-a.yaml"


def test_same_id_in_two_record_files(builder: DatasetBuilder) -> None:
    # in a record folder a duplicate id also means a file name that differs from its id
    builder.write("partners/partner-a.yaml", PARTNER)
    builder.write("partners/partner-b.yaml", "# kopie\n" + PARTNER)
    found = {(f.code, f.file.name, f.line) for f in validate(builder.root, TODAY).findings}
    assert found == {("id-dubbel", "partner-b.yaml", 2), ("id-bestandsnaam", "partner-b.yaml", 2)}
