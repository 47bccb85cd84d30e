"""Certificates as plain dicts for the API (amounts as decimal strings)."""

from __future__ import annotations

from kpcs.certificates.models import Certificate
from kpcs.certificates.selectors import effective_status, is_overdue


def _company(c) -> dict:
    return {"id": c.id, "name": c.name, "country": c.participant.code, "licence_number": c.licence_number}


def certificate_dict(c: Certificate) -> dict:
    confirmation = getattr(c, "confirmation", None) if c.status == "confirmed" else None
    replaced_by = getattr(c, "replaced_by", None) if hasattr(c, "replaced_by") else None
    return {
        "id": c.id, "number": c.number, "status": c.status, "effective_status": effective_status(c),
        "overdue": is_overdue(c), "issue_date": c.issue_date, "expiry_date": c.expiry_date,
        "validity_days": c.validity_days,
        "exporting_participant": c.exporting_participant.code, "importing_participant": c.importing_participant.code,
        "issuing_authority": c.issuing_authority.name,
        "exporter": _company(c.exporter), "importer": _company(c.importer),
        "parcels": c.parcels, "mixed_origin": c.mixed_origin, "provenance": c.provenance,
        "lines": [{"hs_code": x.hs_code, "carats": str(x.carats), "usd": str(x.usd)} for x in c.lines.all()],
        "origin": [{"country": o.country, "share": None if o.share is None else str(o.share)}
                   for o in c.origins.all()],
        "total_carats": str(c.total_carats), "total_usd": str(c.total_usd),
        "qr": c.qr_text or None, "kid": c.signing_key.kid if c.signing_key_id else None,
        "replaces": c.replaces.number if c.replaces_id else None,
        "replaced_by": replaced_by.number if replaced_by is not None else None,
        "void_reason": c.void_reason or None,
        "prepared_by": c.prepared_by.username, "validated_by": c.validated_by.username if c.validated_by_id else None,
        "confirmation": None if confirmation is None else {
            "date_received": confirmation.date_received, "parcels": confirmation.parcels,
            "carats": str(confirmation.carats), "usd": str(confirmation.usd),
            "discrepancies": confirmation.discrepancies, "authority": confirmation.authority.name},
    }
