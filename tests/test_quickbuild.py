"""The quick path's contract: whatever ``quickbuild`` accepts, pydantic accepts with the same record.

``quickbuild`` exists for speed (issue 4); these tests hold it to the full
validator's meaning, on every shipped file and on values chosen to sit on
the edges of each rule.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import SHIPPED_DATA
from pydantic import ValidationError

from partnerbeeld.model.models import model_of, to_record
from partnerbeeld.model.records import RECORD_FOLDERS, SINGLE_FILES, Partner, Record
from partnerbeeld.reading import quickbuild, yamlsource
from partnerbeeld.reading.loading import load

REPO = Path(__file__).resolve().parent.parent


def full(record_type: type[Record], data: Any) -> Record | None:
    """The pydantic verdict as a record, or None when pydantic rejects the data."""
    try:
        return to_record(model_of(record_type).model_validate(data))  # type: ignore[no-any-return]
    except ValidationError:
        return None


def shipped_files() -> list[tuple[type[Record], Path]]:
    files: list[tuple[type[Record], Path]] = [(kind, SHIPPED_DATA / name) for name, kind in SINGLE_FILES.items()]
    for folder, kind in RECORD_FOLDERS.items():
        files.extend((kind, path) for path in sorted((SHIPPED_DATA / folder).glob("*.yaml")))
    return files


def parsed(path: Path) -> Any:
    document = yamlsource.parse(path.read_bytes())
    assert isinstance(document, yamlsource.Document)
    return document.data


def test_every_shipped_file_is_built_quickly_and_the_same_as_pydantic_would() -> None:
    files = shipped_files()
    assert len(files) > 200
    for kind, path in files:
        data = parsed(path)
        quick = quickbuild.build(kind, data)
        assert quick is not None, f"{path.name} needs the slow path"
        assert quick == full(kind, data), path.name


PARTNER: dict[str, Any] = {
    "id": "partner-a",
    "name": "Partner A",
    "sector": "waterbeheer",
    "profiles": ["waterbeheerder"],
    "area": ["leiden"],
    "account_holder": "a-holder",
    "verified_on": "2026-03-01",
    "contacts": [
        {"label": "Piket", "phone": "071 123 4567", "available": "24/7", "primary": "true", "confidential": "false"}
    ],
    "roles": {"brand": {"modes": ["alarmeren", "liaison"], "teams": ["rot"], "from_grip": "2", "task": "Advies"}},
}

# (path to a value, replacement): the edges of every rule the records state
EDGES: list[tuple[tuple[str | int, ...], Any]] = [
    *((("name",), value) for value in (" Partner A", "Partner A ", "", " ", "x" * 2000, "x" * 2001, "\u00a0A", "A\t")),
    *((("id",), value) for value in ("Partner-A", "partner_a", "a--b", "-a", "a-", "a" * 80, "a" * 81, "a\n")),
    (("sector",), None),
    (("profiles",), "waterbeheerder"),
    (("profiles",), [None]),
    (("profiles",), []),
    (("area",), None),
    (("area",), []),
    (("area",), {"leiden": None}),
    *(
        (("verified_on",), value)
        for value in (
            *("2026-02-30", "2026-2-3", "20260203", "2026-02-03T00:00:00", "2026-02-03T00:00:00Z", "1699920000"),
            *("0001-01-01", "9999-12-31", None),
        )
    ),
    *(
        (("contacts", 0, "primary"), value)
        for value in (
            "yes",
            "True",
            "TRUE",
            "1",
            "on",
            "Off",
            "x",
            "false",
            "no",
            "0",
            "N",
            " yes",
            "ja",
            "Ja",
            "NEE",
            "nee ",
            " ja",
            "jA",
            "ja\n",
            "j",
            "nein",
            "",
            "\u0130",
            None,
        )
    ),
    (("name",), "Dunea \ud800"),  # a lone surrogate, as the pure-Python YAML parser lets through
    (("roles", "brand", "from_grip"), "1" + "0" * 4400),  # int() refuses this many digits
    (("contacts", 0, "phone"), None),
    (("contacts", 0, "email"), "piket@example.nl"),
    (("contacts", 0, "unknown"), "x"),
    *((("roles", "brand", "from_grip"), value) for value in ("0", "5", "6", "-1", "+2", "02", " 2", "2.0", "2_0", "٣")),
    *((("roles", "brand", "modes"), value) for value in ([], ["ALARMEREN"], ["alarmeren "], "alarmeren")),
    (("roles", "brand", "teams"), ["copi", "rbt"]),
    (("roles", "brand", "task"), None),
    (("roles", "Brand"), {"modes": ["informeren"]}),
    (("roles", "brand"), None),
    (("note",), "Een opmerking"),
    (("extra",), "onbekend veld"),
]


def _replaced(path: tuple[str | int, ...], value: Any) -> Any:
    data = copy.deepcopy(PARTNER)
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(("path", "value"), EDGES, ids=[f"{'.'.join(map(str, p))}={v!r}"[:60] for p, v in EDGES])
def test_quick_accepts_only_what_pydantic_accepts_and_builds_the_same(path: tuple[str | int, ...], value: Any) -> None:
    data = _replaced(path, value)
    quick = quickbuild.build(Partner, data)
    if quick is not None:
        assert quick == full(Partner, data)


def test_the_edges_include_values_only_pydantic_accepts() -> None:
    # the fallback matters: these are valid, yet the quick path leaves them to pydantic
    valid_but_unusual = [
        (("name",), " Partner A"),
        (("contacts", 0, "label"), "Piket "),
        (("roles", "brand", "from_grip"), "02"),
    ]
    for path, value in valid_but_unusual:
        data = _replaced(path, value)
        assert quickbuild.build(Partner, data) is None
        assert full(Partner, data) is not None


@pytest.mark.parametrize(
    ("word", "meaning"), [("ja", True), ("nee", False), ("Ja", True), ("NEE", False), ("true", True)]
)
def test_dutch_yes_and_no_are_booleans_on_both_paths(word: str, meaning: bool) -> None:
    data = _replaced(("contacts", 0, "primary"), word)
    quick, slow = quickbuild.build(Partner, data), full(Partner, data)
    assert quick is not None and quick == slow
    assert quick.contacts[0].primary is meaning  # type: ignore[attr-defined]


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "1", "0", "t", "f", "jawel", "nee hoor"])
def test_other_yes_no_words_are_refused_on_both_paths(word: str) -> None:
    data = _replaced(("contacts", 0, "primary"), word)
    assert quickbuild.build(Partner, data) is None
    assert full(Partner, data) is None


def test_a_refused_yes_no_word_says_what_to_write(run_cli: Any, builder: Any) -> None:
    builder.write(
        "partners/partner-a.yaml",
        "id: partner-a\nname: Partner A\nsector: waterbeheer\ncontacts:\n"
        "  - label: Piket\n    phone: 071 123 4567\n    primary: yes\n",
    )
    result = run_cli("valideer", "--data", builder.root)
    assert result.exit_code == 1
    assert "is geen ja/nee-waarde" in result.stdout and "Schrijf ja of nee" in result.stdout


def test_quick_accepts_the_plain_base_record() -> None:
    assert quickbuild.build(Partner, PARTNER) == full(Partner, PARTNER) != None  # noqa: E711


def test_a_file_the_quick_path_leaves_is_loaded_by_pydantic(builder: Any) -> None:
    builder.write(
        "partners/partner-a.yaml",
        "id: partner-a\nname: '  Partner A  '\nsector: waterbeheer\ncontacts:\n"
        "  - label: Piket\n    phone: 071 123 4567\n    primary: Ja\n",
    )
    loaded = load(builder.root)
    assert loaded.findings == []
    [(partner, _source)] = loaded.records["partners"]
    assert partner.name == "Partner A" and partner.contacts[0].primary is True


def test_reading_the_shipped_data_never_imports_pydantic() -> None:
    # the time budget of `zoek` rests on this: one field type the quick path cannot
    # read would send every file through pydantic again, silently
    script = (
        "import sys\nfrom pathlib import Path\nfrom partnerbeeld.answers.opening import open_dataset\n"
        f"dataset, findings = open_dataset(Path({str(SHIPPED_DATA)!r}))\n"
        "assert dataset.partners and not findings, findings\n"
        "print(sorted(name for name in sys.modules if name.startswith('pydantic')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("verified_on: 1699920000", "is geen geldige datum"),  # pydantic alone took a Unix time
        ("note: '" + "x" * 2001 + "'", "is te lang"),
        ("roles:\n  brand:\n    modes: [advies]\n    from_grip: 1" + "0" * 4400, "is te groot"),
    ],
)
def test_what_neither_path_accepts_is_a_dutch_finding_not_a_crash(
    run_cli: Any, builder: Any, line: str, message: str
) -> None:
    builder.write("partners/partner-a.yaml", f"id: partner-a\nname: Partner A\nsector: waterbeheer\n{line}\n")
    result = run_cli("valideer", "--data", builder.root)
    assert result.exit_code == 1
    assert message in result.stdout and "Traceback" not in result.stderr


MUTATIONS: list[Any] = [
    None,
    "",
    " x",
    "x ",
    [],
    {},
    [None],
    "true",
    "yes",
    "01",
    "7",
    "2026-13-01",
    "2026-01-31",
    "x" * 2001,
]


def _samples() -> list[tuple[type[Record], str, Any]]:
    """The first shipped file of each kind, with every field replaced by each mutation, and removed."""
    samples = []
    for kind, path in shipped_files():
        if any(seen is kind for seen, _, _ in samples):
            continue
        data = parsed(path)
        for name in kind.fields:
            for value in MUTATIONS:
                samples.append((kind, f"{path.name}:{name}={value!r:.12}", {**data, name: value}))
            samples.append((kind, f"{path.name}:-{name}", {k: v for k, v in data.items() if k != name}))
        samples.append((kind, f"{path.name}:+onbekend", {**data, "onbekend": "x"}))
    return samples


def test_every_kind_of_record_agrees_with_pydantic_on_every_field() -> None:
    # the edges above go deep into one partner; this goes wide over every record type
    samples = _samples()
    assert {kind for kind, _, _ in samples} == {*SINGLE_FILES.values(), *RECORD_FOLDERS.values()}
    accepted = 0
    for kind, label, data in samples:
        quick = quickbuild.build(kind, data)
        if quick is not None:
            accepted += 1
            assert quick == full(kind, data), label
    assert accepted > len(samples) // 10  # the quick path still takes the plain ones
