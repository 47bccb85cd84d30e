"""Invitations and the expert roster."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.audit.services import audit_record, diff, snapshot
from kpcs.errors import Conflict, DomainError, NotFound
from kpcs.participants.selectors import is_participant_on
from kpcs.reviews.models import Expert, ExpertUnavailability, Invitation, TeamPin
from kpcs.reviews.services.common import (
    clean_and_save,
    clean_expertise,
    clean_languages,
    nominator_by_code,
    participant_by_code,
)
from kpcs.reviews.status import ExpertKind

MAX_CAP = 20


@transaction.atomic
def invitation_record(*, actor: Actor | None, participant: str, invited_on: dt.date, note: str = "") -> Invitation:
    """A participant invites a review visit. Only a participant of the scheme on that date can invite one."""
    if actor is not None:
        require(actor, "reviews.manage")
    p = participant_by_code(participant)
    if not is_participant_on(p.code, invited_on):
        raise DomainError(_("%(code)s is not a participant of the scheme on %(date)s.")
                          % {"code": p.code, "date": invited_on.isoformat()}, code="not_a_participant")
    if Invitation.objects.filter(participant=p, invited_on=invited_on).exists():
        raise Conflict(_("This invitation is already recorded."), code="duplicate_invitation")
    invitation = Invitation(participant=p, invited_on=invited_on, note=note)
    clean_and_save(invitation, "invalid_invitation")
    audit_record(actor=actor, action="create", instance=invitation, changes=snapshot(invitation))
    return invitation


def _check_kind_and_cap(kind: str, max_visits: int) -> None:
    if kind not in ExpertKind.values:
        raise DomainError(_("%(kind)s is not a kind of expert: use government, industry or civil_society.")
                          % {"kind": kind}, code="bad_kind")
    if not isinstance(max_visits, int) or not 0 <= max_visits <= MAX_CAP:
        raise DomainError(_("The visit cap must be a whole number from 0 to %(max)s.") % {"max": MAX_CAP},
                          code="bad_visit_cap")


@transaction.atomic
def expert_create(*, actor: Actor | None, name: str, nominated_by: str, kind: str,
                  languages: Iterable[str] = (), expertise: Iterable[str] = (), max_visits: int = 2,
                  email: str = "", notes: str = "") -> Expert:
    """Add an expert to the roster. Government experts are nominated by a participant."""
    if actor is not None:
        require(actor, "reviews.manage")
    if not (name or "").strip():
        raise DomainError(_("Give the expert's name."), code="name_required")
    _check_kind_and_cap(kind, max_visits)
    participant, observer = nominator_by_code(nominated_by)
    if kind == ExpertKind.GOVERNMENT and participant is None:
        raise DomainError(_("A government expert is nominated by a participant, not by an observer organisation."),
                          code="government_nominated_by_observer")
    expert = Expert(name=name.strip(), nominated_by_participant=participant, nominated_by_observer=observer,
                    kind=kind, languages=clean_languages(languages), expertise=clean_expertise(expertise),
                    max_visits=max_visits, email=email, notes=notes)
    clean_and_save(expert, "invalid_expert")
    audit_record(actor=actor, action="create", instance=expert, changes=snapshot(expert))
    return expert


def expert_get(expert_id: int) -> Expert:
    expert = Expert.objects.select_related("nominated_by_participant", "nominated_by_observer").filter(
        pk=expert_id).first()
    if expert is None:
        raise NotFound(_("No expert with number %(id)s on the roster.") % {"id": expert_id}, code="unknown_expert")
    return expert


@transaction.atomic
def expert_update(*, actor: Actor | None, expert_id: int, languages: Iterable[str] | None = None,
                  expertise: Iterable[str] | None = None, max_visits: int | None = None,
                  active: bool | None = None, email: str | None = None, notes: str | None = None) -> Expert:
    """Change what the roster knows about an expert. Taking an expert off the roster drops their pins."""
    if actor is not None:
        require(actor, "reviews.manage")
    expert = expert_get(expert_id)
    before = snapshot(expert)
    if languages is not None:
        expert.languages = clean_languages(languages)
    if expertise is not None:
        expert.expertise = clean_expertise(expertise)
    if max_visits is not None:
        _check_kind_and_cap(expert.kind, max_visits)
        expert.max_visits = max_visits
    if email is not None:
        expert.email = email
    if notes is not None:
        expert.notes = notes
    if active is not None:
        expert.active = active
        if not active:
            TeamPin.objects.filter(expert=expert).delete()
    clean_and_save(expert, "invalid_expert")
    audit_record(actor=actor, action="update", instance=expert, changes=diff(before, snapshot(expert)))
    return expert


@transaction.atomic
def expert_unavailability_add(*, actor: Actor | None, expert_id: int, starts_on: dt.date, ends_on: dt.date,
                              note: str = "") -> ExpertUnavailability:
    if actor is not None:
        require(actor, "reviews.manage")
    expert = expert_get(expert_id)
    if ends_on < starts_on:
        raise DomainError(_("The period of unavailability ends (%(end)s) before it starts (%(start)s).")
                          % {"start": starts_on.isoformat(), "end": ends_on.isoformat()}, code="dates_inverted")
    row = ExpertUnavailability(expert=expert, starts_on=starts_on, ends_on=ends_on, note=note)
    clean_and_save(row, "invalid_unavailability")
    audit_record(actor=actor, action="create", instance=row, changes=snapshot(row))
    return row
