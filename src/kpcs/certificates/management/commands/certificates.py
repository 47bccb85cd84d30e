from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from kpcs.certificates.models import SigningKey
from kpcs.certificates.services import keys as key_services
from kpcs.certificates.services.lifecycle import certificates_expire
from kpcs.errors import DomainError
from kpcs.participants.models import Authority


class Command(BaseCommand):
    help = "Certificates: expire overdue ones, rotate or revoke signing keys, print the trust list."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        expire = sub.add_parser("expire", help="Mark issued certificates past their expiry date as expired.")
        expire.add_argument("--today", help="YYYY-MM-DD (default: today)")
        rotate = sub.add_parser("rotate-key", help="Retire an authority's key and start a new one.")
        rotate.add_argument("authority_id", type=int)
        revoke = sub.add_parser("revoke-key", help="Revoke a key: nothing it signed verifies any more.")
        revoke.add_argument("kid", help="Key identifier (hex)")
        revoke.add_argument("--reason", required=True)
        sub.add_parser("trust-list", help="Print the public trust list (JSON).")

    def handle(self, *args, action: str, **o) -> None:
        try:
            if action == "expire":
                today = dt.date.fromisoformat(o["today"]) if o["today"] else dt.date.today()
                self.stdout.write(_("%(count)d certificates expired.") % {"count": certificates_expire(today=today)})
            elif action == "rotate-key":
                authority = Authority.objects.filter(pk=o["authority_id"]).first()
                if authority is None:
                    raise CommandError(_("No authority with id %(id)s.") % {"id": o["authority_id"]})
                key = key_services.signing_key_rotate(actor=None, authority=authority, on=dt.date.today())
                self.stdout.write(key.kid)
            elif action == "revoke-key":
                key = SigningKey.objects.filter(kid=o["kid"].lower()).first()
                if key is None:
                    raise CommandError(_("No signing key %(kid)s.") % {"kid": o["kid"]})
                key_services.signing_key_revoke(actor=None, key=key, reason=o["reason"])
                self.stdout.write(key.kid)
            else:
                self.stdout.write(json.dumps(key_services.trust_list_document(), indent=2))
        except ValueError:
            raise CommandError(_("%(value)s is not a date in the form YYYY-MM-DD.") % {"value": o.get("today")}) \
                from None
        except DomainError as exc:
            raise CommandError(str(exc.message)) from None
