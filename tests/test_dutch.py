"""Help pages in Dutch through typer's own hooks (``cls=``), with typer and click left as they are."""

from __future__ import annotations

import inspect
import sys
from typing import Annotated

import pytest
import typer

from partnerbeeld.cli import build_app, dutch, main


def _patched() -> list[str]:
    """Every function in a typer or click module or class that was defined elsewhere (a monkeypatch)."""
    found = []
    for module_name, module in list(sys.modules.items()):
        if module_name.split(".")[0] != "typer":
            continue
        owners: dict[str, object] = {module_name: module}
        owners |= {
            f"{module_name}.{c.__qualname__}": c
            for c in vars(module).values()
            if inspect.isclass(c) and c.__module__ == module_name
        }
        for owner_name, owner in owners.items():
            for name, value in vars(owner).items():
                if inspect.isfunction(value) and value.__module__.startswith("partnerbeeld"):
                    found.append(f"{owner_name}.{name}")
    return found


def test_typer_and_click_are_not_patched(capsys: pytest.CaptureFixture[str]) -> None:
    typer.main.get_command(build_app())
    assert main(["--help"]) == 0 and main(["zoek", "--help"]) == 0
    assert "Gebruik: partnerbeeld zoek" in capsys.readouterr().out
    assert _patched() == []


def test_a_patch_would_be_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(typer.core.TyperCommand, "get_help_option", dutch.DutchCommand.get_params)
    monkeypatch.setattr(typer.core, "_", dutch._translate)
    assert sorted(_patched()) == ["typer.core.TyperCommand.get_help_option", "typer.core._"]


@pytest.mark.parametrize(
    ("english", "dutch_text"),
    [
        ("Het bestand.  [required]", "Het bestand.  [verplicht]"),
        ("[required]", "[verplicht]"),
        (
            "Aantal.  [env var: N; default: 3; x>=1; required]",
            "Aantal.  [omgevingsvariabele: N; standaard: 3; x>=1; verplicht]",
        ),
        ("[default: (dynamic)]", "[standaard: (dynamisch)]"),
        ("Kies [required]", "Kies [required]"),  # part of the help itself, not typer's notes
        ("Een getal  [1<=x<=5]", "Een getal  [1<=x<=5]"),
        ("Zonder noten.", "Zonder noten."),
    ],
)
def test_the_notes_after_an_options_help_are_dutch(english: str, dutch_text: str) -> None:
    assert dutch._dutch_record(english) == dutch_text


def test_a_help_page_built_with_the_dutch_classes_is_dutch_throughout() -> None:
    app = typer.Typer(cls=dutch.DutchGroup, rich_markup_mode=None)

    @app.callback()
    def group() -> None:
        """Een groep."""

    @app.command(cls=dutch.DutchCommand)
    def doe(
        naam: Annotated[str, typer.Argument(help="Wie.")],
        aantal: Annotated[int, typer.Option(envvar="AANTAL", show_envvar=True, show_default=True)] = 3,
    ) -> None:
        """Doe iets."""

    group_command = typer.main.get_command(app)
    top = group_command.get_help(group_command.make_context("prog", [], resilient_parsing=True))
    command = group_command.commands["doe"]  # type: ignore[attr-defined]
    page = command.get_help(command.make_context("doe", [], resilient_parsing=True))
    for english in ("Usage", "Options", "Commands", "Arguments", "required", "default", "env var", "Show this"):
        assert english not in top + page
    assert top.startswith("Gebruik: prog") and "Opdrachten:" in top and "Installeer tab-aanvulling" in top
    assert page.startswith("Gebruik: doe") and "Argumenten:" in page and "Opties:" in page
    assert "[omgevingsvariabele: AANTAL; standaard: 3]" in page and "[verplicht]" in page
    assert "Toon deze hulp en stop." in page


def test_no_command_is_said_once_with_one_hint(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--")  # `partnerbeeld --`: click's "Missing command."
    assert result.exit_code == 2
    assert "Geef een opdracht." in result.stderr and result.stderr.count("--help") == 1, result.stderr
