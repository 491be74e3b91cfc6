"""pydantic's validation errors as Dutch findings at the line of the value, key or mapping.

pydantic reports a location such as ``("contacts", 2, "phone")``; the record's
``Source`` turns that into a line and column. Messages name the field as people
read it (``contacts[2].phone``) and each comes with a hint how to fix it.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel

from partnerbeeld.infra.safetext import lookalikes
from partnerbeeld.infra.suggest import closest, normalise
from partnerbeeld.model.confidentiality import looks_like_field_name, secret_at
from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.model.recordbase import BOOLEAN_HINT
from partnerbeeld.model.records import SLUG_CHARACTERS, SLUG_EXAMPLE
from partnerbeeld.reading.source import Source

_MESSAGES = {
    "date_from_datetime_parsing": "is geen geldige datum",
    "date_parsing": "is geen geldige datum",
    "date_type": "is geen geldige datum",
    "int_parsing": "is geen geheel getal",
    "int_type": "is geen geheel getal",
    "int_parsing_size": "is te groot",
    "string_unicode": "bevat een ongeldig teken",
    "date_from_datetime_inexact": "is een tijdstip, geen datum",
    "too_long": "heeft te veel waarden",
    "bool_parsing": "is geen ja/nee-waarde",
    "bool_type": "is geen ja/nee-waarde",
    "string_type": "moet tekst zijn, geen lijst of mapping",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een mapping (sleutel: waarde) zijn",
    "model_type": "moet een mapping (sleutel: waarde) zijn",
    "model_attributes_type": "moet een mapping (sleutel: waarde) zijn",
    "string_pattern_mismatch": f"mag alleen {SLUG_CHARACTERS} bevatten",  # ids and codes: the only pattern
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "is te lang",
    "too_short": "mag niet leeg zijn",
    "greater_than_equal": "is te klein",
    "less_than_equal": "is te groot",
    "enum": "is geen toegestane waarde",
}
_HINTS = {
    "date_from_datetime_parsing": "Schrijf een datum als JJJJ-MM-DD, bijv. 2026-05-12.",
    "date_parsing": "Schrijf een datum als JJJJ-MM-DD, bijv. 2026-05-12.",
    "date_type": "Schrijf een datum als JJJJ-MM-DD, bijv. 2026-05-12.",
    "int_parsing": "Schrijf een geheel getal, bijv. 2.",
    "date_from_datetime_inexact": "Schrijf alleen de datum als JJJJ-MM-DD, bijv. 2026-05-12.",
    "string_unicode": "Verwijder het teken (een losse \\u-escape zonder zijn tweede helft).",
    "bool_parsing": BOOLEAN_HINT,
    "string_type": "Zet de waarde op dezelfde regel achter de dubbele punt.",
    "list_type": "Schrijf een lijst als [a, b] of met '- ' per regel.",
    "string_pattern_mismatch": f"Bijvoorbeeld '{SLUG_EXAMPLE}'.",
    "too_short": "Vul minstens één waarde in.",
    "string_too_short": "Vul een waarde in, of laat het veld weg.",
    "model_type": "Schrijf de velden als 'sleutel: waarde' op eigen regels, iets verder ingesprongen.",
    "model_attributes_type": "Schrijf de velden als 'sleutel: waarde' op eigen regels, iets verder ingesprongen.",
    "dict_type": "Schrijf 'sleutel: waarde' op eigen regels, iets verder ingesprongen.",
}


def _slug_like(value: object) -> str:
    """'Partner A' -> 'partner-a': the hint for a value that must be a slug."""
    words = re.findall(r"[a-z0-9]+", normalise(str(value)))
    return "-".join(words)


def _hint(kind: str, value: object, ctx: dict[str, Any]) -> str:
    if kind == "string_pattern_mismatch" and (slug := _slug_like(value)):
        return f"Bijvoorbeeld '{slug}'."
    if kind in ("greater_than_equal", "less_than_equal") and ctx:
        limit = next(iter(ctx.values()))
        return f"Kies een getal van {'minstens' if kind == 'greater_than_equal' else 'hoogstens'} {limit}."
    return _HINTS.get(kind, "")


def _annotation_model(annotation: Any) -> Any:
    """Strip Optional/Annotated layers from a field annotation."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The annotation that ``loc`` points into (a model, list, dict or scalar type)."""
    current: Any = model
    for part in loc:
        current = _annotation_model(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if not isinstance(part, str) or part not in current.model_fields:
                return None
            current = current.model_fields[part].annotation
        elif typing.get_origin(current) in (list, dict):
            current = typing.get_args(current)[-1]
        else:
            return None
    return _annotation_model(current)


def _dotted(loc: tuple[Any, ...]) -> str:
    """A pydantic location as people read it: ``contacts[2].phone``, ``roles.brand.modes[1]``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(bestand)"


def translate(error: Any, source: Source, model: type[BaseModel]) -> Finding:
    """One pydantic error as a Dutch finding at the line of the value, key or mapping it is about."""
    loc = tuple(error["loc"])
    kind = error["type"]
    if loc and loc[-1] == "[key]":  # a dict key failed (e.g. a role code): point at the key itself
        loc = loc[:-1]
        shown = f"De sleutel '{loc[-1]}' in {_dotted(loc[:-1])}"
        text = _MESSAGES.get(kind, str(error["msg"]))
        return source.finding(
            loc,
            Severity.FOUT,
            "veld-ongeldig",
            f"{shown} {text}.",
            _hint(kind, loc[-1], error.get("ctx") or {}),
            key=True,
        )
    if kind == "missing":
        name, where = str(loc[-1]), ("dit record" if len(loc) == 1 else _dotted(loc[:-1]))
        return source.finding(
            loc[:-1],
            Severity.FOUT,
            "veld-ontbreekt",
            f"Het verplichte veld '{name}' ontbreekt.",
            f"Voeg '{name}: ...' toe aan {where}.",
        )
    if kind == "extra_forbidden":
        return _unknown_key(loc, source, model)
    value = error.get("input")
    field_name = _dotted(loc)
    if value is None and kind.endswith("_type"):  # `name:` with nothing after it
        parent = _model_at(model, loc[:-1])
        info = (
            parent.model_fields.get(str(loc[-1]))
            if isinstance(parent, type) and issubclass(parent, BaseModel)
            else None
        )
        hint = "Vul een waarde in achter de dubbele punt" + (
            ", of laat het veld weg." if info and not info.is_required() else "."
        )
        return source.finding(loc, Severity.FOUT, "veld-ongeldig", f"{field_name} is leeg.", hint)
    # valideer's output ends up in CI logs: a value that may belong to a confidential contact
    # is pointed at by file and line, never repeated, whatever field it is in
    quotable = isinstance(value, str) and len(value) < 60 and not secret_at(_record_data(source), loc)
    shown = f" ('{value}')" if quotable else ""
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",") if o.strip(" '")]
        guess = closest(value, options, n=1) if isinstance(value, str) else []
        hint = (f"Bedoelde je '{guess[0]}'? " if guess else "") + "Kies uit: " + ", ".join(options) + "."
        return source.finding(
            loc, Severity.FOUT, "veld-ongeldig", f"{field_name}{shown} is geen toegestane waarde.", hint
        )
    if kind == "value_error":
        message = str(error["msg"]).removeprefix("Value error, ")
        return source.finding(loc, Severity.FOUT, "veld-ongeldig", f"{field_name}: {message}.", "")
    text = _MESSAGES.get(kind, str(error["msg"]))
    if kind in ("greater_than_equal", "less_than_equal") and error.get("ctx"):
        limit = next(iter(error["ctx"].values()))
        text = f"{text} (grens: {limit})"
    hint = _hint(kind, value, error.get("ctx") or {})
    return source.finding(loc, Severity.FOUT, "veld-ongeldig", f"{field_name}{shown} {text}.", hint)


def _record_data(source: Source) -> Any:
    """The raw mapping of the record ``source`` points at (a whole file, or one entry of a list)."""
    data = source.doc.data
    for part in source.base:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _unknown_key(loc: tuple[Any, ...], source: Source, model: type[BaseModel]) -> Finding:
    name = str(loc[-1])
    parent = _model_at(model, loc[:-1])
    fields = list(parent.model_fields) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
    guess = closest(name, fields, n=1)
    hint = f"Bedoelde je '{guess[0]}'?" if guess else ("Toegestaan: " + ", ".join(fields) + "." if fields else "")
    where = f" in {_dotted(loc[:-1])}" if len(loc) > 1 else ""
    if secret_at(_record_data(source), loc) and not looks_like_field_name(name):
        # in a confidential contact a 'key' with digits or an @ may be the number or address itself
        return source.finding(loc, Severity.FOUT, "veld-onbekend", f"Onbekend veld{where}.", hint, key=True)
    # 'nаme' with a Cyrillic а: say why it is not 'name', which the eye cannot see
    alike = lookalikes(name)
    shown = f"'{name}' {alike}" if alike else f"'{name}'"
    return source.finding(loc, Severity.FOUT, "veld-onbekend", f"Onbekend veld {shown}{where}.", hint, key=True)
