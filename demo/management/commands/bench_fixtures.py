"""Create the benchmark's learners and print what scripts/bench.py needs, as one JSON line.

    manage.py bench_fixtures --password PASSWORD [--my-learning-modules 20] [--quiz-learners 32]

A reader who has opened a module with a quiz and no attempt limit, a learner
with modules in progress for "My learning", a pool of learners who submit
that quiz, and a programme manager of the first region whose second step
(a TOTP device) the benchmark can pass. Re-running reuses the accounts.
"""

from __future__ import annotations

import json
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import timezone, translation

from learning.models import (
    LearnerProfile,
    MembershipRole,
    ModuleProgress,
    Organisation,
    QuizAttempt,
)
from learning.recording import record_module_start
from modules.models import ModulePage, ProgrammePage, Region
from organisations.models import Enrolment


class Command(BaseCommand):
    help = "Create the benchmark learners and print the module, answers and learners as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--password", required=True)
        parser.add_argument("--my-learning-modules", type=int, default=20)
        parser.add_argument("--quiz-learners", type=int, default=32)
        parser.add_argument(
            "--team-members", type=int, default=500, help="members of the team page's organisation"
        )

    def handle(self, *args, **options):
        region = Region.objects.order_by("pk").first()
        english = ModulePage.objects.live().filter(locale__language_code="en").order_by("path")
        module = next((m for m in english if m.has_quiz and m.attempt_limit is None), None)
        if region is None or module is None:
            raise CommandError("Load the demo content first (manage.py seed_demo).")

        def learner(email: str):
            user, created = get_user_model().objects.get_or_create(
                username=email, defaults={"email": email}
            )
            if created:
                user.set_password(options["password"])
                user.save()
            LearnerProfile.objects.get_or_create(
                user=user,
                defaults={
                    "full_name": "Bench Learner",
                    "region": region,
                    "organisation_size": "small",
                    "preferred_language": "en",
                    "statistics_consent": True,
                    "statistics_consent_at": timezone.now(),
                },
            )
            return user

        reader = learner("bench.reader@example.com")
        record_module_start(reader, module)
        dashboard = learner("bench.dashboard@example.com")
        in_progress = ModulePage.objects.live().order_by("locale__language_code", "path")
        for page in in_progress[: options["my_learning_modules"]]:
            record_module_start(dashboard, page)
        quiz_learners = [
            learner(f"bench.quiz.{n}@example.com").username for n in range(options["quiz_learners"])
        ]
        answers = {f"q-{q.id}": sorted(q.correct_ids) for q in module.quiz_definition.questions}
        team_admin = learner("bench.teamadmin@example.com")
        team_size = self.fill_team(team_admin, region, options["team_members"])
        with translation.override("en"):
            team_url = reverse("organisations:team")
        manager, otp_key = self.manager(region, options["password"])
        programme = (
            ProgrammePage.objects.live()
            .filter(locale__language_code="en")
            .filter(regions=region)
            .order_by("path")
            .first()
        )
        fixtures = {
            "module_url": module.url,
            "programme_url": programme.url if programme else "",
            "manager": manager.username,
            "manager_otp_key": otp_key,
            "module_id": module.pk,
            "answers": answers,
            "quiz_learners": quiz_learners,
            "dashboard_modules": ModuleProgress.objects.filter(
                user=dashboard, completed_at=None
            ).count(),
            "attempts": QuizAttempt.objects.count(),
            "team_admin": team_admin.username,
            "team_url": team_url,
            "team_members": team_size,
        }
        self.stdout.write(json.dumps(fixtures))

    def manager(self, region, password: str):
        """A manager of `region` with admin access and a confirmed TOTP device;
        returns the user and the device's key (hex) for computing codes."""
        from django.contrib.auth.models import Permission
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from learning.models import ManagerRegions
        from modules.permissions import admin_access_permission

        user, created = get_user_model().objects.get_or_create(
            username="bench.manager", defaults={"email": "bench.manager@example.com"}
        )
        if created:
            user.set_password(password)
            user.save()
        user.user_permissions.add(
            admin_access_permission(),
            Permission.objects.get(content_type__app_label="learning", codename="view_statistics"),
        )
        assignment, _created = ManagerRegions.objects.get_or_create(user=user)
        assignment.regions.set([region])
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        return user, device.key

    def fill_team(self, administrator, region, size: int) -> int:
        """An approved organisation of `size` members enrolled in the first programme.

        Its members are the load data's learners (with their progress), so the
        team page shows every state; the benchmark administrator is one of them.
        """
        organisation, _created = Organisation.objects.get_or_create(
            name="Bench Team",
            defaults={
                "region": region,
                "size": "medium",
                "status": Organisation.Status.APPROVED,
                "language": "en",
            },
        )
        LearnerProfile.objects.filter(user=administrator).update(
            organisation=organisation, organisation_role=MembershipRole.ADMINISTRATOR
        )
        missing = size - LearnerProfile.objects.filter(organisation=organisation).count()
        if missing > 0:
            # The load data's learners all belong to organisations: some move over.
            newcomers = (
                LearnerProfile.objects.exclude(organisation=organisation)
                .exclude(organisation_role=MembershipRole.ADMINISTRATOR)
                .exclude(user__username__startswith="bench.")
                .order_by("pk")
                .values_list("pk", flat=True)[:missing]
            )
            LearnerProfile.objects.filter(pk__in=list(newcomers)).update(
                organisation=organisation, organisation_role=MembershipRole.MEMBER
            )
        programme = ProgrammePage.objects.live().order_by("path").first()
        if programme is not None:
            Enrolment.objects.get_or_create(
                organisation=organisation,
                programme_key=programme.translation_key,
                defaults={"due_date": timezone.localdate() + timedelta(days=30)},
            )
        return LearnerProfile.objects.filter(organisation=organisation).count()
