"""`nieuw` as a library call: a new, valid, commented record file in the right folder.

The file teaches the format: each field has a Dutch comment, optional fields
are shown as commented examples, and the first line points the editor at the
JSON Schema. Before writing, the text is parsed and validated exactly as
``valideer`` would, so the command never leaves a file it cannot read itself.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from partnerbeeld.infra.atomic import AlreadyExists, write_atomic
from partnerbeeld.infra.errors import NotFound, Remedy, UsageError, os_reason
from partnerbeeld.infra.suggest import closest
from partnerbeeld.model.models import model_of
from partnerbeeld.model.recordbase import Record
from partnerbeeld.model.records import RECORD_FOLDERS, SLUG_RULE, Contact, Role
from partnerbeeld.model.vocabulary import CovenantStatus
from partnerbeeld.reading import yamlsource
from partnerbeeld.reading.fielderrors import translate
from partnerbeeld.reading.source import Source


class Kind(NamedTuple):
    folder: str
    schema: str  # the JSON Schema file the first line points editors at


# Dutch kind (the command's argument) -> where its files go; what they are says ``Record.about``
KINDS = {
    "partner": Kind("partners", "partner.schema.json"),
    "profiel": Kind("profiles", "profile.schema.json"),
    "convenant": Kind("covenants", "covenant.schema.json"),
    "oefening": Kind("exercises", "exercise.schema.json"),
}
# Draft's name for a record field where the two differ: `--naam` gives a partner's name and a
# covenant's title alike, and an exercise's kind is not the kind of record the command makes.
DRAFT_FIELD = {"title": "name", "kind": "exercise_kind"}
if not (SLUG_RULE.pattern and SLUG_RULE.max_length and SLUG_RULE.description):  # records states all three
    raise RuntimeError("records.SLUG_RULE needs a pattern, a maximum length and a description")
_SLUG = re.compile(SLUG_RULE.pattern)
MAX_ID: int = SLUG_RULE.max_length
# the rule's description, as an instruction: "Gebruik kleine letters, cijfers en koppeltekens, bijv. ..."
SLUG_HINT = f"Gebruik {SLUG_RULE.description[:1].lower()}{SLUG_RULE.description[1:]}"
_PLAIN = re.compile(r"^[\w(][\w .,()/'’+&-]*$")  # safe as a plain YAML scalar, for people and editors
_LOOKS_TYPED = re.compile(r"^([-+0-9.: ]+|true|false|yes|no|on|off|null|y|n)$", re.IGNORECASE)


@dataclass(frozen=True)
class Draft:
    """What a person told us about the new record; ``id`` may be empty (then proposed from the name)."""

    kind: str
    name: str = ""
    id: str = ""
    sector: str | None = None
    profiles: tuple[str, ...] = ()
    account_holder: str | None = None
    partners: tuple[str, ...] = ()
    status: str = CovenantStatus.CONCEPT.value
    date: dt.date | None = None
    exercise_kind: str | None = None
    incident_types: tuple[str, ...] = ()
    covenant: str | None = None

    def missing(self) -> list[str]:
        """The required fields still empty."""
        return [name for name in required_fields(self.kind) if not getattr(self, name)]


def required_fields(kind: str) -> tuple[str, ...]:
    """The Draft fields ``kind`` needs before a file can be written: its record's required fields but the id.

    A required field with a default here (a covenant's status: concept) is never missing.
    """
    record = RECORD_FOLDERS[KINDS[kind].folder]
    return tuple(DRAFT_FIELD.get(name, name) for name, spec in record.fields.items() if spec.required and name != "id")


def is_slug(value: str) -> bool:
    """Whether ``value`` is a valid id or code (``records.SLUG_RULE``), as a whole: "abc\\n" is not."""
    return _SLUG.fullmatch(value) is not None and len(value) <= MAX_ID


def propose_id(name: str) -> str:
    """A slug from a name: 'Hoogheemraadschap van Rijnland' -> 'hoogheemraadschap-van-rijnland'."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    slug = "-".join(re.findall(r"[a-z0-9]+", plain.lower().replace("'", "")))
    while len(slug) > MAX_ID:  # cut at a word boundary
        slug = slug.rsplit("-", 1)[0] if "-" in slug else slug[:MAX_ID]
    return slug


def check_sector(sector: str, known: Iterable[str]) -> str:
    """``sector`` when a partner in the data has it; else NotFound with the closest sectors.

    A sector nobody has yet is most often a typo ('enrgie'); one that is really new is
    written once by hand, after which `nieuw` knows it. An empty dataset knows none: any goes.
    """
    sectors = sorted(set(known))
    if not sectors or sector in sectors:
        return sector
    suggestions = closest(sector, sectors)
    raise NotFound(
        f"Onbekende sector '{sector}': geen partner in de data heeft die.",
        hint=("Bedoelde je " + ", ".join(suggestions) + "? " if suggestions else "")
        + "Sectoren in de data: "
        + ", ".join(sectors)
        + ". Een nieuwe sector: maak het bestand met een bestaande en pas 'sector:' daarna aan.",
    )


def check_slug(value: str, what: str) -> str:
    if not is_slug(value):
        raise UsageError(f"'{value}' is geen geldig {what}.", SLUG_HINT)
    return value


def scalar(text: str) -> str:
    """A value as YAML text: plain when that reads unambiguously, else double-quoted."""
    if _PLAIN.match(text) and not _LOOKS_TYPED.match(text) and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _flow(items: tuple[str, ...]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def _given(value: str | None) -> str | None:
    return scalar(value) if value else None


class _Field(NamedTuple):
    """One field of the new file, below its description from ``records``."""

    key: str
    value: str | None = None  # the YAML text written after 'key: '; None: the example is shown instead
    example: str | tuple[str, ...] = ""  # after '# key: ', or the lines below '# key:'


def _noted(line: str, record: type[Record], key: str) -> str:
    """An example line inside a nested example, with the nested field's description after it."""
    return f"{line:<32}# {record.fields[key].description}"


def _partner(draft: Draft, today: dt.date) -> list[_Field]:
    return [
        _Field("name", scalar(draft.name)),
        _Field("sector", scalar(draft.sector or "")),
        _Field("profiles", _flow(draft.profiles)),
        _Field("account_holder", _given(draft.account_holder), "m-jansen"),
        _Field("area", example="[leiden, katwijk]"),
        _Field("verified_on", example=today.isoformat()),
        _Field("website", example="https://www.organisatie.nl"),
        _Field(
            "contacts",
            example=(
                "- label: Piket crisiscoördinatie",
                "  phone: 071 000 00 00",
                "  available: 24/7",
                "  primary: ja",
                "- label: Liaison ROT",
                "  person: Voornaam Achternaam",
                "  mobile: 06 12 34 56 78",
                "  email: naam@organisatie.nl",
                _noted("  confidential: ja", Contact, "confidential"),
            ),
        ),
        _Field(
            "roles",
            example=("wateroverlast: {modes: [liaison], teams: [rot], from_grip: 1, task: Liaison in het ROT}",),
        ),
        _Field("note", example="Bij hoogwater ook het districtskantoor bellen"),
    ]


def _profile(draft: Draft, today: dt.date) -> list[_Field]:
    role = (
        "overstroming:",
        _noted("  modes: [alarmeren, liaison]", Role, "modes"),
        _noted("  teams: [rot]", Role, "teams"),
        _noted("  from_grip: 2", Role, "from_grip"),
        "  task: Advies over waterkeringen en peilbeheer",
    )
    return [
        _Field("name", scalar(draft.name)),
        _Field("description", example="Waterschappen en Rijkswaterstaat"),
        _Field("roles", example=role),
    ]


def _covenant(draft: Draft, today: dt.date) -> list[_Field]:
    return [
        _Field("title", scalar(draft.name)),
        _Field("partners", _flow(draft.partners)),
        _Field("status", draft.status),
        _Field("signed_on", example=today.isoformat()),
        _Field("valid_until", example="2030-12-31"),
        _Field("last_reviewed_on", example=today.isoformat()),
        _Field("review_every_months", example="24"),
        _Field("exercise_every_months", example="24"),
        _Field("account_holder", _given(draft.account_holder), "m-jansen"),
        _Field("covers", example="[alarmering, crisisteams, informatiedeling, oefenen]"),
        _Field("signatories", example=("- Voorzitter veiligheidsregio",)),
        _Field("arrangements", example=("- De partner levert bij GRIP 2 of hoger een liaison in het ROT",)),
        _Field("note", example="Evaluatie samen met de jaarlijkse oefening"),
    ]


def _exercise(draft: Draft, today: dt.date) -> list[_Field]:
    return [
        _Field("title", scalar(draft.name)),
        _Field("date", draft.date.isoformat() if draft.date else ""),
        _Field("kind", draft.exercise_kind or ""),
        _Field("partners", _flow(draft.partners)),
        _Field("incident_types", _flow(draft.incident_types) if draft.incident_types else None, "[overstroming]"),
        _Field("covenant", _given(draft.covenant), "convenant-waterbeheer"),
        _Field("note", example="Alarmering verliep goed; liaison was na 40 minuten in het ROT."),
    ]


_FIELDS = {"partner": _partner, "profiel": _profile, "convenant": _covenant, "oefening": _exercise}
_WIDTH = 110  # a comment line: most descriptions fit on one; a longer one is cut at its sentences
_SENTENCE_END = re.compile(r"(?<=[.!?]) +(?=[A-Z])")


def comment(text: str) -> list[str]:
    """A description as comment lines: whole, else a line per sentence, a long sentence wrapped at spaces."""
    sentences = [text] if len(text) <= _WIDTH - 2 else _SENTENCE_END.split(text)
    return [
        "# " + line
        for sentence in sentences
        for line in textwrap.wrap(sentence, _WIDTH - 2, break_on_hyphens=False, break_long_words=False)
    ]


def _lines(record: type[Record], field: _Field) -> list[str]:
    """A field under its description: with the draft's value, or as an example to uncomment."""
    described = comment(record.fields[field.key].description)
    if field.value is not None:
        return [*described, f"{field.key}: {field.value}"]
    if isinstance(field.example, str):
        return [*described, f"# {field.key}: {field.example}"]
    return [*described, f"# {field.key}:", *(f"#   {line}" for line in field.example)]


def render(draft: Draft, today: dt.date) -> str:
    """The file's text: a header on using it, then every field, each described as ``records`` describes it."""
    kind = KINDS[draft.kind]
    record = RECORD_FOLDERS[kind.folder]
    header = [
        f"# yaml-language-server: $schema=../../schemas/{kind.schema}",
        *comment(record.about),
        f"# Gemaakt met 'partnerbeeld nieuw {draft.kind}'.",
        "# Regels met # zijn toelichting (met een hoofdletter) of een voorbeeldveld (kleine letters):",
        "# haal bij een voorbeeldveld het '# ' weg om het te gebruiken. Ja/nee-velden: ja of nee.",
        "",
    ]
    fields = [_Field("id", draft.id), *_FIELDS[draft.kind](draft, today)]
    return "\n".join(header + [line for field in fields for line in _lines(record, field)]) + "\n"


def target(root: Path, draft: Draft) -> Path:
    return root / KINDS[draft.kind].folder / f"{draft.id}.yaml"


def _self_check(text: str, draft: Draft) -> None:
    """Parse and validate our own output as `valideer` would; a bad value becomes a usage error."""
    parsed = yamlsource.parse(text.encode("utf-8"))
    if isinstance(parsed, yamlsource.Problem):  # pragma: no cover - scalar() quotes everything risky
        raise UsageError(f"Het nieuwe bestand zou ongeldige YAML zijn: {parsed.message}")
    model = model_of(RECORD_FOLDERS[KINDS[draft.kind].folder])
    try:
        model.model_validate(parsed.data)
    except ValidationError as exc:
        # the loader's Dutch wording, so `nieuw` says what `valideer` would say
        finding = translate(exc.errors(include_url=False)[0], Source(Path(), parsed), model)
        raise UsageError(
            finding.message, finding.hint, remedy=None if finding.hint else Remedy.NEW_RECORD_OPTION
        ) from None


def create(root: Path, draft: Draft, today: dt.date) -> Path:
    """Write the new record file atomically; refuse (UsageError) when it exists or would be invalid."""
    check_slug(draft.id, "id")
    path = target(root, draft)
    existing = [p for p in (path, path.with_suffix(".yml")) if p.exists()]
    shown = (existing or [path])[0].relative_to(root.parent).as_posix()
    refusal = UsageError(
        f"{shown} bestaat al; partnerbeeld overschrijft geen bestaand record.",
        "Kies een ander id, of pas het bestaande bestand aan.",
        remedy=Remedy.RECORD_ID,
    )
    if existing:
        raise refusal
    text = render(draft, today)
    _self_check(text, draft)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file where the folder belongs, a loop of links, no permission
        reason = "er staat een bestand met die naam" if isinstance(exc, FileExistsError) else os_reason(exc)
        raise UsageError(
            f"De map {path.parent.name}/ kan niet worden gebruikt: {reason}.",
            f"Maak van {path.parent.name} een gewone map; 'partnerbeeld valideer' zegt wat er mis is.",
        ) from None
    try:
        write_atomic(path, text)  # never overwrites: refuses when another process got there first
    except AlreadyExists:
        raise refusal from None
    return path
