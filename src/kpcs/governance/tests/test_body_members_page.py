from __future__ import annotations

import pytest

from kpcs.governance.models import BodyMember
from kpcs.governance.services.committee import body_create

pytestmark = pytest.mark.django_db


def test_the_secretariat_adds_a_member_to_a_body_from_the_page(client_as):
    client = client_as("secretariat_admin")
    body = body_create(actor=None, name="Working Group on Statistics", kind="working_group")
    response = client.post("/governance/bodies/", {"body_id": body.pk, "member": "BW", "role": "member"})
    assert response.status_code == 302
    assert BodyMember.objects.filter(body=body, participant__code="BW").exists()
    page = client.get("/governance/bodies/").content.decode()
    assert "Add a member" in page


def test_a_bad_member_code_is_refused_and_nothing_saved(client_as):
    client = client_as("secretariat_admin")
    body = body_create(actor=None, name="Working Group on Monitoring", kind="working_group")
    response = client.post("/governance/bodies/", {"body_id": body.pk, "member": "QQ", "role": "member"},
                           follow=True)
    assert response.status_code == 200
    assert not BodyMember.objects.filter(body=body).exists()


def test_only_the_secretariat_adds_members(client_as):
    body = body_create(actor=None, name="Participation Committee", kind="committee")
    response = client_as("participation_committee").post(
        "/governance/bodies/", {"body_id": body.pk, "member": "BW", "role": "member"})
    assert response.status_code == 403
    assert not BodyMember.objects.exists()
