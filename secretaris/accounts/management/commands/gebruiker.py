import getpass
import os
import sys

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
        "Met alleen --naam krijgt een bestaande gebruiker een andere naam, zonder nieuw "
        "wachtwoord. Voorbeeld: secretaris gebruiker anne --naam 'Anne de Vries' "
        "--email anne@gemeente.nl --beheerder"
    )

    def add_arguments(self, parser):
        parser.add_argument("username", metavar="GEBRUIKERSNAAM")
        parser.add_argument("--email", default="", help="E-mailadres.")
        parser.add_argument(
            "--naam",
            default=None,
            help="Volledige naam, zoals beoordelaars en lezers die zien, bijvoorbeeld "
            "'Anne de Vries'. Bij een nieuwe gebruiker zonder --naam wordt erom gevraagd.",
        )
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
        existing = User.objects.filter(username=username).first()
        name = options["naam"]
        if existing is not None and name is not None and self.only_name(options):
            return self.rename(existing, name)
        if existing is None and name is None:
            name = self.ask_name()
        password = self.read_password(options["wachtwoord_uit_omgeving"])
        user = existing or User(username=username)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(
                "Wachtwoord afgewezen: " + " ".join(exc.messages), returncode=2
            ) from None
        created = user.pk is None
        if options["email"]:
            user.email = options["email"]
        if name is not None:
            user.first_name, user.last_name = split_name(name)
        if options["beheerder"]:
            user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        verb = "aangemaakt" if created else "bijgewerkt"
        self.stdout.write(f"Gebruiker '{username}' {verb}.")
        if user.is_staff and not TwoFactor.objects.filter(user=user, confirmed_at__isnull=False):
            self.stdout.write("Na het inloggen stelt deze beheerder tweestapsverificatie in.")

    def only_name(self, options) -> bool:
        """Nothing but a name to change: no email, no rights, no password given."""
        return not (
            options["email"]
            or options["beheerder"]
            or options["wachtwoord_uit_omgeving"]
            or PASSWORD_VARIABLE in os.environ
        )

    def rename(self, user, name: str) -> None:
        user.first_name, user.last_name = split_name(name)
        user.save(update_fields=["first_name", "last_name"])
        audit(None, "user_renamed", user=user, by="secretaris gebruiker")
        self.stdout.write(f"Gebruiker '{user.get_username()}' heet nu {user.get_full_name()}.")

    def ask_name(self) -> str | None:
        """The full name of a new user, asked on a terminal; None in a script."""
        if not sys.stdin.isatty():
            self.stdout.write(
                "Let op: deze gebruiker heeft geen naam. Geef die met --naam, anders zien "
                "beoordelaars de gebruikersnaam."
            )
            return None
        return input("Volledige naam (bijvoorbeeld Anne de Vries): ").strip() or None

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


NAME_LENGTH = 150  # Django's first_name and last_name


def split_name(name: str) -> tuple[str, str]:
    """'Anne de Vries' -> ('Anne', 'de Vries'): the first word and the rest, so that
    get_full_name() gives the name back as typed. Refused when empty or too long."""
    words = name.split()
    if not words:
        raise CommandError("Geef een naam op, bijvoorbeeld --naam 'Anne de Vries'.", returncode=2)
    first, last = words[0], " ".join(words[1:])
    if len(first) > NAME_LENGTH or len(last) > NAME_LENGTH:
        raise CommandError(f"Die naam is te lang (hooguit {NAME_LENGTH} tekens).", returncode=2)
    return first, last
