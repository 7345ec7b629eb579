"""Settings for Secretaris: one file, driven by environment variables.

SQLite is used unless DATABASE_URL is set (postgres://user:pass@host:port/name).
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import unquote, urlparse

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _release() -> str:
    try:
        return version("secretaris")
    except PackageNotFoundError:
        return "dev"


def database_from_url(url: str) -> dict:
    """Turn a postgres:// or sqlite:/// URL into a Django DATABASES entry."""
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql", "pgsql"}:
        return {
            # Django's backend, with a health check that skips the round trip when the
            # connection is plainly fine (secretaris/postgresql/base.py).
            "ENGINE": "secretaris.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")) or "secretaris",
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": envint("DB_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
            # The questionnaire's hot queries run as prepared statements (scan/prepared.py);
            # all other queries bind on the client and are never prepared. Off
            # (DB_PREPARED_STATEMENTS=0) behind a pooler in transaction mode that cannot
            # follow prepared statements.
            "OPTIONS": {"prepare_threshold": 0} if envbool("DB_PREPARED_STATEMENTS", True) else {},
        }
    if parsed.scheme == "sqlite":
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": parsed.path or ":memory:",
            "CONN_MAX_AGE": envint("DB_CONN_MAX_AGE", 60),
        }
    raise ValueError(f"DATABASE_URL: onbekend databasetype '{parsed.scheme}'")


DEBUG = envbool("DEBUG", False)
MISSING_SECRET_KEY = (
    "De omgevingsvariabele SECRET_KEY ontbreekt. Zet SECRET_KEY op een lange, willekeurige, "
    "geheime waarde (of DEBUG=1 voor ontwikkelen op uw eigen computer).\n"
    "The environment variable SECRET_KEY is not set. Set SECRET_KEY to a long, random, "
    "secret value (or DEBUG=1 for development on your own machine).\n"
    "Bijvoorbeeld / for example: "
    "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(MISSING_SECRET_KEY)
    # Development only; Django's deploy check recognises the "django-insecure-" prefix.
    SECRET_KEY = "django-insecure-development-key-never-use-in-production"
# Earlier keys, newest first, kept while sessions, reset links and TOTP apps still need them
# (see "Rotating SECRET_KEY" in README.md).
SECRET_KEY_FALLBACKS = envlist("SECRET_KEY_FALLBACKS", "")

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "secretaris.accounts",
    "secretaris.dossier",
    "secretaris.profiles",
    "secretaris.scan",
    "secretaris.organisation",
    "secretaris.selection",
    "django_tasks",
    "django_tasks_db",
    "secretaris.jobs",
]

# Slow work (mail to hundreds of raters, batches) runs in `secretaris worker` from a queue
# in the database (Django's tasks framework; see secretaris/jobs/queue.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "secretaris.security_headers.SecurityHeaders",
    "secretaris.security_headers.RequestSizeLimit",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "secretaris.accounts.sessions.SessionLimits",
    "secretaris.accounts.middleware.RequireTwoFactorForStaff",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "secretaris.urls"
WSGI_APPLICATION = "secretaris.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "secretaris.dossier.context_processors.data_sources",
            ],
        },
    }
]

DATA_DIR = Path(os.environ.get("SECRETARIS_DATA_DIR", BASE_DIR.parent / "var"))
# An uploaded HR export waits here for its import job (organisation/uploads.py); the web
# server and the worker must both see it (a shared volume with several machines).
HR_UPLOAD_DIR = os.environ.get("HR_UPLOAD_DIR", "")

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database_from_url(os.environ["DATABASE_URL"])}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(DATA_DIR / "secretaris.sqlite3")),
            # Kept open between requests: opening one costs more than most requests here
            # (Django registers its SQL functions and the PRAGMAs run on every connect).
            "CONN_MAX_AGE": envint("DB_CONN_MAX_AGE", 60),
            # IMMEDIATE: a transaction takes the write lock when it starts, so concurrent
            # writers wait (up to `timeout` seconds) instead of failing halfway.
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }


def cache_from_url(url: str) -> dict:
    """CACHE_URL: redis://host:port/db (shared by several servers), file:///path (one
    machine, the default) or locmem:// (one process)."""
    parsed = urlparse(url)
    if parsed.scheme in {"redis", "rediss", "unix"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if parsed.scheme == "file":
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": unquote(parsed.path),
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    if parsed.scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    raise ValueError(f"CACHE_URL: onbekend cachetype '{parsed.scheme}'")


# Rendered pages and fragments, the public-read version and the sessions are shared by all
# server processes: through Redis when CACHE_URL (or REDIS_URL) names it, which several
# servers can share; else through the file system of one machine. Keys carry the data or
# lock version; the prefix changes with each release, so a new release never serves
# fragments rendered by old templates. Development uses memory.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
if CACHE_URL:
    # CACHE_KEY_PREFIX keeps apart several installations that share one Redis.
    CACHES = {
        "default": {
            **cache_from_url(CACHE_URL),
            "TIMEOUT": 86400,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "") + _release(),
        }
    }
elif not DEBUG:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(DATA_DIR / "cache")),
            "TIMEOUT": 86400,
            "KEY_PREFIX": _release(),
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions are read from the cache and written through to the database (so a lost or
# cleared cache logs nobody out).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2id first; the others only to check (and then upgrade) older hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG or envbool("WHITENOISE_USE_FINDERS", False)

# Security: strict by default, relaxed only where plain HTTP is used on purpose.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_TLS_PROXY", False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
MAX_REQUEST_BYTES = envint("MAX_REQUEST_BYTES", 2 * 1024 * 1024)  # request bodies, uploads
# Set by secretaris/security_headers.py on every response.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    ]
)
# Session lifetimes (ASVS 3.3; secretaris/accounts/sessions.py): a login lasts at most
# SESSION_ABSOLUTE_SECONDS, and ends earlier after a pause of the idle time.
SESSION_ABSOLUTE_SECONDS = envint("SESSION_ABSOLUTE_SECONDS", 12 * 3600)
SESSION_IDLE_SECONDS = envint("SESSION_IDLE_SECONDS", 2 * 3600)
SESSION_IDLE_SECONDS_BEHEERDER = envint("SESSION_IDLE_SECONDS_BEHEERDER", 30 * 60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
# Sensitive actions ask for the password again when it was given longer ago than this.
REAUTH_SECONDS = envint("REAUTH_SECONDS", 15 * 60)

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Secretaris <noreply@localhost>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_tokens": {"()": "secretaris.log_redaction.RedactTokens"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

SCAN_RETENTION_DAYS = envint("SCAN_RETENTION_DAYS", 365)  # secretaris opschonen
SCAN_MIN_K = envint("SCAN_MIN_K", 3)  # may raise the scan's k floor of 3, never lower it

# Candidates' CVs and letters: outside STATIC_ROOT, served only by an access-checked view.
SELECTION_PRIVATE_DIR = Path(
    os.environ.get("SELECTION_PRIVATE_DIR", DATA_DIR / "private" / "selectie")
)
SELECTION_UPLOAD_MAX_BYTES = envint("SELECTION_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
AUDIT_RETENTION_DAYS = envint("AUDIT_RETENTION_DAYS", 730)  # secretaris opschonen
JOB_RETENTION_DAYS = envint("JOB_RETENTION_DAYS", 30)  # finished jobs: secretaris opschonen

# Online sources for `secretaris data update` (overridable for tests and mirrors).
CBS_ODATA_URL = os.environ.get("CBS_ODATA_URL", "https://opendata.cbs.nl/ODataApi/odata")
KIESRAAD_URL = os.environ.get(
    "KIESRAAD_URL", "https://data.overheid.nl/sites/default/files/dataset"
)
