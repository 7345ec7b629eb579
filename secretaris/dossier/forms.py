from django import forms

from secretaris.dossier.models import Bestuur
from secretaris.forms import StyledForm


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Zoek een gemeente",
        max_length=100,
        help_text="Naam of CBS-code, bijvoorbeeld 'Den Bosch' of 'GM0344'.",
    )


class BestuurForm(StyledForm, forms.ModelForm):
    """The fields users fill in where open data has nothing; `version` guards lost updates."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Bestuur
        fields = [
            "gemeente_type",
            "bestuursmodel",
            "coalition_parties",
            "coalition_since",
            "coalition_changes",
            "college_members",
            "regional_cooperation",
            "merger_plans",
            "swot_strengths",
            "swot_weaknesses",
            "swot_opportunities",
            "swot_threats",
        ]
        widgets = {
            "coalition_since": forms.DateInput(attrs={"type": "date"}),
            **{
                name: forms.Textarea(attrs={"rows": 4})
                for name in fields[2:]
                if name != "coalition_since"
            },
        }
