"""Which column of an HR export holds which field: recognised, remembered, or chosen.

Header names are compared after normalising (lower case, letters and digits only), so
`Datum in dienst`, `datum_in_dienst` and `DATUM IN DIENST` are the same. A mapping is a
dict {field key: header as written in the file}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # Dutch, for the mapping step
    required: bool
    aliases: tuple[str, ...]
    help: str = ""


FIELDS: tuple[Field, ...] = (
    Field(
        "employee",
        "Personeelsnummer",
        True,
        (
            "personeelsnummer",
            "medewerker",
            "medewerkernummer",
            "empl_Medewerker",
            "empl_Persoonsnummer",
            "empl_Employee_id",
            "PersonNumber",
            "EmployeeNumber",
            "EmployeeId",
            "PersonId",
            "Persoonsnummer",
            "Registratienummer",
        ),
        "Alleen gebruikt om regels van één medewerker te koppelen; niet bewaard.",
    ),
    Field(
        "gender", "Geslacht", False, ("geslacht", "empl_Geslacht", "gender", "Sex", "GenderCode")
    ),
    Field(
        "birth",
        "Geboortedatum of geboortejaar",
        False,
        (
            "geboortedatum",
            "geboortejaar",
            "empl_Geboortedatum",
            "BirthDate",
            "DateOfBirth",
            "BirthYear",
        ),
        "Alleen het geboortejaar wordt bewaard.",
    ),
    Field(
        "start",
        "Datum in dienst",
        True,
        (
            "datum in dienst",
            "in dienst",
            "begindatum",
            "begindatum dienstverband",
            "empl_Begindatum_contract",
            "empl_Datum_in_dienst",
            "StartDate",
            "ContractStartDate",
            "EmploymentStartDate",
            "Ingangsdatum",
        ),
    ),
    Field(
        "end",
        "Datum uit dienst",
        False,
        (
            "datum uit dienst",
            "uit dienst",
            "einddatum",
            "einddatum dienstverband",
            "empl_Einddatum_contract",
            "empl_Datum_uit_dienst",
            "EndDate",
            "ContractEndDate",
            "EmploymentEndDate",
        ),
    ),
    Field(
        "fte",
        "FTE (deeltijdfactor)",
        True,
        (
            "fte",
            "empl_FTE",
            "deeltijdfactor",
            "WorkingAmount",
            "Fte",
            "Parttimefactor",
            "Formatieplaats fte",
        ),
    ),
    Field(
        "unit",
        "Afdeling",
        False,
        (
            "afdeling",
            "empl_Organisatorische_eenheid_code",
            "empl_Organisatorische_eenheid",
            "OrganizationUnit",
            "OrganisationUnit",
            "Organisatieonderdeel",
            "Team",
        ),
    ),
    Field(
        "job",
        "Functie",
        False,
        ("functie", "empl_Functie_code", "empl_Functie", "JobProfile", "Job", "Functiecode"),
    ),
    Field(
        "manager",
        "Leidinggevend (ja/nee)",
        False,
        ("leidinggevend", "leidinggevende ja nee", "IsManager", "Manager", "empl_Leidinggevend"),
    ),
    Field(
        "manager_of",
        "Personeelsnummer van de leidinggevende",
        False,
        (
            "empl_Persoonsnummer_leidinggevende",
            "personeelsnummer leidinggevende",
            "ManagerPersonNumber",
            "ManagerId",
            "ManagerEmployeeNumber",
        ),
        "Wie hier als leidinggevende staat, telt als leidinggevende.",
    ),
    Field(
        "absence_start",
        "Verzuim: eerste ziektedag",
        False,
        (
            "ziekmelding",
            "eerste ziektedag",
            "verzuim begin",
            "begindatum verzuim",
            "empl_Begindatum_verzuim",
            "AbsenceStartDate",
            "SickLeaveStartDate",
        ),
    ),
    Field(
        "absence_end",
        "Verzuim: datum hersteld",
        False,
        (
            "hersteldmelding",
            "hersteld",
            "verzuim einde",
            "einddatum verzuim",
            "empl_Einddatum_verzuim",
            "AbsenceEndDate",
            "SickLeaveEndDate",
        ),
    ),
    Field(
        "absence_kind",
        "Verzuim: soort",
        False,
        ("verzuimsoort", "soort verzuim", "empl_Type_verzuim", "AbsenceType"),
        "Alleen om zwangerschaps- en bevallingsverlof uit te sluiten; niet bewaard.",
    ),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}

# Columns with direct identifiers: never mapped, never read, said so in the mapping step.
PRIVATE = (
    "naam",
    "achternaam",
    "voornaam",
    "voorletters",
    "roepnaam",
    "tussenvoegsel",
    "bsn",
    "burgerservicenummer",
    "sofinummer",
    "email",
    "emailadres",
    "telefoon",
    "adres",
    "straat",
    "postcode",
    "woonplaats",
    "iban",
    "name",
    "firstname",
    "lastname",
    "empl_Naam",
    "empl_Achternaam",
    "empl_Voornaam",
    "empl_BSN",
    "DisplayName",
)


def normalise(header: str) -> str:
    text = header.lower().removeprefix("\ufeff")
    return re.sub(r"[^a-z0-9]", "", text)


_ALIASES = {normalise(alias): f.key for f in FIELDS for alias in (f.key, f.label, *f.aliases)}
_PRIVATE = {normalise(p) for p in PRIVATE}


def is_private(header: str) -> bool:
    return normalise(header) in _PRIVATE


def guess_mapping(headers: list[str], remembered: dict[str, str] | None = None) -> dict[str, str]:
    """Field key -> header. A remembered choice wins when its header is in the file."""
    mapping: dict[str, str] = {}
    present = set(headers)
    for key, header in (remembered or {}).items():
        if key in FIELD_BY_KEY and header in present:
            mapping[key] = header
    used = set(mapping.values())
    for header in headers:
        key = _ALIASES.get(normalise(header))
        if key and key not in mapping and header not in used and not is_private(header):
            mapping[key] = header
            used.add(header)
    return mapping


def missing_required(mapping: dict[str, str]) -> list[Field]:
    return [f for f in FIELDS if f.required and not mapping.get(f.key)]


def check_mapping(mapping: dict[str, str], headers: list[str]) -> list[str]:
    """Dutch problems with a chosen mapping (empty when it can be used)."""
    problems = [f"Kies de kolom voor '{f.label}'." for f in missing_required(mapping)]
    seen: dict[str, str] = {}
    for key, header in mapping.items():
        if not header:
            continue
        if header not in headers:
            problems.append(f"De kolom '{header}' staat niet in het bestand.")
        elif is_private(header):
            problems.append(f"De kolom '{header}' bevat persoonsgegevens en wordt niet gelezen.")
        elif header in seen:
            problems.append(
                f"De kolom '{header}' is gekozen voor '{FIELD_BY_KEY[seen[header]].label}' "
                f"én voor '{FIELD_BY_KEY[key].label}'."
            )
        seen[header] = key
    if mapping.get("absence_end") and not mapping.get("absence_start"):
        problems.append("Kies ook de kolom met de eerste ziektedag.")
    return problems
