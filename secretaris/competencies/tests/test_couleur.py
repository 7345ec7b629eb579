"""Couleur locale rules: each fires at its threshold with the numbers in its reason."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from secretaris.competencies import couleur as rules
from secretaris.competencies.couleur import (
    ADVIES,
    COACHING,
    COMPLEX,
    NETWERK,
    PLANNEN,
    RESULTAAT,
    RULES,
    SAMENWERKEN,
    VISIE,
    Couleur,
    Finding,
    MergerFact,
    StaffFigures,
    municipality_type,
    suggest,
)
from secretaris.competencies.model import get_model

TODAY = date(2026, 6, 1)

# A municipality on which no rule fires: middle-sized, few kernen, nothing entered.
QUIET = Couleur(
    name="Middenstad",
    today=TODAY,
    inhabitants=50_000,
    inhabitants_date=date(2026, 1, 1),
    woonplaatsen=4,
)


def quiet(**changes: Any) -> Couleur:
    return replace(QUIET, **changes)


def fired(rule, c: Couleur) -> Finding:
    finding = rule(c)
    assert finding is not None, f"{rule.__name__} vuurde niet"
    return finding


def staff(**figures: Decimal) -> StaffFigures:
    return StaffFigures(**figures)


def samenvoeging(day: date, *names: str) -> MergerFact:
    return MergerFact(day, "samenvoeging", names)


# --- The rule set as a whole ---------------------------------------------------------------


def test_no_rule_fires_on_a_quiet_municipality():
    assert [rule.__name__ for rule in RULES if rule(QUIET) is not None] == []


def test_a_quiet_municipality_still_gets_situational_competencies_from_its_type():
    result = suggest(QUIET)
    assert result.type == "beheer"
    assert [s.competency for s in result.situational] == [COACHING, RESULTAAT]
    assert all(s.recommended for s in result.situational)
    assert result.situational[0].reasons == (
        "Middenstad is vooral een beheergemeente. Zonder grote veranderopgave van buitenaf "
        "ligt de opgave vooral binnen: medewerkers laten groeien en de organisatie wendbaar "
        "houden.",
    )


def test_every_rule_explains_itself_in_a_docstring():
    assert all(rule.__doc__ and len(rule.__doc__) > 40 for rule in RULES)


def test_rules_only_suggest_situational_competencies_of_the_model():
    everything = quiet(
        inhabitants=120_000,
        growth=Fraction(2, 10),
        growth_years=10,
        woonplaatsen=20,
        mergers=(samenvoeging(date(2020, 1, 1), "A", "B"),),
        merger_plans="Onderzoek naar fusie met Buurdorp.",
        lists_with_seats=10,
        enp=Fraction(7),
        coalition_parties=("A", "B", "C", "D"),
        coalition_changes="Wethouder afgetreden in 2025.",
        regional_cooperation="Werkorganisatie met Buurdorp.",
        corop_centre=True,
        aged_65_plus=Decimal(30),
        staff=staff(
            sickness_absence_pct=Decimal(9),
            turnover_pct=Decimal(15),
            average_age=Decimal(52),
            satisfaction=Decimal(6),
        ),
    )
    keys = {c.key for c in get_model().situational}
    suggested = {s.competency for s in suggest(everything).situational}
    assert suggested == keys


# --- Herindeling --------------------------------------------------------------------------


def test_recent_merger_fires_with_year_count_and_names():
    c = quiet(mergers=(samenvoeging(date(2019, 1, 1), "Aa", "Bee", "Cee"),))
    finding = fired(rules.recent_merger, c)
    assert finding.reason == "Ontstaan in 2019 uit 3 gemeenten (Aa, Bee en Cee)."
    assert finding.competencies == (COMPLEX, SAMENWERKEN)
    assert finding.weight == 2


def test_recent_merger_counts_a_part_of_a_split_municipality_with_normal_weight():
    c = quiet(mergers=(MergerFact(date(2018, 1, 1), "splitsing", ("Littenseradiel",)),))
    finding = fired(rules.recent_merger, c)
    assert finding.reason == "In 2018 kwam een deel van Littenseradiel bij de gemeente."
    assert finding.weight == 1


def test_recent_merger_names_a_toevoeging():
    c = quiet(mergers=(MergerFact(date(2021, 1, 1), "toevoeging", ("Haaren",)),))
    assert fired(rules.recent_merger, c).reason == "In 2021 is Haaren bij de gemeente gevoegd."


def test_recent_merger_fires_exactly_ten_years_back():
    c = quiet(mergers=(samenvoeging(date(2016, 6, 1), "A", "B"),))
    assert "Ontstaan in 2016" in fired(rules.recent_merger, c).reason


def test_recent_merger_does_not_fire_just_over_ten_years_back():
    c = quiet(mergers=(samenvoeging(date(2016, 5, 31), "A", "B"),))
    assert rules.recent_merger(c) is None


def test_recent_merger_ignores_a_new_name():
    c = quiet(mergers=(MergerFact(date(2022, 1, 1), "naamswijziging", ("Oudnaam",)),))
    assert rules.recent_merger(c) is None


def test_recent_merger_calls_a_future_herindeling_planned():
    c = quiet(mergers=(samenvoeging(date(2027, 1, 1), "A", "B"),))
    reason = fired(rules.recent_merger, c).reason
    assert reason == "Herindeling gepland op 1 januari 2027 (samenvoeging: A en B)."


def test_earlier_merger_fires_for_a_samenvoeging_ten_to_twenty_years_back():
    c = quiet(mergers=(samenvoeging(date(2011, 1, 1), "Bolsward", "Sneek"),))
    finding = fired(rules.earlier_merger, c)
    assert finding.reason == "Ontstaan in 2011 uit 2 gemeenten (Bolsward en Sneek)."
    assert finding.competencies == (COMPLEX,)
    assert finding.weight == 1


def test_earlier_merger_does_not_fire_just_over_twenty_years_back():
    c = quiet(mergers=(samenvoeging(date(2006, 5, 31), "A", "B"),))
    assert rules.earlier_merger(c) is None


def test_earlier_merger_leaves_a_recent_merger_to_the_recent_rule():
    c = quiet(mergers=(samenvoeging(date(2016, 6, 1), "A", "B"),))
    assert rules.earlier_merger(c) is None


def test_merger_plans_fire_with_the_users_words():
    c = quiet(merger_plans="De raad onderzoekt een fusie met Buurdorp per 2029.")
    finding = fired(rules.merger_plans, c)
    assert finding.reason == (
        "Er zijn fusieplannen: ‘De raad onderzoekt een fusie met Buurdorp per 2029’."
    )
    assert finding.competencies == (COMPLEX, SAMENWERKEN, NETWERK)
    assert finding.weight == 2


@pytest.mark.parametrize("text", ["", "  ", "Geen", "geen.", "n.v.t.", "-", "Onbekend"])
def test_merger_plans_do_not_fire_on_nothing(text):
    assert rules.merger_plans(quiet(merger_plans=text)) is None


# --- Kernen --------------------------------------------------------------------------------


def test_many_kernen_fires_from_fifteen_woonplaatsen():
    finding = fired(rules.many_kernen, quiet(woonplaatsen=15))
    assert finding.reason == "De gemeente heeft 15 woonplaatsen (kernen)."
    assert finding.competencies == (NETWERK, SAMENWERKEN)


def test_many_kernen_does_not_fire_at_fourteen():
    assert rules.many_kernen(quiet(woonplaatsen=14)) is None


# --- Raad en college -----------------------------------------------------------------------


def test_fragmented_council_fires_on_an_enp_of_six():
    c = quiet(lists_with_seats=8, enp=Fraction(6), council_size=31)
    finding = fired(rules.fragmented_council, c)
    assert finding.reason == "De gemeenteraad is versnipperd: 8 partijen in een raad van 31 zetels."
    assert "effectieve" not in finding.reason  # a measure for us, jargon for a candidate
    assert finding.competencies == (ADVIES,)


def test_fragmented_council_fires_on_nine_lists():
    c = quiet(lists_with_seats=9, enp=Fraction(5), council_size=29)
    assert fired(rules.fragmented_council, c).reason.startswith(
        "De gemeenteraad is versnipperd: 9 partijen"
    )


def test_fragmented_council_does_not_fire_just_below_both_thresholds():
    c = quiet(lists_with_seats=8, enp=Fraction(599, 100), council_size=31)
    assert rules.fragmented_council(c) is None


def test_large_coalition_fires_from_four_parties():
    c = quiet(coalition_parties=("CDA", "VVD", "D66", "FNP"))
    finding = fired(rules.large_coalition, c)
    assert finding.reason == "De coalitie bestaat uit 4 partijen (CDA, VVD, D66 en FNP)."
    assert finding.competencies == (ADVIES,)


def test_large_coalition_does_not_fire_at_three():
    assert rules.large_coalition(quiet(coalition_parties=("CDA", "VVD", "D66"))) is None


def test_coalition_changes_fire_with_the_users_words_shortened():
    text = "In 2024 stapte de VVD uit de coalitie. " + "Daarna volgde een lange formatie. " * 5
    reason = fired(rules.coalition_changes, quiet(coalition_changes=text)).reason
    assert reason.startswith("Er waren wisselingen in de coalitie: ‘In 2024 stapte de VVD uit")
    assert reason.endswith(" …’.")
    assert len(reason) < 170


def test_coalition_changes_do_not_fire_on_geen():
    assert rules.coalition_changes(quiet(coalition_changes="Geen")) is None


# --- Bevolking -----------------------------------------------------------------------------


def test_strong_growth_fires_from_0_9_percent_a_year():
    c = quiet(growth=Fraction(9, 100), growth_years=10)
    finding = fired(rules.strong_growth, c)
    assert finding.reason == (
        "Het inwonertal groeide in 10 jaar met 9 % (gemiddeld 0,9 % per jaar)."
    )
    assert finding.competencies == (VISIE, PLANNEN)


def test_strong_growth_does_not_fire_just_below_0_9_percent_a_year():
    assert rules.strong_growth(quiet(growth=Fraction(89, 1000), growth_years=10)) is None


def test_growth_rules_need_the_length_of_the_period():
    c = quiet(growth=Fraction(5, 10), growth_years=None)
    assert rules.strong_growth(c) is None
    assert rules.shrinkage(replace(c, growth=Fraction(-5, 10))) is None


def test_shrinkage_fires_from_a_quarter_percent_a_year():
    c = quiet(growth=Fraction(-3, 100), growth_years=10)
    finding = fired(rules.shrinkage, c)
    assert finding.reason == (
        "Het inwonertal daalde in 10 jaar met 3 % (gemiddeld 0,3 % per jaar)."
    )
    assert finding.competencies == (VISIE, RESULTAAT)
    assert rules.shrinkage(quiet(growth=Fraction(-25, 1000), growth_years=10)) is not None


def test_shrinkage_does_not_fire_just_below_its_threshold():
    assert rules.shrinkage(quiet(growth=Fraction(-24, 1000), growth_years=10)) is None


def test_ageing_fires_from_a_quarter_aged_65_plus():
    finding = fired(rules.ageing, quiet(aged_65_plus=Decimal("27.4")))
    assert finding.reason == (
        "27,4 % van de inwoners is 65 jaar of ouder (in heel Nederland ongeveer 20 %)."
    )
    assert finding.competencies == (VISIE, RESULTAAT)
    assert rules.ageing(quiet(aged_65_plus=Decimal(25))) is not None


def test_ageing_does_not_fire_just_below_a_quarter():
    assert rules.ageing(quiet(aged_65_plus=Decimal("24.9"))) is None


# --- Regio ---------------------------------------------------------------------------------


def test_regional_centre_fires_with_the_region():
    c = quiet(corop_centre=True, corop_name="Zuidwest-Friesland")
    finding = fired(rules.regional_centre, c)
    assert finding.reason == ("Middenstad is de grootste gemeente van de regio Zuidwest-Friesland.")
    assert finding.competencies == (NETWERK, SAMENWERKEN)


def test_regional_centre_does_not_fire_for_other_municipalities():
    assert rules.regional_centre(quiet(corop_name="Zuidwest-Friesland")) is None


def test_regional_cooperation_fires_with_the_users_words():
    c = quiet(regional_cooperation="Veiligheidsregio Fryslân, GGD, Regio Zuidwest.")
    finding = fired(rules.regional_cooperation, c)
    assert finding.reason == (
        "De gemeente werkt in de regio samen: ‘Veiligheidsregio Fryslân, GGD, Regio Zuidwest’."
    )
    assert finding.competencies == (NETWERK, SAMENWERKEN)


def test_regional_cooperation_does_not_fire_on_nee():
    assert rules.regional_cooperation(quiet(regional_cooperation="nee")) is None


# --- Omvang ---------------------------------------------------------------------------------


def test_large_municipality_fires_from_100_000_inhabitants():
    finding = fired(rules.large_municipality, quiet(inhabitants=100_000))
    assert finding.reason == (
        "De gemeente heeft 100.000 inwoners op 1 januari 2026: een grote gemeente met een "
        "grote organisatie."
    )
    assert finding.competencies == (COMPLEX, VISIE)


def test_large_municipality_does_not_fire_at_99_999():
    assert rules.large_municipality(quiet(inhabitants=99_999)) is None


def test_small_municipality_fires_below_25_000_inhabitants():
    finding = fired(rules.small_municipality, quiet(inhabitants=24_999))
    assert (
        finding.reason
        == "De gemeente heeft 24.999 inwoners op 1 januari 2026: een kleine gemeente."
    )
    assert finding.competencies == (RESULTAAT, PLANNEN)


def test_small_municipality_does_not_fire_at_25_000():
    assert rules.small_municipality(quiet(inhabitants=25_000)) is None


def test_size_rules_stay_silent_without_inhabitants():
    c = quiet(inhabitants=None)
    assert rules.small_municipality(c) is None
    assert rules.large_municipality(c) is None


# --- Organisatie -----------------------------------------------------------------------------


def test_high_sickness_absence_fires_above_the_sector_figure():
    c = quiet(staff=staff(sickness_absence_pct=Decimal("6.6")))
    finding = fired(rules.high_sickness_absence, c)
    assert finding.reason == ("Het ziekteverzuim is 6,6 % (gemiddeld bij gemeenten 6,5 % in 2023).")
    assert finding.competencies == (COACHING,)


def test_high_sickness_absence_does_not_fire_at_the_sector_figure():
    assert (
        rules.high_sickness_absence(quiet(staff=staff(sickness_absence_pct=Decimal("6.5")))) is None
    )


def test_high_turnover_fires_from_twelve_percent():
    c = quiet(staff=staff(turnover_pct=Decimal(12)))
    finding = fired(rules.high_turnover, c)
    assert finding.reason == (
        "Het verloop is 12 % per jaar (uitstroom bij gemeenten gemiddeld 8,3 % in 2022)."
    )
    assert finding.competencies == (COACHING,)


def test_high_turnover_does_not_fire_just_below_twelve_percent():
    assert rules.high_turnover(quiet(staff=staff(turnover_pct=Decimal("11.9")))) is None


def test_ageing_staff_fires_from_an_average_age_of_fifty():
    finding = fired(rules.ageing_staff, quiet(staff=staff(average_age=Decimal(50))))
    assert finding.reason == (
        "De medewerkers zijn gemiddeld 50 jaar (bij gemeenten gemiddeld 47,2 jaar in 2022)."
    )


def test_ageing_staff_does_not_fire_just_below_fifty():
    assert rules.ageing_staff(quiet(staff=staff(average_age=Decimal("49.9")))) is None


def test_low_satisfaction_fires_below_a_seven():
    finding = fired(rules.low_satisfaction, quiet(staff=staff(satisfaction=Decimal("6.9"))))
    assert finding.reason == "Medewerkers geven hun tevredenheid een 6,9 (rapportcijfer)."
    assert finding.competencies == (COACHING,)


def test_low_satisfaction_does_not_fire_at_a_seven():
    assert rules.low_satisfaction(quiet(staff=staff(satisfaction=Decimal(7)))) is None


def test_staff_rules_stay_silent_without_staff_figures():
    c = quiet(staff=StaffFigures())
    staff_rules = [
        rules.high_sickness_absence,
        rules.high_turnover,
        rules.ageing_staff,
        rules.low_satisfaction,
    ]
    assert [rule(c) for rule in staff_rules] == [None] * 4
    assert [rule(QUIET) for rule in staff_rules] == [None] * 4


# --- Type: regie, ontwikkel of beheer -------------------------------------------------------


def test_type_is_ontwikkel_on_strong_growth():
    kind, reasons = municipality_type(quiet(growth=Fraction(15, 100), growth_years=10))
    assert kind == "ontwikkel"
    assert reasons == ("Het inwonertal groeide in 10 jaar met 15 % (gemiddeld 1,5 % per jaar).",)


def test_type_is_ontwikkel_on_a_recent_merger():
    c = quiet(mergers=(samenvoeging(date(2022, 1, 1), "A", "B"),))
    assert municipality_type(c) == ("ontwikkel", ("Ontstaan in 2022 uit 2 gemeenten (A en B).",))


def test_type_is_ontwikkel_on_merger_plans():
    kind, reasons = municipality_type(quiet(merger_plans="Fusie met Buurdorp in 2028."))
    assert kind == "ontwikkel"
    assert reasons == ("Er zijn fusieplannen: ‘Fusie met Buurdorp in 2028’.",)


def test_type_is_regie_when_the_cooperation_names_a_werkorganisatie():
    c = quiet(regional_cooperation="Ambtelijke werkorganisatie BUCH met drie buurgemeenten.")
    kind, reasons = municipality_type(c)
    assert kind == "regie"
    assert reasons == (
        "De regionale samenwerking noemt ‘werkorganisatie’: taken worden samen met of door "
        "anderen uitgevoerd.",
    )


def test_type_is_regie_for_a_small_municipality_in_many_regelingen():
    c = quiet(inhabitants=18_400, regelingen=15)
    kind, reasons = municipality_type(c)
    assert kind == "regie"
    assert reasons == (
        "De gemeente neemt deel aan 15 gemeenschappelijke regelingen.",
        "Kleine gemeente (18.400 inwoners) die taken samen met andere gemeenten regelt.",
    )


def test_one_weak_regie_signal_is_not_enough():
    c = quiet(inhabitants=18_400, regional_cooperation="Sociaal domein met de buren.")
    assert municipality_type(c)[0] == "beheer"


def test_type_is_regie_with_a_shared_werkorganisatie():
    c = quiet(shared_service="Werkorganisatie BUCH")
    kind, reasons = municipality_type(c)
    assert kind == "regie"
    assert reasons == (
        "De ambtelijke organisatie is een gezamenlijke werkorganisatie: Werkorganisatie BUCH.",
    )


def test_a_large_regional_centre_with_very_urban_character_is_an_ontwikkelgemeente():
    c = quiet(inhabitants=650_000, corop_centre=True, corop_name="Groot-Rijnmond", urbanity=1)
    kind, reasons = municipality_type(c)
    assert kind == "ontwikkel"
    assert len(reasons) == 3


def test_a_regional_centre_of_small_own_scale_counts_one_regie_point():
    c = quiet(inhabitants=42_000, corop_centre=True, corop_name="Zeeuwsch-Vlaanderen")
    assert rules.type_scores(c) == {"ontwikkel": 0, "regie": 1}


def test_a_regional_centre_of_50_000_is_no_regie_signal():
    c = quiet(inhabitants=50_000, corop_centre=True)
    assert municipality_type(c)[0] == "beheer"


def test_the_word_regio_is_no_regie_signal():
    c = quiet(regional_cooperation="Samenwerking in de regio Zuidwest.")
    assert municipality_type(c)[0] == "beheer"


def test_type_prefers_ontwikkel_on_a_tie_with_regie():
    c = quiet(
        merger_plans="Fusie met Buurdorp.",
        regional_cooperation="Gemeenschappelijke regeling voor de uitvoering.",
    )
    assert municipality_type(c)[0] == "ontwikkel"


def test_type_is_regie_when_regie_has_more_signals():
    c = quiet(
        inhabitants=18_000,
        merger_plans="Fusie met Buurdorp.",
        regional_cooperation="Gemeenschappelijke regeling voor de uitvoering.",
    )
    kind, reasons = municipality_type(c)
    assert kind == "regie"
    assert len(reasons) == 2


def test_type_is_beheer_when_nothing_changes():
    c = quiet(growth=Fraction(2, 100), growth_years=10)
    kind, reasons = municipality_type(c)
    assert kind == "beheer"
    assert reasons == (
        "Het inwonertal is vrij stabiel: +2 % in 10 jaar.",
        "Geen herindeling in de afgelopen 10 jaar.",
    )


def test_what_nobody_entered_is_said_as_unknown_not_as_absent():
    result = suggest(quiet())
    assert result.type_unknowns == (
        "Over fusieplannen is niets ingevuld.",
        "Over regionale samenwerking is niets ingevuld.",
        "Over wisselingen in de coalitie is niets ingevuld.",
    )
    assert not any("Geen" in r and "bekend" in r for r in result.type_reasons)


def test_an_entered_geen_is_said_as_absent():
    _, reasons = municipality_type(quiet(merger_plans="geen", coalition_changes="Nee."))
    assert "Er zijn geen fusieplannen." in reasons
    assert "Er waren geen wisselingen in de coalitie." in reasons


def test_suggest_exposes_the_type_and_its_reasons():
    result = suggest(quiet(merger_plans="Fusie met Buurdorp."))
    assert result.type == "ontwikkel"
    assert result.type_reasons == ("Er zijn fusieplannen: ‘Fusie met Buurdorp’.",)


# --- Ordering and recommendation -----------------------------------------------------------


def test_suggestions_are_ordered_by_weight_then_strength_then_name():
    c = quiet(merger_plans="Fusie met Buurdorp.", woonplaatsen=20, lists_with_seats=10)
    result = suggest(c).situational
    assert [(s.competency, s.weight) for s in result] == [
        (NETWERK, 3),  # fusieplannen (2) + kernen (1); same evidence, N before S
        (SAMENWERKEN, 3),
        (COMPLEX, 2),
        (ADVIES, 1),
    ]
    assert [r.split(".")[0] for r in result[0].reasons] == [
        "Er zijn fusieplannen: ‘Fusie met Buurdorp’",
        "De gemeente heeft 20 woonplaatsen (kernen)",
    ]


def test_a_tie_in_weight_goes_to_the_stronger_evidence_not_to_the_model_order():
    # Growth of 3 % a year (strength 3,3) beats 16 woonplaatsen (strength 1,07), although
    # samenwerken comes before visie and plannen en organiseren in the seed's list.
    c = quiet(growth=Fraction(3, 10), growth_years=10, woonplaatsen=16)
    result = suggest(c).situational
    assert [s.competency for s in result] == [PLANNEN, VISIE, NETWERK, SAMENWERKEN]


def test_every_reason_says_why_the_fact_matters_for_that_competency():
    c = quiet(growth=Fraction(3, 10), growth_years=10)
    by_key = {s.competency: s.reasons[0] for s in suggest(c).situational}
    assert by_key[VISIE].endswith("daar is een plan voor de lange termijn voor nodig.")
    assert by_key[PLANNEN].endswith("dat vraagt strakke planning.")


def test_three_are_recommended_when_the_fourth_is_weaker():
    c = quiet(merger_plans="Fusie met Buurdorp.", woonplaatsen=20, lists_with_seats=10)
    result = suggest(c).situational
    assert [s.recommended for s in result] == [True, True, True, False]


def test_a_fourth_is_recommended_when_it_ties_with_the_third():
    c = quiet(
        coalition_parties=("A", "B", "C", "D"),  # advies, strength 1
        growth=Fraction(2, 10),  # visie, plannen
        growth_years=10,
        woonplaatsen=20,  # netwerk, samenwerken: the same evidence
    )
    result = suggest(c).situational
    assert {s.weight for s in result} == {1}
    assert [s.competency for s in result] == [PLANNEN, VISIE, NETWERK, SAMENWERKEN, ADVIES]
    assert [s.recommended for s in result] == [True, True, True, True, False]


def test_competencies_without_a_reason_are_not_returned():
    result = suggest(quiet(woonplaatsen=30)).situational
    assert {s.competency for s in result} == {NETWERK, SAMENWERKEN}
    assert all(s.recommended for s in result)


# --- A municipality like Súdwest-Fryslân ----------------------------------------------------

SUDWEST_FRYSLAN = Couleur(
    name="Súdwest-Fryslân",
    today=TODAY,
    inhabitants=90_514,
    inhabitants_date=date(2026, 1, 1),
    growth=Fraction(21, 1000),
    growth_years=10,
    woonplaatsen=89,
    mergers=(
        samenvoeging(
            date(2011, 1, 1), "Bolsward", "Nijefurd", "Sneek", "Wymbritseradiel", "Wûnseradiel"
        ),
        MergerFact(date(2014, 1, 1), "splitsing", ("Boarnsterhim",)),
        MergerFact(date(2018, 1, 1), "splitsing", ("Littenseradiel",)),
    ),
    lists_with_seats=11,
    enp=Fraction(73, 10),
    council_size=37,
    coalition_parties=("CDA", "GROENLINKS / PvdA", "FNP"),
    corop_centre=True,
    corop_name="Zuidwest-Friesland",
    urbanity=4,
    aged_65_plus=Decimal("23.6"),
)


def test_sudwest_fryslan_gets_samenwerken_netwerk_and_complex_recommended():
    result = suggest(SUDWEST_FRYSLAN)
    recommended = [s.competency for s in result.situational if s.recommended]
    assert recommended == [SAMENWERKEN, NETWERK, COMPLEX]


def test_sudwest_fryslan_reasons_carry_the_numbers():
    by_key = {s.competency: s for s in suggest(SUDWEST_FRYSLAN).situational}
    assert [r.split(". ")[0] for r in by_key[COMPLEX].reasons] == [
        "In 2018 kwam een deel van Littenseradiel bij de gemeente",
        "Ontstaan in 2011 uit 5 gemeenten (Bolsward, Nijefurd, Sneek, Wymbritseradiel en "
        "Wûnseradiel)",
    ]
    assert by_key[NETWERK].reasons[0].startswith("De gemeente heeft 89 woonplaatsen (kernen).")
    assert (
        "Súdwest-Fryslân is de grootste gemeente van de regio Zuidwest-Friesland. Veel taken "
        "voor de regio regelt de centrumgemeente samen met de buren." in by_key[SAMENWERKEN].reasons
    )
    assert (
        by_key[ADVIES]
        .reasons[0]
        .startswith("De gemeenteraad is versnipperd: 11 partijen in een raad van 37 zetels.")
    )
    assert not by_key[ADVIES].recommended


def test_sudwest_fryslan_is_an_ontwikkelgemeente_because_of_its_2018_herindeling():
    result = suggest(SUDWEST_FRYSLAN)
    assert result.type == "ontwikkel"
    assert result.type_reasons == (
        "In 2018 kwam een deel van Littenseradiel bij de gemeente.",
        "De grootste gemeente van de regio Zuidwest-Friesland, met een centrumfunctie.",
    )
