from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from kpcs.participants.reference import load_reference


class Command(BaseCommand):
    help = "Load the registry's reference data (participants, history, observers, Chairs, HS codes)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["load"])

    def handle(self, *args, **options) -> None:
        created = load_reference()
        self.stdout.write(", ".join(f"{k}: +{v}" for k, v in created.items()))
