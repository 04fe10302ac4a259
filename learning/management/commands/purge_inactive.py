"""Erase learners who have not been active for a given time (data retention).

    manage.py purge_inactive                           # dry run: lists how many
    manage.py purge_inactive --apply                   # erases them
    manage.py purge_inactive --older-than 365 --apply  # another period than the setting

The period defaults to settings.LEARNER_RETENTION_DAYS, the one the privacy
notice tells learners.

A learner's last activity is their last sign-in, or their sign-up if they
never signed in again. Erasure keeps their learning records as anonymous
rows (learning.privacy.erase_learner), so statistics do not change. Staff
accounts are never touched.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from learning.privacy import erase_learner


class Command(BaseCommand):
    help = (
        "Erase learners inactive for longer than --older-than days "
        "(default LEARNER_RETENTION_DAYS; dry run unless --apply)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=None, metavar="DAYS")
        parser.add_argument("--apply", action="store_true", help="Erase; without it, only count.")

    def handle(self, *args, **options):
        days = options["older_than"] or settings.LEARNER_RETENTION_DAYS
        if days < 30:
            raise CommandError("--older-than must be at least 30 days.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        inactive = (
            get_user_model()
            .objects.filter(learner_profile__isnull=False, is_staff=False, is_superuser=False)
            .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
        )
        count = inactive.count()
        if not options["apply"]:
            self.stdout.write(
                f"{count} learner(s) inactive since {cutoff:%Y-%m-%d} would be erased. "
                "Run again with --apply to erase them."
            )
            return
        for user in inactive.iterator():
            erase_learner(user)
        self.stdout.write(
            self.style.SUCCESS(f"Erased {count} learner(s) inactive since {cutoff:%Y-%m-%d}.")
        )
