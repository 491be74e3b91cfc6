"""Synthetic partnerbeeld datasets for timing: 100, 1,000 or 10,000 partners.

Each partner file is ~40 lines like a real one (contacts with phone, mobile and
e-mail, role deviations, dates, a few profiles). The data is valid: `valideer`
must exit 0 on it, so the bench measures the normal path, not error reporting.
Phone numbers and addresses are unique per partner, so the per-value caches in
phones.py/emails.py get no free hits (a real region shares a few switchboards).

    python bench/generate.py 1000 /tmp/pb-1000     # writes /tmp/pb-1000/data
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

MUNICIPALITIES = {
    "hillegom": "Hillegom",
    "katwijk": "Katwijk",
    "lisse": "Lisse",
    "noordwijk": "Noordwijk",
    "teylingen": "Teylingen",
    "leiden": "Leiden",
    "leiderdorp": "Leiderdorp",
    "oegstgeest": "Oegstgeest",
    "voorschoten": "Voorschoten",
    "zoeterwoude": "Zoeterwoude",
    "alphen-aan-den-rijn": "Alphen aan den Rijn",
    "kaag-en-braassem": "Kaag en Braassem",
    "nieuwkoop": "Nieuwkoop",
    "bodegraven-reeuwijk": "Bodegraven-Reeuwijk",
    "gouda": "Gouda",
    "krimpenerwaard": "Krimpenerwaard",
    "waddinxveen": "Waddinxveen",
    "zuidplas": "Zuidplas",
}
# theme -> crisis type -> incident types (a part of the regional risk profile tree)
TREE: dict[str, dict[str, list[str]]] = {
    "natuurlijke-omgeving": {
        "overstroming": ["dijkdoorbraak", "wateroverlast"],
        "natuurbrand": ["bosbrand", "duinbrand"],
        "extreem-weer": ["storm", "hittegolf"],
    },
    "gebouwde-omgeving": {"gebouwbrand": ["brand-zorgobject", "brand-hoogbouw"], "instorting": []},
    "technologische-omgeving": {"giftige-stof": ["giftig-weg", "giftig-water"], "brandbare-stof": ["brandbaar-weg"]},
    "vitale-infrastructuur": {"energie": ["stroomuitval", "uitval-gas"], "drinkwater": [], "telecom-ict": []},
    "verkeer-vervoer": {"verkeersongeval": ["ongeval-weg", "ongeval-trein"], "tunnelincident": []},
    "sociaal-maatschappelijk": {"paniek-menigte": [], "openbare-orde": []},
}
ALIASES = {
    "brand": ["natuurbrand", "gebouwbrand", "tunnelincident"],
    "stroomstoring": ["stroomuitval"],
    "gaslek": ["uitval-gas"],
}
SECTORS = ["waterbeheer", "drinkwater", "energie", "zorg", "onderwijs", "vervoer", "industrie", "cultuur"]
PROFILES = {
    "waterbeheerder": {"overstroming": (["alarmeren", "liaison"], ["rot"], 2), "wateroverlast": (["advies"], [], 1)},
    "drinkwaterbedrijf": {"drinkwater": (["alarmeren", "uitvoering"], ["rot"], 1)},
    "netbeheerder": {"energie": (["alarmeren", "uitvoering"], ["copi"], 1), "uitval-gas": (["alarmeren"], [], 0)},
    "zorginstelling": {"gebouwbrand": (["informeren"], [], 1), "hittegolf": (["informeren"], [], 0)},
    "vervoerder": {
        "verkeersongeval": (["alarmeren", "liaison"], ["copi"], 1),
        "tunnelincident": (["liaison"], ["copi"], 1),
    },
    "evenementorganisator": {"paniek-menigte": (["informeren", "liaison"], ["copi"], 1)},
    "bedrijfsbrandweer": {
        "brandbare-stof": (["alarmeren", "uitvoering"], ["copi"], 0),
        "giftige-stof": (["advies"], [], 1),
    },
    "natuurbeheerder": {"natuurbrand": (["alarmeren", "advies"], ["copi"], 1)},
}
HOLDERS = [f"accounthouder-{n:02d}" for n in range(1, 21)]


def _tree_yaml() -> str:
    lines = ["incident_types:"]
    for theme, crises in TREE.items():
        lines += [f"  - code: {theme}", f"    name: {theme.replace('-', ' ').capitalize()}"]
        for crisis, incidents in crises.items():
            lines += [
                f"  - code: {crisis}",
                f"    name: {crisis.replace('-', ' ').capitalize()}",
                f"    parent: {theme}",
            ]
            for incident in incidents:
                lines += [f"  - code: {incident}", f"    name: {incident.replace('-', ' ').capitalize()}"]
                lines += [f"    parent: {crisis}"]
    lines.append("aliases:")
    lines += [f"  {alias}: [{', '.join(codes)}]" for alias, codes in ALIASES.items()]
    return "\n".join(lines) + "\n"


def _role_yaml(code: str, modes: list[str], teams: list[str], grip: int, indent: str) -> list[str]:
    lines = [f"{indent}{code}:", f"{indent}  modes: [{', '.join(modes)}]"]
    if teams:
        lines.append(f"{indent}  teams: [{', '.join(teams)}]")
    return [*lines, f"{indent}  from_grip: {grip}", f"{indent}  task: Afstemmen over {code.replace('-', ' ')}"]


def _profile_yaml(profile_id: str, roles: dict[str, tuple[list[str], list[str], int]]) -> str:
    lines = [f"id: {profile_id}", f"name: {profile_id.capitalize()}", "description: Synthetisch profiel.", "roles:"]
    for code, (modes, teams, grip) in roles.items():
        lines += _role_yaml(code, modes, teams, grip, "  ")
    return "\n".join(lines) + "\n"


def _partner_yaml(n: int, rng: random.Random) -> str:
    pid = f"partner-{n:05d}"
    area = rng.sample(sorted(MUNICIPALITIES), rng.randint(2, 5))
    profiles = rng.sample(sorted(PROFILES), rng.randint(1, 2))
    incidents = [code for crises in TREE.values() for items in crises.values() for code in items]
    lines = [
        "# Synthetische partner voor metingen; alle gegevens zijn verzonnen.",
        f"id: {pid}",
        f"name: Partner {n} {rng.choice(['BV', 'Stichting', 'Gemeente', 'Dienst'])}",
        f"sector: {rng.choice(SECTORS)}",
        f"profiles: [{', '.join(profiles)}]",
        f"area: [{', '.join(area)}]",
        f"account_holder: {rng.choice(HOLDERS)}",
        f"verified_on: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
        f"website: https://www.{pid}.example",
        "contacts:",
        "  - label: Piket crisiscoördinatie",
        f"    phone: 071 5{n % 100:02d} {n // 100 % 100:02d} {rng.randint(10, 99)}",
        "    available: 24/7",
        "    primary: true",
        "  - label: Liaison ROT",
        f"    person: Persoon {n}",
        f"    mobile: 06 1{n % 1000:03d} {rng.randint(1000, 9999)}",
        f"    email: liaison@{pid}.example.nl",
        "    confidential: true",
        "  - label: Secretariaat",
        f"    phone: +31 172 {rng.randint(100, 999)} {rng.randint(100, 999)}",
        f"    email: info@{pid}.example.nl",
        "    available: kantoortijden",
        "roles:",
    ]
    for code in rng.sample(incidents, 2):
        lines += _role_yaml(code, rng.sample(["advies", "informeren", "bijstand"], 1), ["rot"], rng.randint(1, 3), "  ")
    lines.append("note: Afspraken worden jaarlijks besproken in het partneroverleg.")
    return "\n".join(lines) + "\n"


def generate(partners: int, target: Path, seed: int = 2026) -> Path:
    """Write a dataset with ``partners`` partners to ``target/data``; returns that folder."""
    rng = random.Random(seed)
    root = target / "data"
    for folder in ("partners", "profiles", "covenants", "exercises", "plans"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    municipalities = "".join(f"  - id: {mid}\n    name: {name}\n" for mid, name in MUNICIPALITIES.items())
    (root / "partnerbeeld.yaml").write_text(
        f"region: Veiligheidsregio Meetland\nclassification: Synthetische meetdata\nmunicipalities:\n{municipalities}",
        encoding="utf-8",
    )
    (root / "incidenttypes.yaml").write_text(_tree_yaml(), encoding="utf-8")
    holders = "".join(f"  - id: {h}\n    name: Houder {h[-2:]}\n    email: {h}@regio.example.nl\n" for h in HOLDERS)
    (root / "accountholders.yaml").write_text(f"account_holders:\n{holders}", encoding="utf-8")
    for profile_id, roles in PROFILES.items():
        (root / "profiles" / f"{profile_id}.yaml").write_text(_profile_yaml(profile_id, roles), encoding="utf-8")
    for n in range(1, partners + 1):
        (root / "partners" / f"partner-{n:05d}.yaml").write_text(_partner_yaml(n, rng), encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description="Maak een synthetische dataset om te meten.")
    parser.add_argument("partners", type=int, help="aantal partners, bijv. 1000")
    parser.add_argument("target", type=Path, help="map waarin data/ komt")
    args = parser.parse_args()
    print(generate(args.partners, args.target))


if __name__ == "__main__":
    main()
