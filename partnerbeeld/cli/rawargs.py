"""The command line as typed, checked before click reads it.

Click turns an empty value into something (``--data ""`` becomes '.', the
current folder) or takes the next option as a value (``-o"$X" --vertrouwelijk``
with an empty X writes a file named ``--vertrouwelijk``). An empty shell
variable must never quietly change what a command does, so these are usage
errors here, with the option's name. So is an option given twice that holds
one value (``--grip 1 --grip 2``): click would silently keep the last one.

These checks stay here rather than in click parameter types on the options:
a type sees one value after click has parsed the line, so it cannot tell which
name was typed (``-o is leeg.``, not ``--uitvoer``), never sees a flag given twice
or an empty value on a line that also asks for --help (eager, it runs first), and
every option of every command would need its type wrapped.
"""

from __future__ import annotations

import os
from typing import Any

from partnerbeeld.infra.errors import UsageError

# options that name a file or folder to write: a trailing slash means a folder
_OUTPUT_OPTIONS = {"-o", "--uitvoer", "--uit"}


def value_options(command: Any) -> dict[str, bool]:
    """Every option name of a click command -> whether it takes a value (False for a flag)."""
    names: dict[str, bool] = {}
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") != "option":
            continue
        for name in [*param.opts, *param.secondary_opts]:
            names[name] = not getattr(param, "is_flag", False) and not getattr(param, "count", False)
    return names


def single_options(command: Any) -> dict[str, str]:
    """Every name of an option that holds one value (or is a flag) -> the name to show (its long form)."""
    names: dict[str, str] = {}
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") != "option" or getattr(param, "multiple", False):
            continue
        if getattr(param, "count", False):
            continue
        every = [*param.opts, *param.secondary_opts]
        shown = max(param.opts, key=len)
        names.update(dict.fromkeys(every, shown))
    return names


def check_repeats(args: list[str], options: dict[str, bool], singles: dict[str, str], command: str) -> None:
    """A usage error for an option given twice that can hold only one value.

    ``options``: name -> takes a value (``value_options``); ``singles``: ``single_options``;
    ``command``: 'partnerbeeld zoek', for the hint.
    """
    seen: dict[str, str] = {}
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == "--":
            return
        if not arg.startswith("-") or arg == "-":
            continue
        if arg.startswith("--"):
            name, equals, value = arg.partition("=")
            attached = bool(equals)
        else:  # -f json, -fjson
            name, value = arg[:2], arg[2:]
            attached = bool(value)
        if name not in options:
            continue
        if options[name] and not attached:
            value = args[index] if index < len(args) else ""
            index += 1
        if name not in singles:
            continue
        shown = singles[name]
        if shown in seen:
            hint = f"Geef {shown} één keer; '{command} --help' zegt welke opties herhaald mogen worden."
            if not options[name]:
                raise UsageError(f"{shown} staat er twee keer.", hint)
            message = f"{shown} is twee keer gegeven ('{seen[shown]}' en '{value}'); deze optie heeft maar één waarde."
            raise UsageError(message, hint)
        seen[shown] = value


def check(args: list[str], options: dict[str, bool]) -> None:
    """A usage error for an empty value, an option where its value belongs, or a folder that is not there."""
    for index, arg in enumerate(args):
        if arg == "--":  # from here on only arguments; an empty one is still a mistake
            if any(not rest.strip() for rest in args[index + 1 :]):
                raise _empty_argument()
            return
        before = args[index - 1] if index else ""
        wants_value = options.get(before, False)
        name, has_value, value = arg.partition("=")
        if has_value and options.get(name, False):
            before, wants_value, arg = name, True, value
        if not arg.strip():
            if wants_value:
                raise UsageError(f"{before} is leeg.", f"Geef een waarde achter {before}, of laat de optie weg.")
            raise _empty_argument()
        if wants_value and (arg in options or arg.partition("=")[0] in options):
            raise UsageError(
                f"{before} heeft een waarde nodig; '{arg}' is een optie.",
                f"Zet de waarde direct achter {before}; komt ze uit een variabele, controleer of die gevuld is.",
            )
        if wants_value and before in _OUTPUT_OPTIONS and arg.endswith(("/", os.sep)) and not os.path.isdir(arg):
            raise UsageError(f"De map {arg} bestaat niet.", "Maak haar eerst aan, of geef een bestandsnaam.")


def _empty_argument() -> UsageError:
    return UsageError(
        "Een leeg argument ('').", "Laat het weg of vul het in; komt het uit een variabele, controleer die dan."
    )
