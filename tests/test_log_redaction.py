"""Tokens never reach a log: the access log of a real `secretaris serve`, and Django's log."""

import contextlib
import logging
import urllib.error
import urllib.request

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from secretaris.log_redaction import HIDDEN, RedactTokens, redact
from tests.browser.conftest import running_server

RATER_TOKEN = "Rater-Token_9f8e7d6c5b4a"
RESET_TOKEN = "cj4x2r-8f1e0d9c7b6a5f4e3d2c"


def all_routes(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from all_routes(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def test_every_route_with_a_token_in_its_path_is_redacted():
    routes = [r for r in all_routes() if "token>" in r]
    assert routes  # the rater links and the password reset link
    for route in routes:
        path = "/" + route.replace("<uidb64>", "MQ")
        for name in ["<str:token>", "<token>"]:
            path = path.replace(name, RATER_TOKEN)
        path = path.replace("<int:step>", "2")
        assert RATER_TOKEN not in redact(f"GET {path} HTTP/1.1"), route
        assert "MQ" not in redact(path), route


def test_django_log_messages_lose_their_tokens():
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        (f"/scan/antwoord/{RATER_TOKEN}/",),
        None,
    )
    RedactTokens().filter(record)
    assert RATER_TOKEN not in record.getMessage() and HIDDEN in record.getMessage()


@pytest.mark.parametrize("ok", ["/account/wachtwoord-vergeten/verstuurd/", "/gemeenten/utrecht/"])
def test_ordinary_paths_stay_readable(ok):
    assert redact(ok) == ok


def get(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    with contextlib.suppress(urllib.error.HTTPError):  # 404s are logged too
        urllib.request.urlopen(request, timeout=10).read()


def test_the_access_log_of_secretaris_serve_holds_no_tokens(tmp_path):
    with running_server(tmp_path, database="secretaris_serverlog", setup=[]) as url:
        get(f"{url}/scan/antwoord/{RATER_TOKEN}/")
        get(f"{url}/scan/antwoord/{RATER_TOKEN}/3/")
        get(f"{url}/account/wachtwoord-vergeten/MQ/{RESET_TOKEN}/")
        get(
            f"{url}/static/secretaris/css/tokens.css", Referer=f"{url}/scan/antwoord/{RATER_TOKEN}/"
        )
        get(f"{url}/healthz")
    (server_log,) = tmp_path.glob("server-*.log")
    log = server_log.read_text()
    assert "GET /healthz" in log  # the access log is on
    assert log.count(HIDDEN) >= 4
    assert RATER_TOKEN not in log and RESET_TOKEN not in log


class _Message:
    """What gunicorn hands its logger: a request or a response with headers."""

    def __init__(self, **attributes) -> None:
        self.__dict__.update(attributes)


def _access_line(logger_class, log_format: str) -> str:
    import datetime
    import io

    from gunicorn.config import Config

    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", log_format)
    logger = logger_class(config)
    out = io.StringIO()
    logger.access_log.handlers = [logging.StreamHandler(out)]
    path = f"/scan/antwoord/{RATER_TOKEN}/2/"
    request = _Message(
        headers=[("HOST", "x"), ("USER-AGENT", 'kijker "1"'), ("X-REAL-IP", "10.0.0.9")]
    )
    response = _Message(status="302 Found", sent=512, headers=[("Location", path)])
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": path + "?a=b",
        "PATH_INFO": path,
        "QUERY_STRING": "a=b",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": f"https://x{path}",
        "HTTP_USER_AGENT": 'kijker "1"',
        "wsgi.url_scheme": "https",
    }
    logger.access(response, request, environ, datetime.timedelta(microseconds=2500))
    return out.getvalue()


def test_the_access_log_line_is_gunicorns_own_with_the_tokens_hidden():
    from gunicorn.glogging import Logger

    from secretaris.log_redaction import RedactingGunicornLogger

    log_format = (
        '%(h)s %(l)s %(u)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(D)s %(m)s %(U)s %(q)s '
        "%({x-real-ip}i)s %({Location}o)s %({wsgi.url_scheme}e)s %({missing}i)s %(nope)s"
    )
    ours = _access_line(RedactingGunicornLogger, log_format)
    gunicorns = _access_line(Logger, log_format)
    assert RATER_TOKEN in gunicorns and RATER_TOKEN not in ours
    assert ours == gunicorns.replace(RATER_TOKEN, HIDDEN)
    assert "10.0.0.9" in ours and " https " in ours and '"kijker \\"1\\""' in ours
