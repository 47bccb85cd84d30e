"""Lay the Chair's report out as Markdown, HTML or PDF (fpdf2 with DejaVu fonts, so Cyrillic renders)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from kpcs.errors import DomainError
from kpcs.governance.report.data import report_data
from kpcs.governance.report.text import ReportText, report_text
from kpcs.governance.status import OFFICIAL_LANGUAGES

FORMATS = ("md", "html", "pdf")
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]


def _markdown(r: ReportText) -> str:
    def cell(value: str) -> str:
        return value.replace("|", "\\|").replace("\n", " ")

    lines = [f"# {r.title}", "", f"_{r.subtitle}_", ""]
    for s in r.sections:
        lines += [f"## {s.title}", ""]
        for p in s.paragraphs:
            lines += [p, ""]
        if s.rows:
            lines.append("| " + " | ".join(cell(h) for h in s.header) + " |")
            lines.append("|" + "---|" * len(s.header))
            lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in s.rows]
            lines.append("")
    return "\n".join(lines)


def _font(name: str) -> str:
    for d in FONT_DIRS:
        if (d / name).exists():
            return str(d / name)
    raise DomainError(_("The PDF fonts (DejaVu) are not installed on this server."), code="pdf_fonts_missing",
                      status=503)


def _pdf(r: ReportText) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(r.title)
    pdf.set_lang(r.language)
    pdf.add_font("DejaVu", "", _font("DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", _font("DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, r.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 5, r.subtitle, new_x="LMARGIN", new_y="NEXT")
    for s in r.sections:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 12)
        pdf.multi_cell(0, 7, s.title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        for p in s.paragraphs:
            pdf.multi_cell(0, 5, p, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        if s.rows:
            pdf.set_font("DejaVu", "", 8)
            with pdf.table(first_row_as_headings=True, line_height=4.5, text_align="LEFT") as table:
                for row in [s.header, *s.rows]:
                    line = table.row()
                    for value in row:
                        line.cell(value)
    return bytes(pdf.output())


def chair_report(*, year: int, language: str = "en", fmt: str = "md", today: dt.date | None = None) -> str | bytes:
    """The Chair's report for ``year`` in ``language`` (en, fr, pt, es, ru), as Markdown, HTML or PDF bytes."""
    if language not in OFFICIAL_LANGUAGES:
        raise DomainError(_("%(language)s is not an official language of the Kimberley Process (en, fr, pt, es, ru).")
                          % {"language": language}, code="not_official_language")
    if fmt not in FORMATS:
        raise DomainError(_("The report is available as md, html or pdf."), code="bad_format")
    if not 2003 <= year <= (today or dt.date.today()).year:
        raise DomainError(_("There is no report for %(year)s: the scheme started in 2003.") % {"year": year},
                          code="bad_year")
    text = report_text(report_data(year, today=today), language=language)
    if fmt == "md":
        return _markdown(text)
    if fmt == "html":
        with translation.override(language):
            return render_to_string("governance/report.html", {"report": text})
    return _pdf(text)
