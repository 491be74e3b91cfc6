"""Typer and its bundled click speak English; every word a user sees here is Dutch.

This module owns that translation: ``DutchGroup`` and ``DutchCommand`` (given to
typer as ``cls=``) write the help pages in Dutch (usage line, headings, the
``[verplicht]`` notes, the --help and completion options), and
``render_usage_error`` turns a usage error (unknown option, bad value, missing
argument) into one Dutch line plus a hint. Nothing of typer or click is patched:
both offer these hooks (``Context.formatter_class``, ``get_params``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer
import typer.core
from typer._click import Context, Parameter, formatting
from typer._click import exceptions as click_exceptions

from partnerbeeld.infra.suggest import closest

# the English words typer puts on help pages (its headings), in Dutch; _DutchFormatter swaps them
# as it writes. typer's 'Aborted!' never shows:
# cli._main runs click with standalone_mode=False and says 'Afgebroken.' itself.
_HEADINGS = {"Options": "Opties", "Commands": "Opdrachten", "Arguments": "Argumenten"}
_MESSAGES = {"Missing command.": "Geef een opdracht."}  # `partnerbeeld --`: a usage error; the hint names --help
# the notes at the end of an option's help: '[default: x; required]'
_NOTES = {"required": "verplicht"}
_NOTE_PREFIXES = {"default: ": "standaard: ", "env var: ": "omgevingsvariabele: "}
_DEFAULTS = {"(dynamic)": "(dynamisch)"}
# the options click and typer add themselves (help text set on the command's own option objects)
_OPTION_HELP = {
    "--help": "Toon deze hulp en stop.",
    "--install-completion": "Installeer tab-aanvulling voor deze shell.",
    "--show-completion": "Toon het tab-aanvullingsscript voor deze shell.",
}


def _translate(message: str) -> str:
    return _MESSAGES.get(message, message)


def _dutch_note(note: str) -> str:
    """'default: x' -> 'standaard: x', 'required' -> 'verplicht'; others (a range) stay."""
    for english, dutch in _NOTE_PREFIXES.items():
        if note.startswith(english):
            value = note.removeprefix(english)
            return dutch + _DEFAULTS.get(value, value)
    return _NOTES.get(note, note)


def _dutch_record(text: str) -> str:
    """An option's help with its notes (typer appends '  [a; b]', or '[a; b]' without help) in Dutch."""
    if not text.endswith("]"):
        return text
    head, bracket, notes = text.rpartition("  [")
    if not bracket:
        if not text.startswith("["):
            return text
        bracket, notes = "[", text[1:]
    return head + bracket + "; ".join(_dutch_note(note) for note in notes[:-1].split("; ")) + "]"


class _DutchFormatter(formatting.HelpFormatter):
    """click's help formatter with Dutch words: the usage prefix, the headings, the notes.

    typer writes the notes inside ``TyperOption.get_help_record`` (built by typer.main,
    with no way to choose another option class); the formatter is the first place of
    ours that sees them, so they are translated here, as text.
    """

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Gebruik: " if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(_HEADINGS.get(name, name)):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _dutch_record(text)) for term, text in rows], col_max, col_spacing)


class _DutchContext(typer.Context):
    formatter_class = _DutchFormatter


def _dutch_help(params: list[Parameter]) -> list[Parameter]:
    """Dutch help for the options click (--help) and typer (completion) add to a command.

    Those options are built inside typer and click with English help and no way to
    pass another; the objects belong to this command, so their text is set here.
    """
    for param in params:
        for name in param.opts:
            if name in _OPTION_HELP and isinstance(param, typer.core.TyperOption):
                param.help = _OPTION_HELP[name]
    return params


class DutchCommand(typer.core.TyperCommand):
    """A typer command whose help page is Dutch."""

    context_class = _DutchContext

    def get_params(self, ctx: Context) -> list[Parameter]:
        return _dutch_help(super().get_params(ctx))


class DutchGroup(typer.core.TyperGroup):
    """The typer group (``partnerbeeld``) whose help page is Dutch."""

    context_class = _DutchContext

    def get_params(self, ctx: Context) -> list[Parameter]:
        return _dutch_help(super().get_params(ctx))


# click's value messages (typer 0.28 bundles click), in Dutch
_VALUE_MESSAGES = [
    (re.compile(r"^(.*) is not a valid int(?:eger)?\.?$"), r"\1 is geen geheel getal"),
    (re.compile(r"^(.*) is not a valid float\.?$"), r"\1 is geen getal"),
    (re.compile(r"^(.*) is not a valid boolean.*$"), r"\1 is geen ja/nee-waarde"),
    (re.compile(r"^(.*) is not in the range (.*?)\.?$"), r"\1 valt buiten het bereik \2"),
    (re.compile(r"^(.*) is not one of (.*?)\.?$"), r"\1 is geen van \2"),
    (re.compile(r"^(.*) does not match the formats? .*$"), r"\1 is geen geldige datum (JJJJ-MM-DD)"),
    # click's Path type (--data, -o, --sjablonen)
    (re.compile(r"^Directory (.*) is a file\.?$"), r"\1 is een bestand, geen map"),
    (re.compile(r"^File (.*) is a directory\.?$"), r"\1 is een map, geen bestand"),
    (re.compile(r"^(?:File|Directory|Path) (.*) does not exist\.?$"), r"\1 bestaat niet"),
    (re.compile(r"^(?:File|Directory|Path) (.*) is not readable\.?$"), r"\1 is niet leesbaar"),
    (re.compile(r"^(?:File|Directory|Path) (.*) is not writable\.?$"), r"\1 is niet schrijfbaar"),
]
# click's messages about how an option is written
_USAGE_MESSAGES = [
    (re.compile(r"^Option '(.+)' requires an argument\.?$"), r"De optie \1 heeft een waarde nodig"),
    (re.compile(r"^Option '(.+)' requires (\d+) arguments\.?$"), r"De optie \1 heeft \2 waarden nodig"),
    (re.compile(r"^Option '(.+)' does not take a value\.?$"), r"De optie \1 neemt geen waarde"),
]


def _dutch_value_message(message: str, messages: list[tuple[re.Pattern[str], str]] = _VALUE_MESSAGES) -> str:
    for pattern, replacement in messages:
        if pattern.search(message):
            return pattern.sub(replacement, message).replace(" or ", " of ")
    return message.rstrip(".")


def _param_name(param: Any) -> str:
    """'--formaat' / '-f' for an option, 'PARTNER' for an argument."""
    opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    if opts:
        return " / ".join(f"'{o}'" for o in opts)
    return f"'{(param.human_readable_name or param.name or '').upper()}'"


def render_usage_error(error: click_exceptions.UsageError, command_name: str | None = None) -> tuple[str, str]:
    """(message, hint) in Dutch for a click usage error; ``command_name``: the command typed, if any."""
    ctx = error.ctx
    command = ctx.command_path if ctx is not None else "partnerbeeld"
    if command == "partnerbeeld" and command_name:  # raised while the group parsed the command's options
        command = f"partnerbeeld {command_name}"
    hint = f"Zie '{command} --help'."
    if isinstance(error, click_exceptions.NoSuchOption):
        message = f"Onbekende optie: {error.option_name}."
        if error.possibilities:
            hint = "Bedoelde je " + " of ".join(sorted(error.possibilities)) + "? " + hint
        return message, hint
    if isinstance(error, click_exceptions.MissingParameter):
        name = _param_name(error.param) if error.param is not None else ""
        return f"Ontbrekende waarde: {name}.".replace(" .", "."), hint
    if isinstance(error, click_exceptions.BadParameter):
        name = _param_name(error.param) if error.param is not None else "een optie"
        choices = getattr(getattr(error.param, "type", None), "choices", None)
        if choices:
            given = re.search(r"'([^']*)'", error.message)
            shown = f": '{given.group(1)}'" if given else ""
            # other words for a choice ('tabel' for 'tekst') are named with it, and may be guessed
            aliases = getattr(getattr(error.param, "type", None), "aliases", {})
            also = {choice: [a for a, meant in aliases.items() if meant == choice] for choice in map(str, choices)}
            options = ", ".join(c + (f" (of {', '.join(also[c])})" if also[c] else "") for c in also)
            pool = [*also, *(a for a, meant in aliases.items() if meant in also)]
            guess = closest(given.group(1), pool, n=1) if given else []
            lead = f"Bedoelde je '{guess[0]}'? " if guess else ""
            return f"Ongeldige waarde voor {name}{shown}.", f"{lead}Kies uit: {options}."
        return f"Ongeldige waarde voor {name}: {_dutch_value_message(error.message)}.", hint
    if isinstance(error, click_exceptions.BadOptionUsage):
        translated = _dutch_value_message(error.message, _USAGE_MESSAGES)
        if translated != error.message.rstrip("."):
            return f"{translated}.", hint
        return f"Optie {error.option_name} verkeerd gebruikt: {error.message}", hint
    message = error.message
    if match := re.match(r"No such command '(.+)'\.", message):
        return f"Onbekende opdracht '{match.group(1)}'.", "Zie 'partnerbeeld --help' voor de opdrachten."
    if match := re.match(r"Got unexpected extra argument\(s\) \((.+)\)", message):
        if command_name in ("zoek", "toon"):  # most often a name with a space: `zoek waterschap west`
            hint = f"Tekst met spaties zet je tussen aanhalingstekens. {hint}"
        if command_name == "overzicht" and match.group(1).isdigit():  # `overzicht --grip 2`, as in zoek
            hint = f"overzicht filtert niet op GRIP; --toon-grip toont per cel het vroegste GRIP-niveau. {hint}"
        return f"Onverwacht extra argument: {match.group(1)}.", hint
    return _translate(message), hint
