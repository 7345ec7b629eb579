"""How every form in Secretaris looks: NL Design System classes, linked help and errors."""

from __future__ import annotations

import unicodedata
from typing import Any

from django import forms


class StyledForm:
    """Mixin for a Form or ModelForm: no colon after labels, NL Design System classes on
    every widget, and help and error texts linked to the input after validation."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        style_fields(self)

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        style_fields(self)


WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select",
    forms.DateInput: "utrecht-textbox utrecht-textbox--sm",
    forms.CheckboxInput: "utrecht-checkbox",
    forms.FileInput: "sec-file-input",
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


MAX_ID = 2**63 - 1  # the largest primary key or version number any database column holds


def posted_int(data: Any, name: str) -> int | None:
    """A whole number from a hidden field or button value, or None when it is missing,
    not a number, negative or too large (never an exception: bad input is not a 500)."""
    value = str(data.get(name, "")).strip()
    if not value.isascii() or not value.isdigit() or len(value) > 19:
        return None
    number = int(value)
    return number if number <= MAX_ID else None


def clean_name(text: str) -> str:
    """A name as one clean line: NFC, without control or format characters (among them the
    bidi overrides U+202A–U+202E and U+2066–U+2069 that make a name read differently than it
    is stored, and zero-width characters), with single spaces."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(
        " " if unicodedata.category(ch) in {"Zl", "Zp"} or ch in "\t\n\r" else ch
        for ch in text
        if unicodedata.category(ch) not in {"Cc", "Cf"} or ch in "\t\n\r"
    )
    return " ".join(kept.split())


class NameField(forms.CharField):
    """A CharField for names and titles: cleaned with clean_name() before validation."""

    def to_python(self, value: Any) -> str:
        return clean_name(super().to_python(value))
