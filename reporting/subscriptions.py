"""The programme report by e-mail, once a month, to the managers who asked for it.

`send_monthly_reports` runs as often as the operator likes (the reminder
job's schedule): each subscription gets last month's report once. The e-mail
is recorded (`EmailSend`, a unique key naming the subscription and the
month) in the transaction that queues it, so a second run, or a second
server, sends nothing more. The report is built by the task worker at
sending time, with the manager's scope and admin language then.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from learning.statistics.scope import can_view_statistics
from organisations.models import EmailSend

from .models import ReportSubscription

UNSUBSCRIBE_SALT = "reporting.subscription.unsubscribe"
EMAIL_KIND = "programme_report"


def report_month(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The calendar month before `today`'s: (its first day, its last day)."""
    last = today.replace(day=1) - datetime.timedelta(days=1)
    return last.replace(day=1), last


def unsubscribe_token(subscription: ReportSubscription) -> str:
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)


def subscription_of_token(token: str) -> ReportSubscription | None:
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return ReportSubscription.objects.filter(pk=pk).select_related("user").first()


def unsubscribe_url(subscription: ReportSubscription) -> str:
    path = reverse("reporting_unsubscribe", args=[unsubscribe_token(subscription)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@dataclass
class SendResult:
    queued: int = 0
    already_sent: int = 0
    not_allowed: int = 0


def send_monthly_reports(today: datetime.date | None = None) -> SendResult:
    """Queue last month's report for every subscription that has not had it."""
    from .tasks import send_programme_report

    first, last = report_month(today or timezone.localdate())
    result = SendResult()
    for subscription in ReportSubscription.objects.select_related("user").order_by("pk"):
        user = subscription.user
        # Whoever lost their statistics permission, or was deactivated, gets nothing.
        if not (user.is_active and user.email and can_view_statistics(user)):
            result.not_allowed += 1
            continue
        key = f"{EMAIL_KIND}:{subscription.pk}:{first:%Y-%m}"
        try:
            with transaction.atomic():
                EmailSend.objects.create(key=key, kind=EMAIL_KIND, user=user)
                transaction.on_commit(
                    lambda pk=subscription.pk: send_programme_report.enqueue(
                        pk, first.isoformat(), last.isoformat()
                    )
                )
        except IntegrityError:
            result.already_sent += 1
            continue
        result.queued += 1
    return result
