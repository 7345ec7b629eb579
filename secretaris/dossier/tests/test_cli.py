import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from secretaris.cli import COMMANDS, usage

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.django_db


def run(*args, stdin=""):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "secretaris.settings"}
    return subprocess.run(
        [sys.executable, "-m", "secretaris.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_dossier_json_has_the_contract_fields(capsys):
    call_command("dossier", "Sudwest Fryslan", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["code"] == "GM1900" and data["name"] == "Súdwest-Fryslân"
    assert data["province"] == "Friesland"
    assert set(data["inhabitants"]) >= {"value", "date", "source"}
    assert set(data["council"]) >= {"legal_size", "election", "seats"}
    assert all(set(s) >= {"list", "seats", "votes"} for s in data["council"]["seats"])
    assert isinstance(data["max_wethouders"], int)
    assert len(data["woonplaatsen"]) == 89
    assert isinstance(data["mergers"], list) and data["mergers"]


def test_dossier_text_is_readable(capsys):
    call_command("dossier", "Den Bosch")
    out = capsys.readouterr().out
    assert out.startswith("'s-Hertogenbosch (GM0796)")
    assert "Gemeenteraad:" in out


def test_an_unknown_name_exits_2_with_suggestions(capsys):
    with pytest.raises(CommandError) as info:
        call_command("dossier", "Amstrdam")
    assert info.value.returncode == 2
    assert "Amsterdam" in str(info.value)


def test_top_level_help_lists_every_command():
    text = usage()
    for name in COMMANDS:
        assert name in text


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "migrate"])
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Voorbeeld" in result.stdout


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "migrate"])
def test_every_command_is_documented_in_the_readme(command):
    assert f"secretaris {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_data_load_shows_progress_and_changes_nothing_the_second_time(capsys):
    call_command("data", "load")
    out = capsys.readouterr().out
    assert "[3/10] Cijfers…" in out
    assert "niets gewijzigd" in out


def test_data_load_of_a_broken_file_exits_2_and_changes_nothing(tmp_path):
    from secretaris.dossier.models import Fact

    broken = tmp_path / "kapot.json"
    broken.write_text('{"format": 1, "gemeenten": [', encoding="utf-8")
    before = Fact.objects.count()
    with pytest.raises(CommandError) as info:
        call_command("data", "load", "--bestand", str(broken))
    assert info.value.returncode == 2
    assert "geen geldige JSON" in str(info.value)
    assert Fact.objects.count() == before


def test_data_update_offline_fails_clearly_and_keeps_the_file(tmp_path):
    import socket

    from secretaris.dossier.dataset import DATASET_PATH

    copy = tmp_path / "dataset.json"
    copy.write_bytes(DATASET_PATH.read_bytes())
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(CommandError) as info:
        call_command(
            "data",
            "update",
            "--cbs-url",
            f"http://127.0.0.1:{port}/odata",
            "--uitvoer",
            str(copy),
            "--timeout",
            "2",
        )
    assert info.value.returncode == 2
    assert "niets gewijzigd" in str(info.value).lower()
    assert copy.read_bytes() == DATASET_PATH.read_bytes()
