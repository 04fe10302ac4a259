"""Real parallel submissions of a check: one attempt per form and per occasion.

Runs against PostgreSQL (CI starts one): SQLite serialises every write, so
the race these tests look for cannot happen there.
"""

from __future__ import annotations

import uuid

import pytest

from impact.models import CheckAttempt, KnowledgeRecord
from tests.impact.conftest import answers_to
from tests.learning.test_concurrency import (
    PARALLEL,
    PARALLEL_ON_POSTGRESQL,
    post_in_parallel,
    signed_in_opener,
)

pytestmark = PARALLEL_ON_POSTGRESQL


@pytest.fixture
def opener(live_server, client, learner):
    return signed_in_opener(live_server, client, learner)


def test_the_same_form_sent_at_once_from_many_clicks_records_once(
    live_server, opener, learner, check_page, drawn
):
    body = {
        **answers_to(drawn(learner, check_page, "baseline")),
        "attempt_token": str(uuid.uuid4()),
    }
    url = f"{live_server.url}/en/learn/checks/{check_page.pk}/baseline/submit/"
    statuses = post_in_parallel(opener, url, [body] * PARALLEL)
    # Every click lands on the one result.
    assert statuses == [200] * PARALLEL
    assert CheckAttempt.objects.count() == 1
    assert KnowledgeRecord.objects.count() == 1


def test_the_check_sent_from_several_tabs_at_once_records_once(
    live_server, opener, learner, check_page, drawn
):
    answers = answers_to(drawn(learner, check_page, "baseline"))
    bodies = [{**answers, "attempt_token": str(uuid.uuid4())} for _ in range(PARALLEL)]
    url = f"{live_server.url}/en/learn/checks/{check_page.pk}/baseline/submit/"
    statuses = post_in_parallel(opener, url, bodies)
    assert sorted(statuses) == [200] + [409] * (PARALLEL - 1)
    assert CheckAttempt.objects.count() == 1
    record = KnowledgeRecord.objects.get()
    assert record.baseline_total == 5
