"""The demo world's statistics (``kpcs demo``): four years of illustrative history and the current,
certificate-derived year, with a late submission, missing ones, anomalies with questionnaires, and mirror
gaps, so every statistics screen has something true to show. Idempotent.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from kpcs.accounts.actor import Actor, actor_for
from kpcs.accounts.models import User
from kpcs.errors import Conflict
from kpcs.statistics import demo_history as h
from kpcs.statistics.models import Questionnaire
from kpcs.statistics.models.choices import Source
from kpcs.statistics.selectors.anomalies import certificates_since
from kpcs.statistics.selectors.registry import membership_intervals, participants_during
from kpcs.statistics.services import questionnaires as daq
from kpcs.statistics.services.derived import derived_rebuild
from kpcs.statistics.services.from_certificates import derived_entries
from kpcs.statistics.services.importing import Entry, store_entries
from kpcs.statistics.services.referrals import timeliness_refer
from kpcs.statmath.periods import Period, due_date, periods_of_year

HISTORY = (2003, 2004, 2005, 2006)
NOTE = "Demo data: illustrative figures, not Kimberley Process statistics."
RUSSIA_RECEIVED = dt.date(2004, 12, 20)  # promised before 31 December 2004 (Gatineau communiqué)
MISSING = {("CG", 2004), ("VE", 2006)}  # removed in July 2004; did not report (as Venezuela for 2006)
LATE_DAYS = {("CF", "2005-Q3"): 25, ("GN", "2006-H1"): 40}


def _actor(username: str) -> Actor | None:
    user = User.objects.filter(username=username).first()
    return actor_for(user) if user else None


def _scaled(e: Entry, factor: float, usd_only: bool = False) -> Entry:
    f = Decimal(str(factor))
    carats = e.carats if usd_only else (e.carats * f).quantize(h.CENT)
    return replace(e, carats=carats, usd=(e.usd * f).quantize(h.CENT))


def _anomalies(e: Entry) -> Entry:
    """The planted problems: a transit gap, a valuation gap, swings (each rule applies in turn)."""
    period, me, partner = str(e.period), e.participant, e.partner
    if e.flow == "production" and me == "RU" and period == "2005-H2":
        e = _scaled(e, 1.8)  # a new pipe in full production: a swing
    if e.flow == "import" and me == "AE" and partner == "CD" and period == "2005-Q2":
        e = _scaled(e, 2.2)  # goods from elsewhere recorded with CD as provenance: transit
    if e.flow == "import" and me == "IN" and partner == "BW" and e.period.year == 2006:
        e = _scaled(e, 1.08, usd_only=True)  # CIF with insurance and freight: valuation basis
    cd_exports = (e.flow == "export" and me == "CD") or (e.flow == "import" and partner == "CD")
    if cd_exports and period in ("2006-Q3", "2006-Q4"):
        e = _scaled(e, 0.45)  # CD exports fall by half and stay there: a swing
    bw_exports = (e.flow == "export" and me == "BW") or (e.flow == "import" and partner == "BW")
    if bw_exports and period == "2006-Q4":
        e = _scaled(e, 1.6)  # BW exports jump: a swing
    return e


def _timing(entries: list[Entry]) -> list[Entry]:
    """30 % of RU's 2005-Q4 shipments to the EU are recorded by the EU in 2006-Q1."""
    moved: dict[tuple, tuple[Decimal, Decimal]] = {}
    out = []
    for e in entries:
        if e.flow == "import" and e.participant == "EU" and e.partner == "RU" and str(e.period) == "2005-Q4":
            ct, usd = (e.carats * Decimal("0.3")).quantize(h.CENT), (e.usd * Decimal("0.3")).quantize(h.CENT)
            moved[(e.hs_code, e.origin)] = (ct, usd)
            e = replace(e, carats=e.carats - ct, usd=e.usd - usd)
        out.append(e)
    return [replace(e, carats=e.carats + moved[(e.hs_code, e.origin)][0], usd=e.usd + moved[(e.hs_code, e.origin)][1])
            if e.flow == "import" and e.participant == "EU" and e.partner == "RU" and str(e.period) == "2006-Q1"
            and (e.hs_code, e.origin) in moved else e for e in out]


def _history_entries(memberships: dict) -> list[tuple[dt.date, Entry]]:
    members_2003 = set(participants_during(Period(2003, "year"), memberships))
    world_2003 = sum(t.usd for t in h.annual_trade(2003, members_2003))
    certificate_value = world_2003 / h.WORLD_CERTIFICATES_2003
    dated: list[tuple[dt.date, Entry]] = []
    for year in HISTORY:
        rng = random.Random(year)
        members = set(participants_during(Period(year, "year"), memberships))
        quarter_members = {} if year == 2003 else {  # 2003 is reported for the whole year
            q: set(participants_during(q, memberships)) for q in periods_of_year(year, "quarter")}

        def keep(e: Entry, quarter_members: dict = quarter_members, members: set = members) -> Entry | None:
            members_then = quarter_members.get(e.period, members)
            if e.participant not in members_then or (e.partner and e.partner not in members_then):
                return None
            return _anomalies(e)

        trade = h.trade_entries(year, h.annual_trade(year, members), certificate_value, rng, keep)
        production = [_anomalies(e) for e in h.production_entries(year, members, rng,
                                                                  kind="year" if year == 2003 else "half")]
        if year == 2003:  # a third-quarter report on time, then the whole year in February 2004
            q3 = Period(2003, "quarter", 3)
            q3_trade = [e for e in trade if e.period == q3]
            traders = {e.participant for e in q3_trade}
            q3_trade += [z for code in participants_during(q3, memberships) if code not in traders
                         for z in h.zero_trade(code, q3)]
            dated += [(dt.date(2003, 11, 20), e) for e in q3_trade]
            trade = _annual(trade, Period(2003, "year"))
        entries = _complete(trade + production, year, memberships)
        for e in entries:
            dated.append((_received(e, year), e))
    dated = [(d, e) for d, e in dated if (e.participant, e.period.year) not in MISSING]
    timed = _timing([e for _d, e in dated])
    return [(d, e) for (d, _old), e in zip(dated, timed, strict=True)]


def _annual(entries: list[Entry], year: Period) -> list[Entry]:
    sums: dict[tuple, list] = defaultdict(lambda: [Decimal(0), Decimal(0), None])
    for e in entries:
        s = sums[(e.participant, e.flow, e.partner, e.hs_code, e.origin)]
        s[0] += e.carats
        s[1] += e.usd
        if e.certificates is not None:
            s[2] = (s[2] or 0) + e.certificates
    return [Entry(code, year, flow, ct, usd, n, partner, hs, origin)
            for (code, flow, partner, hs, origin), (ct, usd, n) in sums.items()]


def _complete(entries: list[Entry], year: int, memberships: dict) -> list[Entry]:
    """A report of no trade for every participant and quarter without any."""
    reported = {(e.participant, e.period) for e in entries if e.flow != "production"}
    kinds = ("year",) if year == 2003 else ("quarter",)
    extra = []
    for kind in kinds:
        for period in periods_of_year(year, kind):
            for code in participants_during(period, memberships):
                if (code, period) not in reported:
                    extra += h.zero_trade(code, period)
    return entries + extra


def _received(e: Entry, year: int) -> dt.date:
    if e.participant == "RU" and year == 2004 and ((e.flow == "production" and e.period.index == 1)
                                                   or (e.flow != "production" and e.period.index <= 3)):
        return RUSSIA_RECEIVED
    if year == 2003:
        return dt.date(2004, 2, 20)
    late = LATE_DAYS.get((e.participant, str(e.period)))
    if late:
        return due_date(e.period) + dt.timedelta(days=late)
    return h.received_on(e.participant, e.period)


def _current_entries(memberships: dict, today: dt.date) -> list[tuple[dt.date, Entry]]:
    """Trade derived from the demo certificates for every quarter they fully cover, zero reports for the
    participants without certificates, and production in proportion; some reports not sent yet."""
    since = certificates_since()
    if since is None:
        return []
    first = Period(since.year, "quarter", (since.month - 1) // 3 + 1)
    quarters = [q for q in (first.shifted(i) for i in range(6)) if q.start >= since and q.end < today]
    entries: list[Entry] = []
    for q in quarters:
        derived = derived_entries(period=q, participants=None, today=today)
        if q == quarters[0]:  # ZA reports its own figures: 4 % more value than its certificates show
            derived = [_scaled(e, 1.04, usd_only=True) if e.participant == "ZA" and e.flow == "export" else e
                       for e in derived]
        traders = {e.participant for e in derived}
        entries += derived + [z for code in participants_during(q, memberships) if code not in traders
                              for z in h.zero_trade(code, q)]
    halves = {Period(q.year, "half", 1 if q.index <= 2 else 2) for q in quarters}
    for half in sorted(halves):
        if all(Period(half.year, "quarter", i) in quarters for i in (2 * half.index - 1, 2 * half.index)):
            exports = [e for e in entries if e.flow == "export" and half.contains(e.period)]
            entries += _production_like(half, exports, memberships)
    return [(d, e) for e in entries if e.participant != "VE"
            for d in [h.received_on(e.participant, e.period)] if d < today]


def _production_like(half: Period, exports: list[Entry], memberships: dict) -> list[Entry]:
    totals: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for e in exports:
        totals[e.participant][0] += e.carats
        totals[e.participant][1] += e.usd
    out = []
    for code in participants_during(half, memberships):
        base = h.PRODUCTION_2003.get(code)
        if base is None:
            out.append(Entry(code, half, "production", Decimal(0), Decimal(0)))
            continue
        ct, usd = totals.get(code, [Decimal(0), Decimal(0)])
        if not ct:  # a producer without certificates on the platform: 1/30 of its 2006 half-year
            ct, usd = Decimal(str(base[0] * 1e6 / 60)), Decimal(str(base[1] * 1e6 / 60))
        out.append(Entry(code, half, "production", (ct * Decimal("1.1")).quantize(h.CENT),
                         (usd * Decimal("1.1")).quantize(h.CENT), mining_type="industrial"))
    return out


def _store(dated: list[tuple[dt.date, Entry]], source: str) -> int:
    by_day: dict[dt.date, list[Entry]] = defaultdict(list)
    for day, e in dated:
        by_day[day].append(e)
    changed = 0
    for day in sorted(by_day):
        result = store_entries(actor=None, entries=h.with_rows(by_day[day]), source=source,
                               file_name=f"demo {day.isoformat()}", received_on=day, note=NOTE)
        changed += result.changed
    return changed


def _questionnaires(today: dt.date) -> int:
    wgs, ru = _actor("wgs"), _actor("stats-ru")
    plans = [
        ("RU", "2005-H2", "production", dt.date(2006, 3, 10), (ru, dt.date(2006, 4, 2), (
            "A new pipe came into full production in the second half of 2005 and alluvial output rose after the "
            "rainy season. The figures are correct."), dt.date(2006, 4, 20))),
        ("CD", "2006-Q3", "export", dt.date(2006, 11, 20), None),
        ("BW", "2006-Q4", "export", today - dt.timedelta(days=3), None),
    ]
    made = 0
    for code, period, flow, sent, answer in plans:
        if Questionnaire.objects.filter(participant__code=code, period=period, flow=flow).exists():
            continue
        q = daq.questionnaire_draft(actor=wgs, participant=code, period=period, flow=flow)
        daq.questionnaire_send(actor=wgs, questionnaire_id=q.pk, today=sent)
        if answer:
            who, day, text, closed = answer
            daq.questionnaire_answer(actor=who, questionnaire_id=q.pk, answer=text, today=day)
            daq.questionnaire_close(actor=wgs, questionnaire_id=q.pk, today=closed, outcome=(
                "Explained by new production; no revision needed."))
        made += 1
    for code, period, group in (("RU", "2004-H1", "production"), ("VE", "2006-Q1", "trade")):
        with contextlib.suppress(Conflict):
            timeliness_refer(actor=wgs, participant=code, period=period, flow_group=group,
                             note="Demo: referred by the Working Group on Statistics.")
    return made


def build_demo(today: dt.date | None = None) -> str:
    """Load the demo statistics (idempotent); returns a one-line summary for ``kpcs demo``."""
    today = today or dt.date.today()
    cells = derived_rebuild()
    memberships = membership_intervals()
    history = _store(_history_entries(memberships), Source.DEMO)
    current = _store(_current_entries(memberships, today), Source.CERTIFICATES)
    questionnaires = _questionnaires(today)
    return (f"{cells} derived cells; {history} historical and {current} certificate-derived report versions "
            f"added; {questionnaires} questionnaires")
