from django.core.management.base import BaseCommand

from secretaris.accounts.audit import audit
from secretaris.accounts.models import TwoFactor, current_key_id


class Command(BaseCommand):
    help = (
        "Na het vervangen van SECRET_KEY: versleutel de geheimen van tweestapsverificatie "
        "opnieuw met de nieuwe SECRET_KEY, zodat de apps van gebruikers blijven werken. Zet de "
        "oude sleutel eerst in SECRET_KEY_FALLBACKS. Daarna mag die weer weg. "
        "Voorbeeld: SECRET_KEY_FALLBACKS=oude-sleutel secretaris sleutelwissel"
    )

    def handle(self, *args, **options):
        current = current_key_id()
        rewrapped = stuck = 0
        for two_factor in TwoFactor.objects.exclude(key_id=current).select_related("user"):
            if two_factor.rewrap():
                rewrapped += 1
            else:
                stuck += 1
                self.stderr.write(
                    f"{two_factor.user.get_username()}: de oude sleutel staat niet in "
                    "SECRET_KEY_FALLBACKS; deze gebruiker stelt tweestapsverificatie opnieuw in "
                    f"(secretaris gebruiker {two_factor.user.get_username()} --reset-2fa)."
                )
        audit(None, "secret_key_rotated", rewrapped=rewrapped, not_rewrapped=stuck, by="cli")
        self.stdout.write(
            f"{rewrapped} geheim(en) opnieuw versleuteld; {stuck} niet (zie hierboven). "
            "De rest was al versleuteld met de huidige SECRET_KEY."
        )
        if stuck:
            raise SystemExit(1)
