"""The reference pages written from the code: docs/data.md from ``records``, docs/codes.md from the codes.

``records`` is the one place a field is described, ``codes.SPECS`` and
``signals.CODES`` the one place a code is; this view lays them out as Markdown,
so the reference cannot drift from the code. Regenerate with

    python -m partnerbeeld.views.datadoc > docs/data.md
    python -m partnerbeeld.views.datadoc codes > docs/codes.md

``tests/test_docs.py`` fails when a committed file is not current.
"""

# No ``from __future__ import annotations`` needed: field types are read as objects.

import datetime as dt
import textwrap
import typing
from enum import Enum
from typing import Annotated, Any

from partnerbeeld.model.codes import SPECS, Example, Spec
from partnerbeeld.model.recordbase import BOOLEAN_WORDS, FieldSpec, Record, Rule
from partnerbeeld.model.records import (
    MULTILINE_FIELDS,
    RECORD_FOLDERS,
    SINGLE_FILES,
    SLUG_CHARACTERS,
    SLUG_EXAMPLE,
    SLUG_RULE,
    Text,
)
from partnerbeeld.model.severity import Severity

INTRO = """\
<!-- Gemaakt door `python -m partnerbeeld.views.datadoc > docs/data.md`; niet met de hand bewerken.
     De beschrijvingen staan in partnerbeeld/model/records.py. -->

# De velden van de dataset

Voor wie de YAML-bestanden in `data/` bijhoudt: welke velden elk soort bestand heeft,
wat ze betekenen, welke verplicht zijn en welke waarden mogen. Elke waarde wordt als tekst
gelezen; het veld bepaalt het type. Een editor met de JSON Schema's uit `schemas/` toont
dezelfde uitleg tijdens het typen (zie [ci.md](ci.md#hulp-in-je-editor-schema)).
Wat `valideer` meldt als iets niet klopt, staat in [codes.md](codes.md).

- **code**: {code_characters}, bijv. `{code_example}`
  (hoogstens {code_length} tekens). Het id van een record is gelijk aan de bestandsnaam zonder `.yaml`.
- **tekst**: niet leeg, hoogstens {text_length} tekens; spaties eromheen tellen niet.
- **datum**: `JJJJ-MM-DD`.
- **ja/nee**: {booleans} (hoofdletters tellen niet).
- Over meer regels (een blok met `|` of `>`) mogen alleen: {multiline}; in elk ander veld
  is een regelovergang een fout.
"""


def data_reference() -> str:
    """The Markdown of docs/data.md: every file kind, then every nested record, field by field."""
    booleans = ", ".join(f"`{word}`" for word in BOOLEAN_WORDS)
    multiline = ", ".join(f"`{name}`" for name in sorted(MULTILINE_FIELDS))
    text_rule = typing.get_args(Text)[1]
    intro = INTRO.format(
        booleans=booleans,
        multiline=multiline,
        code_characters=SLUG_CHARACTERS,
        code_example=SLUG_EXAMPLE,
        code_length=SLUG_RULE.max_length,
        text_length=text_rule.max_length,
    )
    parts = [intro]
    nested: list[type[Record]] = []
    for file_name, record in SINGLE_FILES.items():
        parts.append(_section(f"`{file_name}`", record, nested))
    for folder, record in RECORD_FOLDERS.items():
        parts.append(_section(f"`{folder}/`: één bestand per record", record, nested))
    done = set(SINGLE_FILES.values()) | set(RECORD_FOLDERS.values())
    while nested:  # records inside records, in the order they are first met
        record = nested.pop(0)
        if record not in done:
            done.add(record)
            parts.append(_section(f"`{record.__name__}`", record, nested))
    return "\n".join(parts)


def _section(title: str, record: type[Record], nested: list[type[Record]]) -> str:
    lines = [f"## {title}", "", f"Record `{record.__name__}`.", ""]
    lines += ["| veld | type | verplicht | standaard | betekenis |", "|---|---|---|---|---|"]
    for spec in record.fields.values():
        kind = _type_text(spec.annotation, nested)
        lines.append(f"| `{spec.name}` | {kind} | {_required(spec)} | {_default(spec)} | {_cell(spec.description)} |")
    violation = getattr(record, "violation", None)
    if violation is not None:  # the rule no single field states; with no values given it names itself
        lines += ["", f"Verder geldt: {violation({})}."]
    return "\n".join(lines) + "\n"


def _required(spec: FieldSpec) -> str:
    return "ja" if spec.required else "nee"


def _default(spec: FieldSpec) -> str:
    if spec.required:
        return ""
    value = spec.make_default()
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    if isinstance(value, (list, dict)) and not value:
        return "leeg"
    if isinstance(value, Record):
        return "zie onder"
    return f"`{value}`"


def _type_text(annotation: Any, nested: list[type[Record]]) -> str:
    """The field's type as a maintainer reads it: 'lijst van code', 'datum', 'een van: ...'."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        base, *extras = typing.get_args(annotation)
        rules = [extra for extra in extras if isinstance(extra, Rule)]
        if base is str and _is_code(rules):
            return "code"
        return _type_text(base, nested) + _rule_text(base, rules)
    if origin in (typing.Union, _union_type()):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return " of ".join(_type_text(arg, nested) for arg in args)
    if origin is list:
        return "lijst van " + _type_text(typing.get_args(annotation)[0], nested)
    if origin is dict:
        key, value = typing.get_args(annotation)
        return f"per {_type_text(key, nested)}: {_type_text(value, nested)}"
    if isinstance(annotation, type) and issubclass(annotation, Record):
        nested.append(annotation)
        return f"[`{annotation.__name__}`](#{annotation.__name__.lower()})"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "een van: " + ", ".join(f"`{member.value}`" for member in annotation)
    return _SIMPLE.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _union_type() -> Any:
    return type(int | None)


_SIMPLE: dict[Any, str] = {str: "tekst", int: "geheel getal", bool: "ja/nee", dt.date: "datum"}


def _rule_text(base: Any, rules: list[Rule]) -> str:
    """The limits of a rule in words; the pattern and lengths of plain text and codes are in the intro."""
    if base is str:
        return ""
    words = []
    for rule in rules:
        if rule.ge is not None and rule.le is not None:
            words.append(f"{rule.ge} tot en met {rule.le}")
        elif rule.ge is not None:
            words.append(f"minstens {rule.ge}")
        if rule.min_length:
            words.append(f"minstens {rule.min_length}")
        if rule.max_length is not None and typing.get_origin(base) in (list, dict):
            words.append(f"hoogstens {rule.max_length}")
    return f" ({', '.join(words)})" if words else ""


def _is_code(rules: list[Rule]) -> bool:
    return SLUG_RULE in rules


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


CODES_INTRO = """\
<!-- Gemaakt door `python -m partnerbeeld.views.datadoc codes > docs/codes.md`; niet met de hand bewerken.
     De codes staan in partnerbeeld/model/codes.py en partnerbeeld/answers/signals.py. -->

# Codes van bevindingen en signalen

Elke bevinding van `valideer` en elk signaal van `signalen` heeft een vaste code: een code
wordt nooit hernoemd of opnieuw gebruikt, dus scripts en acceptaties kunnen erop bouwen.
Hoe je een bevinding of signaal accepteert (met reden en einddatum): [ci.md](ci.md#bevindingen-accepteren).

## Bevindingen (`valideer`)

Alleen een waarschuwing kun je accepteren; een fout los je op. `partnerbeeld valideer --codes`
toont dezelfde lijst.

| code | ernst | waar | betekenis |
|---|---|---|---|
"""

EXAMPLES_INTRO = """
### Voorbeelden

Bij elke code een verkeerd voorbeeld en een goed. Elk voorbeeld is één bestand (of map) in een
verder goede dataset met de gemeenten `leiden` en `gouda`, het incidenttype `drinkwater` en
de accounthouder `a-holder`. Het verkeerde voorbeeld geeft precies deze code op de genoemde regel,
het goede geen enkele bevinding; de tests controleren dat voor elke code.
"""

SIGNALS_INTRO = """
## Signalen (`signalen`)

Wanneer elk signaal ontstaat, staat bij [`signalen`](commands.md#wat-vraagt-aandacht-signalen-en-accounthouders).
`partner-zonder-24-7-nummer` en `partner-zonder-accounthouder` zijn dezelfde feiten als de
waarschuwingen `primair-contact-ontbreekt` en `accounthouder-ontbreekt` van `valideer`, met
dezelfde regel; in `signalen` is een gealarmeerde partner zonder 24/7-nummer een `fout`,
omdat je hem bij een incident niet bereikt.

| code | ernst | soort | betekenis |
|---|---|---|---|
"""


def codes_reference() -> str:
    """The Markdown of docs/codes.md: every finding code with its examples, then every signal code."""
    from partnerbeeld.answers.signals import CODES as SIGNAL_CODES

    rows = [CODES_INTRO]
    for spec in SPECS:
        rows.append(f"| `{spec.code}` | {spec.severity} | {spec.applies_to} | {_cell(spec.meaning)} |\n")
    rows.append(EXAMPLES_INTRO)
    rows += [_spec_section(spec) for spec in SPECS]
    rows.append(SIGNALS_INTRO)
    for code, (kind, level, meaning) in SIGNAL_CODES.items():
        rows.append(f"| `{code}` | {level.value} | {kind.value} | {_cell(meaning)} |\n")
    return "".join(rows)


def _spec_section(spec: Spec) -> str:
    where = "zonder regelnummer" if spec.bad.line == 0 else f"regel {spec.bad.line}"
    lines = ["", f"#### `{spec.code}`", "", f"{spec.meaning} Ernst: {spec.severity}; waar: {spec.applies_to}.", ""]
    lines += [f"Verkeerd (`{spec.bad.file}`, {where}):", "", *_example(spec.bad)]
    if spec.also:
        lines += ["", "Komt samen met " + ", ".join(f"`{code}`" for code in sorted(spec.also)) + "."]
    lines += ["", f"Goed (`{spec.good.file}`):", "", *_example(spec.good)]
    return "\n".join(lines) + "\n"


_SHOWN_LINES, _SHOWN_CHARACTERS = 12, 100  # longer examples are shortened: the point is their shape


def _example(example: Example) -> list[str]:
    """An example as Markdown: what text cannot show in words, the text in a YAML block."""
    said = [example.note] if example.note else []
    if example.link is not None:
        said.append(f"`{example.file}` is een koppeling naar `{example.link}`.")
    elif example.text is None:
        said.append(f"`{example.file}` bestaat niet.")
    said += [f"Met `{other}` ernaast." for other, _ in example.beside]
    lines = [" ".join(said)] if said else []
    if example.text is None or example.link is not None:
        return lines
    text = example.text.splitlines()
    if len(text) > _SHOWN_LINES:
        left_out = len(text) - _SHOWN_LINES + 1
        text = [*text[: _SHOWN_LINES - 4], f"# … ({left_out} regels weggelaten)", *text[-3:]]
    text = [line if len(line) <= _SHOWN_CHARACTERS else line[:_SHOWN_CHARACTERS] + " …" for line in text]
    return [*lines, *([""] if lines else []), "```yaml", *text, "```"]


def codes_text(width: int = 80) -> str:
    """The finding codes for ``valideer --codes``: errors, then warnings, each code with its meaning."""
    column = max(len(spec.code) for spec in SPECS) + 4
    wrapper = textwrap.TextWrapper(
        width=max(width, column + 20), subsequent_indent=" " * column, break_long_words=False, break_on_hyphens=False
    )
    parts = [f"Codes van bevindingen van valideer ({len(SPECS)}). Voorbeelden: docs/codes.md."]
    for severity, title in (
        (Severity.FOUT, "Fouten (los je op):"),
        (Severity.WAARSCHUWING, "Waarschuwingen (kun je accepteren):"),
    ):
        parts += ["", title]
        for spec in SPECS:
            if spec.severity is severity:
                parts += wrapper.wrap(f"  {spec.code:<{column - 2}}{spec.meaning}")
    return "\n".join(parts) + "\n"


def codes_json() -> str:
    """The finding codes as JSON for scripts: code, ernst, waar and betekenis, in the order of the docs."""
    from partnerbeeld.views.jsondoc import dump  # lazily, as json was: the other docs do not need it

    codes = [
        {"code": spec.code, "ernst": spec.severity.value, "waar": spec.applies_to, "betekenis": spec.meaning}
        for spec in SPECS
    ]
    return dump({"codes": codes})


if __name__ == "__main__":
    import sys

    print(codes_reference() if sys.argv[1:] == ["codes"] else data_reference(), end="")
