"""Fixtures of the statistics tests: users per role, CSV files, and a small world of certificates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from kpcs.accounts.actor import Actor, actor_for
from kpcs.certificates.rules import DraftInput, LineInput, OriginInput
from kpcs.participants import services as registry_services
from kpcs.participants.models import Participant

HEADER = "participant,period,flow,carats,usd,certificates,partner,hs_code,origin"


def csv_file(*rows: str, header: str = HEADER) -> bytes:
    """A CSV submission: the header, then the rows given."""
    return ("\n".join([header, *rows]) + "\n").encode()


@pytest.fixture
def actor_as(make_user) -> Callable[..., Actor]:
    def make(role: str, **scope) -> Actor:
        return actor_for(make_user(role, **scope))

    return make


@pytest.fixture
def focal_bw(actor_as) -> Actor:
    return actor_as("statistics_focal_point", participant="BW")


@pytest.fixture
def wgs(actor_as) -> Actor:
    return actor_as("wgs_analyst")


@pytest.fixture
def world(registry, make_user):
    """Botswana exports to the EU: one authority and licensed company each side, and the people."""
    bw, eu = (Participant.objects.get(code=c) for c in ("BW", "EU"))
    since = dt.date(2003, 1, 1)
    bw_auth = registry_services.authority_create(actor=None, participant=bw, name="BW Diamond Office")
    eu_auth = registry_services.authority_create(actor=None, participant=eu, name="Antwerp Diamond Office")
    w = {
        "bw_co": registry_services.company_register(actor=None, authority=bw_auth, name="Kalahari Rough",
                                                    licence_number="BW-1", licensed_from=since),
        "eu_co": registry_services.company_register(actor=None, authority=eu_auth, name="Schelde Rough Trading",
                                                    licence_number="EU-1", licensed_from=since),
        "officer": actor_for(make_user("authority_officer", participant="BW", username="officer-bw")),
        "validator": actor_for(make_user("authority_validator", participant="BW", username="validator-bw")),
        "eu_officer": actor_for(make_user("authority_officer", participant="EU", username="officer-eu")),
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
def issue(world, django_capture_on_commit_callbacks) -> Callable[..., object]:
    """Issue a BW certificate to the EU on a given day; derived statistics follow (on-commit hooks run)."""
    from kpcs.certificates.services.lifecycle import certificate_draft_create, certificate_validate

    def make(on: dt.date, **changes):
        with django_capture_on_commit_callbacks(execute=True):
            draft = certificate_draft_create(actor=world["officer"], exporting="BW", data=world["input"](**changes),
                                             today=on)
            return certificate_validate(actor=world["validator"], certificate_id=draft.pk, today=on)

    return make
