"""The README is a front door and docs/ is the reference: both stay true to the code and to each other.

- docs/data.md and docs/codes.md are generated from the code; the committed files must be
  what the generator says now.
- Every relative link in README.md, CONTRIBUTING.md and docs/*.md reaches a file, and its
  ``#anchor`` a heading there (as GitHub makes anchors from headings).
- The README stays short and opens with the two commands a newcomer runs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

from partnerbeeld.views.datadoc import codes_reference, data_reference

DOCS = REPO / "docs"
PAGES = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted(DOCS.glob("*.md"))]
# [text](target) and ![alt](target), outside code; a target with a scheme is not ours to check
LINK = re.compile(r"!?\[[^\]]*\]\((?P<target>[^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
HEADING = re.compile(r"^#{1,6} (?P<title>.+)$", re.MULTILINE)


def test_data_reference_is_current() -> None:
    committed = (DOCS / "data.md").read_text(encoding="utf-8")
    assert committed == data_reference(), (
        "docs/data.md loopt achter op partnerbeeld/model/records.py; "
        "maak hem opnieuw: python -m partnerbeeld.views.datadoc > docs/data.md"
    )


def test_codes_reference_is_current() -> None:
    committed = (DOCS / "codes.md").read_text(encoding="utf-8")
    assert committed == codes_reference(), (
        "docs/codes.md loopt achter op de codes; "
        "maak hem opnieuw: python -m partnerbeeld.views.datadoc codes > docs/codes.md"
    )


def test_codes_reference_names_every_code() -> None:
    from partnerbeeld.answers.signals import CODES as SIGNAL_CODES
    from partnerbeeld.model.codes import CODES

    text = codes_reference()
    for code in [*CODES, *SIGNAL_CODES]:
        assert f"| `{code}` |" in text, code


def test_data_reference_names_every_field_of_every_record() -> None:
    from partnerbeeld.model.records import RECORD_FOLDERS, SINGLE_FILES

    text = data_reference()
    for record in [*SINGLE_FILES.values(), *RECORD_FOLDERS.values()]:
        for name, spec in record.fields.items():
            assert f"| `{name}` |" in text and spec.description in text, (record.__name__, name)


def anchor(title: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation gone, spaces as hyphens."""
    title = re.sub(r"[`*_]", "", title.strip()).lower()
    return re.sub(r"[^\w\- ]", "", title).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return {anchor(match.group("title")) for match in HEADING.finditer(text)}


def broken_links(page: Path) -> list[str]:
    """The relative links of ``page`` that reach no file, or no heading in it."""
    broken = []
    for match in LINK.finditer(FENCE.sub("", page.read_text(encoding="utf-8"))):
        target = match.group("target")
        if re.match(r"^[a-z]+:", target):  # https:, mailto:
            continue
        path_part, _, fragment = target.partition("#")
        goal = (page.parent / path_part).resolve() if path_part else page
        missing_heading = fragment and goal.suffix == ".md" and goal.exists() and fragment not in anchors(goal)
        if not goal.exists() or missing_heading:
            broken.append(target)
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(REPO).as_posix())
def test_relative_links_resolve(page: Path) -> None:
    assert broken_links(page) == []


def test_the_link_check_finds_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "er.md").write_text("# Een kop: `met` code\n", encoding="utf-8")
    page = tmp_path / "a.md"
    page.write_text(
        "[goed](er.md#een-kop-met-code) [weg](nergens.md) [kop](er.md#geen-kop) [web](https://x.nl)\n"
        "```sh\n[in code](telt-niet.md)\n```\n",
        encoding="utf-8",
    )
    assert broken_links(page) == ["nergens.md", "er.md#geen-kop"]


def test_the_readme_is_a_front_door() -> None:
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 300, f"README.md heeft {len(lines)} regels; de naslag hoort in docs/"
    # first the two commands: install and ask, then install and test
    assert lines[0] == "```sh" and lines[3] == "```"
    assert lines[1].endswith("partnerbeeld zoek --incident brand")
    assert lines[2].endswith(".venv/bin/python -m pytest -q")
