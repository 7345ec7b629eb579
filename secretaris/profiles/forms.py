"""One form per editor step. Every form carries the lock version it was loaded with."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms

from secretaris.competencies.model import get_model
from secretaris.documents.numbers import format_number, parse_number
from secretaris.dossier.models import Gemeente
from secretaris.forms import StyledForm, style_fields
from secretaris.profiles.bestuur import BESTUURSMODELLEN, NOTE_KEYS, NOTES
from secretaris.profiles.logo import MAX_BYTES as MAX_LOGO_BYTES
from secretaris.profiles.logo import LogoError, clean_logo
from secretaris.profiles.models import Profile
from secretaris.profiles.organisation import FIGURES, TEXTS
from secretaris.profiles.sections import SECTIONS
from secretaris.profiles.sections import text as section_text
from secretaris.profiles.vacancy import DATES

SECTION_TITLES = {s.key: s.title for s in SECTIONS}
SECTION_HELP = {s.key: s.help for s in SECTIONS}
LABELS_DATES = dict(DATES)
DATE_FIELD = {
    "help_text": "Bijvoorbeeld 15-3-2027.",
    "input_formats": ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"],
    "widget": forms.DateInput(format="%d-%m-%Y"),
}

TEXT_HELP = "Gewone tekst. Witregel = nieuwe alinea, '- ' = opsomming, **vet**, *cursief*."


def text_field(label: str, help_text: str = "", rows: int = 8) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=20000,
        help_text=f"{help_text} {TEXT_HELP}".strip(),
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class DutchDecimalField(forms.DecimalField):
    """A number typed the Dutch way ("1.234,5"), or as a computer writes it ("1234.5")."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})
    default_error_messages = {"invalid": "Vul een getal in, bijvoorbeeld 1.234,5."}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_number(str(value))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def prepare_value(self, value):
        if value in self.empty_values or isinstance(value, str) and not _is_plain(value):
            return value
        number = Decimal(str(value))
        return format_number(number, max(0, -number.normalize().as_tuple().exponent))


def _is_plain(value: str) -> bool:
    """A stored number ("47.4"), not what a user typed (shown back as typed)."""
    try:
        Decimal(value)
    except InvalidOperation:
        return False
    return "," not in value


class StepForm(StyledForm, forms.Form):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, profile: Profile, user=None, **kwargs):
        self.profile = profile
        self.user = user
        super().__init__(*args, **kwargs)

    def changes(self) -> dict:
        """The model fields to store, from cleaned_data."""
        raise NotImplementedError


class NewProfileForm(StyledForm, forms.Form):
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


def texts_form(name: str, keys: tuple[str, ...], rows: int = 8) -> type[StepForm]:
    """A step of text sections from sections.py, stored in Profile.texts."""

    class TextsForm(StepForm):
        def changes(self) -> dict:
            texts = dict(self.profile.texts)
            texts.pop("inleiding", None)  # replaced by "waarom"
            texts.update({key: self.cleaned_data[key] for key in keys})
            return {"texts": texts}

    for key in keys:
        TextsForm.base_fields[key] = text_field(SECTION_TITLES[key], SECTION_HELP[key], rows=rows)
    TextsForm.__name__ = name
    return TextsForm


class GeneralForm(texts_form("GeneralTexts", ("waarom", "wie", "functie"))):
    title = forms.CharField(label="Functietitel", max_length=200)
    field_order = ("title", "waarom", "wie", "functie")

    def changes(self) -> dict:
        return {**super().changes(), "title": self.cleaned_data["title"]}


class CompetenciesForm(StepForm):
    """The situational competencies: suggestions with their reasons, the user's choice."""

    gemeente_type = forms.ChoiceField(label="Type gemeente", choices=Profile.TYPES)
    kerncompetenties = text_field("Toelichting bij de kerncompetenties", rows=4)
    situatie = text_field("Toelichting bij de situatiegebonden competenties", rows=4)

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, profile=profile, **kwargs)
        model = get_model(profile.model_version)
        items = {item["key"]: item for item in profile.situational}
        self.competencies = []
        for c in model.situational:
            item = items.get(c.key, {})
            choose = f"kies_{c.key}"
            note = f"toelichting_{c.key}"
            self.fields[choose] = forms.BooleanField(
                label=c.name, required=False, initial=item.get("chosen", False)
            )
            self.fields[note] = forms.CharField(
                label=f"Eigen toelichting bij {c.name}",
                required=False,
                max_length=4000,
                initial=item.get("note", ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.competencies.append((c, item, self[choose], self[note]))
        style_fields(self)

    def clean(self):
        data = super().clean()
        chosen = [c for c, *_ in self.competencies if data.get(f"kies_{c.key}")]
        if not chosen:
            raise forms.ValidationError("Kies ten minste één situatiegebonden competentie.")
        if len(chosen) > 5:
            raise forms.ValidationError(
                "Kies er hooguit vijf: het profiel vraagt om een paar accenten, niet alle acht."
            )
        return data

    def changes(self) -> dict:
        items = {item["key"]: item for item in self.profile.situational}
        situational = []
        for c, *_ in self.competencies:
            old = items.get(
                c.key, {"key": c.key, "suggested": False, "recommended": False, "reasons": []}
            )
            chosen = self.cleaned_data[f"kies_{c.key}"]
            note = self.cleaned_data[f"toelichting_{c.key}"]
            if old.get("suggested") or chosen or note:
                situational.append({**old, "chosen": chosen, "note": note})
        texts = dict(self.profile.texts)
        texts.update(
            kerncompetenties=self.cleaned_data["kerncompetenties"],
            situatie=self.cleaned_data["situatie"],
        )
        texts.update(
            regenerated_texts(self.profile, situational, self.cleaned_data["gemeente_type"])
        )
        return {
            "situational": situational,
            "gemeente_type": self.cleaned_data["gemeente_type"],
            "texts": texts,
        }


def regenerated_texts(profile: Profile, situational: list[dict], kind: str) -> dict[str, str]:
    """'Waarom' and 'wie' made again for the new choice, where nobody edited them by hand."""
    from secretaris.profiles.drafting import who_text, why_text

    after = Profile(
        snapshot=profile.snapshot,
        situational=situational,
        gemeente_type=kind,
        model_version=profile.model_version,
    )
    texts = {}
    for key, make in (("waarom", why_text), ("wie", who_text)):
        if section_text(profile.texts, key) == make(profile):
            texts[key] = make(after)
    return texts


GemeenteForm = texts_form("GemeenteForm", ("gemeente", "opgaven", "financien"))


class BestuurForm(texts_form("BestuurTexts", ("bestuur",))):
    """The bestuur text and the notes the profile owns (bestuur.py), each with a limit."""

    coalition_since = forms.DateField(
        label="Coalitie sinds",
        required=False,
        help_text="Bijvoorbeeld 1-6-2026.",
        input_formats=["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(format="%d-%m-%Y"),
    )
    bestuursmodel = forms.ChoiceField(
        label="Bestuursmodel", required=False, choices=BESTUURSMODELLEN
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for note in NOTES:
            self.fields[note.key] = forms.CharField(
                label=note.label,
                required=False,
                max_length=note.max_length,
                help_text=note.help,
                widget=forms.Textarea(attrs={"rows": note.rows}),
            )
        style_fields(self)

    def changes(self) -> dict:
        notes = {
            key: self.cleaned_data[key].strip()
            for key in NOTE_KEYS
            if self.cleaned_data[key].strip()
        }
        if self.cleaned_data["coalition_since"]:
            notes["coalition_since"] = self.cleaned_data["coalition_since"].isoformat()
        if self.cleaned_data["bestuursmodel"]:
            notes["bestuursmodel"] = self.cleaned_data["bestuursmodel"]
        if self.user is not None:
            notes["author_id"] = self.user.pk
        return {**super().changes(), "bestuur": notes}


class VacancyForm(texts_form("VacancyTexts", ("aanbod", "procedure"), rows=4)):
    """What is offered, the dates, the committee, contact persons and the title page."""

    schaal = forms.TypedChoiceField(
        label="Salarisschaal (Cao Gemeenten)",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Nog niet gekozen")] + [(n, f"Schaal {n}") for n in range(10, 19)],
    )
    salary_max = DutchDecimalField(
        label="Maximum salaris per maand (bruto, in euro)",
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(100000),
        decimal_places=2,
        help_text="Bijvoorbeeld 9.500. Laat leeg als u het niet wilt noemen.",
    )
    hours = DutchDecimalField(
        label="Uren per week",
        required=False,
        min_value=Decimal(1),
        max_value=Decimal(40),
        decimal_places=1,
    )
    closing_date = forms.DateField(label="Sluitingsdatum", required=False, **DATE_FIELD)
    first_round = forms.DateField(label="Eerste gesprekken", required=False, **DATE_FIELD)
    second_round = forms.DateField(label="Tweede gesprekken", required=False, **DATE_FIELD)
    assessment = forms.BooleanField(label="Er is een assessment", required=False)
    assessment_date = forms.DateField(label="Datum assessment", required=False, **DATE_FIELD)
    screening = forms.BooleanField(
        label="Er is een screening (integriteitsonderzoek en VOG)", required=False
    )
    appointment_date = forms.DateField(label="Benoeming (verwacht)", required=False, **DATE_FIELD)
    committee = forms.CharField(
        label="Benoemingsadviescommissie",
        required=False,
        max_length=1500,
        help_text="Eén lid per regel, bijvoorbeeld: 'Burgemeester Jan Jansen (voorzitter)'.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    contacts = forms.CharField(
        label="Contactpersonen",
        required=False,
        max_length=1500,
        help_text="Eén per regel: naam, functie en telefoon of e-mail.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    agency = forms.CharField(
        label="Naam op de titelpagina",
        required=False,
        max_length=120,
        help_text="De naam van het bureau of de gemeente. Leeg: 'Gemeente' en de naam.",
    )
    logo = forms.FileField(
        label="Logo (PNG of JPEG, hoogstens 2 MB)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_logo = forms.BooleanField(label="Logo weghalen", required=False)
    field_order = (
        "schaal",
        "salary_max",
        "hours",
        "aanbod",
        "closing_date",
        "first_round",
        "second_round",
        "assessment",
        "assessment_date",
        "screening",
        "appointment_date",
        "procedure",
        "committee",
        "contacts",
        "agency",
        "logo",
        "remove_logo",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.profile.logo:
            self.fields[
                "logo"
            ].help_text = (
                "Er staat al een logo op de titelpagina. Kies een bestand om het te vervangen."
            )
            style_fields(self)
        else:
            del self.fields["remove_logo"]

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        if upload.size > MAX_LOGO_BYTES:
            raise forms.ValidationError(
                "Het logo is te groot: kies een bestand van hoogstens 2 MB."
            )
        try:
            return clean_logo(upload.read())
        except LogoError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self):
        data = super().clean()
        order = [
            (k, data.get(k))
            for k in ("closing_date", "first_round", "second_round", "appointment_date")
        ]
        known = [(k, d) for k, d in order if d]
        for (k1, d1), (k2, d2) in zip(known, known[1:], strict=False):
            if d2 < d1:
                self.add_error(k2, f"Deze datum ligt vóór de {LABELS_DATES[k1].lower()}.")
        return data

    def changes(self) -> dict:
        data = self.cleaned_data
        vacancy = {}
        for key in (
            "closing_date",
            "first_round",
            "second_round",
            "assessment_date",
            "appointment_date",
        ):
            if data.get(key):
                vacancy[key] = data[key].isoformat()
        for key in ("salary_max", "hours"):
            if data.get(key) is not None:
                vacancy[key] = str(data[key].normalize())
        if data.get("schaal"):
            vacancy["schaal"] = data["schaal"]
        for key in ("assessment", "screening"):
            if data.get(key):
                vacancy[key] = True
        for key in ("committee", "contacts", "agency"):
            if data.get(key, "").strip():
                vacancy[key] = data[key].strip()
        result = {**super().changes(), "vacancy": vacancy}
        if data.get("logo"):
            result["logo"] = data["logo"]
        elif data.get("remove_logo"):
            result["logo"] = None
        return result


class OrganisationForm(StepForm):
    organisatie = text_field("De organisatie in het kort", rows=5)
    figures_year = forms.IntegerField(
        label="Peiljaar van de cijfers", required=False, min_value=2000, max_value=2100
    )
    figures_source = forms.CharField(
        label="Bron van de cijfers",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld: jaarverslag 2025, P&O-rapportage.",
    )

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, profile=profile, **kwargs)
        benchmarks = profile.snapshot.get("benchmarks", {})
        for f in FIGURES:
            b = benchmarks.get(f.key)
            help_text = (
                f"Sector: {format_number(Decimal(str(b['value'])), 1)} {b['unit']} "
                f"({b['scope']}, {b['year']})."
                if b
                else ""
            )
            self.fields[f.key] = DutchDecimalField(
                label=f"{f.label} ({f.unit})",
                required=False,
                min_value=Decimal(0),
                max_digits=9,
                decimal_places=2,
                help_text=help_text,
            )
        for key, label in TEXTS:
            self.fields[key] = text_field(label, rows=4)
        style_fields(self)

    def changes(self) -> dict:
        org = {}
        for f in FIGURES:
            value = self.cleaned_data.get(f.key)
            if value is not None:
                org[f.key] = str(value.normalize())
        for key, _ in TEXTS:
            if self.cleaned_data.get(key):
                org[key] = self.cleaned_data[key]
        for key in ("figures_year", "figures_source"):
            if self.cleaned_data.get(key):
                org[key] = self.cleaned_data[key]
        old = self.profile.organisation  # Organisatiebeeld hook (#13): keep the HR charts
        if "hr_import" in old and org.get("figures_source") == old.get("figures_source"):
            org["hr_import"] = old["hr_import"]
        texts = dict(self.profile.texts)
        texts["organisatie"] = self.cleaned_data["organisatie"]
        return {"organisation": org, "texts": texts}


def initial_for(step_form: type[StepForm], profile: Profile) -> dict:
    data = {
        "lock_version": profile.lock_version,
        "title": profile.title,
        "gemeente_type": profile.gemeente_type,
    }
    data.update(profile.texts)
    data["waarom"] = section_text(profile.texts, "waarom")
    data.update(profile.organisation)
    data.update({k: v for k, v in (profile.bestuur or {}).items() if k != "author_id"})
    data.update(profile.vacancy or {})
    for key in (*LABELS_DATES, "coalition_since"):
        if isinstance(data.get(key), str):
            try:
                data[key] = date.fromisoformat(data[key])
            except ValueError:
                data.pop(key)
    return data


class GrantForm(StyledForm, forms.Form):
    username = forms.CharField(label="Gebruikersnaam", max_length=150)
    role = forms.ChoiceField(
        label="Rol",
        choices=[
            ("lezer", "Lezer: mag lezen en downloaden"),
            ("bewerker", "Bewerker: mag ook wijzigen"),
        ],
    )

    def clean_username(self):
        from django.contrib.auth import get_user_model

        user = (
            get_user_model()
            .objects.filter(username=self.cleaned_data["username"], is_active=True)
            .first()
        )
        if user is None:
            raise forms.ValidationError("Deze gebruiker bestaat niet (of is niet actief).")
        return user
