"""Forms of the ontwikkelscan: setting a scan up, nominating raters, and the questionnaire."""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.choices import BaseChoiceIterator

from secretaris.competencies.model import Competency, CompetencyModel
from secretaris.dossier.models import Gemeente
from secretaris.forms import NameField, style_fields
from secretaris.forms import StyledForm as BaseStyledForm
from secretaris.scan import nominations
from secretaris.scan.groups import is_reserved, normalise
from secretaris.scan.models import (
    CANNOT_JUDGE,
    MIN_K,
    SCALE,
    Comment,
    Rater,
    RaterGroup,
    Scan,
    min_k,
)

CANNOT_JUDGE_VALUE = "nvt"
MAX_DEADLINE_DAYS = 366


class StyledForm(BaseStyledForm, forms.Form):
    """A plain form in the house style."""


def end_of_day(day: date) -> datetime:
    """The deadline: the chosen day until 23:59 Dutch time, as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


def active_user(username: str):
    user = get_user_model().objects.filter(username=username.strip(), is_active=True).first()
    if user is None:
        raise forms.ValidationError(
            f"Er is geen gebruiker '{username.strip()}'. Vraag een beheerder om een account "
            "aan te maken met: secretaris gebruiker GEBRUIKERSNAAM."
        )
    return user


K_ERRORS = {
    "min_value": f"Kies {MIN_K} of meer: bij minder is niemand echt anoniem.",
    "max_value": "Kies hooguit 20.",
}


def apply_k_floor(field: forms.IntegerField) -> None:
    """The k field refuses what is below the floor in force (SCAN_MIN_K may raise MIN_K)."""
    floor = min_k()
    field.min_value = floor
    field.validators = [v for v in field.validators if not isinstance(v, MinValueValidator)]
    field.validators.append(MinValueValidator(floor))
    field.widget.attrs["min"] = floor
    field.error_messages["min_value"] = f"Kies {floor} of meer: bij minder is niemand echt anoniem."
    if field.initial is not None and field.initial < floor:
        field.initial = floor


def deadline_field() -> forms.DateField:
    return forms.DateField(
        label="Einddatum",
        help_text="Tot en met deze dag kunnen beoordelaars de vragenlijst invullen. "
        "Reken op twee tot drie weken.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def clean_deadline(day: date) -> datetime:
    today = timezone.localdate()
    if day <= today:
        raise forms.ValidationError("Kies een datum na vandaag.")
    if day > today + timedelta(days=MAX_DEADLINE_DAYS):
        raise forms.ValidationError("Kies een datum binnen een jaar.")
    return end_of_day(day)


def situational_field(model: CompetencyModel) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label="Situatiegebonden competenties",
        required=False,
        choices=[(c.key, c.name) for c in model.situational],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox"}),
        help_text="De kerncompetenties doen altijd mee. Kies hier de situatiegebonden "
        "competenties die in deze gemeente het meest tellen (hooguit vijf).",
    )


def clean_situational(keys: list[str]) -> list[str]:
    if len(keys) > 5:
        raise forms.ValidationError(
            "Kies hooguit vijf situatiegebonden competenties: elke competentie maakt de "
            "vragenlijst een pagina langer."
        )
    return keys


class GemeenteForm(StyledForm):
    """Step 1 of a new scan: which municipality (its profielschets fills in the rest)."""

    gemeente = forms.CharField(
        label="Gemeente",
        max_length=100,
        help_text="Naam of CBS-code, bijvoorbeeld 'Utrecht' of 'GM0344'.",
    )

    def clean_gemeente(self) -> Gemeente:
        from secretaris.dossier.lookup import NotFound, find_gemeente

        try:
            return find_gemeente(self.cleaned_data["gemeente"])
        except NotFound as exc:
            raise forms.ValidationError(exc.message()) from None


class NewScanForm(StyledForm):
    """Step 2 of a new scan."""

    gemeente = forms.CharField(widget=forms.HiddenInput, max_length=100)
    title = NameField(label="Titel", max_length=200, initial="Ontwikkelscan")
    secretary = forms.CharField(
        label="Gemeentesecretaris (gebruikersnaam)",
        max_length=150,
        help_text="Wie de feedback krijgt. Maakt u de scan voor iemand anders? Dan bent u "
        "de coördinator: u ziet wie er meedoen en hoe ver ze zijn, maar nooit de antwoorden.",
    )
    secretary_name = forms.CharField(
        label="Volledige naam van de gemeentesecretaris",
        max_length=150,
        required=False,
        help_text="Alleen nodig als deze gebruiker nog geen naam heeft. Beoordelaars zien de "
        "naam in de uitnodiging en in de vragenlijst, bijvoorbeeld Anne de Vries.",
    )
    deadline = deadline_field()
    k = forms.IntegerField(
        label="Drempel voor anonimiteit",
        min_value=MIN_K,
        max_value=20,
        initial=3,
        error_messages=K_ERRORS,
        help_text="Een groep met minder ingevulde vragenlijsten dan dit getal tonen we nooit "
        "apart. Wij raden 3 aan; een hoger getal is anoniemer.",
    )

    def clean(self) -> dict[str, Any]:
        """A secretary without a name gets one here: raters must not see a username."""
        data = super().clean()
        user = data.get("secretary")
        name = " ".join(data.get("secretary_name", "").split())
        if user is not None and not user.get_full_name().strip():
            if not name:
                self.add_error(
                    "secretary_name",
                    "Deze gebruiker heeft nog geen naam. Vul de volledige naam in: "
                    "beoordelaars zien die in de vragenlijst.",
                )
            elif " " not in name:
                self.add_error(
                    "secretary_name", "Vul voornaam en achternaam in, bijvoorbeeld Anne de Vries."
                )
        data["secretary_name"] = name
        return data

    def __init__(self, *args: Any, model: CompetencyModel, **kwargs: Any) -> None:
        self.model = model
        super().__init__(*args, **kwargs)
        apply_k_floor(self.fields["k"])
        self.fields["situational"] = situational_field(model)
        style_fields(self)

    def clean_gemeente(self) -> Gemeente:
        gemeente = Gemeente.objects.filter(code=self.cleaned_data["gemeente"]).first()
        if gemeente is None:
            raise forms.ValidationError("Kies de gemeente opnieuw.")
        return gemeente

    def clean_secretary(self):
        return active_user(self.cleaned_data["secretary"])

    def clean_deadline(self) -> datetime:
        return clean_deadline(self.cleaned_data["deadline"])

    def clean_situational(self) -> list[str]:
        return clean_situational(self.cleaned_data["situational"])


class ScanSettingsForm(StyledForm):
    """Title, deadline and coordinator; the competencies and k only while in concept."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput)
    title = NameField(label="Titel", max_length=200)
    deadline = deadline_field()
    coordinator = forms.CharField(
        label="Coördinator (gebruikersnaam)",
        max_length=150,
        required=False,
        help_text="Iemand anders dan de secretaris. Keurt de lijst met beoordelaars goed, "
        "verstuurt de uitnodigingen en volgt de voortgang. Ziet nooit antwoorden. Zonder "
        "coördinator kan de scan niet beginnen.",
    )
    k = forms.IntegerField(
        label="Drempel voor anonimiteit", min_value=MIN_K, max_value=20, error_messages=K_ERRORS
    )

    def __init__(self, *args: Any, scan: Scan, is_owner: bool, **kwargs: Any) -> None:
        self.scan = scan
        super().__init__(*args, **kwargs)
        if scan.status != Scan.CONCEPT:
            del self.fields["k"]  # raters may already be answering under this promise
        else:
            apply_k_floor(self.fields["k"])
            self.fields["situational"] = situational_field(scan.competency_model())
        if not is_owner or scan.status != Scan.CONCEPT:
            # After concept only a beheerder changes the coordinator (in the admin, logged,
            # everyone told): the secretary cannot swap in someone who approves anything.
            del self.fields["coordinator"]
        style_fields(self)

    @staticmethod
    def initial_for(scan: Scan) -> dict[str, Any]:
        model = scan.competency_model()
        return {
            "lock_version": scan.lock_version,
            "title": scan.title,
            "deadline": timezone.localtime(scan.deadline).date(),
            "coordinator": scan.coordinator.get_username() if scan.coordinator else "",
            "k": scan.k,
            "situational": [c.key for c in model.situational if c.key in scan.competency_keys],
        }

    def clean_deadline(self) -> datetime:
        return clean_deadline(self.cleaned_data["deadline"])

    def clean_coordinator(self):
        username = self.cleaned_data["coordinator"].strip()
        if not username:
            return None
        user = active_user(username)
        if user == self.scan.secretary:
            raise forms.ValidationError("De coördinator is iemand anders dan de secretaris.")
        return user

    def clean_situational(self) -> list[str]:
        return clean_situational(self.cleaned_data["situational"])

    def changes(self) -> dict[str, Any]:
        from secretaris.scan.models import competency_keys

        data = self.cleaned_data
        fields: dict[str, Any] = {"title": data["title"], "deadline": data["deadline"]}
        if "coordinator" in data:
            fields["coordinator"] = data["coordinator"]
        if "k" in data:
            fields["k"] = data["k"]
            fields["competency_keys"] = competency_keys(
                self.scan.competency_model(), data["situational"]
            )
        return fields


RESERVED = "Deze naam gebruikt het rapport al voor iets anders. Kies een andere naam."


class GroupsForm(StyledForm):
    """Rename groups and switch them on or off."""

    def __init__(self, *args: Any, groups: list[RaterGroup], in_use: set[int], **kwargs: Any):
        self.groups = groups
        self.in_use = in_use
        super().__init__(*args, **kwargs)
        self.rows = []
        for g in groups:
            self.fields[f"name_{g.pk}"] = NameField(label="Naam", max_length=100, initial=g.name)
            self.fields[f"enabled_{g.pk}"] = forms.BooleanField(
                label="Doet mee", required=False, initial=g.enabled
            )
            if g.is_self:
                self.fields[f"enabled_{g.pk}"].disabled = True
        style_fields(self)
        for g in groups:
            self.rows.append((g, self[f"name_{g.pk}"], self[f"enabled_{g.pk}"]))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        seen: dict[str, str] = {}
        for g in self.groups:
            name = (data.get(f"name_{g.pk}") or "").strip()
            if name and normalise(name) in seen:
                self.add_error(f"name_{g.pk}", f"Er is al een groep die {name} heet.")
            elif name and not g.is_self and is_reserved(name):
                self.add_error(f"name_{g.pk}", RESERVED)
            seen[normalise(name)] = name
            if not data.get(f"enabled_{g.pk}") and g.pk in self.in_use and not g.is_self:
                self.add_error(
                    f"enabled_{g.pk}",
                    "In deze groep staan beoordelaars. Haal hen eerst weg, of laat de groep "
                    "meedoen.",
                )
        return data

    def changes(self) -> list[tuple[RaterGroup, str, bool]]:
        return [
            (
                g,
                self.cleaned_data[f"name_{g.pk}"].strip(),
                g.is_self or self.cleaned_data[f"enabled_{g.pk}"],
            )
            for g in self.groups
        ]


class NewGroupForm(StyledForm):
    name = NameField(
        label="Naam van de nieuwe groep",
        max_length=100,
        help_text="Bijvoorbeeld: Provincie, of Veiligheidsregio.",
    )
    single_person = forms.BooleanField(
        label="In deze groep hoort één persoon (die is dan herkenbaar aan de rol)",
        required=False,
    )

    def __init__(self, *args: Any, scan: Scan, **kwargs: Any) -> None:
        self.scan = scan
        super().__init__(*args, **kwargs)

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if is_reserved(name):
            raise forms.ValidationError(RESERVED)
        if any(normalise(g.name) == normalise(name) for g in self.scan.groups.all()):
            raise forms.ValidationError(f"Er is al een groep die {name} heet.")
        return name


class NominationForm(StyledForm):
    lines = forms.CharField(
        label="Plak de lijst",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text="Eén persoon per regel: naam, e-mailadres, groep. Komma, puntkomma of tab "
        "ertussen; cellen uit Excel plakken kan ook. Bijvoorbeeld: "
        "Anna de Vries, a.devries@gemeente.nl, Wethouders",
    )
    upload = forms.FileField(
        label="Of kies een bestand",
        required=False,
        help_text="Een .csv- of .txt-bestand van hooguit 100 kB, met dezelfde kolommen.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
    )

    def __init__(self, *args: Any, scan: Scan, **kwargs: Any) -> None:
        self.scan = scan
        self.result: nominations.ParseResult | None = None
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        upload = data.get("upload")
        text = data.get("lines", "")
        if upload:
            try:
                text = nominations.read_upload(
                    upload.name, upload.read(nominations.MAX_UPLOAD_BYTES + 1)
                )
            except nominations.UploadError as exc:
                self.add_error("upload", exc.message)
                return data
            # Show the file's lines in the text box, so a bad line can be fixed right here.
            self.data = self.data.copy()
            self.data["lines"] = text
        if not text.strip():
            raise forms.ValidationError("Plak de lijst in het tekstvak, of kies een bestand.")
        if len(text.encode("utf-8")) > nominations.MAX_UPLOAD_BYTES:
            self.add_error("lines", "De lijst is te lang (hooguit 100 kB). Splits hem in delen.")
            return data
        if len(text.splitlines()) > 4 * nominations.MAX_PER_PASTE:
            self.add_error(
                "lines",
                f"De lijst is te lang: hooguit {nominations.MAX_PER_PASTE} mensen per keer.",
            )
            return data
        self.result = parse_for_scan(self.scan, text)
        self._check_counts(len(self.result.nominations))
        if self.result.errors:
            raise forms.ValidationError(
                f"{len(self.result.errors)} van de regels kloppen nog niet. Er is niets "
                "opgeslagen. Verbeter de regels hieronder en probeer het opnieuw."
            )
        if not self.result.nominations:
            raise forms.ValidationError("Er staan geen namen in de lijst.")
        return data

    def _check_counts(self, new: int) -> None:
        """At most MAX_PER_PASTE people per list and MAX_PER_SCAN in the whole scan."""
        if new > nominations.MAX_PER_PASTE:
            raise forms.ValidationError(
                f"Er staan {new} mensen in de lijst; hooguit {nominations.MAX_PER_PASTE} per "
                "keer. Er is niets opgeslagen. Splits de lijst in delen."
            )
        already = self.scan.raters.count()
        if already + new > nominations.MAX_PER_SCAN:
            raise forms.ValidationError(
                f"Een scan heeft hooguit {nominations.MAX_PER_SCAN} beoordelaars. Er staan er "
                f"al {already}; er kunnen er nog {max(0, nominations.MAX_PER_SCAN - already)} "
                "bij. Er is niets opgeslagen."
            )


def parse_for_scan(scan: Scan, text: str) -> nominations.ParseResult:
    groups = list(scan.groups.all())
    holders = {
        r.group_id: r.name for r in scan.raters.filter(group__single_person=True).only("name")
    }
    targets = [
        nominations.Target(g.choice(), g.single_person, holders.get(g.pk, ""))
        for g in groups
        if g.enabled
    ]
    return nominations.parse(
        text,
        targets,
        disabled=[g.choice() for g in groups if not g.enabled],
        existing_emails=scan.raters.values_list("email", flat=True),
    )


class CloseForm(StyledForm):
    confirm = forms.BooleanField(
        label="Ik weet dat niemand daarna nog kan antwoorden",
        error_messages={"required": "Vink aan dat u de scan echt wilt sluiten."},
    )


# --- The questionnaire (rater side) ---------------------------------------------------------

MERGED = "samen"
BY_ROLE = "rol"


class IntroForm(StyledForm):
    """The first page. A one-person role (burgemeester, griffier) chooses how to be shown."""

    def __init__(self, *args: Any, rater: Rater, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if rater.group.is_single_role:
            self.fields["shown"] = forms.ChoiceField(
                label="Hoe wilt u meedoen?",
                choices=[
                    (MERGED, "Samenvoegen: mijn antwoorden tellen mee met die van anderen"),
                    (BY_ROLE, f"Apart tonen: mijn antwoorden staan apart, als {rater.group.name}"),
                ],
                initial=BY_ROLE if rater.show_by_role else MERGED,
                required=False,  # nothing chosen = merged, the safe default
                widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button"}),
            )

    def show_by_role(self) -> bool:
        return self.cleaned_data.get("shown") == BY_ROLE

    @staticmethod
    def chosen(rater: Rater) -> dict[str, str]:
        """The form's initial choice, for a page stored without it (rater_pages)."""
        if not rater.group.is_single_role:
            return {}
        return {"shown": BY_ROLE if rater.show_by_role else MERGED}


class FixedChoices(BaseChoiceIterator):
    """Choices already in Django's normal form that never change: every field and widget
    takes them as they are, where a list would be normalised again for each of them (on a
    questionnaire page that was a quarter of the time of a save)."""

    def __init__(self, choices: list[tuple[str, str]]) -> None:
        self.choices = tuple(choices)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.choices)

    def __copy__(self) -> FixedChoices:
        return self  # immutable: copies may share it

    def __deepcopy__(self, memo: dict) -> FixedChoices:
        return self


ANSWER_CHOICES = FixedChoices(
    [(str(v), text) for v, text in SCALE] + [(CANNOT_JUDGE_VALUE, CANNOT_JUDGE.capitalize())]
)


@functools.lru_cache(maxsize=128)
def _page_fields(competency: Competency) -> dict[str, forms.Field]:
    """The fields of one competency's page, built once; each form gets a deep copy (a
    third of the cost of building them)."""
    fields: dict[str, forms.Field] = {}
    for indicator in competency.indicators:
        fields[indicator.code] = forms.ChoiceField(
            label=indicator.text,
            choices=ANSWER_CHOICES,
            widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button"}),
            error_messages={
                "required": "Kies een antwoord. Weet u het niet? "
                "Kies dan 'Kan ik niet beoordelen'.",
                "invalid_choice": "Kies een van de antwoorden 1 tot en met 5, "
                "of 'Kan ik niet beoordelen'.",
            },
        )
    for kind, label, help_text in (
        (Comment.FEEDBACK, "Wat gaat goed?", "Noem gedrag dat u hebt gezien. Niet verplicht."),
        (
            Comment.FEEDFORWARD,
            "Wat kan beter?",
            "Een tip voor de toekomst: wat zou u graag vaker zien? Niet verplicht.",
        ),
    ):
        fields[kind] = forms.CharField(
            label=label,
            required=False,
            max_length=Comment.MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text=help_text,
        )
    return fields


class _Scores:
    """The scores of a valid page (an indicator code to 1–5, or None)."""

    competency: Competency
    cleaned_data: dict[str, Any]

    def scores(self) -> dict[str, int | None]:
        return {
            i.code: None
            if self.cleaned_data[i.code] == CANNOT_JUDGE_VALUE
            else int(self.cleaned_data[i.code])
            for i in self.competency.indicators
        }


class PostedPage(_Scores, forms.Form):
    """A sent page, checked with the same fields as CompetencyPageForm but never shown:
    it reads the page's fields where they are built once instead of copying and styling
    them for every save. Checking does not change a field; an invalid page is shown again
    with a CompetencyPageForm of the same data."""

    def __init__(self, data: Any, competency: Competency) -> None:
        self.competency = competency
        super().__init__(data)
        self.fields = _page_fields(competency)


class CompetencyPageForm(_Scores, StyledForm):
    """One competency: a 1–5 scale per indicator, and the two open questions."""

    def __init__(self, *args: Any, competency: Competency, **kwargs: Any) -> None:
        self.competency = competency
        super().__init__(*args, **kwargs)
        self.fields.update(copy.deepcopy(_page_fields(competency)))
        style_fields(self)

    @classmethod
    def initial_for(cls, rater: Rater, competency: Competency) -> dict[str, str]:
        codes = {i.code for i in competency.indicators}
        answers, comments = rater.own_answers()
        initial = {
            code: CANNOT_JUDGE_VALUE if score is None else str(score)
            for code, score in answers
            if code in codes
        }
        initial.update((kind, text) for key, kind, text in comments if key == competency.key)
        return initial

    def indicator_fields(self) -> list[forms.BoundField]:
        return [self[i.code] for i in self.competency.indicators]
