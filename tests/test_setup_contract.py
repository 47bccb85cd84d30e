"""The set-up contract: migrations, settings from the environment, production safety."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _settings_in_subprocess(env: dict[str, str]) -> subprocess.CompletedProcess:
    code = "import kpcs.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KPCS_")}
    return subprocess.run([sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True,
                          check=False)


def test_production_refuses_to_start_without_a_real_secret():
    result = _settings_in_subprocess({"KPCS_ENV": "production"})
    assert result.returncode != 0
    assert "KPCS_SECRET_KEY" in result.stderr


def test_production_turns_debug_off():
    result = _settings_in_subprocess({"KPCS_ENV": "production", "KPCS_SECRET_KEY": "x" * 50,
                                      "KPCS_KEY_ENCRYPTION_SECRET": "k" * 40,
                                      "KPCS_DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "False"


def test_sqlite_by_default_and_postgres_by_url():
    assert _settings_in_subprocess({}).stdout.split()[1] == "django.db.backends.sqlite3"
    result = _settings_in_subprocess({"KPCS_DATABASE_URL": "postgres://postgres@127.0.0.1:5432/kpcs"})
    assert result.stdout.split()[1] == "django.db.backends.postgresql"


def test_demo_is_idempotent(registry, capsys):
    from kpcs.accounts.models import User
    from kpcs.participants.models import Authority, Company

    call_command("demo", "--quiet")
    counts = (User.objects.count(), Authority.objects.count(), Company.objects.count())
    call_command("demo", "--quiet")
    assert (User.objects.count(), Authority.objects.count(), Company.objects.count()) == counts
    assert User.objects.filter(username="validator-bw").exists()


def test_demo_has_one_user_per_role(registry):
    from kpcs.accounts.models import Membership
    from kpcs.accounts.roles import Role

    call_command("demo", "--quiet")
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
