"""The command line: a thin client of the library. One module per command group."""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib
import os
import sys
from collections.abc import Callable, Iterable
from typing import Annotated, Any

import typer
from typer._click import exceptions as click_exceptions

from partnerbeeld.cli import dutch, rawargs, remedies, streams
from partnerbeeld.cli.common import fail
from partnerbeeld.infra.errors import ExitStatus, PartnerbeeldError

# name -> (module in partnerbeeld.cli, function), in the order `--help` lists them. Command
# modules import only typer and the core at module level; heavy libraries (rich, jinja2,
# weasyprint, phonenumbers) load inside the commands.
COMMANDS: dict[str, tuple[str, str]] = {
    "zoek": ("zoek", "zoek"),
    "toon": ("toon", "toon"),
    "incidenttypen": ("toon", "incidenttypen"),
    "contactlijst": ("contactlijst", "contactlijst"),
    "signalen": ("signalen", "signalen"),
    "overzicht": ("overzicht", "overzicht"),
    "site": ("site", "site"),
    "accounthouders": ("accounthouders", "accounthouders"),
    "valideer": ("valideer", "valideer"),
    "wijzigingen": ("wijzigingen", "wijzigingen"),
    "schema": ("schema", "schema"),
    "nieuw": ("nieuw", "nieuw"),
    "init": ("init", "init"),
    "importeer": ("importeer", "importeer"),
    "exporteer": ("importeer", "exporteer"),
}


def build_app(names: Iterable[str] = COMMANDS) -> typer.Typer:
    """The application with the commands ``names`` (all of them by default).

    ``main`` builds only the command that is asked for: importing the other
    command modules and turning their signatures into options costs about 15 ms
    that `zoek` under stress should not pay.
    """
    app = typer.Typer(
        name="partnerbeeld",
        help="De crisispartners van de veiligheidsregio in beeld: wie, hoe en wanneer.",
        no_args_is_help=True,
        pretty_exceptions_show_locals=False,  # a traceback must never dump contact data
        rich_markup_mode=None,  # plain help: fast, and no rich import for --help
        context_settings={"help_option_names": ["-h", "--help"]},
        options_metavar="[OPTIES]",
        subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
        cls=dutch.DutchGroup,  # help pages in Dutch
    )
    # a callback keeps a one-command app a group, so `partnerbeeld zoek ...` parses the same
    app.callback()(_group)
    for name in names:
        module, function = COMMANDS[name]
        callback = getattr(importlib.import_module(f"partnerbeeld.cli.{module}"), function)
        app.command(name, cls=dutch.DutchCommand, options_metavar="[OPTIES]")(_ours_to_handle(callback))
    return app


class _ReaderLeft(Exception):
    """Standard output was closed early (`| head`)."""


class _Interrupted(Exception):
    """Ctrl-C."""


def _ours_to_handle(callback: Callable[..., Any]) -> Callable[..., Any]:
    """The command, with a closed pipe and Ctrl-C passed to ``main`` instead of to typer.

    Typer turns both into its own exit 1 or a bare exit, before ``main`` can say
    anything; as exceptions of our own they reach ``main`` unchanged. ``wraps``
    keeps the signature typer reads the options from.
    """

    @functools.wraps(callback)
    def command(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except BrokenPipeError as error:
            raise _ReaderLeft from error
        except KeyboardInterrupt as error:
            raise _Interrupted from error

    return command


def _group(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help="Toon de versie van partnerbeeld en van de data (de git-commit van de dataset) en stop.",
            is_eager=True,
            callback=lambda asked: _print_version() if asked else None,
        ),
    ] = False,
) -> None:
    """De crisispartners van de veiligheidsregio in beeld: wie, hoe en wanneer."""


VERSION_OPTIONS = ("--version", "-V")


def _print_version() -> None:
    """The program's version and the data version, without loading the dataset: a git question only."""
    from partnerbeeld import __version__
    from partnerbeeld.infra.gitinfo import data_version
    from partnerbeeld.reading.loading import find_root

    print(f"partnerbeeld {__version__}")
    try:
        root = find_root()
    except PartnerbeeldError as error:
        print(f"data: geen dataset gevonden ({error.message})")
    else:
        version = data_version(root)
        when = f" van {version.date}" if version.date else ""
        print(f"data: {version.label}{when} ({root})")
    raise typer.Exit(0)


def __getattr__(name: str) -> typer.Typer:
    # `from partnerbeeld.cli import app`: the whole application, for tests and tools
    if name == "app":
        return build_app()
    raise AttributeError(name)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turn every known failure into one Dutch line and an exit code."""
    streams.prepare()
    try:
        status = _main(sys.argv[1:] if argv is None else argv)
    except OSError as error:  # standard output closed or full: the answer did not arrive
        if not streams.is_output_error(error):
            raise
        return streams.output_lost(error)
    lost = streams.finish()
    return status if lost is None else lost


@functools.cache
def _command(names: tuple[str, ...]) -> Any:
    """The click command for ``names``, built once per process. Building costs 1.5 to 15 ms;
    a process that calls ``main`` many times (the test suite runs a thousand commands this
    way) pays it once per command. click makes a new context for every call, so nothing of
    one call stays for the next. (The command keeps the functions it was built with: a test
    that replaces a command function must do so before the first call, or not at all.)"""
    return typer.main.get_command(build_app(names))


def _main(args: list[str]) -> int:
    # only the command asked for is built (for --version none is): the others cost time
    if args and args[0] in COMMANDS:
        wanted: Iterable[str] = args[:1]
    else:
        wanted = () if args and args[0] in VERSION_OPTIONS else COMMANDS
    command = _command(tuple(wanted))
    try:
        asked = command.commands.get(args[0]) if args and isinstance(command, typer.core.TyperGroup) else None
        typed, options = args[1:] if asked else args, rawargs.value_options(asked or command)
        rawargs.check(typed, options)
        shown = f"partnerbeeld {args[0]}" if asked else "partnerbeeld"
        rawargs.check_repeats(typed, options, rawargs.single_options(asked or command), shown)
        result = command.main(args=args, prog_name="partnerbeeld", standalone_mode=False)
    except PartnerbeeldError as error:
        fail(error.message, remedies.hint(error))
        return int(error.exit_status)
    except click_exceptions.NoArgsIsHelpError as error:
        print(error.ctx.get_help() if error.ctx else "", file=sys.stderr)
        return int(ExitStatus.USAGE)
    except click_exceptions.UsageError as error:
        message, hint = dutch.render_usage_error(error, args[0] if args and args[0] in COMMANDS else None)
        fail(message, hint)
        return int(ExitStatus.USAGE)
    except typer.Exit as error:  # typer's bundled click has no Exit/Abort of its own
        return int(error.exit_code)
    except (typer.Abort, KeyboardInterrupt, _Interrupted):
        print("\nAfgebroken.", file=sys.stderr)
        return 130
    except (BrokenPipeError, _ReaderLeft):
        # `partnerbeeld zoek ... | head`: the reader left; that is not an error. What is
        # still buffered goes nowhere, so the final flush at exit cannot fail either.
        with contextlib.suppress(OSError, ValueError):  # no file descriptor: nothing to flush
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    # a command's status: 1 from a read-only command whose answer lacks files with errors (cli.common.Reading)
    return int(result) if isinstance(result, int) else 0


def run() -> None:
    """Console-script entry point."""
    status = main()
    # The process ends here. Frozen objects are left out of the garbage collector's
    # final pass over everything still alive, which cost `zoek` about 10 ms (issue 4).
    gc.freeze()
    sys.exit(status)
