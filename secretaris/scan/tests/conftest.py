"""Personas and scans for the ontwikkelscan tests.

Alice is the secretary (she owns her scan), Bob coordinates it, Charlie is an outsider.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from secretaris.dossier.models import Gemeente
from secretaris.scan.models import Rater, Scan, start_scan
from secretaris.scan.tokens import issue
from secretaris.test import make_user

SITUATIONAL = ["adviesvaardigheid", "samenwerken"]


@pytest.fixture
def alice(db):
    """Alice is the gemeentesecretaris; the scan is about her."""
    user = make_user("alice")
    user.first_name, user.last_name = "Alice", "Aerts"
    user.save()
    return user


@pytest.fixture
def bob(db):
    """Bob coordinates Alice's scan."""
    return make_user("bob")


@pytest.fixture
def charlie(db):
    """Charlie has nothing to do with the scan."""
    return make_user("charlie")


def new_scan(alice, bob) -> Scan:
    """A concept scan for Alice, made by Bob (so Bob is the coordinator); Alice agreed."""
    scan = start_scan(
        gemeente=Gemeente.objects.get(code="GM1900"),
        secretary=alice,
        created_by=bob,
        deadline=timezone.now() + timedelta(days=14),
        situational=SITUATIONAL,
    )
    scan.accept()
    return scan


@pytest.fixture
def municipality(transactional_db) -> None:
    """For tests that commit (django_db(transaction=True)): each ends by emptying the
    database, the shipped data set included, so the scan's municipality is put back for
    the next one (its name is all these tests need of it)."""
    Gemeente.objects.get_or_create(
        code="GM1900",
        defaults={"name": "Súdwest-Fryslân", "slug": "sudwest-fryslan", "province": "Friesland"},
    )


@pytest.fixture
def scan(alice, bob) -> Scan:
    return new_scan(alice, bob)


def add_rater(scan: Scan, group: str, name: str, email: str, **fields) -> Rater:
    return Rater.objects.create(
        scan=scan, group=scan.groups.get(key=group), name=name, email=email, **fields
    )


def open_with_link(scan: Scan, rater: Rater) -> str:
    """Approve, open the scan without sending mail, and give `rater` a working link."""
    scan.approve_raters()
    scan.mark_open()
    token = issue(rater)
    Rater.objects.filter(pk=rater.pk).update(invited_at=timezone.now())
    return token


@pytest.fixture
def wethouder(scan) -> Rater:
    return add_rater(scan, "wethouders", "Willem Wethouder", "willem@gemeente.nl")


@pytest.fixture
def link(scan, wethouder) -> str:
    """The path of Willem's personal link in an open scan."""
    from django.urls import reverse

    token = open_with_link(scan, wethouder)
    return reverse("scan:answer", args=[token])
