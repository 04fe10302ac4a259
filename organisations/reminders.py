"""What the reminder job sends on its own: due-date reminders, renewal reminders, weekly digests.

`manage.py send_reminders` runs this every hour or so (docs/operations.md,
"Reminder e-mails"). Each e-mail is named by a unique key in EmailSend
(kind, recipient, subject, occasion) written in the same transaction that
queues it, so a second run, or a run on another server at the same time,
finds the key and sends nothing. Work is split per enrolment and per
organisation, each row locked with SKIP LOCKED on PostgreSQL, so two
servers share the job instead of waiting for each other. Only the latest
occasion is sent: a job that did not run for a week sends one reminder,
not a backlog.

Apps above this one add their own e-mails to the run without this app
knowing them: each function registered for the `send_reminders` Wagtail
hook is called with the run (`ReminderRun`) and returns how many e-mails
it queued, by a short description ("retention check invitations"), which
the report and the command's output list after the app's own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from wagtail import hooks

from learning.models import (
    Certificate,
    LearnerProfile,
    MembershipRole,
    ModuleProgress,
    Organisation,
)
from learning.renewal import renewal_window
from modules.models import ModulePage, ProgrammeModule, ProgrammePage
from modules.models.pages import reminder_offsets

from .emails import EmailBatch, absolute_url, is_opted_out_set, page_url, queue_reminder
from .models import EmailSend, Enrolment


@dataclass
class Report:
    due: int = 0
    renewal: int = 0
    digest: int = 0
    # E-mails queued by the `send_reminders` hooks, by their description.
    other: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.due + self.renewal + self.digest + sum(self.other.values())


def due_occasion(today: date, due_date: date, offsets: list[int], every_days: int) -> str | None:
    """The latest reminder occasion for a due date, or None when none is due yet.

    Before the date: the nearest configured offset already reached ("before-3");
    on the date: "due"; after it: one occasion per `every_days` ("overdue-0" from
    the first day late, "overdue-1" from day every_days + 1, ...).
    """
    days_left = (due_date - today).days
    if days_left > 0:
        reached = [offset for offset in offsets if days_left <= offset]
        return f"before-{min(reached)}" if reached else None
    if days_left == 0:
        return "due"
    return f"overdue-{(-days_left - 1) // max(every_days, 1)}"


def in_language(translation_key, language: str, model=ProgrammePage):
    """The live page in `language`, or in any language when it has no such version."""
    pages = model.objects.live().filter(translation_key=translation_key)
    return pages.filter(locale__language_code=language).first() or pages.first()


class PageLinks:
    """Titles and links of pages by language, looked up once per job run.

    Thousands of e-mails name the same few programmes and modules in seven
    languages: a page and its full URL (which asks for the site) are found
    once, not once per e-mail.
    """

    def __init__(self):
        self._found: dict = {}

    def page(self, translation_key, language: str, model=ProgrammePage):
        key = (model, translation_key, language)
        if key not in self._found:
            self._found[key] = in_language(translation_key, language, model)
        return self._found[key]

    def link(self, translation_key, language: str, model=ProgrammePage) -> tuple[str, str] | None:
        key = (model, translation_key, language, "link")
        if key not in self._found:
            page = self.page(translation_key, language, model)
            self._found[key] = (page.title, page_url(page)) if page else None
        return self._found[key]


@dataclass
class ReminderRun:
    """What a `send_reminders` hook is given: the run's date and time, the
    addresses that unsubscribed, and the run's page look-ups to share."""

    today: date
    now: datetime
    opted_out: set[str]
    links: PageLinks


def programme_module_keys(programme_key) -> list:
    return list(
        ProgrammeModule.objects.filter(programme__translation_key=programme_key)
        .values_list("module__translation_key", flat=True)
        .distinct()
    )


def completed_counts(user_ids, module_keys) -> dict[int, int]:
    """Per learner: how many of these modules they completed (one query)."""
    return dict(
        ModuleProgress.objects.filter(
            user_id__in=user_ids, module_key__in=module_keys, completed_at__isnull=False
        )
        .values("user_id")
        .annotate(done=Count("module_key", distinct=True))
        .values_list("user_id", "done")
    )


def started_users(user_ids, module_keys) -> set[int]:
    return set(
        ModuleProgress.objects.filter(user_id__in=user_ids, module_key__in=module_keys)
        .values_list("user_id", flat=True)
        .distinct()
    )


def send_reminders(today: date | None = None, now: datetime | None = None) -> Report:
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    opted_out = is_opted_out_set()
    links = PageLinks()
    report = Report()
    enrolments = Enrolment.objects.filter(
        organisation__status=Organisation.Status.APPROVED, due_date__isnull=False
    ).values_list("pk", flat=True)
    for enrolment_id in list(enrolments):
        report.due += _due_reminders(enrolment_id, today, opted_out, links)
    report.renewal = _renewal_reminders(now, opted_out, links)
    organisations = (
        Enrolment.objects.filter(organisation__status=Organisation.Status.APPROVED)
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    for organisation_id in list(organisations):
        report.digest += _digest(organisation_id, today, opted_out, links)
    run = ReminderRun(today=today, now=now, opted_out=opted_out, links=links)
    for send in hooks.get_hooks("send_reminders"):
        for description, count in send(run).items():
            report.other[description] = report.other.get(description, 0) + count
    return report


def _due_reminders(enrolment_id: int, today: date, opted_out: set[str], links: PageLinks) -> int:
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("organisation")
            .filter(pk=enrolment_id)
            .first()
        )
        if enrolment is None or enrolment.due_date is None:
            return 0  # another server holds it, or it changed meanwhile
        programme = links.page(enrolment.programme_key, enrolment.organisation.language)
        if programme is None or programme.max_reminders == 0:
            return 0
        occasion = due_occasion(
            today,
            enrolment.due_date,
            reminder_offsets(programme.reminder_days_before),
            programme.reminder_overdue_every_days,
        )
        module_keys = programme_module_keys(enrolment.programme_key)
        if occasion is None or not module_keys:
            return 0
        members = list(
            LearnerProfile.objects.filter(
                organisation=enrolment.organisation, user__is_active=True
            ).select_related("user")
        )
        done = completed_counts([m.user_id for m in members], module_keys)
        kind = f"due:{enrolment.pk}"
        already = EmailSend.objects.filter(kind=kind)
        sent_keys = set(already.values_list("key", flat=True))
        sent_per_user = Counter(already.values_list("user_id", flat=True))
        to_send = []
        for member in members:
            key = f"{kind}:{member.user_id}:{enrolment.due_date.isoformat()}:{occasion}"
            if (
                done.get(member.user_id, 0) >= len(module_keys)
                or key in sent_keys
                or sent_per_user[member.user_id] >= programme.max_reminders
                or not member.user.email
                or member.user.email.lower() in opted_out
            ):
                continue
            to_send.append((member, key))
        EmailSend.objects.bulk_create(
            EmailSend(
                key=key, kind=kind, user_id=member.user_id, organisation=enrolment.organisation
            )
            for member, key in to_send
        )
        days_left = (enrolment.due_date - today).days
        batch = EmailBatch()
        for member, _key in to_send:
            language = member.preferred_language
            title, url = links.link(enrolment.programme_key, language)
            queue_reminder(
                member.user.email,
                "organisations/email/due_reminder",
                {
                    "name": member.full_name,
                    "organisation": enrolment.organisation.name,
                    "programme": title,
                    "programme_url": url,
                    "due_date": enrolment.due_date,
                    "days_left": days_left,
                    "days_late": -days_left,
                    "completed": done.get(member.user_id, 0),
                    "total": len(module_keys),
                },
                language,
                batch=batch,
            )
        batch.flush()
        return len(to_send)


def _renewal_reminders(now: datetime, opted_out: set[str], links: PageLinks) -> int:
    """One e-mail per learner listing the module certificates that end within the window."""
    ending = list(
        Certificate.objects.filter(
            kind=Certificate.Kind.MODULE,
            user__isnull=False,
            user__is_active=True,
            valid_until__gt=now,
            valid_until__lte=now + renewal_window(),
        ).select_related("user")
    )
    sent = 0
    by_user: dict[int, list[Certificate]] = {}
    for certificate in ending:
        by_user.setdefault(certificate.user_id, []).append(certificate)
    profiles = LearnerProfile.objects.in_bulk(list(by_user), field_name="user_id")
    for user_id, certificates in by_user.items():
        with transaction.atomic():
            keys = {
                c.pk: f"renewal:{c.pk}:{c.valid_until.date().isoformat()}" for c in certificates
            }
            known = set(
                EmailSend.objects.filter(key__in=keys.values()).values_list("key", flat=True)
            )
            due = [c for c in certificates if keys[c.pk] not in known]
            user = certificates[0].user
            if not due or not user.email or user.email.lower() in opted_out:
                continue
            # The unique key settles a race with another server: the loser rolls back.
            EmailSend.objects.bulk_create(
                EmailSend(key=keys[c.pk], kind="renewal", user_id=user_id) for c in due
            )
            profile = profiles.get(user_id)
            language = profile.preferred_language if profile else due[0].language
            modules = []
            for certificate in due:
                found = links.link(certificate.subject_key, language, ModulePage)
                title, url = found or (
                    certificate.title,
                    absolute_url("learning:dashboard", language),
                )
                modules.append({"title": title, "url": url, "valid_until": certificate.valid_until})
            queue_reminder(
                user.email,
                "organisations/email/renewal_reminder",
                {"name": profile.full_name if profile else "", "modules": modules},
                language,
            )
            sent += 1
    return sent


def team_summary(organisation: Organisation, today: date) -> list[dict]:
    """Per enrolled programme: staff, completed, in progress, not started, due date (a few queries)."""
    member_ids = list(
        LearnerProfile.objects.filter(organisation=organisation).values_list("user_id", flat=True)
    )
    rows = []
    for enrolment in Enrolment.objects.filter(organisation=organisation).order_by("due_date"):
        module_keys = programme_module_keys(enrolment.programme_key)
        programme = in_language(enrolment.programme_key, organisation.language)
        if programme is None or not module_keys:
            continue
        done = completed_counts(member_ids, module_keys)
        completed = sum(1 for n in done.values() if n >= len(module_keys))
        started = len(started_users(member_ids, module_keys))
        rows.append(
            {
                "programme_key": enrolment.programme_key,
                "staff": len(member_ids),
                "completed": completed,
                "in_progress": started - completed,
                "not_started": len(member_ids) - started,
                "due_date": enrolment.due_date,
                "overdue": bool(enrolment.due_date and enrolment.due_date < today),
            }
        )
    return rows


def _digest(organisation_id: int, today: date, opted_out: set[str], links: PageLinks) -> int:
    year, week, _day = today.isocalendar()
    with transaction.atomic():
        organisation = (
            Organisation.objects.select_for_update(skip_locked=True)
            .filter(pk=organisation_id, status=Organisation.Status.APPROVED)
            .first()
        )
        if organisation is None:
            return 0
        administrators = list(
            LearnerProfile.objects.filter(
                organisation=organisation,
                organisation_role=MembershipRole.ADMINISTRATOR,
                user__is_active=True,
            ).select_related("user")
        )
        keys = {
            a.user_id: f"digest:{organisation.pk}:{a.user_id}:{year}-W{week:02d}"
            for a in administrators
        }
        known = set(EmailSend.objects.filter(key__in=keys.values()).values_list("key", flat=True))
        recipients = [
            a
            for a in administrators
            if keys[a.user_id] not in known
            and a.user.email
            and a.user.email.lower() not in opted_out
        ]
        if not recipients:
            return 0
        summary = team_summary(organisation, today)
        if not summary:
            return 0
        EmailSend.objects.bulk_create(
            EmailSend(
                key=keys[a.user_id], kind="digest", user_id=a.user_id, organisation=organisation
            )
            for a in recipients
        )
        for administrator in recipients:
            language = administrator.preferred_language
            programmes = []
            for row in summary:
                page = links.page(row["programme_key"], language)
                programmes.append({**row, "title": page.title if page else ""})
            queue_reminder(
                administrator.user.email,
                "organisations/email/weekly_digest",
                {
                    "name": administrator.full_name,
                    "organisation": organisation.name,
                    "programmes": programmes,
                    "team_url": absolute_url("organisations:team", language),
                },
                language,
            )
        return len(recipients)
