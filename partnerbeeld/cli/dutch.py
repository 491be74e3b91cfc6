"""Typer and its bundled click speak English; every word a user sees here is Dutch.

This module owns that translation: the help-page headings, the --help option,
the completion options, and usage errors (unknown option, bad value, missing
argument), which ``render_usage_error`` turns into one Dutch line plus a hint.
"""

from __future__ import annotations

import re
from typing import Any

import typer
import typer.core
from typer._click import exceptions as click_exceptions
from typer._click import formatting

from partnerbeeld.infra.suggest import closest

_HEADINGS = {
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Arguments": "Argumenten",
    "required": "verplicht",
    "(dynamic)": "(dynamisch)",
    "Aborted!": "Afgebroken.",
    "Missing command.": "Geef een opdracht; zie --help.",
}
_TEMPLATES = {"default: {default}": "standaard: {default}", "env var: {var}": "omgevingsvariabele: {var}"}
_HELP_TEXT = "Toon deze hulp en stop."
_COMPLETION_HELP = {
    "--install-completion": "Installeer tab-aanvulling voor deze shell.",
    "--show-completion": "Toon het tab-aanvullingsscript voor deze shell.",
}


def _translate(message: str) -> str:
    return _HEADINGS.get(message) or _TEMPLATES.get(message) or message


def install() -> None:
    """Patch the few English strings Typer prints on help pages. Idempotent."""
    typer.core._ = _translate  # type: ignore[attr-defined]
    original_usage = formatting.HelpFormatter.write_usage
    if getattr(original_usage, "_dutch", False):
        return

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_usage(self, prog, args, "Gebruik: " if prefix is None else prefix)

    write_usage._dutch = True  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]

    for cls in (typer.core.TyperCommand, typer.core.TyperGroup):
        original = cls.get_help_option

        def get_help_option(self: Any, ctx: Any, _original: Any = original) -> Any:
            option = _original(self, ctx)
            if option is not None:
                option.help = _HELP_TEXT
            return option

        cls.get_help_option = get_help_option  # type: ignore[method-assign]


def translate_params(command: Any) -> None:
    """Dutch help for the completion options Typer adds to the top-level command."""
    for param in getattr(command, "params", []):
        for name in getattr(param, "opts", []):
            if name in _COMPLETION_HELP:
                param.help = _COMPLETION_HELP[name]


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
