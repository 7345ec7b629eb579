"""`secretaris data update` against recorded responses served by a real local HTTP server."""

from __future__ import annotations

import copy
import io
import json
import socket
import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from secretaris.dossier.facts import FACT_TYPES
from secretaris.dossier.sources.online import (
    DataUpdateError,
    default_cbs_url,
    run_update,
    update_dataset,
)
from secretaris.dossier.sources.online_cbs import KWB_FIELDS, odata_rows, percentage
from secretaris.dossier.sources.online_kiesraad import election_id_from, gr_election_day

FIXTURES = Path(__file__).parent / "fixtures" / "online"
TODAY = date(2027, 2, 15)
CBS_SOURCE = "cbs_37230ned_20270215"
KWB_SOURCE = "cbs_85984ned_20270215"
KIESRAAD_SOURCE = "kiesraad_gr2026_20270215"


# -- the local server ----------------------------------------------------------------------


class FixtureServer(ThreadingHTTPServer):
    requests: list[str]


class FixtureHandler(BaseHTTPRequestHandler):
    server: FixtureServer

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.server.requests.append(unquote(self.path))
        relative = unquote(parts.path).lstrip("/")
        target = FIXTURES / relative
        skip = parse_qs(parts.query).get("$skip")
        if skip:
            target = target.with_name(f"{target.name}.skip{skip[0]}")
        found = next(
            (p for p in (target, target.with_name(target.name + ".json")) if p.is_file()), None
        )
        if found is None or FIXTURES.resolve() not in found.resolve().parents:
            self.send_error(404, "Not Found")
            return
        host, port = self.server.server_address[:2]
        base = f"http://{host}:{port}/{relative.split('/')[0]}"
        body = found.read_bytes().replace(b"{{BASE}}", base.encode())
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    httpd = FixtureServer(("127.0.0.1", 0), FixtureHandler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def url(server: FixtureServer, path: str) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/{path}"


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- a small data set ------------------------------------------------------------------------


def fact(key: str, value: str, on: str, source: str = "cbs_oud") -> dict:
    return {"key": key, "value": value, "date": on, "source": source}


def gemeente(code: str, name: str, facts: list[dict], elections: list[dict]) -> dict:
    return {
        "code": code,
        "name": name,
        "province": "Fryslân" if code != "GM0344" else "Utrecht",
        "corop": None,
        "begindatum": "1970-01-01",
        "woonplaatsen": [],
        "woonplaatsen_source": "cbs_oud",
        "facts": facts,
        "elections": elections,
        "mergers": [],
    }


GR2022_UTRECHT = {
    "election": "GR2022",
    "date": "2022-03-16",
    "council_size": 45,
    "source": "kiesraad_oud",
    "votes_source": None,
    "lists": [{"number": 1, "name": "GROENLINKS", "votes": None, "seats": 10, "candidates": None}],
}


def make_dataset() -> dict:
    return {
        "format": 1,
        "built_at": "2026-11-29",
        "sources": {
            "cbs_oud": {"title": "oud", "publisher": "CBS", "url": "", "licence": "", "note": ""},
            "kiesraad_oud": {
                "title": "oud",
                "publisher": "Kiesraad",
                "url": "",
                "licence": "",
                "note": "",
            },
        },
        "notes": [],
        "gemeenten": [
            gemeente("GM0088", "Schiermonnikoog", [fact("inwoners", "971", "2026-01-01")], []),
            gemeente(
                "GM0344",
                "Utrecht",
                [
                    fact("inwoners", "378278", "2026-01-01"),
                    fact("inwoners", "374000", "2024-01-01"),
                ],
                [copy.deepcopy(GR2022_UTRECHT)],
            ),
            gemeente("GM1900", "Súdwest-Fryslân", [fact("inwoners", "90514", "2026-01-01")], []),
        ],
        "benchmarks": [],
    }


def update(
    server: FixtureServer, *, kwb: str | None = None, kiesraad: str | None = None, cbs: bool = True
) -> tuple[dict, list[str]]:
    return update_dataset(
        make_dataset(),
        cbs_url=url(server, "cbs") if cbs else None,
        kiesraad_csv=kiesraad,
        kwb_table=kwb,
        timeout=5,
        today=TODAY,
    )


def facts_of(dataset: dict, code: str, key: str) -> dict[str, dict]:
    gm = next(g for g in dataset["gemeenten"] if g["code"] == code)
    return {f["date"]: f for f in gm["facts"] if f["key"] == key}


def election_of(dataset: dict, code: str, election: str) -> dict:
    gm = next(g for g in dataset["gemeenten"] if g["code"] == code)
    return next(e for e in gm["elections"] if e["election"] == election)


def list_named(election: dict, name: str) -> dict:
    return next(lst for lst in election["lists"] if lst["name"] == name)


# -- CBS 37230ned --------------------------------------------------------------------------


def test_it_adds_the_newest_january_inhabitants(server: FixtureServer) -> None:
    updated, _ = update(server)
    inwoners = facts_of(updated, "GM0344", "inwoners")
    assert inwoners["2027-01-01"] == fact("inwoners", "381502", "2027-01-01", CBS_SOURCE)


def test_it_keeps_older_dated_facts(server: FixtureServer) -> None:
    updated, _ = update(server)
    assert facts_of(updated, "GM0344", "inwoners")["2026-01-01"]["value"] == "378278"


def test_it_adds_the_cbs_source_with_table_id_and_retrieval_date(server: FixtureServer) -> None:
    updated, _ = update(server)
    source = updated["sources"][CBS_SOURCE]
    assert source["publisher"] == "CBS"
    assert source["url"].endswith("/cbs/37230ned")
    assert "37230ned" in source["note"] and "2027-02-15" in source["note"]


def test_it_asks_cbs_for_one_period_and_the_needed_columns(server: FixtureServer) -> None:
    update(server)
    data_requests = [r for r in server.requests if "/37230ned/TypedDataSet" in r]
    assert len(data_requests) == 1
    assert "$filter=Perioden eq '2027MM01'" in data_requests[0]
    assert "$select=RegioS,Perioden,BevolkingAanHetBeginVanDePeriode_1" in data_requests[0]


def test_it_does_not_modify_the_input_dataset(server: FixtureServer) -> None:
    original = make_dataset()
    update_dataset(
        original,
        cbs_url=url(server, "cbs"),
        kiesraad_csv=None,
        kwb_table=None,
        timeout=5,
        today=TODAY,
    )
    assert original == make_dataset()


def test_it_reports_an_unknown_municipality_code_without_adding_it(server: FixtureServer) -> None:
    updated, report = update(server)
    assert any("GM1999" in line and "onbekende gemeentecode" in line for line in report)
    assert "GM1999" not in {g["code"] for g in updated["gemeenten"]}


def test_it_ignores_abolished_municipalities_without_a_figure(server: FixtureServer) -> None:
    _, report = update(server)
    assert not any("GM0058" in line for line in report)


# -- CBS Kerncijfers wijken en buurten -------------------------------------------------------


def test_it_follows_the_odata_next_link(server: FixtureServer) -> None:
    updated, _ = update(server, kwb="85984NED")
    assert facts_of(updated, "GM1900", "oppervlakte_land")["2024-01-01"]["value"] == "52270"
    assert any("/85984NED/TypedDataSet?" in r and "$skip=2" in r for r in server.requests)


def test_it_converts_age_counts_to_a_percentage_of_inhabitants(server: FixtureServer) -> None:
    updated, _ = update(server, kwb="85984NED")
    # 292 of 972 inhabitants of Schiermonnikoog are 65 or older.
    assert facts_of(updated, "GM0088", "leeftijd_65_plus")["2024-01-01"]["value"] == "30.0"


def test_it_converts_household_counts_to_a_percentage_of_households(server: FixtureServer) -> None:
    updated, _ = update(server, kwb="85984NED")
    # 333 of 584 households are one-person households: 57.02 %.
    assert facts_of(updated, "GM0088", "eenpersoonshuishoudens")["2024-01-01"]["value"] == "57.0"


def test_it_takes_origin_from_the_first_of_repeated_prefixes(server: FixtureServer) -> None:
    updated, _ = update(server, kwb="85984NED")
    # EuropaExclusiefNederland_18 (37,424 of 374,238), not _21 (born in NL).
    assert facts_of(updated, "GM0344", "herkomst_europa")["2024-01-01"]["value"] == "10.0"


def test_it_keeps_cbs_decimals_exact(server: FixtureServer) -> None:
    updated, _ = update(server, kwb="85984NED")
    assert facts_of(updated, "GM0344", "huishoudensgrootte")["2024-01-01"]["value"] == "1.9"
    assert facts_of(updated, "GM0344", "inkomen_per_inwoner")["2024-12-31"]["value"] == "33.4"


def test_it_dates_woz_on_the_value_reference_date(server: FixtureServer) -> None:
    updated, _ = update(server, kwb="85984NED")
    assert facts_of(updated, "GM0344", "woz_waarde") == {
        "2023-01-01": fact("woz_waarde", "456", "2023-01-01", KWB_SOURCE)
    }


def test_it_skips_values_cbs_suppressed(server: FixtureServer) -> None:
    updated, _ = update(server, kwb="85984NED")
    assert facts_of(updated, "GM0088", "inkomen_per_inwoner") == {}


def test_it_replaces_and_reports_a_changed_value_for_an_existing_date(
    server: FixtureServer,
) -> None:
    updated, report = update(server, kwb="85984NED")
    assert facts_of(updated, "GM0344", "inwoners")["2024-01-01"] == fact(
        "inwoners", "374238", "2024-01-01", KWB_SOURCE
    )
    changed = [line for line in report if "gewijzigd van 374000 naar 374238" in line]
    assert len(changed) == 1 and changed[0] in updated["notes"]


def test_every_kwb_field_maps_to_a_known_fact_key() -> None:
    assert {f.fact for f in KWB_FIELDS} <= set(FACT_TYPES)


def test_percentage_rounds_half_up() -> None:
    assert percentage(Decimal(1), Decimal(16)) == "6.3"


def test_it_continues_with_skip_after_a_full_page_without_next_link(
    server: FixtureServer,
) -> None:
    rows = odata_rows(
        url(server, "paging/tabel/TypedDataSet?$format=json"), timeout=5, page_limit=2
    )
    assert [r["RegioS"].strip() for r in rows] == ["GM0088", "GM0344", "GM1900"]


# -- Kiesraad ------------------------------------------------------------------------------


def test_the_kiesraad_csv_gives_seats_per_list(server: FixtureServer) -> None:
    updated, _ = update(server, cbs=False, kiesraad=url(server, "kiesraad/GR2026.csv"))
    gr2026 = election_of(updated, "GM0344", "GR2026")
    assert gr2026["council_size"] == 45
    assert list_named(gr2026, "GROENLINKS / Partij van de Arbeid (PvdA)")["seats"] == 14
    assert list_named(gr2026, "Piratenpartij")["seats"] == 0


def test_the_kiesraad_csv_gives_votes_and_candidates(server: FixtureServer) -> None:
    updated, _ = update(server, cbs=False, kiesraad=url(server, "kiesraad/GR2026.csv"))
    gr2026 = election_of(updated, "GM0088", "GR2026")
    assert [(lst["number"], lst["votes"], lst["candidates"]) for lst in gr2026["lists"]] == [
        (1, 196, 5),
        (2, 201, 4),
        (3, 187, 3),
    ]
    assert gr2026["votes_source"] == gr2026["source"] == KIESRAAD_SOURCE


def test_the_kiesraad_election_gets_the_statutory_date_and_a_source(
    server: FixtureServer,
) -> None:
    updated, report = update(server, cbs=False, kiesraad=url(server, "kiesraad/GR2026.csv"))
    assert election_of(updated, "GM1900", "GR2026")["date"] == "2026-03-18"
    assert updated["sources"][KIESRAAD_SOURCE]["publisher"] == "Kiesraad"
    assert any("afgeleid uit de Kieswet" in line for line in report)


def test_the_kiesraad_update_keeps_older_elections(server: FixtureServer) -> None:
    updated, _ = update(server, cbs=False, kiesraad=url(server, "kiesraad/GR2026.csv"))
    assert election_of(updated, "GM0344", "GR2022") == GR2022_UTRECHT


def test_an_eml_directory_gives_seats_votes_and_candidates(server: FixtureServer) -> None:
    updated, _ = update(server, cbs=False, kiesraad=str(FIXTURES / "kiesraad" / "eml"))
    gr2026 = election_of(updated, "GM0088", "GR2026")
    assert gr2026["date"] == "2026-03-18"
    assert [
        (lst["name"], lst["seats"], lst["votes"], lst["candidates"]) for lst in gr2026["lists"]
    ] == [
        ("SAMEN", 3, 196, 5),
        ("Ons Belang", 3, 201, 4),
        ("Schiermonnikoogs Belang", 3, 187, 3),
    ]


@pytest.mark.parametrize(
    ("year", "day"),
    [(2014, "2014-03-19"), (2018, "2018-03-21"), (2022, "2022-03-16"), (2026, "2026-03-18")],
)
def test_the_statutory_election_day_matches_past_elections(year: int, day: str) -> None:
    assert gr_election_day(year).isoformat() == day


# -- failures --------------------------------------------------------------------------------


def write_dataset_file(tmp_path: Path) -> Path:
    path = tmp_path / "dataset.json"
    path.write_text(
        json.dumps(make_dataset(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return path


def test_offline_raises_a_dutch_error_and_leaves_the_file_alone(
    tmp_path: Path, closed_port: int
) -> None:
    path = write_dataset_file(tmp_path)
    before = path.read_bytes()
    with pytest.raises(DataUpdateError) as error:
        run_update(
            dataset_path=path,
            cbs_url=f"http://127.0.0.1:{closed_port}/odata",
            kiesraad_csv=None,
            kwb_table="85984NED",
            timeout=5,
            stdout=io.StringIO(),
        )
    assert "Kan 127.0.0.1 niet bereiken (geen netwerkverbinding?). Er is niets gewijzigd." in str(
        error.value
    )
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["dataset.json"]


def test_a_server_that_never_answers_raises_a_time_out_error(tmp_path: Path) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        with pytest.raises(
            DataUpdateError, match="Geen antwoord van 127.0.0.1 binnen 0.5 seconden"
        ):
            update_dataset(
                make_dataset(),
                cbs_url=f"http://127.0.0.1:{port}/odata",
                kiesraad_csv=None,
                kwb_table=None,
                timeout=0.5,
            )


def test_malformed_json_names_the_url(server: FixtureServer) -> None:
    with pytest.raises(DataUpdateError, match=r"cbs-kapot/37230ned/TableInfos.*geen geldige JSON"):
        update_dataset(
            make_dataset(),
            cbs_url=url(server, "cbs-kapot"),
            kiesraad_csv=None,
            kwb_table=None,
            timeout=5,
        )


def test_a_missing_kwb_table_suggests_the_option(server: FixtureServer) -> None:
    with pytest.raises(DataUpdateError, match="CBS kent tabel 99999NED niet .*--kwb-tabel"):
        update(server, kwb="99999NED")


def test_a_csv_without_the_kiesraad_columns_names_the_url(server: FixtureServer) -> None:
    with pytest.raises(DataUpdateError, match=r"kiesraad/kapot/GR2026.csv is geen Kiesraad"):
        update(server, cbs=False, kiesraad=url(server, "kiesraad/kapot/GR2026.csv"))


def test_broken_eml_names_the_url(server: FixtureServer) -> None:
    with pytest.raises(
        DataUpdateError, match=r"Resultaat_GR2026_Kapot.eml.xml is geen geldige XML"
    ):
        update(
            server, cbs=False, kiesraad=url(server, "kiesraad/kapot/Resultaat_GR2026_Kapot.eml.xml")
        )


# -- run_update ------------------------------------------------------------------------------


def test_run_update_writes_the_new_dataset(server: FixtureServer, tmp_path: Path) -> None:
    path = write_dataset_file(tmp_path)
    out = io.StringIO()
    report = run_update(
        dataset_path=path,
        cbs_url=url(server, "cbs"),
        kiesraad_csv=url(server, "kiesraad/GR2026.csv"),
        kwb_table="85984NED",
        timeout=5,
        stdout=out,
        today=TODAY,
    )
    written = json.loads(path.read_text(encoding="utf-8"))
    assert facts_of(written, "GM0344", "inwoners")["2027-01-01"]["value"] == "381502"
    assert election_of(written, "GM0344", "GR2026")["council_size"] == 45
    assert report[-1] == f"Gegevensbestand geschreven naar {path}."
    assert "37230ned" in out.getvalue()


def test_run_update_keeps_the_file_layout(server: FixtureServer, tmp_path: Path) -> None:
    path = write_dataset_file(tmp_path)
    run_update(
        dataset_path=path,
        cbs_url=url(server, "cbs"),
        kiesraad_csv=None,
        kwb_table=None,
        timeout=5,
        stdout=io.StringIO(),
        today=TODAY,
    )
    assert path.read_text(encoding="utf-8").splitlines()[1] == ' "format": 1,'


def test_run_update_does_not_rewrite_an_unchanged_dataset(
    server: FixtureServer, tmp_path: Path
) -> None:
    path = write_dataset_file(tmp_path)
    options = dict(
        dataset_path=path,
        cbs_url=url(server, "cbs"),
        kiesraad_csv=None,
        kwb_table=None,
        timeout=5,
        stdout=io.StringIO(),
        today=TODAY,
    )
    run_update(**options)
    report = run_update(**options)
    assert "niet herschreven" in report[-1]


def test_the_default_cbs_url_comes_from_settings(settings: object) -> None:
    settings.CBS_ODATA_URL = "https://cbs.example/ODataApi/odata"  # type: ignore[attr-defined]
    assert default_cbs_url() == "https://cbs.example/ODataApi/odata"


def test_new_facts_join_their_key_in_date_order(server: FixtureServer) -> None:
    updated, _ = update(server, kwb="85984NED")
    schiermonnikoog = next(g for g in updated["gemeenten"] if g["code"] == "GM0088")
    assert [(f["key"], f["date"]) for f in schiermonnikoog["facts"][:4]] == [
        ("inwoners", "2024-01-01"),
        ("inwoners", "2026-01-01"),
        ("inwoners", "2027-01-01"),
        ("mannen", "2024-01-01"),
    ]


def test_run_update_can_write_elsewhere(server: FixtureServer, tmp_path: Path) -> None:
    path = write_dataset_file(tmp_path)
    before = path.read_bytes()
    target = tmp_path / "nieuw.json"
    run_update(
        dataset_path=path,
        output_path=target,
        cbs_url=url(server, "cbs"),
        kiesraad_csv=None,
        kwb_table=None,
        timeout=5,
        stdout=io.StringIO(),
        today=TODAY,
    )
    assert path.read_bytes() == before
    assert "2027-01-01" in facts_of(json.loads(target.read_text("utf-8")), "GM0088", "inwoners")


@pytest.mark.parametrize(
    "location",
    [
        "https://data.overheid.nl/sites/default/files/dataset/x/resources/GR2026.csv",
        "https://example.org/Verkiezingsuitslag%20Gemeenteraad%202026.csv",
        "/tmp/gr2026_uitslag.csv",
    ],
)
def test_the_election_id_comes_from_the_file_name(location: str) -> None:
    assert election_id_from(location) == "GR2026"
