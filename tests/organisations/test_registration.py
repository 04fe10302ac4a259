"""Registering an organisation on the public site: who may, what it writes, what it tells."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from learning.models import LearnerProfile, MembershipRole, Organisation
from organisations.access import administered_organisation
from tests.organisations.conftest import ROLES, sign_in

pytestmark = pytest.mark.django_db

REGISTER = "/en/organisations/register/"
STATUS = "/en/organisations/register/status/"


def registration(org_world, **changes) -> dict:
    data = {
        "name": "Viljandi Vesi",
        "registry_code": "10203040",
        "region": org_world["estonia"].pk,
        "sector": org_world["water"].pk,
        "size": "micro",
        "contact_name": "Vello Veevärk",
        "contact_email": "vello@viljandi.example",
        "language": "et",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def with_account(org_world, **changes) -> dict:
    account = {"password": "a-Long-enough-passphrase-9", "statistics_consent": "on"}
    return registration(org_world, **{**account, **changes})


def organisation_count() -> int:
    return Organisation.objects.count()


def test_the_urls_are_where_the_other_parts_expect_them():
    assert reverse("organisations:register") == REGISTER
    assert reverse("organisations:registration_status") == STATUS


# What each role sees on the registration page, and whether a POST may register.
REGISTER_EXPECTED = {
    "anonymous": (200, "Register", True),
    "outsider": (200, "Register", True),
    "member_a1": (200, "already", False),
    "admin_a": (200, "already", False),
    "admin_b": (200, "already", False),
    "manager": (200, "profile", False),
    "coordinator": (200, "profile", False),
    "editor": (200, "profile", False),
    "superuser": (200, "profile", False),
}


@pytest.mark.parametrize("role", ROLES)
def test_registration_page_for_every_role(
    client, org_world, role, django_capture_on_commit_callbacks
):
    sign_in(client, org_world, role)
    status, kind, may_register = REGISTER_EXPECTED[role]
    response = client.get(REGISTER)
    assert response.status_code == status
    text = response.content.decode()
    if kind == "Register":
        assert 'name="name"' in text and 'name="registry_code"' in text
        # Only a visitor is asked for a password: the account comes with the registration.
        assert ('name="password"' in text) == (role == "anonymous")
    elif kind == "already":
        assert "You already belong to an organisation" in text
        assert 'name="name"' not in text
    else:
        assert "Complete your learner profile first" in text

    before = organisation_count()
    data = with_account(org_world) if role == "anonymous" else registration(org_world)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REGISTER, data)
    if may_register:
        assert response.status_code == 302
        assert response["Location"] == reverse("organisations:registration_status")
        assert organisation_count() == before + 1
    else:
        assert response.status_code in (400, 409)
        assert organisation_count() == before


@pytest.mark.parametrize("role", ROLES)
def test_status_page_for_every_role(client, org_world, role):
    sign_in(client, org_world, role)
    response = client.get(STATUS)
    if role == "anonymous":
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        return
    assert response.status_code == 200
    text = response.content.decode()
    if role in ("member_a1", "admin_a", "admin_b"):
        assert "is approved" in text
    else:
        assert "You have not registered an organisation." in text
    # POST changes nothing here.
    assert client.post(STATUS).status_code == 405


def test_a_visitor_registers_the_organisation_and_their_account(
    client, org_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REGISTER, with_account(org_world))
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Viljandi Vesi")
    assert organisation.status == Organisation.Status.PENDING
    assert organisation.registry_code == "10203040"
    assert organisation.language == "et"
    assert organisation.reviewed_at is None

    user = get_user_model().objects.get(email="vello@viljandi.example")
    profile = user.learner_profile
    assert profile.full_name == "Vello Veevärk"
    assert profile.organisation == organisation
    assert profile.organisation_role == MembershipRole.ADMINISTRATOR
    # The account's situation is the organisation's.
    assert profile.region == org_world["estonia"]
    assert profile.sector == org_world["water"]
    assert profile.organisation_size == "micro"
    assert profile.preferred_language == "et"
    assert profile.statistics_consent is True
    assert user.check_password("a-Long-enough-passphrase-9")
    # Pending: nothing to administer yet.
    assert administered_organisation(user) is None

    # Signed in straight away, and told where the registration stands.
    page = client.get(response["Location"])
    assert page.wsgi_request.user == user
    assert "Viljandi Vesi is waiting for approval." in page.content.decode()

    # The managers of Estonia hear of it, the manager of no other region does.
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["coordinator@example.com", "manager@example.com"]
    body = mail.outbox[0].body
    assert "Viljandi Vesi" in body and "10203040" in body
    # Written in the organisation's language, whatever the page's.
    assert mail.outbox[0].subject == "Läbivaatamist ootav registreerimine: Viljandi Vesi"
    assert f"/admin/organisations/review/{organisation.pk}/" in body


def test_managers_of_another_region_are_not_told(
    client, org_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(REGISTER, with_account(org_world, region=org_world["france"].pk))
    assert [message.to[0] for message in mail.outbox] == ["coordinator@example.com"]


def test_a_signed_in_learner_registers_with_their_account(
    client, org_world, django_capture_on_commit_callbacks
):
    outsider = org_world["outsider"]
    client.force_login(outsider)
    form = client.get(REGISTER).content.decode()
    # Their own name and address are offered as the contact.
    assert 'value="olev@example.com"' in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            REGISTER,
            registration(org_world, contact_email="OLEV@example.com ", contact_name="Olev"),
        )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Viljandi Vesi")
    assert organisation.contact_email == "olev@example.com"
    profile = LearnerProfile.objects.get(user=outsider)
    assert (profile.organisation, profile.organisation_role) == (
        organisation,
        MembershipRole.ADMINISTRATOR,
    )
    # No second account was made.
    assert get_user_model().objects.filter(email__iexact="olev@example.com").count() == 1


def test_a_learner_of_an_unverified_organisation_may_register_a_real_one(client, org_world):
    legacy = Organisation.objects.create(
        name="Typed at sign-up", region=org_world["estonia"], status=Organisation.Status.UNVERIFIED
    )
    LearnerProfile.objects.filter(user=org_world["outsider"]).update(
        organisation=legacy, organisation_role=MembershipRole.MEMBER
    )
    client.force_login(org_world["outsider"])
    assert client.post(REGISTER, registration(org_world)).status_code == 302
    profile = LearnerProfile.objects.get(user=org_world["outsider"])
    assert profile.organisation.name == "Viljandi Vesi"


def test_with_automatic_approval_the_organisation_is_approved_at_once(
    client, org_world, settings, django_capture_on_commit_callbacks
):
    settings.ORGANISATION_AUTO_APPROVAL = True
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REGISTER, with_account(org_world))
    organisation = Organisation.objects.get(name="Viljandi Vesi")
    assert organisation.status == Organisation.Status.APPROVED
    assert organisation.reviewed_at is not None
    user = get_user_model().objects.get(email="vello@viljandi.example")
    assert administered_organisation(user) == organisation
    page = client.get(response["Location"]).content.decode()
    assert "Viljandi Vesi is approved." in page
    # Managers are still told, as news rather than as a task (in Estonian, the organisation's language).
    assert mail.outbox and "kinnitati automaatselt" in mail.outbox[0].body
    assert f"/admin/organisations/edit/{organisation.pk}/" in mail.outbox[0].body


def test_a_member_of_a_verified_organisation_is_told_and_nothing_is_written(client, org_world):
    client.force_login(org_world["member_a1"])
    before = organisation_count()
    response = client.post(REGISTER, registration(org_world))
    assert response.status_code == 409
    text = response.content.decode()
    assert "You already belong to an organisation" in text
    assert "Tartu Vesi" in text
    assert organisation_count() == before
    profile = LearnerProfile.objects.get(user=org_world["member_a1"])
    assert profile.organisation == org_world["a"]
    assert profile.organisation_role == MembershipRole.MEMBER


def test_a_registrant_waiting_for_approval_is_shown_their_registration(client, org_world):
    client.force_login(org_world["outsider"])
    client.post(REGISTER, registration(org_world))
    response = client.get(REGISTER)
    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:registration_status")
    # A second registration while the first waits writes nothing.
    before = organisation_count()
    assert client.post(REGISTER, registration(org_world, registry_code="999")).status_code == 302
    assert organisation_count() == before


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"name": ""}, "name", "This field is required."),
        ({"region": ""}, "region", "This field is required."),
        ({"sector": ""}, "sector", "This field is required."),
        ({"size": ""}, "size", "This field is required."),
        ({"size": "gigantic"}, "size", "Select a valid choice."),
        ({"region": "999999"}, "region", "Select a valid choice."),
        ({"contact_name": ""}, "contact_name", "This field is required."),
        ({"contact_email": "not an address"}, "contact_email", "Enter a valid email address."),
        ({"language": "xx"}, "language", "Select a valid choice."),
        ({"name": "V" * 201}, "name", "at most 200 characters"),
        ({"registry_code": "1" * 41}, "registry_code", "at most 40 characters"),
        ({"contact_name": "V" * 151}, "contact_name", "at most 150 characters"),
        ({"name": "Nul\x00byte"}, "name", "Null characters are not allowed."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(client, org_world, changes, field, message):
    client.force_login(org_world["outsider"])
    before = organisation_count()
    response = client.post(REGISTER, registration(org_world, **changes))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    # The error summary links to the field.
    assert f'href="#id_{field}"' in response.content.decode()
    assert organisation_count() == before
    assert LearnerProfile.objects.get(user=org_world["outsider"]).organisation is None


def test_a_visitors_account_errors_show_on_the_registration_form(client, org_world):
    before_users = get_user_model().objects.count()
    response = client.post(
        REGISTER, with_account(org_world, contact_email="mati@tartu.example", password="short")
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "An account with this e-mail address exists already" in errors["contact_email"][0]
    assert "password" in errors
    assert get_user_model().objects.count() == before_users
    assert not Organisation.objects.filter(name="Viljandi Vesi").exists()


def test_a_visitor_missing_the_password_is_asked_for_it_once(client, org_world):
    data = with_account(org_world)
    del data["password"]
    response = client.post(REGISTER, data)
    assert response.status_code == 400
    assert response.context["form"].errors["password"] == ["This field is required."]


def test_a_registry_code_already_registered_in_the_region_is_refused(client, org_world):
    org_world["a"].registry_code = "EE 1234"
    org_world["a"].save()
    org_world["pending"].registry_code = "5555"
    org_world["pending"].save()
    client.force_login(org_world["outsider"])

    approved = client.post(REGISTER, registration(org_world, registry_code=" ee   1234 "))
    assert approved.status_code == 400
    assert (
        "already registered in this region" in approved.context["form"].errors["registry_code"][0]
    )

    waiting = client.post(REGISTER, registration(org_world, registry_code="5555"))
    assert waiting.status_code == 400
    assert "waiting for approval" in waiting.context["form"].errors["registry_code"][0]
    assert not Organisation.objects.filter(name="Viljandi Vesi").exists()


def test_the_same_code_elsewhere_or_after_a_rejection_is_allowed(client, org_world):
    org_world["c"].registry_code = "777"
    org_world["c"].save()
    Organisation.objects.filter(pk=org_world["pending"].pk).update(
        registry_code="888", status=Organisation.Status.REJECTED
    )
    client.force_login(org_world["outsider"])
    # France's code in Estonia, and a code whose registration was rejected.
    assert client.post(REGISTER, registration(org_world, registry_code="777")).status_code == 302


def test_the_code_of_a_rejected_registration_can_be_registered_again(client, org_world):
    Organisation.objects.filter(pk=org_world["pending"].pk).update(
        registry_code="888", status=Organisation.Status.REJECTED
    )
    client.force_login(org_world["outsider"])
    assert client.post(REGISTER, registration(org_world, registry_code="888")).status_code == 302


def test_too_many_visitor_registrations_from_one_address_are_refused(client, org_world, settings):
    settings.SIGNUP_LIMIT_PER_ADDRESS = 1
    from django.core.cache import cache

    cache.clear()
    client.post(REGISTER, with_account(org_world, name=""))
    before = organisation_count()
    response = client.post(REGISTER, with_account(org_world))
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert organisation_count() == before
    cache.clear()


def test_status_page_says_waiting_approved_or_rejected_with_the_note(client, org_world):
    client.force_login(org_world["outsider"])
    client.post(REGISTER, registration(org_world))
    organisation = Organisation.objects.get(name="Viljandi Vesi")

    assert "Viljandi Vesi is waiting for approval." in client.get(STATUS).content.decode()

    organisation.status = Organisation.Status.REJECTED
    organisation.review_note = "Please give the code from the business register."
    organisation.save()
    text = client.get(STATUS).content.decode()
    assert "was not approved" in text
    assert "Please give the code from the business register." in text
    assert reverse("organisations:register") in text

    organisation.status = Organisation.Status.APPROVED
    organisation.save()
    text = client.get(STATUS).content.decode()
    assert "Viljandi Vesi is approved." in text


def test_a_rejected_registrant_may_register_again(client, org_world):
    client.force_login(org_world["outsider"])
    client.post(REGISTER, registration(org_world))
    Organisation.objects.filter(name="Viljandi Vesi").update(status=Organisation.Status.REJECTED)
    response = client.post(REGISTER, registration(org_world, name="Viljandi Vesi AS"))
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user=org_world["outsider"])
    assert profile.organisation.name == "Viljandi Vesi AS"


def test_registration_in_every_language(client, org_world):
    for language in ("en", "et", "fr", "it", "sk", "sl", "es"):
        response = client.get(f"/{language}/organisations/register/")
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()


def test_dashboard_invites_learners_without_an_organisation_to_register(client, org_world):
    client.force_login(org_world["outsider"])
    text = client.get(reverse("learning:dashboard")).content.decode()
    assert "Does your organisation want to train its staff?" in text
    assert reverse("organisations:register") in text


def test_dashboard_shows_a_registrant_their_registration(client, org_world):
    client.force_login(org_world["outsider"])
    client.post(REGISTER, registration(org_world))
    text = client.get(reverse("learning:dashboard")).content.decode()
    assert "Viljandi Vesi is waiting for approval." in text
    assert "Does your organisation want to train its staff?" not in text
    Organisation.objects.filter(name="Viljandi Vesi").update(status=Organisation.Status.REJECTED)
    text = client.get(reverse("learning:dashboard")).content.decode()
    assert "was not approved" in text


def test_dashboard_says_nothing_of_registration_to_members(client, org_world):
    client.force_login(org_world["member_a1"])
    text = client.get(reverse("learning:dashboard")).content.decode()
    assert "organisation-registration-heading" not in text
