from secretaris.organisation.mapping import check_mapping, guess_mapping


def test_afas_getconnector_headers_are_recognised():
    headers = [
        "empl_Medewerker",
        "empl_Naam",
        "empl_FTE",
        "empl_Begindatum_contract",
        "empl_Einddatum_contract",
        "empl_Organisatorische_eenheid_code",
        "empl_Functie_code",
        "empl_Persoonsnummer_leidinggevende",
    ]
    mapping = guess_mapping(headers)
    assert mapping == {
        "employee": "empl_Medewerker",
        "fte": "empl_FTE",
        "start": "empl_Begindatum_contract",
        "end": "empl_Einddatum_contract",
        "unit": "empl_Organisatorische_eenheid_code",
        "job": "empl_Functie_code",
        "manager_of": "empl_Persoonsnummer_leidinggevende",
    }


def test_youforce_and_plain_dutch_headers_are_recognised():
    youforce = guess_mapping(
        [
            "PersonNumber",
            "gender",
            "StartDate",
            "EndDate",
            "WorkingAmount",
            "OrganizationUnit",
            "JobProfile",
        ]
    )
    assert youforce["fte"] == "WorkingAmount" and youforce["gender"] == "gender"
    dutch = guess_mapping(
        [
            "Personeelsnummer",
            "Geslacht",
            "Geboortedatum",
            "DATUM IN DIENST",
            "Datum uit dienst",
            "FTE",
            "Afdeling",
            "Leidinggevend",
        ]
    )
    assert dutch["start"] == "DATUM IN DIENST" and dutch["manager"] == "Leidinggevend"


def test_a_remembered_choice_wins_and_names_are_never_mapped():
    mapping = guess_mapping(["Nr", "Naam", "Ingang", "FTE"], {"employee": "Nr", "start": "Ingang"})
    assert mapping == {"employee": "Nr", "start": "Ingang", "fte": "FTE"}
    assert check_mapping(
        {"employee": "Naam", "start": "Ingang", "fte": "FTE"}, ["Naam", "Ingang", "FTE"]
    ) == ["De kolom 'Naam' bevat persoonsgegevens en wordt niet gelezen."]


def test_a_mapping_without_required_columns_says_which():
    assert check_mapping({"employee": "Nr"}, ["Nr"]) == [
        "Kies de kolom voor 'Datum in dienst'.",
        "Kies de kolom voor 'FTE (deeltijdfactor)'.",
    ]
