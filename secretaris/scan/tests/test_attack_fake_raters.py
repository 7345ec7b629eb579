"""Attack 1: the secretary puts mailboxes of their own on the list to unmask a real rater.

Each test plays the attacker through the pages, as the secretary (or a helper) would.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from secretaris.jobs.testing import run_jobs
from secretaris.scan.models import Rater, Scan
from secretaris.scan.tests.conftest import SITUATIONAL
from secretaris.test import make_user

pytestmark = pytest.mark.django_db

FAKES = "Willem Wethouder, willem@gemeente.nl, Wethouders\n" + "\n".join(
    f"Nep {n}, alice+w{n}@example.nl, Wethouders" for n in (1, 2)
)


def in_two_weeks() -> str:
    return (timezone.localdate() + timedelta(days=14)).isoformat()


def post_new_scan(client, secretary: str) -> None:
    response = client.post(
        reverse("scan:new"),
        {
            "gemeente": "GM1900",
            "title": "Ontwikkelscan",
            "secretary": secretary,
            "deadline": in_two_weeks(),
            "k": "3",
            "situational": SITUATIONAL,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def post_settings(client, scan: Scan, coordinator: str):
    scan.refresh_from_db()
    return client.post(
        reverse("scan:settings", args=[scan.pk]),
        {
            "lock_version": scan.lock_version,
            "title": scan.title,
            "deadline": in_two_weeks(),
            "coordinator": coordinator,
            "k": 3,
            "situational": SITUATIONAL,
        },
    )


def start_own_scan(client, alice) -> Scan:
    """Alice starts a scan about herself through the pages."""
    client.force_login(alice)
    post_new_scan(client, "alice")
    return Scan.objects.get(secretary=alice)


def test_a_secretary_without_a_coordinator_cannot_approve_her_own_list(client, alice):
    scan = start_own_scan(client, alice)
    client.post(reverse("scan:raters", args=[scan.pk]), {"lines": FAKES})
    assert scan.raters.count() == 4  # herself, Willem, two fakes
    response = client.post(reverse("scan:approve", args=[scan.pk]), follow=True)
    assert "alleen de coördinator" in response.content.decode().lower()
    scan.refresh_from_db()
    assert scan.status == Scan.CONCEPT
    assert not scan.raters.filter(approved=True).exists()
    response = client.post(reverse("scan:invite", args=[scan.pk]))
    assert len(mail.outbox) == 0


def test_a_secretary_cannot_make_herself_coordinator(client, alice):
    scan = start_own_scan(client, alice)
    response = post_settings(client, scan, "alice")
    assert "iemand anders dan de secretaris" in response.content.decode()
    scan.refresh_from_db()
    assert scan.coordinator is None


def test_the_coordinator_must_confirm_look_alike_addresses_one_by_one(client, alice, bob):
    scan = start_own_scan(client, alice)
    post_settings(client, scan, "bob")
    client.post(
        reverse("scan:raters", args=[scan.pk]),
        {
            "lines": FAKES
            + "\nA Lice, A.LICE@example.nl, Directie\nNog een, willem+x@gemeente.nl, Directie"
        },
    )
    client.force_login(bob)
    page = client.get(reverse("scan:raters", args=[scan.pk])).content.decode()
    assert page.count("Let op:") == 5  # two +tags, the dotted capitals, Willem twice
    assert "het eigen e-mailadres van de secretaris" in page
    assert "ook in de groep" in page
    client.post(reverse("scan:approve", args=[scan.pk]))
    scan.refresh_from_db()
    assert scan.status == Scan.CONCEPT
    for fake in scan.raters.filter(name__startswith="Nep"):
        client.post(reverse("scan:confirm_rater", args=[scan.pk, fake.pk]))
    client.post(reverse("scan:approve", args=[scan.pk]))
    scan.refresh_from_db()
    assert scan.status == Scan.CONCEPT  # three flagged rows still unconfirmed
    for rater in scan.raters.exclude(name__startswith="Nep").exclude(group__is_self=True):
        client.post(reverse("scan:confirm_rater", args=[scan.pk, rater.pk]))
    client.post(reverse("scan:approve", args=[scan.pk]))
    scan.refresh_from_db()
    assert scan.status == Scan.UITNODIGEN


def test_after_approval_the_secretary_sees_counts_not_addresses(client, scan, alice, bob):
    client.force_login(alice)
    client.post(reverse("scan:raters", args=[scan.pk]), {"lines": FAKES})
    client.force_login(bob)
    for rater in scan.raters.filter(name__startswith="Nep"):
        client.post(reverse("scan:confirm_rater", args=[scan.pk, rater.pk]))
    client.post(reverse("scan:approve", args=[scan.pk]))
    client.force_login(alice)
    for name in ("scan:dashboard", "scan:raters"):
        page = client.get(reverse(name, args=[scan.pk])).content.decode()
        assert "willem@gemeente.nl" not in page and "Willem Wethouder" not in page
    # nor can she send, remind or re-invite: that is the coordinator's
    willem = Rater.objects.get(email="willem@gemeente.nl")
    for name, args in (
        ("scan:invite", [scan.pk]),
        ("scan:remind", [scan.pk]),
        ("scan:reinvite", [scan.pk, willem.pk]),
    ):
        client.post(reverse(name, args=args))
    run_jobs()
    assert len(mail.outbox) == 0
    response = client.post(reverse("scan:remove_rater", args=[scan.pk, willem.pk]))
    assert response.status_code == 404
    client.force_login(bob)
    client.post(reverse("scan:invite", args=[scan.pk]))
    run_jobs()
    assert len(mail.outbox) == 4  # Alice herself, Willem and the two confirmed fakes


def test_the_coordinator_cannot_be_removed_once_the_list_is_approved(client, scan, alice, bob):
    client.force_login(alice)
    client.post(reverse("scan:raters", args=[scan.pk]), {"lines": FAKES.splitlines()[0]})
    client.force_login(bob)
    client.post(reverse("scan:approve", args=[scan.pk]))
    client.force_login(alice)
    post_settings(client, scan, "")
    scan.refresh_from_db()
    assert scan.coordinator == bob


def test_nothing_is_sent_before_the_secretary_accepts_a_scan_about_her(client, alice):
    mallory = make_user("mallory")
    client.force_login(mallory)
    post_new_scan(client, "alice")
    scan = Scan.objects.get(secretary=alice)
    assert scan.coordinator == mallory and scan.secretary_accepted_at is None
    client.post(reverse("scan:raters", args=[scan.pk]), {"lines": FAKES})
    response = client.post(reverse("scan:approve", args=[scan.pk]), follow=True)
    assert "nog niet laten weten" in response.content.decode()
    client.post(reverse("scan:invite", args=[scan.pk]))
    assert len(mail.outbox) == 0
    client.force_login(alice)
    assert "Ik doe mee" in client.get(reverse("scan:dashboard", args=[scan.pk])).content.decode()
    client.post(reverse("scan:accept", args=[scan.pk]))
    scan.refresh_from_db()
    assert scan.secretary_accepted_at is not None
