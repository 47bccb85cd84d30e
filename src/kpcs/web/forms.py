from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from kpcs.accounts import services as account_services
from kpcs.participants.models import Participant, StatusEvent
from kpcs.participants.status import STATE_AFTER


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")[:64]


class ThrottledLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed sign-in attempts. Wait a few minutes and try again."),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request) if self.request else ""
        if account_services.login_throttled(username=username, address=address):
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            account_services.login_failed(username=username, address=address)
            raise
        account_services.login_succeeded(username=username)
        return cleaned


STATE_CHOICES = [("", _("Any state"))] + [
    (s, label) for s, label in (
        ("participant", _("Participant")), ("suspended", _("Suspended")), ("self_suspended", _("Self-suspended")),
        ("applicant", _("Applicant")), ("removed", _("Removed")), ("withdrawn", _("Withdrawn")))
    if s in set(STATE_AFTER.values())
]


class RegistryFilterForm(forms.Form):
    on = forms.DateField(label=_("On date"), required=False,
                         widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    state = forms.ChoiceField(label=_("State"), choices=STATE_CHOICES, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("Any kind")), *Participant.Kind.choices])
    q = forms.CharField(label=_("Name or code"), required=False, max_length=100)

    def on_date(self) -> dt.date:
        return self.cleaned_data.get("on") or dt.date.today()


class StatusEventForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    kind = forms.ChoiceField(label=_("Event"), choices=StatusEvent.Kind.choices)
    certainty = forms.ChoiceField(label=_("Certainty"), choices=StatusEvent.Certainty.choices)
    source = forms.CharField(label=_("Source"), widget=forms.Textarea(attrs={"rows": 2}))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100, required=False)
