"""A realistic year of certificates between real trading partners, in every state, generated in bulk.

Producers ship to trading centres; trading centres re-export onward in mixed-origin parcels. Every
certificate is really signed and every state change has its audit row, written with bulk inserts so that
`kpcs demo --certificates 1000000` takes minutes.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from kpcs import signing
from kpcs.audit.models import AuditEvent
from kpcs.certificates.models import (
    Certificate,
    CertificateLine,
    CertificateOrigin,
    ImportConfirmation,
    NumberSequence,
    ReuseAlert,
)
from kpcs.certificates.payload import payload_for
from kpcs.certificates.services.keys import private_key, signing_key_active
from kpcs.participants.models import Authority, Company, Participant

# (exporter, importer, weight, carats per shipment (low, high), US$/ct (low, high), origins or None for own)
FLOWS: list[tuple[str, str, int, tuple[int, int], tuple[int, int], tuple[str, ...] | None]] = [
    ("BW", "EU", 10, (4000, 40000), (80, 250), None), ("BW", "AE", 3, (2000, 20000), (70, 200), None),
    ("BW", "IN", 3, (3000, 30000), (60, 180), None), ("BW", "IL", 2, (1000, 8000), (120, 300), None),
    ("ZA", "EU", 6, (2000, 25000), (100, 300), None), ("ZA", "IN", 2, (2000, 15000), (80, 220), None),
    ("RU", "EU", 6, (5000, 50000), (80, 200), None), ("RU", "AE", 3, (3000, 30000), (70, 180), None),
    ("RU", "IN", 2, (2000, 20000), (60, 160), None), ("AO", "EU", 3, (1000, 12000), (120, 400), None),
    ("AO", "AE", 2, (1000, 10000), (100, 350), None), ("NA", "EU", 2, (500, 5000), (300, 600), None),
    ("CD", "AE", 3, (5000, 60000), (10, 40), None), ("CD", "EU", 2, (5000, 50000), (12, 45), None),
    ("SL", "EU", 1, (200, 3000), (150, 400), None), ("CA", "EU", 2, (2000, 20000), (120, 300), None),
    ("CA", "IN", 1, (2000, 15000), (100, 250), None), ("AU", "IN", 2, (10000, 90000), (15, 60), None),
    ("EU", "IN", 6, (3000, 40000), (60, 250), ("BW", "RU", "ZA", "AO", "CA")),
    ("EU", "IL", 3, (1000, 10000), (100, 300), ("BW", "RU", "ZA")),
    ("EU", "AE", 2, (2000, 20000), (60, 200), ("BW", "RU", "CD")),
    ("AE", "IN", 4, (3000, 40000), (40, 180), ("BW", "RU", "CD", "AO")),
    ("AE", "EU", 3, (2000, 30000), (40, 200), ("BW", "RU", "CD", "AO")),
    ("IL", "US", 1, (200, 3000), (150, 500), ("BW", "ZA", "RU")),
    ("CH", "EU", 1, (500, 5000), (100, 300), ("BW", "RU")),
]
OVERDUE_DAYS = 30
CHUNK = 2000


@dataclass
class _Plan:
    certificate: Certificate
    lines: list[CertificateLine]
    origins: list[CertificateOrigin]
    fate: str  # issued, confirmed, expired, void, replaced, draft
    received: dt.date | None = None


def _companies() -> dict[str, tuple[list[Company], list[Company]]]:
    out: dict[str, tuple[list[Company], list[Company]]] = defaultdict(lambda: ([], []))
    for c in Company.objects.select_related("participant").order_by("id"):
        exporters, importers = out[c.participant.code]
        (exporters.append(c) if c.exporter else None)
        (importers.append(c) if c.importer else None)
    return out


def _fate(rng: random.Random, issue: dt.date, expiry: dt.date, today: dt.date) -> tuple[str, dt.date | None]:
    age = (today - issue).days
    roll = rng.random()
    if roll < 0.01:
        return "void", None
    if roll < 0.015:
        return "replaced", None
    received = issue + dt.timedelta(days=rng.randint(2, 25))
    if age < 3:
        return "issued", None
    if received <= today and roll < (0.96 if age > OVERDUE_DAYS else 0.6):
        return "confirmed", received
    return ("expired", None) if expiry < today else ("issued", None)


def _plans(n: int, rng: random.Random, today: dt.date, users: dict[str, object]) -> Iterator[_Plan]:
    companies = _companies()
    codes = {p.code: p for p in Participant.objects.filter(code__in={f[0] for f in FLOWS} | {f[1] for f in FLOWS})}
    authorities = {a.participant.code: a for a in Authority.objects.select_related("participant").filter(
        exporting=True).order_by("-id")}
    weights = [f[2] for f in FLOWS]
    for _ in range(n):
        xp, dst, _w, (ct_lo, ct_hi), (p_lo, p_hi), mix = rng.choices(FLOWS, weights)[0]
        issue = today - dt.timedelta(days=rng.randint(0, 364))
        validity = rng.choice((30, 45, 60, 60, 60))
        expiry = issue + dt.timedelta(days=validity)
        n_lines = 1 if rng.random() < 0.7 else 2
        lines = []
        for i in range(n_lines):
            carats = Decimal(rng.randint(ct_lo * 100, ct_hi * 100)) / 100
            price = Decimal(rng.randint(p_lo * 100, p_hi * 100)) / 100
            hs = "7102.21" if (i == 1 or (p_hi < 50 and rng.random() < 0.5)) else rng.choice(("7102.31", "7102.10"))
            lines.append(CertificateLine(hs_code=hs, carats=carats, usd=(carats * price).quantize(Decimal("0.01"))))
        if mix:
            chosen = rng.sample(mix, k=min(len(mix), rng.randint(2, 3)))
            first = Decimal(rng.randint(40, 70))
            shares = [first] + [((100 - first) / (len(chosen) - 1)).quantize(Decimal("0.01"))] * (len(chosen) - 1)
            shares[-1] = 100 - sum(shares[:-1])
            origins = [CertificateOrigin(country=c, share=s) for c, s in zip(chosen, shares, strict=True)]
        else:
            origins = [CertificateOrigin(country=xp)]
        exporters = companies[xp][0]
        importers = companies[dst][1]
        fate, received = _fate(rng, issue, expiry, today)
        if fate == "issued" and (today - issue).days < 2 and rng.random() < 0.3:
            fate = "draft"
        c = Certificate(
            status="draft", issuing_authority=authorities[xp], exporting_participant=codes[xp],
            importing_participant=codes[dst], exporter=exporters[rng.randrange(len(exporters))],
            importer=importers[rng.randrange(len(importers))], parcels=rng.randint(1, 12), validity_days=validity,
            mixed_origin=bool(mix), provenance=xp, total_carats=sum(x.carats for x in lines),
            total_usd=sum(x.usd for x in lines), prepared_by=users[f"officer-{xp.lower()}"])
        if fate != "draft":
            c.issue_date, c.expiry_date = issue, expiry
            c.validated_by = users[f"validator-{xp.lower()}"]
        yield _Plan(c, lines, origins, fate, received)


def _demo_users(codes: set[str]) -> dict[str, object]:
    from kpcs.accounts.models import User
    from kpcs.accounts.services import user_create
    from kpcs.demo.registry import demo_password

    users = {u.username: u for u in User.objects.filter(username__regex=r"^(officer|validator)-[a-z]{2}$")}
    for code in sorted(codes):
        for role in ("officer", "validator"):
            name = f"{role}-{code.lower()}"
            if name not in users:
                users[name], _pw = user_create(actor=None, username=name, role=f"authority_{role}", participant=code,
                                               password=demo_password(name), validate=False)
    return users


def generate_certificates(n: int, *, seed: int = 2004, today: dt.date | None = None) -> dict[str, int]:
    """Generate ``n`` signed certificates issued over the year before ``today``. Returns counts by status."""
    today = today or dt.date.today()
    rng = random.Random(seed + Certificate.objects.count())
    users = _demo_users({f[0] for f in FLOWS})
    keys = {}
    counts: dict[str, int] = defaultdict(int)
    plans = _plans(n, rng, today, users)
    while True:
        chunk = [p for _, p in zip(range(CHUNK), plans, strict=False)]
        if not chunk:
            break
        with transaction.atomic():
            _write_chunk(chunk, keys, today, counts)
    return dict(counts)


def _numbers(chunk: list[_Plan]) -> None:
    wanted: dict[tuple[int, int], list[_Plan]] = defaultdict(list)
    for p in chunk:
        if p.fate != "draft":
            wanted[(p.certificate.exporting_participant_id, p.certificate.issue_date.year)].append(p)
    for (participant_id, year), plans in wanted.items():
        seq, _ = NumberSequence.objects.select_for_update().get_or_create(participant_id=participant_id, year=year)
        code = plans[0].certificate.exporting_participant.code
        for p in sorted(plans, key=lambda q: q.certificate.issue_date):
            seq.last_value += 1
            p.certificate.number = f"{code}{year}{seq.last_value:06d}"
        seq.save(update_fields=["last_value"])


def _write_chunk(chunk: list[_Plan], keys: dict, today: dt.date, counts: dict[str, int]) -> None:
    _numbers(chunk)
    for p in chunk:
        c = p.certificate
        if p.fate == "draft":
            continue
        authority = c.issuing_authority
        if authority.pk not in keys:
            key = signing_key_active(authority=authority, on=today - dt.timedelta(days=400))
            keys[authority.pk] = (key, private_key(key))
        c.signing_key, signer = keys[authority.pk]
        c.cose = signing.sign_certificate(payload_for(c, lines=p.lines, origins=p.origins), signer)
        c.qr_text = signing.qr_text_from_cose(c.cose)
        c.status = {"replaced": "issued"}.get(p.fate, p.fate)
    Certificate.objects.bulk_create([p.certificate for p in chunk])
    for p in chunk:
        for x in (*p.lines, *p.origins):
            x.certificate = p.certificate
    CertificateLine.objects.bulk_create([x for p in chunk for x in p.lines])
    CertificateOrigin.objects.bulk_create([x for p in chunk for x in p.origins])
    audits: list[AuditEvent] = []
    confirmations: list[ImportConfirmation] = []
    importing = {a.participant_id: a for a in Authority.objects.filter(importing=True).order_by("-id")}
    for p in chunk:
        c = p.certificate
        counts[p.fate] += 1
        steps = [(None, "draft", c.prepared_by)]
        if p.fate != "draft":
            steps.append(("draft", "issued", c.validated_by))
        if p.fate == "confirmed":
            total_ct = c.total_carats - (Decimal("0.50") if c.pk % 53 == 0 else 0)
            confirmations.append(ImportConfirmation(
                certificate=c, authority=importing[c.importing_participant_id], confirmed_by=c.prepared_by,
                date_received=p.received, parcels=c.parcels, carats=total_ct, usd=c.total_usd,
                discrepancies=[] if total_ct == c.total_carats else [
                    {"field": "carats", "certificate": str(c.total_carats), "received": str(total_ct)}]))
            steps.append(("issued", "confirmed", c.prepared_by))
        elif p.fate in {"expired", "void"}:
            steps.append(("issued", p.fate, None if p.fate == "expired" else c.validated_by))
        audits += [AuditEvent(
            at=_moment(c, after, p), actor=user, actor_label=getattr(user, "username", "system"),
            action="create" if before is None else "transition", object_type="certificates.certificate",
            object_id=str(c.pk), object_label=c.number or f"draft #{c.pk}", changes={"status": [before, after]},
            note="demo world") for before, after, user in steps]
        if p.fate == "void":
            Certificate.objects.filter(pk=c.pk).update(void_reason="Demo: issued with the wrong importer")
    ImportConfirmation.objects.bulk_create(confirmations)
    AuditEvent.objects.bulk_create(audits)
    _replace(chunk, keys, today, counts)


def _moment(c: Certificate, status: str, p: _Plan) -> dt.datetime:
    day = {"draft": c.issue_date or dt.date.today(), "issued": c.issue_date, "confirmed": p.received,
           "expired": c.expiry_date and c.expiry_date + dt.timedelta(days=1),
           "void": c.issue_date and c.issue_date + dt.timedelta(days=2)}.get(status) or dt.date.today()
    hour = 8 if status == "draft" else 11
    return dt.datetime.combine(day, dt.time(hour, c.pk % 60), tzinfo=dt.UTC)


def _replace(chunk: list[_Plan], keys: dict, today: dt.date, counts: dict[str, int]) -> None:
    """Certificates planned as replaced get a replacement issued a few days later, linked both ways."""
    from kpcs.accounts.actor import actor_for
    from kpcs.certificates.services.lifecycle import certificate_replace, certificate_validate

    for p in chunk:
        if p.fate != "replaced":
            continue
        old = p.certificate
        officer = actor_for(old.prepared_by)
        validator = actor_for(old.validated_by)
        draft = certificate_replace(actor=officer, number=old.number, today=old.issue_date)
        certificate_validate(actor=validator, certificate_id=draft.pk, today=min(today, old.issue_date
                                                                                 + dt.timedelta(days=3)))
        counts["issued"] += 1


def reuse_alert_demo() -> None:
    """One reuse alert: a confirmed certificate presented a second time."""
    c = Certificate.objects.filter(status="confirmed").order_by("id").first()
    if c is not None and not ReuseAlert.objects.exists():
        ReuseAlert.objects.create(certificate=c, raised_by=c.prepared_by, details={
            "presented_on": (c.confirmation.date_received + dt.timedelta(days=9)).isoformat(),
            "note": "demo: the same certificate was presented again with a second shipment"})


