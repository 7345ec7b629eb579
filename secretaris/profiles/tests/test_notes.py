"""Notes for the editor: missing vacancy facts, unknown notes, doubtful data."""

from secretaris.profiles.models import Profile
from secretaris.profiles.notes import editor_notes


def profile(**snapshot) -> Profile:
    base = {"name": "Middenstad", "province": "Utrecht"}
    return Profile(snapshot={**base, **snapshot}, organisation={}, bestuur={}, vacancy={})


def test_a_register_just_after_the_election_is_flagged_for_checking():
    p = profile(
        council={"election_date": "2026-03-18", "seats": [{"list": "A", "seats": 9}]},
        bestuur={"wethouders": ["Dhr. A"], "source_date": "2026-04-05"},
        inhabitants={"value": 1000, "date": "2026-01-01"},
    )
    assert editor_notes(p)["gegevens"] == [
        "De wethouders komen uit het register van 5 april 2026, kort na de verkiezing van "
        "18 maart 2026. Controleer of het nieuwe college er al in staat."
    ]


def test_a_register_long_after_the_election_is_trusted():
    p = profile(
        council={"election_date": "2022-03-16", "seats": [{"list": "A", "seats": 9}]},
        bestuur={"wethouders": ["Dhr. A"], "source_date": "2026-04-05"},
        inhabitants={"value": 1000, "date": "2026-01-01"},
    )
    assert editor_notes(p)["gegevens"] == []


def test_missing_data_and_vacancy_facts_are_listed_for_the_editor():
    notes = editor_notes(profile())
    assert "Er is geen verkiezingsuitslag voor deze gemeente in het dossier." in notes["gegevens"]
    assert "Nog niet ingevuld: sluitingsdatum." in notes["vacature"]
    assert "Over fusieplannen is niets ingevuld." in notes["onbekend"]
