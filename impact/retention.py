"""Retention checks: inviting learners by e-mail through the reminder job.

A learner's retention check opens on their knowledge record's
`retention_due_on` (final check date + the check's `retention_weeks`). From
that day the reminder job (`manage.py send_reminders`, through its
`send_reminders` hook) sends them one invitation, in their preferred
language, linking to the programme's knowledge check page in that language.
Like every e-mail the job sends, it is named by a unique `EmailSend` key
written in the transaction that queues it, and the records are locked with
SKIP LOCKED while one server works on them, so a second run, or a second
server, sends nothing twice; addresses that unsubscribed from reminders get
none.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction
from wagtail import hooks

from learning.models import LearnerProfile
from modules.models import KnowledgeCheckPage, ProgrammePage
from organisations.emails import EmailBatch, page_url, queue_reminder
from organisations.models import EmailSend
from organisations.reminders import PageLinks, ReminderRun

from .models import KnowledgeRecord

KIND = "retention"
TEMPLATE = "impact/email/retention_invitation"
# Records handled per transaction: one server's lock stays short, and the
# other server takes the next chunk.
CHUNK = 200


def invitation_key(record: KnowledgeRecord) -> str:
    """One invitation per learner and programme, ever: the retention check is taken once."""
    return f"{KIND}:{record.user_id}:{record.programme_key}"


class CheckLinks:
    """The knowledge check page of a programme in a language, looked up once per run."""

    def __init__(self, links: PageLinks):
        self.links = links
        self._found: dict = {}

    def link(self, programme_key, language: str) -> tuple[str, str] | None:
        """(programme title, check page URL) in `language`, or in any language that has
        the check; None when the programme has no live check."""
        key = (programme_key, language)
        if key not in self._found:
            self._found[key] = self._look_up(programme_key, language)
        return self._found[key]

    def _look_up(self, programme_key, language: str) -> tuple[str, str] | None:
        programme = self.links.page(programme_key, language, ProgrammePage)
        candidates = [programme] if programme is not None else []
        candidates += list(
            ProgrammePage.objects.live()
            .filter(translation_key=programme_key)
            .exclude(pk__in=[p.pk for p in candidates])
            .order_by("pk")
        )
        for page in candidates:
            check = KnowledgeCheckPage.objects.live().child_of(page).first()
            url = page_url(check) if check is not None else ""
            if url:
                return page.title, url
        return None


def due_records(today: date):
    """Records whose retention check is open and not taken, of learners who still exist."""
    return KnowledgeRecord.objects.filter(
        retention_due_on__lte=today,
        retention_at__isnull=True,
        retention_score__isnull=True,
        user__isnull=False,
        user__is_active=True,
    )


def send_retention_invitations(run: ReminderRun) -> int:
    """Queue the retention check invitations that are due; returns how many."""
    checks = CheckLinks(run.links)
    ids = list(due_records(run.today).order_by("pk").values_list("pk", flat=True))
    sent = 0
    for start in range(0, len(ids), CHUNK):
        sent += _invite(ids[start : start + CHUNK], run, checks)
    return sent


def _invite(ids: list[int], run: ReminderRun, checks: CheckLinks) -> int:
    with transaction.atomic():
        records = list(
            due_records(run.today)
            .select_for_update(skip_locked=True, of=("self",))
            .filter(pk__in=ids)
            .select_related("user")
        )
        keys = {record.pk: invitation_key(record) for record in records}
        # Read under the lock: a server that invited these learners has committed.
        known = set(EmailSend.objects.filter(key__in=keys.values()).values_list("key", flat=True))
        profiles = LearnerProfile.objects.in_bulk(
            [record.user_id for record in records], field_name="user_id"
        )
        to_send = []
        for record in records:
            email = (record.user.email or "").strip()
            if keys[record.pk] in known or not email or email.lower() in run.opted_out:
                continue
            profile = profiles.get(record.user_id)
            language = (
                (profile.preferred_language if profile else "")
                or record.language
                or settings.LANGUAGE_CODE
            )
            found = checks.link(record.programme_key, language)
            if found is None:
                # No live check to link to: invite once there is one again.
                continue
            to_send.append((record, email, language, profile, found))
        EmailSend.objects.bulk_create(
            EmailSend(key=keys[record.pk], kind=KIND, user_id=record.user_id)
            for record, *_rest in to_send
        )
        batch = EmailBatch()
        for record, email, language, profile, (title, url) in to_send:
            queue_reminder(
                email,
                TEMPLATE,
                {
                    "name": profile.full_name if profile else "",
                    "programme": title,
                    "check_url": url,
                    "final_score": record.final_score,
                },
                language,
                batch=batch,
            )
        batch.flush()
        return len(to_send)


@hooks.register("send_reminders")
def retention_invitations(run: ReminderRun) -> dict[str, int]:
    return {"retention check invitations": send_retention_invitations(run)}
