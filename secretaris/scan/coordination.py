"""Telling everyone when a beheerder gives a running scan another coordinator.

The coordinator is the second pair of eyes on who gets invited. After concept only a
beheerder may change it (in the admin); the old and the new coordinator and the secretary
each get an email, so that a swap made to help the secretary cheat does not go unnoticed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail

from secretaris.scan.models import Scan


def _name(user: Any) -> str:
    return user.get_full_name() or user.get_username()


def announce_new_coordinator(scan: Scan, old: Any) -> int:
    """Email the old and new coordinator and the secretary; returns how many were sent."""
    new = scan.coordinator
    text = (
        f"Bij de ontwikkelscan van {scan.secretary_name} (gemeente {scan.gemeente.name}) "
        f"is de coördinator veranderd door een beheerder.\n\n"
        f"Was: {_name(old) if old else 'niemand'}\n"
        f"Nu: {_name(new) if new else 'niemand'}\n\n"
        "De coördinator keurt de lijst met beoordelaars goed en verstuurt de uitnodigingen. "
        "Klopt dit niet? Neem dan contact op met de beheerder van Secretaris.\n"
    )
    people = {u.pk: u for u in (old, new, scan.secretary) if u is not None and u.email}
    sent = 0
    for user in people.values():
        sent += send_mail(
            "Andere coördinator voor de ontwikkelscan",
            text,
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
            fail_silently=True,
        )
    return sent
