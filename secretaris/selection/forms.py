"""Forms of the selection procedure."""

from __future__ import annotations

from typing import Any

from django import forms

from secretaris.accounts.access import objects_for
from secretaris.forms import StyledForm as BaseStyledForm
from secretaris.profiles.models import Profile
from secretaris.selection.models import ADVICES, PHASES, Candidate, Member, Procedure
from secretaris.selection.uploads import Refused, check_upload, max_bytes

SCORE_CHOICES = [
    (1, "1 zwak"),
    (2, "2 onvoldoende"),
    (3, "3 voldoende"),
    (4, "4 goed"),
    (5, "5 sterk"),
]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StyledForm(BaseStyledForm, forms.Form):
    """A plain form in the house style."""


class NewProcedureForm(StyledForm):
    profile = forms.ModelChoiceField(
        label="Profielschets",
        queryset=Profile.objects.none(),
        empty_label="Kies een definitieve profielschets",
        help_text="De competenties uit deze profielschets worden de criteria van de procedure.",
        error_messages={
            "required": "Kies een profielschets.",
            "invalid_choice": "Kies een profielschets uit de lijst.",
        },
    )
    title = forms.CharField(
        label="Naam van de procedure",
        max_length=200,
        help_text="Bijvoorbeeld: Gemeentesecretaris 2026.",
    )
    role = forms.ChoiceField(
        label="Uw rol in de commissie",
        choices=[
            (Member.VOORZITTER, "Voorzitter"),
            (Member.SECRETARIS, "Secretaris van de commissie"),
        ],
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["profile"].queryset = objects_for(
            user, Profile.objects.filter(status=Profile.DEFINITIEF).select_related("gemeente")
        )


class InviteForm(StyledForm):
    name = forms.CharField(label="Naam", max_length=150)
    email = forms.EmailField(
        label="E-mailadres",
        error_messages={"invalid": "Vul een geldig e-mailadres in, zoals naam@gemeente.nl."},
    )
    role = forms.ChoiceField(label="Rol", choices=Member.ROLES)
    function = forms.CharField(
        label="Functie",
        max_length=200,
        required=False,
        help_text="Bijvoorbeeld: wethouder personeel en organisatie.",
    )


class MemberRoleForm(StyledForm):
    role = forms.ChoiceField(label="Rol", choices=Member.ROLES)


class RemoveMemberForm(StyledForm):
    confirm = forms.BooleanField(
        label="Ja, haal dit lid uit de commissie.",
        error_messages={"required": "Vink aan dat u dit lid uit de commissie wilt halen."},
    )


class RejectionMailForm(StyledForm):
    body = forms.CharField(
        label="Tekst van de brief",
        widget=forms.Textarea(attrs={"rows": 16}),
        max_length=10000,
        error_messages={"required": "De brief is leeg. Schrijf eerst de tekst."},
    )


class StatementForm(StyledForm):
    accept = forms.BooleanField(
        label="Ik houd alles wat ik in deze procedure zie en hoor geheim.",
        error_messages={"required": "Vink aan dat u de geheimhouding accepteert."},
    )


class PhaseForm(StyledForm):
    phase = forms.ChoiceField(label="Fase", choices=PHASES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in PHASES:
            self.fields[f"date_{key}"] = forms.DateField(
                label=f"Datum {label.lower()}",
                required=False,
                widget=DATE,
                error_messages={"invalid": "Vul een datum in als 31-12-2026."},
            )


class WeightsForm(StyledForm):
    def __init__(self, procedure: Procedure, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        weights = procedure.weights()
        for competency in procedure.competencies():
            self.fields[competency.key] = forms.IntegerField(
                label=competency.name,
                min_value=1,
                max_value=5,
                initial=weights[competency.key],
                error_messages={
                    "min_value": "Kies 1 tot en met 5.",
                    "max_value": "Kies 1 tot en met 5.",
                    "required": "Vul een gewicht in.",
                },
            )


class CandidateForm(forms.ModelForm, BaseStyledForm):
    class Meta:
        model = Candidate
        fields = [
            "name",
            "email",
            "phone",
            "consent_references",
            "consent_internet",
            "consent_keep_year",
        ]
        labels = {
            "consent_references": "Toestemming om referenties na te gaan",
            "consent_internet": "Toestemming om op internet en sociale media te zoeken",
            "consent_keep_year": "Toestemming om de gegevens een jaar te bewaren",
        }
        help_texts = {
            "consent_references": (
                "Alleen met toestemming van de kandidaat (NVP Sollicitatiecode, art. 5.1)."
            ),
            "consent_internet": "Ook dit alleen met toestemming; de kandidaat hoort wat u vond.",
            "consent_keep_year": (
                "Zonder toestemming verwijdert Secretaris de gegevens vier weken na het einde "
                "van de procedure."
            ),
        }


class StatusForm(forms.ModelForm, BaseStyledForm):
    class Meta:
        model = Candidate
        fields = ["stage", "outcome"]


class UploadForm(StyledForm):
    kind = forms.ChoiceField(label="Soort", choices=[("cv", "Cv"), ("brief", "Motivatiebrief")])
    file = forms.FileField(
        label="Bestand",
        help_text="PDF of Word (.docx), hooguit 10 MB.",
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.checked = check_upload(upload)
        except Refused as refused:
            raise forms.ValidationError(str(refused)) from None
        return upload

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text = f"PDF of Word (.docx), hooguit {max_bytes() // (1024 * 1024)} MB."


class DeclarationForm(StyledForm):
    conflict = forms.TypedChoiceField(
        label="Heeft u een persoonlijke of zakelijke band met deze kandidaat?",
        choices=[
            ("nee", "Nee, ik heb geen band met deze kandidaat"),
            ("ja", "Ja, ik heb een band: ik doe bij deze kandidaat niet mee"),
        ],
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": "Kies ja of nee."},
    )


class ScorecardForm(StyledForm):
    """Per criterion a score 1–5 and evidence; an overall advice without a neutral option."""

    def __init__(
        self, procedure: Procedure, *args: Any, amend: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = procedure.competencies()
        for competency in self.criteria:
            self.fields[f"score_{competency.key}"] = forms.TypedChoiceField(
                label=competency.name,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"evidence_{competency.key}"] = forms.CharField(
                label=f"Wat zag of hoorde u? ({competency.name})",
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields["advice"] = forms.ChoiceField(
            label="Uw eindoordeel", choices=ADVICES, widget=forms.RadioSelect, required=False
        )
        if amend:
            self.fields["reason"] = forms.CharField(
                label="Waarom past u uw scorekaart aan?",
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=2000,
                error_messages={"required": "Schrijf op waarom u de scorekaart aanpast."},
            )

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        scores = {
            c.key: data[f"score_{c.key}"] for c in self.criteria if data.get(f"score_{c.key}")
        }
        evidence = {
            c.key: data[f"evidence_{c.key}"].strip()
            for c in self.criteria
            if data.get(f"evidence_{c.key}", "").strip()
        }
        return {"scores": scores, "evidence": evidence, "advice": data.get("advice") or ""}

    def check_complete(self) -> bool:
        """For submitting: every criterion scored and an advice chosen; errors otherwise."""
        for competency in self.criteria:
            if not self.cleaned_data.get(f"score_{competency.key}"):
                self.add_error(f"score_{competency.key}", "Geef een score van 1 tot en met 5.")
        if not self.cleaned_data.get("advice"):
            self.add_error("advice", "Kies uw eindoordeel.")
        return not self.errors


class QuestionsForm(StyledForm):
    def __init__(self, questions: list, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.CharField(
                label=f"Vraag {question.position}",
                initial=question.text,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"required": "Een vraag mag niet leeg zijn."},
            )


class ORAdviceForm(forms.ModelForm, BaseStyledForm):
    class Meta:
        model = Procedure
        fields = ["or_advice", "or_advice_date", "or_advice_text", "or_advice_missing_reason"]
        widgets = {"or_advice_date": DATE}
        help_texts = {
            "or_advice_missing_reason": (
                "Alleen invullen als er geen advies van de OR is, bijvoorbeeld omdat de OR "
                "geen advies wilde geven."
            ),
        }

    def clean(self):
        data = super().clean()
        has_advice = data.get("or_advice") and data.get("or_advice_date")
        if not has_advice and not (data.get("or_advice_missing_reason") or "").strip():
            raise forms.ValidationError(
                "Vul het advies van de OR in (advies en datum), of schrijf op waarom er geen "
                "advies is."
            )
        if data.get("or_advice") and not data.get("or_advice_date"):
            self.add_error("or_advice_date", "Vul de datum van het advies in.")
        return data


class AdviceForm(forms.ModelForm, BaseStyledForm):
    class Meta:
        model = Procedure
        fields = ["proposed", "advice_reasons", "show_individual_scores"]
        labels = {"proposed": "Kandidaat die de commissie voordraagt"}

    def __init__(self, *args: Any, candidates=None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposed"].queryset = candidates
        self.fields["proposed"].label_from_instance = lambda candidate: candidate.name
        self.fields["proposed"].required = True
        self.fields["advice_reasons"].required = True
        self.fields["proposed"].error_messages["required"] = "Kies een kandidaat."
        self.fields["advice_reasons"].error_messages["required"] = (
            "Schrijf op waarom de commissie deze kandidaat voordraagt."
        )


class RankForm(StyledForm):
    """The committee's own order after discussion: place 1 is its first choice."""

    def __init__(self, candidates: list[Candidate], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for candidate in candidates:
            self.fields[f"rank_{candidate.pk.hex}"] = forms.IntegerField(
                label=f"Plaats van {candidate.name}",
                min_value=1,
                max_value=len(candidates),
                required=False,
                initial=candidate.committee_rank,
                error_messages={
                    "min_value": f"Kies 1 tot en met {len(candidates)}.",
                    "max_value": f"Kies 1 tot en met {len(candidates)}.",
                    "invalid": "Vul een getal in.",
                },
            )


class RejectionTemplatesForm(StyledForm):
    """The rejection letter per phase; {naam}, {functie}, {gemeente}, {voorzitter} and
    {bewaren} are filled in per candidate."""

    PHASES = [
        ("werving", "Afwijzing na de brievenselectie"),
        ("eerste_ronde", "Afwijzing na de eerste ronde"),
        ("tweede_ronde", "Afwijzing na de tweede ronde"),
    ]

    def __init__(self, procedure: Procedure, *args: Any, **kwargs: Any) -> None:
        from secretaris.selection.procedures import DEFAULT_REJECTION

        super().__init__(*args, **kwargs)
        for key, label in self.PHASES:
            self.fields[key] = forms.CharField(
                label=label,
                initial=procedure.rejection_templates.get(key) or DEFAULT_REJECTION[key],
                max_length=6000,
                widget=forms.Textarea(attrs={"rows": 8}),
                error_messages={"required": "Een brief mag niet leeg zijn."},
            )
