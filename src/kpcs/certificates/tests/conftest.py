from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kpcs.accounts.actor import actor_for
from kpcs.certificates.rules import DraftInput, LineInput, OriginInput
from kpcs.participants import services as registry_services
from kpcs.participants.models import Participant


@pytest.fixture
def world(registry, make_user):
    """Botswana exports to the EU: one authority and licensed companies each side, and the people."""
    bw, eu, ae = (Participant.objects.get(code=c) for c in ("BW", "EU", "AE"))
    since = dt.date(2003, 1, 1)
    bw_auth = registry_services.authority_create(actor=None, participant=bw, name="BW Diamond Office")
    eu_auth = registry_services.authority_create(actor=None, participant=eu, name="Antwerp Diamond Office")
    ae_auth = registry_services.authority_create(actor=None, participant=ae, name="Dubai KP Office")
    w = {
        "bw_auth": bw_auth, "eu_auth": eu_auth,
        "bw_co": registry_services.company_register(actor=None, authority=bw_auth, name="Kalahari Rough",
                                           licence_number="BW-1", licensed_from=since),
        "eu_co": registry_services.company_register(actor=None, authority=eu_auth, name="Schelde Rough Trading",
                                           licence_number="EU-1", licensed_from=since),
        "ae_co": registry_services.company_register(actor=None, authority=ae_auth, name="Creek Gems",
                                           licence_number="AE-1", licensed_from=since),
        "officer": actor_for(make_user("authority_officer", participant="BW", username="officer-bw")),
        "validator": actor_for(make_user("authority_validator", participant="BW", username="validator-bw")),
        "eu_officer": actor_for(make_user("authority_officer", participant="EU", username="officer-eu")),
        "eu_validator": actor_for(make_user("authority_validator", participant="EU", username="validator-eu")),
    }

    def draft_input(**changes) -> DraftInput:
        data = {
            "destination": "EU", "exporter_id": w["bw_co"].id, "importer_id": w["eu_co"].id, "parcels": 2,
            "lines": [LineInput("7102.31", Decimal("1250.50"), Decimal("312625.00")),
                      LineInput("7102.21", Decimal("300.00"), Decimal("4500.00"))],
            "origins": [OriginInput("BW")], "mixed": False, "validity_days": 60,
        }
        data.update(changes)
        return DraftInput(**data)

    w["input"] = draft_input
    return w


@pytest.fixture
def issued(world):
    from kpcs.certificates.services.lifecycle import certificate_draft_create, certificate_validate

    draft = certificate_draft_create(actor=world["officer"], exporting="BW", data=world["input"]())
    return certificate_validate(actor=world["validator"], certificate_id=draft.pk)
