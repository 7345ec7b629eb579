import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Maak een gebruiker aan, of wijzig het wachtwoord van een bestaande. Het wachtwoord "
        "wordt gevraagd, of gelezen uit $SECRETARIS_WACHTWOORD. "
        "Voorbeeld: secretaris gebruiker anne --email anne@gemeente.nl --beheerder"
    )

    def add_arguments(self, parser):
        parser.add_argument("username", metavar="GEBRUIKERSNAAM")
        parser.add_argument("--email", default="", help="E-mailadres.")
        parser.add_argument(
            "--beheerder", action="store_true", help="Geef beheerrechten (toegang tot /beheer/)."
        )

    def handle(self, *args, **options):
        User = get_user_model()
        username = options["username"].strip()
        if not username:
            raise CommandError("Geef een gebruikersnaam op.", returncode=2)
        password = os.environ.get("SECRETARIS_WACHTWOORD")
        if password is None:
            password = getpass.getpass("Wachtwoord: ")
            if password != getpass.getpass("Nog een keer: "):
                raise CommandError("De wachtwoorden zijn niet gelijk.", returncode=2)
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
