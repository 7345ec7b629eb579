"""`secretaris data build`: the shipped data set derived from the raw open data.

These tests read ../shared/data/raw and are skipped when that folder is absent.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from secretaris.dossier.facts import FACT_TYPES
from secretaris.dossier.sources.build import build_dataset, dumps_dataset, write_dataset
from secretaris.dossier.sources.files import SourceError, read_xml
from secretaris.dossier.sources.indeling import PATH as INDELING_PATH
from secretaris.dossier.sources.kiesraad import EML_DIR

RAW = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "raw"

pytestmark = pytest.mark.skipif(not RAW.is_dir(), reason=f"raw open data not found at {RAW}")

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<gemeentelijke_indeling xmlns="http://nlextract.nl">&lol3;</gemeentelijke_indeling>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<gemeentelijke_indeling xmlns="http://nlextract.nl">&xxe;</gemeentelijke_indeling>
"""


@pytest.fixture(scope="module")
def data() -> dict:
    return build_dataset(RAW)


@pytest.fixture(scope="module")
def gemeenten(data: dict) -> dict[str, dict]:
    return {g["code"]: g for g in data["gemeenten"]}


def facts(gemeente: dict, key: str) -> dict[str, dict]:
    return {f["date"]: f for f in gemeente["facts"] if f["key"] == key}


def election(gemeente: dict, label: str) -> dict | None:
    return next((e for e in gemeente["elections"] if e["election"] == label), None)


def mergers(gemeente: dict, day: str) -> list[dict]:
    return [m for m in gemeente["mergers"] if m["date"] == day]


def predecessor_names(merger: dict) -> set[str]:
    return {p["name"] for p in merger["predecessors"]}


@pytest.fixture
def small_raw(tmp_path: Path) -> Path:
    """A copy of the raw tree with only three EML result files (and no unused binaries)."""
    target = tmp_path / "raw"
    shutil.copytree(
        RAW, target, ignore=shutil.ignore_patterns("*.rda", "*.rds", "*.dbf", "*.shp.xml", "2022")
    )
    (target / EML_DIR).mkdir()
    for name in (
        "Resultaat_GR2022_Utrecht.eml.xml",
        "Resultaat_GR2022_Aalten.eml.xml",
        "Resultaat_GR2022_Schiermonnikoog.eml.xml",
    ):
        shutil.copy(RAW / EML_DIR / name, target / EML_DIR / name)
    return target


# -- municipalities, woonplaatsen, facts ---------------------------------------------------


def test_it_lists_the_342_current_municipalities_once_each(data):
    codes = [g["code"] for g in data["gemeenten"]]
    assert len(codes) == 342
    assert len(set(codes)) == 342
    assert codes == sorted(codes)


def test_sudwest_fryslan_has_89_woonplaatsen(gemeenten):
    assert len(gemeenten["GM1900"]["woonplaatsen"]) == 89


def test_utrecht_keeps_each_inhabitants_figure_with_its_own_date(gemeenten):
    utrecht = gemeenten["GM0344"]
    inwoners = facts(utrecht, "inwoners")
    assert inwoners["2026-01-01"]["value"] == "378278"
    assert inwoners["2024-01-01"]["value"] == "374238"
    assert inwoners["2023-01-01"]["value"] == "367947"
    assert facts(utrecht, "leeftijd_65_plus")["2023-01-01"]["value"] == "11"


def test_every_fact_uses_a_catalogue_key_and_a_decimal_string(data):
    for gemeente in data["gemeenten"]:
        for fact in gemeente["facts"]:
            assert fact["key"] in FACT_TYPES, fact
            assert isinstance(fact["value"], str), fact
            assert str(Decimal(fact["value"])) == fact["value"], fact


def test_no_figure_is_duplicated_for_a_key_and_date(data):
    for gemeente in data["gemeenten"]:
        keys = [(f["key"], f["date"]) for f in gemeente["facts"]]
        assert len(keys) == len(set(keys)), gemeente["code"]


def test_every_source_referenced_exists(data):
    sources = data["sources"]
    for gemeente in data["gemeenten"]:
        assert gemeente["woonplaatsen_source"] in sources
        for item in (*gemeente["facts"], *gemeente["elections"], *gemeente["mergers"]):
            assert item["source"] in sources, item
        for item in gemeente["elections"]:
            assert item["votes_source"] is None or item["votes_source"] in sources


def test_a_suppressed_cbs_figure_is_left_out_not_written_as_zero(gemeenten):
    schiermonnikoog = gemeenten["GM0088"]
    assert "2020-12-31" not in facts(schiermonnikoog, "inkomen_per_inwoner")
    assert "2024-12-31" not in facts(schiermonnikoog, "inkomen_gestandaardiseerd")
    assert facts(schiermonnikoog, "inkomen_gestandaardiseerd")["2023-12-31"]["value"] == "36.3"


def test_kwb2020_figures_only_for_municipalities_unchanged_since_2020(gemeenten):
    assert facts(gemeenten["GM0344"], "inwoners")["2020-01-01"]["value"] == "357597"
    for code in ("GM0855", "GM0363", "GM1979"):  # Tilburg (Haaren), Amsterdam, Eemsdelta
        assert not any(f["source"] == "cbs-84799ned" for f in gemeenten[code]["facts"]), code


def test_each_corop_region_has_exactly_one_centre(data, gemeenten):
    centres: dict[str, list[str]] = {}
    for gemeente in data["gemeenten"]:
        if gemeente["corop_centre"]:
            centres.setdefault(gemeente["corop"]["code"], []).append(gemeente["code"])
    assert all(len(codes) == 1 for codes in centres.values())
    assert len(centres) == len({g["corop"]["code"] for g in data["gemeenten"]})
    assert gemeenten["GM0344"]["corop_centre"] is True
    assert gemeenten["GM0355"]["corop_centre"] is False  # Zeist, also in COROP Utrecht


# -- elections -----------------------------------------------------------------------------


def test_gr2026_seats_for_340_municipalities_but_not_hilversum_or_wijdemeren(data, gemeenten):
    with_2026 = [g["code"] for g in data["gemeenten"] if election(g, "GR2026")]
    assert len(with_2026) == 340
    assert "GM0402" not in with_2026 and "GM1696" not in with_2026
    utrecht = election(gemeenten["GM0344"], "GR2026")
    assert utrecht["council_size"] == 45
    assert {
        "name": "CDA, afdeling Utrecht",
        "seats": 3,
        "votes": None,
        "number": None,
        "candidates": None,
    } in utrecht["lists"]


def test_nuenen_gr2022_votes_come_from_the_count_not_the_zero_json(gemeenten):
    nuenen = election(gemeenten["GM0820"], "GR2022")
    assert nuenen["votes_source"] == "kiesraad-gr2022-telling"
    assert all(item["votes"] for item in nuenen["lists"])
    w70 = next(item for item in nuenen["lists"] if item["number"] == 1)
    assert (w70["votes"], w70["seats"]) == (3134, 6)


def test_gr2022_votes_of_a_big_city_come_from_grtool_with_seats_from_the_eml(gemeenten):
    utrecht = election(gemeenten["GM0344"], "GR2022")
    assert utrecht["source"] == "kiesraad-gr2022-eml"
    assert utrecht["votes_source"] == "grtool-gr2022"
    groenlinks = utrecht["lists"][0]
    assert (groenlinks["number"], groenlinks["votes"], groenlinks["seats"]) == (1, 29110, 9)


def test_candidates_are_only_filled_where_the_result_proves_list_exhaustion(data, gemeenten):
    enkhuizen = election(gemeenten["GM0388"], "GR2022")
    blank = next(item for item in enkhuizen["lists"] if item["number"] == 10)
    assert (blank["votes"], blank["seats"], blank["candidates"]) == (716, 1, 1)
    filled = [
        (g["code"], item["number"])
        for g in data["gemeenten"]
        for e in g["elections"]
        for item in e["lists"]
        if item["candidates"] is not None
    ]
    assert filled == [("GM0388", 10)]


def test_gr2022_is_omitted_where_no_seats_are_known(gemeenten):
    for code in ("GM0377", "GM1690", "GM1950", "GM0439", "GM1992"):
        assert election(gemeenten[code], "GR2022") is None, code


def test_every_council_has_an_odd_size_from_9_to_45_equal_to_the_seats(data):
    for gemeente in data["gemeenten"]:
        for item in gemeente["elections"]:
            size = item["council_size"]
            assert size == sum(entry["seats"] for entry in item["lists"])
            assert size % 2 == 1 and 9 <= size <= 45, (gemeente["code"], item["election"])


def test_gr2018_only_where_the_territory_did_not_change_since(gemeenten):
    assert election(gemeenten["GM0344"], "GR2018")["council_size"] == 45
    for code in ("GM0855", "GM0363", "GM0014"):  # Tilburg, Amsterdam, Groningen
        assert election(gemeenten[code], "GR2018") is None, code


# -- herindelingen -------------------------------------------------------------------------


def test_weesp_joined_amsterdam_on_24_march_2022(gemeenten):
    [weesp] = mergers(gemeenten["GM0363"], "2022-03-24")
    assert weesp["kind"] == "toevoeging"
    assert weesp["predecessors"] == [{"code": "GM0457", "name": "Weesp"}]


def test_eemsdelta_was_formed_in_2021_from_appingedam_delfzijl_and_loppersum(gemeenten):
    [event] = mergers(gemeenten["GM1979"], "2021-01-01")
    assert event["kind"] == "samenvoeging"
    assert predecessor_names(event) == {"Appingedam", "Delfzijl", "Loppersum"}


def test_voorne_aan_zee_was_formed_in_2023(gemeenten):
    [event] = [m for m in mergers(gemeenten["GM1992"], "2023-01-01")]
    assert event["kind"] == "samenvoeging"
    assert predecessor_names(event) == {"Brielle", "Hellevoetsluis", "Westvoorne"}


def test_the_haaren_split_shows_at_each_receiver(gemeenten):
    for code in ("GM0757", "GM0824", "GM0865", "GM0855"):
        [event] = mergers(gemeenten[code], "2021-01-01")
        assert event["kind"] == "splitsing", code
        assert event["predecessors"] == [{"code": "GM0788", "name": "Haaren"}]


def test_sudwest_fryslan_history(gemeenten):
    swf = gemeenten["GM1900"]
    [formed] = mergers(swf, "2011-01-01")
    assert formed["kind"] == "samenvoeging"
    assert predecessor_names(formed) == {
        "Bolsward",
        "Sneek",
        "Nijefurd",
        "Wymbritseradiel",
        "Wûnseradiel",
    }
    [boarnsterhim] = mergers(swf, "2014-01-01")
    assert boarnsterhim["kind"] == "splitsing"
    assert predecessor_names(boarnsterhim) == {"Boarnsterhim"}


def test_beemster_went_to_purmerend_not_dijk_en_waard(gemeenten):
    [purmerend] = mergers(gemeenten["GM0439"], "2022-01-01")
    assert predecessor_names(purmerend) == {"Beemster"}
    [dijk_en_waard] = mergers(gemeenten["GM1980"], "2022-01-01")
    assert predecessor_names(dijk_en_waard) == {"Heerhugowaard", "Langedijk"}


def test_merger_keys_are_unique_per_municipality(data):
    for gemeente in data["gemeenten"]:
        keys = [(m["date"], m["kind"]) for m in gemeente["mergers"]]
        assert len(keys) == len(set(keys)), gemeente["code"]
        assert all(len(m["note"]) <= 300 for m in gemeente["mergers"])


# -- writing and errors --------------------------------------------------------------------


def test_building_twice_gives_identical_bytes(data, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    write_dataset(data, first)
    write_dataset(build_dataset(RAW), second)
    assert first.read_bytes() == second.read_bytes()
    assert dumps_dataset(data).count("\n") > 342  # one gemeente per line, not one huge line


def test_the_committed_data_set_is_what_the_build_makes(data):
    from secretaris.dossier.dataset import DATASET_PATH

    assert DATASET_PATH.read_text(encoding="utf-8") == dumps_dataset(data), (
        "dataset.json is out of date: run `make data` and commit it"
    )


@pytest.mark.parametrize("hostile", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_hostile_xml_is_refused(tmp_path, hostile):
    path = tmp_path / "gemeentelijke-indeling.xml"
    path.write_text(hostile, encoding="utf-8")
    with pytest.raises(SourceError, match="gemeentelijke-indeling.xml geweigerd: onveilige XML"):
        read_xml(path)


def test_the_build_refuses_a_hostile_indeling_with_exit_code_2(small_raw):
    (small_raw / INDELING_PATH).write_text(BILLION_LAUGHS, encoding="utf-8")
    with pytest.raises(CommandError, match="onveilige XML") as caught:
        call_command("data", "build", "--raw", str(small_raw), "--out", str(small_raw / "out.json"))
    assert caught.value.returncode == 2
    assert not (small_raw / "out.json").exists()


def test_a_corrupt_eml_file_is_reported_by_name(small_raw):
    broken = small_raw / EML_DIR / "Resultaat_GR2022_Kapot.eml.xml"
    broken.write_text(
        "<EML xmlns='urn:oasis:names:tc:evs:schema:eml' Id='520'><Result>", encoding="utf-8"
    )
    with pytest.raises(CommandError, match="Resultaat_GR2022_Kapot.eml.xml") as caught:
        call_command("data", "build", "--raw", str(small_raw), "--out", str(small_raw / "out.json"))
    assert caught.value.returncode == 2


def test_a_missing_raw_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Map met ruwe gegevens niet gevonden") as caught:
        call_command("data", "build", "--raw", str(tmp_path / "nergens"))
    assert caught.value.returncode == 2


def test_the_command_writes_the_file_and_prints_the_report(small_raw, capsys):
    out = small_raw / "out.json"
    call_command("data", "build", "--raw", str(small_raw), "--out", str(out))
    printed = capsys.readouterr().out
    assert "Bouwverslag:" in printed
    assert "342 gemeenten" in printed
    assert out.is_file()
