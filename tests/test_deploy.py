import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x9!fk2-production-like-secret-key-for-the-deploy-check-0123456789abcdef",
    "ALLOWED_HOSTS": "secretaris.example.nl",
    "SECRETARIS_REQUIRE_SECRET_KEY": "1",
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


def test_a_missing_secret_key_stops_production_start():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    env.update({"SECRETARIS_REQUIRE_SECRET_KEY": "1", "DEBUG": "0"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
