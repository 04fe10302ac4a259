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
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import Certificate
from .programmes import ModuleProgrammes, module_programmes


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later, or the month's last day (31 January + 1 = 28/29 February)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def module_validity_months(module_key) -> int | None:
    """The shortest validity of the programmes that contain this module; None: no end."""
    return module_programmes(module_key).validity_months


def module_valid_until(
    module_key, completed_at: datetime, programmes: ModuleProgrammes | None = None
) -> datetime | None:
    """When a module certificate earned at `completed_at` ends (`programmes`: the
    module's, when the caller has them already)."""
    months = (programmes or module_programmes(module_key)).validity_months
    return add_months(completed_at, months) if months else None


def renewal_window() -> timedelta:
    return timedelta(days=settings.CERTIFICATE_RENEWAL_WINDOW_DAYS)


def is_renewal_due(certificate: Certificate | None, now: datetime | None = None) -> bool:
    """True when the certificate ends within the renewal window, or has ended."""
    if certificate is None or certificate.valid_until is None:
        return False
    return certificate.valid_until - renewal_window() <= (now or timezone.now())


def programme_valid_until(module_ends: Iterable[datetime | None]) -> datetime | None:
    """A programme's certificate holds as long as its modules' certificates do."""
    return min((end for end in module_ends if end is not None), default=None)


def currently_valid(queryset, now: datetime | None = None):
    """Certificates that have not ended: the learners who are certified today."""
    return queryset.filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now or timezone.now()))
