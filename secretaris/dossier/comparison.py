"""Similar municipalities: same province and same CBS size class."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Count, OuterRef, Subquery

from secretaris.dossier.models import Election, Fact, Gemeente, ListResult
from secretaris.dossier.politics import effective_number_of_parties, size_class
from secretaris.dossier.presenter import Dossier


@dataclass(frozen=True)
class Row:
    gemeente: Gemeente
    inhabitants: int | None
    seats: int | None
    lists: int
    enp: Fraction | None
    aged_65: object
    woonplaatsen: int
    is_self: bool
    national: bool = False  # peers from the whole country (too few in the province)


#: Fewer peers than this in the province: compare with the whole country.
MIN_PEERS = 2


def similar(dossier: Dossier, limit: int = 12) -> list[Row]:
    """This municipality and its peers in the same province and size class, largest first.

    Where the province has fewer than MIN_PEERS others of that class (Utrecht is the only
    municipality of 250.000 or more in its province), peers come from the whole country.
    """
    if dossier.size_class is None:
        return []
    rows = _similar(dossier, limit, national=False)
    if sum(1 for r in rows if not r.is_self) < MIN_PEERS:
        rows = _similar(dossier, limit, national=True)
    return rows


def _similar(dossier: Dossier, limit: int, *, national: bool) -> list[Row]:
    assert dossier.size_class is not None
    wanted_class = dossier.size_class[0]
    newest = Fact.objects.filter(gemeente=OuterRef("pk"), key="inwoners").order_by("-date")
    aged = Fact.objects.filter(gemeente=OuterRef("pk"), key="leeftijd_65_plus").order_by("-date")
    latest_election = Election.objects.filter(gemeente=OuterRef("pk")).order_by("-date")
    scope = Gemeente.objects.all()
    if not national:
        scope = scope.filter(province=dossier.gemeente.province)
    candidates = scope.annotate(
        inhabitants=Subquery(newest.values("value")[:1]),
        aged_65=Subquery(aged.values("value")[:1]),
        election_id=Subquery(latest_election.values("pk")[:1]),
        seats=Subquery(latest_election.values("council_size")[:1]),
    )
    peers = [
        g
        for g in candidates
        if g.inhabitants is not None and size_class(int(g.inhabitants))[0] == wanted_class
    ]
    seats_by_election: dict[int, list[int]] = {}
    for election_id, seats in ListResult.objects.filter(
        election_id__in=[g.election_id for g in peers if g.election_id]
    ).values_list("election_id", "seats"):
        seats_by_election.setdefault(election_id, []).append(seats)
    counts = dict(
        Gemeente.objects.filter(pk__in=[g.pk for g in peers])
        .values_list("pk")
        .annotate(n=Count("woonplaatsen"))
    )
    rows = []
    for g in sorted(peers, key=lambda g: -g.inhabitants):
        seats = seats_by_election.get(g.election_id, [])
        rows.append(
            Row(
                gemeente=g,
                inhabitants=int(g.inhabitants),
                seats=g.seats,
                lists=sum(1 for s in seats if s),
                enp=effective_number_of_parties(seats),
                aged_65=g.aged_65,
                woonplaatsen=counts.get(g.pk, 0),
                is_self=g.pk == dossier.gemeente.pk,
                national=national,
            )
        )
    own = [r for r in rows if r.is_self]
    others = [r for r in rows if not r.is_self][: limit - 1]
    return sorted(own + others, key=lambda r: -(r.inhabitants or 0))
