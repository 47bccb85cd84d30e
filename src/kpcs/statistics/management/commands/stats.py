"""``kpcs stats``: import files, print the annual summary, rebuild or submit certificate-derived figures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kpcs.errors import DomainError
from kpcs.statistics.exports import summary_csv
from kpcs.statistics.models.choices import Source
from kpcs.statistics.selectors.summary import statistics_summary
from kpcs.statistics.selectors.timeliness import timeliness
from kpcs.statistics.services.derived import derived_rebuild
from kpcs.statistics.services.from_certificates import submission_from_certificates
from kpcs.statistics.services.importing import SubmissionRejected, submission_import


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text} is not a date in the form YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = "Statistics: import a CSV/XLSX file, print the annual summary, timeliness, derived figures."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Import a CSV or XLSX file of figures (all or nothing).")
        imp.add_argument("file")
        imp.add_argument("--participant", help="Accept rows for this participant only.")
        imp.add_argument("--dry-run", action="store_true", help="Check the file; store nothing.")
        imp.add_argument("--received-on", help="YYYY-MM-DD the figures reached the Secretariat (default today).")
        imp.add_argument("--format", choices=["text", "json"], default="text")
        summary = sub.add_parser("summary", help="The annual global summary.")
        summary.add_argument("--year", type=int, required=True)
        summary.add_argument("--format", choices=["json", "csv"], default="json")
        time = sub.add_parser("timeliness", help="On time, late or missing, per participant and period.")
        time.add_argument("--year", type=int, required=True)
        sub.add_parser("rebuild", help="Recompute the certificate-derived statistics from scratch.")
        derive = sub.add_parser("derive", help="Submit certificate-derived trade figures for a period.")
        derive.add_argument("--period", required=True, help="2026 or 2026-Q2")
        derive.add_argument("--participant")

    def handle(self, *args, action: str, **options) -> None:
        try:
            getattr(self, f"do_{action}")(**options)
        except SubmissionRejected as exc:
            for p in exc.details["problems"]:
                self.stderr.write(f"row {p['row']}: {p['code']}: {p['message']}")
            raise CommandError(str(exc.message)) from None
        except DomainError as exc:
            raise CommandError(str(exc.message)) from None

    def do_import(self, *, file: str, participant: str | None, dry_run: bool, received_on: str | None, format: str,
                  **_options) -> None:
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        result = submission_import(actor=None, data=path.read_bytes(), file_name=path.name, participant=participant,
                                   source=Source.CLI, dry_run=dry_run,
                                   received_on=_date(received_on) if received_on else None)
        if format == "json":
            self.stdout.write(json.dumps(result.as_dict(), indent=2))
            return
        for r in result.reports:
            self.stdout.write(f"{r.participant} {r.period:7} {r.flow:10} {r.rows:6} rows  {r.status} (v{r.vintage})")
        verb = "would change" if dry_run else "changed"
        self.stdout.write(f"{result.rows} rows; {verb} {result.changed} report(s); "
                          f"{len(result.reports) - result.changed} unchanged"
                          + (f"; submission #{result.submission_id}" if result.submission_id else ""))

    def do_summary(self, *, year: int, format: str, **_options) -> None:
        if not 1900 <= year <= 2999:
            raise CommandError("The year must be between 1900 and 2999.")
        summary = statistics_summary(year=year)
        if format == "csv":
            self.stdout.write(summary_csv(summary), ending="")
        else:
            self.stdout.write(json.dumps(summary, indent=2))

    def do_timeliness(self, *, year: int, **_options) -> None:
        for item in timeliness(year=year):
            self.stdout.write(f"{item['participant']} {item['period']:7} {item['flow_group']:10} {item['status']:8} "
                              f"{item['days_late']:5}  due {item['due_date']}  received {item['received_on'] or '-'}")

    def do_rebuild(self, **_options) -> None:
        self.stdout.write(f"{derived_rebuild()} cells of certificate-derived trade")

    def do_derive(self, *, period: str, participant: str | None, **_options) -> None:
        result = submission_from_certificates(actor=None, period=period, participant=participant)
        self.stdout.write(f"{result.rows} rows; changed {result.changed} report(s)")
