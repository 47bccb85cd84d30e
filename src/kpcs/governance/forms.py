"""HTML input of the governance pages (the services check every rule again)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from kpcs.accounts.roles import Role
from kpcs.governance.report import FORMATS
from kpcs.governance.status import (
    OFFICIAL_LANGUAGES,
    BodyKind,
    BodyRole,
    ChairAction,
    DecisionKind,
    MeetingKind,
    Recommendation,
    Route,
    language_name,
)

DATE = {"type": "date"}


def _date(label, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
                           initial=dt.date.today if required else None)


def _languages() -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code in OFFICIAL_LANGUAGES]


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2003, max_value=2100, required=False)


class SeatForm(forms.Form):
    member = forms.CharField(label=_("Participant or observer code"), max_length=10)
    chair = forms.BooleanField(label=_("Chairs the committee"), required=False)


class BodyForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=BodyKind.choices)
    mandate = forms.CharField(label=_("Mandate"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    established_by = forms.CharField(label=_("Established by (decision number)"), required=False, max_length=30)


class MemberForm(forms.Form):
    member = forms.CharField(label=_("Participant or observer code"), max_length=10)
    role = forms.ChoiceField(label=_("Role"), choices=BodyRole.choices)


class MeetingForm(forms.Form):
    place = forms.CharField(label=_("Place"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    starts_on = _date(_("From"))
    ends_on = _date(_("Until"))
    host = forms.CharField(label=_("Host (participant code)"), required=False, max_length=2)


class DecisionForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=30)
    kind = forms.ChoiceField(label=_("Kind"), choices=DecisionKind.choices)
    route = forms.ChoiceField(label=_("Taken by"), choices=Route.choices)
    meeting_id = forms.TypedChoiceField(label=_("Meeting"), required=False, coerce=int, empty_value=None)
    agreed_on = _date(_("Agreed on"))
    language = forms.ChoiceField(label=_("Language of this text"), choices=_languages)
    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, meetings=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting_id"].choices = [("", "—")] + [(m.pk, str(m)) for m in meetings]


class TextForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=_languages)
    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}))


class OnForm(forms.Form):
    on = _date(_("Date"))


class DeadlineForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    due_on = _date(_("Due"))
    owner_role = forms.ChoiceField(label=_("Owner (role)"), required=False, choices=[("", "—"), *Role.choices])
    owner_participant = forms.CharField(label=_("Owner (participant code)"), required=False, max_length=2)
    decision_number = forms.CharField(label=_("Set by decision (number)"), required=False, max_length=30)


class ApplicationForm(forms.Form):
    participant = forms.CharField(label=_("Applicant (registry code)"), max_length=2)
    received_on = _date(_("Received"))
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class AssessForm(forms.Form):
    assessment = forms.CharField(label=_("Assessment"), widget=forms.Textarea(attrs={"rows": 3}))
    review_visit_id = forms.IntegerField(label=_("Review visit number (optional)"), required=False, min_value=1)
    on = _date(_("Date"))


class RecommendForm(forms.Form):
    recommendation = forms.ChoiceField(label=_("Recommendation"), choices=Recommendation.choices)
    reasons = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    on = _date(_("Date"))


class DecideForm(forms.Form):
    admit = forms.TypedChoiceField(label=_("Decision"), coerce=lambda v: v == "1",
                                   choices=[("1", _("Admit")), ("0", _("Do not admit"))])
    route = forms.ChoiceField(label=_("Taken by"), choices=Route.choices)
    decision_number = forms.CharField(label=_("Decision number (optional)"), required=False, max_length=30)
    on = _date(_("Date"))


class CaseForm(forms.Form):
    participant = forms.CharField(label=_("Participant code"), max_length=2)
    opened_on = _date(_("Opened"))
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 2}))


class AdviseForm(forms.Form):
    advice = forms.CharField(label=_("The committee's advice"), widget=forms.Textarea(attrs={"rows": 3}))
    on = _date(_("Date"))


class ActForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), choices=ChairAction.choices)
    text = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 2}))
    on = _date(_("Date"))


class CloseForm(forms.Form):
    note = forms.CharField(label=_("Why the case is closed"), widget=forms.Textarea(attrs={"rows": 2}))
    lift_suspension = forms.BooleanField(label=_("Lift the suspension"), required=False)
    on = _date(_("Date"))


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2003, max_value=2100)
    lang = forms.ChoiceField(label=_("Language"), choices=_languages)
    format = forms.ChoiceField(label=_("Format"), choices=[(f, f.upper()) for f in FORMATS])
