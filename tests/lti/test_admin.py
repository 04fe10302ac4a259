"""Platform administrators register a platform and read what to paste into it."""

from __future__ import annotations

from django.urls import reverse

from lti.models import Registration


def test_an_administrator_registers_a_platform_and_gets_its_own_key_pair(admin_client, estonia):
    response = admin_client.post(
        reverse("lti_registrations:add"),
        {
            "name": "School Moodle",
            "issuer": "https://moodle.school.example",
            "client_id": "abc123",
            "deployment_ids": "1\n2\n",
            "auth_login_url": "https://moodle.school.example/mod/lti/auth.php",
            "auth_token_url": "https://moodle.school.example/mod/lti/token.php",
            "key_set_url": "https://moodle.school.example/mod/lti/certs.php",
            "region": estonia.pk,
            "active": "on",
        },
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.deployments == ["1", "2"]
    assert "PRIVATE KEY" in registration.private_key
    assert registration.frame_origin == "https://moodle.school.example"

    page = admin_client.get(reverse("lti_registrations:edit", args=[registration.pk]))
    html = page.content.decode()
    for value in (
        "http://testserver/lti/launch/",
        "http://testserver/lti/login/",
        "http://testserver/lti/jwks.json",
        "http://testserver/lti/deep-link/",
        "BEGIN PUBLIC KEY",
    ):
        assert value in html
    assert "PRIVATE KEY" not in html


def test_the_same_client_of_one_platform_is_registered_once(admin_client, registration):
    response = admin_client.post(
        reverse("lti_registrations:add"),
        {
            "name": "Again",
            "issuer": registration.issuer,
            "client_id": registration.client_id,
            "deployment_ids": "1",
            "auth_login_url": registration.auth_login_url,
            "auth_token_url": registration.auth_token_url,
            "key_set_url": registration.key_set_url,
            "region": registration.region.pk,
        },
    )
    assert response.status_code == 200
    assert Registration.objects.count() == 1
