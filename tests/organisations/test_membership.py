"""Joining and leaving: accepting invitations, join codes, leaving, and who may do what."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.models import Certificate, LearnerProfile, ModuleProgress
from organisations import inviting
from organisations.models import Invitation
from tests.organisations.conftest import ROLES, sign_in

PASSWORD = "long-enough-passphrase-42"


@pytest.fixture
def world(org_world):
    """The shared world, with an open invitation of A and A's join code switched on."""
    org_world["invitation"] = Invitation.objects.create(
        organisation=org_world["a"],
        email="uus@tartu.example",
        language="et",
        invited_by=org_world["admin_a"],
    )
    org_world["a"].rotate_join_code()
    return org_world


def accept_url(invitation) -> str:
    return reverse("organisations:accept", args=[inviting.invitation_token(invitation)])


def code_url(organisation) -> str:
    return reverse("organisations:join_with_code", args=[organisation.join_code])


def invitation_to(world, email, organisation="a", role="member", **extra):
    return Invitation.objects.create(
        organisation=world[organisation],
        email=email,
        language="et",
        role=role,
        invited_by=world[f"admin_{organisation}"],
        **extra,
    )


def profile_of(world, role) -> LearnerProfile:
    return LearnerProfile.objects.get(user=world[role])


# --- Who may do what ------------------------------------------------------------

ADMIN_PAGE = {
    "anonymous": 302,
    "outsider": 403,
    "member_a1": 403,
    "admin_a": 200,
    "admin_b": 200,
    "manager": 403,
    "coordinator": 403,
    "editor": 403,
    "superuser": 403,
}
ON_A_INVITATION = ADMIN_PAGE | {"admin_a": 302, "admin_b": 404}
NO_PROFILE = {"manager", "coordinator", "editor", "superuser"}

MATRIX = {
    ("invite", "get"): ADMIN_PAGE,
    ("invite_confirm", "get"): ADMIN_PAGE | {"admin_a": 302, "admin_b": 302},
    ("invite_confirm", "post"): ADMIN_PAGE | {"admin_a": 400, "admin_b": 400},
    ("resend_invitation", "post"): ON_A_INVITATION,
    ("revoke_invitation", "post"): ON_A_INVITATION,
    ("join_code", "get"): ADMIN_PAGE,
    ("join_code", "post"): ADMIN_PAGE | {"admin_a": 302, "admin_b": 302},
    ("leave", "get"): dict.fromkeys(ROLES, 404)
    | {"anonymous": 302, "member_a1": 200, "admin_a": 200, "admin_b": 200},
    ("accept", "get"): dict.fromkeys(ROLES, 200),
    # Signed in: a learner in no organisation joins; someone already in it
    # (the invitation is left for its addressee), in another one or without a
    # learner profile is told why not. Anonymous: the sign-up form, empty here.
    ("accept", "post"): dict.fromkeys(NO_PROFILE, 409)
    | {"anonymous": 400, "outsider": 302, "member_a1": 409, "admin_a": 409, "admin_b": 409},
    ("join", "get"): dict.fromkeys(ROLES, 200),
    ("join", "post"): dict.fromkeys(ROLES, 302),
    ("join_with_code", "get"): dict.fromkeys(ROLES, 200),
    ("join_with_code", "post"): dict.fromkeys(NO_PROFILE, 409)
    | {"anonymous": 400, "outsider": 302, "member_a1": 302, "admin_a": 302, "admin_b": 409},
}


def url_for(name, world) -> str:
    if name in ("resend_invitation", "revoke_invitation"):
        return reverse(f"organisations:{name}", args=[world["invitation"].pk])
    if name == "accept":
        return accept_url(world["invitation"])
    if name == "join_with_code":
        return code_url(world["a"])
    return reverse(f"organisations:{name}")


def data_for(name, world) -> dict:
    return {"join_code": {"action": "rotate"}, "join": {"code": world["a"].join_code}}.get(name, {})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method"), list(MATRIX))
def test_who_may_do_what(client, world, name, method, role):
    code_before = {key: world[key].join_code for key in ("a", "b")}
    invitation = world["invitation"]
    sign_in(client, world, role)
    url = url_for(name, world)
    response = getattr(client, method)(url, data_for(name, world))
    expected = MATRIX[(name, method)][role]
    assert response.status_code == expected, (name, method, role)
    if expected == 302 and role == "anonymous" and name != "join":
        assert "/accounts/login/" in response["Location"]
    world["a"].refresh_from_db()
    invitation.refresh_from_db()
    if role != "admin_a":
        # Only A's administrator changes A's code and invitations.
        assert world["a"].join_code == code_before["a"]
        if name in ("resend_invitation", "revoke_invitation"):
            assert invitation.status == Invitation.Status.SENT
            assert invitation.send_count == 1


@pytest.mark.parametrize("name", ["resend_invitation", "revoke_invitation", "leave", "join_code"])
def test_changes_need_a_post(client, world, name):
    sign_in(client, world, "admin_a")
    if name in ("leave", "join_code"):
        response = client.put(url_for(name, world))
    else:
        response = client.get(url_for(name, world))
    assert response.status_code == 405


# --- Accepting an invitation ----------------------------------------------------


def test_a_new_person_sees_what_administrators_see_then_signs_up_and_joins(client, world):
    invitation = world["invitation"]
    url = accept_url(invitation)
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Join Tartu Vesi" in text
    assert "Anu Haldur invited you" in text
    assert "uus@tartu.example" in text
    assert "Phishing at the utility" in text and "Passwords for operators" in text
    assert "Not started" in text
    assert "never see your scores" in text
    # Fewer fields than the usual sign-up: the organisation gives the rest.
    assert 'name="region"' not in text and 'name="sector"' not in text
    assert 'name="organisation_size"' not in text

    response = client.post(
        url,
        {
            # The address is the invited one, whatever is posted.
            "email": "someone.else@example.com",
            "password": PASSWORD,
            "full_name": "Uus Töötaja",
            "preferred_language": "et",
            "statistics_consent": "on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("learning:dashboard")
    user = get_user_model().objects.get(email="uus@tartu.example")
    assert not get_user_model().objects.filter(email="someone.else@example.com").exists()
    profile = user.learner_profile
    assert profile.organisation == world["a"]
    assert profile.organisation_role == "member"
    assert profile.organisation_joined_at is not None
    assert profile.region == world["estonia"]
    assert profile.sector == world["water"]
    assert profile.organisation_size == "small"
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert invitation.accepted_by == user
    # Signed in, on My learning.
    assert client.get(reverse("learning:dashboard")).status_code == 200

    client.logout()
    used = client.get(url)
    assert used.status_code == 410
    assert "used already" in used.content.decode()


def test_sign_up_errors_are_shown_and_nothing_is_written(client, world):
    response = client.post(accept_url(world["invitation"]), {"password": "short", "full_name": ""})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not get_user_model().objects.filter(email="uus@tartu.example").exists()
    world["invitation"].refresh_from_db()
    assert world["invitation"].status == Invitation.Status.SENT


def test_someone_with_an_account_is_asked_to_sign_in_and_sees_nothing_before(client, world):
    invitation = invitation_to(world, "olev@example.com")
    ModuleProgress.objects.create(
        user=world["outsider"],
        module_key=world["modules"][0].translation_key,
        module_title="Phishing at the utility",
        started_at=timezone.now(),
        completed_at=timezone.now(),
        best_score=73,
        attempt_count=3,
    )
    text = client.get(accept_url(invitation)).content.decode()
    assert "Sign in to see exactly what the organisation will see" in text
    assert "Completed" not in text
    assert 'name="password"' not in text


def preview_section(text: str) -> str:
    start = text.index('id="administrators-see-heading"')
    return text[start : text.index("</section>", start)]


def test_an_existing_learner_sees_their_own_status_never_scores_then_accepts(client, world):
    invitation = invitation_to(world, "olev@example.com")
    now = timezone.now()
    ModuleProgress.objects.create(
        user=world["outsider"],
        module_key=world["modules"][0].translation_key,
        module_title="Phishing at the utility",
        started_at=now - timedelta(days=2),
        completed_at=now,
        best_score=73,
        attempt_count=4,
    )
    ModuleProgress.objects.create(
        user=world["outsider"],
        module_key=world["modules"][1].translation_key,
        module_title="Passwords for operators",
        started_at=now,
        best_score=41,
        attempt_count=2,
    )
    Certificate.objects.create(
        user=world["outsider"],
        kind=Certificate.Kind.PROGRAMME,
        subject_key=world["programme"].translation_key,
        title="Water programme",
        learner_name="Olev Üksik",
        language="en",
        completed_at=now,
        valid_until=now + timedelta(days=365),
    )
    sign_in(client, world, "outsider")
    page = client.get(accept_url(invitation))
    assert page.status_code == 200
    preview = preview_section(page.content.decode())
    assert "Olev Üksik" in preview and "olev@example.com" in preview
    assert "Completed" in preview and "In progress" in preview
    assert "Certificate valid until" in preview
    for secret in ("73", "41", "attempts:", "4 attempts"):
        assert secret not in preview.replace("never see your scores", "")

    response = client.post(accept_url(invitation))
    assert response.status_code == 302
    profile = profile_of(world, "outsider")
    assert profile.organisation == world["a"]
    assert profile.organisation_role == "member"
    assert profile.organisation_joined_at is not None
    # The learner's own situation is theirs: joining does not rewrite it.
    assert profile.region == world["estonia"]


def test_an_administrator_invitation_makes_an_administrator(client, world):
    invitation = invitation_to(world, "olev@example.com", role="administrator")
    sign_in(client, world, "outsider")
    assert "invited as an administrator" in client.get(accept_url(invitation)).content.decode()
    assert client.post(accept_url(invitation)).status_code == 302
    assert profile_of(world, "outsider").administers_organisation


def test_an_administrator_invitation_promotes_a_member_of_the_same_organisation(client, world):
    invitation = invitation_to(world, "mati@tartu.example", role="administrator")
    sign_in(client, world, "member_a1")
    assert client.post(accept_url(invitation)).status_code == 302
    assert profile_of(world, "member_a1").organisation_role == "administrator"


def test_a_member_does_not_use_up_an_invitation_meant_for_someone_else(client, world):
    sign_in(client, world, "member_a1")
    url = accept_url(world["invitation"])
    assert "You are already a member of Tartu Vesi." in client.get(url).content.decode()
    assert client.post(url).status_code == 409
    world["invitation"].refresh_from_db()
    assert world["invitation"].status == Invitation.Status.SENT


def test_a_member_of_another_organisation_must_leave_or_switch_explicitly(client, world):
    invitation = invitation_to(world, "mati@tartu.example", organisation="b")
    sign_in(client, world, "member_a1")
    page = client.get(accept_url(invitation)).content.decode()
    assert "Leave Tartu Vesi and join Narva Vesi" in page

    refused = client.post(accept_url(invitation))
    assert refused.status_code == 409
    assert "leave it first" in refused.content.decode()
    assert profile_of(world, "member_a1").organisation == world["a"]
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT

    assert client.post(accept_url(invitation), {"switch": "yes"}).status_code == 302
    assert profile_of(world, "member_a1").organisation == world["b"]


def test_the_last_administrator_cannot_switch_away_from_their_team(client, world):
    invitation = invitation_to(world, "anu.admin@tartu.example", organisation="b")
    sign_in(client, world, "admin_a")
    page = client.get(accept_url(invitation)).content.decode()
    assert "Make another member an administrator first" in page
    response = client.post(accept_url(invitation), {"switch": "yes"})
    assert response.status_code == 409
    assert profile_of(world, "admin_a").organisation == world["a"]
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT


def test_an_invitation_opened_by_another_account_says_whose_address_is_shown(client, world):
    sign_in(client, world, "outsider")
    text = client.get(accept_url(world["invitation"])).content.decode()
    assert "This invitation was sent to uus@tartu.example" in text


def forged(token: str) -> str:
    return token[:-2] + ("AA" if not token.endswith("AA") else "BB")


@pytest.mark.parametrize(
    ("case", "status", "says"),
    [
        ("forged", 400, "not valid"),
        ("unknown", 404, "does not exist"),
        ("expired", 410, "expired"),
        ("revoked", 410, "withdrawn"),
        ("used", 410, "used already"),
        ("organisation suspended", 410, "cannot take new members"),
    ],
)
@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_links_that_do_not_work_get_a_clear_page_and_write_nothing(
    client, world, case, status, says, role
):
    invitation = world["invitation"]
    token = inviting.invitation_token(invitation)
    if case == "forged":
        token = forged(token)
    elif case == "unknown":
        token = inviting.link_signer().sign("no-such-key")
    elif case == "expired":
        Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    elif case == "revoked":
        Invitation.objects.update(status=Invitation.Status.REVOKED)
    elif case == "used":
        Invitation.objects.update(status=Invitation.Status.ACCEPTED)
    else:
        world["a"].status = "rejected"
        world["a"].save()
    sign_in(client, world, role)
    url = reverse("organisations:accept", args=[token])
    users = get_user_model().objects.count()
    before = Invitation.objects.values_list("status", "accepted_at").get()
    for response in (
        client.get(url),
        client.post(url, {"password": PASSWORD, "full_name": "Uus", "preferred_language": "et"}),
    ):
        assert response.status_code == status
        assert says in response.content.decode()
    assert get_user_model().objects.count() == users
    assert profile_of(world, "outsider").organisation is None
    assert Invitation.objects.values_list("status", "accepted_at").get() == before


def test_an_invitation_withdrawn_while_the_page_is_open_is_not_accepted(client, world):
    invitation = invitation_to(world, "olev@example.com")
    sign_in(client, world, "outsider")
    url = accept_url(invitation)
    assert client.get(url).status_code == 200
    inviting.revoke(invitation)
    assert client.post(url).status_code == 410
    assert profile_of(world, "outsider").organisation is None


# --- Join codes -----------------------------------------------------------------


def test_the_administrator_page_shows_the_code_its_link_and_a_qr_code(client, world):
    sign_in(client, world, "admin_a")
    text = client.get(reverse("organisations:join_code")).content.decode()
    assert world["a"].join_code in text
    # In the organisation's language (Estonian), whatever the administrator reads in.
    assert f"http://testserver/et/join/{world['a'].join_code}/" in text
    assert 'src="data:image/svg+xml' in text
    assert 'alt="QR code of the join link"' in text


def test_rotating_the_code_invalidates_the_old_one(client, world):
    a = world["a"]
    old = a.join_code
    old_url = code_url(a)
    sign_in(client, world, "admin_a")
    assert client.post(reverse("organisations:join_code"), {"action": "rotate"}).status_code == 302
    a.refresh_from_db()
    assert a.join_code != old
    client.logout()
    gone = client.get(old_url)
    assert gone.status_code == 404
    assert "changed or switched off" in gone.content.decode()
    assert client.get(code_url(a)).status_code == 200
    sign_in(client, world, "outsider")
    assert client.post(old_url).status_code == 404
    assert profile_of(world, "outsider").organisation is None


def test_a_code_switched_off_stops_working_and_can_come_back(client, world):
    a = world["a"]
    sign_in(client, world, "admin_a")
    client.post(reverse("organisations:join_code"), {"action": "disable"})
    a.refresh_from_db()
    assert not a.join_code_enabled
    assert client.get(code_url(a)).status_code == 404
    assert "switched off" in client.get(reverse("organisations:join_code")).content.decode()
    client.post(reverse("organisations:join_code"), {"action": "enable"})
    a.refresh_from_db()
    assert a.join_code_enabled
    assert client.get(code_url(a)).status_code == 200


def test_an_organisation_without_a_code_gets_one_when_switched_on(client, world):
    b = world["b"]
    assert b.join_code is None
    sign_in(client, world, "admin_b")
    assert "no join code yet" in client.get(reverse("organisations:join_code")).content.decode()
    client.post(reverse("organisations:join_code"), {"action": "enable"})
    b.refresh_from_db()
    assert b.join_code and b.join_code_enabled


def test_an_unknown_action_on_the_code_is_refused(client, world):
    sign_in(client, world, "admin_a")
    response = client.post(reverse("organisations:join_code"), {"action": "delete"})
    assert response.status_code == 400


def test_a_code_typed_loosely_leads_to_the_organisation(client, world):
    code = world["a"].join_code
    sign_in(client, world, "outsider")
    loose = " " + code.replace("-", " ").lower() + " "
    response = client.post(reverse("organisations:join"), {"code": loose})
    assert response.status_code == 302
    assert response["Location"] == code_url(world["a"])


def test_a_wrong_code_is_explained(client, world):
    sign_in(client, world, "outsider")
    response = client.post(reverse("organisations:join"), {"code": "AAAAA-BBBBB"})
    assert response.status_code == 400
    assert "This code does not work" in response.content.decode()


def test_a_pending_organisations_code_does_not_work(client, world):
    pending = world["pending"]
    pending.rotate_join_code()
    assert client.get(code_url(pending)).status_code == 404


def test_guessing_codes_is_limited(client, world, settings):
    from organisations.views import membership

    right = {"code": world["a"].join_code}
    membership.JOIN_CODE_TRIES_PER_ADDRESS, before = 3, membership.JOIN_CODE_TRIES_PER_ADDRESS
    try:
        # Colleagues behind one address typing the right code are not counted.
        assert [client.post(reverse("organisations:join"), right).status_code] * 4 == [302] * 4
        statuses = [
            client.post(reverse("organisations:join"), {"code": f"AAAAA-BBBB{i}"}).status_code
            for i in range(2, 7)
        ]
        after = client.post(reverse("organisations:join"), right).status_code
        by_link = client.get(code_url(world["a"])).status_code
    finally:
        membership.JOIN_CODE_TRIES_PER_ADDRESS = before
    assert statuses == [400, 400, 400, 429, 429]
    assert after == 429
    assert by_link == 429


def test_a_learner_joins_with_the_code_as_a_member(client, world):
    sign_in(client, world, "outsider")
    page = client.get(code_url(world["a"])).content.decode()
    assert "What the organisation's administrators will see" in page
    assert client.post(code_url(world["a"])).status_code == 302
    profile = profile_of(world, "outsider")
    assert profile.organisation == world["a"]
    assert profile.organisation_role == "member"
    assert profile.organisation_joined_at is not None


def test_joining_with_the_code_closes_a_waiting_invitation(client, world):
    waiting = invitation_to(world, "olev@example.com")
    sign_in(client, world, "outsider")
    client.post(code_url(world["a"]))
    waiting.refresh_from_db()
    assert waiting.status == Invitation.Status.ACCEPTED
    assert waiting.accepted_by == world["outsider"]


def test_a_new_person_signs_up_with_the_code(client, world):
    response = client.post(
        code_url(world["a"]),
        {
            "email": "Uus.Tootaja@Tartu.example",
            "password": PASSWORD,
            "full_name": "Uus Töötaja",
            "preferred_language": "et",
        },
    )
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user__email="uus.tootaja@tartu.example")
    assert profile.organisation == world["a"]
    assert profile.organisation_role == "member"
    assert profile.region == world["estonia"]


def test_a_member_of_another_organisation_switches_only_when_confirmed(client, world):
    sign_in(client, world, "admin_b")
    assert client.post(code_url(world["a"])).status_code == 409
    assert profile_of(world, "admin_b").organisation == world["b"]
    # Boris is Narva Vesi's only member: he may take it with him.
    assert client.post(code_url(world["a"]), {"switch": "yes"}).status_code == 302
    profile = profile_of(world, "admin_b")
    assert profile.organisation == world["a"]
    assert profile.organisation_role == "member"


# --- Leaving --------------------------------------------------------------------


def test_a_member_leaves_after_confirming(client, world):
    sign_in(client, world, "member_a1")
    page = client.get(reverse("organisations:leave"))
    assert "no longer see your name or your progress" in page.content.decode()
    assert profile_of(world, "member_a1").organisation == world["a"]
    response = client.post(reverse("organisations:leave"))
    assert response.status_code == 302
    profile = profile_of(world, "member_a1")
    assert profile.organisation is None
    assert profile.organisation_role == ""
    assert profile.organisation_joined_at is None
    assert client.get(reverse("organisations:leave")).status_code == 404


def test_the_last_administrator_cannot_leave_a_team(client, world):
    sign_in(client, world, "admin_a")
    page = client.get(reverse("organisations:leave")).content.decode()
    assert "Make another member an administrator first" in page
    response = client.post(reverse("organisations:leave"))
    assert response.status_code == 409
    assert profile_of(world, "admin_a").administers_organisation
    # With a second administrator, they may.
    LearnerProfile.objects.filter(user=world["member_a1"]).update(organisation_role="administrator")
    assert client.post(reverse("organisations:leave")).status_code == 302
    assert profile_of(world, "admin_a").organisation is None


def test_an_administrator_alone_in_their_organisation_may_leave(client, world):
    sign_in(client, world, "admin_b")
    assert client.post(reverse("organisations:leave")).status_code == 302
    assert profile_of(world, "admin_b").organisation is None


# --- My learning ----------------------------------------------------------------


def test_my_learning_lists_invitations_and_the_organisation(client, world):
    member = invitation_to(world, "olev@example.com")
    invitation_to(world, "olev@example.com", organisation="b", role="administrator")
    invitation_to(
        world, "olev@example.com", organisation="c", expires_at=timezone.now() - timedelta(days=1)
    )
    sign_in(client, world, "outsider")
    text = client.get(reverse("learning:dashboard")).content.decode()
    assert "Tartu Vesi invites you to join." in text
    assert accept_url(member) in text
    # An administrator's invitation needs the e-mail's link: it proves the address.
    assert "Narva Vesi invites you to join as an administrator." in text
    assert "open the link in the e-mail sent to olev@example.com" in text
    assert "Brest Eau" not in text  # expired
    assert reverse("organisations:join") in text


def test_my_learning_shows_the_organisation_and_how_to_leave(client, world):
    sign_in(client, world, "member_a1")
    text = client.get(reverse("learning:dashboard")).content.decode()
    assert "You are a member of Tartu Vesi." in text
    assert reverse("organisations:leave") in text
    assert reverse("organisations:invite") not in text
    sign_in(client, world, "admin_a")
    text = client.get(reverse("learning:dashboard")).content.decode()
    assert "You are an administrator of Tartu Vesi." in text
    assert reverse("organisations:invite") in text
    assert reverse("organisations:join_code") in text


def test_the_panel_costs_the_same_for_many_invitations(client, world):
    sign_in(client, world, "outsider")
    invitation_to(world, "olev@example.com")
    client.get(reverse("learning:dashboard"))  # the site's lookups are cached after this
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("learning:dashboard"))
    for name in ("b", "c"):
        invitation_to(world, "olev@example.com", organisation=name)
    with CaptureQueriesContext(connection) as three:
        client.get(reverse("learning:dashboard"))
    assert len(three) == len(one)


# --- Privacy --------------------------------------------------------------------


def test_my_data_includes_membership_and_invitations(client, world):
    invitation_to(world, "mati@tartu.example", organisation="b")
    sign_in(client, world, "member_a1")
    data = client.get(reverse("learning:my_data") + "?format=json").json()
    assert data["organisation_membership"]["organisation"] == "Tartu Vesi"
    assert data["organisation_membership"]["role"] == "member"
    assert data["organisation_membership"]["joined_at"]
    [invitation] = data["organisation_invitations"]
    assert invitation["organisation"] == "Narva Vesi"
    assert invitation["status"] == "sent"
    page = client.get(reverse("learning:my_data")).content.decode()
    assert "Invitations sent to your e-mail address" in page
    assert "Narva Vesi" in page


def test_my_data_of_someone_in_no_organisation_says_so(client, world):
    sign_in(client, world, "outsider")
    data = client.get(reverse("learning:my_data") + "?format=json").json()
    assert data["organisation_membership"] is None
    assert data["organisation_invitations"] == []


def test_erasure_removes_invitations_and_membership(client, world):
    invitation_to(world, "mati@tartu.example", organisation="b")
    accepted = invitation_to(
        world,
        "mati@tartu.example",
        status=Invitation.Status.ACCEPTED,
        accepted_by=world["member_a1"],
    )
    sign_in(client, world, "member_a1")
    response = client.post(reverse("learning:delete_account"), {"password": "pw-Secret-123"})
    assert response.status_code == 302
    assert not Invitation.objects.filter(email="mati@tartu.example").exists()
    assert not Invitation.objects.filter(pk=accepted.pk).exists()
    assert not LearnerProfile.objects.filter(user__email="mati@tartu.example").exists()
    # Other people's invitations stay.
    assert Invitation.objects.filter(email="uus@tartu.example").exists()


def test_the_privacy_notice_says_what_administrators_see(client, world):
    text = client.get(reverse("learning:privacy")).content.decode()
    assert 'id="organisations"' in text
    assert "never see your quiz scores, your answers or how many attempts" in text


def test_every_url_of_this_part_is_in_the_matrix():
    from organisations.urls.membership import urlpatterns

    assert {pattern.name for pattern in urlpatterns} == {name for name, _method in MATRIX}
