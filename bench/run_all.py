"""Run every benchmark on SQLite and on the local PostgreSQL server, printing the figures.

BENCH_DATABASE_URL names the PostgreSQL database (recreated; default secretaris_bench).
The public reads are measured first, side by side with the bare-Django ceiling."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PG = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/secretaris_bench")
SCRIPTS = [
    "public_reads.py",
    "questionnaire.py",
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
