"""Random learners, progress rows and answers, then random changes to them.

The statistics tests that compare two ways of computing the same figures
(the cells and the rows, a grouped query and one query per group) draw
their data from here.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from hypothesis import strategies as st

from learning.models import ModuleProgress, QuizAttempt
from tests.factories import (
    RegionFactory,
    SectorFactory,
    SubRegionFactory,
    make_module,
    make_programme,
)
from tests.learning.statistics.helpers import answer, learner, record, staff

LANGUAGES = ["en", "et"]
SIZES = ["micro", "small", ""]

module_plan = st.fixed_dictionaries(
    {
        "module": st.integers(0, 2),
        "completed": st.booleans(),
        "language": st.sampled_from(LANGUAGES),
        "attempts": st.lists(st.sampled_from(LANGUAGES), max_size=3),
        "score": st.integers(0, 100),
        "first_passed": st.booleans(),
        "hours_ago": st.integers(0, 24 * 120),
        "right": st.lists(st.booleans(), min_size=3, max_size=3),
    }
)
learner_plan = st.fixed_dictionaries(
    {
        "region": st.integers(0, 2),
        # A sub-region (the third is Latvia's, so none for the others), or none.
        "subregion": st.sampled_from([None, 0, 1, 2]),
        "sector": st.sampled_from([0, 1, None]),
        "size": st.sampled_from(SIZES),
        "consent": st.booleans(),
        "modules": st.lists(module_plan, max_size=3, unique_by=lambda m: m["module"]),
    }
)
change = st.tuples(
    st.sampled_from(
        ["complete", "uncomplete", "move", "resubregion", "erase", "delete", "attempt", "consent"]
    ),
    st.integers(0, 1000),
)


@pytest.fixture
def random_world(site_pages):
    home, index = site_pages
    regions = [
        RegionFactory(code=code, name=name) for code, name in [("EE", "Estonia"), ("LV", "Latvia")]
    ]
    regions.append(RegionFactory(code="LT", name="Lithuania"))
    subregions = [
        SubRegionFactory(code=code, name=name, region=region)
        for code, name, region in [
            ("EE-37", "Harju", regions[0]),
            ("EE-79", "Tartu", regions[0]),
            ("LV-RIX", "Riga", regions[1]),
        ]
    ]
    sectors = [SectorFactory(slug="water", name="Water"), SectorFactory(slug="energy", name="E")]
    modules = [make_module(index, f"Module {n}") for n in range(3)]
    make_programme(home, modules[:2], title="Water programme")
    make_programme(home, modules[1:], title="Energy programme")
    return {
        "regions": regions,
        "subregions": subregions,
        "sectors": sectors,
        "modules": modules,
        "coordinator": staff("coordinator", codename="view_all_regions"),
        "manager": staff("manager", codename="view_statistics", regions=regions[:2]),
    }


def populate(world, plans, changes) -> None:
    """Learners after `plans`, then `changes` made to their rows."""
    now = timezone.now()
    rows = []
    for n, plan in enumerate(plans):
        sector = None if plan["sector"] is None else world["sectors"][plan["sector"]]
        user = learner(
            n,
            world["regions"][plan["region"]],
            sector,
            size=plan["size"],
            consent=plan["consent"],
        )
        if plan.get("subregion") is not None:
            profile = user.learner_profile
            profile.subregion = world["subregions"][plan["subregion"]]
            profile.save()
        for m in plan["modules"]:
            module = world["modules"][m["module"]]
            row = record(
                user,
                module,
                started=now - datetime.timedelta(hours=m["hours_ago"]),
                completed_after=datetime.timedelta(hours=5) if m["completed"] else None,
                score=m["score"],
                attempts=len(m["attempts"]),
                first_passed=m["first_passed"],
                language=m["language"],
            )
            for number, language in enumerate(m["attempts"], start=1):
                answer(row, module, number=number, language=language, right=m["right"])
            rows.append((row, module))
    for kind, pick in changes:
        if not rows:
            return
        row, module = rows[pick % len(rows)]
        if not ModuleProgress.objects.filter(pk=row.pk).exists():
            continue
        row.refresh_from_db()
        if kind == "complete" and row.completed_at is None:
            row.completed_at = now - datetime.timedelta(hours=pick % 50)
            row.completed_language = "et" if pick % 2 else "en"
            row.best_score = pick % 101
            row.save()
        elif kind == "uncomplete":
            row.completed_at, row.completed_language = None, ""
            row.save()
        elif kind == "move":
            row.region = world["regions"][pick % 3]
            row.sector = world["sectors"][pick % 2]
            row.save()
        elif kind == "resubregion":
            row.subregion = (world["subregions"] + [None])[pick % 4]
            row.save()
        elif kind == "erase" and row.user_id:
            ModuleProgress.objects.filter(user_id=row.user_id).update(user=None)
        elif kind == "delete":
            row.delete()
        elif kind == "attempt":
            number = QuizAttempt.objects.filter(progress=row).count() + 1
            right = [bool(pick & b) for b in (1, 2, 4)]
            answer(row, module, number=number, language=LANGUAGES[pick % 2], right=right)
        elif kind == "consent":
            ModuleProgress.objects.filter(pk=row.pk).update(
                counts_in_statistics=not row.counts_in_statistics
            )
