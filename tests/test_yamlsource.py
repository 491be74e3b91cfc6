"""The YAML reader: every scalar as text, problems as values with a line, never an exception."""

from __future__ import annotations

import random

import pytest

from partnerbeeld.reading import yamlsource
from partnerbeeld.reading.yamlsource import Document, Problem, parse


def data(text: str | bytes) -> object:
    parsed = parse(text.encode() if isinstance(text, str) else text)
    assert isinstance(parsed, Document), parsed
    return parsed.data


def problem(text: str | bytes) -> Problem:
    parsed = parse(text.encode() if isinstance(text, str) else text)
    assert isinstance(parsed, Problem), parsed
    return parsed


@pytest.mark.parametrize(
    "value",
    ["0715123456", "+31 71 512 34 56", "NO", "no", "yes", "off", "12:30", "1e3", "0o17", "0x1F", "2026-01-01", ".inf"],
)
def test_plain_scalars_stay_text(value: str) -> None:
    assert data(f"v: {value}\n") == {"v": value}


@pytest.mark.parametrize("value", ["", "~", "null", "Null", "NULL"])
def test_plain_nulls_are_none(value: str) -> None:
    assert data(f"v: {value}\n") == {"v": None}


def test_quoted_null_is_text() -> None:
    assert data("a: '~'\nb: \"null\"\nc: ''\n") == {"a": "~", "b": "null", "c": ""}


def test_bom_and_crlf_are_fine() -> None:
    assert data(b"\xef\xbb\xbfid: a\r\nname: B\r\n") == {"id": "a", "name": "B"}


def test_anchors_and_aliases_within_bounds() -> None:
    assert data("a: &x [1, 2]\nb: *x\n") == {"a": ["1", "2"], "b": ["1", "2"]}


def test_explicit_str_tag_is_allowed() -> None:
    assert data("a: !!str 0712\n") == {"a": "0712"}


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: 1\na: 2\n", "yaml-dubbele-sleutel", 2),
        ("a:\n  b: 1\n  c: 2\n  b: 3\n", "yaml-dubbele-sleutel", 4),
        ("a: *nergens\n", "yaml-syntaxis", 1),
        ("a: &x [*x]\n", "yaml-alias-bom", 1),
        ("a: 1\n? [b]\n: 2\n", "yaml-syntaxis", 2),
        ("a: 1\n!!python/name:os.system b: 2\n", "yaml-tag", 2),
        ("a: 1\nb: !!binary aGFsbG8=\n", "yaml-tag", 2),
        ("a: 1\n---\nb: 2\n", "yaml-meerdere-documenten", 2),
        ("---\n", "yaml-leeg", 1),
        ("# alleen commentaar\n", "yaml-leeg", 1),
        ("\n\ngewoon tekst\n", "yaml-geen-mapping", 3),
        ("a: b: c\n", "yaml-syntaxis", 1),
        ("a: 'open\n", "yaml-syntaxis", 2),
        ("a: 1\n\tb: 2\n", "yaml-tab", 2),
        ("a: 1\nb: x\x07y\n", "yaml-syntaxis", 2),
        ("a: " + "[" * 100 + "]" * 100 + "\n", "yaml-syntaxis", 1),
    ],
)
def test_problems_have_a_code_and_line(text: str, code: str, line: int) -> None:
    found = problem(text)
    assert (found.code, found.line) == (code, line), found
    assert found.message and found.hint


def test_duplicate_key_names_the_first_line() -> None:
    assert "(eerst op regel 2)" in problem("x: 0\na: 1\nb: 2\na: 3\n").message


def test_syntax_errors_are_dutch() -> None:
    found = problem("a: [b, c\n")
    assert found.message == "Een lijst tussen [ ] is niet afgesloten."


def test_alias_expansion_is_bounded() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdef", "bcdefg", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    found = problem("\n".join(levels) + "\n")
    assert found.code == "yaml-alias-bom"
    assert found.line == 5  # the alias that crosses the bound, not line 1
    assert str(yamlsource.MAX_NODES) in found.message


def test_positions_are_computed_on_demand() -> None:
    parsed = parse(b"id: a\ncontacts:\n  - label: x\n    phone: '071'\n")
    assert isinstance(parsed, Document)
    assert parsed.where(("contacts", 0, "phone")) == (4, 12)
    assert parsed.where(("contacts", 0, "phone"), key=True) == (4, 5)
    assert parsed.where(("contacts", 0, "missing")) == (3, 5)  # nearest known parent
    assert parsed.where(("onbekend",), key=True) == (1, 1)


def test_many_plain_nodes_are_not_an_alias_bomb() -> None:
    # the file size bounds nodes that are written out; only alias expansion has a node bound
    text = "".join(f"k{i}: v\n" for i in range(yamlsource.MAX_NODES + 10))
    assert len(data(text)) == yamlsource.MAX_NODES + 10  # type: ignore[arg-type]


def test_mutated_files_never_raise() -> None:
    # random insertions, deletions and copies of YAML's special characters into a real
    # record: every result is a Document or a Problem, never an exception
    base = (
        b"id: partner-a\nname: Partner A\ncontacts:\n  - label: Piket\n    phone: 071 000 00 00\n"
        b"roles:\n  wateroverlast: {modes: [liaison, alarmeren], from_grip: 1}\narea: [leiden, &g gouda]\nnote: *g\n"
    )
    alphabet = b" \t\n\r:-[]{},&*!|>'\"#%@`?\\\x00\x07\xc3\xa9\xff0aZ~"
    rng = random.Random(2026)
    kinds = set()
    for _ in range(1500):
        data = bytearray(base)
        for _ in range(rng.randint(1, 5)):
            pos = rng.randrange(len(data) + 1)
            if rng.random() < 0.5:
                data[pos:pos] = bytes([rng.choice(alphabet)])
            else:
                start = rng.randrange(len(data))
                data[pos:pos] = data[start : start + rng.randint(1, 12)]
        parsed = parse(bytes(data))
        if isinstance(parsed, Document):
            parsed.where(("contacts", 0, "phone"), key=True)
            kinds.add("document")
        else:
            assert parsed.line >= 1 and parsed.message, parsed
            kinds.add(parsed.code)
    assert {"document", "yaml-syntaxis", "yaml-utf8"} <= kinds  # the mutations do reach the error paths
