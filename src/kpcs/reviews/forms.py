"""HTML input of the peer review pages (the services check every rule again)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from kpcs.reviews.planning import DEFAULT_TEAM_SIZE
from kpcs.reviews.status import (
    VISIT_TRANSITIONS,
    Expertise,
    ExpertKind,
    RecommendationStatus,
    VisitKind,
    VisitStatus,
    visit_action_label,
)

DATE = {"type": "date"}


def _codes(value: str) -> list[str]:
    return [x.strip() for x in (value or "").replace(";", ",").split(",") if x.strip()]


class ProgressForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2003, max_value=2100, required=False)
    on = forms.DateField(label=_("As known on"), required=False, widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))


class InvitationForm(forms.Form):
    participant = forms.CharField(label=_("Participant code"), max_length=2)
    invited_on = forms.DateField(label=_("Date invited"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class ExpertFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any kind")), *ExpertKind.choices])
    nominated_by = forms.CharField(label=_("Nominated by"), required=False, max_length=10)
    q = forms.CharField(label=_("Name"), required=False, max_length=100)


class ExpertForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    nominated_by = forms.CharField(label=_("Nominated by (participant or observer code)"), max_length=10)
    kind = forms.ChoiceField(label=_("Kind"), choices=ExpertKind.choices)
    languages = forms.CharField(label=_("Languages (codes, comma-separated)"), required=False, max_length=100)
    expertise = forms.MultipleChoiceField(label=_("Expertise"), required=False, choices=Expertise.choices,
                                          widget=forms.CheckboxSelectMultiple)
    max_visits = forms.IntegerField(label=_("Visit cap per period"), min_value=0, max_value=20, initial=2)

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["languages"] = _codes(data["languages"])
        return data


class ExpertUpdateForm(forms.Form):
    languages = forms.CharField(label=_("Languages (codes, comma-separated)"), required=False, max_length=100)
    expertise = forms.MultipleChoiceField(label=_("Expertise"), required=False, choices=Expertise.choices,
                                          widget=forms.CheckboxSelectMultiple)
    max_visits = forms.IntegerField(label=_("Visit cap per period"), min_value=0, max_value=20)
    active = forms.BooleanField(label=_("On the active roster"), required=False)

    def service_kwargs(self) -> dict:
        return {**self.cleaned_data, "languages": _codes(self.cleaned_data["languages"])}


class UnavailabilityForm(forms.Form):
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    ends_on = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    note = forms.CharField(label=_("Note"), required=False, max_length=200)


class VisitFilterForm(forms.Form):
    period = forms.CharField(label=_("Planning period"), required=False, max_length=9)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any status")),
                                                                           *VisitStatus.choices])
    participant = forms.CharField(label=_("Participant code"), required=False, max_length=2)


class VisitForm(forms.Form):
    participant = forms.CharField(label=_("Participant code"), max_length=2)
    kind = forms.ChoiceField(label=_("Kind"), choices=VisitKind.choices)
    period = forms.CharField(label=_("Planning period"), max_length=9, help_text=_("e.g. 2004 or 2005-2006"))
    earliest = forms.DateField(label=_("Window opens"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    latest = forms.DateField(label=_("Window closes"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    days = forms.IntegerField(label=_("Days"), min_value=1, max_value=60, initial=7)
    languages = forms.CharField(label=_("Working languages (empty: the participant's)"), required=False,
                                max_length=100)
    expertise = forms.MultipleChoiceField(label=_("Expertise requested"), required=False, choices=Expertise.choices,
                                          widget=forms.CheckboxSelectMultiple)

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["languages"] = _codes(data["languages"]) or None
        return data


class TransitionForm(forms.Form):
    action = forms.ChoiceField(label=_("Step"), choices=[(a, a) for a in VISIT_TRANSITIONS])
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"), initial=dt.date.today)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, actions: list[str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [(a, visit_action_label(a)) for a in (actions or VISIT_TRANSITIONS)]


class PinForm(forms.Form):
    expert = forms.IntegerField(label=_("Expert number"), min_value=1)


class TeamForm(forms.Form):
    starts_on = forms.DateField(label=_("Starts"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    ends_on = forms.DateField(label=_("Ends"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    experts = forms.CharField(label=_("Team (expert numbers, comma-separated)"), max_length=200)
    leader = forms.IntegerField(label=_("Team leader (expert number)"), min_value=1)

    def clean_experts(self) -> list[int]:
        try:
            return [int(x) for x in _codes(self.cleaned_data["experts"])]
        except ValueError:
            raise forms.ValidationError(_("Write the experts' numbers separated by commas.")) from None


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.CharField(label=_("Owner (participant code; empty: the visited participant)"), required=False,
                            max_length=2)
    due_on = forms.DateField(label=_("Due"), required=False, widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))


class FollowUpForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[c for c in RecommendationStatus.choices
                                                           if c[0] != RecommendationStatus.OPEN])
    note = forms.CharField(label=_("What was done or verified"), max_length=1000)
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"), initial=dt.date.today)


class ProposeForm(forms.Form):
    period = forms.CharField(label=_("Planning period"), max_length=9)
    team_size = forms.IntegerField(label=_("Team size"), min_value=3, max_value=8, initial=DEFAULT_TEAM_SIZE)
    time_limit_s = forms.IntegerField(label=_("Time limit (seconds)"), min_value=1, max_value=120, initial=10)
