"""The Chair's annual report put into words in one language: a title and sections of paragraphs and tables,
which the Markdown, HTML and PDF renderers lay out the same way."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kpcs.governance.report.data import Figure, ReportData
from kpcs.governance.selectors.decisions import text_in
from kpcs.participants.models import StatusEvent


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class ReportText:
    language: str
    title: str
    subtitle: str
    sections: list[Section]


def _n(value: Decimal | int | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _name(participant, language: str) -> str:
    return participant.name_in(language) if participant is not None else "—"


def _figure_row(label: str, figure: Figure | None) -> list[str]:
    if figure is None:
        return [label, "—", "—", "—"]
    return [label, _n(figure.carats, 2), _n(figure.usd, 2),
            _n(figure.certificates) if figure.certificates is not None else "—"]


def _chairs(data: ReportData, lang: str) -> Section:
    s = Section(_("Chair and Vice-Chair"))
    s.paragraphs.append(_("In %(year)s the Kimberley Process was chaired by %(chair)s, with %(vice)s as Vice-Chair.")
                        % {"year": data.year, "chair": _name(data.chairs.chair, lang),
                           "vice": _name(data.chairs.vice_chair, lang)})
    if data.next_chairs.chair is not None:
        s.paragraphs.append(_("%(name)s becomes Chair on 1 January %(year)s.")
                            % {"name": _name(data.next_chairs.chair, lang), "year": data.year + 1})
    return s


def _participants(data: ReportData, lang: str) -> Section:
    s = Section(_("Participants"))
    s.paragraphs.append(_("%(start)s participants implemented the scheme on 1 January %(year)s and %(end)s on "
                          "%(date)s.") % {"start": data.participants_start, "end": data.participants_end,
                                          "year": data.year, "date": data.as_of.isoformat()})
    if data.status_changes:
        s.header = [_("Date"), _("Participant"), _("Change")]
        s.rows = [[e.date.isoformat(), _name(e.participant, lang), str(StatusEvent.Kind(e.kind).label)]
                  for e in data.status_changes]
    else:
        s.paragraphs.append(_("The list of participants did not change during the year."))
    return s


def _trade(data: ReportData) -> Section:
    s = Section(_("Production, trade and certificates"))
    if data.production is None and data.exports is None:
        s.paragraphs.append(_("Production and trade figures are not available from the statistics of the platform "
                              "for this year."))
    s.header = [_("Measure"), _("Carats"), _("US$"), _("Certificates")]
    if data.production is not None or data.exports is not None:
        s.rows += [_figure_row(_("Production"), data.production), _figure_row(_("Exports"), data.exports),
                   _figure_row(_("Imports"), data.imports)]
    s.rows.append(_figure_row(_("Certificates issued on the platform"), data.certificates_issued))
    return s


def _review(data: ReportData, lang: str) -> Section:
    p = data.review
    s = Section(_("Peer review"))
    s.paragraphs.append(ngettext(
        "%(visited)s participant received a review visit in %(year)s and %(planned)s more are planned before the "
        "end of the year.",
        "%(visited)s participants received a review visit in %(year)s and %(planned)s more are planned before "
        "the end of the year.", p.visited) % {"visited": p.visited, "planned": p.planned, "year": data.year})
    s.paragraphs.append(_("%(invited)s of %(total)s participants have invited a review visit; %(left)s have not "
                          "yet done so.") % {"invited": p.invited, "total": p.participants, "left": p.not_invited})
    if data.visits_done:
        s.paragraphs.append(_("Visits done: %(list)s.") % {
            "list": ", ".join(_name(v.participant, lang) for v in data.visits_done)})
    if data.missions:
        s.paragraphs.append(_("Review missions: %(list)s.") % {
            "list": ", ".join(_name(v.participant, lang) for v in data.missions)})
    s.paragraphs.append(_("Recommendations of review reports still open: %(n)s.") % {"n": data.open_recommendations})
    return s


def _compliance(data: ReportData, lang: str) -> Section:
    s = Section(_("Compliance and participation"))
    s.paragraphs.append(_("Non-compliance cases opened: %(opened)s; closed: %(closed)s; open at the end of the "
                          "period: %(open)s.") % {"opened": len(data.cases_opened), "closed": data.cases_closed,
                                                  "open": data.cases_open_at_end})
    for case in data.suspensions:
        s.paragraphs.append(_("%(name)s was suspended on %(date)s on the advice of the Participation Committee.")
                            % {"name": _name(case.participant, lang), "date": case.action_on.isoformat()})
    s.paragraphs.append(_("Applications received: %(received)s; admitted: %(admitted)s.")
                        % {"received": data.applications_received,
                           "admitted": ", ".join(_name(a.participant, lang) for a in data.applications_admitted)
                           or "0"})
    if data.committee:
        s.paragraphs.append(_("Participation Committee (* chair): %(members)s.") % {
            "members": ", ".join(data.committee)})
        if data.committee_warnings:
            s.paragraphs.append(ngettext(
                "Its composition breaks %(n)s rule of its terms of reference.",
                "Its composition breaks %(n)s rules of its terms of reference.",
                data.committee_warnings) % {"n": data.committee_warnings})
    return s


def _decisions(data: ReportData, lang: str) -> Section:
    s = Section(_("Decisions"))
    if not data.decisions:
        s.paragraphs.append(_("No decision is recorded for this year."))
        return s
    s.header = [_("Number"), _("Title"), _("Agreed"), _("Status (Rule 26)")]
    for decision, state in data.decisions:
        text = text_in(decision, lang)
        s.rows.append([decision.number, text.title if text else "—", decision.agreed_on.isoformat(), state.label])
    if data.deadlines:
        s.paragraphs.append(_("Deadlines set: %(list)s.") % {"list": "; ".join(
            f"{d.title} ({d.due_on.isoformat()})" for d in data.deadlines)})
    return s


def report_text(data: ReportData, *, language: str) -> ReportText:
    with translation.override(language):
        return ReportText(
            language=language,
            title=_("Kimberley Process Certification Scheme: annual report of the Chair, %(year)s")
            % {"year": data.year},
            subtitle=_("Drafted from the platform's data as known on %(date)s.") % {"date": data.as_of.isoformat()},
            sections=[_chairs(data, language), _participants(data, language), _trade(data),
                      _review(data, language), _compliance(data, language), _decisions(data, language)])
