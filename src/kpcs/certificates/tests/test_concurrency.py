"""Many processes validating certificates of one participant at once get unique numbers and lose none."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from django.db import connection

from kpcs.certificates.models import Certificate
from kpcs.certificates.services.lifecycle import certificate_draft_create

WORKER = textwrap.dedent("""
    import os, sys, django
    os.environ["DJANGO_SETTINGS_MODULE"] = "kpcs.settings"
    django.setup()
    from kpcs.accounts.actor import actor_for
    from kpcs.accounts.models import User
    from kpcs.certificates.services.lifecycle import certificate_validate
    actor = actor_for(User.objects.get(username=sys.argv[1]))
    for pk in sys.argv[2].split(","):
        certificate_validate(actor=actor, certificate_id=int(pk))
""")


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_validation_gives_unique_numbers(world, make_user):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: real parallel processes share the test database")
    from kpcs.accounts.actor import actor_for

    validators = [make_user("authority_validator", participant="BW", username=f"validator-bw-{i}") for i in range(4)]
    drafts = [certificate_draft_create(actor=world["officer"], exporting="BW", data=world["input"]()).pk
              for _ in range(40)]
    s = connection.settings_dict
    url = f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    env = {**os.environ, "KPCS_DATABASE_URL": url}
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, v.username, ",".join(map(str, drafts[i::4]))],
                              env=env, stderr=subprocess.PIPE, text=True) for i, v in enumerate(validators)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert all(p.returncode == 0 for p in procs), errors
    numbers = list(Certificate.objects.filter(pk__in=drafts).values_list("number", flat=True))
    assert len(numbers) == 40
    assert None not in numbers
    assert len(set(numbers)) == 40
    sequence = sorted(int(n[-6:]) for n in numbers)
    assert sequence == list(range(1, 41))
    assert actor_for(validators[0])
