"""A platform launches CyberAware end to end: OIDC login, signed id_token, the learner on the module."""

from __future__ import annotations

import time
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from learning.models import QuizAttempt
from lti.models import PlatformAccount
from tests.factories import answers_for
from tests.lti.platform import CLAIM, ISSUER, rsa_key


def launch(client, platform, module_key, **claims):
    _response, auth = platform.login(client)
    token = platform.sign(platform.claims(auth["nonce"], module_key=module_key, **claims))
    return platform.post_id_token(client, auth, token), auth, token


def test_a_learner_arrives_signed_in_on_the_module_in_the_launch_language(
    client, platform, registration, module, estonian_module
):
    response, auth, _token = launch(client, platform, module.translation_key, locale="et-EE")
    assert auth["client_id"] == "cyberaware-client"
    assert auth["login_hint"] == "user-42"
    assert response.status_code == 302
    assert response["Location"] == estonian_module.url
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="et"' in html
    assert "Õngitsus veevärgis" in html
    # Signed in to the account linked to (issuer, sub), made without a password.
    account = PlatformAccount.objects.get(issuer=ISSUER, subject="moodle-user-42")
    assert page.wsgi_request.user == account.user
    assert not account.user.has_usable_password()
    profile = account.user.learner_profile
    assert (profile.region, profile.full_name, profile.preferred_language) == (
        registration.region,
        "Kati Karu",
        "et",
    )
    # Inside the platform's iframe: that platform may frame the page, nobody else.
    assert "frame-ancestors https://platform.test" in page["Content-Security-Policy"]
    assert "X-Frame-Options" not in page
    assert client.get("/en/").get("X-Frame-Options") is None


def test_a_locale_we_do_not_have_falls_back_to_the_regions_language(
    client, platform, registration, module, estonian_module
):
    response, _auth, _token = launch(client, platform, module.translation_key, locale="de-DE")
    assert response["Location"] == estonian_module.url


def test_the_second_launch_signs_in_the_same_account(client, platform, registration, module):
    launch(client, platform, module.translation_key)
    client.logout()
    launch(client, platform, module.translation_key, name="Kati Karu-Kask")
    account = PlatformAccount.objects.get()
    assert get_user_model().objects.filter(lti_account__isnull=False).count() == 1
    assert account.user.learner_profile.full_name == "Kati Karu-Kask"


def test_a_pages_framing_stays_closed_without_a_launch(client, site_pages, module, registration):
    page = client.get(module.url)
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    assert page["X-Frame-Options"] == "DENY"


def test_the_quiz_score_goes_to_the_platforms_gradebook_once(
    client, platform, registration, module, django_capture_on_commit_callbacks
):
    response, _auth, _token = launch(client, platform, module.translation_key, locale="en")
    client.get(response["Location"])
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            reverse("learning:submit_quiz", args=[module.pk]),
            {**answers_for(module), "attempt_token": str(uuid.uuid4())},
        )
    assert answer.status_code in (200, 302)
    assert len(platform.scores) == 1
    sent = platform.scores[0]
    assert sent["authorization"] == "Bearer platform-token"
    assert sent["content_type"] == "application/vnd.ims.lis.v1.score+json"
    assert sent["score"]["scoreGiven"] == 100
    assert sent["score"]["scoreMaximum"] == 100
    assert sent["score"]["userId"] == "moodle-user-42"
    assert sent["score"]["activityProgress"] == "Completed"
    assert sent["score"]["gradingProgress"] == "FullyGraded"
    # The tool asked for the token with an assertion signed by its own key.
    assert platform.token_requests[0]["grant_type"] == ["client_credentials"]


def test_a_gradebook_that_fails_never_breaks_the_learners_request(
    client, platform, registration, module, django_capture_on_commit_callbacks
):
    platform.fail_scores = True
    response, _auth, _token = launch(client, platform, module.translation_key, locale="en")
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            reverse("learning:submit_quiz", args=[module.pk]),
            {**answers_for(module), "attempt_token": str(uuid.uuid4())},
        )
    assert answer.status_code in (200, 302)
    assert QuizAttempt.objects.filter(user__lti_account__isnull=False).count() == 1
    assert platform.scores == []


# --- bad launches -------------------------------------------------------------


def refused_text(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize(
    ("case", "status", "message"),
    [
        ("bad_signature", 403, "its signature is not valid"),
        ("wrong_audience", 403, "meant for another tool"),
        ("unknown_deployment", 403, "installation of the tool is not registered"),
        ("expired", 403, "The launch has expired"),
    ],
)
def test_a_bad_launch_is_refused_with_a_message(
    client, platform, registration, module, case, status, message
):
    _response, auth = platform.login(client)
    claims = platform.claims(auth["nonce"], module_key=module.translation_key)
    key = None
    if case == "bad_signature":
        key = rsa_key()
    elif case == "wrong_audience":
        claims["aud"] = "another-tool"
    elif case == "unknown_deployment":
        claims[CLAIM + "deployment_id"] = "somebody-elses-deployment"
    elif case == "expired":
        claims["iat"] = int(time.time()) - 900
        claims["exp"] = int(time.time()) - 600
    response = platform.post_id_token(client, auth, platform.sign(claims, key=key))
    assert response.status_code == status
    assert message in refused_text(response)
    assert "The launch was refused" in refused_text(response)
    assert not PlatformAccount.objects.exists()
    assert "_auth_user_id" not in client.session


def test_a_replayed_launch_is_refused(client, platform, registration, module):
    first, auth, token = launch(client, platform, module.translation_key)
    assert first.status_code == 302
    client.logout()
    again = platform.post_id_token(client, auth, token)
    assert again.status_code == 403
    assert "This launch was used already" in refused_text(again)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("issuer", "client_id"),
    [("https://unknown.example", "cyberaware-client"), (ISSUER, "someone-else")],
)
def test_an_unknown_platform_or_client_is_refused_at_login(
    client, platform, registration, issuer, client_id
):
    response, auth = platform.login(client, issuer=issuer, client_id=client_id)
    assert auth is None
    assert response.status_code == 403
    assert "not registered with CyberAware" in refused_text(response)


def test_an_unknown_issuer_is_refused_at_launch(client, platform, registration, module):
    _response, auth = platform.login(client)
    claims = platform.claims(
        auth["nonce"], module_key=module.translation_key, iss="https://unknown.example"
    )
    response = platform.post_id_token(client, auth, platform.sign(claims))
    assert response.status_code == 403
    assert "not registered with CyberAware" in refused_text(response)


def test_a_launch_without_its_state_is_refused(client, platform, registration, module):
    _response, auth = platform.login(client)
    token = platform.sign(platform.claims(auth["nonce"], module_key=module.translation_key))
    response = client.post("/lti/launch/", {"id_token": token})
    assert response.status_code == 400
    assert "could not be completed" in refused_text(response)


def test_a_link_to_missing_training_is_refused(client, platform, registration, module):
    response, _auth, _token = launch(client, platform, uuid.uuid4())
    assert response.status_code == 400
    assert "not available" in refused_text(response)
    assert not PlatformAccount.objects.exists()


def test_a_score_the_platform_refused_is_tried_again_later(
    client, platform, registration, module, settings, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    from lti.models import GradebookLink
    from lti.scores import send_score

    platform.fail_scores = True
    launch(client, platform, module.translation_key, locale="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("learning:submit_quiz", args=[module.pk]),
            {**answers_for(module), "attempt_token": str(uuid.uuid4())},
        )
    attempt = QuizAttempt.objects.get()
    link = GradebookLink.objects.get()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    assert send_score.call(link.pk, str(attempt.pk), 1) is False
    [retry] = default_task_backend.results
    assert retry.args == [link.pk, str(attempt.pk), 2]
    assert retry.task.run_after is not None
    platform.fail_scores = False
    assert send_score.call(*retry.args) is True
    assert len(platform.scores) == 1
