"""The small dataset behind the contact-list tests and golden files.

Built with DatasetBuilder in tmp_path (outside git, so the data version reads
'geen git'). It holds every case the views must handle: a confidential
contact, a role defined below the asked type, a name that is an HTML script,
a formula in a label, an international number, characters RFC 6350 escapes,
a line long enough to fold, and a partner whose only contact is confidential.
"""

from __future__ import annotations

from pathlib import Path

from builders import DatasetBuilder

SCRIPT_NAME = "<script>alert(1)</script>"
FORMULA_LABEL = '=HYPERLINK("http://aanval.example";"klik")'
INTERNATIONAL = "+31 71 000 0000"


def contact_list_dataset(builder: DatasetBuilder) -> Path:
    builder.profile(
        "waterbeheerder",
        name="Waterbeheerder",
        roles={
            "overstroming": {
                "modes": ["alarmeren", "liaison"],
                "teams": ["rot"],
                "from_grip": 1,
                "task": "Advies over waterkeringen en peilbeheer",
            },
        },
    )
    builder.partner(
        "hoogheemraadschap-testland",
        name="Hoogheemraadschap van Testland",
        profiles=["waterbeheerder"],
        contacts=[
            {"label": "Piket crisiscoördinatie", "phone": "071 000 00 01", "available": "24/7", "primary": True},
            {
                "label": "Liaison ROT",
                "person": "Anna de Vries",
                "mobile": "06 10 00 00 01",
                "email": "liaison@testland.example",
                "confidential": True,
            },
            {
                "label": "Crisisbureau, kantoor; algemeen",
                "phone": "071 000 00 02",
                "email": "crisis@testland.example",
                "available": "kantoortijden",
                "note": "Vraag naar de dienstdoende adviseur\\secretariaat",
            },
        ],
    )
    builder.partner(
        "drinkwater-testland",
        name="Drinkwaterbedrijf Testland",
        sector="drinkwater",
        area=["leiden"],
        roles={
            "dijkdoorbraak": {
                "modes": ["uitvoering"],
                "teams": ["copi", "rot"],
                "from_grip": 2,
                "task": "Noodwatervoorziening in het getroffen gebied en herstel van het "
                "leidingnet na een doorbraak – coördinatie met de gemeente",
            }
        },
        contacts=[
            {"label": "Storingsdienst", "phone": INTERNATIONAL, "available": "24/7", "primary": True},
            {"label": FORMULA_LABEL, "email": "storing@drinkwater.example"},
        ],
    )
    builder.partner(
        "script-partner",
        name=SCRIPT_NAME,
        sector="evenementen",
        roles={"wateroverlast": {"modes": ["informeren"], "from_grip": 2}},
        contacts=[{"label": "Organisatie <b>vet</b> & co", "phone": "-2+3", "email": "info@script.example"}],
    )
    builder.partner(
        "geheim-partner",
        name="Geheime Dienst Testland",
        sector="veiligheid",
        roles={"overstroming": {"modes": ["advies"], "from_grip": 3}},
        contacts=[{"label": "Duty officer", "mobile": "06 20 00 00 02", "available": "24/7", "confidential": True}],
    )
    builder.partner(  # no role for overstroming: never in the list below
        "netbeheerder-testland",
        name="Netbeheerder Testland",
        sector="energie",
        roles={"stroomuitval": {"modes": ["alarmeren"], "teams": ["copi"], "from_grip": 0}},
    )
    return builder.root
