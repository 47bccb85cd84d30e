"""Loading the registry's reference data (see data/README.md). Idempotent: a second load changes nothing."""

from __future__ import annotations

import csv
import datetime as dt
import gettext
from pathlib import Path

import pycountry
from django.conf import settings
from django.db import transaction

from kpcs.audit.services import audit_record
from kpcs.participants.models import (
    OFFICIAL_LANGUAGES,
    ChairTerm,
    HSCode,
    MemberState,
    Observer,
    Participant,
    StatusEvent,
)

# Names pycountry does not have, or where the scheme uses another name.
SPECIAL_NAMES = {
    "EU": {"en": "European Union", "fr": "Union européenne", "pt": "União Europeia", "es": "Unión Europea",
           "ru": "Европейский союз"},
    "CG": {"en": "Republic of the Congo", "fr": "République du Congo", "pt": "República do Congo",
           "es": "República del Congo", "ru": "Республика Конго"},
    "CD": {"en": "Democratic Republic of the Congo", "fr": "République démocratique du Congo",
           "pt": "República Democrática do Congo", "es": "República Democrática del Congo",
           "ru": "Демократическая Республика Конго"},
    "TW": {"en": "Chinese Taipei", "fr": "Taipei chinois", "pt": "Taipé Chinês", "es": "Taipéi Chino",
           "ru": "Китайский Тайбэй"},
}

OBSERVERS = [
    # code, kind, csv organisation prefix, names
    ("WDC", "industry", "World Diamond Council",
     {"en": "World Diamond Council", "fr": "Conseil mondial du diamant", "pt": "Conselho Mundial do Diamante",
      "es": "Consejo Mundial del Diamante", "ru": "Всемирный алмазный совет"}),
    ("CSC", "civil_society", "KP Civil Society Coalition",
     {"en": "Kimberley Process Civil Society Coalition",
      "fr": "Coalition de la société civile du Processus de Kimberley",
      "pt": "Coligação da Sociedade Civil do Processo de Kimberley",
      "es": "Coalición de la Sociedad Civil del Proceso de Kimberley",
      "ru": "Коалиция гражданского общества Кимберлийского процесса"}),
    ("DDI", "civil_society", "Diamond Development Initiative",
     {"en": "Diamond Development Initiative", "fr": "Initiative pour le développement du diamant",
      "pt": "Iniciativa para o Desenvolvimento do Diamante", "es": "Iniciativa para el Desarrollo del Diamante",
      "ru": "Инициатива по развитию алмазной отрасли"}),
    ("ADPA", "independent", "African Diamond Producers Association",
     {"en": "African Diamond Producers Association", "fr": "Association des producteurs africains de diamants",
      "pt": "Associação dos Produtores Africanos de Diamantes",
      "es": "Asociación de Productores Africanos de Diamantes",
      "ru": "Ассоциация африканских производителей алмазов"}),
    ("GW", "civil_society", "Global Witness",
     {"en": "Global Witness", "fr": "Global Witness", "pt": "Global Witness", "es": "Global Witness",
      "ru": "Global Witness"}),
    ("PAC", "civil_society", "IMPACT",
     {"en": "IMPACT (formerly Partnership Africa Canada)", "fr": "IMPACT (anciennement Partenariat Afrique Canada)",
      "pt": "IMPACT (antiga Partnership Africa Canada)", "es": "IMPACT (antes Partnership Africa Canada)",
      "ru": "IMPACT (ранее Partnership Africa Canada)"}),
]
# Civil society organisations that left the scheme (kp_observers.csv).
FORMER_OBSERVERS = {"GW", "PAC"}

# kp_chairs.csv names participants by English name; these map them to codes.
CHAIR_NAME_CODES = {
    "South Africa": "ZA", "Canada": "CA", "Russian Federation": "RU", "Botswana": "BW", "European Union": "EU",
    "European Union (European Commission)": "EU", "India": "IN", "Namibia": "NA", "Israel": "IL",
    "Democratic Republic of Congo": "CD", "United States of America": "US", "People's Republic of China": "CN",
    "Angola": "AO", "United Arab Emirates": "AE", "Australia": "AU", "Zimbabwe": "ZW",
}


def data_dir() -> Path:
    return Path(settings.KPCS_REFERENCE_DIR)


def _rows(name: str) -> list[dict[str, str]]:
    with (data_dir() / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def country_names(code: str) -> dict[str, str]:
    if code in SPECIAL_NAMES:
        return dict(SPECIAL_NAMES[code])
    country = pycountry.countries.get(alpha_2=code)
    english = getattr(country, "common_name", None) or country.name
    names = {"en": english}
    for lang in OFFICIAL_LANGUAGES[1:]:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        names[lang] = tr.gettext(english) if tr.gettext(english) != english else tr.gettext(country.name)
    return names


def _kind(csv_kind: str) -> str:
    if csv_kind.startswith("regional"):
        return Participant.Kind.REGIONAL_ORGANISATION
    if csv_kind.startswith("trading entity"):
        return Participant.Kind.TRADING_ENTITY
    return Participant.Kind.GOVERNMENT


@transaction.atomic
def load_reference() -> dict[str, int]:
    """Load participants, status history, EU member states, observers, Chairs and HS codes."""
    created = {"participants": 0, "status_events": 0, "member_states": 0, "observers": 0, "chairs": 0,
               "hs_codes": 0}
    profiles = {r["code"]: r for r in _rows("participant_profiles.csv")}
    for row in _rows("kp_participants.csv"):
        code = row["iso_alpha2"]
        profile = profiles.get(code, {})
        names = country_names(code)
        defaults = {
            "iso_alpha3": row["iso_alpha3"], "kind": _kind(row["kind"]),
            "region": profile.get("region", ""),
            "languages": [x for x in profile.get("languages", "").split(";") if x],
            "producer": profile.get("producer") == "yes",
            "notes": "; ".join(x for x in (row["admission_evidence"], row["status_notes"]) if x),
            **{f"name_{lang}": names[lang] for lang in OFFICIAL_LANGUAGES},
        }
        participant, was_created = Participant.objects.get_or_create(code=code, defaults=defaults)
        if was_created:
            created["participants"] += 1
            audit_record(actor=None, action="create", instance=participant, note="reference data load")
    by_code = {p.code: p for p in Participant.objects.all()}
    for row in _rows("status_events.csv"):
        _event, was_created = StatusEvent.objects.get_or_create(
            participant=by_code[row["code"]], date=dt.date.fromisoformat(row["date"]), kind=row["event"],
            defaults={"certainty": row["certainty"], "source": row["source"], "note": row["note"]})
        created["status_events"] += was_created
    for row in _rows("member_states.csv"):
        _m, was_created = MemberState.objects.get_or_create(
            participant=by_code[row["participant"]], country_code=row["country"],
            since=dt.date.fromisoformat(row["since"]),
            defaults={"until": dt.date.fromisoformat(row["until"]) if row["until"] else None,
                      "source": row["source"]})
        created["member_states"] += was_created
    observer_rows = {r["organisation"]: r for r in _rows("kp_observers.csv")}
    for code, kind, prefix, names in OBSERVERS:
        row = next((r for org, r in observer_rows.items() if org.startswith(prefix)), {})
        _o, was_created = Observer.objects.get_or_create(code=code, defaults={
            "kind": kind, "active": code not in FORMER_OBSERVERS, "since_text": row.get("status_or_date", ""),
            "source": row.get("evidence", ""), **{f"name_{lang}": names[lang] for lang in OFFICIAL_LANGUAGES}})
        created["observers"] += was_created
    for row in _rows("kp_chairs.csv"):
        vice = CHAIR_NAME_CODES.get(row["vice_chair"])
        _c, was_created = ChairTerm.objects.get_or_create(year=int(row["year"]), defaults={
            "chair": by_code[CHAIR_NAME_CODES[row["chair"]]], "chair_person": row["chair_person"],
            "vice_chair": by_code[vice] if vice else None, "source": row["sources"], "note": row["note"]})
        created["chairs"] += was_created
    for row in _rows("hs_7102.csv"):
        if row["level"] != "subheading":
            continue
        _h, was_created = HSCode.objects.get_or_create(code=row["hs_code_dotted"], defaults={
            "level": row["level"], "description": row["description_comtrade_style"] or row["description_official"],
            "in_scope": row["kp_rough_diamond_scope"] == "yes", "notes": row["notes"]})
        created["hs_codes"] += was_created
    return created
