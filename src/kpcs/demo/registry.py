"""The demo world's registry part: authorities, licensed companies and one user per role. Deterministic."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from kpcs.accounts.models import User
from kpcs.accounts.services import user_create
from kpcs.participants.models import Authority, Company, Participant
from kpcs.participants.selectors import participants_on

GATINEAU = dt.date(2004, 10, 29)

# Authorities named after the bodies that held the role around 2004, where known; generic otherwise.
AUTHORITIES = {
    "AO": ["Ministry of Geology and Mines"],
    "AU": ["Department of Foreign Affairs and Trade"],
    "BW": ["Ministry of Minerals, Energy and Water Resources"],
    "CA": ["Natural Resources Canada, Kimberley Process Office"],
    "CD": ["Centre d'Évaluation, d'Expertise et de Certification (CEEC)"],
    "CN": ["General Administration of Quality Supervision, Inspection and Quarantine"],
    "EU": ["European Commission, Directorate-General for External Relations", "Diamond Office Antwerp (Belgium)",
           "Bundesministerium der Finanzen, Zoll (Germany)"],
    "IL": ["Diamond Controller, Ministry of Industry, Trade and Labour"],
    "IN": ["Gem & Jewellery Export Promotion Council"],
    "NA": ["Ministry of Mines and Energy, Diamond Commission"],
    "RU": ["Gokhran of Russia, Ministry of Finance"],
    "SL": ["Gold and Diamond Office"],
    "AE": ["Dubai Multi Commodities Centre"],
    "US": ["United States Kimberley Process Authority"],
    "ZA": ["South African Diamond Board"],
    "CH": ["State Secretariat for Economic Affairs (SECO)"],
}
# Fictional companies: the demo never names a real firm.
COMPANY_WORDS = ["Rough", "Stones", "Mining", "Trading", "Minerals", "Gems"]


def _authority_names(p: Participant) -> list[str]:
    return AUTHORITIES.get(p.code, [f"Kimberley Process Authority of {p.name_en}"])


DEMO_USERS = [
    # username, role, participant, observer
    ("officer-bw", "authority_officer", "BW", None),
    ("validator-bw", "authority_validator", "BW", None),
    ("officer-eu", "authority_officer", "EU", None),
    ("validator-eu", "authority_validator", "EU", None),
    ("officer-ae", "authority_officer", "AE", None),
    ("validator-ae", "authority_validator", "AE", None),
    ("customs-eu", "customs_verifier", "EU", None),
    ("stats-ru", "statistics_focal_point", "RU", None),
    ("stats-bw", "statistics_focal_point", "BW", None),
    ("wgs", "wgs_analyst", None, None),
    ("reviews", "review_coordinator", None, None),
    ("committee", "participation_committee", None, None),
    ("admin", "secretariat_admin", None, None),
    ("observer-wdc", "observer", None, "WDC"),
]


def demo_password(username: str) -> str:
    return f"{username}-kp2004"


@transaction.atomic
def build_registry() -> dict[str, int]:
    counts = {"authorities": 0, "companies": 0, "users": 0}
    for p in participants_on(GATINEAU):
        for i, name in enumerate(_authority_names(p)):
            authority, created = Authority.objects.get_or_create(participant=p, name=name)
            counts["authorities"] += created
            if i > 0:
                continue
            n_companies = 3 if p.producer or p.code in {"EU", "AE", "IN", "IL", "US", "CH"} else 1
            for n in range(n_companies):
                word = COMPANY_WORDS[(n + len(p.code) + ord(p.code[0])) % len(COMPANY_WORDS)]
                _company, created = Company.objects.get_or_create(
                    participant=p, licence_number=f"{p.code}-L{n + 1:04d}",
                    defaults={"registered_by": authority, "name": f"{p.name_en.split(',')[0]} {word} Company {n + 1}",
                              "licensed_from": dt.date(2003, 1, 1), "exporter": True, "importer": True})
                counts["companies"] += created
    for username, role, participant, observer in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        user_create(actor=None, username=username, role=role, participant=participant, observer=observer,
                    password=demo_password(username), validate=False, email=f"{username}@demo.kpcs.invalid")
        counts["users"] += 1
    return counts
