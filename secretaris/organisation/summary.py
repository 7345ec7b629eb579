"""What the profielschets takes from the organisatiebeeld: one function, one dataclass.

    figures = figures_for_profile(gemeente, user)
    if figures:
        profile.organisation.update(figures.profile_fields())

Only organisatiebeelden the user may read are used (per-object access), the newest import
first. The figures are aggregates; nothing about single employees leaves this app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from secretaris.accounts.access import objects_for
from secretaris.documents.dates import nl_date
from secretaris.organisation.models import StaffImport

# Profile organisation keys (secretaris.profiles.organisation.FIGURES) -> indicator keys.
PROFILE_KEYS = {
    "fte": "fte",
    "employees": "headcount",
    "women_pct": "women_pct",
    "women_managers_pct": "women_managers_pct",
    "under_35_pct": "under_35_pct",
    "over_60_pct": "over_60_pct",
    "average_age": "average_age",
    "sickness_absence_pct": "sickness_absence_pct",
    "inflow_pct": "inflow_pct",
    "turnover_pct": "outflow_pct",
}
# Aggregates the profile keeps for its charts (age pyramid, flows, verzuim per month).
CHART_KEYS = (
    "age_pyramid",
    "inflow_pct",
    "throughflow_pct",
    "outflow_pct",
    "absence_by_month",
    "has_absence",
    "inflow",
    "throughflow",
    "outflow",
)


@dataclass(frozen=True)
class OrganisationFigures:
    peildatum: date
    source: str  # "bron: HR-export, peildatum 31 december 2025"
    values: dict[str, Decimal]  # by profile key; unknown figures left out
    charts: dict[str, Any] = field(default_factory=dict)
    satisfaction: Decimal | None = None
    satisfaction_source: str = ""

    def profile_fields(self) -> dict[str, Any]:
        """The profile's `organisation` entries these figures replace (strings, as entered)."""
        # At most two decimals, as the profile's organisation step accepts (fte 1173.7993
        # would make that form refuse to save).
        fields: dict[str, Any] = {
            key: format(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize(), "f")
            for key, value in self.values.items()
        }
        if self.satisfaction is not None:
            fields["satisfaction"] = str(self.satisfaction)
        fields["figures_source"] = self.source.removeprefix("bron: ")
        fields["figures_year"] = str(self.peildatum.year)
        fields["hr_import"] = {
            "peildatum": self.peildatum.isoformat(),
            "source": self.source,
            "satisfaction_source": self.satisfaction_source,
            **self.charts,
        }
        return fields


def figures_for_profile(gemeente, user) -> OrganisationFigures | None:
    """The newest imported figures of `gemeente` that `user` may read, or None."""
    if user is None:
        return None
    readable = objects_for(user, _organisations().filter(gemeente=gemeente))
    latest = (
        StaffImport.objects.filter(organisation__in=readable)
        .select_related("organisation")
        .order_by("-peildatum", "-imported_at")
        .first()
    )
    if latest is None:
        return None
    data = latest.indicators
    values = {
        profile_key: Decimal(str(data[key]))
        for profile_key, key in PROFILE_KEYS.items()
        if data.get(key) is not None
    }
    organisation = latest.organisation
    satisfaction_source = organisation.satisfaction_source
    if organisation.satisfaction_year:
        satisfaction_source += f" ({organisation.satisfaction_year})"
    return OrganisationFigures(
        peildatum=latest.peildatum,
        source=f"bron: HR-export, peildatum {nl_date(latest.peildatum)}",
        values=values,
        charts={key: data.get(key) for key in CHART_KEYS},
        satisfaction=organisation.satisfaction,
        satisfaction_source=satisfaction_source,
    )


def _organisations():
    from secretaris.organisation.models import Organisation

    return Organisation.objects.all()


def profile_charts(hr_import: dict | None) -> list:
    """Chart blocks for a document's organisation section, from the aggregates a profile
    keeps in organisation["hr_import"]; empty when the figures were entered by hand."""
    if not hr_import:
        return []
    from secretaris.documents.model import Chart
    from secretaris.organisation import charts

    source = hr_import.get("source", "").replace("bron:", "Bron:", 1)
    pyramid = hr_import.get("age_pyramid") or []
    blocks = []
    if any(r["men"] or r["women"] or r["other"] for r in pyramid):
        blocks.append(
            Chart(
                charts.age_pyramid_svg(pyramid),
                caption="Leeftijdsopbouw van het personeel",
                alt="; ".join(
                    f"{r['band']}: {r['men']} mannen, {r['women']} vrouwen" for r in pyramid
                ),
                source=source,
                width_cm=13,
            )
        )
    if hr_import.get("inflow_pct") is not None:
        blocks.append(
            Chart(
                charts.flows_svg(hr_import),
                caption="In-, door- en uitstroom in de twaalf maanden tot de peildatum",
                alt=(
                    f"Instroom {charts.percent(hr_import.get('inflow_pct'))}, doorstroom "
                    f"{charts.percent(hr_import.get('throughflow_pct'))}, uitstroom "
                    f"{charts.percent(hr_import.get('outflow_pct'))} van het gemiddeld "
                    "aantal medewerkers"
                ),
                source=source,
                width_cm=12,
            )
        )
    months = hr_import.get("absence_by_month") or []
    if hr_import.get("has_absence") and months:
        blocks.append(
            Chart(
                charts.absence_svg(hr_import),
                caption="Ziekteverzuim per maand",
                alt="; ".join(f"{m['month']}: {charts.percent(m['pct'])}" for m in months),
                source=f"{source}; zwangerschapsverlof niet meegeteld",
                width_cm=12,
            )
        )
    return blocks
