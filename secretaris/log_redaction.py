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
    """gunicorn's logger with every access-log value passed through redact()."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key, value in atoms.items():
            if isinstance(value, str) and MARKER in value:
                atoms[key] = redact(value)
        return atoms
