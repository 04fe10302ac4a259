"""Hot pages run a fixed number of queries, however much content and history exist.

Counted as production runs them: sessions come from the shared cache
(`cached_db` on Redis), so reading one costs no query.
"""

import uuid
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.models import Certificate, QuizAttempt
from tests.factories import (
    answers_for,
    choice_item,
    choice_question,
    make_module,
    make_programme,
    sample_quiz,
)

# The signed-in module page and "My learning" run these many queries, within the
# target of ten in docs/performance.md, whatever the content and history.
# The module page: the learner (with their profile and region) and their progress
# row on the module; everything else on the page is the same for every reader
# and comes from the shared cache.
MODULE_PAGE_QUERIES = 2
# ... and the certificate, once the module is completed.
COMPLETED_MODULE_PAGE_QUERIES = 3
# The learner, their progress rows and certificates; the organisation panel's
# invitations and organisation. Modules, programmes and suggestions are shared.
MY_LEARNING_QUERIES = 5


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
    assert small_count == large_count == COMPLETED_MODULE_PAGE_QUERIES
    unfinished = make_module(index, "Unfinished", sectors=[water], quiz=big_quiz(25))
    assert count_queries(learner_client, unfinished.url) == MODULE_PAGE_QUERIES


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
    assert few == many == MY_LEARNING_QUERIES


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
    assert count_queries(learner_client, module.url) == COMPLETED_MODULE_PAGE_QUERIES


def test_programme_page_queries_do_not_grow_with_modules(learner_client, site_pages, water):
    home, index = site_pages
    small = make_programme(home, [make_module(index, "P1", sectors=[water])], title="Small")
    many = [make_module(index, f"Q{n}", sectors=[water]) for n in range(12)]
    large = make_programme(home, many, title="Large")
    assert count_queries(learner_client, small.url) == count_queries(learner_client, large.url)


# A quiz submission may run at most this many SQL statements, whatever the learner did before.
SUBMISSION_BUDGET = 10
TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "ROLLBACK"}


def submission_statements(client, module, answers, token=None):
    """POST the quiz form; the response and the SQL statements the request ran.

    Left out is Django's own transaction control, which Django logs beside the
    statements: the BEGIN and COMMIT of the submission's one transaction
    (PostgreSQL's driver sends them itself; on SQLite, BEGIN is a statement).
    Savepoints are counted: a submission should have none.
    """
    data = {**answers, "attempt_token": str(token or uuid.uuid4())}
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(reverse("learning:submit_quiz", args=[module.pk]), data)
    statements = [
        q["sql"] for q in ctx.captured_queries if q["sql"].split(" ")[0] not in TRANSACTION_CONTROL
    ]
    return response, statements


@pytest.fixture
def annual_programme(site_pages, water):
    """Two modules in a programme whose certificates last a year: the most a submission writes."""
    home, index = site_pages
    first = make_module(index, "First", sectors=[water], quiz=sample_quiz())
    second = make_module(index, "Second", sectors=[water], quiz=sample_quiz(), attempt_limit=3)
    programme = make_programme(home, [first, second])
    programme.certificate_validity_months = 12
    programme.save_revision().publish()
    return programme, first, second


@pytest.mark.django_db(transaction=True)
def test_a_quiz_submission_runs_at_most_ten_statements_whatever_came_before(
    learner_client, learner, annual_programme
):
    programme, first, second = annual_programme
    response, _ = submission_statements(learner_client, first, answers_for(first))
    assert response.status_code == 302
    # The heaviest submission: the module was never opened (its progress row is
    # new), the pass completes it and the programme, both certificates are
    # issued with an end date, and nothing is in the shared cache yet.
    cache.clear()
    learner_client.force_login(learner)
    response, statements = submission_statements(learner_client, second, answers_for(second))
    assert response.status_code == 302
    assert len(statements) <= SUBMISSION_BUDGET, "\n".join(s[:150] for s in statements)
    assert not any("SAVEPOINT" in sql for sql in statements)
    assert Certificate.objects.filter(user=learner).count() == 3
    whole = Certificate.objects.get(user=learner, kind=Certificate.Kind.PROGRAMME)
    assert whole.subject_key == programme.translation_key
    assert whole.valid_until is not None
    region = learner.learner_profile.region
    assert whole.region_name == region.name_in("en") and whole.learner_name == "Mari Maasikas"

    # Passing again, as most submissions do once a module is done: the row, the
    # attempt and its answers.
    response, statements = submission_statements(learner_client, second, answers_for(second))
    assert response.status_code == 302
    assert len(statements) == 5, statements

    # The same form sent again finds its attempt and writes nothing.
    token = uuid.uuid4()
    first_post, _ = submission_statements(learner_client, first, answers_for(first), token)
    again, statements = submission_statements(learner_client, first, answers_for(first), token)
    assert again.status_code == 302 and again.url == first_post.url
    assert len(statements) <= SUBMISSION_BUDGET
    assert QuizAttempt.objects.filter(submission_token=token).count() == 1


@pytest.mark.django_db(transaction=True)
def test_renewing_a_certificate_stays_within_the_budget(learner_client, learner, annual_programme):
    programme, first, second = annual_programme
    for module in (first, second):
        learner_client.get(module.url)
        response, statements = submission_statements(learner_client, module, answers_for(module))
        assert response.status_code == 302
        assert len(statements) <= SUBMISSION_BUDGET, "\n".join(s[:150] for s in statements)
    # The second module's certificate (and so the programme's) ends soon: passing
    # again renews it, counting the attempt limit afresh, and the programme's
    # certificate then holds as long as the first module's.
    ending = timezone.now() + timedelta(days=10)
    Certificate.objects.filter(
        user=learner, subject_key__in=[second.translation_key, programme.translation_key]
    ).update(valid_until=ending)
    response, statements = submission_statements(learner_client, second, answers_for(second))
    assert response.status_code == 302
    assert len(statements) <= SUBMISSION_BUDGET, "\n".join(s[:150] for s in statements)
    renewed = Certificate.objects.get(user=learner, subject_key=second.translation_key)
    assert renewed.valid_until > ending + timedelta(days=300)
    kept = Certificate.objects.get(user=learner, subject_key=first.translation_key)
    whole = Certificate.objects.get(user=learner, kind=Certificate.Kind.PROGRAMME)
    assert whole.valid_until == kept.valid_until


# The signed-in programme page: the learner, their progress rows and programme
# certificate; the programme's modules and their cards come from the shared cache.
PROGRAMME_PAGE_QUERIES = 3


def test_a_signed_in_programme_page_reads_only_the_learners_records(
    learner_client, site_pages, water
):
    home, index = site_pages
    programme = make_programme(
        home, [make_module(index, f"R{n}", sectors=[water]) for n in range(3)], title="Three"
    )
    assert count_queries(learner_client, programme.url) <= PROGRAMME_PAGE_QUERIES
