"""How long a certificate stays valid, and renewing it by retaking the quiz.

A programme may set a validity period (annual refresher training, as NIS2
asks of essential entities). A module's certificate is valid for the
shortest period of the programmes it belongs to; a programme's certificate
holds while every one of its modules' certificates does. Within the renewal
window before the end, and after it, the learner renews by passing the
module's quiz again, which moves the certificate's dates forward.
"""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Min, Q
from django.utils import timezone

from modules.models import ProgrammeModule, ProgrammePage

from .models import Certificate


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later, or the month's last day (31 January + 1 = 28/29 February)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def module_validity_months(module_key) -> int | None:
    """The shortest validity of the programmes that contain this module; None: no end."""
    programme_keys = ProgrammeModule.objects.filter(module__translation_key=module_key).values_list(
        "programme__translation_key", flat=True
    )
    return ProgrammePage.objects.filter(
        translation_key__in=programme_keys, certificate_validity_months__isnull=False
    ).aggregate(months=Min("certificate_validity_months"))["months"]


def module_valid_until(module_key, completed_at: datetime) -> datetime | None:
    months = module_validity_months(module_key)
    return add_months(completed_at, months) if months else None


def renewal_window() -> timedelta:
    return timedelta(days=settings.CERTIFICATE_RENEWAL_WINDOW_DAYS)


def is_renewal_due(certificate: Certificate | None, now: datetime | None = None) -> bool:
    """True when the certificate ends within the renewal window, or has ended."""
    if certificate is None or certificate.valid_until is None:
        return False
    return certificate.valid_until - renewal_window() <= (now or timezone.now())


def renew_module_certificate(
    certificate: Certificate, *, title: str, language: str, score: int | None
) -> None:
    """A passed retake: the certificate counts from today, printed in the retake's language."""
    now = timezone.now()
    certificate.completed_at = now
    certificate.valid_until = module_valid_until(certificate.subject_key, now)
    certificate.title = title
    certificate.language = language
    certificate.score = score
    certificate.save(update_fields=["completed_at", "valid_until", "title", "language", "score"])


def refresh_programme_certificates(user, module_key) -> None:
    """Programme certificates that include this module hold as long as their modules' do."""
    programme_keys = set(
        ProgrammeModule.objects.filter(module__translation_key=module_key).values_list(
            "programme__translation_key", flat=True
        )
    )
    for certificate in Certificate.objects.filter(
        user=user, kind=Certificate.Kind.PROGRAMME, subject_key__in=programme_keys
    ):
        needed = set(
            ProgrammeModule.objects.filter(
                programme__translation_key=certificate.subject_key
            ).values_list("module__translation_key", flat=True)
        )
        ends = list(
            Certificate.objects.filter(
                user=user, kind=Certificate.Kind.MODULE, subject_key__in=needed
            ).values_list("valid_until", flat=True)
        )
        valid_until = min((end for end in ends if end is not None), default=None)
        if certificate.valid_until != valid_until:
            certificate.valid_until = valid_until
            certificate.save(update_fields=["valid_until"])


def currently_valid(queryset, now: datetime | None = None):
    """Certificates that have not ended: the learners who are certified today."""
    return queryset.filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now or timezone.now()))
