"""Hot pages run a fixed number of queries, however much content and history exist.

Counted as production runs them: sessions come from the shared cache
(`cached_db` on Redis), so reading one costs no query.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    answers_for,
    choice_item,
    choice_question,
    make_module,
    make_programme,
    sample_quiz,
)

# The signed-in module page and "My learning" may run at most this many queries (the
# target in docs/performance.md): few enough that their cost is rendering, not the database.
QUERY_BUDGET = 10


@pytest.fixture
def learner_client(client, learner, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client.force_login(learner)
    return client


def count_queries(client, url) -> int:
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def big_quiz(questions: int) -> list[dict]:
    return [
        choice_question(
            "multiple_choice", f"Question {n}", [choice_item(f"c{i}", i < 2) for i in range(5)]
        )
        for n in range(questions)
    ]


def test_module_page_queries_do_not_grow_with_questions_or_history(
    learner_client, site_pages, water, submit
):
    _home, index = site_pages
    small = make_module(index, "Small", sectors=[water], quiz=sample_quiz())
    large = make_module(index, "Large", sectors=[water], quiz=big_quiz(25))
    for n in range(5):
        other = make_module(index, f"Other {n}", sectors=[water])
        submit(other, answers_for(other))
    submit(small, answers_for(small))
    submit(large, answers_for(large, right=False))
    submit(large, answers_for(large))
    small_count = count_queries(learner_client, small.url)
    large_count = count_queries(learner_client, large.url)
    assert small_count == large_count
    assert large_count <= QUERY_BUDGET


def test_my_learning_queries_do_not_grow_with_records(learner_client, site_pages, water, submit):
    home, index = site_pages
    url = reverse("learning:dashboard")
    # Two modules stay unstarted so suggestions exist in both measurements.
    modules = [make_module(index, f"Module {n}", sectors=[water]) for n in range(14)]
    make_programme(home, modules[:4], title="Programme A")
    make_programme(home, modules[4:8], title="Programme B")
    submit(modules[0], answers_for(modules[0]))
    learner_client.get(modules[1].url)
    few = count_queries(learner_client, url)
    for module in modules[2:10]:
        submit(module, answers_for(module))
    for module in modules[10:12]:
        learner_client.get(module.url)
    many = count_queries(learner_client, url)
    assert few == many
    assert many <= QUERY_BUDGET


@pytest.mark.parametrize("size", [2, 14])
def test_module_index_queries_are_bounded(client, site_pages, water, size):
    _home, index = site_pages
    for n in range(size):
        make_module(index, f"Module {n}", sectors=[water], topics=[f"topic-{n % 3}"])
    assert count_queries(client, index.url) <= 20


def test_a_completed_module_with_a_certificate_stays_within_budget(
    learner_client, site_pages, water, submit
):
    home, index = site_pages
    module = make_module(index, "Done", sectors=[water], quiz=sample_quiz())
    make_programme(home, [module])
    submit(module, answers_for(module))
    assert count_queries(learner_client, module.url) <= QUERY_BUDGET


def test_programme_page_queries_do_not_grow_with_modules(learner_client, site_pages, water):
    home, index = site_pages
    small = make_programme(home, [make_module(index, "P1", sectors=[water])], title="Small")
    many = [make_module(index, f"Q{n}", sectors=[water]) for n in range(12)]
    large = make_programme(home, many, title="Large")
    assert count_queries(learner_client, small.url) == count_queries(learner_client, large.url)
