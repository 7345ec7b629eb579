from django import forms

from secretaris.dossier.models import Bestuur


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Zoek een gemeente",
        max_length=100,
        help_text="Naam of CBS-code, bijvoorbeeld 'Den Bosch' of 'GM0344'.",
    )


class BestuurForm(forms.ModelForm):
    """The fields users fill in where open data has nothing; `version` guards lost updates."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        style_fields(self)

    def full_clean(self):
        super().full_clean()
        style_fields(self)

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


WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select",
    forms.DateInput: "utrecht-textbox utrecht-textbox--sm",
}


def style_fields(form: forms.BaseForm) -> None:
    """Give every widget its NL Design System class and link help and error texts."""
    for name, field in form.fields.items():
        widget = field.widget
        css = next(
            (c for t, c in WIDGET_CLASSES.items() if isinstance(widget, t)), "utrecht-textbox"
        )
        widget.attrs.setdefault("class", css)
        described = []
        if field.help_text:
            described.append(f"id_{name}_help")
        errors = form._errors or {}  # never trigger validation from here
        if errors.get(name):
            described.append(f"id_{name}_error")
            widget.attrs["aria-invalid"] = "true"
        if described:
            widget.attrs["aria-describedby"] = " ".join(described)
