"""Sector HR benchmark figures, each with the literal quote and URL it was taken from."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from secretaris.dossier.sources.files import SourceError, decimal_text, read_csv

PATH = Path("hr_benchmarks_quoted") / "hr_benchmarks_quoted.csv"
YEAR = re.compile(r"(\d{4})(H[12])?")
COLUMNS = ("indicator", "scope", "year", "value", "unit", "source_url", "quoted_text")


def read_benchmarks(raw_dir: Path, notes: list[str] | None = None) -> list[dict[str, Any]]:
    """Rows as data set entries, sorted by indicator, scope, year and URL.

    A benchmark is identified by (indicator, scope, year, source_url); two rows that share
    that key but differ in unit get the unit added to their scope, so both are kept.
    """
    path = raw_dir / PATH
    rows = []
    for number, row in enumerate(read_csv(path, COLUMNS), start=2):
        value = decimal_text(row["value"])
        url = row["source_url"].strip()
        if value is None or not url.startswith("http"):
            raise SourceError(f"Bestand {path.name}, regel {number}: onvolledige benchmark.")
        year_text = row["year"].strip()
        match = YEAR.fullmatch(year_text)
        if not match:  # e.g. "onbekend (vermoedelijk monitor 2018 of 2019)"
            if notes is not None:
                notes.append(
                    f"Benchmarks: regel {number} ('{row['indicator']}') overgeslagen: "
                    f"geen jaartal ('{year_text}')."
                )
            continue
        scope = row["scope"].strip()
        if match.group(2):  # 2023H1: the year with the half-year in the scope
            scope = f"{scope} ({match.group(2)})"
        rows.append(
            {
                "indicator": row["indicator"].strip(),
                "scope": scope,
                "year": int(match.group(1)),
                "value": value,
                "unit": row["unit"].strip(),
                "source_url": url,
                "quoted_text": row["quoted_text"].strip(),
            }
        )
    counts = Counter(_key(r) for r in rows)
    for entry in rows:
        if counts[_key(entry)] > 1:
            entry["scope"] = f"{entry['scope']} ({entry['unit']})"[:120]
            if notes is not None:
                notes.append(
                    f"Benchmarks: '{entry['indicator']}' {entry['year']} kwam twee keer voor met "
                    f"dezelfde bron; de eenheid is aan het bereik toegevoegd: '{entry['scope']}'."
                )
    if len({_key(r) for r in rows}) != len(rows):
        raise SourceError(f"Bestand {path.name} bevat dubbele benchmarks.")
    return sorted(rows, key=lambda r: (*_key(r), r["unit"]))


def _key(row: dict[str, Any]) -> tuple:
    return (row["indicator"], row["scope"], row["year"], row["source_url"])
