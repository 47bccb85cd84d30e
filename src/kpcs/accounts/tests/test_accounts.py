from __future__ import annotations

import pytest
from django.contrib.auth.hashers import check_password
from django.core.management import CommandError, call_command
from django.test import Client

from kpcs.accounts.actor import actor_for
from kpcs.accounts.models import ApiToken, Membership, User
from kpcs.accounts.services import token_create, token_revoke, user_create
from kpcs.audit.models import AuditEvent
from kpcs.errors import DomainError

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_with_argon2(registry, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user, _ = user_create(actor=None, username="alice", role="wgs_analyst", password="a-long-passphrase-1")
    assert user.password.startswith("argon2")
    assert check_password("a-long-passphrase-1", user.password)


def test_production_settings_use_argon2_first():
    from kpcs import settings as kpcs_settings

    assert kpcs_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_users_create_command_with_scope(registry, capsys):
    call_command("users", "create", "bob", "--role", "authority_officer", "--participant", "BW",
                 "--password", "a-long-passphrase-2")
    membership = Membership.objects.get(user__username="bob")
    assert (membership.role, membership.participant.code) == ("authority_officer", "BW")
    assert AuditEvent.objects.filter(object_type="accounts.user").exists()


@pytest.mark.parametrize("args, fragment", [
    (["--role", "authority_officer"], "acts for one participant"),
    (["--role", "authority_officer", "--participant", "QQ"], "No participant with code QQ"),
    (["--role", "observer"], "observer organisation"),
    (["--role", "authority_officer", "--participant", "BW", "--password", "short"], "too short"),
])
def test_users_create_refuses_bad_scope_and_saves_nothing(registry, args, fragment):
    with pytest.raises(CommandError, match=fragment):
        call_command("users", "create", "carol", *args)
    assert not User.objects.filter(username="carol").exists()


def test_duplicate_username_is_refused(registry):
    user_create(actor=None, username="dave", role="wgs_analyst", password="a-long-passphrase-3")
    with pytest.raises(DomainError):
        user_create(actor=None, username="dave", role="wgs_analyst", password="a-long-passphrase-3")


def test_token_create_command_prints_a_working_token(registry, capsys):
    user_create(actor=None, username="erin", role="wgs_analyst", password="a-long-passphrase-4")
    call_command("token", "create", "erin")
    token = capsys.readouterr().out.strip()
    assert token.startswith("kpcs_")
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert response.json()["username"] == "erin"


def test_tokens_are_stored_hashed_and_revocable(registry):
    user, _ = user_create(actor=None, username="frank", role="wgs_analyst", password="a-long-passphrase-5")
    api_token, token = token_create(actor=None, user=user)
    stored = ApiToken.objects.get(pk=api_token.pk)
    assert token not in {stored.digest, stored.prefix} and len(stored.digest) == 64
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert client.get("/api/v1/me").status_code == 200
    token_revoke(actor=actor_for(user), token_id=api_token.pk)
    assert client.get("/api/v1/me").status_code == 401


def test_unknown_token_is_refused(registry):
    assert Client(HTTP_AUTHORIZATION="Bearer kpcs_nope_nope").get("/api/v1/me").status_code == 401


def test_inactive_user_token_is_refused(registry):
    user, _ = user_create(actor=None, username="gina", role="wgs_analyst", password="a-long-passphrase-6")
    _t, token = token_create(actor=None, user=user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/me").status_code == 401


def test_login_is_throttled_after_repeated_failures(registry, settings):
    settings.KPCS_LOGIN_MAX_FAILURES = 3
    user_create(actor=None, username="hank", role="wgs_analyst", password="a-long-passphrase-7")
    client = Client()
    for _ in range(3):
        response = client.post("/login/", {"username": "hank", "password": "wrong"})
        assert response.status_code == 200
    response = client.post("/login/", {"username": "hank", "password": "a-long-passphrase-7"})
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_succeeds_and_lands_on_the_dashboard(registry):
    user_create(actor=None, username="ivy", role="wgs_analyst", password="a-long-passphrase-8")
    response = Client().post("/login/", {"username": "ivy", "password": "a-long-passphrase-8"}, follow=True)
    assert response.redirect_chain[-1][0].endswith("/dashboard/")
    assert "Working Group on Statistics analyst" in response.content.decode()
