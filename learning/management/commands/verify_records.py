"""Recompute progress rows from their quiz attempts and list every difference.

    manage.py verify_records           # report differences; exit status 1 if any
    manage.py verify_records --fix     # also rewrite the derived fields from the attempts

The checks live in `learning/verification.py`, which says what is compared and why.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from learning.verification import count_differences, find_differences, fix_derived_fields


class Command(BaseCommand):
    help = "Recompute progress rows from quiz attempts and report every difference."

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix",
            action="store_true",
            help="Rewrite attempt counts, best scores, first-attempt results and "
            "missing completions from the attempts.",
        )
        parser.add_argument(
            "--show",
            type=int,
            default=200,
            metavar="N",
            help="List at most N differences (all are counted). Default 200.",
        )

    def handle(self, *args, **options):
        total, shown = find_differences(limit=max(options["show"], 0))
        for difference in shown:
            self.stdout.write(difference.describe())
        if total > len(shown):
            self.stdout.write(f"… and {total - len(shown)} more.")
        if options["fix"] and total:
            fixed = fix_derived_fields()
            self.stdout.write(f"Rewrote the derived fields of {fixed} progress row(s).")
            total = count_differences()
        if total:
            raise CommandError(f"{total} difference(s) between progress rows and attempts.")
        self.stdout.write(self.style.SUCCESS("Progress rows agree with the attempts."))
