import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x9!fk2-production-like-secret-key-for-the-deploy-check-0123456789abcdef",
    "ALLOWED_HOSTS": "secretaris.example.nl",
}


def test_check_deploy_passes_with_production_settings():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    env.update(PRODUCTION_ENV)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def production_without_secret_key() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    env.update({k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"})
    return env


def test_check_deploy_fails_without_secret_key_with_a_message_naming_it():
    result = subprocess.run(
        [sys.executable, "-m", "secretaris.cli", "check", "--deploy"],
        cwd=ROOT,
        env=production_without_secret_key(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "De omgevingsvariabele SECRET_KEY ontbreekt" in result.stderr  # Dutch
    assert "The environment variable SECRET_KEY is not set" in result.stderr  # English


def test_a_missing_secret_key_stops_the_wsgi_application():
    code = "import secretaris.wsgi"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production_without_secret_key(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY" in result.stderr


def test_the_loaded_application_is_kept_out_of_garbage_collection():
    code = "import gc, secretaris.wsgi; print(gc.get_freeze_count())"
    env = {**os.environ, **PRODUCTION_ENV, "PDF_WARM_UP": "0"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 10_000  # Django, the app and their modules


def test_development_runs_without_secret_key_but_the_deploy_check_flags_its_key():
    env = production_without_secret_key()
    env["DEBUG"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "secretaris.cli", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "security.W009" in result.stderr  # the development key is recognised as insecure
