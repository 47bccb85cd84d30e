from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from kpcs.certificates.models import Certificate

pytestmark = pytest.mark.django_db


def _run(capsys, *args) -> dict:
    call_command("certificates", *args)
    return json.loads(capsys.readouterr().out)


def test_draft_validate_confirm_void_from_the_command_line(world, tmp_path, capsys):
    body = {"destination": "EU", "exporter_id": world["bw_co"].id, "importer_id": world["eu_co"].id, "parcels": 1,
            "lines": [{"hs_code": "7102.10", "carats": "99.99", "usd": "12000.00"}], "origin": [{"country": "BW"}]}
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(body))
    draft = _run(capsys, "draft", str(path), "--user", world["officer"].user.username)
    assert draft["status"] == "draft"
    issued = _run(capsys, "validate", str(draft["id"]), "--user", world["validator"].user.username)
    assert issued["status"] == "issued"
    confirmed = _run(capsys, "confirm", issued["number"], "--user", world["eu_officer"].user.username,
                     "--received", dt.date.today().isoformat(), "--parcels", "1", "--carats", "99.99",
                     "--usd", "12000.00")
    assert confirmed["status"] == "confirmed"
    with pytest.raises(CommandError, match="already confirmed"):
        call_command("certificates", "confirm", issued["number"], "--user", world["eu_officer"].user.username,
                     "--received", dt.date.today().isoformat(), "--parcels", "1", "--carats", "99.99",
                     "--usd", "12000.00")


def test_bad_draft_file_is_refused_and_nothing_saved(world, tmp_path):
    path = tmp_path / "draft.json"
    path.write_text(json.dumps({"destination": "EU", "exporter_id": world["bw_co"].id,
                                "importer_id": world["eu_co"].id, "parcels": 1, "validity_days": 61,
                                "lines": [{"hs_code": "7102.31", "carats": "1", "usd": "1"}],
                                "origin": [{"country": "BW"}]}))
    with pytest.raises(CommandError, match="60"):
        call_command("certificates", "draft", str(path), "--user", world["officer"].user.username)
    assert not Certificate.objects.exists()


def test_trust_list_and_expire(world, issued, capsys):
    document = _run(capsys, "trust-list")
    assert document["keys"][0]["kid"]
    call_command("certificates", "expire", "--today", (issued.expiry_date + dt.timedelta(days=1)).isoformat())
    assert "1" in capsys.readouterr().out
    issued.refresh_from_db()
    assert issued.status == "expired"
