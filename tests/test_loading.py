"""pydantic's error locations land on the right line: nested fields, missing fields, unknown keys."""

from __future__ import annotations

from builders import DatasetBuilder

from partnerbeeld.model.findings import Finding
from partnerbeeld.reading.loading import load

PARTNER = """\
id: partner-a
name: Partner A
sector: waterbeheer
account_holder: a-holder
contacts:
  - label: Piket
    phone: 071 000 00 00
  - label: Secretariaat
    email: info@a.example
  - label: Liaison
    phone:
      - 071 000 00 01
roles:
  wateroverlast:
    modes:
      - liaison
      - alarmeern
    teams: [rot]
"""


def findings_for(builder: DatasetBuilder, text: str) -> list[Finding]:
    builder.write("partners/partner-a.yaml", text)
    return load(builder.root).findings


def test_nested_list_item_field(builder: DatasetBuilder) -> None:
    found = {(f.line, f.column, f.message) for f in findings_for(builder, PARTNER)}
    assert (12, 7, "contacts[2].phone moet tekst zijn, geen lijst of mapping.") in found


def test_enum_in_a_role_with_suggestion(builder: DatasetBuilder) -> None:
    (finding,) = [f for f in findings_for(builder, PARTNER) if "modes" in f.message]
    assert (finding.line, finding.column) == (17, 9)
    assert finding.message == "roles.wateroverlast.modes[1] ('alarmeern') is geen toegestane waarde."
    assert finding.hint.startswith("Bedoelde je 'alarmeren'? Kies uit: ")


def test_missing_field_points_at_its_mapping(builder: DatasetBuilder) -> None:
    text = PARTNER.replace("  - label: Secretariaat\n", "  - note: zonder label\n")
    (finding,) = [f for f in findings_for(builder, text) if f.code == "veld-ontbreekt"]
    assert (finding.line, finding.column) == (8, 5)
    assert finding.message == "Het verplichte veld 'label' ontbreekt."
    assert finding.hint == "Voeg 'label: ...' toe aan contacts[1]."


def test_missing_top_level_field_points_at_the_record(builder: DatasetBuilder) -> None:
    (finding,) = findings_for(builder, "# toelichting\n\nid: partner-a\nsector: zorg\n")
    assert (finding.code, finding.line, finding.column) == ("veld-ontbreekt", 3, 1)
    assert finding.hint == "Voeg 'name: ...' toe aan dit record."


def test_unknown_key_points_at_the_key(builder: DatasetBuilder) -> None:
    text = PARTNER.replace("    teams: [rot]", "    teams: [rot]\n    form_grip: 2")
    (finding,) = [f for f in findings_for(builder, text) if f.code == "veld-onbekend"]
    assert (finding.line, finding.column) == (19, 5)
    assert finding.message == "Onbekend veld 'form_grip' in roles.wateroverlast."
    assert finding.hint == "Bedoelde je 'from_grip'?"


def test_unknown_key_without_a_close_match_lists_the_fields(builder: DatasetBuilder) -> None:
    (finding,) = findings_for(builder, "id: partner-a\nname: A\nsector: zorg\nxyz: 1\n")
    assert finding.line == 4
    assert finding.hint.startswith("Toegestaan: id, name, sector")


def test_bad_dict_key_points_at_the_key(builder: DatasetBuilder) -> None:
    text = PARTNER.replace(
        "  wateroverlast:\n    modes:\n      - liaison\n      - alarmeern\n",
        "  Water Overlast:\n    modes: [liaison]\n",
    )
    (finding,) = [f for f in findings_for(builder, text) if "roles" in f.message]
    assert (finding.line, finding.column) == (14, 3)
    assert finding.message.startswith("De sleutel 'Water Overlast' in roles mag alleen kleine letters")
    assert finding.hint == "Bijvoorbeeld 'water-overlast'."


def test_empty_required_value(builder: DatasetBuilder) -> None:
    (finding,) = findings_for(builder, "id: partner-a\nname:\nsector: zorg\n")
    assert (finding.line, finding.message) == (2, "name is leeg.")
    assert finding.hint == "Vul een waarde in achter de dubbele punt."


def test_empty_list_value_may_be_left_out(builder: DatasetBuilder) -> None:
    (finding,) = findings_for(builder, "id: partner-a\nname: A\nsector: zorg\ncontacts:\n")
    assert (finding.line, finding.message) == (4, "contacts is leeg.")
    assert finding.hint.endswith("of laat het veld weg.")


def test_number_out_of_range_says_the_limit(builder: DatasetBuilder) -> None:
    text = PARTNER.replace("    teams: [rot]", "    teams: [rot]\n    from_grip: 7")
    (finding,) = [f for f in findings_for(builder, text) if "from_grip" in f.message]
    assert finding.line == 19
    assert finding.message == "roles.wateroverlast.from_grip ('7') is te groot (grens: 5)."
    assert finding.hint == "Kies een getal van hoogstens 5."


def test_valid_records_load_with_positions_on_demand(builder: DatasetBuilder) -> None:
    builder.write(
        "partners/partner-a.yaml",
        PARTNER.replace("alarmeern", "alarmeren").replace(
            "    phone:\n      - 071 000 00 01\n", "    phone: 071 000 00 01\n"
        ),
    )
    loaded = load(builder.root)
    assert loaded.findings == []
    ((partner, source),) = loaded.records["partners"]
    assert partner.contacts[2].phone == "071 000 00 01"
    assert source.at("contacts", 2, "phone")[1:] == (11, 12)
    assert source.at("roles", "wateroverlast", key=True)[1:] == (13, 3)
