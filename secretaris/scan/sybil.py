"""Addresses the coordinator must look at before approving the rater list.

A secretary who proposes raters could put mailboxes of their own on the list (a "+tag",
extra dots or capitals make one mailbox look like several) and fill in those links
themself; with the few real raters in a group that gives away the real ones' answers. So,
before approval, we flag:

- an address that is, after normalising, the secretary's own (outside the group Zelf);
- two addresses that are, after normalising, the same mailbox (also across groups).

Normalising: lower case, and in the part before the @ everything from a "+" dropped and
dots removed. That is how the big mail providers treat them; for other domains it may
flag two different people, which is why a flag asks the coordinator to confirm, and does
not refuse. The coordinator confirms each flagged row on its own. A coordinator who helps
the secretary cheat is outside what this can stop (docs/anonymity.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Row:
    id: int
    email: str
    group: str  # the group's name
    is_self: bool = False


def mailbox(email: str) -> str:
    """'A.Jansen+w1@Gemeente.NL' -> 'ajansen@gemeente.nl'."""
    local, _, domain = email.strip().lower().rpartition("@")
    if not local:
        return email.strip().lower()
    return f"{local.split('+', 1)[0].replace('.', '')}@{domain}"


def flags(secretary_email: str, rows: Iterable[Row]) -> dict[int, list[str]]:
    """Per flagged row id: the reasons, in Dutch."""
    rows = list(rows)
    own = mailbox(secretary_email) if secretary_email else None
    by_box: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_box[mailbox(row.email)].append(row)
    found: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        if row.is_self:  # the secretary's own row: the look-alikes next to it are flagged
            continue
        box = mailbox(row.email)
        if own and box == own:
            found[row.id].append("Dit lijkt het eigen e-mailadres van de secretaris.")
        for other in by_box[box]:
            if other.id == row.id or (other.is_self and box == own):
                continue  # the secretary's own row: said once, above
            where = "ook in" if other.group != row.group else "nog eens in"
            found[row.id].append(
                f"Dit is hetzelfde postvak als {other.email}, dat {where} de groep "
                f"{other.group} staat."
            )
    return dict(found)


def scan_flags(scan: Any) -> dict[int, list[str]]:
    """`flags` for every rater of `scan`."""
    rows = [
        Row(r.pk, r.email, r.group.name, r.group.is_self)
        for r in scan.raters.select_related("group")
    ]
    return flags(scan.secretary.email or "", rows)


def unconfirmed_flags(scan: Any) -> list[int]:
    """Flagged raters still waiting for approval whom the coordinator did not confirm."""
    flagged = scan_flags(scan)
    waiting = scan.raters.filter(
        pk__in=list(flagged), approved=False, flag_confirmed_at__isnull=True
    )
    return list(waiting.values_list("pk", flat=True))
