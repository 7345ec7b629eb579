"""`secretaris raadsgrootte` and `secretaris zetelverdeling`, run as real subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def zetelverdeling(payload: object, *args: str) -> subprocess.CompletedProcess[str]:
    text = payload if isinstance(payload, str) else json.dumps(payload)
    return run("zetelverdeling", *args, stdin=text)


# --- raadsgrootte ---------------------------------------------------------------------------


def test_raadsgrootte_prints_council_size_and_wethouders_in_dutch():
    done = run("raadsgrootte", "45001")
    assert done.returncode == 0
    assert "29 leden" in done.stdout
    assert "6 wethouders" in done.stdout
    assert "45.001 inwoners" in done.stdout


def test_raadsgrootte_json():
    done = run("raadsgrootte", "3000", "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout) == {
        "inhabitants": 3000,
        "council_size": 9,
        "max_wethouders": 2,
        "max_wethouders_parttime": 2,
    }


@pytest.mark.parametrize("bad", ["-5", "45.000", "veel", "1e5", "12.5", "9" * 5000, "1" * 13])
def test_raadsgrootte_rejects_bad_input_with_exit_2(bad):
    done = run("raadsgrootte", bad)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "inwoners" in done.stderr


# --- zetelverdeling -------------------------------------------------------------------------


def test_zetelverdeling_prints_seats():
    done = zetelverdeling({"seats": 15, "votes": [2571, 977, 567, 536, 453]})
    assert done.returncode == 0
    assert json.loads(done.stdout) == {"seats": [8, 3, 2, 1, 1]}


def test_zetelverdeling_uses_candidates():
    payload = {"seats": 15, "votes": [2571, 977, 567, 536, 453], "candidates": [7, 4, 2, 2, 2]}
    done = zetelverdeling(payload)
    assert done.returncode == 0
    assert json.loads(done.stdout) == {"seats": [7, 3, 2, 2, 1]}
    assert "Kiesraad" in done.stderr  # P 9 plus P 10 warning


def test_zetelverdeling_reports_a_required_lot_with_exit_3():
    done = zetelverdeling({"seats": 15, "votes": [540, 160, 160, 80, 80, 80, 55, 45]})
    assert done.returncode == 3
    assert json.loads(done.stdout) == {"lot_required_between": [2, 3, 4, 5, 6]}


def test_zetelverdeling_accepts_drawn_lots_as_list_numbers():
    payload = {"seats": 15, "votes": [540, 160, 160, 80, 80, 80, 55, 45], "lots": [6]}
    done = zetelverdeling(payload)
    assert done.returncode == 0
    assert json.loads(done.stdout) == {"seats": [7, 2, 2, 1, 1, 2, 0, 0]}


def test_zetelverdeling_asks_for_the_next_lot_after_the_first():
    payload = {"seats": 15, "votes": [500, 140, 140, 140, 140, 140], "lots": [4]}
    done = zetelverdeling(payload)
    assert done.returncode == 3
    assert json.loads(done.stdout) == {"lot_required_between": [2, 3, 5, 6]}


def test_zetelverdeling_uitleg_explains_on_stderr_and_keeps_stdout():
    done = zetelverdeling({"seats": 15, "votes": [2571, 977, 567, 536, 453]}, "--uitleg")
    assert done.returncode == 0
    assert json.loads(done.stdout) == {"seats": [8, 3, 2, 1, 1]}
    assert "Kiesdeler: 340 4/15" in done.stderr
    assert "Volle zetels" in done.stderr
    assert done.stderr.count("Restzetel naar") == 3
    assert "P 9" in done.stderr


def test_zetelverdeling_warns_about_unassigned_seats():
    payload = {"seats": 15, "votes": [2000, 1600, 1200, 800, 400], "candidates": [4, 4, 3, 2, 1]}
    done = zetelverdeling(payload)
    assert done.returncode == 0
    assert json.loads(done.stdout) == {"seats": [4, 4, 3, 2, 1]}
    assert "onbezet" in done.stderr


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("", "Geen invoer"),
        ("{seats: 9}", "geen geldige JSON"),
        ("[9, [1, 2]]", "JSON-object"),
        ({"votes": [1, 2]}, "'seats'"),
        ({"seats": 9}, "'votes'"),
        ({"seats": 9, "votes": []}, "niet-lege"),
        ({"seats": 0, "votes": [1, 2]}, "ten minste één zetel"),
        ({"seats": 9, "votes": [1, -2]}, "negatief"),
        ({"seats": 9, "votes": [1, 2.5]}, "geheel getal"),
        ({"seats": "9", "votes": [1, 2]}, "geheel getal"),
        ({"seats": 9, "votes": [1, 2], "candidates": [3]}, "evenveel"),
        ({"seats": 9, "votes": [1, 2], "lots": [3]}, "geen lijstnummer"),
        ({"seats": 9, "votes": [1, 2], "lots": [0]}, "geen lijstnummer"),
        ({"seats": 9, "votes": [1, 2], "lot": [1]}, "Onbekend veld"),
        ({"seats": 9, "votes": 12}, "lijst met getallen"),
        ({"seats": 15, "votes": [540, 160, 160, 80, 80, 80, 55, 45], "lots": [1]}, "geloot"),
    ],
)
def test_zetelverdeling_rejects_bad_input_with_exit_2(payload, message):
    done = zetelverdeling(payload)
    assert done.returncode == 2
    assert done.stdout == ""
    assert message in done.stderr


@pytest.mark.parametrize("command", ["raadsgrootte", "zetelverdeling"])
def test_command_help_has_an_example(command):
    done = run("help", command)
    assert done.returncode == 0
    assert "Voorbeeld:" in done.stdout


def test_an_unmigrated_database_gets_a_message_not_a_traceback(tmp_path):
    import os

    env = {**os.environ, "SQLITE_PATH": str(tmp_path / "leeg.sqlite3")}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "secretaris.cli", "dossier", "Utrecht"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "secretaris migrate" in done.stderr
