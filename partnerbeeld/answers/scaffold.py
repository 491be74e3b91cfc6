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
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from partnerbeeld.infra.atomic import AlreadyExists, write_atomic
from partnerbeeld.infra.errors import NotFound, Remedy, UsageError, os_reason
from partnerbeeld.infra.suggest import closest
from partnerbeeld.model.models import model_of
from partnerbeeld.model.records import RECORD_FOLDERS, SLUG_RULE
from partnerbeeld.model.vocabulary import CovenantStatus, CovenantTopic, ExerciseKind, Mode, Team
from partnerbeeld.reading import yamlsource
from partnerbeeld.reading.fielderrors import translate
from partnerbeeld.reading.source import Source

# Dutch kind (the command's argument) -> (folder, schema file)
KINDS = {
    "partner": ("partners", "partner.schema.json"),
    "profiel": ("profiles", "profile.schema.json"),
    "convenant": ("covenants", "covenant.schema.json"),
    "oefening": ("exercises", "exercise.schema.json"),
}
# Draft's name for a record field where the two differ: `--naam` gives a partner's name and a
# covenant's title alike, and an exercise's kind is not the kind of record the command makes.
DRAFT_FIELD = {"title": "name", "kind": "exercise_kind"}
assert SLUG_RULE.pattern is not None and SLUG_RULE.max_length is not None
_SLUG = re.compile(SLUG_RULE.pattern)
MAX_ID: int = SLUG_RULE.max_length
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
    record = RECORD_FOLDERS[KINDS[kind][0]]
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
        raise UsageError(
            f"'{value}' is geen geldig {what}.",
            "Gebruik kleine letters, cijfers en koppeltekens, bijv. 'hoogheemraadschap-van-rijnland'.",
        )
    return value


def scalar(text: str) -> str:
    """A value as YAML text: plain when that reads unambiguously, else double-quoted."""
    if _PLAIN.match(text) and not _LOOKS_TYPED.match(text) and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _flow(items: tuple[str, ...]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def _optional(key: str, value: str | None, example: str) -> str:
    return f"{key}: {scalar(value)}" if value else f"# {key}: {example}"


def _header(draft: Draft, title: str) -> list[str]:
    schema = KINDS[draft.kind][1]
    return [
        f"# yaml-language-server: $schema=../../schemas/{schema}",
        f"# {title} Gemaakt met 'partnerbeeld nieuw {draft.kind}'.",
        "# Regels met # zijn toelichting (met een hoofdletter) of een voorbeeldveld (kleine letters):",
        "# haal bij een voorbeeldveld het '# ' weg om het te gebruiken. Ja/nee-velden: ja of nee.",
        "",
        "# Unieke code, gelijk aan de bestandsnaam (zonder .yaml). Andere records verwijzen ernaar.",
        f"id: {draft.id}",
    ]


def _partner(draft: Draft, today: dt.date) -> list[str]:
    return [
        *_header(draft, "Een crisispartner: een organisatie waarmee de regio samenwerkt."),
        "# Naam van de organisatie.",
        f"name: {scalar(draft.name)}",
        "# Sector als code, bijv. waterbeheer, drinkwater, energie, zorg.",
        f"sector: {scalar(draft.sector or '')}",
        "# Partnerprofielen (ids uit profiles/): hoe de regio standaard met deze partner samenwerkt.",
        f"profiles: {_flow(draft.profiles)}",
        "# Accounthouder (id uit accountholders.yaml) die het contact met deze partner onderhoudt.",
        _optional("account_holder", draft.account_holder, "m-jansen"),
        "# Gemeenten (ids uit partnerbeeld.yaml) waar de partner actief is; weglaten = de hele regio.",
        "# area: [leiden, katwijk]",
        "# Datum (JJJJ-MM-DD) waarop de contactgegevens voor het laatst met de partner zijn gecontroleerd.",
        f"# verified_on: {today.isoformat()}",
        "# Contacten. Het nummer dat je als eerste belt krijgt 'primary: ja' en 'available: 24/7'.",
        "# Met 'confidential: ja' staat een contact alleen in exports met --vertrouwelijk.",
        "# contacts:",
        "#   - label: Piket crisiscoördinatie",
        "#     phone: 071 000 00 00",
        "#     available: 24/7",
        "#     primary: ja",
        "#   - label: Liaison ROT",
        "#     person: Voornaam Achternaam",
        "#     mobile: 06 12 34 56 78",
        "#     email: naam@organisatie.nl",
        "#     confidential: ja",
        "# Afwijkingen van het profiel, per incidenttypecode (zie incidenttypes.yaml).",
        "# roles:",
        "#   wateroverlast: {modes: [liaison], teams: [rot], from_grip: 1, task: Liaison in het ROT}",
    ]


def _roles_example() -> list[str]:
    return [
        "# Per incidenttypecode (zie incidenttypes.yaml): hoe de regio met dit soort partner samenwerkt.",
        "# Een rol op een bovenliggend type geldt ook voor de typen eronder; een specifiekere rol wint.",
        "# roles:",
        "#   overstroming:",
        f"#     modes: [alarmeren, liaison]   # {', '.join(m.value for m in Mode)}",
        f"#     teams: [rot]                  # {', '.join(t.value for t in Team)}",
        "#     from_grip: 2                  # vanaf dit GRIP-niveau (0 tot en met 5)",
        "#     task: Advies over waterkeringen en peilbeheer",
    ]


def _profile(draft: Draft, today: dt.date) -> list[str]:
    return [
        *_header(draft, "Een partnerprofiel: hoe de regio samenwerkt met een soort partner."),
        "# Naam van het profiel, bijv. Waterbeheerder.",
        f"name: {scalar(draft.name)}",
        "# Welke partners dit profiel hebben.",
        "# description: Waterschappen en Rijkswaterstaat",
        *_roles_example(),
    ]


def _covenant(draft: Draft, today: dt.date) -> list[str]:
    return [
        *_header(draft, "Een convenant: schriftelijke afspraken tussen de regio en partners."),
        "# Titel van het convenant.",
        f"title: {scalar(draft.name)}",
        "# De partners die het convenant sloten (ids uit partners/).",
        f"partners: {_flow(draft.partners)}",
        f"# Status: {', '.join(s.value for s in CovenantStatus)}.",
        f"status: {draft.status}",
        "# Data als JJJJ-MM-DD. Geldig tot: weglaten = voor onbepaalde tijd.",
        f"# signed_on: {today.isoformat()}",
        "# valid_until: 2030-12-31",
        f"# last_reviewed_on: {today.isoformat()}",
        "# Evalueren en samen oefenen: om de zoveel maanden.",
        "# review_every_months: 24",
        "# exercise_every_months: 24",
        "# Accounthouder (id uit accountholders.yaml) die het convenant bijhoudt.",
        _optional("account_holder", draft.account_holder, "m-jansen"),
        f"# Onderwerpen: {', '.join(t.value for t in CovenantTopic)}.",
        "# covers: [alarmering, crisisteams, informatiedeling, oefenen]",
        "# Ondertekenaars (naam en functie) en concrete werkafspraken.",
        "# signatories:",
        "#   - Voorzitter veiligheidsregio",
        "# arrangements:",
        "#   - De partner levert bij GRIP 2 of hoger een liaison in het ROT",
    ]


def _exercise(draft: Draft, today: dt.date) -> list[str]:
    return [
        *_header(draft, "Een oefening van de regio samen met partners."),
        "# Titel van de oefening.",
        f"title: {scalar(draft.name)}",
        "# Datum van de oefening (JJJJ-MM-DD).",
        f"date: {draft.date.isoformat() if draft.date else ''}",
        f"# Soort: {', '.join(k.value for k in ExerciseKind)}.",
        f"kind: {draft.exercise_kind}",
        "# Deelnemende partners (ids uit partners/).",
        f"partners: {_flow(draft.partners)}",
        "# Geoefende incidenttypen (codes uit incidenttypes.yaml).",
        f"incident_types: {_flow(draft.incident_types)}"
        if draft.incident_types
        else "# incident_types: [overstroming]",
        "# Convenant waaronder geoefend werd (id uit covenants/).",
        _optional("covenant", draft.covenant, "convenant-waterbeheer"),
        "# Opmerking, bijv. de belangrijkste leerpunten.",
        "# note: Alarmering verliep goed; liaison was na 40 minuten in het ROT.",
    ]


_RENDERERS = {"partner": _partner, "profiel": _profile, "convenant": _covenant, "oefening": _exercise}


def render(draft: Draft, today: dt.date) -> str:
    """The file's text."""
    return "\n".join(_RENDERERS[draft.kind](draft, today)) + "\n"


def target(root: Path, draft: Draft) -> Path:
    return root / KINDS[draft.kind][0] / f"{draft.id}.yaml"


def _self_check(text: str, draft: Draft) -> None:
    """Parse and validate our own output as `valideer` would; a bad value becomes a usage error."""
    parsed = yamlsource.parse(text.encode("utf-8"))
    if isinstance(parsed, yamlsource.Problem):  # pragma: no cover - scalar() quotes everything risky
        raise UsageError(f"Het nieuwe bestand zou ongeldige YAML zijn: {parsed.message}")
    model = model_of(RECORD_FOLDERS[KINDS[draft.kind][0]])
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
