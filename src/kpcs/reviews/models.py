"""Peer review (Working Group on Monitoring): invitations, the expert roster, review visits and missions with
their teams, recommendations and their follow-up, and the schedules proposed by the optimiser."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kpcs.reviews.status import (
    ExpertKind,
    PlanStatus,
    RecommendationStatus,
    VisitKind,
    VisitStatus,
)

PERIOD_REGEX = r"^[0-9]{4}(-[0-9]{4})?$"


class Invitation(models.Model):
    """A participant has invited a review visit (KPCS peer review system, Sun City 2003)."""

    participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT,
                                    related_name="review_invitations", verbose_name=_("participant"))
    invited_on = models.DateField(_("date invited"))
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["invited_on", "participant__code"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["participant", "invited_on"], name="invitation_unique")]

    def __str__(self) -> str:
        return f"{self.participant.code} {self.invited_on}"


class Expert(models.Model):
    """A member of the roster, nominated by a participant or by an observer organisation."""

    name = models.CharField(_("name"), max_length=200)
    nominated_by_participant = models.ForeignKey(
        "participants.Participant", on_delete=models.PROTECT, null=True, blank=True, related_name="experts",
        verbose_name=_("nominated by (participant)"))
    nominated_by_observer = models.ForeignKey(
        "participants.Observer", on_delete=models.PROTECT, null=True, blank=True, related_name="experts",
        verbose_name=_("nominated by (observer)"))
    kind = models.CharField(_("kind"), max_length=20, choices=ExpertKind.choices)
    languages = models.JSONField(_("languages"), default=list, blank=True,
                                 help_text=_("Languages spoken, as ISO 639-1 codes."))
    expertise = models.JSONField(_("expertise"), default=list, blank=True)
    max_visits = models.PositiveSmallIntegerField(_("visit cap per period"), default=2)
    active = models.BooleanField(_("active"), default=True)
    email = models.EmailField(_("e-mail"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        constraints = [
            models.CheckConstraint(
                condition=(Q(nominated_by_participant__isnull=False) & Q(nominated_by_observer__isnull=True))
                | (Q(nominated_by_participant__isnull=True) & Q(nominated_by_observer__isnull=False)),
                name="expert_one_nominator"),
            models.CheckConstraint(condition=~Q(kind="government") | Q(nominated_by_participant__isnull=False),
                                   name="expert_government_nominated_by_participant"),
            models.CheckConstraint(condition=Q(kind__in=ExpertKind.values), name="expert_kind_valid"),
            models.CheckConstraint(condition=Q(max_visits__lte=20), name="expert_max_visits_bounded"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.nominator_code})"

    @property
    def nominator_code(self) -> str:
        if self.nominated_by_participant_id:
            return self.nominated_by_participant.code
        return self.nominated_by_observer.code if self.nominated_by_observer_id else ""


class ExpertUnavailability(models.Model):
    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="unavailable",
                               verbose_name=_("expert"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("unavailability")
        verbose_name_plural = _("unavailabilities")
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                              name="unavailability_dates_ordered")]

    def __str__(self) -> str:
        return f"{self.expert_id}: {self.starts_on}..{self.ends_on}"


class ReviewVisit(models.Model):
    """A review visit (invited) or mission (on credible indications of non-compliance) to a participant."""

    kind = models.CharField(_("kind"), max_length=10, choices=VisitKind.choices, default=VisitKind.VISIT)
    participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT,
                                    related_name="review_visits", verbose_name=_("participant"))
    period = models.CharField(_("planning period"), max_length=9, help_text=_("e.g. 2004 or 2005-2006"))
    earliest = models.DateField(_("window opens"))
    latest = models.DateField(_("window closes"))
    days = models.PositiveSmallIntegerField(_("days"))
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    expertise = models.JSONField(_("expertise requested"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=VisitStatus.choices,
                              default=VisitStatus.REQUESTED, db_index=True)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    leader = models.ForeignKey(Expert, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("team leader"))
    report_sent_on = models.DateField(_("draft report sent"), null=True, blank=True)
    comments_on = models.DateField(_("comments received"), null=True, blank=True)
    considered_on = models.DateField(_("considered by the plenary"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["starts_on", "earliest", "id"]
        verbose_name = _("review visit")
        verbose_name_plural = _("review visits")
        indexes = [models.Index(fields=["period", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(latest__gte=F("earliest")), name="visit_window_ordered"),
            models.CheckConstraint(condition=Q(days__gte=1) & Q(days__lte=60), name="visit_days_range"),
            models.CheckConstraint(condition=Q(period__regex=PERIOD_REGEX), name="visit_period_format"),
            models.CheckConstraint(condition=Q(status__in=VisitStatus.values), name="visit_status_valid"),
            models.CheckConstraint(
                condition=Q(status__in=["requested", "cancelled"])
                | (Q(starts_on__isnull=False) & Q(ends_on__isnull=False) & Q(leader__isnull=False)),
                name="visit_scheduled_has_dates_and_leader"),
            models.CheckConstraint(condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                                   name="visit_dates_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.participant.code} {self.get_kind_display()} {self.starts_on or self.earliest}"


class TeamMember(models.Model):
    visit = models.ForeignKey(ReviewVisit, on_delete=models.CASCADE, related_name="team", verbose_name=_("visit"))
    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="memberships",
                               verbose_name=_("expert"))

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [models.UniqueConstraint(fields=["visit", "expert"], name="team_member_unique")]

    def __str__(self) -> str:
        return f"{self.visit_id}:{self.expert_id}"


class TeamPin(models.Model):
    """A choice the coordinator fixed: this expert is on this visit's team whenever the schedule is re-planned."""

    visit = models.ForeignKey(ReviewVisit, on_delete=models.CASCADE, related_name="pins", verbose_name=_("visit"))
    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="pins", verbose_name=_("expert"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("pinned team member")
        verbose_name_plural = _("pinned team members")
        constraints = [models.UniqueConstraint(fields=["visit", "expert"], name="team_pin_unique")]

    def __str__(self) -> str:
        return f"{self.visit_id}:{self.expert_id}"


class Recommendation(models.Model):
    visit = models.ForeignKey(ReviewVisit, on_delete=models.PROTECT, related_name="recommendations",
                              verbose_name=_("visit"))
    text = models.TextField(_("recommendation"))
    owner = models.ForeignKey("participants.Participant", on_delete=models.PROTECT,
                              related_name="review_recommendations", verbose_name=_("owner"))
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=RecommendationStatus.choices,
                              default=RecommendationStatus.OPEN, db_index=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["visit", "id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=RecommendationStatus.values),
                                   name="recommendation_status_valid"),
            models.CheckConstraint(condition=~Q(status="closed") | Q(closed_on__isnull=False),
                                   name="recommendation_closed_has_date"),
        ]

    def __str__(self) -> str:
        return f"{self.owner.code}: {self.text[:60]}"


class RecommendationUpdate(models.Model):
    """One follow-up step: what was reported or verified, and the status it left the recommendation in."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="updates",
                                       verbose_name=_("recommendation"))
    on = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=12, choices=RecommendationStatus.choices)
    note = models.TextField(_("note"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                           related_name="+", verbose_name=_("recorded by"))

    class Meta:
        ordering = ["on", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return f"{self.recommendation_id} {self.on} {self.status}"


class SchedulePlan(models.Model):
    """A schedule proposed by the optimiser for one planning period. Stored only after the independent
    validator passed it; applying it writes its dates and teams onto the visits."""

    period = models.CharField(_("planning period"), max_length=9)
    status = models.CharField(_("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.PROPOSED)
    solver_status = models.CharField(_("optimiser result"), max_length=10)
    team_size = models.PositiveSmallIntegerField(_("team size"))
    input = models.JSONField(_("optimiser input"))
    output = models.JSONField(_("optimiser output"))
    objective = models.IntegerField(_("penalty"), null=True, blank=True)
    wall_time_s = models.FloatField(_("solving time (s)"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("proposed by"))
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("schedule plan")
        verbose_name_plural = _("schedule plans")
        constraints = [
            models.CheckConstraint(condition=Q(period__regex=PERIOD_REGEX), name="plan_period_format"),
            models.CheckConstraint(condition=Q(solver_status__in=["optimal", "feasible"]),
                                   name="plan_only_feasible_plans"),
        ]

    def __str__(self) -> str:
        return f"{self.period} #{self.pk} ({self.status})"
