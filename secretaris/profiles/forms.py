"""One form per editor step. Every form carries the lock version it was loaded with."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from secretaris.competencies.model import get_model
from secretaris.dossier.models import Gemeente
from secretaris.forms import StyledForm, style_fields
from secretaris.profiles.models import Profile
from secretaris.profiles.organisation import FIGURES, TEXTS

TEXT_HELP = "Gewone tekst. Witregel = nieuwe alinea, '- ' = opsomming, **vet**, *cursief*."


def text_field(label: str, help_text: str = "", rows: int = 8) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=20000,
        help_text=f"{help_text} {TEXT_HELP}".strip(),
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class StepForm(StyledForm, forms.Form):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, profile: Profile, **kwargs):
        self.profile = profile
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


class GeneralForm(StepForm):
    title = forms.CharField(label="Functietitel", max_length=200)
    inleiding = text_field("Inleiding", "Waarom deze vacature en wie zoekt er?")
    functie = text_field("De functie: aanvulling", "Wat komt bij de basistaken in deze gemeente?")

    def changes(self) -> dict:
        texts = dict(self.profile.texts)
        texts.update(inleiding=self.cleaned_data["inleiding"], functie=self.cleaned_data["functie"])
        return {"title": self.cleaned_data["title"], "texts": texts}


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
        return {
            "situational": situational,
            "gemeente_type": self.cleaned_data["gemeente_type"],
            "texts": texts,
        }


def single_text_form(key: str, label: str, help_text: str) -> type[StepForm]:
    class SingleTextForm(StepForm):
        def changes(self) -> dict:
            texts = dict(self.profile.texts)
            texts[key] = self.cleaned_data[key]
            return {"texts": texts}

    SingleTextForm.base_fields[key] = text_field(label, help_text, rows=12)
    SingleTextForm.__name__ = f"{key.title()}Form"
    return SingleTextForm


GemeenteForm = single_text_form("gemeente", "De gemeente", "Vooringevuld uit het dossier.")
BestuurForm = single_text_form("bestuur", "Het bestuur", "Vooringevuld uit het dossier.")
ProcedureForm = single_text_form("procedure", "De procedure", "Planning en contactpersoon.")


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
                f"Sector: {b['value']} {b['unit']} ({b['scope']}, {b['year']})." if b else ""
            )
            self.fields[f.key] = forms.DecimalField(
                label=f"{f.label} ({f.unit})",
                required=False,
                min_value=Decimal(0),
                max_digits=9,
                decimal_places=2,
                help_text=help_text,
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
                localize=True,
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
    data.update(profile.organisation)
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
