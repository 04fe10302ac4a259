"""Bringing the team in: invitation lists, invitations, join codes, joining and leaving.

The views in `views/membership.py` only read forms and render; every rule
lives here so that it holds wherever it is called from:

- a list of addresses (pasted or a CSV file) is read into rows, each valid,
  invalid or a duplicate, and nothing is written until the administrator
  confirms the preview;
- one open invitation per address and organisation: sending again reuses it;
- at most `INVITATIONS_PER_ORGANISATION_PER_DAY` invitation e-mails per
  organisation in any 24 hours, so the platform never becomes a spam relay;
  each send is an `EmailSend` row, which is what the limit counts;
- the link in the e-mail carries the invitation key signed with the site's
  secret, so a forged or truncated link is refused before any lookup;
- the last administrator cannot leave while others remain: someone must be
  able to manage the team.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from learning.models import (
    Certificate,
    LearnerProfile,
    MembershipRole,
    ModuleProgress,
    Organisation,
)
from learning.models.organisations import normalise_join_code
from learning.progress import COMPLETED, IN_PROGRESS, NOT_STARTED
from modules.models import ProgrammePage
from modules.models.pages import localized_versions

from .emails import queue_email
from .models import EmailSend, Enrolment, Invitation

# Generous for INVITATION_CSV_MAX_ROWS addresses of any real length, small
# enough that reading a file never costs the server anything.
MAX_CSV_BYTES = 1024 * 1024
# What `EmailSend.kind` says for an invitation e-mail; the daily limit counts these.
INVITATION_EMAIL = "invitation"
LINK_SALT = "organisations.invitation"
EMAIL_MAX_LENGTH = 254

# Header names accepted for the address column, compared without case,
# accents, spaces, hyphens or underscores, in the languages of the interface.
ADDRESS_HEADERS = {
    "email",
    "emailaddress",
    "mail",
    "epost",
    "epostiaadress",
    "courriel",
    "adresseemail",
    "adressecourriel",
    "indirizzoemail",
    "emailovaadresa",
    "eposta",
    "enaslov",
    "correo",
    "correoelectronico",
}

# How each row of a list is classified in the preview.
VALID = "valid"
INVALID = "invalid"
DUPLICATE = "duplicate"
MEMBER = "member"
INVITED = "invited"
STATUS_ORDER = [VALID, INVITED, MEMBER, DUPLICATE, INVALID]
STATUS_LABELS = {
    VALID: gettext_lazy("Will be invited"),
    INVITED: gettext_lazy("Already invited"),
    MEMBER: gettext_lazy("Already a member"),
    DUPLICATE: gettext_lazy("Duplicate: already in this list"),
    INVALID: gettext_lazy("Not a valid e-mail address"),
}


class InvitationError(Exception):
    """Something the administrator or learner must be told; nothing was written."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class Row:
    """One entry of an invitation list, as the preview shows it."""

    line: int
    text: str
    email: str = ""
    status: str = VALID
    # "file" for a row of an uploaded CSV file, "" for a typed or pasted one.
    source: str = ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def as_dict(self) -> dict:
        return {
            "line": self.line,
            "text": self.text,
            "email": self.email,
            "status": self.status,
            "source": self.source,
        }


# --- Reading lists ------------------------------------------------------------


def normalise_address(text: str) -> str:
    return text.strip().strip("<>").strip().lower()


def is_valid_address(email: str) -> bool:
    if not email or len(email) > EMAIL_MAX_LENGTH:
        return False
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def too_many_rows_message(count: int) -> str:
    limit = settings.INVITATION_CSV_MAX_ROWS
    return ngettext(
        "The list has %(count)d addresses; at most %(limit)d can be invited at once. Nothing was sent: split the list and try again.",
        "The list has %(count)d addresses; at most %(limit)d can be invited at once. Nothing was sent: split the list and try again.",
        limit,
    ) % {"count": count, "limit": limit}


def _rows(entries: list[tuple[int, str]], source: str = "") -> list[Row]:
    """Rows from (line, text) pairs: normalised, validated, duplicates marked."""
    rows = []
    for line, text in entries:
        email = normalise_address(text)
        row = Row(line=line, text=text.strip()[: EMAIL_MAX_LENGTH + 2], email=email, source=source)
        if not is_valid_address(email):
            row.status, row.email = INVALID, ""
        rows.append(row)
    return combine(rows)


def combine(*row_lists: list[Row]) -> list[Row]:
    """One list from several (pasted and uploaded): the size limit and duplicates count across all.

    The first occurrence of an address is the one invited; later ones are
    duplicates. The whole list is refused when it has too many rows.
    """
    rows = [row for rows in row_lists for row in rows]
    if len(rows) > settings.INVITATION_CSV_MAX_ROWS:
        raise InvitationError(too_many_rows_message(len(rows)))
    seen: set[str] = set()
    for row in rows:
        if row.status in (VALID, DUPLICATE):
            row.status = DUPLICATE if row.email in seen else VALID
            seen.add(row.email)
    return rows


# "Mati Maasikas <mati@example.com>", as mail programs copy addresses.
NAMED_ADDRESS = re.compile(r"<([^<>]*)>")


def parse_addresses(text: str) -> list[Row]:
    """Rows from pasted text: addresses separated by new lines, commas, semicolons or spaces."""
    entries = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        for part in re.split(r"[,;]", line):
            named = NAMED_ADDRESS.search(part)
            words = [named.group(1)] if named else part.split()
            entries.extend((line_number, word) for word in words if word.strip())
    return _rows(entries)


def _header_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(ch for ch in folded if ch.isalnum() and not unicodedata.combining(ch))


def _address_column(header: list[str]) -> int | None:
    for index, name in enumerate(header):
        if _header_key(name) in ADDRESS_HEADERS:
            return index
    return None


def parse_csv(uploaded_file) -> list[Row]:
    """Rows from a CSV file with a header row naming an e-mail column.

    The whole file is refused, with a message saying what to change, when it
    is too large, not UTF-8, has no e-mail column or has too many rows.
    """
    if uploaded_file.size is not None and uploaded_file.size > MAX_CSV_BYTES:
        raise InvitationError(
            _("The file is larger than %(size)d KB. Upload a CSV file with only the addresses.")
            % {"size": MAX_CSV_BYTES // 1024}
        )
    raw = uploaded_file.read(MAX_CSV_BYTES + 1)
    if len(raw) > MAX_CSV_BYTES:
        raise InvitationError(
            _("The file is larger than %(size)d KB. Upload a CSV file with only the addresses.")
            % {"size": MAX_CSV_BYTES // 1024}
        )
    try:
        # "utf-8-sig" drops the byte-order mark spreadsheet programs put first.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvitationError(
            _(
                "The file is not in UTF-8 encoding. In your spreadsheet program, save it as “CSV UTF-8” and upload it again."
            )
        ) from None
    if "\x00" in text:
        raise InvitationError(_("This is not a CSV file. Upload a CSV file with an e-mail column."))
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise InvitationError(_("The file is empty."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        records = [(reader.line_num, record) for record in reader]
    except csv.Error:
        raise InvitationError(
            _("The file could not be read as CSV. Upload a CSV file with an e-mail column.")
        ) from None
    records = [(line, record) for line, record in records if any(cell.strip() for cell in record)]
    column = _address_column(records[0][1]) if records else None
    if column is None:
        raise InvitationError(
            _(
                "The first row must name the column of addresses “email”. Add that heading above the addresses and upload the file again."
            )
        )
    entries = [
        (line, record[column] if column < len(record) else "") for line, record in records[1:]
    ]
    if not entries:
        raise InvitationError(_("The file has a heading but no addresses."))
    return _rows(entries, source="file")


def classify(organisation: Organisation, rows: list[Row]) -> list[Row]:
    """Mark the rows whose address is a member already, or has an open invitation."""
    emails = {row.email for row in rows if row.status == VALID}
    members = set(
        LearnerProfile.objects.filter(organisation=organisation)
        .annotate(address=Lower("user__email"))
        .filter(address__in=emails)
        .values_list("address", flat=True)
    )
    invited = set(
        Invitation.objects.pending()
        .filter(organisation=organisation, email__in=emails)
        .values_list("email", flat=True)
    )
    for row in rows:
        if row.status != VALID:
            continue
        if row.email in members:
            row.status = MEMBER
        elif row.email in invited:
            row.status = INVITED
    return rows


# --- Sending --------------------------------------------------------------------


def sends_in_last_day(organisation: Organisation) -> int:
    since = timezone.now() - timedelta(hours=24)
    return EmailSend.objects.filter(
        organisation=organisation, kind=INVITATION_EMAIL, sent_at__gt=since
    ).count()


def sends_left_today(organisation: Organisation) -> int:
    return max(settings.INVITATIONS_PER_ORGANISATION_PER_DAY - sends_in_last_day(organisation), 0)


def rate_limit_message(wanted: int, left: int) -> str:
    limit = settings.INVITATIONS_PER_ORGANISATION_PER_DAY
    return ngettext(
        "An organisation can send at most %(limit)d invitation e-mails in 24 hours. %(left)d can still be sent now and this would send %(wanted)d, so nothing was sent. Try again later, or send fewer.",
        "An organisation can send at most %(limit)d invitation e-mails in 24 hours. %(left)d can still be sent now and this would send %(wanted)d, so nothing was sent. Try again later, or send fewer.",
        wanted,
    ) % {"limit": limit, "left": left, "wanted": wanted}


def link_signer() -> signing.Signer:
    # "." rather than ":" between key and signature: mail programs cut links at fewer places.
    return signing.Signer(salt=LINK_SALT, sep=".")


def invitation_token(invitation: Invitation) -> str:
    return link_signer().sign(invitation.key)


def accept_path(invitation: Invitation, language: str | None = None) -> str:
    with translation.override(language or invitation.language):
        return reverse("organisations:accept", args=[invitation_token(invitation)])


def _queue_invitation_emails(invitations: list[Invitation], base_url: str) -> None:
    """Queue one e-mail per invitation, in the language the administrator chose for it."""
    inviters: dict = {}
    for invitation in invitations:
        inviter = invitation.invited_by
        if inviter is not None and inviter.pk not in inviters:
            profile = LearnerProfile.objects.for_user(inviter)
            inviters[inviter.pk] = (profile.full_name if profile else "") or inviter.email
        context = {
            "organisation": invitation.organisation.name,
            "inviter": inviters.get(inviter.pk, "") if inviter is not None else "",
            "is_administrator": invitation.role == MembershipRole.ADMINISTRATOR,
            "accept_url": base_url.rstrip("/") + accept_path(invitation),
            "expires_at": invitation.expires_at,
        }
        queue_email(
            invitation.email, "organisations/email/invitation", context, invitation.language
        )


def _record_sends(organisation: Organisation, invitations: list[Invitation]) -> None:
    EmailSend.objects.bulk_create(
        EmailSend(
            key=f"{INVITATION_EMAIL}:{invitation.pk}:{invitation.send_count}",
            kind=INVITATION_EMAIL,
            organisation=organisation,
        )
        for invitation in invitations
    )


def _lock(organisation: Organisation) -> Organisation:
    # One batch at a time per organisation, so two at once cannot both pass the limit.
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


def _check_limit(organisation: Organisation, wanted: int) -> None:
    left = sends_left_today(organisation)
    if wanted > left:
        raise InvitationError(rate_limit_message(wanted, left), status=429)


@dataclass
class InviteResult:
    sent: list[Invitation] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def invite(
    organisation: Organisation,
    addresses,
    role: str,
    language: str,
    invited_by,
    *,
    base_url: str | None = None,
) -> InviteResult:
    """Invite each address not yet a member nor invited; e-mails go once the batch is saved.

    An open invitation that has expired is renewed and sent again (it is
    the same invitation, so the address still has only one). The whole
    batch is refused if it would pass the organisation's daily limit.
    """
    if not organisation.is_verified:
        raise InvitationError(_("Only an approved organisation can invite people."), status=403)
    if role not in MembershipRole.values:
        raise InvitationError(_("Choose a role."))
    if language not in dict(settings.LANGUAGES):
        raise InvitationError(_("Choose a language."))
    base_url = base_url or settings.WAGTAILADMIN_BASE_URL
    wanted = []
    for address in addresses:
        email = normalise_address(address)
        if is_valid_address(email) and email not in wanted:
            wanted.append(email)
    result = InviteResult()
    with transaction.atomic():
        organisation = _lock(organisation)
        rows = classify(organisation, [Row(line=0, text=email, email=email) for email in wanted])
        result.skipped = [row.email for row in rows if row.status != VALID]
        emails = [row.email for row in rows if row.status == VALID]
        _check_limit(organisation, len(emails))
        now = timezone.now()
        # Open but expired (open and current ones were classified as invited).
        reopened = {
            invitation.email: invitation
            for invitation in Invitation.objects.select_for_update().filter(
                organisation=organisation, email__in=emails, status=Invitation.Status.SENT
            )
        }
        renewed = []
        for invitation in reopened.values():
            _renew(invitation, now, role=role, language=language, invited_by=invited_by)
            renewed.append(invitation)
        if renewed:
            Invitation.objects.bulk_update(
                renewed,
                ["role", "language", "invited_by", "last_sent_at", "send_count", "expires_at"],
            )
        created = Invitation.objects.bulk_create(
            Invitation(
                organisation=organisation,
                email=email,
                role=role,
                language=language,
                invited_by=invited_by,
                last_sent_at=now,
            )
            for email in emails
            if email not in reopened
        )
        result.sent = renewed + created
        _record_sends(organisation, result.sent)
        sent = list(result.sent)
        transaction.on_commit(lambda: _queue_invitation_emails(sent, base_url))
    return result


def _renew(invitation: Invitation, now: datetime, **changes) -> None:
    for name, value in changes.items():
        setattr(invitation, name, value)
    invitation.last_sent_at = now
    invitation.send_count += 1
    invitation.expires_at = now + timedelta(days=settings.INVITATION_VALID_DAYS)


def resend(invitation: Invitation, *, base_url: str | None = None) -> Invitation:
    """Send an open invitation again, with the same link, valid for another period."""
    base_url = base_url or settings.WAGTAILADMIN_BASE_URL
    with transaction.atomic():
        organisation = _lock(invitation.organisation)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status != Invitation.Status.SENT:
            raise InvitationError(
                _("This invitation was accepted or revoked; it cannot be sent again."), status=409
            )
        _check_limit(organisation, 1)
        _renew(invitation, timezone.now())
        invitation.save(update_fields=["last_sent_at", "send_count", "expires_at"])
        _record_sends(organisation, [invitation])
        transaction.on_commit(lambda: _queue_invitation_emails([invitation], base_url))
    return invitation


def revoke(invitation: Invitation) -> bool:
    """Close an open invitation: its link stops working at once. False if it was not open."""
    return bool(
        Invitation.objects.filter(pk=invitation.pk, status=Invitation.Status.SENT).update(
            status=Invitation.Status.REVOKED
        )
    )


# --- Links and codes ------------------------------------------------------------


def invitation_for_token(token: str) -> Invitation:
    """The open invitation a link names, or an InvitationError saying why it does not work."""
    try:
        key = link_signer().unsign(token)
    except signing.BadSignature:
        raise InvitationError(
            _(
                "This invitation link is not valid. Check that you copied the whole link from the e-mail."
            ),
            status=400,
        ) from None
    invitation = (
        Invitation.objects.select_related("organisation", "invited_by").filter(key=key).first()
    )
    if invitation is None:
        raise InvitationError(_("This invitation does not exist."), status=404)
    if invitation.status == Invitation.Status.ACCEPTED:
        raise InvitationError(
            _("This invitation has been used already. Each invitation link works once."),
            status=410,
        )
    if invitation.status == Invitation.Status.REVOKED:
        raise InvitationError(
            _(
                "This invitation was withdrawn by the organisation. Ask its administrator for a new one."
            ),
            status=410,
        )
    if invitation.is_expired:
        raise InvitationError(
            _(
                "This invitation has expired. Ask the organisation's administrator to send it again."
            ),
            status=410,
        )
    if not invitation.organisation.is_verified:
        raise InvitationError(
            _("This organisation cannot take new members at the moment."), status=410
        )
    return invitation


def organisation_for_code(code: str) -> Organisation | None:
    """The approved organisation whose enabled join code this is, or None."""
    normalised = normalise_join_code(code or "")
    if not normalised:
        return None
    return (
        Organisation.objects.verified().filter(join_code=normalised, join_code_enabled=True).first()
    )


def set_join_code(organisation: Organisation, action: str) -> None:
    """Enable, disable or rotate an organisation's join code."""
    if action == "rotate" or (action == "enable" and not organisation.join_code):
        organisation.rotate_join_code()
    elif action in ("enable", "disable"):
        organisation.join_code_enabled = action == "enable"
        organisation.save(update_fields=["join_code_enabled"])
    else:
        raise InvitationError(_("Unknown action."))


# --- Joining and leaving --------------------------------------------------------


def leave_refusal(profile: LearnerProfile) -> str:
    """Why this learner cannot leave their organisation now, or "" when they can."""
    if not profile.administers_organisation:
        return ""
    others = LearnerProfile.objects.filter(organisation_id=profile.organisation_id).exclude(
        pk=profile.pk
    )
    if not others.exists():
        return ""
    if others.filter(organisation_role=MembershipRole.ADMINISTRATOR).exists():
        return ""
    return _(
        "You are the only administrator of %(organisation)s. Make another member an administrator first, so that someone can manage the team."
    ) % {"organisation": profile.organisation.name}


def _clear_membership(profile: LearnerProfile) -> None:
    profile.organisation = None
    profile.organisation_role = ""
    profile.organisation_joined_at = None


def leave(profile: LearnerProfile) -> Organisation:
    """Take the learner out of their organisation; refused for the last administrator."""
    with transaction.atomic():
        profile = LearnerProfile.objects.select_for_update().get(pk=profile.pk)
        organisation = profile.organisation
        if organisation is None:
            raise InvitationError(_("You are not a member of an organisation."), status=404)
        # Lock the organisation, so two last administrators cannot leave at once.
        _lock(organisation)
        refusal = leave_refusal(profile)
        if refusal:
            raise InvitationError(refusal, status=409)
        _clear_membership(profile)
        profile.save(update_fields=["organisation", "organisation_role", "organisation_joined_at"])
    return organisation


def must_leave_message(profile: LearnerProfile) -> str:
    return _(
        "You are a member of %(organisation)s. A learner belongs to one organisation at a time: leave it first, or confirm below that you want to switch."
    ) % {"organisation": profile.organisation.name}


def join(
    profile: LearnerProfile, organisation: Organisation, role: str, *, switch: bool = False
) -> LearnerProfile:
    """Make the learner a member (or administrator) of `organisation`.

    Already a member of another organisation: refused unless `switch`, and
    then only if they may leave it. Already a member of this one: an
    administrator invitation promotes them; nothing else changes.
    """
    with transaction.atomic():
        profile = (
            LearnerProfile.objects.select_for_update(of=("self",))
            .select_related("organisation")
            .get(pk=profile.pk)
        )
        current = profile.organisation
        if current is not None and current.pk == organisation.pk:
            if role == MembershipRole.ADMINISTRATOR and not profile.administers_organisation:
                profile.organisation_role = role
                profile.save(update_fields=["organisation_role"])
            return profile
        if current is not None:
            if not switch:
                raise InvitationError(must_leave_message(profile), status=409)
            _lock(current)
            refusal = leave_refusal(profile)
            if refusal:
                raise InvitationError(refusal, status=409)
        now = timezone.now()
        profile.organisation = organisation
        profile.organisation_role = role
        profile.organisation_joined_at = now
        profile.save(update_fields=["organisation", "organisation_role", "organisation_joined_at"])
        # Joined by the code while an invitation was waiting: it has done its job.
        Invitation.objects.filter(
            organisation=organisation,
            email=(profile.user.email or "").strip().lower(),
            status=Invitation.Status.SENT,
        ).update(status=Invitation.Status.ACCEPTED, accepted_at=now, accepted_by=profile.user)
    return profile


def accept(invitation: Invitation, profile: LearnerProfile, *, switch: bool = False) -> None:
    """Accept an invitation once: the learner joins with the invitation's role."""
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.status != Invitation.Status.SENT or locked.is_expired:
            # Accepted or revoked in the meantime (another tab, the administrator).
            raise InvitationError(_("This invitation can no longer be accepted."), status=410)
        join(profile, invitation.organisation, locked.role, switch=switch)
        locked.status = Invitation.Status.ACCEPTED
        locked.accepted_at = timezone.now()
        locked.accepted_by = profile.user
        locked.save(update_fields=["status", "accepted_at", "accepted_by"])


# --- What administrators see ------------------------------------------------------


def _add_months(moment: datetime, months: int) -> datetime:
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    return moment.replace(
        year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1])
    )


STATE_LABELS = {
    NOT_STARTED: gettext_lazy("Not started"),
    IN_PROGRESS: gettext_lazy("In progress"),
    COMPLETED: gettext_lazy("Completed"),
}


def what_administrators_see(organisation: Organisation, *, user=None, email="", name="") -> dict:
    """Exactly what the organisation's administrators see about one member.

    Their name and e-mail address; for each module of the programmes the
    organisation is enrolled in, not started, in progress (since when) or
    completed (when); and until when their programme certificate is valid.
    Never scores, answers or the number of attempts.
    """
    if user is not None:
        profile = LearnerProfile.objects.for_user(user)
        email = user.email
        name = profile.full_name if profile else name
    keys = list(
        Enrolment.objects.filter(organisation=organisation).values_list("programme_key", flat=True)
    )
    pages = list(ProgrammePage.objects.live().filter(translation_key__in=keys).order_by("pk"))
    one_per_key = list({page.translation_key: page for page in reversed(pages)}.values())
    programmes = sorted(localized_versions(one_per_key), key=lambda page: page.title)
    modules = {programme.pk: programme.module_pages() for programme in programmes}
    progress, certificates = {}, {}
    if user is not None:
        module_keys = {m.translation_key for rows in modules.values() for m in rows}
        progress = {
            row.module_key: row
            for row in ModuleProgress.objects.filter(user=user, module_key__in=module_keys)
        }
        certificates = {
            certificate.subject_key: certificate
            for certificate in Certificate.objects.filter(
                user=user, kind=Certificate.Kind.PROGRAMME, subject_key__in=keys
            )
        }
    seen = []
    for programme in programmes:
        rows = []
        for module in modules[programme.pk]:
            row = progress.get(module.translation_key)
            if row is None:
                state, date = NOT_STARTED, None
            elif row.is_completed:
                state, date = COMPLETED, row.completed_at
            else:
                state, date = IN_PROGRESS, row.started_at
            rows.append(
                {"title": module.title, "state": state, "label": STATE_LABELS[state], "date": date}
            )
        certificate = certificates.get(programme.translation_key)
        valid_until = None
        if certificate is not None:
            valid_until = certificate.valid_until
            if valid_until is None and programme.certificate_validity_months:
                valid_until = _add_months(
                    certificate.completed_at, programme.certificate_validity_months
                )
        seen.append(
            {
                "title": programme.title,
                "modules": rows,
                "has_certificate": certificate is not None,
                "valid_until": valid_until,
            }
        )
    return {"name": name, "email": email, "programmes": seen}
