from django import template

from secretaris.jobs.models import Job

register = template.Library()


@register.filter
def job_state(job: Job) -> str:
    """Where a job is, in words for the person who started it."""
    sent = job.result.get("sent")
    failed = job.result.get("failed") or []
    mails = "e-mail" if sent == 1 else "e-mails"
    done = f"{sent} {mails} verstuurd" if sent else ("niets verstuurd" if sent == 0 else "")
    if job.status == Job.DONE:
        return f"Klaar: {done}." if done else "Klaar."
    if job.status == Job.RETRY:
        return (
            f"Poging {job.attempts} van {job.max_attempts}: {done or 'niets verstuurd'}, "
            f"{len(failed)} niet gelukt. Er volgt vanzelf een nieuwe poging."
        )
    if job.status == Job.FAILED:
        return (
            f"Mislukt na {job.attempts} {'poging' if job.attempts == 1 else 'pogingen'}"
            + (f" ({len(failed)} niet gelukt)" if failed else "")
            + ". Probeer het later opnieuw of vraag de beheerder om hulp."
        )
    if job.status == Job.RUNNING:
        return "Bezig met versturen."
    return "In de wachtrij: gaat zo weg."
