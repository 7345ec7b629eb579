"""Compare two versions of a profielschets, field by field, with a word-level diff."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from secretaris.competencies.model import get_model
from secretaris.profiles.bestuur import NOTES
from secretaris.profiles.models import Profile
from secretaris.profiles.organisation import FIGURES, TEXTS
from secretaris.profiles.sections import SECTIONS
from secretaris.profiles.sections import text as section_text
from secretaris.profiles.vacancy import DATES

VACANCY_FIELDS = (
    ("schaal", "salarisschaal"),
    ("salary_max", "maximum salaris"),
    ("hours", "uren per week"),
    *DATES,
    ("assessment", "assessment"),
    ("screening", "screening"),
    ("committee", "benoemingsadviescommissie"),
    ("contacts", "contactpersonen"),
    ("agency", "naam op de titelpagina"),
)


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str

    @property
    def diff_html(self) -> SafeString:
        return word_diff(self.old, self.new)


def comparable_fields(profile: Profile) -> list[tuple[str, str]]:
    """(label, value as text) for everything a reader of the document would see change."""
    model = get_model(profile.model_version)
    fields = [
        ("Functietitel", profile.title),
        ("Type gemeente", profile.get_gemeente_type_display()),
    ]
    fields += [(s.title, section_text(profile.texts, s.key)) for s in SECTIONS]
    notes = profile.bestuur or {}
    fields += [(f"Bestuur: {n.label}", notes.get(n.key, "")) for n in NOTES]
    fields.append(("Bestuur: coalitie sinds", notes.get("coalition_since", "")))
    fields.append(("Bestuur: bestuursmodel", notes.get("bestuursmodel", "")))
    vacancy = profile.vacancy or {}
    fields += [(f"Vacature: {label}", str(vacancy.get(key, ""))) for key, label in VACANCY_FIELDS]
    chosen = [model.get(item["key"]).name for item in profile.chosen_situational()]
    fields.append(("Gekozen situatiegebonden competenties", "\n".join(chosen)))
    for item in profile.situational:
        if item.get("note"):
            fields.append((f"Toelichting {model.get(item['key']).name}", item["note"]))
    for f in FIGURES:
        fields.append((f.label, str(profile.organisation.get(f.key, ""))))
    fields += [(label, profile.organisation.get(key, "")) for key, label in TEXTS]
    return fields


def compare_versions(old: Profile, new: Profile) -> list[Change]:
    before = dict(comparable_fields(old))
    after = dict(comparable_fields(new))
    labels = list(dict.fromkeys([*before, *after]))
    return [
        Change(label, before.get(label, ""), after.get(label, ""))
        for label in labels
        if before.get(label, "") != after.get(label, "")
    ]


def word_diff(old: str, new: str) -> SafeString:
    """HTML with <del> for removed and <ins> for added words; everything escaped."""
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in {"delete", "replace"}:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in {"insert", "replace"}:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above
