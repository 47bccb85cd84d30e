"""Issuing throughput: certificate_validate (rules, numbering under a row lock, Ed25519 COSE signing, audit)
beside a bare ORM insert of the same rows, on SQLite and PostgreSQL, with one process and with several.

Run: .venv/bin/python bench/bench_issue.py [--n 400] [--procs 4] [--backends sqlite,postgres] [--service-drafts]
(about 3 minutes on 2 cores with the defaults; larger --n takes more than proportionally longer while issuing
refreshes derived statistics from every certificate of the same quarter).

Each backend and mode (1 process, --procs processes) runs in a fresh subprocess (Django reads its settings at
import) on a fresh throw-away database: a temporary SQLite file, or the PostgreSQL database
kpcs_bench_<pid>_<procs> on postgres://postgres@127.0.0.1:5432 (trust auth). Drafts are made outside the timed
region (one by certificate_draft_create, the rest bulk copies of it, or all by the service with
--service-drafts). Every timed run is done by worker subprocesses that set up Django, open their connection
and do one warm-up operation, then wait for a common start signal; the time is from that signal until every
worker reported done. "Bare insert" writes the same rows (an issued, fully-populated Certificate, its two
lines and its origin) with plain ORM create() in one transaction per certificate: no rules, numbering lock,
signing or audit. In the 1-process mode some more issues are then instrumented to show where the time goes
(SQL, commit, after-commit hooks, Python; signing alone). Afterwards the numbers are checked: unique, none lost
(1..N with no gap) and matching the sequence. Databases and temporary files are removed at the end, also on
failure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

SCRIPT = Path(__file__).resolve()
SRC = SCRIPT.parents[1] / "src"
sys.path.insert(0, str(SRC))

PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
MARK = "@@"  # protocol lines between the processes start with this
BACKEND_TIMEOUT = 1800  # seconds for one (backend, mode) before its process group is killed
DEFAULT_N = 400  # keeps the default run within about 3 minutes on 2 cores
PROFILED = 100  # extra issues, instrumented, for where the time goes (signing alone, SQL, commit)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- shared (Django processes)


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpcs.settings")
    import django

    django.setup()


def draft_input(world: dict):
    from kpcs.certificates.rules import DraftInput, LineInput, OriginInput

    return DraftInput(
        destination="EU", exporter_id=world["bw_co"], importer_id=world["eu_co"], parcels=2,
        lines=[LineInput("7102.31", Decimal("1250.50"), Decimal("312625.00")),
               LineInput("7102.21", Decimal("300.00"), Decimal("4500.00"))],
        origins=[OriginInput("BW")], mixed=False, validity_days=60)


def bare_template(sample_id: int) -> dict:
    """Field values of a real issued certificate, to insert copies of it with plain ORM create()."""
    from kpcs.certificates.models import Certificate

    c = Certificate.objects.get(pk=sample_id)
    fields = ("issuing_authority_id", "exporting_participant_id", "importing_participant_id", "exporter_id",
              "importer_id", "parcels", "validity_days", "issue_date", "expiry_date", "mixed_origin", "provenance",
              "total_carats", "total_usd", "prepared_by_id", "validated_by_id", "signing_key_id", "qr_text")
    return {
        "certificate": {name: getattr(c, name) for name in fields} | {"status": "issued", "cose": bytes(c.cose)},
        "lines": [{"hs_code": x.hs_code, "carats": x.carats, "usd": x.usd} for x in c.lines.all()],
        "origins": [{"country": o.country, "share": o.share} for o in c.origins.all()],
    }


def clone_drafts(pk: int, count: int) -> list[int]:
    """``count`` copies of a draft made by the service (same row, lines and origins), in bulk: setup only."""
    from django.db import transaction

    from kpcs.certificates.models import Certificate, CertificateLine, CertificateOrigin

    c = Certificate.objects.get(pk=pk)
    fields = [f.attname for f in Certificate._meta.concrete_fields if not f.primary_key]
    lines, origins = list(c.lines.all()), list(c.origins.all())
    with transaction.atomic():
        made = Certificate.objects.bulk_create(
            [Certificate(**{name: getattr(c, name) for name in fields}) for _ in range(count)], batch_size=500)
        CertificateLine.objects.bulk_create(
            [CertificateLine(certificate_id=m.pk, hs_code=x.hs_code, carats=x.carats, usd=x.usd)
             for m in made for x in lines], batch_size=500)
        CertificateOrigin.objects.bulk_create(
            [CertificateOrigin(certificate_id=m.pk, country=o.country, share=o.share) for m in made for o in origins],
            batch_size=500)
    return [m.pk for m in made]


def bare_insert(template: dict, number: str) -> None:
    from django.db import transaction

    from kpcs.certificates.models import Certificate, CertificateLine, CertificateOrigin

    with transaction.atomic():
        certificate = Certificate.objects.create(number=number, **template["certificate"])
        for line in template["lines"]:
            CertificateLine.objects.create(certificate=certificate, **line)
        for origin in template["origins"]:
            CertificateOrigin.objects.create(certificate=certificate, **origin)


# --------------------------------------------------------------------------- worker process


def worker_main(cfg: dict) -> None:
    """One timed client: warm up, say READY, wait for GO on stdin, do the work, say DONE."""
    django_setup()
    if cfg["kind"] == "validate":
        from kpcs.accounts.actor import actor_for
        from kpcs.accounts.models import User
        from kpcs.certificates.services.lifecycle import certificate_validate

        actor = actor_for(User.objects.get(username=cfg["username"]))
        certificate_validate(actor=actor, certificate_id=cfg["warmup"])
        ids = cfg["ids"]

        def work() -> None:
            for pk in ids:
                certificate_validate(actor=actor, certificate_id=pk)

        count = len(ids)
    else:
        template = bare_template(cfg["sample"])
        prefix = cfg["prefix"]
        bare_insert(template, f"{prefix}W")
        count = cfg["count"]

        def work() -> None:
            for i in range(count):
                bare_insert(template, f"{prefix}{i:06d}")

    print(MARK + "READY", flush=True)
    if sys.stdin.readline().strip() != "go":
        sys.exit("worker: no start signal")
    start, cpu = time.perf_counter(), time.process_time()
    work()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(MARK + "DONE " + json.dumps({"count": count, "seconds": seconds, "cpu": cpu}), flush=True)


# --------------------------------------------------------------------------- backend process


def _wait_for(proc: subprocess.Popen, marker: str) -> str:
    for line in proc.stdout:
        if line.startswith(MARK + marker):
            return line[len(MARK + marker):].strip()
    proc.wait()
    raise RuntimeError(f"worker {proc.pid} ended (exit {proc.returncode}) before {marker}")


class PgSampler:
    """Samples the worker sessions in pg_stat_activity every 20 ms during a timed run: how often they were
    waiting for a row lock (and on which table), idle in a transaction (the client working while it holds its
    locks), running a statement, or idle."""

    TABLES = {"numbersequence": "number sequence row", "participants_participant": "participant rows",
              "participants_authority": "authority row"}

    def __init__(self, dbname: str) -> None:
        import threading

        self.dbname, self.counts = dbname, {}
        self._stop, self._thread = threading.Event(), threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        import psycopg

        sql = ("select state, wait_event_type, query from pg_stat_activity where datname = %s "
               "and backend_type = 'client backend' and pid <> pg_backend_pid()")
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=10) as conn:
            while not self._stop.is_set():
                for state, wait_type, query in conn.execute(sql, (self.dbname,)).fetchall():
                    if wait_type == "Lock":
                        table = next((v for k, v in self.TABLES.items() if k in query), None)
                        key = f"waiting for the {table} lock" if table else "waiting for another lock"
                    elif (state or "").startswith("idle in transaction"):
                        key = "idle in transaction (client working, locks held)"
                    else:
                        key = "running SQL" if state == "active" else state or "unknown"
                    self.counts[key] = self.counts.get(key, 0) + 1
                self._stop.wait(0.02)


def run_workers(configs: list[dict], sampler: PgSampler | None = None) -> tuple[float, float]:
    """Start one subprocess per config, release them together: seconds until all are done, and the CPU seconds
    the workers used for the work (their own process, not the database server's)."""
    procs = [subprocess.Popen([sys.executable, str(SCRIPT), "_worker", json.dumps(c)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for c in configs]
    try:
        for p in procs:
            _wait_for(p, "READY")
        if sampler:
            sampler.start()
        start = time.perf_counter()
        for p in procs:
            p.stdin.write("go\n")
            p.stdin.flush()
        done = [json.loads(_wait_for(p, "DONE")) for p in procs]
        seconds = time.perf_counter() - start
        if sampler:
            sampler.stop()
        for p in procs:
            if p.wait(timeout=60) != 0:
                raise RuntimeError(f"worker {p.pid} exited with {p.returncode}")
        assert sum(d["count"] for d in done) == sum(c.get("count", len(c.get("ids", []))) for c in configs)
        return seconds, sum(d["cpu"] for d in done)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()


def build_world(validators: int) -> dict:
    import datetime as dt

    from kpcs.accounts.services import user_create
    from kpcs.participants import services as registry
    from kpcs.participants.models import Participant
    from kpcs.participants.reference import load_reference

    load_reference()
    bw, eu = Participant.objects.get(code="BW"), Participant.objects.get(code="EU")
    since = dt.date(2003, 1, 1)
    bw_auth = registry.authority_create(actor=None, participant=bw, name="BW Diamond Office")
    eu_auth = registry.authority_create(actor=None, participant=eu, name="Antwerp Diamond Office")
    bw_co = registry.company_register(actor=None, authority=bw_auth, name="Kalahari Rough", licence_number="BW-1",
                                      licensed_from=since)
    eu_co = registry.company_register(actor=None, authority=eu_auth, name="Schelde Rough Trading",
                                      licence_number="EU-1", licensed_from=since)

    def user(role: str, name: str):
        return user_create(actor=None, username=name, role=role, participant="BW", password="bench-password-123",
                           validate=False)[0]

    officer = user("authority_officer", "officer-bw")
    names = [user("authority_validator", f"validator-bw-{i}").username for i in range(validators)]
    return {"bw_co": bw_co.pk, "eu_co": eu_co.pk, "officer": officer.pk, "validators": names}


def profile_issues(validator, ids: list[int]) -> dict:
    """Issue ``ids`` in this process with the time inside SQL statements and commits summed up, then time the
    parts of an issue alone on the same certificates, freshly read (related rows not cached, as in
    certificate_validate) and in its order: rules check (reads only), signed payload built from the database,
    full_clean (its FK, unique and constraint checks query the database), unsealing the private key, the
    Ed25519 COSE signature alone and the QR text. Microseconds per certificate."""
    import datetime as dt

    from django.db import connection

    from kpcs import signing
    from kpcs.certificates.models import Certificate, SigningKey
    from kpcs.certificates.payload import payload_for
    from kpcs.certificates.rules import check_draft
    from kpcs.certificates.services.keys import private_key
    from kpcs.certificates.services.lifecycle import certificate_validate, draft_input_of

    # Time inside SQL statements and inside the commit of the issue's transaction; whatever runs after the
    # commit (transaction.on_commit hooks, with their own statements and commits) is counted apart, as a whole.
    spent = {"sql": 0.0, "statements": 0, "commit": 0.0, "hooks": 0.0, "hook_statements": 0}
    in_hooks = [False]

    def timed_execute(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            if in_hooks[0]:
                spent["hook_statements"] += 1
            else:
                spent["sql"] += time.perf_counter() - start
                spent["statements"] += 1

    original_commit, original_hooks = connection._commit, connection.run_and_clear_commit_hooks

    def timed_commit():
        start = time.perf_counter()
        try:
            return original_commit()
        finally:
            if not in_hooks[0]:
                spent["commit"] += time.perf_counter() - start

    def timed_hooks():
        if in_hooks[0]:
            return original_hooks()
        in_hooks[0], start = True, time.perf_counter()
        try:
            return original_hooks()
        finally:
            in_hooks[0] = False
            spent["hooks"] += time.perf_counter() - start

    # Bench-only instrumentation of this one connection object, removed again below.
    connection._commit, connection.run_and_clear_commit_hooks = timed_commit, timed_hooks
    try:
        with connection.execute_wrapper(timed_execute):
            start = time.perf_counter()
            for pk in ids:
                certificate_validate(actor=validator, certificate_id=pk)
            wall = time.perf_counter() - start
    finally:
        del connection._commit, connection.run_and_clear_commit_hooks

    today = dt.date.today()
    key_row = SigningKey.objects.get(status="active", authority__participant__code="BW")
    parts = dict.fromkeys(["rules", "payload", "clean", "unseal", "sign", "qr"], 0.0)
    for c in list(Certificate.objects.filter(pk__in=ids)):
        t0 = time.perf_counter()
        problems, _resolved = check_draft(c.exporting_participant, draft_input_of(c), on=today)
        t1 = time.perf_counter()
        payload = payload_for(c)
        t2 = time.perf_counter()
        c.full_clean(exclude=["replaces"])
        t3 = time.perf_counter()
        key = private_key(key_row)
        t4 = time.perf_counter()
        cose = signing.sign_certificate(payload, key)
        t5 = time.perf_counter()
        signing.qr_text_from_cose(cose)
        t6 = time.perf_counter()
        assert not problems and cose == bytes(c.cose)  # deterministic Ed25519: the very bytes that were stored
        for name, seconds in zip(parts, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5), strict=True):
            parts[name] += seconds
    count = len(ids)
    return {"count": count, "wall_us": wall / count * 1e6, "sql_us": spent["sql"] / count * 1e6,
            "statements": spent["statements"] / count, "commit_us": spent["commit"] / count * 1e6,
            "hooks_us": spent["hooks"] / count * 1e6, "hook_statements": spent["hook_statements"] / count,
            **{f"{name}_us": seconds / count * 1e6 for name, seconds in parts.items()}}


def create_unmigrated_tables() -> list[str]:
    """Tables of installed models that no migration created (a working tree in the middle of a change)."""
    from django.apps import apps
    from django.db import connection

    existing = set(connection.introspection.table_names())
    missing = [m for m in apps.get_models()
               if m._meta.managed and not m._meta.proxy and m._meta.db_table not in existing]
    if missing:
        with connection.schema_editor() as editor:
            for model in missing:
                editor.create_model(model)
    return [m._meta.db_table for m in missing]


def backend_main(cfg: dict) -> None:
    """One (backend, mode) in its own fresh database: set up, issue n certificates with ``procs`` workers,
    optionally profile more issues in this process, then insert n bare rows the same way, and check."""
    django_setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # bench users only
    name, n, procs = cfg["backend"], cfg["n"], cfg["procs"]
    label = f"{name}, {procs} process{'es' if procs > 1 else ''}"
    call_command("migrate", verbosity=0)
    unmigrated = create_unmigrated_tables()
    if unmigrated:
        log(f"  {label}: WARNING: models without a migration yet; created their tables: {', '.join(unmigrated)}")

    from kpcs.accounts.actor import actor_for
    from kpcs.accounts.models import User
    from kpcs.certificates.models import Certificate, NumberSequence
    from kpcs.certificates.services.lifecycle import certificate_draft_create, certificate_validate

    world = build_world(procs)
    officer = actor_for(User.objects.get(pk=world["officer"]))
    validator = actor_for(User.objects.get(username=world["validators"][0]))

    def make_drafts(count: int) -> list[int]:
        if cfg["service_drafts"]:
            return [certificate_draft_create(actor=officer, exporting="BW", data=draft_input(world)).pk
                    for _ in range(count)]
        first = certificate_draft_create(actor=officer, exporting="BW", data=draft_input(world)).pk
        return [first, *clone_drafts(first, count - 1)]

    # Warm-up here: the first issue creates the authority's signing key.
    first = make_drafts(1)[0]
    certificate_validate(actor=validator, certificate_id=first)
    start = time.perf_counter()
    drafts = make_drafts(n + procs)
    warmups, ids = drafts[:procs], drafts[procs:]
    log(f"  {label}: {len(drafts)} drafts ready in {time.perf_counter() - start:.1f} s; issuing {n} ...")
    connection.close()
    sampler = None
    if connection.vendor == "postgresql" and procs > 1:
        sampler = PgSampler(connection.settings_dict["NAME"])
    issue_s, issue_cpu = run_workers([{"kind": "validate", "username": world["validators"][i],
                                       "warmup": warmups[i], "ids": ids[i::procs]} for i in range(procs)], sampler)
    issued_expected = 1 + n + procs
    not_issued = Certificate.objects.filter(pk__in=drafts).exclude(status="issued").count()
    profile = None
    if cfg["profile"]:
        log(f"  {label}: issued in {issue_s:.1f} s; {PROFILED} more issues instrumented, parts timed alone ...")
        already = Certificate.objects.filter(status="issued").count()
        profile = profile_issues(validator, make_drafts(PROFILED)) | {"already_issued": already}
        issued_expected += PROFILED
    else:
        log(f"  {label}: issued in {issue_s:.1f} s")

    # Every number unique, none lost: exactly 1..N per (participant, year) sequence, no gap, no double.
    numbers = list(Certificate.objects.filter(number__regex=r"^BW[0-9]{10}$").values_list("number", flat=True))
    by_year: dict[str, list[int]] = {}
    for number in numbers:
        by_year.setdefault(number[2:6], []).append(int(number[6:]))
    contiguous = all(sorted(v) == list(range(1, len(v) + 1)) for v in by_year.values())
    sequence_total = sum(NumberSequence.objects.filter(participant__code="BW").values_list("last_value", flat=True))

    template = bare_template(first)
    bare_insert(template, "XB-W")
    with CaptureQueriesContext(connection) as bare_q:
        bare_insert(template, "XB-V")
    connection.close()
    log(f"  {label}: bare inserts of {n} ...")
    bare_s, bare_cpu = run_workers([{"kind": "bare", "sample": first, "prefix": f"X{i}-",
                                     "count": len(ids[i::procs])} for i in range(procs)])
    bare_expected = 2 + n + procs
    log(f"  {label}: inserted in {bare_s:.1f} s")

    check = {
        "expected": issued_expected, "issued": len(numbers), "unique": len(set(numbers)), "contiguous": contiguous,
        "sequence": sequence_total, "drafts_left": not_issued,
        "bare_expected": bare_expected, "bare_rows": Certificate.objects.filter(number__startswith="X").count(),
    }
    check["ok"] = (check["issued"] == check["unique"] == check["sequence"] == issued_expected and contiguous
                   and not_issued == 0 and check["bare_rows"] == bare_expected)
    with connection.cursor() as cursor:
        cursor.execute("select sqlite_version()" if connection.vendor == "sqlite" else "show server_version")
        version = cursor.fetchone()[0].split()[0]
    result = {"backend": name, "version": version, "procs": procs, "n": n, "issue_s": issue_s, "bare_s": bare_s,
              "issue_cpu": issue_cpu, "bare_cpu": bare_cpu, "check": check, "profile": profile,
              "bare_queries": len(bare_q.captured_queries), "unmigrated": unmigrated,
              "activity": sampler.counts if sampler else None}
    print(MARK + "RESULT " + json.dumps(result), flush=True)


# --------------------------------------------------------------------------- orchestrator


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def load_average() -> str:
    with contextlib.suppress(OSError):
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return "unknown"


def pg_admin(sql: str) -> str | None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=10) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchone()[0] if cursor.description else None


def run_backend(cfg: dict, url: str, tmp: Path) -> dict:
    env = {**os.environ, "KPCS_DATABASE_URL": url, "KPCS_VAR_DIR": str(tmp / "var"), "KPCS_DEBUG": "0",
           "DJANGO_SETTINGS_MODULE": "kpcs.settings",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    # Own session, so the backend and its workers can be stopped together by this one process group id.
    proc = subprocess.Popen([sys.executable, str(SCRIPT), "_backend", json.dumps(cfg)], env=env,
                            stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, _err = proc.communicate(timeout=BACKEND_TIMEOUT)
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    for line in out.splitlines():
        if line.startswith(MARK + "RESULT "):
            return json.loads(line[len(MARK + "RESULT "):])
    raise RuntimeError(f"{cfg['backend']} benchmark failed (exit {proc.returncode}); see the messages above")


def report(results: list[dict], args: argparse.Namespace, info: list[str]) -> None:
    print()
    for line in info:
        print(line)
    print(f"{args.n} certificates per timed run; each (backend, mode) on a fresh database; in the parallel mode "
          "each process\nis a different validator of BW; each worker warms up with one operation before the clock")
    print()
    header = (f"{'backend':<16} {'mode':<12} {'issued/s':>9} {'bare insert/s':>14} {'ratio':>7}   "
              f"{'issue ms':>8} {'bare ms':>7}   {'issue cpu':>9} {'bare cpu':>8}")
    print(header)
    print("-" * len(header))
    for r in results:
        label = f"{r['backend']} {r['version']}"[:16]
        issued, bare = r["n"] / r["issue_s"], r["n"] / r["bare_s"]
        mode = "1 process" if r["procs"] == 1 else f"{r['procs']} processes"
        print(f"{label:<16} {mode:<12} {issued:>9.0f} {bare:>14.0f} {bare / issued:>6.1f}x   "
              f"{1000 / issued:>8.2f} {1000 / bare:>7.2f}   {r['issue_cpu'] / r['n'] * 1000:>9.2f} "
              f"{r['bare_cpu'] / r['n'] * 1000:>8.2f}")
    print("ratio = bare insert/s divided by issued/s; ms = wall time per certificate (all processes together); "
          "cpu = client\nprocesses' CPU ms per certificate (Python and driver, not the database server's)")
    if any(r["backend"] == "sqlite" and r["procs"] > 1 for r in results):
        print("sqlite, several processes: writers serialize (transaction_mode IMMEDIATE: the whole write transaction "
              "holds the\ndatabase lock; others wait, busy timeout 20 s)")
    for r in results:
        if r["activity"]:
            total = sum(r["activity"].values()) or 1
            shares = ", ".join(f"{key} {count / total:.0%}" for key, count in
                               sorted(r["activity"].items(), key=lambda kv: -kv[1]))
            print(f"{r['backend']}, {r['procs']} processes, worker sessions sampled every 20 ms while issuing: "
                  f"{shares}")
    print()
    print(f"where the time goes: {PROFILED} more issues in one process after the timed run, SQL statements and "
          "commits timed\n(client side), then the parts timed alone on the same certificates; per certificate:")
    for r in results:
        p = r["profile"]
        if not p:
            continue
        python_us = p["wall_us"] - p["sql_us"] - p["commit_us"] - p["hooks_us"]
        signing_us = p["unseal_us"] + p["sign_us"] + p["qr_us"]
        print(f"  {r['backend']:<8} issue {p['wall_us'] / 1000:6.2f} ms = SQL {p['sql_us'] / 1000:5.2f} ms "
              f"({p['statements']:.0f} statements; bare insert: {r['bare_queries']}) + commit "
              f"{p['commit_us'] / 1000:4.2f} ms + Python {python_us / 1000:5.2f} ms")
        print(f"  {'':<8}       + after-commit hooks {p['hooks_us'] / 1000:5.2f} ms ({p['hook_statements']:.0f} "
              f"statements; {p['already_issued']} certificates already issued)")
        print(f"  {'':<8} alone: rules check {p['rules_us'] / 1000:.2f} ms, payload from db "
              f"{p['payload_us'] / 1000:.2f} ms, full_clean {p['clean_us'] / 1000:.2f} ms; signing alone "
              f"{signing_us:.0f} us = {signing_us / p['wall_us']:.1%}\n  {'':<8}        (key unseal "
              f"{p['unseal_us']:.0f} + Ed25519 COSE sign {p['sign_us']:.0f} + QR text {p['qr_us']:.0f} us)")
    unmigrated = sorted({t for r in results for t in r["unmigrated"]})
    if unmigrated:
        print(f"  WARNING: installed models had no migration; the bench created their tables: {', '.join(unmigrated)}")
    print()
    for r in results:
        c = r["check"]
        verdict = "OK" if c["ok"] else "FAILED"
        print(f"numbers {r['backend']}/{r['procs']}: {verdict}: {c['issued']} issued (expected {c['expected']}), "
              f"{c['unique']} unique, 1..{c['issued']} without gap: {c['contiguous']}, sequence at {c['sequence']}, "
              f"drafts left {c['drafts_left']}; bare rows {c['bare_rows']}/{c['bare_expected']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=DEFAULT_N, help="certificates per timed run")
    parser.add_argument("--procs", type=int, default=4, help="processes in the parallel mode")
    parser.add_argument("--backends", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    parser.add_argument("--service-drafts", action="store_true",
                        help="make every draft with certificate_draft_create (slow setup) instead of cloning one")
    args = parser.parse_args()
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = set(backends) - {"sqlite", "postgres"}
    if unknown or not backends or args.n < 1 or args.procs < 1:
        parser.error(f"bad arguments: {', '.join(sorted(unknown)) or 'n and procs must be at least 1'}")

    import cryptography
    import django
    import psycopg

    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    info = [f"CPU: {cpu_model()}; {os.cpu_count()} logical cores ({affinity} usable)",
            f"python {platform.python_version()}, Django {django.get_version()}, SQLite {sqlite3.sqlite_version}, "
            f"psycopg {psycopg.__version__}, cryptography {cryptography.__version__}"]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the clean-up below runs on kill too
    load_start = load_average()
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix=f"kpcs_bench_{os.getpid()}_"))
    results, failed, leftovers = [], False, []
    try:
        for name in backends:
            if name == "postgres":
                info.append(f"PostgreSQL {pg_admin('show server_version')}")
            for procs in [1] if args.procs == 1 else [1, args.procs]:
                log(f"{name}, {procs} process{'es' if procs > 1 else ''}: setting up a fresh database ...")
                cfg = {"backend": name, "n": args.n, "procs": procs, "profile": procs == 1,
                       "service_drafts": args.service_drafts}
                if name == "sqlite":
                    results.append(run_backend(cfg, f"sqlite:///{tmp / f'kpcs_bench_{procs}.sqlite3'}", tmp))
                    continue
                pg_db = f"kpcs_bench_{os.getpid()}_{procs}"
                try:
                    pg_admin(f'create database "{pg_db}"')
                    results.append(run_backend(cfg, f"{PG_SERVER}/{pg_db}", tmp))
                finally:
                    try:
                        pg_admin(f'drop database if exists "{pg_db}" with (force)')
                    except Exception as exc:
                        leftovers.append(f"PostgreSQL database {pg_db}")
                        log(f"error: could not drop {pg_db}: {exc}")
    except (Exception, KeyboardInterrupt, SystemExit) as exc:
        failed = True
        log(f"error: {exc!r}" if not isinstance(exc, Exception) else f"error: {exc}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if tmp.exists():
            leftovers.append(str(tmp))
    info.append(f"load average (1/5/15 min) at start {load_start}, at end {load_average()} "
                "(other work on the machine shares the cores)")
    if results:
        report(results, args, info)
    cleanup = f"NOT removed: {', '.join(leftovers)}" if leftovers else "temporary databases and files removed"
    print(f"\ntotal {time.perf_counter() - started:.0f} s; {cleanup}")
    return 1 if failed or leftovers or not all(r["check"]["ok"] for r in results) else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["_worker"]:
        worker_main(json.loads(sys.argv[2]))
    elif sys.argv[1:2] == ["_backend"]:
        backend_main(json.loads(sys.argv[2]))
    else:
        sys.exit(main())
