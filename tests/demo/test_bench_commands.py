"""The commands `make bench` runs to prepare its learners and count what was recorded."""

import io
import json
import uuid

from django.core.management import call_command
from django.urls import reverse

from learning.models import QuizAttempt
from tests.factories import RegionFactory, make_module


def run(*args, **options) -> dict:
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return json.loads(out.getvalue())


def test_bench_learners_can_sign_in_and_pass_the_benchmark_quiz(site_pages, client):
    _home, index = site_pages
    RegionFactory()
    make_module(index, "Limited", attempt_limit=2)
    module = make_module(index, "Unlimited")

    fixtures = run("bench_fixtures", password="bench-Secret-1", quiz_learners=3)

    # The benchmark submits to a module whose attempts are not limited.
    assert fixtures["module_id"] == module.pk
    assert client.get(fixtures["module_url"]).status_code == 200
    assert len(fixtures["quiz_learners"]) == 3
    assert fixtures["dashboard_modules"] == 2
    assert run("bench_counts") == {"attempts": 0, "progress_rows": 3}

    assert client.login(username=fixtures["quiz_learners"][0], password="bench-Secret-1")
    response = client.post(
        reverse("learning:submit_quiz", args=[fixtures["module_id"]]),
        {**fixtures["answers"], "attempt_token": str(uuid.uuid4())},
    )
    assert response.status_code == 302
    assert QuizAttempt.objects.get().passed
    assert run("bench_counts")["attempts"] == 1

    # A second run reuses the accounts.
    again = run("bench_fixtures", password="bench-Secret-1", quiz_learners=3)
    assert again["quiz_learners"] == fixtures["quiz_learners"]
