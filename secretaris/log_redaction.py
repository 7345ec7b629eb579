"""Keep secret tokens out of every log: rater links and password reset links carry the key
to a questionnaire or an account in their path.

`redact()` replaces those path segments by [verborgen]; the gunicorn access log
(`RedactingGunicornLogger`, used by `secretaris serve`) and Django's own log handler
(`RedactTokens`, settings.LOGGING) pass everything through it: request line, path, query,
Referer and every other header.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Mapping

from gunicorn.glogging import Logger

HIDDEN = "[verborgen]"
SEP = r"(?:/|%2[Ff])"  # a slash, also inside an encoded ?next=...
SEGMENT = r"[^/%?#&\s\"']+"

# Paths whose next segment(s) are secret: (prefix segments, how many secret segments).
TOKEN_PATHS = [
    (("scan", "antwoord"), 1),  # /scan/antwoord/<token>/...
    (("account", "wachtwoord-vergeten"), 2),  # /account/wachtwoord-vergeten/<uid>/<token>/
]


def _pattern(prefix: tuple[str, ...], secrets: int) -> re.Pattern[str]:
    head = "".join(SEP + re.escape(part) for part in prefix)
    tail = "".join(f"({SEP})({SEGMENT})" for _ in range(secrets))
    return re.compile(f"({head}){tail}" + (f"(?={SEP})" if secrets > 1 else ""))


PATTERNS = [(_pattern(prefix, n), n) for prefix, n in TOKEN_PATHS]


def _hide(match: re.Match[str], secrets: int) -> str:
    parts = [match.group(1)]
    for i in range(secrets):
        parts += [match.group(2 + 2 * i), HIDDEN]
    return "".join(parts)


# Every secret path above contains this; most log lines do not and skip the patterns.
MARKER = "twoord"


def redact(text: str) -> str:
    if MARKER not in text:
        return text
    for pattern, secrets in PATTERNS:
        text = pattern.sub(lambda m, n=secrets: _hide(m, n), text)
    return text


class RedactTokens(logging.Filter):
    """A logging filter: the formatted message with its tokens hidden."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        hidden = redact(message)
        if hidden != message:
            record.msg, record.args = hidden, ()
        return True


class RedactingGunicornLogger(Logger):
    """gunicorn's logger with every access-log value passed through redact().

    gunicorn builds every atom for every request (each request and response header and
    each WSGI environ entry, about fifty) although a format names a handful; `_Atoms`
    makes only those the format asks for, with gunicorn's own values and escaping."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        try:
            self.access_log.info(
                self.cfg.access_log_format, _Atoms(self, resp, req, environ, request_time)
            )
        except Exception:
            self.error(traceback.format_exc())


class _Atoms(Mapping):
    """The values of one access-log line, made when the format asks for them: `h`, `r`,
    `s`, ... as gunicorn makes them, `{name}i` / `{name}o` a request / response header,
    `{name}e` an environ entry; '-' for anything unknown (gunicorn's SafeAtoms)."""

    def __init__(self, logger: Logger, resp, req, environ: dict, request_time) -> None:
        self._args = (logger, resp, req, environ, request_time)
        self._plain: dict | None = None

    def __getitem__(self, key: str):
        logger, resp, req, environ, request_time = self._args
        if key.startswith("{"):
            name, kind = key[1:-2].lower(), key[-1:].lower()
            if kind == "i":
                value = _header(getattr(req, "headers", req), name)
            elif kind == "o":
                value = _header(resp.headers, name)
            elif kind == "e":
                value = next((v for k, v in environ.items() if k.lower() == name), None)
            else:
                value = None
        else:
            if self._plain is None:
                # gunicorn's atoms without the headers and the environ: the request's own
                # values are few, so this calls gunicorn with those emptied.
                self._plain = Logger.atoms(
                    logger, _NoHeaders(resp), _NoHeaders(req), _Few(environ), request_time
                )
            value = self._plain.get(key)
        if value is None:
            return "-"
        if isinstance(value, str):
            return redact(value).replace('"', '\\"')
        return value

    def __iter__(self):  # logging only looks keys up; a Mapping needs these
        return iter(())

    def __len__(self) -> int:
        return 1  # non-empty, so logging formats the message with this mapping


def _header(headers, name: str):
    items = headers.items() if hasattr(headers, "items") else headers
    return next((v for k, v in items if k.lower() == name), None)


class _NoHeaders:
    """A request or response as gunicorn's atoms() sees it, without its headers."""

    headers: tuple = ()

    def __init__(self, wrapped) -> None:
        self._wrapped = wrapped

    def __getattr__(self, name: str):
        return getattr(self._wrapped, name)


class _Few(dict):
    """The environ entries gunicorn's own atoms read, nothing else."""

    KEYS = (
        "REMOTE_ADDR",
        "REQUEST_METHOD",
        "RAW_URI",
        "SERVER_PROTOCOL",
        "PATH_INFO",
        "QUERY_STRING",
        "HTTP_REFERER",
        "HTTP_USER_AGENT",
        "HTTP_AUTHORIZATION",
    )

    def __init__(self, environ: dict) -> None:
        super().__init__((k, environ[k]) for k in self.KEYS if k in environ)
