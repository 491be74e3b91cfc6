"""The command line: a thin client of the library. One module per command group."""

from __future__ import annotations

import sys

import typer
from typer._click import exceptions as click_exceptions

from partnerbeeld.cli import dutch
from partnerbeeld.cli.common import fail, reset_skipped, skipped_files
from partnerbeeld.errors import ExitStatus, PartnerbeeldError

dutch.install()

app = typer.Typer(
    name="partnerbeeld",
    help="De crisispartners van de veiligheidsregio in beeld: wie, hoe en wanneer.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # a traceback must never dump contact data
    rich_markup_mode=None,  # plain help: fast, and no rich import for --help
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
)


def command(name: str):  # type: ignore[no-untyped-def]
    """Register a command with Dutch usage text; every command module goes through here."""
    return app.command(name, options_metavar="[OPTIES]")


def _register() -> None:
    # Command modules import only typer and the core at module level; heavy
    # libraries (rich, jinja2, weasyprint, phonenumbers) load inside the commands.
    from partnerbeeld.cli import (
        accounthouders,
        contactlijst,
        git,
        nieuw,
        overzicht,
        signalen,
        toon,
        valideer,
        zoek,
    )

    command("zoek")(zoek.zoek)
    command("toon")(toon.toon)
    command("incidenttypen")(toon.incidenttypen)
    command("contactlijst")(contactlijst.contactlijst)
    command("signalen")(signalen.signalen)
    command("overzicht")(overzicht.overzicht)
    command("accounthouders")(accounthouders.accounthouders)
    command("valideer")(valideer.valideer)
    command("wijzigingen")(git.wijzigingen)
    command("schema")(git.schema)
    command("nieuw")(nieuw.nieuw)


_register()


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turn every known failure into one Dutch line and an exit code."""
    command = typer.main.get_command(app)
    dutch.translate_params(command)
    reset_skipped()
    try:
        result = command.main(args=argv, prog_name="partnerbeeld", standalone_mode=False)
    except PartnerbeeldError as error:
        fail(error.message, error.hint)
        return int(error.exit_status)
    except click_exceptions.NoArgsIsHelpError as error:
        print(error.ctx.get_help() if error.ctx else "", file=sys.stderr)
        return int(ExitStatus.USAGE)
    except click_exceptions.UsageError as error:
        message, hint = dutch.render_usage_error(error)
        fail(message, hint)
        return int(ExitStatus.USAGE)
    except typer.Exit as error:  # typer's bundled click has no Exit/Abort of its own
        return int(error.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print("Afgebroken.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `partnerbeeld zoek ... | head`: the reader left; that is not an error
        sys.stderr.close()
        return 0
    if skipped_files():  # the answer was given, but records with errors are missing from it
        return int(ExitStatus.DATA_ERRORS)
    return int(result) if isinstance(result, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
