"""Two-step verification in the admin: enrolment with a real authenticator code, and who must use it."""

import base64
import hashlib
import hmac
import re
import struct
import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import RegionFactory

PASSWORD = "pw-Secret-123"


def totp(secret: str, at: float | None = None) -> str:
    """The code an authenticator app shows for this key (RFC 6238: SHA-1, 30 s, 6 digits)."""
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def staff(username: str, *codenames: str, regions=()):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", PASSWORD)
    group = Group.objects.create(name=f"group-{username}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *(
            Permission.objects.get(content_type__app_label="learning", codename=codename)
            for codename in codenames
        ),
    )
    user.groups.add(group)
    if regions:
        from learning.models import ManagerRegions

        ManagerRegions.objects.create(user=user).regions.set(regions)
    return user


def admin_sign_in(username: str) -> Client:
    client = Client()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def set_up(client) -> str:
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "<svg" in body  # the QR code
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", body).group(1)
    response = client.post(reverse("two_factor_setup"), {"token": totp(secret), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    return secret


@pytest.fixture
def editor(db):
    return staff("editor")


@pytest.fixture
def manager(db):
    return staff("manager", "view_statistics", regions=[RegionFactory()])


@pytest.fixture
def coordinator(db):
    return staff("coordinator", "view_all_regions")


def test_an_editor_turns_it_on_and_then_needs_a_code_after_each_sign_in(editor):
    client = admin_sign_in("editor")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("two_factor")).status_code == 200

    page = client.get(reverse("two_factor_setup")).content.decode()
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", page).group(1)
    assert client.post(reverse("two_factor_setup"), {"token": totp(secret)}).status_code == 302
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    # A new sign-in: the password alone opens nothing in the admin.
    again = admin_sign_in("editor")
    response = again.get(reverse("wagtailadmin_account"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert again.get(reverse("two_factor_setup")).status_code == 302  # no swapping the key
    # The code used at set-up cannot be replayed; the app's next code works.
    response = again.post(
        reverse("two_factor_verify"),
        {"token": totp(secret, time.time() + 30), "next": "/admin/account/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/account/"
    assert again.get(reverse("wagtailadmin_account")).status_code == 200


def test_a_wrong_code_is_refused_and_slows_down_the_next_tries(editor):
    client = admin_sign_in("editor")
    secret = set_up(client)
    again = admin_sign_in("editor")
    response = again.post(reverse("two_factor_verify"), {"token": totp("JBSWY3DPEHPK3PXP")})
    assert response.status_code == 400
    assert "That code is not right." in response.content.decode()
    assert again.get(reverse("wagtailadmin_home")).status_code == 302

    # Straight after a wrong code, even the right one is not checked.
    right = {"token": totp(secret, time.time() + 30)}
    response = again.post(reverse("two_factor_verify"), right)
    assert response.status_code == 400
    assert "Too many wrong codes." in response.content.decode()

    # Once the wait is over (the failure was a minute ago), the right code works.
    device = TOTPDevice.objects.get(user=editor)
    device.throttling_failure_timestamp = device.throttling_failure_timestamp - timedelta(minutes=1)
    device.save()
    assert again.post(reverse("two_factor_verify"), right).status_code == 302


def test_a_wrong_first_code_does_not_turn_it_on(editor):
    client = admin_sign_in("editor")
    client.get(reverse("two_factor_setup"))
    response = client.post(reverse("two_factor_setup"), {"token": "000000"})
    assert response.status_code == 400
    assert "That code is not right." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert admin_sign_in("editor").get(reverse("wagtailadmin_home")).status_code == 200


def test_not_required_for_anyone_when_the_setting_is_off(manager, coordinator, settings):
    settings.REQUIRE_2FA_FOR_MANAGERS = False
    for username in ("manager", "coordinator"):
        client = admin_sign_in(username)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
        assert client.get(reverse("learning_statistics:overview")).status_code == 200


@pytest.mark.parametrize("username", ["manager", "coordinator"])
def test_required_for_managers_and_coordinators_when_the_setting_is_on(
    manager, coordinator, settings, username
):
    settings.REQUIRE_2FA_FOR_MANAGERS = True
    client = admin_sign_in(username)
    for url in (reverse("wagtailadmin_home"), reverse("learning_statistics:overview")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("two_factor_setup"))
    page = client.get(reverse("two_factor_setup")).content.decode()
    assert "needs two-step verification before you can use the admin" in page

    set_up(client)
    assert client.get(reverse("learning_statistics:overview")).status_code == 200
    # Required means it cannot be turned off.
    client.post(reverse("two_factor"))
    assert TOTPDevice.objects.filter(user__username=username, confirmed=True).exists()


def test_editors_without_statistics_are_not_forced_when_the_setting_is_on(editor, settings):
    settings.REQUIRE_2FA_FOR_MANAGERS = True
    client = admin_sign_in("editor")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_an_editor_can_turn_it_off_again(editor):
    client = admin_sign_in("editor")
    set_up(client)
    response = client.post(reverse("two_factor"))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert admin_sign_in("editor").get(reverse("wagtailadmin_home")).status_code == 200


def test_the_account_page_offers_it(editor):
    client = admin_sign_in("editor")
    page = client.get(reverse("wagtailadmin_account")).content.decode()
    assert f'href="{reverse("two_factor")}"' in page
