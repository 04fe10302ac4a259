"""The monthly programme report, built and sent by the task worker."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.utils import translation
from django_tasks import task
from wagtail.users.models import UserProfile

from learning.statistics.filters import titles_by_key
from learning.statistics.scope import can_view_statistics
from modules.models import ProgrammePage
from organisations.emails import render_email

from .models import ReportSubscription
from .programme_report import ReportInputError, build_programme_report, render_pdf
from .progress import progress_against_targets
from .subscriptions import unsubscribe_url


@task()
def send_programme_report(subscription_pk: int, date_from: str, date_to: str) -> None:
    """E-mail one subscription's report for the period, as a PDF with the key figures."""
    subscription = ReportSubscription.objects.select_related("user").filter(pk=subscription_pk)
    subscription = subscription.first()
    if subscription is None:
        return  # unsubscribed since the e-mail was queued
    user = subscription.user
    if not (user.is_active and user.email and can_view_statistics(user)):
        return
    first = datetime.date.fromisoformat(date_from)
    last = datetime.date.fromisoformat(date_to)
    language = UserProfile.get_for_user(user).get_preferred_language()
    with translation.override(language):
        key = subscription.programme_key
        try:
            report = build_programme_report(user, str(key), first, last)
        except (PermissionDenied, ReportInputError):
            return  # the programme is no longer one of the manager's regions'

        pdf = render_pdf(report)
        regions = next((p.regions for p in progress_against_targets(user) if p.key == key), [])
        link = unsubscribe_url(subscription)
        context = {
            "title": titles_by_key(ProgrammePage, [key]).get(key, ""),
            "date_from": first,
            "date_to": last,
            "regions": regions,
            "dashboard_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/",
            "unsubscribe_url": link,
        }
    subject, body = render_email("reporting/email/programme_report", context, language)
    message = EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach(f"programme-report-{first:%Y-%m}.pdf", pdf, "application/pdf")
    message.send()
