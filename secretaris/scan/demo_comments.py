"""Comments for the demo scan: per competency what goes well and what could be better.

Written as raters write them: short and long, concrete, sometimes hesitant, about the work
of a gemeentesecretaris. The demo draws each rater's comments from the competency's own
list without repeating a sentence within one competency, so the demo report reads like a
real one. Every competency of every model version has an entry (a test checks).
"""

from __future__ import annotations

# fmt: off
FEEDBACK: dict[str, tuple[str, ...]] = {
    "bestuurlijke-politieke-sensitiviteit": (
        "Voelt haarfijn aan wanneer een dossier in de raad gaat schuren. Bij de begroting had "
        "het college dankzij die waarschuwing op tijd een antwoord klaar.",
        "Stemt goed af met de griffie; de raad krijgt daardoor minder verrassingen.",
        "Weet wat er bij de fracties speelt zonder zelf politiek te bedrijven.",
        "Behandelt alle wethouders gelijk, ook als het in de coalitie even stroef loopt.",
        "Legt ons in het MT uit waarom iets bestuurlijk gevoelig ligt. Dat helpt enorm.",
    ),
    "communicatieve-vaardigheid": (
        "De collegeadviezen zijn sinds een jaar veel korter en duidelijker.",
        "Kan een ingewikkeld dossier in een paar zinnen uitleggen, ook aan nieuwe raadsleden.",
        "Vat aan het eind van het MT altijd samen wat we hebben afgesproken.",
        "Stelt goede vragen en luistert echt naar het antwoord.",
        "Op de personeelsbijeenkomst over de reorganisatie was het verhaal helder en eerlijk.",
    ),
    "participatieve-besluitvaardigheid": (
        "Haalt in het MT eerst ieders mening op voordat er besloten wordt.",
        "Betrekt de OR netjes en op tijd bij de adviesaanvragen.",
        "Als er besloten is, weet iedereen wie wat doet en wanneer.",
        "Durft bij de huisvesting een knoop door te hakken terwijl niet alles bekend was.",
        "Neemt de tijd voor draagvlak, en dat betaalt zich later terug.",
    ),
    "probleemoplossend-vermogen": (
        "Bij de uitval van de ICT stond binnen een uur een werkbare noodaanpak.",
        "Vraagt eerst door naar wat het eigenlijke probleem is. Dat scheelt veel werk.",
        "Legt het college meestal twee of drie echte opties voor.",
        "Brengt afdelingen bij elkaar als een probleem tussen wal en schip dreigt te vallen.",
        "Denkt praktisch mee over de uitvoering, niet alleen over het besluit.",
    ),
    "persoonlijk-optreden": (
        "Blijft rustig, ook in een fel raadsdebat. Dat geeft de organisatie vertrouwen.",
        "Durft het college een advies te geven dat ze niet graag horen.",
        "Nam zichtbaar verantwoordelijkheid toen het misging met de subsidieregeling.",
        "Komt afspraken na. Als het niet lukt, hoor je dat op tijd.",
        "Is herkenbaar en benaderbaar in de organisatie.",
    ),
    "zelfreflectie": (
        "Vraagt na een lastig overleg wel eens: hoe kwam ik over?",
        "Gaf in het MT toe dat de aanpak van het project anders had gemoeten. Dat werd "
        "gewaardeerd.",
        "Past de aanpak aan als de kritiek terecht is.",
        "Is open over de eigen twijfels, zonder daarin te blijven hangen.",
    ),
    "adviesvaardigheid": (
        "Vraagt bij een verzoek eerst door naar wat de wethouder echt wil bereiken.",
        "De adviezen noemen de voor- en nadelen eerlijk, ook van de voorkeursvariant.",
        "Waarschuwde ongevraagd voor de juridische risico's rond het grondbeleid. Terecht.",
        "Helpt wethouders goed bij de voorbereiding van een lastig raadsdebat.",
        "Adviseert op tijd; het college hoeft zelden te wachten.",
    ),
    "plannen-en-organiseren": (
        "Heeft het collegeprogramma vertaald naar een heldere planning met prioriteiten.",
        "De maandelijkse voortgang van de grote projecten in het MT werkt goed.",
        "Laat bij nieuwe voorstellen zien wat het de organisatie aan mensen kost.",
        "Meldt vertraging op tijd bij het college, zonder het mooier te maken.",
        "Zorgt dat projecten van verschillende afdelingen niet langs elkaar heen lopen.",
    ),
    "resultaatgerichtheid": (
        "Spreekt met elk MT-lid duidelijke doelen af en komt daar ook op terug.",
        "De kwartaalrapportage aan het college is helder en eerlijk over wat niet lukt.",
        "Grijpt in als een afdeling uit de begroting dreigt te lopen.",
        "Houdt vast aan de afspraken over de afhandeltermijnen voor inwoners.",
    ),
    "coaching-ontwikkelingsgerichtheid": (
        "Voert met mij echte gesprekken over mijn ontwikkeling, niet alleen over de planning.",
        "Geeft na een presentatie concrete tips. Daar heb ik veel aan.",
        "Geeft ruimte om iets nieuws te leren, ook als het eerst langzamer gaat.",
        "Heeft gezorgd dat het opleidingsbudget niet werd geschrapt.",
        "Ziet talent in de organisatie en wijst mensen op een volgende stap.",
    ),
    "samenwerken": (
        "Het driehoeksoverleg met burgemeester en griffier loopt goed: heldere afspraken.",
        "Maakt de MT-leden samen verantwoordelijk voor de dossiers die over afdelingen heen gaan.",
        "Loopt ook buiten de vergaderingen bij de OR binnen.",
        "Is in de regio een betrouwbare partner; wat is afgesproken, gebeurt.",
        "Deelt informatie op tijd met de griffie.",
    ),
    "visie": (
        "Heeft een duidelijk beeld van waar de organisatie over tien jaar staat.",
        "Bespreekt met het college wat landelijke ontwikkelingen voor ons betekenen.",
        "Koppelt besluiten aan de koers voor de lange termijn. Dat maakt keuzes begrijpelijk.",
        "Het verhaal over 'wendbaar en dichtbij' spreekt medewerkers aan.",
    ),
    "netwerkvaardigheid": (
        "Kent de bestuurders van de corporaties en de zorgpartners persoonlijk.",
        "Weet via het netwerk vaak eerder dan wij wat er bij de provincie speelt.",
        "Bracht de wethouder in contact met de juiste mensen bij het ministerie.",
        "Heeft goed contact met de secretarissen van de buurgemeenten.",
    ),
    "complexe-organisatieontwikkeling": (
        "De reorganisatie had een duidelijk plan van aanpak met heldere stappen.",
        "Betrok de OR al voordat er een adviesaanvraag lag. Dat heeft veel opgeleverd.",
        "Hield partijen met verschillende belangen aan tafel tot er een besluit was.",
        "Paste de aanpak aan na de verkiezingen, zonder het doel los te laten.",
        "Zorgde dat de dienstverlening tijdens de verandering gewoon doorliep.",
    ),
}

FEEDFORWARD: dict[str, tuple[str, ...]] = {
    "bestuurlijke-politieke-sensitiviteit": (
        "Mag de kleinere fracties wat meer in beeld hebben; die voelen zich soms vergeten.",
        "Het moment van een voorstel kan beter gekozen worden. Het windpark kwam vlak voor de "
        "verkiezingen, en dat was onhandig.",
        "Zou in het MT vaker mogen uitleggen welke bestuurlijke belangen meespelen.",
        "Ik mis soms de afstemming met de griffie als het over de informatievoorziening gaat.",
    ),
    "communicatieve-vaardigheid": (
        "Zou vaker mogen uitleggen waarom een besluit is genomen, niet alleen wat.",
        "De mails aan de organisatie zijn soms lang en formeel. Korter mag.",
        "Kan in het gesprek met inwoners wat minder ambtelijke taal gebruiken.",
        "Luistert goed, maar vat niet altijd samen. Dan gaan we met verschillende beelden weg.",
    ),
    "participatieve-besluitvaardigheid": (
        "Mag eerder de knoop doorhakken; sommige discussies in het MT duren te lang.",
        "Sluit het overleg niet altijd af met een duidelijk besluit.",
        "Zou bij weerstand wat vaker bij het besluit mogen blijven als er geen nieuwe "
        "argumenten komen.",
        "Wij als OR horen het soms pas als alles al vastligt.",
    ),
    "probleemoplossend-vermogen": (
        "Terugkerende problemen worden snel opgelost, maar de oorzaak blijft vaak liggen.",
        "Zou vaker mogen toetsen of een oplossing in de uitvoering werkt voordat die naar het "
        "college gaat.",
        "Kan afdelingen eerder bij elkaar brengen, niet pas als het escaleert.",
    ),
    "persoonlijk-optreden": (
        "Mag wat steviger tegenover het college staan als een wethouder zich met de uitvoering "
        "bemoeit.",
        "Zou vaker zichtbaar mogen zijn op de werkvloer, zeker in spannende tijden.",
        "Houdt soms te lang vast aan een eigen standpunt, ook als de argumenten op zijn.",
        "Kan een collegelid eerder aanspreken als de rolverdeling schuift.",
    ),
    "zelfreflectie": (
        "Zou vaker om feedback mogen vragen, ook aan medewerkers.",
        "Gaat bij kritiek soms snel in de verdediging. Even laten bezinken zou helpen.",
        "Benoemt na een mislukt project vooral wat anderen anders moeten doen.",
        "Ik heb nog niet vaak gehoord dat een eigen fout werd toegegeven.",
    ),
    "adviesvaardigheid": (
        "Adviezen komen soms op het laatste moment, waardoor het college weinig tijd heeft.",
        "Mag vaker nagaan of het probleem van de wethouder echt is opgelost.",
        "Ongevraagd advies mag wat vaker, ook als het ongemakkelijk is.",
        "Het advies bevat soms alleen de voorkeursvariant. Ik mis dan de alternatieven.",
    ),
    "plannen-en-organiseren": (
        "Mag duidelijker zijn over prioriteiten: niet alles kan tegelijk.",
        "Bij nieuwe voorstellen ontbreekt vaak wat het aan menskracht kost.",
        "De planning van gezamenlijke projecten loopt nog te veel via losse afspraken.",
        "Zou het MT meer mogen laten doen en minder zelf oppakken.",
    ),
    "resultaatgerichtheid": (
        "Afspraken over resultaten zijn er, maar we komen er zelden op terug.",
        "Zou leidinggevenden eerder mogen aanspreken als resultaten uitblijven.",
        "Meetbare normen voor de dienstverlening ontbreken nog bij een paar afdelingen.",
        "De rapportage aan het college mag meer cijfers bevatten en minder verhaal.",
    ),
    "coaching-ontwikkelingsgerichtheid": (
        "De ontwikkelgesprekken schieten er bij drukte als eerste bij in.",
        "Mag leidinggevenden wat vaker concrete feedback geven, ook als het goed gaat.",
        "Het opleidingsplan is met ons als OR nog niet besproken.",
        "Ik zou graag vaker gecoacht worden in plaats van opdrachten te krijgen.",
    ),
    "samenwerken": (
        "De afspraken uit de regio komen niet altijd terug in de eigen organisatie.",
        "Zou de OR wat vaker informeel mogen opzoeken.",
        "Neemt soms zelf het besluit waar het MT samen verantwoordelijk voor zou moeten zijn.",
        "De samenwerking met de buurgemeenten kan actiever, bijvoorbeeld bij de ICT.",
    ),
    "visie": (
        "Ik weet niet goed waar de organisatie over vijf jaar wil staan.",
        "De koers is er wel, maar de vertaling naar concrete stappen mis ik.",
        "Zou de visie vaker mogen uitleggen aan medewerkers, niet alleen aan het MT.",
        "In het MT gaat het bijna altijd over de dag van vandaag.",
    ),
    "netwerkvaardigheid": (
        "Mag het netwerk vaker inzetten om steun voor onze plannen te krijgen.",
        "Bij nieuwe vraagstukken, zoals de energietransitie, zou ik actiever nieuwe contacten "
        "zoeken.",
        "De contacten bij het Rijk lopen nu vooral via de burgemeester.",
    ),
    "complexe-organisatieontwikkeling": (
        "Het veranderproces ging snel; niet iedereen kon mee.",
        "Zou de belangen van alle partijen eerder in kaart mogen brengen.",
        "De communicatie tijdens de reorganisatie kon beter: veel ging via de wandelgangen.",
        "Bij tegenvallers werd het plan niet altijd op tijd aangepast.",
    ),
}
# fmt: on
