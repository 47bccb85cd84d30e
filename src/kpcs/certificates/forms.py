"""HTML input for the certificate pages. The forms only parse what the browser sends; the rules in
``kpcs.certificates.rules`` judge it, and their problems are put back next to the fields they name."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

from kpcs.certificates.rules import DraftInput, LineInput, OriginInput, check_draft
from kpcs.certificates.status import MAX_VALIDITY_DAYS, Status
from kpcs.participants.models import Company, Participant
from kpcs.participants.selectors import company_list, participants_on

# A rule's field name (see rules.check_draft) -> the draft form's field.
MAIN_FIELDS = {"exporter_id": "exporter", "importer_id": "importer", "destination": "destination",
               "parcels": "parcels", "validity_days": "validity_days", "provenance": "provenance"}


def _number_or_text(value: str) -> Decimal | str:
    """A decimal when the text is one; otherwise the text, so that the rules name the problem."""
    text = (value or "").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    return number if number.is_finite() else text


def _int_or_none(value: object) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


class DescribedFieldsMixin:
    """Every input points at its help text and at its error slot, which inline validation fills later."""

    def describe_fields(self) -> None:
        for name, field in self.fields.items():
            if field.widget.is_hidden:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_helptext"] if field.help_text else []
            field.widget.attrs["aria-describedby"] = " ".join([*ids, f"{bound.auto_id}_error"])


def exporters_of(participant: Participant, on: dt.date):
    return company_list(participant=participant, on=on).filter(exporter=True)


def importer_choices(destination: str | None, on: dt.date) -> list[tuple[str, str]]:
    """The licensed importers of the destination participant on ``on``, as select choices."""
    if not destination:
        return [("", _("Choose the destination first"))]
    companies = Company.objects.filter(participant__code=destination.upper(), importer=True,
                                       licensed_from__lte=on).exclude(licensed_until__lt=on).order_by("name")
    choices = [(str(c.pk), f"{c.name} ({c.licence_number})") for c in companies]
    if not choices:
        return [("", _("No company is licensed to import there"))]
    return [("", _("Choose the importer")), *choices]


class DraftForm(DescribedFieldsMixin, forms.Form):
    exporting = forms.CharField(widget=forms.HiddenInput, required=False)
    exporter = forms.TypedChoiceField(label=_("Exporter"), coerce=int, empty_value=None,
                                      help_text=_("A company your authority licenses to export."))
    destination = forms.ChoiceField(label=_("Importing participant (destination)"))
    importer = forms.TypedChoiceField(label=_("Importer"), coerce=int, empty_value=None,
                                      help_text=_("A company the destination licenses to import."))
    parcels = forms.IntegerField(label=_("Number of parcels"))
    validity_days = forms.IntegerField(label=_("Validity (days)"), initial=MAX_VALIDITY_DAYS,
                                       help_text=_("At most 60 calendar days after the date of issue."))
    mixed = forms.BooleanField(label=_("Mixed origin"), required=False,
                               help_text=_("Tick when the parcel mixes diamonds from several countries."))
    provenance = forms.CharField(label=_("Provenance"), required=False, max_length=2,
                                 widget=forms.TextInput(attrs={"size": 3, "autocomplete": "off"}),
                                 help_text=_("The last participant the diamonds were exported from; "
                                             "leave blank for your own participant."))

    def __init__(self, *args, exporting: Participant, on: dt.date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["exporter"].choices = [("", _("Choose the exporter"))] + [
            (str(c.pk), f"{c.name} ({c.licence_number})") for c in exporters_of(exporting, on)]
        self.fields["destination"].choices = [("", _("Choose the destination"))] + [
            (p.code, f"{p.code} — {p.name}") for p in participants_on(on).exclude(pk=exporting.pk)]
        destination = self.data.get("destination") if self.is_bound else self.initial.get("destination")
        self.fields["importer"].choices = importer_choices(destination, on)
        self.describe_fields()


class LineForm(DescribedFieldsMixin, forms.Form):
    hs_code = forms.CharField(label=_("HS code"), max_length=7,
                              widget=forms.TextInput(attrs={"list": "kp-hs-codes", "size": 8}))
    carats = forms.CharField(label=_("Carats"), max_length=20,
                             widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 12}))
    usd = forms.CharField(label=_("Value (US$)"), max_length=20,
                          widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 14}))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.describe_fields()


class OriginForm(DescribedFieldsMixin, forms.Form):
    country = forms.CharField(label=_("Country of origin"), max_length=2,
                              widget=forms.TextInput(attrs={"size": 3, "autocomplete": "off"}),
                              help_text=_("ISO 3166-1 alpha-2 code, e.g. BW."))
    share = forms.CharField(label=_("Share (%)"), max_length=10, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 7}))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.describe_fields()


class RowFormSet(forms.BaseFormSet):
    """Rows the user may leave blank: blank rows are ignored, and the rules say when too few remain."""

    def __init__(self, *args, rows: int = 1, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.extra = max(rows, len(self.initial or []) + 1)

    def initial_form_count(self) -> int:
        return 0

    def filled(self) -> list[tuple[int, forms.Form]]:
        """The rows with something typed in, with their position in the formset."""
        return [(i, f) for i, f in enumerate(self.forms) if f.has_changed()]


LineFormSet = forms.formset_factory(LineForm, formset=RowFormSet, extra=0, max_num=50, absolute_max=50)
OriginFormSet = forms.formset_factory(OriginForm, formset=RowFormSet, extra=0, max_num=100, absolute_max=100)


def _raw(form: forms.Form, name: str) -> str:
    return (form.data.get(form.add_prefix(name)) or "").strip()


def _drop_required_errors(form: forms.Form) -> None:
    """While the user is still typing, a blank field is not a problem yet."""
    for name in list(form.errors):
        kept = [e for e in form.errors[name].as_data() if e.code != "required"]
        if kept:
            form.errors[name].data[:] = kept
        else:
            del form.errors[name]


class DraftForms:
    """The draft form with its two formsets (lines, origins), and the problems of whole groups."""

    def __init__(self, *, exporting: Participant, on: dt.date, data=None, initial: DraftInput | None = None) -> None:
        self.exporting, self.on = exporting, on
        main_initial = {"exporting": exporting.code}
        lines_initial = origins_initial = None
        if initial is not None:
            main_initial.update(exporter=str(initial.exporter_id), destination=initial.destination,
                                importer=str(initial.importer_id), parcels=initial.parcels,
                                validity_days=initial.validity_days, mixed=initial.mixed,
                                provenance=initial.provenance)
            lines_initial = [{"hs_code": x.hs_code, "carats": x.carats, "usd": x.usd} for x in initial.lines]
            origins_initial = [{"country": o.country, "share": "" if o.share is None else o.share}
                               for o in initial.origins]
        self.form = DraftForm(data, exporting=exporting, on=on, initial=main_initial)
        self.lines = LineFormSet(data, prefix="lines", initial=lines_initial, rows=3)
        self.origins = OriginFormSet(data, prefix="origins", initial=origins_initial, rows=2)
        self.group_errors: dict[str, list[str]] = {"lines": [], "origins": []}

    def parses(self) -> bool:
        """Django's part: every typed value has the right shape (numbers, known choices)."""
        return all([self.form.is_valid(), self.lines.is_valid(), self.origins.is_valid()])

    def draft_input(self) -> DraftInput:
        """What the user typed, as the rules' input. Values that do not parse are passed on as text so that
        the rules can name the problem."""
        f = self.form
        lines = [LineInput(_raw(row, "hs_code"), _number_or_text(_raw(row, "carats")),
                           _number_or_text(_raw(row, "usd"))) for _i, row in self.lines.filled()]
        origins = [OriginInput(_raw(row, "country").upper(),
                               _number_or_text(_raw(row, "share")) if _raw(row, "share") else None)
                   for _i, row in self.origins.filled()]
        return DraftInput(
            destination=_raw(f, "destination"), exporter_id=_int_or_none(_raw(f, "exporter")) or 0,
            importer_id=_int_or_none(_raw(f, "importer")) or 0, parcels=_int_or_none(_raw(f, "parcels")),
            lines=lines, origins=origins,
            mixed=f.fields["mixed"].widget.value_from_datadict(f.data, f.files, f.add_prefix("mixed")),
            validity_days=_int_or_none(_raw(f, "validity_days")), provenance=_raw(f, "provenance").upper())

    def judge(self, *, partial: bool = False) -> bool:
        """Parse, then run every rule without saving; put each problem next to its field. ``partial`` (inline
        validation while typing) leaves blank fields alone. True when nothing is wrong."""
        self.parses()
        if partial:
            for form in [self.form, *self.lines.forms, *self.origins.forms]:
                _drop_required_errors(form)
        problems, _resolved = check_draft(self.exporting, self.draft_input(), on=self.on)
        self.add_problems([p.as_dict() for p in problems], partial=partial)
        return not self.has_errors()

    def has_errors(self) -> bool:
        return bool(self.form.errors or any(f.errors for f in self.lines.forms)
                    or any(f.errors for f in self.origins.forms) or any(self.group_errors.values()))

    def add_problems(self, details: list[dict], *, partial: bool = False) -> None:
        """Map the rules' problems (``{"code", "message", "field"}``) onto the fields they name."""
        rows = {"lines": self.lines.filled(), "origins": self.origins.filled()}
        for problem in details:
            path = (problem.get("field") or "").split(".")
            message = problem["message"]
            if path[0] in rows and len(path) == 1:
                if not partial or rows[path[0]]:
                    self.group_errors[path[0]].append(message)
                continue
            if path[0] in rows:
                index = _int_or_none(path[1])
                if index is None or index >= len(rows[path[0]]):
                    self.group_errors[path[0]].append(message)
                    continue
                form, name = rows[path[0]][index][1], (path[2] if len(path) > 2 else None)
            elif path[0] in MAIN_FIELDS:
                form, name = self.form, MAIN_FIELDS[path[0]]
            else:
                form, name = self.form, None
            self._add(form, name, message, partial=partial)

    @staticmethod
    def _add(form: forms.Form, name: str | None, message: str, *, partial: bool) -> None:
        if name is not None and name not in form.fields:
            name = None
        if name is not None and (form.errors.get(name) or (partial and not _raw(form, name))):
            return  # the value did not parse (that error says more), or the user has not got there yet
        if message not in form.errors.get(name or NON_FIELD_ERRORS, []):
            form.add_error(name, message)

    def error_slots(self) -> list[tuple[str, list[str]]]:
        """Every error slot of the page (``id``, messages), for the inline validation to refresh them all."""
        slots = [("draft_error", list(self.form.non_field_errors()))]
        for form in [self.form, *self.lines.forms, *self.origins.forms]:
            if form is not self.form:
                slots.append((f"{form.prefix}_error", list(form.non_field_errors())))
            slots += [(f"{form[name].auto_id}_error", list(form[name].errors)) for name in form.fields
                      if not form.fields[name].widget.is_hidden]
        slots += [(f"{group}_error", [*getattr(self, group).non_form_errors(), *errors])
                  for group, errors in self.group_errors.items()]
        return slots

    def error_count(self) -> int:
        return sum(len(messages) for _slot, messages in self.error_slots())


# A date picker takes ISO dates whatever the page's language (the French format would leave it blank).
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ConfirmForm(forms.Form):
    date_received = forms.DateField(label=_("Date received"), widget=DATE_INPUT)
    parcels = forms.IntegerField(label=_("Parcels received"))
    carats = forms.DecimalField(label=_("Carats received"), max_digits=14, decimal_places=2)
    usd = forms.DecimalField(label=_("Value received (US$)"), max_digits=16, decimal_places=2)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def add_problems(self, details: list[dict]) -> None:
        for problem in details:
            name = problem.get("field") or None
            self.add_error(name if name in self.fields else None, problem["message"])


class VoidForm(forms.Form):
    # Not required here: the service says why a reason is needed, in the user's language.
    reason = forms.CharField(label=_("Reason for voiding"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2, "required": True}))


class CertificateFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[
        ("", _("Any status")), *Status.choices, ("overdue", _("Overdue (import not confirmed)"))])
    participant = forms.ChoiceField(label=_("Participant"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participant"].choices = [("", _("Any participant"))] + [
            (p.code, f"{p.code} — {p.name}") for p in Participant.objects.order_by("code")]
        # "from" and "to" are the query parameters' names (as in the API); "from" is a Python keyword.
        self.fields["from"] = forms.DateField(label=_("Issued from"), required=False, widget=DATE_INPUT)
        self.fields["to"] = forms.DateField(label=_("Issued until"), required=False, widget=DATE_INPUT)


class VerifyForm(forms.Form):
    number = forms.CharField(label=_("Certificate number"), max_length=40,
                             widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
                             help_text=_("As printed on the certificate, e.g. BW2004000123."))
