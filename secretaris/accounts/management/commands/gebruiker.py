import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from secretaris.accounts.audit import audit
from secretaris.accounts.models import TwoFactor

PASSWORD_VARIABLE = "SECRETARIS_WACHTWOORD"


class Command(BaseCommand):
    help = (
        "Maak een gebruiker aan, of wijzig het wachtwoord van een bestaande. Het wachtwoord "
        f"wordt gevraagd, of gelezen uit ${PASSWORD_VARIABLE}. Met --reset-2fa zet u "
        "tweestapsverificatie uit (bij een verloren telefoon); het wachtwoord blijft dan gelijk. "
        "Voorbeeld: secretaris gebruiker anne --email anne@gemeente.nl --beheerder"
    )

    def add_arguments(self, parser):
        parser.add_argument("username", metavar="GEBRUIKERSNAAM")
        parser.add_argument("--email", default="", help="E-mailadres.")
        parser.add_argument(
            "--beheerder",
            action="store_true",
            help="Geef beheerrechten (toegang tot /beheer/; tweestapsverificatie verplicht).",
        )
        parser.add_argument(
            "--wachtwoord-uit-omgeving",
            action="store_true",
            help=f"Lees het wachtwoord uit ${PASSWORD_VARIABLE}; stop als die ontbreekt "
            "(voor scripts). Zonder deze optie wordt de variabele ook gebruikt als hij bestaat.",
        )
        parser.add_argument(
            "--reset-2fa",
            action="store_true",
            help="Zet tweestapsverificatie uit. De gebruiker stelt die daarna opnieuw in.",
        )

    def handle(self, *args, **options):
        User = get_user_model()
        username = options["username"].strip()
        if not username:
            raise CommandError("Geef een gebruikersnaam op.", returncode=2)
        if options["reset_2fa"]:
            return self.reset_two_factor(User, username)
        password = self.read_password(options["wachtwoord_uit_omgeving"])
        user = User.objects.filter(username=username).first() or User(username=username)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(
                "Wachtwoord afgewezen: " + " ".join(exc.messages), returncode=2
            ) from None
        created = user.pk is None
        if options["email"]:
            user.email = options["email"]
        if options["beheerder"]:
            user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        verb = "aangemaakt" if created else "bijgewerkt"
        self.stdout.write(f"Gebruiker '{username}' {verb}.")
        if user.is_staff and not TwoFactor.objects.filter(user=user, confirmed_at__isnull=False):
            self.stdout.write("Na het inloggen stelt deze beheerder tweestapsverificatie in.")

    def read_password(self, from_environment: bool) -> str:
        password = os.environ.get(PASSWORD_VARIABLE)
        if password is not None:
            return password
        if from_environment:
            raise CommandError(f"${PASSWORD_VARIABLE} is niet gezet.", returncode=2)
        password = getpass.getpass("Wachtwoord: ")
        if password != getpass.getpass("Nog een keer: "):
            raise CommandError("De wachtwoorden zijn niet gelijk.", returncode=2)
        return password

    def reset_two_factor(self, User, username: str) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Gebruiker '{username}' bestaat niet.", returncode=2)
        deleted, _ = TwoFactor.objects.filter(user=user).delete()
        if not deleted:
            self.stdout.write(f"'{username}' had geen tweestapsverificatie.")
            return
        audit(None, "2fa_reset", user=user, by="secretaris gebruiker")
        self.stdout.write(
            f"Tweestapsverificatie van '{username}' is uitgezet. "
            "Bij de volgende keer inloggen kan die opnieuw worden ingesteld."
        )
