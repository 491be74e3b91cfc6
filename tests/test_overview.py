"""The partner picture (`overzicht`): matrix values, grouping, and its three views."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from builders import DatasetBuilder
from conftest import SHIPPED_DATA, TODAY

from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.answers.overview import GroupBy, Overview, build_overview
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.model.records import Mode
from partnerbeeld.views import overview as view
from partnerbeeld.views.colour import Palette

VERSION = DataVersion("abc1234", False)
ANSI = re.compile(r"\x1b\[")


def role(*modes: str, grip: int = 0, **extra: Any) -> dict[str, Any]:
    return {"modes": list(modes), "from_grip": grip, **extra}


def picture(builder: DatasetBuilder, group_by: GroupBy = GroupBy.SECTOR, detail: bool = False) -> Overview:
    dataset, findings = open_dataset(builder.root)
    assert not findings, findings
    return build_overview(dataset, TODAY, group_by, detail)


# --- matrix values ----------------------------------------------------------------------------


def test_strongest_mode_of_a_role_wins(builder: DatasetBuilder) -> None:
    builder.partner("rijnland", roles={"overstroming": role("informeren", "advies", "liaison", grip=2)})
    cell = picture(builder).cell("overstroming", "rijnland")
    assert cell is not None
    assert (cell.mode, cell.letter, cell.from_grip) == (Mode.LIAISON, "L", 2)
    assert cell.modes == (Mode.LIAISON, Mode.ADVIES, Mode.INFORMEREN)
    assert cell.defined_on == ("overstroming",) and cell.deviation  # the partner's own role, no profile
    assert picture(builder).cell("natuurbrand", "rijnland") is None


def test_a_role_below_the_crisis_type_counts_and_the_earliest_leads(builder: DatasetBuilder) -> None:
    builder.partner(
        "rijnland",
        roles={"overstroming": role("informeren", grip=3), "dijkdoorbraak": role("alarmeren", grip=1)},
    )
    builder.partner("alleen-onder", roles={"dijkdoorbraak": role("advies")})
    result = picture(builder, detail=True)
    crisis = result.cell("overstroming", "rijnland")
    assert crisis is not None
    assert (crisis.letter, crisis.from_grip, crisis.defined_on) == ("A", 1, ("dijkdoorbraak", "overstroming"))
    sibling = result.cell("wateroverlast", "rijnland")  # the crisis type's own role applies below it
    assert sibling is not None and (sibling.letter, sibling.from_grip) == ("I", 3)
    below = result.cell("overstroming", "alleen-onder")
    assert below is not None and below.letter == "D"
    assert result.cell("wateroverlast", "alleen-onder") is None  # a role on a sibling does not count


def test_the_cell_is_the_headline_zoek_shows(builder: DatasetBuilder) -> None:
    # informed from GRIP 1 on one subtype, a ROT seat from GRIP 2 on another: the earliest
    # role leads ("I1", as zoek lists it), the liaison follows in the tooltip; never "L1"
    builder.partner(
        "rijnland",
        roles={"wateroverlast": role("informeren", grip=1), "dijkdoorbraak": role("liaison", grip=2)},
    )
    builder.partner("delfland", roles={"wateroverlast": role("informeren", grip=0)})
    result = picture(builder)
    cell = result.cell("overstroming", "rijnland")
    assert cell is not None and (cell.letter, cell.from_grip) == ("I", 1)
    assert [(r.code, r.role.from_grip) for r in cell.later] == [("dijkdoorbraak", 2)]
    [group] = [g for g in result.groups if "rijnland" in g.partners]
    summary = result.group_cell("overstroming", group.id)
    # the group shows the member zoek lists first: delfland, informed from GRIP 0
    assert summary is not None and (summary.mode, summary.from_grip) == (Mode.INFORMEREN, 0)


def test_a_role_above_counts_unless_a_more_specific_role_replaces_it(builder: DatasetBuilder) -> None:
    builder.partner(
        "defensie",
        roles={"natuurlijke-omgeving": role("liaison", grip=2), "overstroming": role("bijstand", grip=1)},
    )
    result = picture(builder, detail=True)
    assert result.cell("natuurbrand", "defensie").letter == "L"  # type: ignore[union-attr]
    assert result.cell("overstroming", "defensie").letter == "B"  # type: ignore[union-attr]
    assert result.cell("dijkdoorbraak", "defensie").letter == "B"  # type: ignore[union-attr]
    assert result.cell("drinkwater", "defensie") is None


def test_partner_deviation_wins_over_its_profile(builder: DatasetBuilder) -> None:
    builder.profile("waterbeheerder", roles={"overstroming": role("liaison"), "drinkwater": role("advies")})
    builder.partner("rijnland", profiles=["waterbeheerder"], roles={"overstroming": role("informeren", grip=2)})
    builder.partner("delfland", profiles=["waterbeheerder"])
    result = picture(builder)
    own = result.cell("overstroming", "rijnland")
    assert own is not None and (own.letter, own.deviation) == ("I", True)
    from_profile = result.cell("drinkwater", "rijnland")
    assert from_profile is not None and (from_profile.letter, from_profile.deviation) == ("D", False)
    other = result.cell("overstroming", "delfland")
    assert other is not None and (other.letter, other.deviation) == ("L", False)


def test_rows_are_crisis_types_under_their_themes_and_detail_adds_incident_types(builder: DatasetBuilder) -> None:
    plain = [(r.code, r.depth) for r in picture(builder).types]
    assert plain == [
        ("natuurlijke-omgeving", 0), ("overstroming", 1), ("natuurbrand", 1),
        ("vitale-infrastructuur", 0), ("drinkwater", 1), ("energie", 1),
    ]  # fmt: skip
    detailed = [r.code for r in picture(builder, detail=True).types]
    assert detailed[:4] == ["natuurlijke-omgeving", "overstroming", "dijkdoorbraak", "wateroverlast"]
    assert detailed[-1] == "stroomuitval"


# --- grouping ---------------------------------------------------------------------------------


def test_groups_per_sector_summarise_the_member_that_joins_first_and_the_count(builder: DatasetBuilder) -> None:
    builder.partner("rijnland", sector="waterbeheer", roles={"overstroming": role("informeren", grip=1)})
    builder.partner("delfland", sector="waterbeheer", roles={"overstroming": role("liaison", grip=3)})
    builder.partner("schieland", sector="waterbeheer")
    builder.partner("dunea", sector="drinkwater", roles={"drinkwater": role("uitvoering")})
    result = picture(builder)
    assert [(g.id, g.partners) for g in result.groups] == [
        ("drinkwater", ("dunea",)),
        ("waterbeheer", ("delfland", "rijnland", "schieland")),  # members by name
    ]
    water = result.group_cell("overstroming", "waterbeheer")
    # rijnland, informed from GRIP 1, joins before delfland's liaison from GRIP 3: "I1", as zoek lists
    # them; "L1" would promise a liaison from GRIP 1
    assert water is not None and (water.letter, water.count, water.from_grip) == ("I", 2, 1)
    assert result.group_cell("drinkwater", "waterbeheer") is None
    assert result.group_cell("drinkwater", "drinkwater").letter == "U"  # type: ignore[union-attr]


def test_groups_per_profile_count_a_partner_in_each_of_its_profiles(builder: DatasetBuilder) -> None:
    builder.profile("waterbeheerder", roles={"overstroming": role("liaison")})
    builder.profile("wegbeheerder", roles={"energie": role("advies")})
    builder.profile("ongebruikt", roles={"drinkwater": role("informeren")})
    builder.partner("rijnland", profiles=["waterbeheerder", "wegbeheerder"])
    builder.partner("los", roles={"drinkwater": role("bijstand")})
    result = picture(builder, GroupBy.PROFIEL)
    groups = {g.id: g.partners for g in result.groups}
    assert groups == {
        "ongebruikt": (),
        "waterbeheerder": ("rijnland",),
        "wegbeheerder": ("rijnland",),
        "zonder-profiel": ("los",),
    }
    assert result.group_cell("overstroming", "waterbeheerder").letter == "L"  # type: ignore[union-attr]
    # the partner brings all of its roles into each of its profile groups
    assert result.group_cell("overstroming", "wegbeheerder").letter == "L"  # type: ignore[union-attr]
    assert result.group_cell("drinkwater", "ongebruikt") is None
    assert result.group_cell("drinkwater", "zonder-profiel").letter == "B"  # type: ignore[union-attr]


# --- terminal ---------------------------------------------------------------------------------


def many_sectors(builder: DatasetBuilder, count: int = 30) -> None:
    for index in range(count):
        builder.partner(
            f"partner-{index:02d}",
            sector=f"sector-met-een-lange-naam-{index:02d}",
            roles={"overstroming": role("liaison"), "stroomuitval": role("advies")},
        )


def test_text_fits_80_columns_by_splitting_groups_over_blocks(builder: DatasetBuilder) -> None:
    many_sectors(builder)
    text = view.as_text(picture(builder, detail=True), VERSION, Palette(), width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0] == "Partnerbeeld · Veiligheidsregio Testland"
    assert lines[1].startswith("peildatum 2026-11-28 · data abc1234 · 30 partners in 30 sectoren")
    numbered = [int(n) for line in lines if line.startswith(" " * 10) for n in line.split()]
    assert sorted(numbered) == list(range(1, 31))  # every group once, over more than one block
    assert len([line for line in lines if line.startswith("  overstroming ")]) > 1
    assert "   stroomuitval " in text  # indented under energie with --detail
    assert "30 sector-met-een-lange-naam-29 (1)" in text  # the key under the block


def test_text_cell_is_letter_plus_count_or_grip(builder: DatasetBuilder) -> None:
    builder.partner("rijnland", roles={"overstroming": role("informeren", grip=2)})
    builder.partner("delfland", roles={"overstroming": role("liaison", grip=3)})
    result = picture(builder)
    counted = view.as_text(result, VERSION, Palette())
    assert re.search(r"^  overstroming +I2$", counted, re.MULTILINE)  # rijnland joins first (GRIP 2); 2 members
    assert re.search(r"^  drinkwater +·$", counted, re.MULTILINE)
    assert re.search(r"^  overstroming +I2$", view.as_text(result, VERSION, Palette(), grip=True), re.MULTILINE)
    builder.partner("schieland", roles={"overstroming": role("advies", grip=1)})  # earlier: it leads now
    assert re.search(r"^  overstroming +D1$", view.as_text(picture(builder), VERSION, Palette(), grip=True),
                     re.MULTILINE)  # fmt: skip
    builder.partner("gouwe", roles={"overstroming": role("liaison", grip=1)})  # as early and stronger
    assert re.search(r"^  overstroming +L1$", view.as_text(picture(builder), VERSION, Palette(), grip=True),
                     re.MULTILINE)  # fmt: skip


def test_shipped_dataset_at_80_columns_piped_has_no_colour(run_cli: Callable[..., Any]) -> None:
    for args in ([], ["--per", "profiel"], ["--detail"], ["--toon-grip"]):
        result = run_cli("overzicht", "--data", SHIPPED_DATA, *args)
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.splitlines()
        assert max(len(line) for line in lines) <= 80, args
        assert not ANSI.search(result.stdout)
        assert "Veiligheidsregio Hollands Midden" in lines[0]
        assert "peildatum 2026-11-28 · data " in lines[1]
        assert "116 partners" in lines[1]


def test_colour_only_wraps_the_letters(builder: DatasetBuilder) -> None:
    builder.partner("rijnland", roles={"overstroming": role("liaison")})
    coloured = view.as_text(picture(builder), VERSION, Palette(enabled=True))
    assert ANSI.search(coloured)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == view.as_text(picture(builder), VERSION, Palette())


# --- JSON -------------------------------------------------------------------------------------


def test_json_is_sorted_and_complete(builder: DatasetBuilder) -> None:
    builder.profile("waterbeheerder", roles={"overstroming": role("liaison", teams=["rot"], grip=1)})
    builder.partner("rijnland", profiles=["waterbeheerder"], roles={"drinkwater": role("advies")})
    text = view.as_json(picture(builder), VERSION)
    document = json.loads(text)
    assert text == json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert document["peildatum"] == "2026-11-28"
    assert document["dataversie"] == {"commit": "abc1234", "gewijzigd": False, "label": "abc1234"}
    assert document["legenda"]["D"] == "advies" and document["per"] == "sector"
    partner = document["partners"][0]
    assert partner["cellen"]["overstroming"] == {
        "afwijking": False, "letter": "L", "modi": ["liaison"], "modus": "liaison",
        "rol_op": ["overstroming"], "teams": ["rot"], "vanaf_grip": 1,
    }  # fmt: skip
    assert partner["cellen"]["drinkwater"]["afwijking"] is True
    assert "natuurbrand" not in partner["cellen"]
    assert document["groepen"][0]["cellen"]["overstroming"]["aantal"] == 1
    assert [t["code"] for t in document["typen"]][:2] == ["natuurlijke-omgeving", "overstroming"]


# --- HTML and the command ---------------------------------------------------------------------


def test_html_escapes_names_and_has_legend_stamp_and_sticky_headers(builder: DatasetBuilder) -> None:
    builder.profile("boos-profiel", name="a<b>c", roles={"overstroming": role("liaison")})
    builder.partner("boos", name="<script>x</script>", profiles=["boos-profiel"])
    html = view.as_html(picture(builder, GroupBy.PROFIEL), VERSION)
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "a&lt;b&gt;c" in html and "<b>" not in html
    for letter, mode in view.legend_items():
        assert f'<span class="chip m-{letter}">{letter}</span> {mode}' in html
    assert "Testrubricering" in html and "Veiligheidsregio Testland" in html
    assert "2026-11-28" in html and "abc1234" in html
    assert "position: sticky" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing fetched: works offline


def test_html_to_file_refuses_to_overwrite(builder: DatasetBuilder, run_cli: Callable[..., Any], tmp_path: Any) -> None:
    builder.partner("rijnland", roles={"overstroming": role("liaison")})
    target = tmp_path / "overzicht.html"
    first = run_cli("overzicht", "--data", builder.root, "--formaat", "html", "-o", target)
    assert first.exit_code == 0, first.stderr
    assert "Rijnland" in target.read_text(encoding="utf-8")
    target.write_text("eigen werk", encoding="utf-8")
    refused = run_cli("overzicht", "--data", builder.root, "--formaat", "html", "-o", target)
    assert refused.exit_code == 2
    assert "--overschrijf" in refused.stderr
    assert target.read_text(encoding="utf-8") == "eigen werk"
    replaced = run_cli("overzicht", "--data", builder.root, "-f", "HTML", "-o", target, "--overschrijf")
    assert replaced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_name_after_o_picks_the_format(run_cli: Callable[..., Any], tmp_path: Any) -> None:
    for name, start in (("o.html", "<!DOCTYPE html>"), ("o.json", "{"), ("o.txt", "Partnerbeeld")):
        result = run_cli("overzicht", "--data", SHIPPED_DATA, "-o", tmp_path / name)
        assert result.exit_code == 0, result.stderr
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start), name
    result = run_cli("overzicht", "--data", SHIPPED_DATA, "-o", tmp_path / "o.pdf")
    assert result.exit_code == 2 and "Deze opdracht maakt geen .pdf-bestanden" in result.stderr
    result = run_cli("overzicht", "--data", SHIPPED_DATA, "-f", "html", "-o", tmp_path / "o.md")
    assert result.exit_code == 2 and "--formaat html past niet bij de naam o.md" in result.stderr
    assert not (tmp_path / "o.pdf").exists() and not (tmp_path / "o.md").exists()


def test_html_without_file_goes_to_stdout_and_json_format(builder: DatasetBuilder, run_cli: Callable[..., Any]) -> None:
    builder.partner("rijnland", roles={"overstroming": role("liaison")})
    html = run_cli("overzicht", "--data", builder.root, "--formaat", "html")
    assert html.exit_code == 0 and html.stdout.startswith("<!DOCTYPE html>")
    as_json = run_cli("overzicht", "--data", builder.root, "--formaat", "json", "--per", "profiel")
    assert json.loads(as_json.stdout)["per"] == "profiel"


@pytest.mark.parametrize("args", [["--per", "gemeente"], ["--formaat", "pdf"]])
def test_unknown_choices_are_usage_errors(
    run_cli: Callable[..., Any], builder: DatasetBuilder, args: list[str]
) -> None:
    result = run_cli("overzicht", "--data", builder.root, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_shipped_html_has_every_partner(run_cli: Callable[..., Any]) -> None:
    result = run_cli("overzicht", "--data", SHIPPED_DATA, "--formaat", "html")
    assert result.exit_code == 0
    assert result.stdout.count('<th scope="row"') == 116
    assert "Dienstgerubriceerd" in result.stdout


def test_no_partners_and_a_tree_of_themes_only_still_render(builder: DatasetBuilder) -> None:
    builder.write("incidenttypes.yaml", "incident_types:\n  - {code: gezondheid, name: Gezondheid}\n")
    result = picture(builder)
    assert result.type_rows == () and result.groups == ()
    assert view.as_text(result, VERSION, Palette()).endswith("Geen partners in de dataset.\n")
    assert json.loads(view.as_json(result, VERSION))["partners"] == []
    assert "<table" in view.as_html(result, VERSION)
