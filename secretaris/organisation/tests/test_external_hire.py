"""Externe inhuur comes from the dossier's Iv3 jaarrekening, as % of the own loonsom."""

from decimal import Decimal

import pytest

from secretaris.dossier.models import Gemeente
from secretaris.organisation.presenter import external_hire

pytestmark = pytest.mark.django_db


def test_it_takes_the_newest_jaarrekening_of_the_dossier():
    gemeente = Gemeente.objects.get(name="Utrecht")
    accounts = [
        d
        for d in gemeente.financien
        if d["document"] == "jaarrekening" and d["loonsom"] and d["externe_inhuur"] is not None
    ]
    newest = max(accounts, key=lambda d: d["year"])
    hire = external_hire(gemeente)
    assert hire["year"] == newest["year"]
    expected = Decimal(newest["externe_inhuur"]) * 100 / Decimal(newest["loonsom"])
    assert hire["pct"] == expected.quantize(Decimal("0.1"))


def test_it_is_unknown_where_the_own_loonsom_is_near_zero():
    gemeente = Gemeente.objects.get(name="Utrecht")
    newest = max(
        (d for d in gemeente.financien if d["document"] == "jaarrekening"),
        key=lambda d: d["year"],
    )
    gemeente.financien = [{**newest, "loonsom": 3, "externe_inhuur": 900}]
    assert external_hire(gemeente) is None


def test_it_is_unknown_without_a_jaarrekening():
    gemeente = Gemeente.objects.get(name="Utrecht")
    gemeente.financien = []
    assert external_hire(gemeente) is None
