"""The stored certificate as the signed payload (see docs/certificate-format.md)."""

from __future__ import annotations

from kpcs import signing
from kpcs.certificates.models import Certificate


def payload_for(c: Certificate) -> signing.CertificatePayload:
    return signing.CertificatePayload(
        number=c.number, issue_date=c.issue_date, expiry_date=c.expiry_date,
        exporting_participant=c.exporting_participant.code, destination_participant=c.importing_participant.code,
        authority=c.issuing_authority.name,
        exporter=signing.Party(name=c.exporter.name, country=c.exporter.participant.code),
        importer=signing.Party(name=c.importer.name, country=c.importer.participant.code),
        origins=tuple(signing.Origin(country=o.country, share=o.share) for o in c.origins.all()),
        mixed=c.mixed_origin, parcels=c.parcels,
        lines=tuple(signing.Line(hs_code=x.hs_code, carats=x.carats, value_usd=x.usd) for x in c.lines.all()),
    )
