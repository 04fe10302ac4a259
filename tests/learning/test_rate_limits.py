"""Guessing is slowed down: sign-in lock-outs per account and per address, sign-up and reset limits."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from learning import abuse
from tests.factories import RegionFactory

PASSWORD = "pw-Secret-123"
LOCKED = "Signing in is locked for 15 minutes after the last failed attempt."


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT = 5
    settings.AXES_FAILURE_LIMIT = 5
    settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS = 8
    settings.LOGIN_LOCKOUT_MINUTES = 15
    settings.SIGNUP_LIMIT_PER_ADDRESS = 3
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 4
    settings.PASSWORD_RESET_LIMIT_PER_EMAIL = 2
    settings.RATE_LIMIT_WINDOW = 3600


@pytest.fixture
def learner(db):
    return get_user_model().objects.create_user("kadri@example.com", "kadri@example.com", PASSWORD)


def sign_in(client, username, password, url=None):
    return client.post(
        url or reverse("learning:login"), {"username": username, "password": password}
    )


def signed_in(client) -> bool:
    return client.get(reverse("learning:dashboard")).status_code == 200


def fail(client, username, times, url=None):
    for _ in range(times):
        response = sign_in(client, username, "not-my-password", url)
        assert response.status_code in (200, 429)


def test_an_account_locks_after_five_failures_and_refuses_even_the_right_password(client, learner):
    for _ in range(4):
        response = sign_in(client, "kadri@example.com", "wrong")
        assert response.status_code == 200
        assert "The e-mail address or password is not right." in response.content.decode()
    # The fifth failure locks the account, and says so.
    assert LOCKED in sign_in(client, "kadri@example.com", "wrong").content.decode()

    response = sign_in(client, "kadri@example.com", PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert response["Retry-After"] == "900"
    assert not signed_in(client)


def test_changing_the_case_of_the_address_does_not_give_more_guesses(client, learner):
    for variant in [
        "Kadri@example.com",
        "KADRI@example.com",
        " kadri@EXAMPLE.com",
        "kadri@example.COM",
    ]:
        sign_in(client, variant, "wrong")
    sign_in(client, "kadri@Example.com", "wrong")
    assert sign_in(client, "kadri@example.com", PASSWORD).status_code == 429


def test_the_lock_lifts_after_the_period(client, learner):
    fail(client, "kadri@example.com", 5)
    assert sign_in(client, "kadri@example.com", PASSWORD).status_code == 429

    # The failures happened sixteen minutes ago.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    assert sign_in(client, "kadri@example.com", PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_lock_can_be_lifted_by_an_administrator(client, learner):
    from django.core.management import call_command

    fail(client, "kadri@example.com", 5)
    call_command("axes_reset_username", "kadri@example.com", verbosity=0)
    assert sign_in(client, "kadri@example.com", PASSWORD).status_code == 302


def test_another_account_from_another_address_is_not_locked(client, learner):
    get_user_model().objects.create_user("mari@example.com", "mari@example.com", PASSWORD)
    fail(client, "kadri@example.com", 5)
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert sign_in(other, "mari@example.com", PASSWORD).status_code == 302


def test_an_address_trying_many_accounts_is_locked_for_every_account(client, learner):
    # Eight failures spread over accounts, none reaching its own limit.
    for index in range(8):
        sign_in(client, f"guess{index}@example.com", "wrong")
    response = sign_in(client, "kadri@example.com", PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    # The account itself is not locked: its owner signs in from elsewhere.
    assert (
        sign_in(Client(REMOTE_ADDR="192.0.2.8"), "kadri@example.com", PASSWORD).status_code == 302
    )


def test_behind_a_proxy_the_forwarded_address_counts_not_the_proxys(client, learner, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    for index in range(8):
        sign_in(attacker, f"guess{index}@example.com", "wrong")
    assert sign_in(attacker, "kadri@example.com", PASSWORD).status_code == 429
    colleague = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert sign_in(colleague, "kadri@example.com", PASSWORD).status_code == 302


def test_the_admin_sign_in_locks_too(client, db):
    get_user_model().objects.create_superuser("root", "root@example.com", PASSWORD)
    url = reverse("wagtailadmin_login")
    fail(client, "root", 5, url)
    response = sign_in(client, "root", PASSWORD, url)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_no_record_of_successful_sign_ins_is_kept(client, learner):
    from axes.models import AccessLog

    assert sign_in(client, "kadri@example.com", PASSWORD).status_code == 302
    assert not AccessLog.objects.exists()


# -- sign-up and password reset -------------------------------------------


def signup_data(email, region):
    return {
        "email": email,
        "password": "long-enough-passphrase-42",
        "full_name": "Kadri Kask",
        "region": region.pk,
        "preferred_language": "en",
    }


def test_sign_ups_from_one_address_are_limited_and_nothing_is_created_past_the_limit(
    client, db, monkeypatch
):
    region = RegionFactory()
    url = reverse("learning:signup")
    for index in range(3):
        response = client.post(url, {"email": f"x{index}@example.com"})  # incomplete: 400
        assert response.status_code == 400

    response = client.post(url, signup_data("new@example.com", region))
    assert response.status_code == 429
    body = response.content.decode()
    assert "Too many requests from your network or for this address." in body
    assert "Please try again in" in body
    assert not get_user_model().objects.filter(email="new@example.com").exists()

    # An hour later the window has passed.
    now = abuse.clock()
    monkeypatch.setattr(abuse, "clock", lambda: now + 3600)
    assert client.post(url, signup_data("new@example.com", region)).status_code == 302
    assert get_user_model().objects.filter(email="new@example.com").exists()


def test_a_refused_sign_up_does_not_tell_whether_the_address_has_an_account(client, learner):
    url = reverse("learning:signup")
    for _ in range(3):
        client.post(url, {"email": "x@example.com"})
    body = client.post(url, {"email": "kadri@example.com"}).content.decode()
    assert "exists already" not in body


def test_reset_e_mails_to_one_address_are_limited(client, learner):
    url = reverse("learning:password_reset")
    for _ in range(2):
        assert client.post(url, {"email": "kadri@example.com"}).status_code == 302
    response = client.post(url, {"email": "KADRI@example.com"}, REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert len(mail.outbox) == 2


def test_reset_requests_from_one_address_are_limited(client, learner):
    url = reverse("learning:password_reset")
    for index in range(4):
        assert client.post(url, {"email": f"n{index}@example.com"}).status_code == 302
    response = client.post(url, {"email": "kadri@example.com"})
    assert response.status_code == 429
    assert len(mail.outbox) == 0
