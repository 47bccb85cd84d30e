"""Applications and non-compliance cases."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kpcs.errors import NotFound
from kpcs.governance.models import Application, ComplianceCase


def application_list(*, status: str | None = None) -> QuerySet[Application]:
    qs = Application.objects.select_related("participant", "review_visit", "decision")
    return qs.filter(status=status) if status else qs


def application_get(application_id: int) -> Application:
    application = application_list().prefetch_related("status_events").filter(pk=application_id).first()
    if application is None:
        raise NotFound(_("No application with number %(id)s.") % {"id": application_id}, code="unknown_application")
    return application


def case_list(*, status: str | None = None, participant: str | None = None,
              open_only: bool = False) -> QuerySet[ComplianceCase]:
    qs = ComplianceCase.objects.select_related("participant", "suspension", "reinstatement")
    if status:
        qs = qs.filter(status=status)
    if open_only:
        qs = qs.exclude(status="closed")
    if participant:
        qs = qs.filter(participant__code=participant.upper())
    return qs


def case_get(case_id: int) -> ComplianceCase:
    case = case_list().filter(pk=case_id).first()
    if case is None:
        raise NotFound(_("No non-compliance case with number %(id)s.") % {"id": case_id}, code="unknown_case")
    return case
