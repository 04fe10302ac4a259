"""Create load-test volumes: many synthetic learners, their progress, attempts and answers.

    manage.py generate_load_data --learners 100000 --extra-modules 15

gives about a million progress rows. Needs the demo content (seed_demo)
first. Synthetic learners cannot sign in; re-running with the same
arguments adds nothing.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from demo.streams import block_id
from demo.synthetic import GeneratedCounts, generate_activity
from modules.models import ModuleIndexPage, ModulePage, Sector


class Command(BaseCommand):
    help = "Create synthetic learners with progress, attempts and per-question results."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=10_000)
        parser.add_argument(
            "--extra-modules",
            type=int,
            default=0,
            help="Create this many extra English modules first, so learners can take more modules.",
        )
        parser.add_argument("--modules-per-learner", type=int, nargs=2, default=(1, 6))
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, **options):
        if options["learners"] < 0:
            raise CommandError("--learners must be zero or more.")
        self.ensure_extra_modules(options["extra_modules"])
        started = time.monotonic()

        def report(counts: GeneratedCounts) -> None:
            elapsed = time.monotonic() - started
            self.stdout.write(
                f"  {counts.learners:>8} learners  {counts.progress:>9} progress rows  "
                f"{counts.attempts:>9} attempts  {counts.question_results:>10} answers  "
                f"({elapsed:.0f} s)"
            )

        counts = generate_activity(
            learners=options["learners"],
            seed=options["seed"],
            prefix="load",
            modules_per_learner=tuple(options["modules_per_learner"]),
            full_snapshots=False,
            batch_size=options["batch_size"],
            report=report,
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {counts.learners} learners, {counts.progress} progress rows, "
                f"{counts.attempts} attempts and {counts.question_results} answers "
                f"in {time.monotonic() - started:.0f} s."
            )
        )

    def ensure_extra_modules(self, count: int) -> None:
        index = ModuleIndexPage.objects.filter(locale__language_code="en").first()
        if index is None:
            raise CommandError("Run manage.py seed_demo first.")
        sectors = list(Sector.objects.all())
        for n in range(count):
            slug = f"load-test-module-{n + 1}"
            if ModulePage.objects.filter(slug=slug).exists():
                continue
            quiz = [
                {
                    "type": "single_choice",
                    "id": block_id(slug, "quiz", q),
                    "value": {
                        "prompt": f"Load-test question {q + 1}",
                        "explanation": "",
                        "choices": [
                            {
                                "type": "item",
                                "id": block_id(slug, "quiz", q, c),
                                "value": {
                                    "text": f"Answer {c + 1}",
                                    "is_correct": c == 0,
                                    "feedback": "",
                                },
                            }
                            for c in range(4)
                        ],
                    },
                }
                for q in range(6)
            ]
            page = ModulePage(
                title=f"Load-test module {n + 1}",
                slug=slug,
                summary="A generated module for load tests.",
                body=[
                    {
                        "type": "paragraph",
                        "value": "<p>Generated.</p>",
                        "id": block_id(slug, "body"),
                    }
                ],
                quiz=quiz,
                locale=index.locale,
            )
            page.sectors = sectors[n % len(sectors) : n % len(sectors) + 2]
            index.add_child(instance=page)
            page.save_revision().publish()
