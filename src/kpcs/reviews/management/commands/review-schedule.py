"""``kpcs review-schedule plan --period 2005-2006 [--store]``: the optimiser on the database's visits and roster.

(``kpcs reviews plan INPUT.json`` is the database-free optimiser on a JSON file.)"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from kpcs.errors import DomainError
from kpcs.reviews.planning import DEFAULT_TEAM_SIZE, plan_input_data
from kpcs.reviews.selectors import plan_rows, review_progress
from kpcs.reviews.serializers import progress_dict
from kpcs.reviews.services import schedule


class Command(BaseCommand):
    help = "Plan review visits with the optimiser from the database (plan), export its input, show progress."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        plan = sub.add_parser("plan", help="Propose a schedule for a period; --store applies it to the visits.")
        plan.add_argument("--period", required=True, help="e.g. 2004 or 2005-2006")
        plan.add_argument("--team-size", type=int, default=DEFAULT_TEAM_SIZE)
        plan.add_argument("--time-limit", type=float, default=10.0)
        plan.add_argument("--store", action="store_true", help="Store the plan and apply it to the visits.")
        plan.add_argument("--format", choices=["json", "text"], default="text")
        plan.add_argument("--lang", default="en", help="Language of messages (en, fr, pt, es, ru)")
        export = sub.add_parser("input", help="Print the optimiser's JSON input for a period (for kpcs reviews plan).")
        export.add_argument("--period", required=True)
        export.add_argument("--team-size", type=int, default=DEFAULT_TEAM_SIZE)
        progress = sub.add_parser("progress", help="Invited, visited, planned and pending for a year.")
        progress.add_argument("--year", type=int, required=True)
        progress.add_argument("--on", default=None, help="As known on this date (YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options.get("lang") or "en"):
            try:
                getattr(self, f"_{options['action']}")(options)
            except DomainError as exc:
                details = exc.details if isinstance(exc.details, list) else []
                lines = [str(d.get("message")) for d in details if isinstance(d, dict)] or [str(exc.message)]
                raise CommandError(f"{exc.code}: " + "\n  ".join(lines)) from None

    def _plan(self, options: dict[str, Any]) -> None:
        kwargs = {"actor": None, "period": options["period"], "team_size": options["team_size"],
                  "time_limit_s": options["time_limit"]}
        if not options["store"]:
            output = schedule.schedule_preview(**kwargs)
            self.stdout.write(json.dumps(output, indent=2) if options["format"] == "json" else
                              f"{output['status']}: {len(output['visits'])} visits (not stored; add --store)")
            return
        proposal = schedule.schedule_apply(actor=None, plan_id=schedule.schedule_propose(**kwargs).pk)
        if options["format"] == "json":
            self.stdout.write(json.dumps({"plan": proposal.pk, **proposal.output}, indent=2))
            return
        self.stdout.write(f"plan #{proposal.pk} {proposal.solver_status}, applied:")
        for row in plan_rows(proposal):
            team = ", ".join(m["name"] + (" (leader)" if m["leader"] else "") for m in row["team"])
            self.stdout.write(f"  {row['visit'].participant.code} {row['start']}..{row['end']}: {team}")

    def _input(self, options: dict[str, Any]) -> None:
        self.stdout.write(json.dumps(plan_input_data(period=options["period"], team_size=options["team_size"]),
                                     indent=2))

    def _progress(self, options: dict[str, Any]) -> None:
        import datetime as dt

        on = dt.date.fromisoformat(options["on"]) if options["on"] else None
        self.stdout.write(json.dumps(progress_dict(review_progress(year=options["year"], on=on)), indent=2))
