from __future__ import annotations

import importlib
import importlib.util
import time

from django.core.management.base import BaseCommand, CommandParser

from kpcs.certificates.models import Certificate
from kpcs.demo.certificates import generate_certificates, reuse_alert_demo
from kpcs.demo.registry import DEMO_USERS, build_registry, demo_password
from kpcs.participants.reference import load_reference

DEFAULT_CERTIFICATES = 1500
# Apps with a `demo.py` exposing `build_demo() -> str`, called in this order after the certificates.
DEMO_APPS = ("statistics", "reviews", "governance")


class Command(BaseCommand):
    help = ("Load the demo world (idempotent): reference data, authorities, companies, one user per role, "
            "a year of certificates.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet", action="store_true", help="Do not print the demo logins.")
        parser.add_argument("--certificates", type=int, default=None,
                            help="Generate this many more certificates (default: a year of "
                                 f"{DEFAULT_CERTIFICATES} when there are none yet).")
        parser.add_argument("--seed", type=int, default=2004)

    def handle(self, *args, **options) -> None:
        reference = load_reference()
        registry = build_registry()
        self.stdout.write("Demo world: " + ", ".join(f"{k} +{v}" for k, v in {**reference, **registry}.items()))
        wanted = options["certificates"]
        if wanted is None and not Certificate.objects.exists():
            wanted = DEFAULT_CERTIFICATES
        if wanted:
            started = time.perf_counter()
            counts = generate_certificates(wanted, seed=options["seed"])
            reuse_alert_demo()
            seconds = time.perf_counter() - started
            self.stdout.write(f"Certificates: {sum(counts.values())} in {seconds:.1f} s "
                              f"({sum(counts.values()) / seconds:.0f}/s): "
                              + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        for app in DEMO_APPS:  # each later domain adds its part of the demo world (idempotent)
            if importlib.util.find_spec(f"kpcs.{app}.demo") is not None:
                summary = importlib.import_module(f"kpcs.{app}.demo").build_demo()
                self.stdout.write(f"{app}: {summary}")
        if options["quiet"]:
            return
        self.stdout.write("\nDemo logins (username / password / role / acts for):")
        for username, role, participant, observer in DEMO_USERS:
            self.stdout.write(f"  {username:14} {demo_password(username):22} {role:24} {participant or observer or ''}")
