"""`secretaris data load`: bring the database in line with the shipped data set.

Loading compares what is in the database with the data set and writes only the
difference, inside one transaction: a second run changes nothing, and a run that is
interrupted leaves the database as it was. What users enter lives in other apps and is
never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils.text import slugify

from secretaris.dossier.dataset import DATASET_PATH, read_dataset
from secretaris.dossier.matching import search_key
from secretaris.dossier.models import (
    Benchmark,
    DataSet,
    Deelname,
    Election,
    Fact,
    Gemeente,
    ListResult,
    Merger,
    Regeling,
    Source,
    Woonplaats,
)

Progress = Callable[[int, int, str], None]


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    gemeenten: int = 0

    @property
    def changed(self) -> bool:
        return (
            any(self.created.values()) or any(self.updated.values()) or any(self.deleted.values())
        )

    def lines(self) -> list[str]:
        out = []
        for label in self.created:
            out.append(
                f"{label}: {self.created[label]} toegevoegd, {self.updated[label]} gewijzigd, "
                f"{self.deleted[label]} verwijderd"
            )
        return out


def load_dataset(path: Path = DATASET_PATH, progress: Progress | None = None) -> LoadReport:
    dataset = read_dataset(path)
    data = dataset.data
    report = LoadReport(gemeenten=len(data["gemeenten"]))
    steps: list[tuple[str, Callable[[], None]]] = []

    def tick(i: int, label: str) -> None:
        if progress:
            progress(i, len(steps), label)

    with transaction.atomic():
        sources = {}

        def do_sources() -> None:
            _sync(report, "Bronnen", Source, ("key",), _source_rows(data))
            sources.update({s.key: s.pk for s in Source.objects.all()})

        steps.extend(
            [
                ("Bronnen", do_sources),
                (
                    "Gemeenten",
                    lambda: _sync(
                        report, "Gemeenten", Gemeente, ("code",), _gemeente_rows(data), delete=False
                    ),
                ),
                (
                    "Cijfers",
                    lambda: _sync(
                        report,
                        "Cijfers",
                        Fact,
                        ("gemeente_id", "key", "date"),
                        _fact_rows(data, sources),
                    ),
                ),
                (
                    "Woonplaatsen",
                    lambda: _sync(
                        report,
                        "Woonplaatsen",
                        Woonplaats,
                        ("code",),
                        _woonplaats_rows(data, sources),
                    ),
                ),
                (
                    "Verkiezingen",
                    lambda: _sync(
                        report,
                        "Verkiezingen",
                        Election,
                        ("gemeente_id", "election"),
                        _election_rows(data, sources),
                    ),
                ),
                (
                    "Kieslijsten",
                    lambda: _sync(
                        report,
                        "Kieslijsten",
                        ListResult,
                        ("election_id", "position"),
                        _list_rows(data),
                    ),
                ),
                (
                    "Herindelingen",
                    lambda: _sync(
                        report,
                        "Herindelingen",
                        Merger,
                        ("gemeente_id", "date", "kind"),
                        _merger_rows(data, sources),
                    ),
                ),
                (
                    "Regelingen",
                    lambda: _sync(
                        report, "Regelingen", Regeling, ("roo_id",), _regeling_rows(data, sources)
                    ),
                ),
                (
                    "Deelnames",
                    lambda: _sync(
                        report,
                        "Deelnames",
                        Deelname,
                        ("regeling_id", "gemeente_id"),
                        _deelname_rows(data),
                    ),
                ),
                (
                    "Benchmarks",
                    lambda: _sync(
                        report,
                        "Benchmarks",
                        Benchmark,
                        ("indicator", "scope", "year", "source_url"),
                        _benchmark_rows(data),
                    ),
                ),
            ]
        )
        for i, (label, step) in enumerate(steps, start=1):
            tick(i, label)
            step()
        _retire_gemeenten(report, {g["code"] for g in data["gemeenten"]})
        current = DataSet.objects.first()
        if current is None or current.digest != dataset.digest or report.changed:
            # A new row means a new data version: cached dossier pages are rebuilt.
            DataSet.objects.all().delete()
            DataSet.objects.create(
                digest=dataset.digest,
                built_at=data.get("built_at", ""),
                notes=data.get("notes", []),
            )
    return report


def _sync(
    report: LoadReport,
    label: str,
    model: type[models.Model],
    key_fields: tuple[str, ...],
    rows: Iterable[dict[str, Any]],
    *,
    delete: bool = True,
) -> None:
    """Make the table equal to rows (matched on key_fields), writing only differences."""
    wanted = {tuple(row[k] for k in key_fields): row for row in rows}
    value_fields = sorted({f for row in wanted.values() for f in row} - set(key_fields))
    existing = {
        tuple(values[k] for k in key_fields): values
        for values in model.objects.values("pk", *key_fields, *value_fields)
    }
    to_create = [model(**row) for key, row in wanted.items() if key not in existing]
    to_update = []
    for key, row in wanted.items():
        have = existing.get(key)
        if have is not None and any(_differs(have[f], row[f]) for f in value_fields):
            obj = model(pk=have["pk"], **row)
            to_update.append(obj)
    stale = [values["pk"] for key, values in existing.items() if key not in wanted]
    model.objects.bulk_create(to_create, batch_size=2000)
    if to_update:
        model.objects.bulk_update(to_update, value_fields, batch_size=1000)
    if delete and stale:
        for start in range(0, len(stale), 900):
            model.objects.filter(pk__in=stale[start : start + 900]).delete()
    report.created[label] = len(to_create)
    report.updated[label] = len(to_update)
    report.deleted[label] = len(stale) if delete else 0


def _differs(have: Any, want: Any) -> bool:
    if isinstance(want, Decimal) and have is not None:
        return Decimal(have) != want
    return have != want


def _retire_gemeenten(report: LoadReport, codes: set[str]) -> None:
    """Municipalities no longer in the data set (after a herindeling) are removed."""
    gone = Gemeente.objects.exclude(code__in=codes)
    report.deleted["Gemeenten"] = gone.count()
    gone.delete()


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _source_rows(data: dict) -> Iterable[dict[str, Any]]:
    for key, s in data["sources"].items():
        yield {
            "key": key,
            "title": s.get("title", key)[:300],
            "publisher": s.get("publisher", ""),
            "url": s.get("url", "") or "",
            "licence": s.get("licence", "") or "",
            "note": s.get("note", "") or "",
        }


def _financien(g: dict, medians: dict[tuple, dict]) -> list[dict[str, Any]]:
    """The Iv3 documents, each with the medians of its size class attached."""
    docs = []
    for doc in g.get("financien", []):
        group = medians.get((doc["document"], doc["year"], doc["size_class"]), {})
        docs.append(
            {
                **doc,
                "class_median": group.get("medians", {}),
                "class_count": group.get("count", 0),
            }
        )
    return docs


def _samenwerking(data: dict) -> dict[str, list[dict[str, Any]]]:
    """Per municipality code the regelingen it takes part in, partners named, by name."""
    per_code: dict[str, list[dict[str, Any]]] = {}
    for r in sorted(data.get("regelingen", []), key=lambda r: r["name"]):
        codes = {code for _, code in r.get("members", []) if code}
        for code in codes:
            per_code.setdefault(code, []).append(
                {
                    "name": r["name"],
                    "form": r["form"],
                    "kind": r.get("kind"),
                    "purpose": r.get("purpose") or "",
                    "since": (r.get("joined") or {}).get(code) or r.get("since"),
                    "url": r.get("url") or "",
                    "partners": [
                        name.removeprefix("Gemeente ").strip()
                        for name, other in r.get("members", [])
                        if other != code
                    ],
                }
            )
    return per_code


def _gemeente_rows(data: dict) -> Iterable[dict[str, Any]]:
    samenwerking = _samenwerking(data)
    medians = {(m["document"], m["year"], m["size_class"]): m for m in data.get("iv3_medians", [])}
    used: set[str] = set()
    for g in data["gemeenten"]:
        slug = slugify(g["name"]) or g["code"].lower()
        if slug in used:
            slug = f"{slug}-{g['code'].lower()}"
        used.add(slug)
        corop = g.get("corop") or {}
        yield {
            "code": g["code"],
            "name": g["name"],
            "slug": slug,
            "search_key": search_key(g["name"]),
            "province": g["province"],
            "corop_code": corop.get("code", "") or "",
            "corop_name": corop.get("name", "") or "",
            "begindatum": _d(g.get("begindatum")),
            "is_corop_centre": bool(g.get("corop_centre", False)),
            "register": g.get("register"),
            "financien": _financien(g, medians),
            "samenwerking": samenwerking.get(g["code"], []),
        }


def _fact_rows(data: dict, sources: dict[str, int]) -> Iterable[dict[str, Any]]:
    for g in data["gemeenten"]:
        for f in g.get("facts", []):
            yield {
                "gemeente_id": g["code"],
                "key": f["key"],
                "date": _d(f["date"]),
                "value": Decimal(str(f["value"])),
                "source_id": sources[f["source"]],
            }


def _woonplaats_rows(data: dict, sources: dict[str, int]) -> Iterable[dict[str, Any]]:
    for g in data["gemeenten"]:
        source = g.get("woonplaatsen_source")
        for w in g.get("woonplaatsen", []):
            yield {
                "code": str(w["code"]),
                "name": w["name"],
                "gemeente_id": g["code"],
                "source_id": sources[source],
            }


def _election_rows(data: dict, sources: dict[str, int]) -> Iterable[dict[str, Any]]:
    for g in data["gemeenten"]:
        for e in g.get("elections", []):
            yield {
                "gemeente_id": g["code"],
                "election": e["election"],
                "date": _d(e["date"]),
                "council_size": e["council_size"],
                "has_votes": any(item.get("votes") is not None for item in e["lists"]),
                "source_id": sources[e["source"]],
                "votes_source_id": sources.get(e.get("votes_source") or ""),
            }


def _list_rows(data: dict) -> Iterable[dict[str, Any]]:
    ids = {
        (gem, el): pk
        for pk, gem, el in Election.objects.values_list("pk", "gemeente_id", "election")
    }
    for g in data["gemeenten"]:
        for e in g.get("elections", []):
            election_id = ids[(g["code"], e["election"])]
            for position, item in enumerate(e["lists"], start=1):
                yield {
                    "election_id": election_id,
                    "position": position,
                    "name": item["name"][:200],
                    "votes": item.get("votes"),
                    "seats": item["seats"],
                    "candidates": item.get("candidates"),
                }


def _merger_rows(data: dict, sources: dict[str, int]) -> Iterable[dict[str, Any]]:
    for g in data["gemeenten"]:
        for m in g.get("mergers", []):
            yield {
                "gemeente_id": g["code"],
                "date": _d(m["date"]),
                "kind": m["kind"],
                "predecessors": m.get("predecessors", []),
                "note": (m.get("note") or "")[:300],
                "source_id": sources[m["source"]],
            }


def _regeling_rows(data: dict, sources: dict[str, int]) -> Iterable[dict[str, Any]]:
    for r in data.get("regelingen", []):
        yield {
            "roo_id": str(r["id"]),
            "name": r["name"][:300],
            "form": r["form"][:60],
            "kind": r.get("kind") or "",
            "purpose": (r.get("purpose") or "")[:300],
            "since": _d(r.get("since")),
            "url": (r.get("url") or "")[:300],
            "members": r.get("members", []),
            "source_id": sources[r["source"]],
        }


def _deelname_rows(data: dict) -> Iterable[dict[str, Any]]:
    ids = dict(Regeling.objects.values_list("roo_id", "pk"))
    codes = {g["code"] for g in data["gemeenten"]}
    for r in data.get("regelingen", []):
        for code in dict.fromkeys(code for _, code in r.get("members", []) if code in codes):
            yield {"regeling_id": ids[str(r["id"])], "gemeente_id": code}


def _benchmark_rows(data: dict) -> Iterable[dict[str, Any]]:
    for b in data.get("benchmarks", []):
        yield {
            "indicator": b["indicator"],
            "scope": b["scope"][:120],
            "year": int(b["year"]),
            "value": Decimal(str(b["value"])),
            "unit": b.get("unit", ""),
            "source_url": b["source_url"],
            "quoted_text": b.get("quoted_text", ""),
        }
