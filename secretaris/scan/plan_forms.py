"""Forms of the development plan: the focus with a note, one action, keeping comments."""

from __future__ import annotations

from typing import Any

from django import forms

from secretaris.scan.development import MAX_FOCUS, MIN_FOCUS, competency_label
from secretaris.scan.forms import StyledForm
from secretaris.scan.models import DevelopmentAction, DevelopmentPlan, FrozenReport

FOCUS_REQUIRED = f"Kies {MIN_FOCUS} of {MAX_FOCUS} competenties om aan te werken."


class LinkedForm(StyledForm):
    """StyledForm whose help and error texts stay linked when `auto_id` is not the default
    (several forms of one kind on a page need their own ids)."""

    def _link(self) -> None:
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs.pop("aria-describedby", None)  # the fieldset carries it
                continue
            field_id = self[name].auto_id
            described = []
            if field.help_text:
                described.append(f"{field_id}_help")
            if (self._errors or {}).get(name):
                described.append(f"{field_id}_error")
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)
            else:
                field.widget.attrs.pop("aria-describedby", None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._link()

    def full_clean(self) -> None:
        super().full_clean()
        self._link()


class FocusForm(LinkedForm):
    """The 2–3 focus competencies and a note, guarded by the plan's lock_version."""

    focus = forms.MultipleChoiceField(
        label="Mijn focuscompetenties",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox"}),
        help_text=f"Kies er {MIN_FOCUS} of {MAX_FOCUS}. Achter elke competentie staat de "
        "gemiddelde score van anderen en uw eigen score (1 tot 5).",
        error_messages={"required": FOCUS_REQUIRED},
    )
    note = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Waarom kiest u deze competenties, en wat wilt u over een jaar anders doen? "
        "Hooguit 4000 tekens.",
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, report: FrozenReport, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["focus"].choices = [
            (c["key"], competency_label(c)) for c in report.data.get("competencies", [])
        ]

    @classmethod
    def initial_for(cls, plan: DevelopmentPlan, proposal: list[str]) -> dict[str, Any]:
        return {
            "focus": plan.focus or proposal,
            "note": plan.note,
            "lock_version": plan.lock_version,
        }

    def clean_focus(self) -> list[str]:
        focus = self.cleaned_data["focus"]
        if len(focus) < MIN_FOCUS:
            raise forms.ValidationError(
                f"U koos 1 competentie. {FOCUS_REQUIRED} Zo werkt u gericht, zonder dat één "
                "onderwerp alles bepaalt."
            )
        if len(focus) > MAX_FOCUS:
            raise forms.ValidationError(
                f"U koos {len(focus)} competenties. Kies er hooguit {MAX_FOCUS}: met meer "
                "verdeelt u uw aandacht te veel."
            )
        order = [key for key, _ in self.fields["focus"].choices]
        return sorted(focus, key=order.index)


class ActionForm(LinkedForm):
    """One action for one focus competency; the competency travels outside the form."""

    kind = forms.ChoiceField(label="Soort activiteit", choices=DevelopmentAction.KINDS)
    description = forms.CharField(
        label="Wat gaat u doen?",
        max_length=500,
        error_messages={"required": "Schrijf op wat u gaat doen."},
    )
    with_whom = forms.CharField(
        label="Met wie?",
        max_length=200,
        required=False,
        help_text="Bijvoorbeeld: de griffier, een coach, een collega uit de regio.",
    )
    target_date = forms.DateField(
        label="Streefdatum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een datum in, bijvoorbeeld 1-3-2027."},
    )

    def __init__(self, *args: Any, competency: str, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_{competency}_%s")
        super().__init__(*args, **kwargs)
        self.competency = competency


class KeepCommentsForm(LinkedForm):
    keep_comments = forms.BooleanField(
        label="Opmerkingen in mijn rapport bewaren na het opschonen",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox"}),
    )
