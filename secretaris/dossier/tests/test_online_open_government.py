"""`secretaris data update` for the register and CBS Iv3, against recorded responses in
their real formats served by a real local HTTP server (fixtures/online/README.md)."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from secretaris.dossier.dataset import DATASET_PATH, read_dataset
from secretaris.dossier.sources.online import DataUpdateError, run_update, update_dataset
from secretaris.dossier.sources.online_open_government import roll_up
from secretaris.dossier.tests.test_online import FixtureServer, server, url  # noqa: F401

TODAY = date(2026, 6, 10)


@pytest.fixture(scope="module")
def shipped() -> dict:
    data = json.loads(DATASET_PATH.read_text(encoding="utf-8"))
    data["gemeenten"] = [g for g in data["gemeenten"] if g["code"] in {"GM0088", "GM0344"}]
    return data


def by_code(data: dict) -> dict[str, dict]:
    return {g["code"]: g for g in data["gemeenten"]}


def update(data: dict, server: FixtureServer, **kwargs):  # noqa: F811
    return update_dataset(
        data, cbs_url=None, kiesraad_csv=None, kwb_table=None, timeout=5, today=TODAY, **kwargs
    )


def roo(server: FixtureServer) -> tuple[str, str]:  # noqa: F811
    return (url(server, "roo/Gemeenten.csv"), url(server, "roo/medewerkers-Gemeenten.csv"))


def test_the_live_register_replaces_a_changed_college_and_keeps_the_rest(shipped, server):  # noqa: F811
    updated, report = update(shipped, server, roo=roo(server))
    utrecht = by_code(updated)["GM0344"]["register"]
    assert utrecht["date"] == "2026-06-02"
    assert "Dhr. A. Voorbeeld" in utrecht["wethouders"]
    assert "Mw. S. Maatoug" not in utrecht["wethouders"]
    assert utrecht["source"] == "roo_gemeenten_20260610"
    assert updated["sources"]["roo_gemeenten_20260610"]["note"].startswith("Opgehaald op")
    assert by_code(updated)["GM0088"]["register"] == by_code(shipped)["GM0088"]["register"]
    assert report[0] == "Register van Overheidsorganisaties: 1 gemeenten bijgewerkt, 1 ongewijzigd."
    assert any("GM9999" in line for line in report)
    assert by_code(shipped)["GM0344"]["register"]["date"] == "2026-04-13"  # input untouched


def test_iv3_from_cbs_is_rolled_up_as_the_build_does(shipped, server):  # noqa: F811
    updated, report = update(shipped, server, iv3_url=url(server, "cbs-iv3"))
    docs = {(d["document"], d["year"]): d for d in by_code(updated)["GM0344"]["financien"]}
    budget = docs[("begroting", 2026)]
    assert budget["lasten"] == 1050 and budget["baten"] == 900  # reserves (0.10) left out
    assert budget["loonsom"] == 300 and budget["overhead"] == 150
    assert budget["sociaal_domein"] == 200 and "externe_inhuur" not in budget
    assert budget["taakvelden"] == {"0": 150, "6": 200, "8": 700}
    assert budget["inwoners"] == 378278 and budget["size_class"] == "G4"
    assert budget["source"] == "cbs_iv3_20260610"
    assert (
        docs[("jaarrekening", 2024)]
        == {(d["document"], d["year"]): d for d in by_code(shipped)["GM0344"]["financien"]}[
            ("jaarrekening", 2024)
        ]
    )
    account = {(d["document"], d["year"]): d for d in by_code(updated)["GM0088"]["financien"]}[
        ("jaarrekening", 2024)
    ]
    old = {(d["document"], d["year"]): d for d in by_code(shipped)["GM0088"]["financien"]}[
        ("jaarrekening", 2024)
    ]
    assert account["lasten"] == 3800 and account["externe_inhuur"] == 300
    assert account["eigen_vermogen"] == old["eigen_vermogen"]  # the balance is kept
    assert "CBS Iv3: 0 nieuwe en 2 gewijzigde documenten" in report[0]
    assert any("GM9999" in line for line in report)
    medians = {(m["document"], m["year"], m["size_class"]) for m in updated["iv3_medians"]}
    assert ("begroting", 2026, "G4") in medians


def test_iv3_rows_that_are_all_zero_are_not_a_document():
    rows = [
        {
            "Gemeenten": "GM0088   ",
            "Verslagsoort": "2026X000",
            "Categorie": "L1.1",
            "TaakveldBalanspost": "0.1   ",
            "k_1ePlaatsing_1": 0,
        }
    ]
    assert roll_up(rows) == {}


def test_an_updated_data_set_still_loads(shipped, server, tmp_path):  # noqa: F811
    path = tmp_path / "dataset.json"
    path.write_text(DATASET_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    run_update(
        dataset_path=path,
        cbs_url=None,
        kiesraad_csv=None,
        kwb_table=None,
        timeout=5,
        stdout=io.StringIO(),
        today=TODAY,
        roo=roo(server),
        iv3_url=url(server, "cbs-iv3"),
    )
    data = read_dataset(path).data
    assert by_code(data)["GM0344"]["register"]["date"] == "2026-06-02"


def test_a_missing_register_file_stops_the_update_and_changes_nothing(shipped, server):  # noqa: F811
    with pytest.raises(DataUpdateError, match="HTTP 404"):
        update(shipped, server, roo=(url(server, "roo/Gemeenten.csv"), url(server, "roo/weg.csv")))


def test_the_command_wants_both_register_files():
    with pytest.raises(CommandError, match="samen op"):
        call_command("data", "update", "--roo-gemeenten", "x.csv", "--cbs-url", "")
