"""Print the numbers of quiz attempts and progress rows as one JSON line (scripts/bench.py)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from learning.models import ModuleProgress, QuizAttempt


class Command(BaseCommand):
    help = "Print the numbers of quiz attempts and progress rows as JSON."

    def handle(self, *args, **options):
        counts = {
            "attempts": QuizAttempt.objects.count(),
            "progress_rows": ModuleProgress.objects.count(),
        }
        self.stdout.write(json.dumps(counts))
