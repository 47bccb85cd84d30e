"""HTML input for the statistics pages (the services check everything again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kpcs.statistics.models import ReportingSettings
from kpcs.statistics.models.choices import Flow
from kpcs.statistics.services.validation import MAX_FILE_MB


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"),
                           help_text=_("Columns: participant, period, flow, carats, usd, and optionally "
                                       "certificates, partner, hs_code, origin, mining_type."))
    participant = forms.ChoiceField(label=_("Participant"), required=False)
    dry_run = forms.BooleanField(label=_("Check only, store nothing"), required=False)

    def __init__(self, *args, participants: list[tuple[str, str]], anyone: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("Any participant named in the file"))] if anyone else []
        self.fields["participant"].choices = choices + participants
        self.fields["participant"].required = not anyone

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_MB * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than %(limit)d MB; split it into several files.")
                                        % {"limit": MAX_FILE_MB})
        return upload


class ReferForm(forms.Form):
    participant = forms.CharField(max_length=2)
    period = forms.CharField(max_length=7)
    flow_group = forms.ChoiceField(choices=[("trade", _("Trade")), ("production", _("Production"))])
    note = forms.CharField(label=_("Note for the Participation Committee"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class QuestionnaireDraftForm(forms.Form):
    participant = forms.CharField(max_length=2)
    period = forms.CharField(max_length=7)
    flow = forms.ChoiceField(choices=Flow.choices)


class QuestionsForm(forms.Form):
    questions = forms.CharField(label=_("Questions"), widget=forms.Textarea(attrs={"rows": 10}))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 8}))


class CloseForm(forms.Form):
    outcome = forms.CharField(label=_("Conclusion of the Working Group on Statistics"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))


class SettingsForm(forms.ModelForm):
    class Meta:
        model = ReportingSettings
        fields = ["trade_due_days", "production_due_days", "swing_threshold_pct", "unexplained_tolerance_pct",
                  "questionnaire_answer_days"]
