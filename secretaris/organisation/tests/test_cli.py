import json

import pytest
from django.core.management import CommandError, call_command

from secretaris.organisation import demo
from secretaris.organisation.models import Employment, Organisation, StaffImport
from secretaris.organisation.tests.conftest import PEIL
from secretaris.organisation.tests.helpers import csv_bytes


@pytest.mark.parametrize("kind", demo.FORMATS)
@pytest.mark.parametrize("xlsx", [False, True])
def test_demo_exports_of_every_format_import_without_mapping(db, tmp_path, capsys, kind, xlsx):
    path = tmp_path / ("export.xlsx" if xlsx else "export.csv")
    call_command(
        "organisatie",
        "demo",
        "--rijen",
        "400",
        "--formaat",
        kind,
        *(["--xlsx"] if xlsx else []),
        "--peildatum",
        "2025-12-31",
        "-o",
        str(path),
    )
    capsys.readouterr()
    call_command(
        "organisatie", "importeer", "Utrecht", str(path), "--peildatum", "2025-12-31", "--json"
    )
    result = json.loads(capsys.readouterr().out)
    assert {
        "headcount",
        "fte",
        "women_pct",
        "average_age",
        "inflow_pct",
        "outflow_pct",
        "sickness_absence_pct",
        "benchmarks",
    } <= set(result)
    assert 100 < result["headcount"] < 400 and 40 < result["average_age"] < 52
    used = {b["indicator"]: b for b in result["benchmarks"]}
    assert used["sickness_absence_pct"]["sector"][0]["scope"] == "Nederland"
    assert used["sickness_absence_pct"]["sector"][0]["year"] == 2023


def test_bad_input_exits_2_with_row_messages_and_stores_nothing(db, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes("1;x;Q;01-01-1980;01-01-2020;;0,8;A;B;nee"))
    with pytest.raises(CommandError) as caught:
        call_command(
            "organisatie", "importeer", "Utrecht", str(path), "--peildatum", PEIL.isoformat()
        )
    assert caught.value.returncode == 2
    assert "er is niets ingelezen" in str(caught.value)
    assert "regel 2, kolom 'Geslacht': onbekende code 'q'" in capsys.readouterr().err
    assert (
        Organisation.objects.count(),
        StaffImport.objects.count(),
        Employment.objects.count(),
    ) == (0, 0, 0)


def test_unknown_municipality_and_missing_file_exit_2(db, tmp_path):
    for args in (["Atlantis", str(tmp_path / "x.csv")], ["Utrecht", str(tmp_path / "x.csv")]):
        with pytest.raises(CommandError) as caught:
            call_command("organisatie", "importeer", *args)
        assert caught.value.returncode == 2
