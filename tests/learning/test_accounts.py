"""Sign-up, sign-in, sign-out, password reset and the profile."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

from learning.models import LearnerProfile, Organisation
from tests.factories import RegionFactory


@pytest.fixture
def region(db):
    return RegionFactory()


def signup_data(the_region, **overrides):
    data = {
        "email": "Kadri@Example.com",
        "password": "long-enough-passphrase-42",
        "full_name": "Kadri Kask",
        "region": the_region.pk,
        "sector": "",
        "organisation_size": "small",
        "preferred_language": "et",
        "statistics_consent": "on",
    }
    data.update(overrides)
    return data


def signup_url(lang="en"):
    with translation.override(lang):
        return reverse("learning:signup")


def test_sign_up_creates_account_and_profile_and_signs_in(client, region):
    response = client.post(signup_url(), signup_data(region))
    assert response.status_code == 302
    user = get_user_model().objects.get()
    assert user.email == "kadri@example.com"
    assert user.check_password("long-enough-passphrase-42")
    profile = LearnerProfile.objects.get(user=user)
    assert profile.region == region and profile.statistics_consent
    assert profile.statistics_consent_at is not None
    assert profile.organisation is None and profile.organisation_size == "small"
    assert client.get(reverse("learning:dashboard")).status_code == 200


def test_sign_up_never_joins_an_organisation_by_its_name(client, region):
    """Typing a company's name must not make anyone a member of its record."""

    Organisation.objects.create(name="Pärnu Vesi", region=region, status="approved")
    data = signup_data(region) | {"organisation_name": "Pärnu Vesi"}
    assert client.post(signup_url(), data).status_code == 302
    profile = LearnerProfile.objects.get()
    assert profile.organisation is None and profile.organisation_role == ""
    assert not Organisation.objects.get().learners.exists()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("email", "not-an-email", "Enter a valid email address."),
        ("password", "123", "This password is too short."),
        ("region", "", "This field is required."),
        ("region", "999999", "Select a valid choice."),
        ("full_name", "", "This field is required."),
    ],
)
def test_sign_up_errors_are_shown_next_to_the_field(client, region, field, value, message):
    response = client.post(signup_url(), signup_data(region, **{field: value}))
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(
        rf'<p class="field-error" id="id_{field}-error">[^<]*{re.escape(message)}', html
    )
    assert f'aria-describedby="id_{field}-error' in html
    assert get_user_model().objects.count() == 0


def test_an_e_mail_address_can_only_sign_up_once(client, region):
    client.post(signup_url(), signup_data(region))
    client.post(reverse("learning:logout"))
    response = client.post(signup_url(), signup_data(region, email="KADRI@example.com"))
    assert response.status_code == 400
    assert "An account with this e-mail address exists already" in response.content.decode()
    assert get_user_model().objects.count() == 1


def test_sign_in_with_e_mail_and_return_to_the_quiz(client, region):
    client.post(signup_url(), signup_data(region))
    client.post(reverse("learning:logout"))
    next_url = "/en/modules/phishing/#quiz"
    response = client.post(
        reverse("learning:login"),
        {
            "username": "KADRI@example.com",
            "password": "long-enough-passphrase-42",
            "next": next_url,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == next_url


def test_sign_up_returns_to_the_quiz_but_never_to_another_site(client, region):
    response = client.post(signup_url() + "?next=/et/moodulid/x/%23quiz", signup_data(region))
    assert response["Location"] == "/et/moodulid/x/#quiz"
    client.post(reverse("learning:logout"))
    response = client.post(
        signup_url(),
        signup_data(region, email="other@example.com", next="https://evil.example/"),
    )
    assert response["Location"] == reverse("learning:dashboard")


def test_wrong_password_gives_a_clear_message(client, region):
    client.post(signup_url(), signup_data(region))
    client.post(reverse("learning:logout"))
    response = client.post(
        reverse("learning:login"), {"username": "kadri@example.com", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "The e-mail address or password is not right." in response.content.decode()


def test_sign_out_needs_a_post(client, region):
    client.post(signup_url(), signup_data(region))
    assert client.get(reverse("learning:logout")).status_code == 405
    assert client.post(reverse("learning:logout")).status_code == 302
    assert client.get(reverse("learning:dashboard")).status_code == 302


def test_password_reset_sends_a_working_link(client, region):
    client.post(signup_url(), signup_data(region))
    client.post(reverse("learning:logout"))
    response = client.post(reverse("learning:password_reset"), {"email": "kadri@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url,
        {
            "new_password1": "another-long-passphrase-7",
            "new_password2": "another-long-passphrase-7",
        },
    )
    assert response.status_code == 302
    assert get_user_model().objects.get().check_password("another-long-passphrase-7")


def test_password_reset_does_not_reveal_unknown_addresses(client, db):
    response = client.post(reverse("learning:password_reset"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0


def test_profile_can_be_edited_and_consent_withdrawn(client, region):
    client.post(signup_url(), signup_data(region))
    other_region = RegionFactory(code="SI", name="Slovenia", country="SI", default_language="sl")
    url = reverse("learning:profile")
    html = client.get(url).content.decode()
    assert 'value="Kadri Kask"' in html
    response = client.post(
        url,
        {
            "full_name": "Kadri Kask-Tamm",
            "region": other_region.pk,
            "sector": "",
            "organisation_size": "medium",
            "preferred_language": "sl",
        },
    )
    assert response.status_code == 302
    profile = LearnerProfile.objects.get()
    assert profile.full_name == "Kadri Kask-Tamm" and profile.region == other_region
    assert not profile.statistics_consent and profile.statistics_consent_at is None
    assert profile.organisation_size == "medium"


def test_pages_for_learners_require_sign_in(client, db):
    for name in ("learning:dashboard", "learning:profile"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("learning:login"))
