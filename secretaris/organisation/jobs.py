"""The web import as a background job, so the page can show how far it got.

The mapping step queues `import_export` (secretaris worker runs it) and sends the user to
a progress page that polls the job. The uploaded file is read from `uploads` and deleted
when the job ends, whatever the outcome; nothing is retried (the file is gone by then).
Row problems (they quote cell values) are not written to the job: they stay in the cache
for an hour under the upload's random token, for the user who started the import.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.core.cache import cache

from secretaris.jobs.queue import background, report
from secretaris.organisation import uploads
from secretaris.organisation.importing import run_import
from secretaris.organisation.models import Organisation
from secretaris.organisation.reading import ReadError, read_table

PROBLEMS_SECONDS = 3600


def problems_key(token: str) -> str:
    return f"organisation-import-problems:{token}"


def _progress(text: str, done: int | None = None, total: int | None = None) -> None:
    report({"state": "bezig", "text": text, "done": done, "total": total})


@background(label="HR-export inlezen", max_attempts=1)
def import_export(
    organisation_pk: int,
    token: str,
    name: str,
    mapping: dict[str, str],
    peildatum: str,
    user_pk: int | None = None,
) -> dict:
    try:
        data = uploads.load(token)
        if data is None:
            return {"state": "weg"}
        _progress("Bestand lezen…")
        try:
            table = read_table(data, name)
        except ReadError as exc:  # checked at upload; never a crash all the same
            return {"state": "onleesbaar", "message": str(exc)}
        del data
        organisation = Organisation.objects.select_related("gemeente").get(pk=organisation_pk)
        user = get_user_model().objects.filter(pk=user_pk).first() if user_pk else None
        outcome = run_import(
            organisation,
            table,
            mapping,
            date.fromisoformat(peildatum),
            user=user,
            progress=_progress,
        )
    finally:
        uploads.discard(token)
    checked = outcome.checked
    if outcome.staff_import is None:
        problems = [
            {"row": p.row, "column": p.column, "message": p.message} for p in checked.problems
        ]
        cache.set(problems_key(token), problems, PROBLEMS_SECONDS)
        return {"state": "fouten", "problem_count": checked.problem_count, "rows": checked.rows}
    return {
        "state": "klaar",
        "import": outcome.staff_import.pk,
        "rows": checked.rows,
        "headcount": outcome.indicators.headcount if outcome.indicators else 0,
    }
