"""An organisation's team: who has done what in the programmes it is enrolled in.

The read side of the team page, its export, the learner-dashboard panel and
the team training record, and the administrator's few writes (reminders,
removing members, roles). The page for a whole organisation costs a fixed
number of queries: one for the enrolments (with their programme's title in
the reader's language), one for the programmes' modules, one aggregate over
all members (how many modules of each programme each has started and
completed), and, for the members on the page being shown, one for their
progress and one for their certificates.

An administrator sees states and dates, never scores, answers or attempt
counts: every query here names the columns it reads, and none of those.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Concat, Lower, Replace
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from caching import cached
from learning.models import Certificate, LearnerProfile, MembershipRole, ModuleProgress
from learning.progress import COMPLETED, IN_PROGRESS, NOT_STARTED
from modules.models import ModulePage, ProgrammeModule, ProgrammePage

from .emails import page_url, queue_reminder
from .models import EmailOptOut, EmailSend, Enrolment

MEMBERS_PER_PAGE = 50
# A certificate that ends within this many days is shown as due for renewal.
EXPIRING_SOON_DAYS = 30
REMINDER_KIND = "team_reminder"
REMINDER_BATCH_KIND = "team_reminder_batch"
REMINDER_BATCH_PREFIX = "team-reminder-batch:"


def language_preference(language: str, *fallbacks: str, field_name: str = "locale__language_code"):
    """An ordering expression: pages in `language` first, then each fallback, then the rest."""
    order = []
    for code in (language, *fallbacks, settings.LANGUAGE_CODE):
        if code and code not in order:
            order.append(code)
    return Case(
        *(When(**{field_name: code}, then=Value(rank)) for rank, code in enumerate(order)),
        default=Value(len(order)),
        output_field=IntegerField(),
    )


@dataclass
class ModuleInfo:
    key: uuid.UUID
    title: str


@dataclass
class EnrolledProgramme:
    """One enrolment with its programme as the reader sees it, and the team's figures."""

    enrolment: Enrolment
    # Empty when no live version of the programme is left.
    title: str = ""
    programme_id: int | None = None
    target: int | None = None
    last_reminder: datetime | None = None
    modules: list[ModuleInfo] = field(default_factory=list)
    # Team figures over every member (not only those on the page shown).
    member_count: int = 0
    completed_count: int = 0
    not_started: list[dict] = field(default_factory=list)

    @property
    def key(self) -> uuid.UUID:
        return self.enrolment.programme_key

    @property
    def due_date(self) -> date | None:
        return self.enrolment.due_date

    @property
    def module_keys(self) -> list[uuid.UUID]:
        return [m.key for m in self.modules]

    @property
    def percent(self) -> int:
        return round(100 * self.completed_count / self.member_count) if self.member_count else 0

    @property
    def is_overdue(self) -> bool:
        return (
            self.due_date is not None
            and self.due_date < timezone.localdate()
            and self.completed_count < self.member_count
        )

    @property
    def target_reached(self) -> bool:
        return self.target is not None and self.member_count > 0 and self.percent >= self.target


def _preference(language: str, *fallbacks: str) -> tuple[str, ...]:
    """`language`, each fallback, then the site's default language, once each."""
    order: list[str] = []
    for code in (language, *fallbacks, settings.LANGUAGE_CODE):
        if code and code not in order:
            order.append(code)
    return tuple(order)


def programme_outlines(preference: tuple[str, ...]) -> dict[str, tuple]:
    """Every live programme by translation key (a string): (the pk of the version
    shown, its title, its team completion target, its modules as (translation
    key, title) pairs in order), each title in the first language of
    `preference` that has a live version, else any (the lowest pk).

    Read once per content generation for everyone: a team page otherwise
    built two queries of subqueries on every visit."""

    def rank(code: str, pk: int) -> tuple[int, int]:
        return (preference.index(code) if code in preference else len(preference), pk)

    def build() -> dict[str, tuple]:
        shown: dict = {}
        for pk, key, code, title, target in ProgrammePage.objects.filter(live=True).values_list(
            "pk", "translation_key", "locale__language_code", "title", "team_completion_target"
        ):
            if key not in shown or rank(code, pk) < shown[key][0]:
                shown[key] = (rank(code, pk), pk, title, target)
        module_titles: dict = {}
        for pk, key, code, title in ModulePage.objects.filter(live=True).values_list(
            "pk", "translation_key", "locale__language_code", "title"
        ):
            if key not in module_titles or rank(code, pk) < module_titles[key][0]:
                module_titles[key] = (rank(code, pk), title)
        modules: dict[int, list[tuple[str, str]]] = defaultdict(list)
        rows = (
            ProgrammeModule.objects.filter(programme_id__in=[v[1] for v in shown.values()])
            .order_by("programme_id", "sort_order", "pk")
            .values_list("programme_id", "module__translation_key", "module__title")
        )
        for programme_id, key, title in rows:
            if str(key) not in {listed for listed, _title in modules[programme_id]}:
                best = module_titles.get(key)
                modules[programme_id].append((str(key), best[1] if best else title))
        return {
            str(key): (pk, title, target, tuple(modules[pk]))
            for key, (_rank, pk, title, target) in shown.items()
        }

    return cached(("team_programmes", ",".join(preference)), build)


def enrolled_programmes(
    organisation, language: str | None = None, *, with_last_reminder: bool = False
) -> list[EnrolledProgramme]:
    """The organisation's enrolments, soonest due first, each with its programme and modules.

    One query, whatever the number of enrolments and modules: the programmes
    and modules come from the shared cache (`programme_outlines`), titled in
    the reader's language where a live version exists, then the
    organisation's. `with_last_reminder` adds when the team was last reminded of each.
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    enrolments = Enrolment.objects.filter(organisation=organisation)
    if with_last_reminder:
        enrolments = enrolments.annotate(
            last_reminder=Subquery(
                EmailSend.objects.filter(
                    kind=REMINDER_BATCH_KIND,
                    organisation_id=OuterRef("organisation_id"),
                    key__startswith=Concat(
                        Value(REMINDER_BATCH_PREFIX),
                        Cast(OuterRef("organisation_id"), CharField()),
                        Value(":"),
                        # The key holds the programme key as 32 hex digits: what a
                        # UUID column gives as text once any hyphens are dropped.
                        Replace(
                            Cast(OuterRef("programme_key"), CharField()), Value("-"), Value("")
                        ),
                        Value(":"),
                    ),
                )
                .order_by("-sent_at")
                .values("sent_at")[:1]
            )
        )
    enrolments = list(enrolments.order_by(F("due_date").asc(nulls_last=True), "enrolled_at", "pk"))
    outlines = programme_outlines(_preference(language, organisation.language))
    programmes = []
    for e in enrolments:
        programme_id, title, target, modules = outlines.get(
            str(e.programme_key), (None, "", None, ())
        )
        programmes.append(
            EnrolledProgramme(
                enrolment=e,
                title=title,
                programme_id=programme_id,
                target=target,
                last_reminder=getattr(e, "last_reminder", None),
                modules=[ModuleInfo(key=uuid.UUID(key), title=name) for key, name in modules],
            )
        )
    return programmes


def _started(i: int) -> str:
    return f"started_{i}"


def _completed(i: int) -> str:
    return f"completed_{i}"


def member_rows(organisation, programmes: list[EnrolledProgramme]) -> list[dict]:
    """Every member, in name order, with per programme the modules started and completed.

    One aggregate query; it also fills each programme's team figures
    (members, completed all modules, not started any).
    """
    annotations = {}
    for i, programme in enumerate(programmes):
        keys = programme.module_keys
        if not keys:
            continue
        annotations[_started(i)] = Count(
            "user__module_progress", filter=Q(user__module_progress__module_key__in=keys)
        )
        annotations[_completed(i)] = Count(
            "user__module_progress",
            filter=Q(
                user__module_progress__module_key__in=keys,
                user__module_progress__completed_at__isnull=False,
            ),
        )
    rows = list(
        LearnerProfile.objects.filter(organisation=organisation)
        .values(
            "pk",
            "user_id",
            "full_name",
            "organisation_role",
            "organisation_joined_at",
            email=F("user__email"),
        )
        .annotate(**annotations)
        .order_by(Lower("full_name"), "pk")
    )
    for i, programme in enumerate(programmes):
        programme.member_count = len(rows)
        if not programme.modules:
            continue
        needed = len(programme.modules)
        programme.completed_count = sum(1 for row in rows if row[_completed(i)] >= needed)
        programme.not_started = [row for row in rows if row[_started(i)] == 0]
    for row in rows:
        row["is_administrator"] = row["organisation_role"] == MembershipRole.ADMINISTRATOR
    return rows


@dataclass
class Cell:
    """One member's state on one module: no score, no attempts."""

    state: str = NOT_STARTED
    started_at: datetime | None = None
    completed_at: datetime | None = None
    valid_until: datetime | None = None

    @property
    def is_completed(self) -> bool:
        return self.state == COMPLETED

    @property
    def is_in_progress(self) -> bool:
        return self.state == IN_PROGRESS


@dataclass
class CertificateValidity:
    has_certificate: bool = False
    valid_until: datetime | None = None

    @property
    def is_expired(self) -> bool:
        return self.valid_until is not None and self.valid_until <= timezone.now()

    @property
    def expires_soon(self) -> bool:
        return (
            self.valid_until is not None
            and not self.is_expired
            and self.valid_until <= timezone.now() + timedelta(days=EXPIRING_SOON_DAYS)
        )


@dataclass
class MemberProgress:
    member: dict
    cells: list[Cell]
    certificate: CertificateValidity
    completed: bool = False
    overdue: bool = False


def progress_grid(
    programmes: list[EnrolledProgramme], members: list[dict], *, whole_organisation=None
) -> dict[uuid.UUID, list[MemberProgress]]:
    """Per programme key, each given member's state on each module and their certificate.

    Two queries for any number of members: pass `whole_organisation` instead of
    listing user ids when the members are all of them (the export).
    """
    module_keys = {key for p in programmes for key in p.module_keys}
    programme_keys = {p.key for p in programmes}
    user_ids = [m["user_id"] for m in members]
    if not members or not module_keys:
        return {p.key: [] for p in programmes}
    whose = (
        Q(user__learner_profile__organisation=whole_organisation)
        if whole_organisation is not None
        else Q(user_id__in=user_ids)
    )
    progress = {
        (user_id, key): (started_at, completed_at)
        for user_id, key, started_at, completed_at in ModuleProgress.objects.filter(
            whose, module_key__in=module_keys
        ).values_list("user_id", "module_key", "started_at", "completed_at")
    }
    certificates = {
        (user_id, kind, key): valid_until
        for user_id, kind, key, valid_until in Certificate.objects.filter(
            whose, subject_key__in=module_keys | programme_keys
        ).values_list("user_id", "kind", "subject_key", "valid_until")
    }
    today = timezone.localdate()
    grid = {}
    for programme in programmes:
        rows = []
        for member in members:
            user_id = member["user_id"]
            cells = []
            for module in programme.modules:
                started_at, completed_at = progress.get((user_id, module.key), (None, None))
                if completed_at is not None:
                    state = COMPLETED
                elif started_at is not None:
                    state = IN_PROGRESS
                else:
                    state = NOT_STARTED
                cells.append(
                    Cell(
                        state=state,
                        started_at=started_at,
                        completed_at=completed_at,
                        valid_until=certificates.get(
                            (user_id, Certificate.Kind.MODULE, module.key)
                        ),
                    )
                )
            certificate_key = (user_id, Certificate.Kind.PROGRAMME, programme.key)
            completed = bool(cells) and all(c.is_completed for c in cells)
            rows.append(
                MemberProgress(
                    member=member,
                    cells=cells,
                    certificate=CertificateValidity(
                        has_certificate=certificate_key in certificates,
                        valid_until=certificates.get(certificate_key),
                    ),
                    completed=completed,
                    overdue=(
                        not completed
                        and programme.due_date is not None
                        and programme.due_date < today
                    ),
                )
            )
        grid[programme.key] = rows
    return grid


def team_summary(organisation) -> list[EnrolledProgramme]:
    """The enrolled programmes with the team's figures, for the learner-dashboard panel."""
    programmes = enrolled_programmes(organisation)
    member_rows(organisation, programmes)
    return programmes


# -- reminders ---------------------------------------------------------------


class ReminderTooSoon(Exception):
    def __init__(self, last_sent: datetime, next_allowed: datetime):
        super().__init__(next_allowed)
        self.last_sent = last_sent
        self.next_allowed = next_allowed


@dataclass
class ReminderOutcome:
    sent: int = 0
    opted_out: int = 0
    without_address: int = 0


def _reminder_interval() -> timedelta:
    return timedelta(hours=max(settings.TEAM_REMINDER_INTERVAL_HOURS, 0))


def _batch_prefix(organisation, programme_key) -> str:
    return f"{REMINDER_BATCH_PREFIX}{organisation.pk}:{programme_key.hex}:"


def _batches(organisation, programme_key):
    return EmailSend.objects.filter(
        kind=REMINDER_BATCH_KIND,
        organisation=organisation,
        key__startswith=_batch_prefix(organisation, programme_key),
    )


def last_reminder(organisation, programme_key) -> datetime | None:
    return _batches(organisation, programme_key).aggregate(last=Max("sent_at"))["last"]


def _programme_versions(programme_key) -> dict[str, ProgrammePage]:
    return {
        page.locale.language_code: page
        for page in ProgrammePage.objects.live()
        .filter(translation_key=programme_key)
        .select_related("locale")
    }


def remind_not_started(
    organisation, programme: EnrolledProgramme, *, request=None, now: datetime | None = None
) -> ReminderOutcome:
    """E-mail every member who has not started any module of the programme, in their language.

    At most once per organisation and programme within
    TEAM_REMINDER_INTERVAL_HOURS (ReminderTooSoon otherwise). Each e-mail is
    recorded as an EmailSend whose unique key names the batch and the
    recipient, so a double click sends nothing twice; opted-out addresses
    are skipped.
    """
    now = now or timezone.now()
    interval = _reminder_interval()
    earlier = _batches(organisation, programme.key).aggregate(
        count=Count("pk"), last=Max("sent_at")
    )
    last = earlier["last"]
    if last is not None and last > now - interval:
        raise ReminderTooSoon(last, last + interval)
    if not programme.modules:
        return ReminderOutcome()
    recipients = list(
        LearnerProfile.objects.filter(organisation=organisation)
        .exclude(user__module_progress__module_key__in=programme.module_keys)
        .select_related("user")
        .order_by("pk")
    )
    addresses = {p.user.email.strip().lower() for p in recipients if p.user.email}
    opted_out = set(
        EmailOptOut.objects.annotate(address=Lower("email"))
        .filter(address__in=addresses)
        .values_list("address", flat=True)
    )
    outcome = ReminderOutcome()
    to_send = []
    for profile in recipients:
        address = profile.user.email.strip()
        if not address:
            outcome.without_address += 1
        elif address.lower() in opted_out:
            outcome.opted_out += 1
        else:
            to_send.append(profile)
    if not to_send:
        return outcome
    # Numbered in order: two clicks racing each other both take the next
    # number, and the unique key lets only one of them through.
    batch = earlier["count"] + 1
    batch_key = f"{_batch_prefix(organisation, programme.key)}{batch}"
    try:
        with transaction.atomic():
            EmailSend.objects.create(
                key=batch_key, kind=REMINDER_BATCH_KIND, organisation=organisation
            )
            EmailSend.objects.bulk_create(
                EmailSend(
                    key=f"team-reminder:{organisation.pk}:{programme.key.hex}:{batch}:{p.user_id}",
                    kind=REMINDER_KIND,
                    user_id=p.user_id,
                    organisation=organisation,
                )
                for p in to_send
            )
    except IntegrityError:
        # The same batch was recorded a moment ago (a double click, another server).
        last = last_reminder(organisation, programme.key) or now
        raise ReminderTooSoon(last, last + interval) from None
    versions = _programme_versions(programme.key)
    for profile in to_send:
        language = profile.preferred_language or organisation.language
        page = (
            versions.get(language)
            or versions.get(organisation.language)
            or versions.get(settings.LANGUAGE_CODE)
            or next(iter(versions.values()), None)
        )
        queue_reminder(
            profile.user.email,
            "organisations/email/team_reminder",
            {
                "name": profile.full_name,
                "organisation": organisation.name,
                "programme": page.title if page else programme.title,
                "programme_url": page_url(page, request) if page else "",
                "due_date": programme.due_date,
            },
            language,
        )
        outcome.sent += 1
    return outcome


# -- membership ---------------------------------------------------------------


class MembershipChangeRefused(Exception):
    """The change would break a rule; the message says which, for the administrator."""


def _lock_administrators(organisation) -> list[int]:
    return list(
        LearnerProfile.objects.select_for_update()
        .filter(organisation=organisation, organisation_role=MembershipRole.ADMINISTRATOR)
        .values_list("pk", flat=True)
    )


def remove_member(organisation, profile: LearnerProfile, *, by) -> None:
    """Take a member out of the organisation; their own records stay theirs."""
    if profile.user_id == by.pk:
        raise MembershipChangeRefused(
            _(
                "You cannot remove yourself. To leave the organisation, use “Leave the organisation”."
            )
        )
    with transaction.atomic():
        administrators = _lock_administrators(organisation)
        if profile.pk in administrators and len(administrators) <= 1:
            raise MembershipChangeRefused(_("The organisation needs at least one administrator."))
        LearnerProfile.objects.filter(pk=profile.pk, organisation=organisation).update(
            organisation=None, organisation_role="", organisation_joined_at=None
        )


def set_role(organisation, profile: LearnerProfile, role: str) -> bool:
    """Make a member an administrator or an administrator a member; False if already so."""
    if role not in MembershipRole.values:
        raise MembershipChangeRefused(_("Choose administrator or member."))
    with transaction.atomic():
        administrators = _lock_administrators(organisation)
        current = (
            MembershipRole.ADMINISTRATOR if profile.pk in administrators else MembershipRole.MEMBER
        )
        if current == role:
            return False
        if role == MembershipRole.MEMBER and len(administrators) <= 1:
            raise MembershipChangeRefused(
                _(
                    "The organisation needs at least one administrator: make someone else an administrator first."
                )
            )
        LearnerProfile.objects.filter(pk=profile.pk, organisation=organisation).update(
            organisation_role=role
        )
    return True
