"""One vocabulary of options: repeated filters, options that may not repeat, the same format
names everywhere, account holders by name, sectors from the data, and --version."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from conftest import REPO, SHIPPED_DATA

from partnerbeeld.cli import COMMANDS, build_app, rawargs
from partnerbeeld.cli.options import FORMAT_ALIASES


def ids(run_cli: Any, *args: str) -> list[str]:
    result = run_cli("zoek", *args, "-f", "json", "--data", SHIPPED_DATA)
    assert result.exit_code == 0, result.stderr
    return [p["id"] for p in json.loads(result.stdout)["partners"]]


# --- filters that repeat --------------------------------------------------------------------------


def test_two_incident_types_are_the_union_and_the_head_line_names_both(run_cli: Any) -> None:
    brand, gaslek = ids(run_cli, "-i", "brand"), ids(run_cli, "-i", "gaslek")
    both = ids(run_cli, "-i", "brand", "-i", "gaslek")
    assert set(both) == set(brand) | set(gaslek) and len(both) == len(set(both))
    assert set(both) > set(gaslek)  # nothing silently dropped: the first type counts too
    head = run_cli("zoek", "-i", "brand", "-i", "gaslek", "--data", SHIPPED_DATA).stdout.splitlines()[0]
    assert head.startswith("brand + gaslek")


@pytest.mark.parametrize(
    ("option", "first", "second"),
    [("--team", "rot", "copi"), ("--modus", "alarmeren", "advies"), ("--gemeente", "gouda", "katwijk")],
)
def test_a_repeated_filter_means_one_of_these(run_cli: Any, option: str, first: str, second: str) -> None:
    one, other = ids(run_cli, "-i", "overstroming", option, first), ids(run_cli, "-i", "overstroming", option, second)
    both = ids(run_cli, "-i", "overstroming", option, first, option, second)
    assert set(both) == set(one) | set(other)
    assert set(one) != set(other)  # else the test would not show a union


def test_a_repeated_profile_means_one_of_these(run_cli: Any) -> None:
    profiles = sorted(p.stem for p in (SHIPPED_DATA / "profiles").glob("*.yaml"))[:2]
    one, other = (set(ids(run_cli, "--profiel", p)) for p in profiles)
    assert set(ids(run_cli, "--profiel", profiles[0], "--profiel", profiles[1])) == one | other


def test_the_contact_list_takes_the_same_repeated_filters(run_cli: Any) -> None:
    def listed(*args: str) -> set[str]:
        result = run_cli("contactlijst", *args, "-f", "json", "--data", SHIPPED_DATA)
        assert result.exit_code == 0, result.stderr
        return {p["id"] for p in json.loads(result.stdout)["partners"]}

    assert listed("-i", "brand", "-i", "gaslek") == listed("-i", "brand") | listed("-i", "gaslek")
    assert listed("--team", "rot", "--team", "bt") == listed("--team", "rot") | listed("--team", "bt")


# --- options that hold one value ----------------------------------------------------------------


def _single_valued() -> list[tuple[str, str, bool]]:
    """(command, option, takes a value) for every option of every command that cannot repeat."""
    cases = []
    import typer

    for name in COMMANDS:
        command = typer.main.get_command(build_app([name])).commands[name]  # type: ignore[attr-defined]
        options = rawargs.value_options(command)
        for option, shown in rawargs.single_options(command).items():
            if option == shown and option not in ("--help", "-h"):
                cases.append((name, option, options[option]))
    return cases


SINGLE = _single_valued()


def test_every_command_has_single_valued_options_to_guard() -> None:
    assert {name for name, _, _ in SINGLE} == set(COMMANDS)
    assert ("zoek", "--grip", True) in SINGLE and ("zoek", "--incident", True) not in SINGLE


@pytest.mark.parametrize(("command", "option", "takes_value"), SINGLE, ids=[f"{c} {o}" for c, o, _ in SINGLE])
def test_a_single_valued_option_given_twice_is_refused(
    run_cli: Any, command: str, option: str, takes_value: bool, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # should the guard ever fail, what the command writes lands here
    given = [option, "een", option, "twee"] if takes_value else [option, option]
    args = ["nieuw", "partner"] if command == "nieuw" else [command]
    result = run_cli(*args, *given)
    assert result.exit_code == 2, (command, option, result.stderr)
    assert f"fout: {option} " in result.stderr and "twee keer" in result.stderr
    assert result.stdout == ""


def test_short_and_long_name_of_one_option_count_as_the_same(run_cli: Any) -> None:
    result = run_cli("zoek", "-f", "json", "--formaat=md", "--data", SHIPPED_DATA)
    assert result.exit_code == 2 and "'json' en 'md'" in result.stderr


# --- the same names everywhere --------------------------------------------------------------------


def _commands_with_text_format() -> list[str]:
    import typer

    found = []
    for name in COMMANDS:
        command = typer.main.get_command(build_app([name])).commands[name]  # type: ignore[attr-defined]
        for param in command.params:
            if "--formaat" in getattr(param, "opts", []) and "tekst" in getattr(param.type, "choices", ()):
                found.append(name)
    return found


def test_every_command_with_output_for_people_calls_it_tekst() -> None:
    assert set(_commands_with_text_format()) >= {"zoek", "toon", "signalen", "accounthouders", "valideer"}
    assert FORMAT_ALIASES == {"tabel": "tekst"}


@pytest.mark.parametrize(
    "args", [["zoek", "-i", "brand"], ["signalen"], ["accounthouders"], ["valideer"], ["incidenttypen"]]
)
def test_tabel_is_another_word_for_tekst(run_cli: Any, args: list[str]) -> None:
    tekst = run_cli(*args, "-f", "tekst", "--data", SHIPPED_DATA)
    tabel = run_cli(*args, "--formaat", "TABEL", "--data", SHIPPED_DATA)
    assert tekst.exit_code == tabel.exit_code and tekst.stdout == tabel.stdout != ""


def test_a_mistyped_format_is_guessed_among_the_other_words_too(run_cli: Any) -> None:
    result = run_cli("signalen", "-f", "tabl")
    assert result.exit_code == 2
    assert "Bedoelde je 'tabel'?" in result.stderr and "tekst (of tabel)" in result.stderr


def test_overview_display_switch_has_its_own_name(run_cli: Any) -> None:
    shown = run_cli("overzicht", "--toon-grip", "--data", SHIPPED_DATA)
    old = run_cli("overzicht", "--grip", "--data", SHIPPED_DATA)
    assert shown.exit_code == old.exit_code == 0 and shown.stdout == old.stdout
    assert "--toon-grip" in old.stderr  # the old name still works, and says it is old
    assert "--grip" not in run_cli("overzicht", "--help").stdout.replace("--toon-grip", "")
    as_in_zoek = run_cli("overzicht", "--grip", "2", "--data", SHIPPED_DATA)
    assert as_in_zoek.exit_code == 2 and "filtert niet op GRIP" in as_in_zoek.stderr


def test_schema_writes_with_o_and_refuses_two_names_for_one_folder(run_cli: Any, tmp_path: Any) -> None:
    assert run_cli("schema", "-o", tmp_path / "a").exit_code == 0
    both = run_cli("schema", "-o", tmp_path / "b", "--uit", tmp_path / "c")
    assert both.exit_code == 2 and "--uit en --uitvoer" in both.stderr


# --- account holders and sectors ------------------------------------------------------------------


@pytest.fixture
def two_holders(builder: Any) -> Any:
    builder.write(
        "accountholders.yaml",
        "account_holders:\n"
        "  - {id: a-holder, name: Anna Houder, email: a@regio.example}\n"
        "  - {id: b-berg, name: Bert van den Berg, email: b@regio.example}\n",
    )
    builder.partner("partner-a", name="Partner A")
    builder.partner("partner-b", name="Partner B", account_holder="b-berg", sector="energie")
    return builder


@pytest.mark.parametrize("who", ["b-berg", "Bert van den Berg", "bert van den berg", "berg", "Bert"])
def test_an_account_holder_by_id_name_or_part(run_cli: Any, two_holders: Any, who: str) -> None:
    result = run_cli("zoek", "--accounthouder", who, "-f", "json", "--data", two_holders.root)
    assert result.exit_code == 0, result.stderr
    assert [p["id"] for p in json.loads(result.stdout)["partners"]] == ["partner-b"]
    holders = run_cli("accounthouders", "--accounthouder", who, "-f", "json", "--data", two_holders.root)
    assert holders.exit_code == 0 and "b-berg" in holders.stdout and "a-holder" not in holders.stdout


def test_an_account_holder_part_that_fits_two_is_refused_with_both(run_cli: Any, two_holders: Any) -> None:
    result = run_cli("signalen", "--accounthouder", "er", "--data", two_holders.root)
    assert result.exit_code == 2
    assert "Anna Houder (a-holder)" in result.stderr and "Bert van den Berg (b-berg)" in result.stderr


def test_an_unknown_account_holder_gets_suggestions(run_cli: Any, two_holders: Any) -> None:
    result = run_cli("contactlijst", "--accounthouder", "Ana Houder", "--data", two_holders.root)
    assert result.exit_code == 2 and "Bedoelde je" in result.stderr and "Anna Houder" in result.stderr


def test_nieuw_checks_the_sector_against_the_data(run_cli: Any, two_holders: Any) -> None:
    wrong = run_cli("nieuw", "partner", "--naam", "Netbeheer Zuid", "--sector", "enrgie", "--data", two_holders.root)
    assert wrong.exit_code == 2 and "Onbekende sector 'enrgie'" in wrong.stderr and "energie" in wrong.stderr
    assert not (two_holders.root / "partners" / "netbeheer-zuid.yaml").exists()
    right = run_cli(
        "nieuw", "partner", "--naam", "Netbeheer Zuid", "--sector", "energie", "--accounthouder", "Bert", "--data",
        two_holders.root,
    )  # fmt: skip
    assert right.exit_code == 0, right.stderr
    text = (two_holders.root / "partners" / "netbeheer-zuid.yaml").read_text(encoding="utf-8")
    assert "account_holder: b-berg" in text


# --- --version ------------------------------------------------------------------------------------


def test_version_names_the_program_and_the_data_without_loading_the_dataset(tmp_path: Any) -> None:
    script = (
        "import sys\nfrom partnerbeeld.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "print('geladen' if 'partnerbeeld.reading.dataset' in sys.modules else 'niet geladen')\n"
        "sys.exit(status)\n"
    )
    for flag in ("--version", "-V"):
        result = subprocess.run(
            [sys.executable, "-c", script, flag], cwd=REPO, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        first, data, loaded = result.stdout.splitlines()
        from partnerbeeld import __version__

        assert first == f"partnerbeeld {__version__}"
        assert data.startswith("data: ") and str(SHIPPED_DATA) in data
        assert loaded == "niet geladen"
    outside = subprocess.run(
        [sys.executable, "-c", script, "-V"], cwd=tmp_path, capture_output=True, text=True, check=False,
        env={"PATH": "", "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    assert outside.returncode == 0 and "geen dataset gevonden" in outside.stdout


# --- one vocabulary, for every command there is (and every command added later) -------------------


def _every_option() -> list[tuple[str, Any]]:
    import typer

    found = []
    for name in COMMANDS:
        command = typer.main.get_command(build_app([name])).commands[name]  # type: ignore[attr-defined]
        found += [(name, param) for param in command.params if getattr(param, "param_type_name", "") == "option"]
    return found


def test_the_same_option_has_the_same_names_and_kind_in_every_command() -> None:
    from partnerbeeld.cli.options import FormatChoice

    checked = set()
    for command, param in _every_option():
        names = set(param.opts)
        if "--formaat" in names:
            assert names == {"--formaat", "-f"} and isinstance(param.type, FormatChoice), command
            assert "tabel" not in param.type.choices, command  # 'tekst', with 'tabel' as another word
            checked.add("--formaat")
        if names & {"-o", "--uitvoer"}:
            assert names == {"-o", "--uitvoer"}, command
            checked.add("--uitvoer")
        if "--uit" in names:
            assert param.hidden, command  # only the old name, kept for scripts
        if "--grip" in names and not param.hidden:
            assert not param.is_flag and param.type.name == "int", command  # a filter: --grip N
            checked.add("--grip")
        if "--accounthouder" in names:
            assert not param.is_flag and param.metavar == "WIE", command  # id, name or part of the name
            checked.add("--accounthouder")
    assert checked == {"--formaat", "--uitvoer", "--grip", "--accounthouder"}
