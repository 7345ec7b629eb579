from __future__ import annotations

from datetime import date

from django import forms

from secretaris.forms import StyledForm
from secretaris.organisation.mapping import FIELDS
from secretaris.organisation.reading import MAX_BYTES
from secretaris.profiles.forms import GrantForm, NewProfileForm

__all__ = ["GrantForm", "HandForm", "MappingForm", "NewOrganisationForm", "UploadForm"]


class NewOrganisationForm(NewProfileForm):
    """Choosing the municipality: the same forgiving lookup as a new profielschets."""


class UploadForm(StyledForm, forms.Form):
    file = forms.FileField(
        label="HR-export (CSV of Excel)",
        help_text=(
            "Een export uit AFAS, Youforce of een ander systeem: één regel per "
            f"dienstverband, hoogstens {MAX_BYTES // (1024 * 1024)} MB. Het bestand zelf "
            "wordt niet bewaard."
        ),
    )
    peildatum = forms.DateField(
        label="Peildatum",
        help_text=(
            "De dag waarop u de stand wilt zien, bijvoorbeeld 31-12-2025. In- en uitstroom "
            "en verzuim gaan over de twaalf maanden tot en met die dag."
        ),
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d-%m-%Y"),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                f"Het bestand is {upload.size // (1024 * 1024)} MB; het maximum is "
                f"{MAX_BYTES // (1024 * 1024)} MB."
            )
        return upload

    def clean_peildatum(self):
        value = self.cleaned_data["peildatum"]
        if value > date.today():
            raise forms.ValidationError("De peildatum ligt in de toekomst.")
        if value.year < 2000:
            raise forms.ValidationError("Kies een peildatum vanaf 2000.")
        return value


class MappingForm(StyledForm, forms.Form):
    """One choice per field: which column of the file holds it."""

    def __init__(self, *args, headers: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "— niet in het bestand —")] + [(h, h) for h in headers if h]
        for spec in FIELDS:
            self.fields[spec.key] = forms.ChoiceField(
                label=spec.label + ("" if spec.required else " (niet verplicht)"),
                choices=choices,
                required=False,
                help_text=spec.help,
            )
        self.headers = headers

    def mapping(self) -> dict[str, str]:
        return {key: value for key, value in self.cleaned_data.items() if value}


class HandForm(StyledForm, forms.Form):
    formatie_fte = forms.DecimalField(
        label="Formatie (fte)",
        required=False,
        min_value=0,
        max_value=100000,
        decimal_places=2,
        help_text="De begrote formatie, bijvoorbeeld uit de begroting (paragraaf bedrijfsvoering).",
        localize=True,
    )
    formatie_source = forms.CharField(label="Bron formatie", required=False, max_length=200)
    satisfaction = forms.DecimalField(
        label="Medewerkertevredenheid (rapportcijfer 1–10)",
        required=False,
        min_value=1,
        max_value=10,
        decimal_places=1,
        localize=True,
    )
    satisfaction_source = forms.CharField(
        label="Bron tevredenheid",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld: Medewerkersonderzoek 2025, bureau X.",
    )
    satisfaction_year = forms.IntegerField(
        label="Jaar van het onderzoek", required=False, min_value=2000, max_value=2100
    )

    def clean(self):
        data = super().clean()
        if data.get("satisfaction") is not None and not data.get("satisfaction_source"):
            self.add_error("satisfaction_source", "Noem de bron van het cijfer.")
        if data.get("formatie_fte") is not None and not data.get("formatie_source"):
            self.add_error("formatie_source", "Noem de bron van de formatie.")
        return data
