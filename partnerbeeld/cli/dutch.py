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


_PYDANTIC = [
    (re.compile(r"(?:Value error, )?('.*') is not one of (.+?)\.?$"), r"\1 is geen van \2"),
    (re.compile(r"Input should be a valid integer.*"), "verwacht een geheel getal"),
    (re.compile(r"Input should be a valid date.*"), "verwacht een datum als JJJJ-MM-DD"),
    (re.compile(r"Input should be (?:greater than or equal to|>=) (\S+)"), r"moet minstens \1 zijn"),
    (re.compile(r"Input should be (?:less than or equal to|<=) (\S+)"), r"mag hoogstens \1 zijn"),
    (re.compile(r"Input should be (.+)"), r"kies uit \1"),
]


def _dutch_value_message(message: str) -> str:
    for pattern, replacement in _PYDANTIC:
        if pattern.search(message):
            return pattern.sub(replacement, message).replace(" or ", " of ")
    return message


def render_usage_error(error: click_exceptions.UsageError) -> tuple[str, str]:
    """(message, hint) in Dutch for a click usage error."""
    ctx = error.ctx
    command = ctx.command_path if ctx is not None else "partnerbeeld"
    hint = f"Zie '{command} --help'."
    if isinstance(error, click_exceptions.NoSuchOption):
        message = f"Onbekende optie: {error.option_name}."
        if error.possibilities:
            hint = "Bedoelde je " + " of ".join(sorted(error.possibilities)) + "? " + hint
        return message, hint
    if isinstance(error, click_exceptions.MissingParameter):
        name = error.param.get_error_hint() if error.param is not None else ""
        return f"Ontbrekende waarde: {name}.".replace(" .", "."), hint
    if isinstance(error, click_exceptions.BadParameter):
        name = error.param.get_error_hint() if error.param is not None else "een optie"
        return f"Ongeldige waarde voor {name}: {_dutch_value_message(error.message)}.", hint
    if isinstance(error, click_exceptions.BadOptionUsage):
        return f"Optie {error.option_name} verkeerd gebruikt: {error.message}", hint
    message = error.message
    if match := re.match(r"No such command '(.+)'\.", message):
        return f"Onbekende opdracht '{match.group(1)}'.", "Zie 'partnerbeeld --help' voor de opdrachten."
    if match := re.match(r"Got unexpected extra argument\(s\) \((.+)\)", message):
        return f"Onverwacht extra argument: {match.group(1)}.", hint
    return _translate(message), hint
