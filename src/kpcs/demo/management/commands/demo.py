from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from kpcs.demo.registry import DEMO_USERS, build_registry, demo_password
from kpcs.participants.reference import load_reference


class Command(BaseCommand):
    help = "Load the demo world (idempotent): reference data, authorities, companies, one user per role."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet", action="store_true", help="Do not print the demo logins.")

    def handle(self, *args, **options) -> None:
        reference = load_reference()
        registry = build_registry()
        self.stdout.write("Demo world: " + ", ".join(f"{k} +{v}" for k, v in {**reference, **registry}.items()))
        if options["quiet"]:
            return
        self.stdout.write("\nDemo logins (username / password / role / acts for):")
        for username, role, participant, observer in DEMO_USERS:
            self.stdout.write(f"  {username:14} {demo_password(username):22} {role:24} {participant or observer or ''}")
