"""Reading online sources for `secretaris data update`: HTTP (stdlib urllib) or a local file.

Every failure becomes a `DataUpdateError` with a Dutch message that names the host or URL,
so the command can print it and stop before anything is written.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

USER_AGENT = "Secretaris-data-update/1 (Python urllib)"
NOTHING_CHANGED = "Er is niets gewijzigd."


class DataUpdateError(Exception):
    """An online update could not be completed; the data set on disk is untouched."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def is_url(location: str) -> bool:
    return urlsplit(location).scheme in ("http", "https")


def host_of(url: str) -> str:
    return urlsplit(url).hostname or url


def read_bytes(location: str, *, timeout: float) -> bytes:
    """The content at `location`: an http(s) URL or a local file path."""
    if is_url(location):
        return fetch_url(location, timeout=timeout)
    try:
        return Path(location).read_bytes()
    except OSError as exc:
        raise DataUpdateError(
            f"Kan het bestand {location} niet lezen ({exc.strerror or exc}). {NOTHING_CHANGED}"
        ) from exc


def fetch_url(url: str, *, timeout: float) -> bytes:
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "application/json, */*"}
    )
    host = host_of(url)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        raise DataUpdateError(
            f"{host} antwoordde met HTTP {exc.code} ({exc.reason}) op {url}. {NOTHING_CHANGED}",
            status=exc.code,
        ) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _timeout_error(host, timeout) from exc
        raise DataUpdateError(
            f"Kan {host} niet bereiken (geen netwerkverbinding?). {NOTHING_CHANGED} "
            f"Oorzaak: {exc.reason}."
        ) from exc
    except TimeoutError as exc:
        raise _timeout_error(host, timeout) from exc
    except (OSError, http.client.HTTPException) as exc:
        raise DataUpdateError(
            f"De verbinding met {host} werd verbroken tijdens het ophalen van {url} ({exc}). "
            f"{NOTHING_CHANGED}"
        ) from exc


def _timeout_error(host: str, timeout: float) -> DataUpdateError:
    return DataUpdateError(
        f"Geen antwoord van {host} binnen {timeout:g} seconden (geen netwerkverbinding?). "
        f"{NOTHING_CHANGED}"
    )


def parse_json(body: bytes, *, url: str) -> Any:
    """JSON with every decimal fraction kept exact (Decimal, never float)."""
    try:
        return json.loads(body.decode("utf-8-sig"), parse_float=Decimal)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataUpdateError(
            f"Onverwacht antwoord van {url}: geen geldige JSON ({exc}). {NOTHING_CHANGED}"
        ) from exc


def fetch_json(url: str, *, timeout: float) -> Any:
    return parse_json(read_bytes(url, timeout=timeout), url=url)
