"""Writes for users, memberships, API tokens and login throttling."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.models import ApiToken, LoginAttempt, Membership, User
from kpcs.accounts.roles import OBSERVER_SCOPED, PARTICIPANT_SCOPED, Role
from kpcs.audit.services import audit_record, snapshot
from kpcs.errors import DomainError, NotFound, PermissionDenied
from kpcs.participants.models import Observer, Participant

TOKEN_PREFIX = "kpcs"  # noqa: S105 - a public prefix, not a secret


def _scope_for(role: str, participant: str | None, observer: str | None
               ) -> tuple[Participant | None, Observer | None]:
    if role not in Role.values:
        raise DomainError(_("Unknown role %(role)s.") % {"role": role}, code="unknown_role")
    part = obs = None
    if participant:
        part = Participant.objects.filter(code=participant.upper()).first()
        if part is None:
            raise DomainError(_("No participant with code %(code)s.") % {"code": participant},
                              code="unknown_participant")
    if observer:
        obs = Observer.objects.filter(code=observer.upper()).first()
        if obs is None:
            raise DomainError(_("No observer organisation with code %(code)s.") % {"code": observer},
                              code="unknown_observer")
    if role in PARTICIPANT_SCOPED and (part is None or obs is not None):
        raise DomainError(_("The role %(role)s acts for one participant: give its code.") % {"role": role},
                          code="scope_required")
    if role in OBSERVER_SCOPED and (obs is None or part is not None):
        raise DomainError(_("The role %(role)s acts for an observer organisation: give its code.")
                          % {"role": role}, code="scope_required")
    if part is not None and obs is not None:
        raise DomainError(_("A membership acts for a participant or an observer, not both."),
                          code="scope_conflict")
    return part, obs


@transaction.atomic
def user_create(*, actor: Actor | None, username: str, role: str, participant: str | None = None,
                observer: str | None = None, password: str | None = None, email: str = "",
                validate: bool = True, language: str = "en") -> tuple[User, str]:
    """Create a user with one membership. Returns the user and the password (generated when not given)."""
    if User.objects.filter(username=username).exists():
        raise DomainError(_("A user named %(username)s already exists.") % {"username": username},
                          code="duplicate_user", status=409)
    part, obs = _scope_for(role, participant, observer)
    password = password or secrets.token_urlsafe(12)
    user = User(username=username, email=email, preferred_language=language,
                is_staff=role == Role.SECRETARIAT_ADMIN)
    if validate:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise DomainError(" ".join(exc.messages), code="weak_password") from None
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    if role == Role.SECRETARIAT_ADMIN:
        from django.contrib.auth.models import Permission

        user.user_permissions.set(Permission.objects.filter(content_type__app_label__in=[
            "participants", "accounts", "audit"]))
    membership = Membership.objects.create(user=user, role=role, participant=part, observer=obs)
    audit_record(actor=actor, action="create", instance=user,
                 changes={"role": role, "participant": participant, "observer": observer})
    audit_record(actor=actor, action="create", instance=membership, changes=snapshot(membership))
    return user, password


@transaction.atomic
def membership_add(*, actor: Actor | None, user: User, role: str, participant: str | None = None,
                   observer: str | None = None) -> Membership:
    part, obs = _scope_for(role, participant, observer)
    membership, _created = Membership.objects.get_or_create(user=user, role=role, participant=part,
                                                            observer=obs)
    audit_record(actor=actor, action="create", instance=membership, changes=snapshot(membership))
    return membership


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def token_create(*, actor: Actor | None, user: User, name: str = "") -> tuple[ApiToken, str]:
    """Create an API token. The clear token is returned once and never stored."""
    prefix = secrets.token_hex(4)
    token = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    api_token = ApiToken.objects.create(user=user, name=name[:100], prefix=prefix, digest=_digest(token))
    audit_record(actor=actor, action="create", instance=api_token,
                 changes={"user": user.username, "name": name, "prefix": prefix})
    return api_token, token


@transaction.atomic
def token_revoke(*, actor: Actor, token_id: int) -> ApiToken:
    token = ApiToken.objects.select_for_update().filter(pk=token_id).first()
    if token is None or (token.user_id != actor.user.pk and not actor.is_secretariat):
        raise NotFound(_("No such API token."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="update", instance=token, changes={"revoked_at": str(token.revoked_at)})
    return token


def token_authenticate(token: str) -> User | None:
    """The active user owning an unrevoked token, or None."""
    if not token.startswith(f"{TOKEN_PREFIX}_"):
        return None
    api_token = ApiToken.objects.select_related("user").filter(digest=_digest(token), revoked_at__isnull=True).first()
    if api_token is None or not api_token.user.is_active:
        return None
    now = timezone.now()
    if api_token.last_used_at is None or now - api_token.last_used_at > dt.timedelta(minutes=5):
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
    return api_token.user


def login_throttled(*, username: str, address: str) -> bool:
    since = timezone.now() - dt.timedelta(seconds=settings.KPCS_LOGIN_WINDOW_SECONDS)
    recent = LoginAttempt.objects.filter(at__gte=since)
    limit = settings.KPCS_LOGIN_MAX_FAILURES
    return (recent.filter(username=username.lower()).count() >= limit
            or recent.filter(address=address).count() >= limit * 4)


def login_failed(*, username: str, address: str) -> None:
    LoginAttempt.objects.create(username=username.lower()[:150], address=address[:64])


def login_succeeded(*, username: str) -> None:
    LoginAttempt.objects.filter(username=username.lower()).delete()


def ensure_may_manage(actor: Actor) -> None:
    if not actor.is_secretariat:
        raise PermissionDenied(_("You do not have permission to do this."))
