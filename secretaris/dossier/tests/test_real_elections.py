"""The law checked against real results: GR2022 seats recomputed from GR2022 votes."""

from __future__ import annotations

import json

import pytest

from secretaris.dossier.dataset import DATASET_PATH
from secretaris.law.raadsgrootte import council_size
from secretaris.law.zetelverdeling import apportion


def _gr2022():
    data = json.loads(DATASET_PATH.read_text(encoding="utf-8"))
    for gemeente in data["gemeenten"]:
        for election in gemeente["elections"]:
            if election["election"] == "GR2022":
                yield gemeente, election


def _complete(election) -> bool:
    return all(item["votes"] is not None for item in election["lists"])


def test_most_municipalities_have_gr2022_votes_and_seats():
    complete = [g["code"] for g, e in _gr2022() if _complete(e)]
    assert len(complete) >= 320


def test_recomputed_gr2022_seats_equal_the_official_seats_everywhere():
    mismatches = []
    checked = 0
    for gemeente, election in _gr2022():
        if not _complete(election):
            continue
        votes = [item["votes"] for item in election["lists"]]
        # Candidate counts are known only where the result shows list exhaustion
        # (Enkhuizen 2022); elsewhere a list cannot run out of candidates.
        size = election["council_size"]
        candidates = [item.get("candidates") or size for item in election["lists"]]
        official = [item["seats"] for item in election["lists"]]
        result = apportion(size, votes, candidates)
        checked += 1
        if list(result.seats) != official:
            mismatches.append((gemeente["name"], official, list(result.seats)))
    assert checked >= 320
    assert mismatches == []


@pytest.mark.parametrize("code,name", [("GM0344", "Utrecht"), ("GM0088", "Schiermonnikoog")])
def test_gr2026_council_size_follows_from_inhabitants(code, name):
    data = json.loads(DATASET_PATH.read_text(encoding="utf-8"))
    gemeente = next(g for g in data["gemeenten"] if g["code"] == code)
    gr2026 = next(e for e in gemeente["elections"] if e["election"] == "GR2026")
    inhabitants_2024 = next(
        int(f["value"])
        for f in gemeente["facts"]
        if f["key"] == "inwoners" and f["date"] == "2024-01-01"
    )
    assert gr2026["council_size"] == council_size(inhabitants_2024)
