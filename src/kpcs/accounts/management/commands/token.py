from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from kpcs.accounts.models import User
from kpcs.accounts.services import token_create


class Command(BaseCommand):
    help = "API tokens: kpcs token create USERNAME prints a new token (sent as Authorization: Bearer TOKEN)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("username")
        create.add_argument("--name", default="")

    def handle(self, *args, action: str, **o) -> None:
        user = User.objects.filter(username=o["username"], is_active=True).first()
        if user is None:
            raise CommandError(_("No active user named %(username)s.") % {"username": o["username"]})
        _token, clear = token_create(actor=None, user=user, name=o["name"] or "cli")
        self.stdout.write(clear)
