"""Time the reminder job over many learners: `manage.py bench_reminders --learners 100000`.

Creates (once) organisations of `--team-size` members each, enrolled in the
first programme with a due date of today, so that every member who has not
completed it is due a reminder; then runs `send_reminders` twice and prints
the two run times and e-mail counts as one JSON line (the second run must
send nothing). Accounts are created in bulk without progress rows, which
is the reminder job's worst case: nobody has completed anything.
Demo app only; scripts/bench.py runs it on PostgreSQL.
"""

from __future__ import annotations

import json
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from learning.models import LearnerProfile, MembershipRole, Organisation
from modules.models import ProgrammePage, Region
from organisations.models import EmailSend, Enrolment
from organisations.reminders import send_reminders

LANGUAGES = ["et", "en", "fr", "it", "sk", "sl", "es"]
PREFIX = "bench-reminders"


class Command(BaseCommand):
    help = "Create many organisation members and time send_reminders over them (twice)."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=100_000)
        parser.add_argument("--team-size", type=int, default=50)
        parser.add_argument("--batch-size", type=int, default=5000)

    def handle(self, *args, **options):
        programme = ProgrammePage.objects.live().order_by("path").first()
        region = Region.objects.order_by("pk").first()
        if programme is None or region is None:
            raise CommandError("Load the demo content first (manage.py seed_demo).")
        created = self.create_members(options, region)
        today = timezone.localdate()
        Enrolment.objects.filter(organisation__name__startswith=PREFIX).update(due_date=today)
        # A fresh start: the e-mails of an earlier run would count as sent.
        EmailSend.objects.filter(organisation__name__startswith=PREFIX).delete()
        timings = []
        for _run in range(2):
            started = time.perf_counter()
            report = send_reminders(today=today)
            timings.append({"seconds": round(time.perf_counter() - started, 1), "due": report.due})
        members = LearnerProfile.objects.filter(organisation__name__startswith=PREFIX).count()
        self.stdout.write(
            json.dumps(
                {
                    "members": members,
                    "organisations": Organisation.objects.filter(name__startswith=PREFIX).count(),
                    "created_now": created,
                    "first_run": timings[0],
                    "second_run": timings[1],
                }
            )
        )

    def create_members(self, options, region) -> int:
        wanted, size = options["learners"], options["team_size"]
        existing = LearnerProfile.objects.filter(organisation__name__startswith=PREFIX).count()
        if existing >= wanted:
            return 0
        programme = ProgrammePage.objects.live().order_by("path").first()
        user_model = get_user_model()
        unusable = make_password(None)
        created = 0
        for start in range(existing, wanted, options["batch_size"]):
            stop = min(start + options["batch_size"], wanted)
            with transaction.atomic():
                organisations = {}
                for number in range(start // size, (stop - 1) // size + 1):
                    organisation, new = Organisation.objects.get_or_create(
                        name=f"{PREFIX} {number:05d}",
                        defaults={
                            "region": region,
                            "size": "small",
                            "status": Organisation.Status.APPROVED,
                            "language": LANGUAGES[number % len(LANGUAGES)],
                        },
                    )
                    if new:
                        Enrolment.objects.create(
                            organisation=organisation,
                            programme_key=programme.translation_key,
                            due_date=timezone.localdate(),
                        )
                    organisations[number] = organisation
                users = user_model.objects.bulk_create(
                    user_model(
                        username=f"{PREFIX}-{n}@example.com",
                        email=f"{PREFIX}-{n}@example.com",
                        password=unusable,  # nobody signs in as these
                    )
                    for n in range(start, stop)
                )
                LearnerProfile.objects.bulk_create(
                    LearnerProfile(
                        user=user,
                        full_name=f"Member {n}",
                        region=region,
                        organisation=organisations[n // size],
                        organisation_role=(
                            MembershipRole.ADMINISTRATOR if n % size == 0 else MembershipRole.MEMBER
                        ),
                        organisation_size="small",
                        preferred_language=LANGUAGES[n % len(LANGUAGES)],
                    )
                    for n, user in zip(range(start, stop), users, strict=True)
                )
            created += stop - start
        return created
