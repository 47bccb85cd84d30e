from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from pydantic import ValidationError

from kpcs.accounts.actor import actor_for
from kpcs.accounts.models import User
from kpcs.certificates import selectors
from kpcs.certificates.models import SigningKey
from kpcs.certificates.serializers import certificate_dict
from kpcs.certificates.services import keys as key_services
from kpcs.certificates.services import lifecycle
from kpcs.certificates.services.lifecycle import certificates_expire
from kpcs.errors import DomainError
from kpcs.participants.models import Authority


class Command(BaseCommand):
    help = ("Certificates: draft, validate, confirm, void, show; expire overdue ones; rotate or revoke signing keys; "
            "print the trust list.")

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
        draft = sub.add_parser("draft", help="Prepare a draft from a JSON file (the API's draft body).")
        draft.add_argument("file")
        draft.add_argument("--user", required=True, help="The authority officer acting.")
        validate = sub.add_parser("validate", help="Validate, number, sign and issue a draft.")
        validate.add_argument("certificate_id", type=int)
        validate.add_argument("--user", required=True, help="The authority validator acting.")
        confirm = sub.add_parser("confirm", help="Confirm an import (importing authority).")
        confirm.add_argument("number")
        confirm.add_argument("--user", required=True)
        confirm.add_argument("--received", required=True, help="YYYY-MM-DD")
        confirm.add_argument("--parcels", type=int, required=True)
        confirm.add_argument("--carats", required=True)
        confirm.add_argument("--usd", required=True)
        void = sub.add_parser("void", help="Void an issued certificate.")
        void.add_argument("number")
        void.add_argument("--user", required=True)
        void.add_argument("--reason", required=True)
        show = sub.add_parser("show", help="Print a certificate as JSON (as the API returns it).")
        show.add_argument("number")
        show.add_argument("--user", required=True)

    def handle(self, *args, action: str, **o) -> None:
        try:
            if action in {"draft", "validate", "confirm", "void", "show"}:
                self._workflow(action, o)
            elif action == "expire":
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
        except (ValueError, InvalidOperation) as exc:
            if isinstance(exc, ValidationError):
                raise CommandError(str(exc)) from None
            raise CommandError(_("A date (YYYY-MM-DD) or an amount is not valid: %(error)s") % {"error": exc}) \
                from None
        except DomainError as exc:
            raise CommandError(str(exc.message)) from None

    def _workflow(self, action: str, o: dict) -> None:
        user = User.objects.filter(username=o["user"], is_active=True).first()
        if user is None:
            raise CommandError(_("No active user named %(username)s.") % {"username": o["user"]})
        actor = actor_for(user)
        if action == "draft":
            from kpcs.certificates.api import DraftIn

            with open(o["file"], encoding="utf-8") as fh:
                body = DraftIn.model_validate(json.load(fh))
            codes = sorted(actor.participants_for("authority_officer"))
            c = lifecycle.certificate_draft_create(actor=actor, exporting=codes[0] if codes else "",
                                                   data=body.to_input())
        elif action == "validate":
            c = lifecycle.certificate_validate(actor=actor, certificate_id=o["certificate_id"])
        elif action == "confirm":
            lifecycle.certificate_confirm(actor=actor, number=o["number"],
                                          date_received=dt.date.fromisoformat(o["received"]), parcels=o["parcels"],
                                          carats=Decimal(o["carats"]), usd=Decimal(o["usd"]))
            c = selectors.certificate_get(actor=actor, number=o["number"])
        elif action == "void":
            c = lifecycle.certificate_void(actor=actor, number=o["number"], reason=o["reason"])
        else:
            c = selectors.certificate_get(actor=actor, number=o["number"])
        c = selectors.certificate_get(actor=actor, pk=c.pk)
        self.stdout.write(json.dumps(certificate_dict(c), default=str, indent=2))
