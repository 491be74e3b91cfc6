"""A deep incident-type tree (issue 12, item 9): linear checks, a finding for absurd depth.

No timings: the work is counted in calls to ``Dataset.parent``, the one step every
walk up the tree takes. A quadratic or cubic walk over a 2,000-deep chain makes
millions of those calls; a linear one a few per type.
"""

from __future__ import annotations

import pytest
from builders import dump

from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.checks import tree
from partnerbeeld.infra import limits
from partnerbeeld.reading.dataset import Dataset

DEPTH = 2000


@pytest.fixture
def deep(builder):
    chain = "".join(
        f"  - {{code: t{i}, name: Type {i}, parent: {'thema' if i == 0 else f't{i - 1}'}}}\n" for i in range(DEPTH)
    )
    text = f"incident_types:\n  - {{code: thema, name: Thema}}\n{chain}aliases:\n  diep: [t{DEPTH - 1}]\n"
    builder.write("incidenttypes.yaml", text)  # written as text: yaml.dump of 2,000 types is the slow part
    builder.profile("profiel-a", roles={"t5": {"modes": ["liaison"], "teams": ["rot"]}})
    builder.partner("partner-a", profiles=["profiel-a"], roles={f"t{DEPTH - 1}": {"modes": ["advies"]}})
    return builder


@pytest.fixture
def parent_calls(monkeypatch):
    calls = [0]
    original = Dataset.parent

    def counted(self, code):
        calls[0] += 1
        return original(self, code)

    monkeypatch.setattr(Dataset, "parent", counted)
    return calls


def test_the_tree_check_walks_each_type_once(deep, parent_calls):
    dataset, _ = open_dataset(deep.root)
    parent_calls[0] = 0
    findings = list(tree.check(dataset))
    assert parent_calls[0] <= 4 * DEPTH, parent_calls[0]
    assert [f.code for f in findings] == ["incidenttype-te-diep"]


def test_absurd_depth_is_one_finding_at_the_first_level_too_deep(deep):
    dataset, _ = open_dataset(deep.root)
    [finding] = [f for f in tree.check(dataset) if f.code == "incidenttype-te-diep"]
    assert f"'t{limits.TREE_DEPTH - 1}'" in finding.message  # t0 is level 2 (below the theme)
    assert str(limits.TREE_DEPTH) in finding.message


def test_a_cycle_in_a_deep_tree_is_still_found_once(builder):
    types = [{"code": f"t{i}", "name": f"T{i}", "parent": f"t{(i + 1) % 500}"} for i in range(500)]
    builder.write("incidenttypes.yaml", dump({"incident_types": types}))
    dataset, _ = open_dataset(builder.root)
    cycles = [f for f in tree.check(dataset) if f.code == "incidenttype-cyclus"]
    assert len(cycles) == 1
    assert cycles[0].message.count("→") == 500


def test_depth_agrees_with_the_ancestors_on_every_shape(builder):
    """The remembered depth equals len(ancestors) for cycles, unknown parents and chains."""
    types = [
        {"code": "a", "name": "A", "parent": "b"},
        {"code": "b", "name": "B", "parent": "c"},
        {"code": "c", "name": "C", "parent": "b"},  # b and c: a cycle with a tail a
        {"code": "d", "name": "D", "parent": "weg"},  # an unknown parent
        {"code": "e", "name": "E", "parent": "d"},
        {"code": "f", "name": "F"},
        {"code": "g", "name": "G", "parent": "f"},
    ]
    builder.write("incidenttypes.yaml", dump({"incident_types": types}))
    for order in (list("abcdefg"), list("gfedcba")):
        dataset, _ = open_dataset(builder.root)
        assert {c: dataset.depth(c) for c in order} == {c: len(dataset.ancestors(c)) for c in order}


@pytest.mark.parametrize(
    "args",
    [
        ["valideer"],
        ["zoek", "--incident", "t10"],
        ["zoek", "--incident", "diep"],
        ["toon", "partner-a"],
        ["incidenttypen"],
        ["contactlijst", "--incident", "t1500"],
        ["signalen"],
        ["accounthouders"],
        ["overzicht"],
        ["overzicht", "--detail", "--formaat", "html"],
    ],
    ids=lambda a: " ".join(a),
)
def test_every_command_handles_a_deep_tree_in_linear_work(deep, run_cli, parent_calls, args):
    result = run_cli(*args, "--data", deep.root)
    assert result.exit_code == 1, result.stderr  # the tree is in error; the answer says it is incomplete
    assert "Traceback" not in result.stderr
    assert parent_calls[0] <= 25 * DEPTH, parent_calls[0]


def test_the_tree_listing_does_not_indent_beyond_the_limit(deep, run_cli):
    result = run_cli("incidenttypen", "--data", deep.root)
    assert result.exit_code == 1
    assert len(result.stdout) < 200 * DEPTH  # indenting every level would print 2,000 * 2,000 spaces
    assert f"(niveau {DEPTH + 1}) Type {DEPTH - 1}" in result.stdout
