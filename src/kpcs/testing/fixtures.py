"""pytest fixtures shared by every app's tests (loaded from the root conftest)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from kpcs.accounts.roles import OBSERVER_SCOPED, PARTICIPANT_SCOPED, Role

# The participant or observer each role acts for in tests.
DEFAULT_SCOPE = dict.fromkeys(PARTICIPANT_SCOPED, "BW") | dict.fromkeys(OBSERVER_SCOPED, "WDC")


@pytest.fixture(autouse=True)
def _fast_password_hashing(request) -> None:
    # Argon2 is the production hasher (tested in accounts/tests); tests that only need a user use MD5.
    # Pure modules' tests may run without pytest-django (-p no:django): nothing to do then.
    if not request.config.pluginmanager.hasplugin("django"):
        return
    settings = request.getfixturevalue("settings")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from kpcs.participants.reference import load_reference

    with django_db_blocker.unblock():
        load_reference()


@pytest.fixture
def registry(db):
    """The reference registry (loaded once per test database; reloaded after a transactional test)."""
    from kpcs.participants.models import Participant
    from kpcs.participants.reference import load_reference

    if not Participant.objects.exists():
        load_reference()


@pytest.fixture
def make_user(registry) -> Callable:
    from kpcs.accounts.services import user_create

    def make(role: str, *, participant: str | None = None, observer: str | None = None,
             username: str | None = None, password: str = "correct-horse-battery"):
        if participant is None and observer is None:
            scope = DEFAULT_SCOPE.get(Role(role))
            if Role(role) in PARTICIPANT_SCOPED:
                participant = scope
            elif Role(role) in OBSERVER_SCOPED:
                observer = scope
        name = username or f"{role}-{participant or observer or 'all'}".lower()
        user, _pw = user_create(actor=None, username=name, role=role, participant=participant, observer=observer,
                                password=password, validate=False)
        return user

    return make


@pytest.fixture
def client_as(make_user) -> Callable[..., Client]:
    """A page client signed in with one role."""

    def make(role: str, **scope) -> Client:
        client = Client()
        client.force_login(make_user(role, **scope))
        return client

    return make


@pytest.fixture
def api_as(make_user) -> Callable[..., Client]:
    """An API client sending a bearer token of a user with one role."""

    from kpcs.accounts.services import token_create

    def make(role: str, **scope) -> Client:
        user = make_user(role, **scope)
        _t, token = token_create(actor=None, user=user)
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    return make
