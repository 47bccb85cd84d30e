"""``kpcs report chair --year YYYY [--lang xx] [--format pdf|html|md] [--output FILE]``: the Chair's annual
report drafted from the platform's data."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from kpcs.errors import DomainError
from kpcs.governance.report import FORMATS, chair_report
from kpcs.governance.status import OFFICIAL_LANGUAGES


class Command(BaseCommand):
    help = "Draft reports from the platform's data (chair: the Chair's annual report)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="report", required=True)
        chair = sub.add_parser("chair", help="The Chair's annual report.")
        chair.add_argument("--year", type=int, required=True)
        chair.add_argument("--lang", default="en", choices=OFFICIAL_LANGUAGES)
        chair.add_argument("--format", default="md", choices=FORMATS)
        chair.add_argument("--output", "-o", default=None, help="Write to this file (default: standard output).")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["lang"]):
            try:
                body = chair_report(year=options["year"], language=options["lang"], fmt=options["format"])
            except DomainError as exc:
                raise CommandError(f"{exc.code}: {exc.message}") from None
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        if options["output"]:
            Path(options["output"]).write_bytes(data)
            self.stderr.write(f"{options['output']}: {len(data)} bytes")
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
