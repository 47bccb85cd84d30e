from __future__ import annotations

import csv
import datetime as dt
import io
import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from kpcs.participants import selectors
from kpcs.participants.status import STATE_AFTER

FIELDS = ["code", "name", "kind", "status"]


class Command(BaseCommand):
    help = "Query the participant registry."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="Participants on a date.")
        listing.add_argument("--on", help="YYYY-MM-DD (default: today)")
        listing.add_argument("--format", choices=["json", "csv", "table"], default="table")
        listing.add_argument("--all", action="store_true", help="Every registry entry, not only participants.")

    def handle(self, *args, action: str, **options) -> None:
        try:
            on = dt.date.fromisoformat(options["on"]) if options["on"] else dt.date.today()
        except ValueError:
            raise CommandError(_("%(value)s is not a date in the form YYYY-MM-DD.") % {"value": options["on"]}) \
                from None
        qs = selectors.participant_list(on=on) if options["all"] else selectors.participants_on(on)
        rows = [{"code": p.code, "name": p.name, "kind": p.kind, "status": STATE_AFTER.get(p.event_on)} for p in qs]
        fmt = options["format"]
        if fmt == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        elif fmt == "csv":
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            self.stdout.write(buffer.getvalue(), ending="")
        else:
            for r in rows:
                self.stdout.write(f"{r['code']:3} {r['status'] or '-':15} {r['name']}")
            self.stdout.write(_("%(count)d entries on %(date)s") % {"count": len(rows), "date": on.isoformat()})
