"""A realistic profielschets as a Document, for the renderer tests and bench/documents.py."""

from __future__ import annotations

from secretaris.documents.charts import bar_chart_svg, hemicycle_svg, line_chart_svg
from secretaris.documents.markup import parse_markup
from secretaris.documents.model import (
    BulletList,
    Chart,
    Document,
    KeyValues,
    Paragraph,
    Section,
    SourceRef,
    Table,
)
from secretaris.documents.numbers import format_number

COUNCIL = [
    ("GroenLinks", 11),
    ("D66", 7),
    ("VVD", 5),
    ("PvdA", 4),
    ("Student & Stad", 3),
    ("Partij voor de Dieren", 3),
    ("CDA", 2),
    ("ChristenUnie", 2),
    ("SP", 2),
    ("DENK", 2),
    ("Volt", 2),
    ("EenUtrecht", 2),
]

AGES = [("0 tot 15 jaar", 15.9), ("15 tot 25 jaar", 18.6), ("25 tot 45 jaar", 33.1)]
AGES += [("45 tot 65 jaar", 21.0), ("65 jaar of ouder", 11.4)]

USER_TEXT = """De gemeentesecretaris is **verbinder** tussen bestuur en organisatie.
Zij of hij werkt *zichtbaar* en benaderbaar.

- Bouwt aan vertrouwen met college en raad
- Stuurt op resultaat, met **oog voor mensen**
* Durft tegenspraak te organiseren

1. Eerste honderd dagen: kennismaken
2. Daarna: koers bepalen met het college

Probeer <script>alert('x')</script> en <img src=x onerror=alert(1)> of
[link](javascript:alert(1)): het blijft gewone tekst."""

COMPETENCIES = [
    ("Verbindend leiderschap", "Kern", "Zoekt actief de samenwerking op over grenzen heen."),
    ("Politiek-bestuurlijke sensitiviteit", "Kern", "Voelt aan wat er speelt in raad en college."),
    ("Omgevingsbewustzijn", "Kern", "Kent de stad, haar partners en de regio."),
    ("Resultaatgerichtheid", "Belangrijk", "Maakt afspraken concreet en komt ze na."),
    ("Integriteit", "Kern", "Is een voorbeeld in zorgvuldig en eerlijk handelen."),
    ("Veranderkracht", "Belangrijk", "Geeft richting aan ontwikkeling van de organisatie."),
]


def _districts() -> Table:
    names = [
        "Binnenstad",
        "Noordoost",
        "Oost",
        "Zuid",
        "Zuidwest",
        "West",
        "Noordwest",
        "Overvecht",
        "Leidsche Rijn",
        "Vleuten-De Meern",
    ]
    rows = []
    for i in range(30):
        name = f"{names[i % len(names)]} {'ABC'[i // len(names)]}"
        inhabitants = 8_000 + (i * 7_919) % 21_000
        rows.append(
            (
                name,
                format_number(inhabitants),
                format_number(100 * ((i * 37) % 23) / 23 + 4, 1),
                "ja" if i % 3 else "nee",
            )
        )
    return Table(
        columns=("Wijk", "Inwoners", "Aandeel 65+ (%)", "Wijkbureau"),
        rows=tuple(rows),
        caption="Inwoners per wijk",
        numeric=(False, True, True, False),
        source="CBS, Kerncijfers wijken en buurten, 1 januari 2026",
    )


def sample_document() -> Document:
    """About six pages: every block type, a table across pages and three charts."""
    hemicycle = hemicycle_svg(COUNCIL, title="Zetelverdeling gemeenteraad Utrecht")
    ages = bar_chart_svg(AGES, title="Leeftijdsopbouw")
    growth = line_chart_svg(
        [(str(year), 334_000 + 6_200 * (year - 2015)) for year in range(2015, 2027)],
        title="Inwoners",
        unit="inwoners",
    )
    council_text = "; ".join(f"{name}: {seats}" for name, seats in COUNCIL)
    sections = (
        Section(
            "Inleiding",
            blocks=(
                Paragraph(
                    "Utrecht zoekt een **gemeentesecretaris** die de organisatie *samen* "
                    "met het college verder brengt.",
                    style="lead",
                ),
                Paragraph(
                    "Deze profielschets beschrijft de gemeente, de opgaven voor de komende "
                    "jaren en wat dat vraagt van de nieuwe gemeentesecretaris. Zij is "
                    "opgesteld met het college, de griffier en de ondernemingsraad."
                ),
                Paragraph(
                    "Alle cijfers zijn van het CBS en de Kiesraad, met hun peildatum.",
                    style="small",
                ),
            ),
        ),
        Section(
            "De gemeente",
            blocks=(
                KeyValues(
                    (
                        ("Inwoners", "374.238 (1 januari 2026)"),
                        ("Provincie", "Utrecht"),
                        ("Raadsleden", "45"),
                        ("Wethouders", "maximaal 9"),
                        ("Medewerkers", "circa 4.600 fte"),
                    )
                ),
            ),
            subsections=(
                Section(
                    "Gemeenteraad",
                    blocks=(
                        Chart(
                            hemicycle,
                            caption="45 zetels na de verkiezing van 16 maart 2022",
                            alt=f"Zetelverdeling: {council_text}.",
                            source="Kiesraad, uitslag gemeenteraadsverkiezing 2022",
                        ),
                        Paragraph(
                            "Twaalf fracties zitten in de raad; de coalitie heeft een "
                            "**ruime meerderheid**."
                        ),
                    ),
                ),
                Section(
                    "Bevolking",
                    blocks=(
                        Chart(
                            ages,
                            caption="Leeftijdsopbouw",
                            alt="; ".join(f"{label}: {value}%" for label, value in AGES),
                            source="CBS, 1 januari 2026",
                            width_cm=12,
                        ),
                        Chart(
                            growth,
                            caption="Inwoners door de jaren",
                            alt="De bevolking groeide van 334.000 in 2015 tot 402.000 in 2026.",
                            source="CBS; peildatum steeds 1 januari",
                        ),
                        _districts(),
                    ),
                ),
            ),
        ),
        Section(
            "Opgaven",
            blocks=(
                BulletList(
                    (
                        "**Wonen**: 60.000 woningen erbij tot 2040",
                        "*Bereikbaarheid* van de binnenstad en Leidsche Rijn",
                        "Een **financieel gezonde** begroting",
                        "Een wendbare, *inclusieve* organisatie",
                    )
                ),
                Paragraph(
                    "De gemeentesecretaris is eerste adviseur van het college en leidt de "
                    "ambtelijke organisatie. Samen met de griffier zorgt zij of hij voor "
                    "goede verhoudingen tussen raad, college en organisatie. " * 3
                ),
                Paragraph(
                    "Goed bestuur begint bij vertrouwen: in elkaar, en van de inwoners.",
                    style="quote",
                ),
            ),
        ),
        Section(
            "Profiel",
            blocks=(
                Table(
                    columns=("Competentie", "Gewicht", "Wat we zien"),
                    rows=tuple(COMPETENCIES),
                    caption="Competenties uit het competentiemodel 2026.1",
                ),
                BulletList(
                    (
                        "Academisch werk- en denkniveau",
                        "Ervaring als directeur in een politiek-bestuurlijke omgeving",
                        "Aantoonbare kennis van gemeentelijke processen",
                    ),
                    ordered=True,
                ),
            ),
            subsections=(Section("In eigen woorden", blocks=parse_markup(USER_TEXT)),),
        ),
        Section(
            "Organisatie",
            blocks=(
                Paragraph(
                    "De ambtelijke organisatie werkt in vier domeinen: Ruimte, Samenleving, "
                    "Bedrijfsvoering en Dienstverlening. Elk domein heeft een directeur; samen "
                    "met de gemeentesecretaris vormen zij de directieraad."
                ),
                KeyValues(
                    (
                        ("Directieraad", "gemeentesecretaris en vier directeuren"),
                        ("Span of control", "**vier** directeuren en de concerncontroller"),
                        ("Ondernemingsraad", "15 leden, overlegt maandelijks"),
                    )
                ),
                Paragraph(
                    "De organisatie groeit mee met de stad. Dat vraagt om **heldere keuzes** in "
                    "wat de gemeente zelf doet en wat zij met partners doet. De komende jaren "
                    "staan in het teken van *dienstverlening dichtbij*: wijkbureaus, digitale "
                    "kanalen en een stevige informatievoorziening. " * 2
                ),
            ),
            subsections=(
                Section(
                    "Samenwerking in de regio",
                    blocks=(
                        Paragraph(
                            "Utrecht werkt samen met de gemeenten in de regio in de U16 en in "
                            "gemeenschappelijke regelingen voor veiligheid, gezondheid en "
                            "werk. De gemeentesecretaris vertegenwoordigt de organisatie in "
                            "het ambtelijk overleg van de regio. " * 2
                        ),
                    ),
                ),
                Section(
                    "Financiën",
                    blocks=(
                        Table(
                            columns=("Programma", "Begroting 2027 (mln euro)", "Aandeel (%)"),
                            rows=(
                                ("Wonen en ruimte", "412,5", "20,1"),
                                ("Sociaal domein", "890,2", "43,4"),
                                ("Veiligheid", "98,7", "4,8"),
                                ("Bereikbaarheid", "240,0", "11,7"),
                                ("Onderwijs", "150,3", "7,3"),
                                ("Bedrijfsvoering", "260,8", "12,7"),
                            ),
                            caption="Begroting per programma",
                            numeric=(False, True, True),
                            source="Gemeente Utrecht, Programmabegroting 2027",
                        ),
                    ),
                ),
            ),
        ),
        Section(
            "Procedure",
            blocks=(
                Paragraph(
                    "De selectiecommissie voert twee gespreksrondes. Een assessment kan "
                    "deel uitmaken van de procedure. Reageren kan tot en met 15 januari 2027."
                ),
            ),
        ),
    )
    return Document(
        title="Profielschets gemeentesecretaris",
        subtitle="Gemeente Utrecht",
        meta=(
            ("Gemeente", "Utrecht"),
            ("Status", "Concept"),
            ("Versie", "2"),
            ("Competentiemodel", "2026.1"),
            ("Datum", "29 november 2026"),
        ),
        sections=sections,
        sources=(
            SourceRef(
                "CBS, Kerncijfers wijken en buurten 2026",
                url="https://www.cbs.nl/nl-nl/maatwerk/2026/kwb",
                note="Peildatum 1 januari 2026",
            ),
            SourceRef(
                "Kiesraad, uitslag gemeenteraadsverkiezing 2022",
                url="https://www.verkiezingsuitslagen.nl/",
            ),
            SourceRef("Gemeentewet, artikel 100 tot en met 107"),
        ),
        status="Concept",
        footer="Profielschets gemeentesecretaris Utrecht",
    )
