import json
import sys
from fractions import Fraction
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from secretaris.law.zetelverdeling import (
    Apportionment,
    Kind,
    LotRequired,
    Round,
    Step,
    apportion,
)

_FIELDS = {"seats", "votes", "candidates", "lots"}


def _fail(message: str) -> CommandError:
    return CommandError(message, returncode=2)


# Far beyond any real election (the largest council has 45 seats, the largest electorate a
# few million), and small enough that every input is answered at once.
MAX_INPUT_CHARS = 100_000
MAX_SEATS = 1_000
MAX_LISTS = 200
MAX_NUMBER = 10**9


def _read_input(raw: str) -> dict[str, Any]:
    if not raw.strip():
        raise _fail('Geen invoer ontvangen. Geef JSON op stdin, bijvoorbeeld {"seats": 9, ...}.')
    if len(raw) > MAX_INPUT_CHARS:
        raise _fail(f"De invoer is te lang: meer dan {MAX_INPUT_CHARS:,} tekens.".replace(",", "."))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _fail(
            f"De invoer is geen geldige JSON: {exc.msg} (regel {exc.lineno}, kolom {exc.colno})."
        ) from None
    except RecursionError:
        raise _fail(
            "De invoer is te diep genest. Geef een JSON-object met lijsten getallen."
        ) from None
    except ValueError:  # an integer of thousands of digits
        raise _fail("De invoer bevat een getal dat veel te groot is.") from None
    if not isinstance(data, dict):
        raise _fail('De invoer moet een JSON-object zijn, zoals {"seats": 9, "votes": [...]}.')
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise _fail(
            f"Onbekend veld in de invoer: {', '.join(unknown)}. "
            "Toegestaan zijn seats, votes, candidates en lots."
        )
    if "seats" not in data:
        raise _fail("Het veld 'seats' (aantal zetels) ontbreekt.")
    if "votes" not in data:
        raise _fail("Het veld 'votes' (stemcijfer per lijst) ontbreekt.")
    for field in ("votes", "candidates", "lots"):
        if data.get(field) is not None and not isinstance(data[field], list):
            raise _fail(f"Het veld '{field}' moet een lijst met getallen zijn.")
        for value in data.get(field) or []:
            if not isinstance(value, int | float | str | bool | None):
                raise _fail(
                    f"Het veld '{field}' moet een lijst met getallen zijn, zonder lijsten erin."
                )
    _check_size(data)
    return data


def _check_size(data: dict[str, Any]) -> None:
    """Refuse absurd sizes before computing: a clear message instead of a long wait."""
    seats = data["seats"]
    if isinstance(seats, list | dict):
        raise _fail("Het veld 'seats' moet een geheel getal zijn (het aantal zetels).")
    if isinstance(seats, int) and not isinstance(seats, bool) and seats > MAX_SEATS:
        raise _fail(f"Te veel zetels: {MAX_SEATS} is het hoogste aantal dat hier kan.")
    if len(data["votes"] or []) > MAX_LISTS:
        raise _fail(f"Te veel lijsten: {MAX_LISTS} is het hoogste aantal dat hier kan.")
    for field in ("votes", "candidates"):
        for value in data.get(field) or []:
            if isinstance(value, int) and abs(value) > MAX_NUMBER:
                raise _fail(
                    f"Een getal in '{field}' is te groot: het hoogste is {MAX_NUMBER:,}.".replace(
                        ",", "."
                    )
                )


def _lots_zero_based(lots: list[Any], lists: int) -> list[int]:
    result = []
    for lot in lots:
        if isinstance(lot, bool) or not isinstance(lot, int):
            raise _fail(f"Een lot moet een lijstnummer zijn (geheel getal), niet {lot!r}.")
        if not 1 <= lot <= lists:
            raise _fail(f"Lot {lot} is geen lijstnummer: er zijn lijsten 1 tot en met {lists}.")
        result.append(lot - 1)
    return result


def _fraction_text(value: Fraction) -> str:
    whole, rest = divmod(value, 1)
    if not rest:
        return str(whole)
    return f"{whole} {rest.numerator}/{rest.denominator}" if whole else str(rest)


def _step_text(step: Step) -> str:
    lijst = f"lijst {step.list_index + 1}"
    lot = " (door loting)" if step.by_lot else ""
    if step.kind is Kind.RESTZETEL:
        assert step.value is not None
        what = "overschot" if step.round is Round.LARGEST_REMAINDERS else "gemiddelde"
        return f"Restzetel naar {lijst}{lot}, {what} {_fraction_text(step.value)} ({step.round})."
    if step.kind is Kind.ABSOLUTE_MAJORITY:
        assert step.from_index is not None
        return (
            f"{lijst.capitalize()} heeft de volstrekte meerderheid van de stemmen en krijgt de "
            f"zetel van lijst {step.from_index + 1}{lot} (P 9)."
        )
    seat = "volle zetel" if step.full_seat else "restzetel"
    return f"{lijst.capitalize()} heeft te weinig kandidaten en levert een {seat} in (P 10)."


def _explanation(result: Apportionment) -> list[str]:
    lines = [f"Kiesdeler: {_fraction_text(result.kiesdeler)} (P 5)."]
    full = ", ".join(f"lijst {i + 1}: {n}" for i, n in enumerate(result.full_seats))
    lines.append(f"Volle zetels (P 6): {full}.")
    lines.extend(_step_text(step) for step in result.steps)
    seats = ", ".join(f"lijst {i + 1}: {n}" for i, n in enumerate(result.seats))
    lines.append(f"Uitkomst: {seats}.")
    return lines


class Command(BaseCommand):
    help = (
        "Bereken de zetelverdeling van de gemeenteraad (Kieswet P 5 tot en met P 10). Lees JSON "
        'van stdin: {"seats": N, "votes": [...], "candidates": [...] (optioneel, levende '
        'kandidaten per lijst), "lots": [...] (optioneel: getrokken lijstnummers, 1-based, in '
        'de volgorde van trekken)}. Schrijft {"seats": [...]} (exit 0). Is een loting nodig die '
        'de invoer niet beslist, dan {"lot_required_between": [lijstnummers]} (exit 3); bij '
        "ongeldige invoer een melding op stderr (exit 2). Met --uitleg komen kiesdeler, volle "
        "zetels en elke restzetel in het Nederlands op stderr; stdout blijft gelijk. "
        'Voorbeeld: echo \'{"seats": 15, "votes": [2571, 977, 567, 536, 453]}\' | '
        "secretaris zetelverdeling --uitleg"
    )
    requires_system_checks: list[str] = []
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument(
            "--uitleg",
            action="store_true",
            help="Schrijf de berekening stap voor stap naar stderr.",
        )

    def handle(self, *args, **options):
        stream = options.get("stdin") or sys.stdin
        data = _read_input(stream.read(MAX_INPUT_CHARS + 1))
        votes = data["votes"]
        lots = _lots_zero_based(data.get("lots") or [], len(votes)) if votes else []
        try:
            result = apportion(data["seats"], votes, data.get("candidates"), lots=lots)
        except LotRequired as exc:
            between = [index + 1 for index in exc.between]
            self.stdout.write(json.dumps({"lot_required_between": between}))
            self.stderr.write(str(exc))
            self.stdout.flush()
            raise SystemExit(3) from None
        except ValueError as exc:
            raise _fail(str(exc)) from None
        if options["uitleg"]:
            for line in _explanation(result):
                self.stderr.write(line)
        for warning in result.warnings:
            self.stderr.write(f"Waarschuwing: {warning}")
        self.stdout.write(json.dumps({"seats": list(result.seats)}))
