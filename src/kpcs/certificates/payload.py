"""The stored certificate as the signed payload (see docs/certificate-format.md)."""

from __future__ import annotations

from collections.abc import Iterable

from kpcs import signing
from kpcs.certificates.models import Certificate, CertificateLine, CertificateOrigin


def payload_for(c: Certificate, *, lines: Iterable[CertificateLine] | None = None,
                origins: Iterable[CertificateOrigin] | None = None) -> signing.CertificatePayload:
    """The payload of a stored certificate; ``lines`` and ``origins`` may be given for one not yet saved."""
    lines = c.lines.all() if lines is None else lines
    origins = c.origins.all() if origins is None else origins
    return signing.CertificatePayload(
        number=c.number, issue_date=c.issue_date, expiry_date=c.expiry_date,
        exporting_participant=c.exporting_participant.code, destination_participant=c.importing_participant.code,
        authority=c.issuing_authority.name,
        exporter=signing.Party(name=c.exporter.name, country=c.exporter.participant.code),
        importer=signing.Party(name=c.importer.name, country=c.importer.participant.code),
        origins=tuple(signing.Origin(country=o.country, share=o.share) for o in origins),
        mixed=c.mixed_origin, parcels=c.parcels,
        lines=tuple(signing.Line(hs_code=x.hs_code, carats=x.carats, value_usd=x.usd) for x in lines),
    )
