"""The development plan: what to work on after the scan, and how.

Three parts:

1. CATALOGUE: per competency 3–5 concrete development activities that fit the work of a
   gemeentesecretaris (coaching, intervisie, training, a sparring partner, feedback from a
   named colleague). The plan page offers them as suggestions; one click takes one over.
2. `suggested_focus(report_json)`: 2–3 competencies to propose as focus, read from the
   frozen report (see its docstring for the rule).
3. Changes to a plan (`save_focus`, `add_action`, `take_suggestion`, `set_status`,
   `remove_action`, `set_keep_comments`): each one small, and each one moves the plan's
   `updated_at`, so that cached copies of the report (which shows the plan) are renewed.

Parts 1 and 2 are pure; part 3 uses the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from secretaris.documents.numbers import format_number
from secretaris.scan.models import DevelopmentAction, DevelopmentPlan, FrozenReport

MIN_FOCUS = 2
MAX_FOCUS = 3
SUGGESTION_HORIZON = timedelta(days=91)  # a suggestion taken over gets a target in 3 months

KIND_LABELS: dict[str, str] = dict(DevelopmentAction.KINDS)


@dataclass(frozen=True)
class Suggestion:
    """One suggested activity: its kind, what to do, and with whom (may be empty)."""

    kind: str  # a key of DevelopmentAction.KINDS
    text: str
    with_whom: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def _s(kind: str, with_whom: str, text: str) -> Suggestion:
    return Suggestion(kind, text, with_whom)


# --- 1. The catalogue --------------------------------------------------------------------------
# Keyed by Competency.key; every competency of every model version has an entry (a test checks).

# A table, one suggestion per entry: _s(kind, with whom, what to do).
# fmt: off
CATALOGUE: dict[str, tuple[Suggestion, ...]] = {
    "bestuurlijke-politieke-sensitiviteit": (
        _s("feedback", "de griffier",
           "Vraag de griffier na elke raadsvergadering om twee observaties over hoe uw advies in "
           "de raad landde."),
        _s("sparring", "een oud-bestuurder uit de regio",
           "Spreek elk kwartaal een oud-wethouder of oud-burgemeester uit de regio over de "
           "politieke verhoudingen die u ziet aankomen."),
        _s("intervisie", "collega-gemeentesecretarissen",
           "Breng in intervisie een dossier in dat politiek gevoelig bleek. Bespreek wanneer u "
           "dat eerder had kunnen zien."),
        _s("coaching", "een externe coach",
           "Bespreek met een coach twee momenten waarop de reactie van de raad u verraste, en "
           "welke signalen u toen miste."),
        _s("training", "",
           "Volg een leergang over de verhouding tussen politiek en ambtelijke organisatie, "
           "bedoeld voor topambtenaren."),
    ),
    "communicatieve-vaardigheid": (
        _s("feedback", "een wethouder",
           "Vraag één wethouder een maand lang na elk collegeadvies of meteen duidelijk was welke "
           "keuze het college moest maken."),
        _s("sparring", "de communicatieadviseur",
           "Bereid uw volgende personeelsbijeenkomst voor met de communicatieadviseur, en vraag "
           "daarna wat er van uw uitleg bij medewerkers aankwam."),
        _s("training", "",
           "Volg een training helder schrijven op taalniveau B1. Herschrijf daarna zelf één "
           "collegeadvies en laat het lezen door een medewerker."),
        _s("coaching", "een externe coach",
           "Kijk met een coach een opname terug van een presentatie of overleg. Let op "
           "samenvatten en doorvragen."),
    ),
    "participatieve-besluitvaardigheid": (
        _s("feedback", "de voorzitter van de OR",
           "Vraag de voorzitter van de OR na elk overleg of de OR op tijd en goed betrokken was "
           "bij de besluiten."),
        _s("sparring", "een MT-lid",
           "Spreek met één MT-lid af dat die het zegt wanneer een overleg eindigt zonder "
           "duidelijk besluit."),
        _s("coaching", "een externe coach",
           "Onderzoek met een coach bij welke besluiten u blijft wachten op meer informatie, en "
           "wat u daarbij tegenhoudt."),
        _s("intervisie", "collega-gemeentesecretarissen",
           "Bespreek in intervisie een besluit met veel weerstand: wanneer hield u vast, en "
           "wanneer gaf u toe?"),
    ),
    "probleemoplossend-vermogen": (
        _s("intervisie", "collega-gemeentesecretarissen",
           "Breng in intervisie een probleem in dat steeds terugkomt. Zoek samen de oorzaak met "
           "een vaste methode, zoals vijf keer 'waarom?' vragen."),
        _s("sparring", "een collega-secretaris van een vergelijkbare gemeente",
           "Vraag een gemeentesecretaris van een vergelijkbare gemeente hoe die hetzelfde "
           "probleem aanpakte."),
        _s("training", "de adviseur crisisbeheersing",
           "Doe mee aan een crisisoefening van de veiligheidsregio, en bespreek daarna uw eerste "
           "aanpak met de adviseur crisisbeheersing."),
        _s("feedback", "een afdelingshoofd",
           "Vraag een afdelingshoofd na een lastig dossier of uw oplossing in de uitvoering "
           "werkte."),
    ),
    "persoonlijk-optreden": (
        _s("feedback", "de burgemeester",
           "Vraag de burgemeester in het driehoeksoverleg eens per kwartaal hoe u overkomt in "
           "spannende situaties."),
        _s("coaching", "een externe coach",
           "Werk met een coach aan momenten waarop u een advies inslikte dat het college niet "
           "wilde horen. Oefen hoe u het wel geeft."),
        _s("sparring", "een ervaren collega-secretaris",
           "Kies een ervaren gemeentesecretaris als sparringpartner voor vragen over de grens "
           "tussen bestuur en ambtelijke organisatie."),
        _s("training", "",
           "Volg een training optreden onder druk, met een trainingsacteur, bijvoorbeeld voor een "
           "fel raadsdebat of een crisis."),
    ),
    "zelfreflectie": (
        _s("feedback", "twee MT-leden",
           "Vraag na elk MT-overleg twee MT-leden om één tip voor uzelf. Vertel in het volgende "
           "overleg wat u ermee deed."),
        _s("coaching", "een externe coach",
           "Schrijf drie maanden lang elke week één lastig moment op, met uw eigen aandeel erin. "
           "Bespreek dat logboek met een coach."),
        _s("intervisie", "collega-gemeentesecretarissen",
           "Word lid van een intervisiegroep van gemeentesecretarissen en breng daar een eigen "
           "fout in."),
        _s("training", "",
           "Volg een training over feedback vragen en ontvangen, en pas die toe in uw volgende "
           "gesprek met de OR."),
    ),
    "adviesvaardigheid": (
        _s("feedback", "een wethouder",
           "Vraag een wethouder na een collegebesluit of uw advies op tijd kwam en de keuzes "
           "duidelijk maakte."),
        _s("sparring", "de concerncontroller of de juridisch adviseur",
           "Laat elk advies met grote risico's eerst lezen door de concerncontroller of de "
           "juridisch adviseur."),
        _s("coaching", "een externe coach",
           "Bespreek met een coach hoe u ongevraagd advies geeft zonder dat het als bemoeienis "
           "voelt."),
        _s("intervisie", "collega-gemeentesecretarissen",
           "Bespreek in intervisie een advies dat het college niet overnam: wat had u anders "
           "kunnen doen?"),
    ),
    "plannen-en-organiseren": (
        _s("sparring", "de concerncontroller",
           "Loop elke maand met de concerncontroller de planning van de tien belangrijkste "
           "projecten door."),
        _s("feedback", "het MT",
           "Vraag het MT na een halfjaar wat de gezamenlijke planning hen oplevert en wat die hen "
           "kost."),
        _s("training", "",
           "Volg een training programmamanagement of werken met een meerjarenplanning."),
        _s("coaching", "een externe coach",
           "Kijk met een coach naar uw agenda: waar gaat uw tijd naartoe, en wat kunt u aan het "
           "MT overlaten?"),
    ),
    "resultaatgerichtheid": (
        _s("sparring", "de concerncontroller",
           "Maak met de concerncontroller een kort overzicht in cijfers van de doelen uit het "
           "collegeprogramma. Bespreek het elk kwartaal in het college."),
        _s("feedback", "de MT-leden",
           "Vraag elk MT-lid na het jaargesprek of de afgesproken doelen meetbaar en haalbaar "
           "zijn."),
        _s("intervisie", "collega-gemeentesecretarissen",
           "Bespreek in intervisie hoe u een leidinggevende aanspreekt wanneer een afgesproken "
           "resultaat uitblijft."),
        _s("training", "",
           "Volg een training sturen op resultaat, bijvoorbeeld met normen voor de "
           "dienstverlening aan inwoners."),
    ),
    "coaching-ontwikkelingsgerichtheid": (
        _s("training", "",
           "Volg een opleiding coachend leidinggeven."),
        _s("feedback", "de MT-leden",
           "Vraag de MT-leden na een halfjaar wat de gesprekken over hun ontwikkeling hen "
           "opleverden."),
        _s("sparring", "de HR-adviseur",
           "Bespreek twee keer per jaar met de HR-adviseur wie in de organisatie een volgende "
           "stap kan zetten."),
        _s("coaching", "een externe coach",
           "Laat een coach meekijken bij de voorbereiding van uw ontwikkelgesprekken met het MT."),
    ),
    "samenwerken": (
        _s("feedback", "de burgemeester en de griffier",
           "Vraag de burgemeester en de griffier na elk driehoeksoverleg of de afspraken helder "
           "waren."),
        _s("sparring", "de voorzitter van de OR",
           "Spreek de voorzitter van de OR elke maand informeel, zonder agenda."),
        _s("intervisie", "collega-gemeentesecretarissen",
           "Bespreek in intervisie een samenwerking in de regio die vastliep, en wat uw rol "
           "daarin was."),
        _s("coaching", "een externe coach",
           "Onderzoek met een coach hoe u MT-leden samen verantwoordelijk maakt, in plaats van "
           "zelf de knoop door te hakken."),
    ),
    "visie": (
        _s("sparring", "een deskundige van buiten",
           "Spreek elk halfjaar iemand van buiten, bijvoorbeeld van een planbureau of een "
           "universiteit, over de lange termijn van uw gemeente."),
        _s("feedback", "vijf medewerkers",
           "Vraag na een personeelsbijeenkomst vijf medewerkers om in eigen woorden te vertellen "
           "waar de organisatie naartoe gaat."),
        _s("coaching", "een externe coach",
           "Schrijf met hulp van een coach op één A4 hoe de organisatie er over tien jaar "
           "uitziet."),
        _s("training", "",
           "Volg een leergang strategie en toekomstverkenning voor de publieke sector."),
        _s("anders", "het MT",
           "Zet elke maand één onderwerp voor de lange termijn op de agenda van het MT."),
    ),
    "netwerkvaardigheid": (
        _s("sparring", "collega-secretarissen uit de buurgemeenten",
           "Spreek elke maand een gemeentesecretaris uit een buurgemeente. Ga om de beurt bij "
           "elkaar op bezoek."),
        _s("anders", "",
           "Maak een netwerkkaart: welke bestuurders van partners kent u al, en wie nog niet? "
           "Plan drie kennismakingen."),
        _s("feedback", "een wethouder",
           "Vraag een wethouder welke contacten die graag via u zou hebben."),
        _s("intervisie", "collega-gemeentesecretarissen uit de regio",
           "Sluit aan bij een regionale kring van gemeentesecretarissen en breng daar een vraag "
           "over uw netwerk in."),
    ),
    "complexe-organisatieontwikkeling": (
        _s("coaching", "een externe coach",
           "Laat u tijdens een groot veranderproces begeleiden door een coach met ervaring in "
           "organisatieverandering."),
        _s("training", "",
           "Volg een leergang veranderkunde."),
        _s("sparring", "een collega-secretaris met ervaring in reorganisaties",
           "Spreek een gemeentesecretaris die kort geleden een grote reorganisatie leidde."),
        _s("feedback", "de ondernemingsraad",
           "Vraag de OR na elke fase van een verandering wat goed ging en wat beter moet."),
        _s("intervisie", "collega-gemeentesecretarissen",
           "Bespreek in intervisie hoe u partijen met tegenstrijdige belangen aan tafel houdt."),
    ),
}
# fmt: on


def suggestions_for(competency: str) -> tuple[Suggestion, ...]:
    """The suggested activities for one competency key (empty for an unknown key)."""
    return CATALOGUE.get(competency, ())


# --- 2. The proposed focus ---------------------------------------------------------------------


def suggested_focus(report_json: dict[str, Any]) -> list[str]:
    """Two or three competency keys to propose as focus, from `FrozenReport.data`.

    The rule (ties keep the report's order of competencies):

    1. Blind spots first: competencies where the secretary's own score is at least the
       report's `blind_spot_gap` (one point) above the mean of "alle anderen", the largest
       gap first. A blind spot on a single indicator does not count here: one indicator is
       too thin a ground to build a year's plan on.
    2. Then the other competencies by the mean of "alle anderen", lowest first.
       Competencies whose mean is not shown (too few answers) are not proposed.

    The first three are proposed. Fewer come back only when fewer competencies have a
    shown mean; an empty list means there is nothing to go on and the secretary chooses.
    """
    competencies = report_json.get("competencies", [])
    order = {c["key"]: n for n, c in enumerate(competencies)}
    spots = [
        s
        for s in report_json.get("blind_spots", [])
        if s["level"] == "competency" and s["competency"] in order
    ]
    spots.sort(key=lambda s: (-(s["gap"] or 0), order[s["competency"]]))
    ranked = list(dict.fromkeys(s["competency"] for s in spots))
    shown = [c for c in competencies if c["others"]["mean"] is not None]
    shown.sort(key=lambda c: (c["others"]["mean"], order[c["key"]]))
    ranked += [c["key"] for c in shown if c["key"] not in ranked]
    return ranked[:MAX_FOCUS]


def focus_reason(report_json: dict[str, Any], key: str) -> str:
    """Why `key` is proposed, in one short Dutch sentence (empty if there is no reason)."""
    for spot in report_json.get("blind_spots", []):
        if spot["competency"] == key and spot["level"] == "competency":
            return (
                f"u schat uzelf {decimal(spot['gap'])} punt hoger in dan anderen (een blinde vlek)."
            )
    for c in report_json.get("competencies", []):
        if c["key"] == key and c["others"]["mean"] is not None:
            mean = decimal(c["others"]["mean"])
            return f"anderen geven gemiddeld {mean}, een van uw laagste scores."
    return ""


def decimal(value: float | None) -> str:
    """3.25 -> '3,3': one decimal, rounded half up as in the report; None -> '–'."""
    if value is None:
        return "–"
    return format_number(value, 1)


def figures_text(competency: dict[str, Any]) -> str:
    """'anderen 3,2; uzelf 4,1' for a competency of the report JSON."""
    parts = [f"anderen {decimal(competency['others']['mean'])}"]
    if competency.get("self") is not None:
        parts.append(f"uzelf {decimal(competency['self'])}")
    return "; ".join(parts)


def competency_label(competency: dict[str, Any]) -> str:
    """'Visie (anderen 3,2; uzelf 4,1)' for a competency of the report JSON."""
    return f"{competency['name']} ({figures_text(competency)})"


# --- What the plan page shows ------------------------------------------------------------------


@dataclass(frozen=True)
class OfferedSuggestion:
    number: int  # position in the catalogue, posted to take it over
    suggestion: Suggestion
    taken: bool  # already an action in the plan


@dataclass(frozen=True)
class PlanSection:
    """One competency on the plan page: its figures, its actions and the suggestions."""

    key: str
    name: str
    figures: str  # 'anderen 3,2; uzelf 4,1'
    is_focus: bool
    actions: list[DevelopmentAction]
    offered: list[OfferedSuggestion]


def plan_sections(report: FrozenReport, plan: DevelopmentPlan | None) -> list[PlanSection]:
    """The focus competencies in the plan's order, then any other competency that still has
    actions (the focus changed after they were added)."""
    if plan is None:
        return []
    by_key = {c["key"]: c for c in report.data.get("competencies", [])}
    actions = list(plan.actions.all())
    with_actions = [a.competency for a in actions]
    keys = list(plan.focus) + [k for k in dict.fromkeys(with_actions) if k not in plan.focus]
    sections = []
    for key in keys:
        competency = by_key.get(key, {"key": key, "name": key, "others": {"mean": None}})
        own = [a for a in actions if a.competency == key]
        taken = {a.description for a in own}
        sections.append(
            PlanSection(
                key=key,
                name=competency["name"],
                figures=figures_text(competency),
                is_focus=key in plan.focus,
                actions=own,
                offered=[
                    OfferedSuggestion(n, s, s.text in taken)
                    for n, s in enumerate(suggestions_for(key))
                ],
            )
        )
    return sections


# --- 3. Changes to a plan ------------------------------------------------------------------------


def plan_for(report: FrozenReport) -> DevelopmentPlan:
    """The report's plan, made (empty) the first time it is needed."""
    plan, _ = DevelopmentPlan.objects.get_or_create(report=report)
    return plan


def _touch(plan: DevelopmentPlan) -> None:
    """A change to the actions changes the plan: renew `updated_at` (report caches use it)."""
    DevelopmentPlan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())


def save_focus(plan: DevelopmentPlan, expected_lock: int, focus: list[str], note: str) -> bool:
    """Store focus and note only if nobody saved since `expected_lock`; False on a conflict."""
    updated = DevelopmentPlan.objects.filter(pk=plan.pk, lock_version=expected_lock).update(
        focus=focus, note=note, lock_version=F("lock_version") + 1, updated_at=timezone.now()
    )
    plan.refresh_from_db()
    return bool(updated)


def add_action(
    plan: DevelopmentPlan,
    *,
    competency: str,
    kind: str,
    description: str,
    with_whom: str = "",
    target_date: date | None = None,
) -> DevelopmentAction:
    if competency not in plan.focus:
        raise ValueError("Acties horen bij een van de focuscompetenties.")
    with transaction.atomic():
        action = DevelopmentAction.objects.create(
            plan=plan,
            competency=competency,
            kind=kind,
            description=description,
            with_whom=with_whom,
            target_date=target_date,
        )
        _touch(plan)
    return action


def take_suggestion(
    plan: DevelopmentPlan, competency: str, number: int, today: date | None = None
) -> DevelopmentAction:
    """Take suggestion `number` (0-based) of `competency` over as an action, with a target
    date three months from today. Taking the same one twice gives one action."""
    suggestions = suggestions_for(competency)
    if not 0 <= number < len(suggestions):
        raise ValueError("Dit voorstel bestaat niet (meer).")
    suggestion = suggestions[number]
    existing = plan.actions.filter(competency=competency, description=suggestion.text).first()
    if existing:
        return existing
    return add_action(
        plan,
        competency=competency,
        kind=suggestion.kind,
        description=suggestion.text,
        with_whom=suggestion.with_whom,
        target_date=(today or timezone.localdate()) + SUGGESTION_HORIZON,
    )


def set_status(
    plan: DevelopmentPlan, action_pk: int, status: str, today: date | None = None
) -> DevelopmentAction | None:
    """Set one action of this plan to gepland, bezig or klaar, dated today; None if it is
    not in the plan. Setting the status it already has keeps its date."""
    action = plan.actions.filter(pk=action_pk).first()
    if action is None:
        return None
    if status not in dict(DevelopmentAction.STATUSES):
        raise ValueError(f"Onbekende stand: {status!r}.")
    if action.status != status:
        action.status = status
        action.status_date = None if status == action.GEPLAND else today or timezone.localdate()
        action.save(update_fields=["status", "status_date"])
        _touch(plan)
    return action


def remove_action(plan: DevelopmentPlan, action_pk: int) -> DevelopmentAction | None:
    """Delete one action of this plan; None if it is not (or no longer) there."""
    action = plan.actions.filter(pk=action_pk).first()
    if action is None:
        return None
    action.delete()
    _touch(plan)
    return action


def comments_in(report: FrozenReport) -> int:
    """How many comment texts the report still holds."""
    return sum(
        len(c.get("feedback", [])) + len(c.get("feedforward", []))
        for c in report.data.get("competencies", [])
    )


def may_keep_comments(report: FrozenReport) -> bool:
    """Keeping is a choice only while the comments are still there."""
    return report.personal_data_deleted_at is None or comments_in(report) > 0


def set_keep_comments(report: FrozenReport, keep: bool) -> bool:
    """Record the secretary's choice; False when keeping is asked after the comments went."""
    if keep and not may_keep_comments(report):
        return False
    FrozenReport.objects.filter(pk=report.pk).update(keep_comments=keep)
    report.keep_comments = keep
    return True
