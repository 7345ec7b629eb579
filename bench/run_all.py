"""Run every benchmark on SQLite and on the local PostgreSQL server, printing the figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PG = "postgres://postgres@127.0.0.1:5432/secretaris_bench"
SCRIPTS = [
    "data_load.py",
    "dossier_json.py",
    "dossier_pages.py",
    "profile_documents.py",
    "profile_editor.py",
    "scan_round.py",
    "scan_submit.py",
    "organisation_import.py",
    "selection.py",
]

for script in SCRIPTS:
    for extra in ([], ["--database-url", PG]):
        subprocess.run([sys.executable, str(HERE / script), *extra], check=False)
