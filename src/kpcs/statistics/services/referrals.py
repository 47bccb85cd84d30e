"""Turning a late or missing report into a compliance signal for the Participation Committee."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.audit.services import audit_record
from kpcs.errors import Conflict, DomainError, NotFound
from kpcs.participants.models import Participant
from kpcs.statistics.models import ComplianceReferral
from kpcs.statistics.selectors.timeliness import timeliness_item
from kpcs.statmath.periods import PeriodError, parse_period


@transaction.atomic
def timeliness_refer(*, actor: Actor | None, participant: str, period: str, flow_group: str, note: str = "",
                     today: dt.date | None = None) -> ComplianceReferral:
    """Refer one late or missing report to the Participation Committee (once per report)."""
    if actor is not None:
        require(actor, "statistics.refer")
    try:
        period = str(parse_period(period))
    except PeriodError:
        raise DomainError(_("“%(value)s” is not a reporting period.") % {"value": period}, code="bad_period") from None
    item = timeliness_item(participant=participant, period=period, flow_group=flow_group, today=today)
    if item is None:
        raise NotFound(_("%(participant)s owes no such report.") % {"participant": participant})
    if item["status"] not in ("late", "missing"):
        raise Conflict(_("Only a late or missing report can be referred."), code="not_late")
    if ComplianceReferral.objects.filter(participant__code=participant, period=period, flow_group=flow_group).exists():
        raise Conflict(_("This report was already referred to the Participation Committee."),
                       code="already_referred")
    referral = ComplianceReferral(
        participant=Participant.objects.get(code=participant), period=period, flow_group=flow_group,
        kind=item["status"], due_on=dt.date.fromisoformat(item["due_date"]), days_late=item["days_late"], note=note,
        referred_by=actor.user if actor is not None and not actor.is_anonymous else None)
    referral.full_clean()
    referral.save()
    audit_record(actor=actor, action="create", instance=referral,
                 changes={"kind": referral.kind, "days_late": referral.days_late})
    return referral


@transaction.atomic
def compliance_signal_take_up(*, actor: Actor | None, referral_id: int, case_reference: str) -> ComplianceReferral:
    """For the governance app: record that a compliance case now handles this signal."""
    referral = ComplianceReferral.objects.select_for_update().filter(pk=referral_id).first()
    if referral is None:
        raise NotFound(_("No such compliance signal."))
    if referral.taken_up_at is not None:
        raise Conflict(_("This compliance signal was already taken up."), code="already_taken_up")
    referral.taken_up_at = timezone.now()
    referral.case_reference = case_reference[:60]
    referral.save(update_fields=["taken_up_at", "case_reference"])
    audit_record(actor=actor, action="update", instance=referral, changes={"case_reference": [None, case_reference]})
    return referral
