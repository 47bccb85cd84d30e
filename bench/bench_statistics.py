"""Statistics at scale: rebuilding the certificate-derived trade table (against a plain pandas group-by over
the same rows, in the same run), the incremental refresh of one certificate, the annual summary of one
year, and importing a 100,000-row CSV, at two data sizes to show how each cost grows.

Run: .venv/bin/python bench/bench_statistics.py [--certificates 200000] [--full] [--backend sqlite|postgres]
  default: 100,000 then 200,000 certificates (about 2 lines each, 50,000 a year), a few minutes on 2 cores;
  --full: 600,000 then 1,200,000 certificates over 20 years (the issue's scale: 60,000 a year).
The database is the bench's own: a temporary SQLite file (default) or, with --backend postgres, the database
kpcs_bench_stats_<pid> created on postgres://postgres@127.0.0.1:5432 (--pg-server) and dropped at the end.
Certificates are written with bulk inserts (not through the certificate services: their signing is
measured by bench_issue.py), then ANALYZE runs (untimed); a small share is left issued, expired, void or
replaced.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
STATUSES = (("confirmed", 0.92), ("expired", 0.03), ("issued", 0.03), ("void", 0.01), ("replaced", 0.01))
CHUNK = 5000


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def database(backend: str, pg_server: str):
    """A throw-away database for this run; KPCS_DATABASE_URL points at it while the bench runs."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="kpcs-bench-stats-") as tmp:
            os.environ["KPCS_DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
            yield f"SQLite {__import__('sqlite3').sqlite_version} (temporary file)"
        return
    import psycopg

    name = f"kpcs_bench_stats_{os.getpid()}"
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        version = conn.execute("SHOW server_version").fetchone()[0]
    os.environ["KPCS_DATABASE_URL"] = f"{pg_server}/{name}"
    try:
        yield f"PostgreSQL {version} (database {name})"
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpcs.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from kpcs.participants.reference import load_reference

    call_command("migrate", verbosity=0)
    load_reference()


def world() -> dict:
    """An authority and a company for every participant that trades in the demo flows; one user."""
    from kpcs.accounts.models import User
    from kpcs.demo.certificates import FLOWS
    from kpcs.participants.models import Authority, Company, Participant

    codes = sorted({f[0] for f in FLOWS} | {f[1] for f in FLOWS})
    user = User.objects.create(username="bench")
    out = {"user": user, "flows": FLOWS, "p": {}, "auth": {}, "co": {}}
    for p in Participant.objects.filter(code__in=codes):
        auth = Authority.objects.create(participant=p, name=f"{p.code} office")
        out["p"][p.code] = p.pk
        out["auth"][p.code] = auth.pk
        out["co"][p.code] = Company.objects.create(participant=p, registered_by=auth, name=f"{p.code} Rough",
                                                   licence_number=f"{p.code}-1", licensed_from=dt.date(2000, 1, 1)).pk
    return out


def insert_certificates(w: dict, years: list[int], per_year: int, rng: random.Random, start_id: int) -> int:
    """Bulk-insert ``per_year`` certificates for each year, with lines and import confirmations."""
    from django.db import transaction

    from kpcs.certificates.models import Certificate, CertificateLine, ImportConfirmation

    weights = [f[2] for f in w["flows"]]
    statuses, status_weights = zip(*STATUSES, strict=True)
    number = start_id
    for year in years:
        for offset in range(0, per_year, CHUNK):
            certificates, lines, confirmations = [], [], []
            for _ in range(min(CHUNK, per_year - offset)):
                number += 1
                xp, dst, _w, (lo, hi), (p_lo, p_hi), _mix = rng.choices(w["flows"], weights)[0]
                issue = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
                status = rng.choices(statuses, status_weights)[0]
                c = Certificate(id=number, number=f"{xp}{year}{number:08d}", status=status,
                                issuing_authority_id=w["auth"][xp], exporting_participant_id=w["p"][xp],
                                importing_participant_id=w["p"][dst], exporter_id=w["co"][xp], importer_id=w["co"][dst],
                                parcels=1, issue_date=issue, expiry_date=issue + dt.timedelta(days=60), provenance=xp,
                                total_carats=Decimal(0), total_usd=Decimal(0), prepared_by_id=w["user"].pk, cose=b"-")
                for i in range(rng.choice((1, 2, 2, 3))):
                    carats = Decimal(rng.randint(lo * 100, hi * 100)) / 100
                    usd = (carats * rng.randint(p_lo, p_hi)).quantize(Decimal("0.01"))
                    lines.append(CertificateLine(certificate_id=number, carats=carats, usd=usd,
                                                 hs_code=("7102.31", "7102.21", "7102.10")[i]))
                    c.total_carats += carats
                    c.total_usd += usd
                certificates.append(c)
                if status == "confirmed":
                    confirmations.append(ImportConfirmation(
                        certificate_id=number, authority_id=w["auth"][dst], confirmed_by_id=w["user"].pk,
                        date_received=issue + dt.timedelta(days=rng.randint(2, 25)), parcels=1,
                        carats=c.total_carats, usd=c.total_usd))
            with transaction.atomic():
                Certificate.objects.bulk_create(certificates, batch_size=2000)
                CertificateLine.objects.bulk_create(lines, batch_size=2000)
                ImportConfirmation.objects.bulk_create(confirmations, batch_size=2000)
    return number


def pandas_groupby() -> tuple[float, float, int, Decimal]:
    """Read the same rows the rebuild reads and group them with pandas: (read s, group-by s, groups, carats)."""
    import pandas as pd
    from django.db import connection

    from kpcs.certificates.models import Certificate, CertificateLine, ImportConfirmation

    sql = (f"SELECT c.exporting_participant_id, c.importing_participant_id, c.status, c.issue_date, "
           f"ic.date_received, l.hs_code, l.carats, l.usd FROM {CertificateLine._meta.db_table} l "
           f"JOIN {Certificate._meta.db_table} c ON c.id = l.certificate_id "
           f"LEFT JOIN {ImportConfirmation._meta.db_table} ic ON ic.certificate_id = c.id")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(sql)
        frame = pd.DataFrame(cursor.fetchall(), columns=["exporter", "importer", "status", "issued", "received",
                                                         "hs", "carats", "usd"])
    read = time.perf_counter() - started
    started = time.perf_counter()
    frame["carats"] = frame["carats"].astype(float)
    frame["usd"] = frame["usd"].astype(float)
    issued = pd.to_datetime(frame["issued"])
    received = pd.to_datetime(frame["received"])
    exports = frame[frame["status"].isin(["issued", "confirmed", "expired"])]
    ex = exports.groupby([exports["exporter"], exports["importer"], issued[exports.index].dt.year,
                          issued[exports.index].dt.quarter, exports["hs"]])[["carats", "usd"]].sum()
    imports = frame[(frame["status"] == "confirmed") & received.notna()]
    im = imports.groupby([imports["importer"], imports["exporter"], received[imports.index].dt.year,
                          received[imports.index].dt.quarter, imports["hs"]])[["carats", "usd"]].sum()
    grouped = time.perf_counter() - started
    return read, grouped, len(ex) + len(im), Decimal(str(round(ex["carats"].sum(), 2)))


def csv_rows(n: int, year_span: tuple[int, int], change: Decimal = Decimal(0)) -> bytes:
    """``n`` distinct, valid rows: exports and imports by quarter, partner and HS code."""
    from kpcs.statistics.selectors.registry import membership_intervals

    first, last = year_span
    members = sorted(code for code, spans in membership_intervals().items()
                     if any(a <= dt.date(first, 1, 1) and (b is None or b >= dt.date(last, 12, 31)) for a, b in spans))
    reporters, rows = members[:25], ["participant,period,flow,carats,usd,certificates,partner,hs_code,origin"]
    partners = min(18, len(members) - 1)
    for year in range(first, last + 1):
        for quarter in range(1, 5):
            for i, code in enumerate(reporters):
                for k in range(1, partners + 1):
                    partner = members[(i + k) % len(members)]
                    for flow in ("export", "import"):
                        for hs in ("7102.10", "7102.21", "7102.31"):
                            carats = Decimal(1000 + (year * 7 + quarter * 13 + i * 17 + k) % 9000) + change
                            origin = code if flow == "export" else partner
                            rows.append(f"{code},{year}-Q{quarter},{flow},{carats},{carats * 85},3,{partner},{hs},"
                                        f"{'MIXED' if origin == 'EU' else origin}")
                            if len(rows) > n:
                                return ("\n".join(rows) + "\n").encode()
    raise SystemExit(f"only {len(rows) - 1} rows fit in {first}-{last}")


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def measure_size(w: dict, years: list[int], per_year: int, rng: random.Random, start_id: int, step: int,
                 csv_span: tuple[int, int], csv_n: int) -> tuple[dict, int]:
    from django.db.models import Count
    from django.test import Client

    from kpcs.certificates.models import Certificate, CertificateLine
    from kpcs.statistics.models import DerivedTrade
    from kpcs.statistics.selectors.summary import statistics_summary
    from kpcs.statistics.services.derived import derived_rebuild, statistics_refresh_certificate
    from kpcs.statistics.services.from_certificates import submission_from_certificates
    from kpcs.statistics.services.importing import submission_import

    out: dict = {}
    out["insert_s"], last_id = timed(lambda: insert_certificates(w, years, per_year, rng, start_id))
    out["certificates"] = Certificate.objects.count()
    out["lines"] = CertificateLine.objects.count()
    log(f"  {out['certificates']:,} certificates, {out['lines']:,} lines ({out['insert_s']:.0f} s to insert)")
    from django.db import connection

    with connection.cursor() as cursor:  # fresh planner statistics after the bulk load (autovacuum would do it)
        cursor.execute("ANALYZE")
    out["rebuild_s"], out["cells"] = timed(derived_rebuild)
    read, grouped, groups, pandas_carats = pandas_groupby()
    out.update(pandas_read_s=read, pandas_groupby_s=grouped, pandas_groups=groups)
    derived_carats = DerivedTrade.objects.filter(flow="export").values_list("carats", flat=True)
    out["same_total"] = abs(sum(derived_carats) - pandas_carats) < 1
    # The incremental path: 200 certificates change status; each refresh costs its own lines only.
    sample = list(Certificate.objects.filter(status="issued").values_list("pk", flat=True)[:200])
    Certificate.objects.filter(pk__in=sample).update(status="void")
    refresh_s, _ = timed(lambda: [statistics_refresh_certificate(pk) for pk in sample])
    out["refresh_ms"] = refresh_s / max(1, len(sample)) * 1000
    csv = csv_rows(csv_n, csv_span)
    if step == 0:
        out["import_new_s"], result = timed(lambda: submission_import(actor=None, data=csv, file_name="bench.csv"))
        out["import_changed"] = result.changed
    else:
        out["import_same_s"], result = timed(lambda: submission_import(actor=None, data=csv, file_name="bench.csv"))
        out["import_same_changed"] = result.changed  # 0: idempotent
        revised = csv_rows(csv_n, csv_span, change=Decimal(1))
        out["import_revised_s"], result = timed(lambda: submission_import(actor=None, data=revised, file_name="r.csv"))
        out["import_changed"] = result.changed
    year = years[-1]  # the summary's year: its trade figures submitted as derived from the certificates
    out["derive_s"], derived = timed(lambda: submission_from_certificates(actor=None, period=str(year)))
    out["derived_reports"] = derived.changed
    samples = [timed(lambda: statistics_summary(year=year))[0] for _ in range(7)]
    out["summary_ms"] = statistics.median(samples) * 1000
    csv_year = csv_span[1]  # a year of the imported file: some 10,000 figure rows
    samples = [timed(lambda: statistics_summary(year=csv_year))[0] for _ in range(7)]
    out["summary_csv_year_ms"] = statistics.median(samples) * 1000
    client = Client()
    samples = [timed(lambda: client.get(f"/api/v1/statistics/summary?year={year}"))[0] for _ in range(7)]
    out["summary_api_ms"] = statistics.median(samples) * 1000
    out["figures"] = sum(x["n"] for x in __import__("kpcs.statistics.models", fromlist=["Figure"]).Figure.objects
                         .values("vintage__current").annotate(n=Count("id")))
    return out, last_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--certificates", type=int, default=200_000, help="the larger size (the smaller is half)")
    parser.add_argument("--per-year", type=int, default=50_000)
    parser.add_argument("--full", action="store_true", help="1.2 million certificates over 20 years")
    parser.add_argument("--csv-rows", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-server", default=PG_SERVER)
    args = parser.parse_args()
    if args.full:
        args.certificates, args.per_year = 1_200_000, 60_000
    years_total = max(2, -(-args.certificates // args.per_year))
    last_year = dt.date.today().year - 1
    all_years = list(range(last_year - years_total + 1, last_year + 1))
    halves = [all_years[: len(all_years) // 2], all_years[len(all_years) // 2:]]
    with database(args.backend, args.pg_server) as label:
        setup_django()
        import django
        import pandas

        print(f"python {platform.python_version()}, Django {django.get_version()}, pandas {pandas.__version__}, "
              f"{label}, {os.cpu_count()} CPUs")
        w = world()
        rng = random.Random(2004)
        results, last_id = [], 0
        for step, years in enumerate(halves):
            log(f"size {step + 1}: certificates of {years[0]}-{years[-1]}")
            result, last_id = measure_size(w, years, args.per_year, rng, last_id, step, (2005, 2014), args.csv_rows)
            results.append(result)
        report(results, args.csv_rows)
    return 0


def report(results: list[dict], csv_n: int) -> None:
    small, large = results

    def timing(name: str, key: str, unit: str = "s", digits: int = 2) -> tuple[str, str, str, str]:
        return (name, f"{small[key]:.{digits}f} {unit}", f"{large[key]:.{digits}f} {unit}",
                f"x{large[key] / small[key]:.2f}")

    rows = [
        ("certificates / lines", f"{small['certificates']:,} / {small['lines']:,}",
         f"{large['certificates']:,} / {large['lines']:,}", f"x{large['lines'] / small['lines']:.2f} data"),
        ("derived cells", f"{small['cells']:,}", f"{large['cells']:,}", ""),
        timing("rebuild derived table (SQL group-by + insert)", "rebuild_s"),
        timing("pandas: read the same rows", "pandas_read_s"),
        timing("pandas: group-by only", "pandas_groupby_s"),
        ("same export carats as pandas", str(small["same_total"]), str(large["same_total"]), ""),
        timing("refresh one certificate (incremental)", "refresh_ms", "ms", 1),
        timing("annual summary, a year derived from certificates", "summary_ms", "ms", 1),
        timing("annual summary, a year of ~10,000 imported rows", "summary_csv_year_ms", "ms", 1),
        timing("annual summary, one year (GET API)", "summary_api_ms", "ms", 1),
        ("figure rows stored (all vintages)", f"{small['figures']:,}", f"{large['figures']:,}", ""),
        (f"import {csv_n:,}-row CSV: new / identical again", f"{small['import_new_s']:.1f} s",
         f"{large['import_same_s']:.1f} s", f"{csv_n / small['import_new_s']:,.0f} rows/s new"),
        (f"import {csv_n:,}-row CSV: every report revised", "", f"{large['import_revised_s']:.1f} s",
         f"{large['import_changed']:,} new vintages ({large['import_same_changed']} changed by the identical file)"),
        ("submit one year's derived trade (from certificates)", f"{small['derive_s']:.2f} s",
         f"{large['derive_s']:.2f} s", f"{small['derived_reports']} / {large['derived_reports']} reports"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'size 1':>20}  {'size 2':>20}  growth")
    for name, a, b, g in rows:
        print(f"{name:<{width}}  {a:>20}  {b:>20}  {g}")


if __name__ == "__main__":
    sys.exit(main())
