"""`partnerbeeld init` as a library call: a new, valid dataset for another safety region.

What a region gets: its settings (name, short name, classification, thresholds,
municipalities), the national incident-type tree with its aliases and the
standard partner profiles (both from the shipped dataset: a starting point),
empty record folders, the JSON Schemas, a .gitignore, a pre-commit
configuration, CI examples and a README for the people who keep the data.

The shipped files travel inside the wheel as ``partnerbeeld/starter/`` (see
``[tool.hatch.build.targets.wheel.force-include]`` in pyproject.toml); a source
checkout reads them from ``data/`` and ``examples/``. ``STARTER_FILES`` is that
mapping, and a test keeps it equal to pyproject's.

The whole folder is built beside the target and renamed into place at the end,
so a failure never leaves half a dataset behind.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from partnerbeeld.answers.scaffold import SLUG_HINT, check_slug, comment, is_slug, propose_id, scalar
from partnerbeeld.infra.errors import UsageError, os_reason
from partnerbeeld.model import records
from partnerbeeld.reading import yamlsource

_PACKAGE = Path(__file__).resolve().parent.parent  # partnerbeeld/, above answers/
_CHECKOUT = _PACKAGE.parent
# name inside partnerbeeld/starter/ (the wheel) -> path in a source checkout
STARTER_FILES = {
    "incidenttypes.yaml": "data/incidenttypes.yaml",
    "profiles": "data/profiles",
    "examples": "examples",
}
CLASSIFICATION = "Dienstgerubriceerd: alleen voor gebruik binnen de crisisorganisatie"
RECORD_DIRS = ("partners", "profiles", "covenants", "exercises", "plans")
_SMALL_WORDS = {"en", "aan", "den", "de", "het", "van", "op", "in"}


def shipped(name: str) -> Path:
    """A shipped starter file or folder: from the installed package, else from the checkout."""
    installed = _PACKAGE / "starter" / name
    return installed if installed.exists() else _CHECKOUT / STARTER_FILES[name]


@dataclass(frozen=True)
class Municipality:
    id: str
    name: str


@dataclass(frozen=True)
class Created:
    """What `init` made, for the command to report."""

    folder: Path
    region: str
    short_name: str
    municipalities: int
    incident_types: int
    aliases: int
    profiles: int
    git: bool


def short_name_of(region: str) -> str:
    """'Veiligheidsregio Utrecht' -> 'VRU'; 'Veiligheidsregio Zuid-Holland Zuid' -> 'VRZHZ'."""
    words = [w for w in region.replace("-", " ").split() if w.lower() not in _SMALL_WORDS]
    initials = "".join(("VR" if w.lower() == "veiligheidsregio" else w[0]) for w in words)
    return initials.upper() or region


# --- municipalities from a file ---------------------------------------------------------------


def read_municipalities(path: Path) -> list[Municipality]:
    """One name per line, or CSV with id and name (',' or ';', an optional header row)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise UsageError(f"Kan {path} niet lezen: {os_reason(exc)}.", "Geef een bestaand bestand.") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path} is geen UTF-8-tekst.", "Sla het op als UTF-8 (in Excel: 'CSV UTF-8').") from None
    return parse_municipalities(text, path.name)


def parse_municipalities(text: str, shown: str) -> list[Municipality]:
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1)]
    lines = [(n, line) for n, line in lines if line and not line.startswith("#")]
    if not lines:
        raise UsageError(f"{shown} bevat geen gemeenten.", "Zet één gemeente per regel, of 'id,naam' per regel.")
    delimiter = next((d for d in (";", ",", "\t") if any(d in line for _, line in lines)), None)
    result: list[Municipality] = []
    seen: dict[str, int] = {}
    for number, line in lines:
        if delimiter is None:
            name, given_id = line, ""
        else:
            cells = [c.strip() for c in next(csv.reader(io.StringIO(line), delimiter=delimiter))]
            if number == lines[0][0] and cells[0].lower() in {"id", "code"}:
                continue  # a header row
            if len(cells) < 2 or not cells[1]:
                raise UsageError(f"{shown}, regel {number}: verwacht 'id{delimiter}naam', gelezen '{line}'.")
            given_id, name = cells[0], cells[1]
        municipality_id = given_id or propose_id(name)
        if not is_slug(municipality_id):
            raise UsageError(
                f"{shown}, regel {number}: '{municipality_id}' is geen geldig id voor een gemeente.",
                SLUG_HINT,
            )
        if municipality_id in seen:
            first = seen[municipality_id]
            raise UsageError(f"{shown}, regel {number}: '{municipality_id}' staat ook op regel {first}.")
        seen[municipality_id] = number
        result.append(Municipality(municipality_id, name))
    return result


# --- the files ----------------------------------------------------------------------------------


def _settings(region: str, short_name: str, municipalities: list[Municipality]) -> str:
    # the descriptions are records.py's; what a new region must do next is said here
    fields = records.Settings.fields
    lines = [
        "# yaml-language-server: $schema=../schemas/settings.schema.json",
        *comment(records.Settings.about),
        f"region: {scalar(region)}",
        f"short_name: {scalar(short_name)}",
        *comment(f"{fields['classification'].description} Pas hem aan aan je eigen regio."),
        f"classification: {scalar(CLASSIFICATION)}",
        *comment(f"{fields['municipalities'].description} Partners verwijzen ernaar met 'area' (het id)."),
    ]
    if municipalities:
        lines.append("municipalities:")
        for m in municipalities:
            lines += [f"  - id: {m.id}", f"    name: {scalar(m.name)}"]
    else:
        lines += [
            "# Nog leeg: vul de gemeenten in (of maak de dataset opnieuw met --gemeenten BESTAND).",
            "# Zolang deze lijst leeg is, meldt 'partnerbeeld valideer' een fout en werken de andere opdrachten niet.",
            "# Bijvoorbeeld:",
            "#   - id: utrecht",
            "#     name: Utrecht",
            "#     cluster: Midden  # deelregio, mag weg",
            "municipalities: []",
        ]
    lines += [*comment(fields["thresholds"].description), "thresholds:"]
    lines += [f"  {name}: {spec.default}  # {spec.description}" for name, spec in records.Thresholds.fields.items()]
    return "\n".join(lines) + "\n"


def _incident_types() -> tuple[str, int, int]:
    """The national tree and aliases without the sample region's place-specific descriptions."""
    parsed = yamlsource.parse(shipped("incidenttypes.yaml").read_bytes())
    if isinstance(parsed, yamlsource.Problem):  # pragma: no cover - the shipped file is tested
        raise UsageError(f"De meegeleverde incidenttypen zijn onleesbaar: {parsed.message}")
    data = parsed.data
    lines = [
        "# yaml-language-server: $schema=../schemas/incidenttypes.schema.json",
        "# De boom van incidenttypen uit de Handreiking regionaal risicoprofiel: thema's (zonder parent),",
        "# crisistypen (met een thema als parent) en incidenttypen daaronder. Meegeleverd door",
        "# 'partnerbeeld init' als startpunt: voeg regionale typen toe, en met 'description' een toelichting.",
        "incident_types:",
    ]
    for item in data["incident_types"]:
        lines += [f"  - code: {item['code']}", f"    name: {scalar(item['name'])}"]
        if item.get("parent"):
            lines.append(f"    parent: {item['parent']}")
    lines += [*comment(records.IncidentTypes.fields["aliases"].description), "aliases:"]
    for word, codes in data.get("aliases", {}).items():
        lines.append(f"  {word}: [{', '.join(codes)}]")
    return "\n".join(lines) + "\n", len(data["incident_types"]), len(data.get("aliases", {}))


ACCOUNT_HOLDERS = f"""\
# yaml-language-server: $schema=../schemas/accountholders.schema.json
# {records.AccountHolders.about}
# Nog leeg. Partners verwijzen ernaar met 'account_holder' (het id); voorbeeld:
#   - id: m-jansen
#     name: Marieke Jansen
#     email: m.jansen@regio.nl
#     team: Risico- en crisisbeheersing
account_holders: []
"""

_PROFILE_NOTE = (
    "# Standaardprofiel, meegeleverd door 'partnerbeeld init': een startpunt. Pas de rollen aan aan de\n"
    "# afspraken van je eigen regio, of verwijder het profiel als geen partner het gebruikt.\n"
)

GITIGNORE = """\
# Contactlijsten en exports bevatten contactgegevens (met --vertrouwelijk ook vertrouwelijke):
# die horen niet in git.
*.pdf
*.html
*.csv
*.vcf
*.xlsx
*VERTROUWELIJK*
gl-code-quality-report.json
wijzigingen.md
.venv/
"""

PRE_COMMIT = """\
# pre-commit (https://pre-commit.com): controleer de dataset voor elke commit.
# Eenmalig per clone: `pip install pre-commit && pre-commit install`.
# Gebruikt de geïnstalleerde opdracht `partnerbeeld`; zie de README van partnerbeeld
# voor de variant die partnerbeeld zelf ophaalt (repo + rev).
repos:
  - repo: local
    hooks:
      - id: partnerbeeld-valideer
        name: partnerbeeld valideer
        entry: partnerbeeld valideer
        language: system
        pass_filenames: false
        files: ^data/.*\\.ya?ml$
"""


def _readme(region: str, short_name: str, has_municipalities: bool) -> str:
    todo = "" if has_municipalities else "0. Vul de gemeenten in `data/partnerbeeld.yaml` in.\n"
    return f"""\
# Partnerbeeld {region} ({short_name})

De crisispartners van {region} in beeld, bijgehouden als YAML-bestanden in git en
gelezen met [partnerbeeld](https://pypi.org/project/partnerbeeld/).

## Wat staat waar

| map of bestand | inhoud |
|---|---|
| `data/partnerbeeld.yaml` | de regio, de gemeenten, de rubricering en de drempels voor signalen |
| `data/incidenttypes.yaml` | de landelijke boom van incidenttypen en de aliassen (een startpunt) |
| `data/accountholders.yaml` | de accounthouders van de regio |
| `data/profiles/` | de standaardpartnerprofielen (een startpunt: pas ze aan) |
| `data/partners/` | één bestand per partner |
| `data/covenants/`, `data/exercises/`, `data/plans/` | convenanten, oefeningen en plannen |
| `schemas/` | JSON Schema's: hulp en controle in je editor (`partnerbeeld schema` werkt ze bij) |

## Beginnen

{todo}1. Zet de accounthouders in `data/accountholders.yaml`.
2. Haal de partnerlijst binnen uit de spreadsheet die jullie nu gebruiken:
   `partnerbeeld importeer partners.xlsx --data data --droog` laat zien wat er zou gebeuren,
   zonder `--droog` gebeurt het. Een leeg blad met uitleg:
   `partnerbeeld importeer --sjabloon partners.xlsx --data data`.
3. `partnerbeeld valideer --data data` controleert alles; `partnerbeeld zoek -i overstroming --data data`
   laat zien wie je belt.

## Afspraken

- Elke wijziging gaat via een pull request; een collega leest mee (`partnerbeeld wijzigingen`).
- CI draait `partnerbeeld valideer` (`.github/workflows/dataset.yml` voor GitHub, `.gitlab-ci.yml`
  voor GitLab: verwijder wat je niet gebruikt). Lokaal doet `pre-commit install` hetzelfde bij elke commit.
- Contacten met `confidential: true` komen alleen in een lijst met `--vertrouwelijk`.
- Controleer de contactgegevens met de partner en vul dan `verified_on` in; `partnerbeeld signalen`
  meldt wat te lang niet gecontroleerd is.
"""


# --- building the folder ---------------------------------------------------------------------------


def _check_target(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is een bestand, geen map.", "Kies een nieuwe of lege map.")
    if folder.is_dir() and any(folder.iterdir()):
        raise UsageError(
            f"De map {folder} is niet leeg; partnerbeeld init schrijft alleen in een nieuwe of lege map.",
            "Kies een andere map, of maak deze eerst leeg.",
        )
    if not folder.parent.is_dir():
        raise UsageError(f"De map {folder.parent} bestaat niet.", "Maak die eerst aan, of kies een andere plek.")


def _write_tree(base: Path, region: str, short_name: str, municipalities: list[Municipality]) -> tuple[int, int, int]:
    from partnerbeeld.model.schemas import render_all  # pydantic: only when a dataset is made

    data = base / "data"
    for name in RECORD_DIRS:
        (data / name).mkdir(parents=True)
        if name != "profiles":
            (data / name / ".gitkeep").write_text("")  # git keeps no empty folders
    (data / "partnerbeeld.yaml").write_text(_settings(region, short_name, municipalities), encoding="utf-8")
    tree, types, aliases = _incident_types()
    (data / "incidenttypes.yaml").write_text(tree, encoding="utf-8")
    (data / "accountholders.yaml").write_text(ACCOUNT_HOLDERS, encoding="utf-8")
    profiles = sorted(shipped("profiles").glob("*.yaml"))
    for source in profiles:
        first, _, rest = source.read_text(encoding="utf-8").partition("\n")
        (data / "profiles" / source.name).write_text(f"{first}\n{_PROFILE_NOTE}{rest}", encoding="utf-8")
    (base / "schemas").mkdir()
    for name, text in render_all().items():
        (base / "schemas" / name).write_text(text, encoding="utf-8")
    examples = shipped("examples")
    (base / ".github" / "workflows").mkdir(parents=True)
    shutil.copyfile(examples / "github-actions.yml", base / ".github" / "workflows" / "dataset.yml")
    shutil.copyfile(examples / "gitlab-ci.yml", base / ".gitlab-ci.yml")
    (base / ".pre-commit-config.yaml").write_text(PRE_COMMIT, encoding="utf-8")
    (base / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    (base / "README.md").write_text(_readme(region, short_name, bool(municipalities)), encoding="utf-8")
    return types, aliases, len(profiles)


def create_dataset(
    folder: Path,
    region: str,
    municipalities: list[Municipality],
    *,
    short_name: str | None = None,
    git: bool = False,
) -> Created:
    """Make the dataset in ``folder`` (new or empty); refuse anything else with a UsageError."""
    region = " ".join(region.split())
    if not region:
        raise UsageError("De naam van de regio is leeg.", 'Geef de naam, bijv. "Veiligheidsregio Utrecht".')
    short = short_name.strip() if short_name else short_name_of(region)
    for m in municipalities:
        check_slug(m.id, "id voor een gemeente")
    folder = folder.absolute()  # `init .` builds beside the current folder, not inside it
    _check_target(folder)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    except OSError as exc:
        raise UsageError(f"Kan niet schrijven in {folder.parent}: {os_reason(exc)}.") from None
    try:
        types, aliases, profiles = _write_tree(staging, region, short, municipalities)
        if folder.is_dir():  # empty, checked above; kept, so a shell standing in it keeps its folder
            for child in staging.iterdir():
                child.rename(folder / child.name)
        else:
            staging.chmod(0o777 & ~_umask())  # mkdtemp makes 0700; a dataset folder gets the usual mode
            staging.rename(folder)
    except OSError as exc:
        raise UsageError(f"Kan {folder} niet aanmaken: {os_reason(exc)}.") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(staging)
    initialised = False
    if git:
        from partnerbeeld.infra.gitinfo import init_repository

        initialised = init_repository(folder)
    return Created(folder, region, short, len(municipalities), types, aliases, profiles, initialised)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
