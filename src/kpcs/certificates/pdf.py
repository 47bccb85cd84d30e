"""The printable certificate: every Annex I field in English and in the officer's language, the QR code,
and the number repeated for the container. DejaVu fonts render Cyrillic."""

from __future__ import annotations

import io
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from fpdf import FPDF

from kpcs import signing
from kpcs.certificates.models import Certificate
from kpcs.errors import DomainError

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]

LABELS = {
    "title": gettext_lazy("Kimberley Process Certificate"),
    "statement": gettext_lazy("The rough diamonds in this shipment have been handled in accordance with the "
                              "provisions of the Kimberley Process Certification Scheme for rough diamonds."),
    "number": gettext_lazy("Certificate number"),
    "authority": gettext_lazy("Issuing authority"),
    "exporting": gettext_lazy("Exporting participant"),
    "importing": gettext_lazy("Importing participant (destination)"),
    "exporter": gettext_lazy("Exporter"),
    "importer": gettext_lazy("Importer"),
    "issue": gettext_lazy("Date of issue"),
    "expiry": gettext_lazy("Date of expiry"),
    "parcels": gettext_lazy("Number of parcels"),
    "hs": gettext_lazy("HS code"),
    "carats": gettext_lazy("Carats"),
    "usd": gettext_lazy("Value (US$)"),
    "total": gettext_lazy("Total"),
    "origin": gettext_lazy("Country of origin"),
    "mixed": gettext_lazy("Mixed origin"),
    "provenance": gettext_lazy("Provenance"),
    "validation": gettext_lazy("Validated by the exporting authority"),
    "key": gettext_lazy("Signing key"),
    "scan": gettext_lazy("Scan the QR code to verify this certificate offline against the published trust list."),
    "container": gettext_lazy("Certificate number for the container"),
    "status": gettext_lazy("Status"),
}


def _font(name: str) -> Path:
    for d in FONT_DIRS:
        if (d / name).exists():
            return d / name
    raise DomainError(_("The PDF fonts (DejaVu) are not installed on this server."), code="pdf_fonts_missing",
                      status=503)


def _labels(language: str) -> dict[str, str]:
    with translation.override(language):
        return {k: str(v) for k, v in LABELS.items()}


def certificate_pdf(c: Certificate, *, language: str = "en") -> bytes:
    en = _labels("en")
    local = _labels(language) if language[:2] != "en" else None

    def label(key: str) -> str:
        return en[key] if local is None or local[key] == en[key] else f"{en[key]} / {local[key]}"

    pdf = FPDF(format="A4")
    pdf.set_title(f"{en['title']} {c.number or ''}")
    pdf.add_font("DejaVu", "", str(_font("DejaVuSans.ttf")))
    pdf.add_font("DejaVu", "B", str(_font("DejaVuSans-Bold.ttf")))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.cell(0, 9, en["title"], new_x="LMARGIN", new_y="NEXT")
    if local:
        pdf.set_font("DejaVu", "", 12)
        pdf.cell(0, 7, local["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(120, 4, en["statement"] + ("\n" + local["statement"] if local else ""),
                   new_x="LMARGIN", new_y="NEXT")
    if c.qr_text:
        pdf.image(io.BytesIO(signing.qr_png(c.qr_text, scale=3, border=2)), x=140, y=10, w=60)
    pdf.ln(4)

    def row(key: str, value: str) -> None:
        pdf.set_font("DejaVu", "B", 8)
        pdf.multi_cell(75, 5, label(key), new_x="RIGHT", new_y="TOP", max_line_height=4)
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(0, 5, value or "—", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    pdf.set_y(max(pdf.get_y(), 75))
    row("number", c.number or _("(draft: no number yet)"))
    row("status", c.get_status_display())
    row("authority", c.issuing_authority.name)
    row("exporting", f"{c.exporting_participant.code} — {c.exporting_participant.name_in(language)}")
    row("importing", f"{c.importing_participant.code} — {c.importing_participant.name_in(language)}")
    row("exporter", f"{c.exporter.name} ({c.exporter.participant.code}, {c.exporter.licence_number})")
    row("importer", f"{c.importer.name} ({c.importer.participant.code}, {c.importer.licence_number})")
    row("issue", c.issue_date.isoformat() if c.issue_date else "")
    row("expiry", c.expiry_date.isoformat() if c.expiry_date else "")
    row("parcels", str(c.parcels))
    origins = ", ".join(f"{o.country}" + (f" {o.share}%" if o.share is not None else "") for o in c.origins.all())
    row("origin", origins)
    row("mixed", "✔" if c.mixed_origin else "—")
    row("provenance", c.provenance)
    pdf.ln(2)
    pdf.set_font("DejaVu", "B", 8)
    widths = (40, 60, 60)
    for width, key in zip(widths, ("hs", "carats", "usd"), strict=True):
        pdf.multi_cell(width, 5, label(key), border=1, new_x="RIGHT", new_y="TOP", max_line_height=4)
    pdf.ln(10)
    pdf.set_font("DejaVu", "", 10)
    for line in c.lines.all():
        for width, value in zip(widths, (line.hs_code, f"{line.carats:,.2f}", f"{line.usd:,.2f}"), strict=True):
            pdf.cell(width, 6, value, border=1)
        pdf.ln(6)
    pdf.set_font("DejaVu", "B", 10)
    for width, value in zip(widths, (label("total"), f"{c.total_carats:,.2f}", f"{c.total_usd:,.2f}"), strict=True):
        pdf.cell(width, 6, value, border=1)
    pdf.ln(10)
    validator = c.validated_by.get_full_name() or c.validated_by.username if c.validated_by_id else ""
    row("validation", f"{validator} — {c.issue_date.isoformat() if c.issue_date else ''}")
    row("key", c.signing_key.kid if c.signing_key_id else "")
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(0, 4, label("scan"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_font("DejaVu", "B", 8)
    pdf.cell(0, 5, label("container"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 22)
    pdf.cell(0, 14, c.number or "—", border=1, align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
