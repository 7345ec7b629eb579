from secretaris.dossier.matching import find, normalise, normalise_code, search_key

PAIRS = [
    ("GM1900", "Súdwest-Fryslân"),
    ("GM0796", "'s-Hertogenbosch"),
    ("GM0518", "'s-Gravenhage"),
    ("GM0344", "Utrecht"),
    ("GM1581", "Utrechtse Heuvelrug"),
    ("GM0363", "Amsterdam"),
    ("GM0893", "Bergen (L.)"),
    ("GM0373", "Bergen (NH.)"),
    ("GM0820", "Nuenen, Gerwen en Nederwetten"),
]


def test_normalise_drops_diacritics_case_and_punctuation():
    assert normalise("Súdwest-Fryslân") == "sudwest fryslan"
    assert search_key("'s-Hertogenbosch") == "shertogenbosch"


def test_codes_are_recognised_in_any_form():
    assert normalise_code("gm0344") == "GM0344"
    assert normalise_code("344") == "GM0344"
    assert normalise_code("Utrecht") is None


def test_it_finds_sudwest_fryslan_typed_without_diacritics():
    assert find("Sudwest Fryslan", PAIRS).code == "GM1900"
    assert find("sudwest", PAIRS).code == "GM1900"


def test_it_knows_common_short_names():
    assert find("Den Bosch", PAIRS).code == "GM0796"
    assert find("den haag", PAIRS).code == "GM0518"
    assert find("Nuenen", PAIRS).code == "GM0820"


def test_an_exact_name_wins_over_a_longer_one():
    assert find("utrecht", PAIRS).code == "GM0344"


def test_an_ambiguous_prefix_lists_the_options():
    match = find("bergen", PAIRS)
    assert match.code is None and match.ambiguous
    assert {code for code, _ in match.suggestions} == {"GM0893", "GM0373"}


def test_an_unknown_name_gets_close_suggestions():
    match = find("Amsterdm", PAIRS)
    assert match.code is None and not match.ambiguous
    assert match.suggestions[0] == ("GM0363", "Amsterdam")


def test_an_unknown_code_is_not_found():
    assert find("GM9999", PAIRS).code is None
