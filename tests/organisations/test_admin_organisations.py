"""The admin's Organisations menu: who sees what, reviews, invitations, enrolments."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.models import LearnerProfile, MembershipRole, Organisation
from organisations.access import administered_organisation
from organisations.models import Enrolment, Invitation
from tests.factories import make_learner
from tests.organisations.conftest import ROLES, sign_in

pytestmark = pytest.mark.django_db

MANAGERS = {"manager", "coordinator", "superuser"}
# Staff who reach the admin but not this menu, and learners who do not reach the admin.
STAFF_WITHOUT_ACCESS = {"editor"}


def url(name, *args):
    return reverse(f"organisations_admin:{name}", args=args)


def admin_urls(org_world):
    a, pending = org_world["a"], org_world["pending"]
    enrolment = org_world["enrolment"]
    return {
        "index": url("index"),
        "index_results": url("index_results"),
        "add": url("add"),
        "edit": url("edit", a.pk),
        "history": url("history", a.pk),
        "usage": url("usage", a.pk),
        "review": url("review", pending.pk),
        "invite_administrator": url("invite_administrator", a.pk),
        "enrolments": url("enrolments", a.pk),
        "enrolment_remove": url("enrolment_remove", a.pk, enrolment.pk),
    }


def assert_refused(response, role):
    if role == "anonymous":
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    elif role in STAFF_WITHOUT_ACCESS:
        # Wagtail's answer to a permission denied: back to the dashboard, with a message.
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    else:
        # Learners have no admin access: sent to the admin's sign-in page.
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_for_every_role(client, org_world, role):
    sign_in(client, org_world, role)
    for name, address in admin_urls(org_world).items():
        if name == "enrolment_remove":
            response = client.get(address)
            if role in MANAGERS:
                # Only a POST removes an enrolment.
                assert response.status_code == 405, name
            else:
                assert_refused(response, role)
            continue
        response = client.get(address)
        if role in MANAGERS:
            assert response.status_code == 200, name
        else:
            assert_refused(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_change_for_every_role(
    client, org_world, role, django_capture_on_commit_callbacks
):
    sign_in(client, org_world, role)
    pending, a = org_world["pending"], org_world["a"]
    enrolment = org_world["enrolment"]
    with django_capture_on_commit_callbacks(execute=True):
        review = client.post(url("review", pending.pk), {"decision": "approve"})
        invite = client.post(
            url("invite_administrator", a.pk),
            {"email": "new.admin@tartu.example", "language": "et"},
        )
        enrol = client.post(url("enrolments", a.pk), {"programme": "", "due_date": ""})
        remove = client.post(url("enrolment_remove", a.pk, enrolment.pk))
    pending.refresh_from_db()
    if role in MANAGERS:
        assert review.status_code == 302 and pending.status == Organisation.Status.APPROVED
        assert invite.status_code == 302
        assert Invitation.objects.filter(email="new.admin@tartu.example").exists()
        assert enrol.status_code == 400
        assert remove.status_code == 302
        assert not Enrolment.objects.filter(pk=enrolment.pk).exists()
    else:
        for response in (review, invite, enrol, remove):
            assert_refused(response, role)
        assert pending.status == Organisation.Status.PENDING
        assert not Invitation.objects.exists()
        assert Enrolment.objects.filter(pk=enrolment.pk).exists()


def test_the_manager_of_estonia_cannot_see_or_touch_a_french_organisation(client, org_world):
    client.force_login(org_world["manager"])
    c = org_world["c"]
    listing = client.get(url("index")).content.decode()
    assert "Tartu Vesi" in listing and "Narva Vesi" in listing and "Pärnu Vesi" in listing
    assert "Brest Eau" not in listing
    # (A 404 outside the language-prefixed pages is redirected once, then is a 404.)
    for name in ("edit", "history", "usage", "review", "invite_administrator", "enrolments"):
        assert client.get(url(name, c.pk), follow=True).status_code == 404, name
    french_enrolment = Enrolment.objects.create(
        organisation=c, programme_key=org_world["programme"].translation_key
    )
    c.status = Organisation.Status.PENDING
    c.save()
    assert client.post(url("review", c.pk), {"decision": "approve"}, follow=True).status_code == 404
    assert client.post(url("edit", c.pk), {"name": "Taken"}, follow=True).status_code == 404
    assert (
        client.post(
            url("invite_administrator", c.pk),
            {"email": "x@example.com", "language": "fr"},
            follow=True,
        )
    ).status_code == 404
    assert (
        client.post(url("enrolment_remove", c.pk, french_enrolment.pk), follow=True).status_code
        == 404
    )
    # Nor through an Estonian organisation's address.
    a = org_world["a"]
    assert (
        client.post(url("enrolment_remove", a.pk, french_enrolment.pk), follow=True).status_code
        == 404
    )
    c.refresh_from_db()
    assert c.status == Organisation.Status.PENDING and c.name == "Brest Eau"
    assert Enrolment.objects.filter(pk=french_enrolment.pk).exists()
    assert not Invitation.objects.exists()


def test_the_coordinator_sees_every_region(client, org_world):
    client.force_login(org_world["coordinator"])
    listing = client.get(url("index")).content.decode()
    assert "Brest Eau" in listing and "Tartu Vesi" in listing


def test_the_menu_shows_organisations_to_managers_only(client, org_world):
    client.force_login(org_world["manager"])
    assert url("index") in client.get("/admin/").content.decode()
    client.force_login(org_world["editor"])
    assert url("index") not in client.get("/admin/").content.decode()


def test_the_list_shows_status_members_and_administrators(client, org_world):
    Organisation.objects.create(
        name="Typed At Sign-up", region=org_world["estonia"], status=Organisation.Status.UNVERIFIED
    )
    client.force_login(org_world["manager"])
    response = client.get(url("index"))
    text = response.content.decode()
    for heading in ("Region", "Sector", "Size", "Status", "Members", "Administrators"):
        assert heading in text
    assert "Anu Haldur" in text and "Boris Haldur" in text
    assert "Waiting for approval" in text
    assert "Unverified (from sign-up)" in text
    rows = {row.name: row for row in response.context["object_list"]}
    assert rows["Tartu Vesi"].members_count == 3
    assert rows["Narva Vesi"].members_count == 1
    assert rows["Typed At Sign-up"].members_count == 0


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("?status=pending", ["Pärnu Vesi"], ["Tartu Vesi", "Narva Vesi"]),
        ("?size=micro", ["Narva Vesi"], ["Tartu Vesi", "Pärnu Vesi"]),
        ("?q=EE-1", ["Tartu Vesi"], ["Narva Vesi", "Pärnu Vesi"]),
        ("?q=contact@narva", ["Narva Vesi"], ["Tartu Vesi", "Pärnu Vesi"]),
        ("?q=Contact+of+P", ["Pärnu Vesi"], ["Tartu Vesi", "Narva Vesi"]),
    ],
)
def test_search_and_filters(client, org_world, query, shown, hidden):
    Organisation.objects.filter(pk=org_world["a"].pk).update(registry_code="EE-1")
    Organisation.objects.filter(pk=org_world["b"].pk).update(size="micro")
    client.force_login(org_world["coordinator"])
    names = {row.name for row in client.get(url("index") + query).context["object_list"]}
    assert set(shown) <= names
    assert not set(hidden) & names


def test_the_region_filter_offers_only_the_managers_regions(client, org_world):
    client.force_login(org_world["manager"])
    response = client.get(url("index") + f"?region={org_world['france'].pk}")
    # A region outside the manager's is not a choice: the filter is ignored, never widened.
    names = {row.name for row in response.context["object_list"]}
    assert "Brest Eau" not in names
    region_filter = response.context["filters"].form.fields["region"]
    assert list(region_filter.queryset) == [org_world["estonia"]]


def test_the_list_takes_the_same_number_of_queries_however_many_organisations(
    client, org_world, django_assert_max_num_queries
):
    client.force_login(org_world["coordinator"])
    client.get(url("index"))  # warm caches (content types, permissions)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url("index")).status_code == 200
    for n in range(12):
        organisation = Organisation.objects.create(
            name=f"Org {n}", region=org_world["estonia"], sector=org_world["water"], size="small"
        )
        make_learner(
            f"admin{n}@org.example",
            region=org_world["estonia"],
            organisation=organisation,
            role="administrator",
            full_name=f"Admin {n}",
        )
    with django_assert_max_num_queries(len(few)):
        response = client.get(url("index"))
    assert response.status_code == 200
    assert "Admin 11" in response.content.decode()
    assert len(few) <= 20


def test_approving_a_registration_tells_its_contact_in_its_language(
    client, org_world, django_capture_on_commit_callbacks
):
    pending = org_world["pending"]
    registrant = make_learner(
        "peeter@parnu.example",
        region=org_world["estonia"],
        organisation=pending,
        role="administrator",
        full_name="Peeter Pärnu",
    )
    assert administered_organisation(registrant) is None
    client.force_login(org_world["manager"])
    page = client.get(url("review", pending.pk)).content.decode()
    assert "Peeter Pärnu" in page and "Contact of Pärnu Vesi" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("review", pending.pk), {"decision": "approve", "note": ""})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.APPROVED
    assert pending.reviewed_by == org_world["manager"]
    assert pending.reviewed_at is not None
    assert administered_organisation(registrant) == pending
    assert [message.to for message in mail.outbox] == [["contact@pärnu-vesi.example"]]
    assert mail.outbox[0].subject == "Pärnu Vesi on CyberAware'is kinnitatud"
    # The organisation registered in Estonian: the e-mail's links are the Estonian pages.
    assert "/et/" in mail.outbox[0].body


def test_rejecting_needs_a_note_which_the_contact_and_the_registrant_see(
    client, org_world, django_capture_on_commit_callbacks
):
    pending = org_world["pending"]
    registrant = make_learner(
        "peeter@parnu.example",
        region=org_world["estonia"],
        organisation=pending,
        role="administrator",
    )
    client.force_login(org_world["manager"])
    response = client.post(url("review", pending.pk), {"decision": "reject", "note": "  "})
    assert response.status_code == 400
    assert "Say why the registration is rejected." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("review", pending.pk), {"decision": "reject", "note": "Not an SME of the region."}
        )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.REJECTED
    assert pending.review_note == "Not an SME of the region."
    assert pending.reviewed_by == org_world["manager"]
    assert len(mail.outbox) == 1 and "Not an SME of the region." in mail.outbox[0].body

    client.force_login(registrant)
    status = client.get(reverse("organisations:registration_status")).content.decode()
    assert "Not an SME of the region." in status


def test_an_approved_organisation_is_not_reviewed_again(client, org_world):
    client.force_login(org_world["manager"])
    a = org_world["a"]
    page = client.get(url("review", a.pk)).content.decode()
    assert "An approved organisation is not reviewed again." in page
    for decision in ("approve", "reject"):
        response = client.post(url("review", a.pk), {"decision": decision, "note": "x"})
        assert response.status_code == 400
    a.refresh_from_db()
    assert a.status == Organisation.Status.APPROVED and a.reviewed_by is None


@pytest.mark.parametrize("data", [{}, {"decision": "maybe"}, {"decision": "approve" * 100}])
def test_a_forged_decision_writes_nothing(client, org_world, data):
    client.force_login(org_world["manager"])
    pending = org_world["pending"]
    assert client.post(url("review", pending.pk), data).status_code == 400
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PENDING


def test_a_rejected_registration_offers_approval_only(client, org_world):
    pending = org_world["pending"]
    Organisation.objects.filter(pk=pending.pk).update(status=Organisation.Status.REJECTED)
    client.force_login(org_world["manager"])
    form = client.get(url("review", pending.pk)).context["form"]
    assert [value for value, _label in form.fields["decision"].choices] == ["approve"]
    assert (
        client.post(url("review", pending.pk), {"decision": "reject", "note": "x"}).status_code
        == 400
    )
    assert client.post(url("review", pending.pk), {"decision": "approve"}).status_code == 302


def test_an_unverified_organisation_is_approved_into_a_verified_one(
    client, org_world, django_capture_on_commit_callbacks
):
    legacy = Organisation.objects.create(
        name="Typed At Sign-up", region=org_world["estonia"], status=Organisation.Status.UNVERIFIED
    )
    member = make_learner(
        "typed@example.com", region=org_world["estonia"], organisation=legacy, role="member"
    )
    client.force_login(org_world["manager"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("review", legacy.pk), {"decision": "approve"})
    assert response.status_code == 302
    legacy.refresh_from_db()
    assert legacy.is_verified
    # Its learners stay members; nobody was written to (no contact address).
    assert LearnerProfile.objects.get(user=member).organisation == legacy
    assert mail.outbox == []


def test_approval_refuses_a_registry_code_an_approved_organisation_holds(client, org_world):
    Organisation.objects.filter(pk=org_world["a"].pk).update(registry_code="111")
    legacy = Organisation.objects.create(
        name="Tartu Vesi (typed)",
        region=org_world["estonia"],
        registry_code="111",
        status=Organisation.Status.UNVERIFIED,
    )
    client.force_login(org_world["manager"])
    response = client.post(url("review", legacy.pk), {"decision": "approve"})
    assert response.status_code == 400
    assert "has the same registry code" in response.content.decode()
    legacy.refresh_from_db()
    assert legacy.status == Organisation.Status.UNVERIFIED


def create_data(org_world, **changes):
    data = {
        "name": "Haapsalu Vesi",
        "registry_code": "",
        "region": org_world["estonia"].pk,
        "sector": org_world["water"].pk,
        "size": "small",
        "contact_name": "Hanna",
        "contact_email": "hanna@haapsalu.example",
        "language": "et",
    }
    data.update(changes)
    return data


def test_a_manager_creates_an_approved_organisation_then_invites_its_administrator(
    client, org_world, django_capture_on_commit_callbacks
):
    client.force_login(org_world["manager"])
    response = client.post(url("add"), create_data(org_world))
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Haapsalu Vesi")
    assert organisation.status == Organisation.Status.APPROVED
    assert organisation.reviewed_by == org_world["manager"]
    assert response["Location"] == url("invite_administrator", organisation.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("invite_administrator", organisation.pk),
            {"email": " Hanna@Haapsalu.example ", "language": "et"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(organisation=organisation)
    assert invitation.email == "hanna@haapsalu.example"
    assert invitation.role == MembershipRole.ADMINISTRATOR
    assert invitation.invited_by == org_world["manager"]
    assert invitation.status == Invitation.Status.SENT
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["hanna@haapsalu.example"]
    # The link in the e-mail opens the accept page, in Estonian, for the person invited.
    link = re.search(r"http://testserver(/et/invitation/\S+/)", message.body).group(1)
    client.logout()
    accept_page = client.get(link)
    assert accept_page.status_code == 200
    assert "Haapsalu Vesi" in accept_page.content.decode()
    client.force_login(org_world["manager"])
    page = client.get(url("invite_administrator", organisation.pk)).content.decode()
    assert "hanna@haapsalu.example" in page


def test_inviting_the_same_person_again_resends_the_open_invitation(
    client, org_world, django_capture_on_commit_callbacks
):
    client.force_login(org_world["manager"])
    a = org_world["a"]
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                url("invite_administrator", a.pk), {"email": "x@tartu.example", "language": "et"}
            )
    invitation = Invitation.objects.get(organisation=a)
    assert invitation.send_count == 2
    assert len(mail.outbox) == 2


def test_no_administrator_invitation_before_approval(client, org_world):
    client.force_login(org_world["manager"])
    pending = org_world["pending"]
    assert (
        "Only an approved organisation"
        in client.get(url("invite_administrator", pending.pk)).content.decode()
    )
    response = client.post(
        url("invite_administrator", pending.pk), {"email": "x@example.com", "language": "et"}
    )
    assert response.status_code == 400
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"email": "", "language": "et"},
        {"email": "not-an-address", "language": "et"},
        {"email": "x@example.com", "language": "xx"},
        {"email": "a" * 250 + "@example.com", "language": "et"},
        {"email": "anu.admin@tartu.example", "language": "et"},
    ],
)
def test_bad_invitations_write_nothing(client, org_world, data):
    client.force_login(org_world["manager"])
    response = client.post(url("invite_administrator", org_world["a"].pk), data)
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_the_daily_invitation_limit_holds(client, org_world, settings):
    settings.INVITATIONS_PER_ORGANISATION_PER_DAY = 1
    client.force_login(org_world["manager"])
    a = org_world["a"]
    assert (
        client.post(
            url("invite_administrator", a.pk), {"email": "one@x.example", "language": "et"}
        ).status_code
        == 302
    )
    response = client.post(
        url("invite_administrator", a.pk), {"email": "two@x.example", "language": "et"}
    )
    assert response.status_code == 400
    assert Invitation.objects.count() == 1


def test_a_manager_cannot_create_an_organisation_in_another_region(client, org_world):
    client.force_login(org_world["manager"])
    response = client.post(url("add"), create_data(org_world, region=org_world["france"].pk))
    assert response.status_code == 200  # the form again, with the error
    assert not Organisation.objects.filter(name="Haapsalu Vesi").exists()


def test_creating_refuses_a_registry_code_taken_in_the_region(client, org_world):
    Organisation.objects.filter(pk=org_world["a"].pk).update(registry_code="123")
    client.force_login(org_world["manager"])
    response = client.post(url("add"), create_data(org_world, registry_code=" 123 "))
    assert not Organisation.objects.filter(name="Haapsalu Vesi").exists()
    assert "already has this registry code" in response.content.decode()


def test_editing_keeps_the_status(client, org_world):
    client.force_login(org_world["manager"])
    pending = org_world["pending"]
    response = client.post(
        url("edit", pending.pk), create_data(org_world, name="Pärnu Vesi AS", status="approved")
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.name == "Pärnu Vesi AS"
    assert pending.status == Organisation.Status.PENDING


def test_there_is_no_deleting_an_organisation(client, org_world):
    client.force_login(org_world["superuser"])
    a = org_world["a"]
    assert client.post(f"/admin/organisations/delete/{a.pk}/", follow=True).status_code == 404
    assert Organisation.objects.filter(pk=a.pk).exists()


def test_enrolling_an_organisation_and_changing_its_due_date(client, org_world):
    client.force_login(org_world["manager"])
    b = org_world["b"]
    key = str(org_world["programme"].translation_key)
    page = client.get(url("enrolments", b.pk))
    assert key in [value for value, _label in page.context["form"].fields["programme"].choices]
    due = date(date.today().year + 1, 6, 30)
    response = client.post(url("enrolments", b.pk), {"programme": key, "due_date": due.isoformat()})
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(organisation=b)
    assert enrolment.due_date == due
    assert enrolment.enrolled_by == org_world["manager"]

    client.post(url("enrolments", b.pk), {"programme": key, "due_date": ""})
    enrolment.refresh_from_db()
    assert enrolment.due_date is None
    assert Enrolment.objects.filter(organisation=b).count() == 1
    page = client.get(url("enrolments", b.pk)).content.decode()
    assert org_world["programme"].title in page

    response = client.post(url("enrolment_remove", b.pk, enrolment.pk))
    assert response.status_code == 302
    assert not Enrolment.objects.filter(organisation=b).exists()


@pytest.mark.parametrize(
    "due_date",
    ["9999-12-31", "0001-01-01", "10000-01-01", "2020-02-30", "yesterday", "1" * 300, "2000-01-01"],
)
def test_dates_at_the_ends_of_the_calendar_are_refused_not_crashed(client, org_world, due_date):
    client.force_login(org_world["manager"])
    b = org_world["b"]
    key = str(org_world["programme"].translation_key)
    response = client.post(url("enrolments", b.pk), {"programme": key, "due_date": due_date})
    assert response.status_code == 400
    assert response.context["form"].errors["due_date"]
    assert not Enrolment.objects.filter(organisation=b).exists()


@pytest.mark.parametrize(
    "programme", ["", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "x" * 1000]
)
def test_a_forged_programme_is_refused(client, org_world, programme):
    client.force_login(org_world["manager"])
    b = org_world["b"]
    response = client.post(url("enrolments", b.pk), {"programme": programme, "due_date": ""})
    assert response.status_code == 400
    assert not Enrolment.objects.filter(organisation=b).exists()
