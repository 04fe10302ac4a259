"""Invitation lists and invitations: reading lists, the preview, sending, the daily limit."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from organisations import inviting
from organisations.inviting import (
    DUPLICATE,
    INVALID,
    INVITED,
    MEMBER,
    VALID,
    InvitationError,
    classify,
    invite,
    parse_addresses,
    parse_csv,
    resend,
)
from organisations.models import EmailSend, Invitation
from tests.factories import run_on_commit
from tests.organisations.conftest import sign_in


def upload(content: bytes, name: str = "staff.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


def statuses(rows):
    return [(row.email or row.text, row.status) for row in rows]


# --- Reading lists --------------------------------------------------------------


def test_a_pasted_list_is_normalised_and_duplicates_merged(settings):
    rows = parse_addresses(
        " Mati@Tartu.Example, mati@tartu.example ;KATI@tartu.example\n"
        "not-an-address\n"
        "Mari Maasikas <Mari@Tartu.example>\n"
        "\n"
        "jaan@tartu.example  kati@TARTU.example"
    )
    assert statuses(rows) == [
        ("mati@tartu.example", VALID),
        ("mati@tartu.example", DUPLICATE),
        ("kati@tartu.example", VALID),
        ("not-an-address", INVALID),
        ("mari@tartu.example", VALID),
        ("jaan@tartu.example", VALID),
        ("kati@tartu.example", DUPLICATE),
    ]
    assert [row.line for row in rows] == [1, 1, 1, 2, 3, 5, 5]


def test_one_address_is_a_list_of_one():
    assert statuses(parse_addresses("anu@tartu.example")) == [("anu@tartu.example", VALID)]


def test_a_pasted_list_longer_than_the_limit_is_refused(settings):
    settings.INVITATION_CSV_MAX_ROWS = 3
    with pytest.raises(InvitationError, match="at most 3"):
        parse_addresses("a@x.example b@x.example c@x.example d@x.example")


def test_a_utf8_csv_with_a_byte_order_mark_semicolons_and_other_columns_is_read():
    content = (
        "\ufeffNimi;E-post;Osakond\nMari Mägi;Mari@Tartu.example;IT\n;;\nJüri;juri@tartu.example;\n"
    )
    rows = parse_csv(upload(content.encode("utf-8")))
    assert statuses(rows) == [("mari@tartu.example", VALID), ("juri@tartu.example", VALID)]
    assert [row.line for row in rows] == [2, 4]
    assert {row.source for row in rows} == {"file"}


@pytest.mark.parametrize("header", ["email", "E-mail", "Email address", "Correo electrónico"])
def test_the_address_column_may_be_named_in_several_ways(header):
    rows = parse_csv(upload(f"{header},name\nmari@tartu.example,Mari\n".encode()))
    assert statuses(rows) == [("mari@tartu.example", VALID)]


def test_a_latin1_csv_is_refused_with_the_encoding_to_use():
    content = "email,nimi\nmari@tartu.example,Mari Mägi\n".encode("latin-1")
    with pytest.raises(InvitationError) as refused:
        parse_csv(upload(content))
    assert "UTF-8" in refused.value.message
    assert "CSV UTF-8" in refused.value.message


@pytest.mark.parametrize(
    "content",
    [b"name,phone\nMari,555\n", b"mari@tartu.example\nkati@tartu.example\n", b"\n\n"],
)
def test_a_csv_without_an_email_column_is_refused(content):
    with pytest.raises(InvitationError) as refused:
        parse_csv(upload(content))
    assert "email" in refused.value.message or "empty" in refused.value.message


def test_a_csv_with_only_a_heading_is_refused():
    with pytest.raises(InvitationError, match="no addresses"):
        parse_csv(upload(b"email\n"))


def test_a_csv_with_too_many_rows_is_refused_whole(settings):
    content = "email\n" + "".join(f"person{i}@tartu.example\n" for i in range(10_000))
    with pytest.raises(InvitationError) as refused:
        parse_csv(upload(content.encode()))
    assert "10000" in refused.value.message or "10,000" in refused.value.message
    assert str(settings.INVITATION_CSV_MAX_ROWS) in refused.value.message


def test_an_oversize_file_is_refused_before_it_is_read():
    big = upload(b"email\n" + b"x" * (inviting.MAX_CSV_BYTES + 10))
    with pytest.raises(InvitationError, match="larger than"):
        parse_csv(big)


def test_a_binary_file_is_refused():
    with pytest.raises(InvitationError):
        parse_csv(upload(b"email\n\x00\x01\x02", name="photo.csv"))


def test_the_preview_marks_members_and_open_invitations(org_world):
    a = org_world["a"]
    Invitation.objects.create(organisation=a, email="invited@tartu.example", language="et")
    Invitation.objects.create(
        organisation=a,
        email="lapsed@tartu.example",
        language="et",
        expires_at=timezone.now() - timedelta(days=1),
    )
    rows = classify(
        a,
        parse_addresses(
            "MATI@tartu.example invited@tartu.example lapsed@tartu.example "
            "boris@narva.example new@tartu.example"
        ),
    )
    assert statuses(rows) == [
        ("mati@tartu.example", MEMBER),
        ("invited@tartu.example", INVITED),
        # An expired invitation is sent again: the same invitation, renewed.
        ("lapsed@tartu.example", VALID),
        # A member of another organisation may be invited; they choose to switch.
        ("boris@narva.example", VALID),
        ("new@tartu.example", VALID),
    ]


# --- Sending --------------------------------------------------------------------


def send(org_world, addresses, role="member", language="et", organisation=None):
    return run_on_commit(
        invite,
        organisation or org_world["a"],
        addresses,
        role,
        language,
        org_world["admin_a"],
        base_url="https://cyberaware.example",
    )


def test_an_invitation_email_is_sent_in_the_chosen_language_with_its_link(org_world):
    result = send(org_world, ["Uus@Tartu.example"], language="et")
    invitation = Invitation.objects.get()
    assert result.sent == [invitation]
    assert invitation.email == "uus@tartu.example"
    assert invitation.language == "et"
    assert invitation.invited_by == org_world["admin_a"]
    [message] = mail.outbox
    assert message.to == ["uus@tartu.example"]
    assert "Tartu Vesi" in message.subject
    assert "Anu Haldur" in message.body
    assert "Tartu Vesi" in message.body
    link = re.search(r"https://cyberaware\.example(/et/\S+)", message.body).group(1)
    assert link == inviting.accept_path(invitation)
    assert invitation.expires_at.strftime("%Y") in message.body
    # Translated: the English sentence is not in the Estonian e-mail.
    assert "invites you to join" not in message.body


def test_organisation_names_are_not_escaped_in_the_plain_text_email(org_world):
    a = org_world["a"]
    a.name = "Vesi & Kanal"
    a.save()
    send(org_world, ["uus@tartu.example"], language="en")
    assert "Vesi & Kanal" in mail.outbox[0].subject
    assert "Vesi & Kanal" in mail.outbox[0].body
    assert "&amp;" not in mail.outbox[0].body


def test_inviting_again_keeps_one_open_invitation_per_address(org_world):
    send(org_world, ["uus@tartu.example"])
    result = send(org_world, ["UUS@tartu.example", "mati@tartu.example"])
    assert result.sent == []
    assert sorted(result.skipped) == ["mati@tartu.example", "uus@tartu.example"]
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 1


def test_an_expired_invitation_is_renewed_not_duplicated(org_world):
    send(org_world, ["uus@tartu.example"])
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    send(org_world, ["uus@tartu.example"], role="administrator")
    invitation = Invitation.objects.get()
    assert invitation.send_count == 2
    assert invitation.role == "administrator"
    assert invitation.expires_at > timezone.now() + timedelta(days=13)
    assert len(mail.outbox) == 2


def test_resending_reuses_the_invitation_and_its_link(org_world):
    send(org_world, ["uus@tartu.example"])
    invitation = Invitation.objects.get()
    run_on_commit(resend, invitation, base_url="https://cyberaware.example")
    invitation.refresh_from_db()
    assert invitation.send_count == 2
    assert Invitation.objects.count() == 1
    # The same link in both e-mails: the first one still works.
    assert inviting.accept_path(invitation) in mail.outbox[0].body
    assert inviting.accept_path(invitation) in mail.outbox[1].body


def test_a_revoked_invitation_cannot_be_sent_again(org_world):
    send(org_world, ["uus@tartu.example"])
    invitation = Invitation.objects.get()
    assert inviting.revoke(invitation)
    with pytest.raises(InvitationError) as refused:
        resend(invitation)
    assert refused.value.status == 409
    assert not inviting.revoke(invitation)


def test_a_batch_past_the_daily_limit_is_refused_whole(org_world, settings):
    settings.INVITATIONS_PER_ORGANISATION_PER_DAY = 3
    send(org_world, ["one@tartu.example", "two@tartu.example"])
    mail.outbox.clear()
    with pytest.raises(InvitationError) as refused:
        send(org_world, ["three@tartu.example", "four@tartu.example"])
    assert refused.value.status == 429
    assert "3" in refused.value.message and "1" in refused.value.message
    assert Invitation.objects.count() == 2
    assert EmailSend.objects.count() == 2
    assert mail.outbox == []
    # One still fits.
    send(org_world, ["three@tartu.example"])
    assert Invitation.objects.count() == 3


def test_resends_count_towards_the_limit_and_old_sends_do_not(org_world, settings):
    settings.INVITATIONS_PER_ORGANISATION_PER_DAY = 2
    send(org_world, ["one@tartu.example"])
    invitation = Invitation.objects.get()
    resend(invitation)
    with pytest.raises(InvitationError):
        resend(invitation)
    EmailSend.objects.update(sent_at=timezone.now() - timedelta(hours=25))
    resend(invitation)
    invitation.refresh_from_db()
    assert invitation.send_count == 3


def test_the_limit_is_per_organisation(org_world, settings):
    settings.INVITATIONS_PER_ORGANISATION_PER_DAY = 1
    send(org_world, ["one@tartu.example"])
    send(org_world, ["one@narva.example"], organisation=org_world["b"])
    assert Invitation.objects.count() == 2


def test_an_organisation_not_approved_cannot_invite(org_world):
    with pytest.raises(InvitationError):
        send(org_world, ["uus@parnu.example"], organisation=org_world["pending"])
    assert not Invitation.objects.exists()


# --- The pages: inviting, the preview, confirming ------------------------------


def invite_url():
    return reverse("organisations:invite")


def confirm_url():
    return reverse("organisations:invite_confirm")


def test_nothing_is_written_until_the_administrator_confirms(client, org_world):
    sign_in(client, org_world, "admin_a")
    Invitation.objects.create(
        organisation=org_world["a"], email="invited@tartu.example", language="et"
    )
    response = client.post(
        invite_url(),
        {
            "addresses": "Uus@Tartu.example\nuus@tartu.example\nbad-address\n"
            "mati@tartu.example\ninvited@tartu.example",
            "role": "member",
            "language": "fr",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == confirm_url()
    assert Invitation.objects.count() == 1
    assert mail.outbox == []

    preview = client.get(confirm_url())
    assert preview.status_code == 200
    text = preview.content.decode()
    for label in (
        "Will be invited",
        "Duplicate: already in this list",
        "Not a valid e-mail address",
        "Already a member",
        "Already invited",
    ):
        assert label in text
    assert "Send 1 invitation" in text
    assert "Français" in text
    batch = re.search(r'name="batch" value="([^"]+)"', text).group(1)

    response = run_on_commit(client.post, confirm_url(), {"batch": batch})
    assert response.status_code == 302
    # The team page belongs to another part; without it, back to the invite page.
    try:
        expected = reverse("organisations:team")
    except Exception:
        expected = invite_url()
    assert response["Location"] == expected
    invitation = Invitation.objects.get(email="uus@tartu.example")
    assert invitation.language == "fr"
    assert [m.to for m in mail.outbox] == [["uus@tartu.example"]]

    # The same list confirmed twice (a double click) sends nothing more.
    again = run_on_commit(client.post, confirm_url(), {"batch": batch})
    assert again.status_code == 400
    assert Invitation.objects.count() == 2
    assert len(mail.outbox) == 1


def test_a_csv_upload_is_previewed_like_a_list(client, org_world):
    sign_in(client, org_world, "admin_a")
    content = b"email,name\nmari@tartu.example,Mari\nMARI@tartu.example,Mari\n"
    response = client.post(
        invite_url(),
        {"csv_file": upload(content), "role": "administrator", "language": "et"},
    )
    assert response.status_code == 302
    text = client.get(confirm_url()).content.decode()
    assert "file, line 2" in text and "file, line 3" in text
    assert "Organisation administrator" in text
    assert "Send 1 invitation" in text


def test_a_latin1_upload_gets_a_clear_error_and_writes_nothing(client, org_world):
    sign_in(client, org_world, "admin_a")
    content = "email\nmäri@tartu.example\n".encode("latin-1")
    response = client.post(
        invite_url(), {"csv_file": upload(content), "role": "member", "language": "et"}
    )
    assert response.status_code == 400
    assert "CSV UTF-8" in response.content.decode()
    assert not Invitation.objects.exists()
    assert client.get(confirm_url()).status_code == 302  # nothing waiting


def test_an_upload_with_the_wrong_columns_gets_a_clear_error(client, org_world):
    sign_in(client, org_world, "admin_a")
    response = client.post(
        invite_url(),
        {"csv_file": upload(b"name,phone\nMari,555\n"), "role": "member", "language": "et"},
    )
    assert response.status_code == 400
    assert "“email”" in response.content.decode()


def test_ten_thousand_rows_are_refused_and_nothing_is_written(client, org_world):
    sign_in(client, org_world, "admin_a")
    content = "email\n" + "".join(f"person{i}@tartu.example\n" for i in range(10_000))
    response = client.post(
        invite_url(),
        {"csv_file": upload(content.encode()), "role": "member", "language": "et"},
    )
    assert response.status_code == 400
    assert "Nothing was sent" in response.content.decode()
    assert not Invitation.objects.exists()
    assert not EmailSend.objects.exists()
    assert client.get(confirm_url()).status_code == 302


def test_an_empty_form_asks_for_addresses(client, org_world):
    sign_in(client, org_world, "admin_a")
    response = client.post(invite_url(), {"addresses": " ,; ", "role": "member", "language": "et"})
    assert response.status_code == 400
    assert "at least one e-mail address" in response.content.decode()


def test_a_confirmation_past_the_daily_limit_sends_nothing(client, org_world, settings):
    settings.INVITATIONS_PER_ORGANISATION_PER_DAY = 2
    sign_in(client, org_world, "admin_a")
    client.post(
        invite_url(),
        {"addresses": "a@t.example b@t.example c@t.example", "role": "member", "language": "et"},
    )
    preview = client.get(confirm_url()).content.decode()
    assert "cannot be sent now" in preview
    batch = inviting_batch_id(client)
    response = run_on_commit(client.post, confirm_url(), {"batch": batch})
    assert response.status_code == 429
    assert "at most 2 invitation e-mails in 24 hours" in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def inviting_batch_id(client) -> str:
    from django.core import signing

    from organisations.views.membership import BATCH_SALT, BATCH_SESSION_KEY

    return signing.loads(client.session[BATCH_SESSION_KEY], salt=BATCH_SALT)["id"]


def test_a_tampered_batch_is_not_sent(client, org_world):
    sign_in(client, org_world, "admin_a")
    client.post(invite_url(), {"addresses": "uus@t.example", "role": "member", "language": "et"})
    from organisations.views.membership import BATCH_SESSION_KEY

    session = client.session
    session[BATCH_SESSION_KEY] = session[BATCH_SESSION_KEY][:-3] + "AAA"
    session.save()
    response = client.post(confirm_url(), {"batch": "anything"})
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_a_batch_of_another_organisation_is_not_sent(client, org_world):
    """A preview made as administrator of A is not sent for B after a switch of account."""
    sign_in(client, org_world, "admin_a")
    client.post(invite_url(), {"addresses": "uus@t.example", "role": "member", "language": "et"})
    batch = inviting_batch_id(client)
    profile = org_world["admin_a"].learner_profile
    profile.organisation = org_world["b"]
    profile.save()
    response = client.post(confirm_url(), {"batch": batch})
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_a_preview_replaced_in_another_tab_is_not_sent(client, org_world):
    sign_in(client, org_world, "admin_a")
    client.post(invite_url(), {"addresses": "one@t.example", "role": "member", "language": "et"})
    old = inviting_batch_id(client)
    client.post(invite_url(), {"addresses": "two@t.example", "role": "member", "language": "et"})
    response = client.post(confirm_url(), {"batch": old})
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_the_invite_page_lists_open_invitations_in_constant_queries(
    client, org_world, django_assert_max_num_queries
):
    a = org_world["a"]
    Invitation.objects.bulk_create(
        Invitation(organisation=a, email=f"p{i}@tartu.example", language="et") for i in range(40)
    )
    Invitation.objects.create(
        organisation=org_world["b"], email="secret@narva.example", language="et"
    )
    sign_in(client, org_world, "admin_a")
    with django_assert_max_num_queries(12):
        response = client.get(invite_url())
    text = response.content.decode()
    assert "p0@tartu.example" in text
    assert "secret@narva.example" not in text
    assert "Page 1 of 2" in text


def test_resend_and_withdraw_from_the_invite_page(client, org_world):
    invitation = Invitation.objects.create(
        organisation=org_world["a"], email="uus@tartu.example", language="et"
    )
    sign_in(client, org_world, "admin_a")
    response = run_on_commit(
        client.post, reverse("organisations:resend_invitation", args=[invitation.pk])
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.send_count == 2
    assert len(mail.outbox) == 1
    response = client.post(reverse("organisations:revoke_invitation", args=[invitation.pk]))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED
    # Withdrawn twice (a double click): a message, nothing else.
    assert (
        client.post(reverse("organisations:revoke_invitation", args=[invitation.pk])).status_code
        == 302
    )
    # Sending again a withdrawn invitation is refused.
    response = client.post(reverse("organisations:resend_invitation", args=[invitation.pk]))
    assert response.status_code == 409
    assert len(mail.outbox) == 1


def test_a_resend_past_the_limit_gets_a_clear_page(client, org_world, settings):
    settings.INVITATIONS_PER_ORGANISATION_PER_DAY = 0
    invitation = Invitation.objects.create(
        organisation=org_world["a"], email="uus@tartu.example", language="et"
    )
    sign_in(client, org_world, "admin_a")
    response = client.post(reverse("organisations:resend_invitation", args=[invitation.pk]))
    assert response.status_code == 429
    assert "24 hours" in response.content.decode()


def test_csv_reading_accepts_a_file_like_object_without_a_size():
    class Stream(io.BytesIO):
        size = None

    rows = parse_csv(Stream(b"email\nmari@tartu.example\n"))
    assert statuses(rows) == [("mari@tartu.example", VALID)]
