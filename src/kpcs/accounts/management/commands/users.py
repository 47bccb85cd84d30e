from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kpcs.accounts.roles import Role
from kpcs.accounts.services import user_create
from kpcs.errors import DomainError


class Command(BaseCommand):
    help = "Manage users: kpcs users create USERNAME --role ROLE [--participant CODE] [--password P]"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a user with one role.")
        create.add_argument("username")
        create.add_argument("--role", required=True, choices=Role.values)
        create.add_argument("--participant", help="Participant code the role acts for (ISO alpha-2 or EU).")
        create.add_argument("--observer", help="Observer organisation code, for the observer role.")
        create.add_argument("--password", help="Password (generated and printed when omitted).")
        create.add_argument("--email", default="")

    def handle(self, *args, action: str, **o) -> None:
        try:
            user, password = user_create(actor=None, username=o["username"], role=o["role"],
                                         participant=o["participant"], observer=o["observer"],
                                         password=o["password"], email=o["email"])
        except DomainError as exc:
            raise CommandError(str(exc.message)) from None
        self.stdout.write(f"{user.username}\t{o['role']}\t{o['participant'] or o['observer'] or ''}\t"
                          f"{'' if o['password'] else password}".rstrip())
