"""A database fault during a quiz submission: a friendly page, and nothing half written.

Failures are injected for real: a statement of the submission transaction
raises the driver's error (through Django's execute_wrapper on any database,
through a trigger on PostgreSQL), or the database server cannot be reached.
"""

from __future__ import annotations

import socket
import uuid

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from learning.models import Certificate, ModuleProgress, QuestionResult, QuizAttempt
from tests.factories import answers_for, make_learner, make_module

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL triggers and connections"
)


def records(user) -> dict:
    """Everything a submission writes, as a learner would notice it."""
    progress = ModuleProgress.objects.filter(user=user).values_list(
        "attempt_count", "best_score", "completed_at", "first_attempt_passed"
    )
    return {
        "progress": sorted(progress, key=str),
        "attempts": QuizAttempt.objects.filter(user=user).count(),
        "results": QuestionResult.objects.filter(attempt__user=user).count(),
        "certificates": Certificate.objects.filter(user=user).count(),
    }


class FailOn:
    """Raise OperationalError from the first statement starting with `prefix`."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.failed = 0

    def __call__(self, execute, sql, params, many, context):
        if sql.lstrip().startswith(self.prefix):
            self.failed += 1
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)


@pytest.fixture
def quiet_client(learner):
    """A signed-in client that returns the error page instead of re-raising."""
    client = Client(raise_request_exception=False)
    client.force_login(learner)
    return client


def post_quiz(client, module, token, right=True):
    data = {**answers_for(module, right=right), "attempt_token": str(token)}
    return client.post(reverse("learning:submit_quiz", args=[module.pk]), data)


def assert_friendly_unavailable(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Temporarily unavailable" in html
    assert "try again in 30 seconds" in html
    assert "submit it again" in html
    for leak in ("Traceback", "OperationalError", "INSERT", "learning_"):
        assert leak not in html


@pytest.mark.parametrize(
    "statement",
    [
        'INSERT INTO "learning_quizattempt"',
        'INSERT INTO "learning_questionresult"',
        'UPDATE "learning_moduleprogress"',
        'INSERT INTO "learning_certificate"',
    ],
)
def test_a_failure_mid_submission_leaves_nothing_half_written(
    quiet_client, learner, module, statement
):
    # The learner opened the module and failed once: there is something to corrupt.
    assert post_quiz(quiet_client, module, uuid.uuid4(), right=False).status_code == 302
    before = records(learner)
    token = uuid.uuid4()
    failure = FailOn(statement)
    with connection.execute_wrapper(failure):
        response = post_quiz(quiet_client, module, token)
    assert failure.failed == 1
    assert_friendly_unavailable(response)
    assert records(learner) == before
    assert not QuizAttempt.objects.filter(submission_token=token).exists()
    # Submitting the same form again, as the page suggests, records it once.
    retry = post_quiz(quiet_client, module, token)
    assert retry.status_code == 302
    assert post_quiz(quiet_client, module, token).url == retry.url
    after = records(learner)
    assert after["attempts"] == before["attempts"] + 1
    assert after["certificates"] == 1


def test_a_first_submission_that_fails_leaves_no_progress_row(quiet_client, learner, module):
    with connection.execute_wrapper(FailOn('INSERT INTO "learning_questionresult"')):
        response = post_quiz(quiet_client, module, uuid.uuid4())
    assert_friendly_unavailable(response)
    assert records(learner) == {"progress": [], "attempts": 0, "results": 0, "certificates": 0}


def test_the_unavailable_page_speaks_the_learners_language(quiet_client, learner, module):
    with connection.execute_wrapper(FailOn('INSERT INTO "learning_quizattempt"')):
        response = quiet_client.post(
            f"/et{reverse('learning:submit_quiz', args=[module.pk])[3:]}",
            {**answers_for(module), "attempt_token": str(uuid.uuid4())},
        )
    assert response.status_code == 503
    assert '<html lang="et">' in response.content.decode()


def test_any_other_server_error_gets_the_500_page_without_details(quiet_client, learner, module):
    class Broken(Exception):
        pass

    def explode(execute, sql, params, many, context):
        if sql.lstrip().startswith('INSERT INTO "learning_questionresult"'):
            raise Broken("secret detail")
        return execute(sql, params, many, context)

    before = records(learner)
    with connection.execute_wrapper(explode):
        response = post_quiz(quiet_client, module, uuid.uuid4())
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert "either saved completely or not at all" in html
    assert "submit it again" in html
    assert "secret detail" not in html and "Traceback" not in html
    assert records(learner) == before


@postgres_only
@pytest.mark.parametrize(
    ("sqlstate", "status"),
    [("40001", 503), ("57P01", 503), ("P0001", 500)],  # serialisation, shutdown, plain error
)
def test_a_database_trigger_failing_the_insert_rolls_everything_back(
    quiet_client, learner, module, sqlstate, status
):
    with connection.cursor() as cursor:
        cursor.execute(
            f"""CREATE FUNCTION fail_question_result() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'injected failure' USING ERRCODE = '{sqlstate}'; END;
                $$ LANGUAGE plpgsql;
                CREATE TRIGGER fail_question_result BEFORE INSERT ON learning_questionresult
                FOR EACH ROW EXECUTE FUNCTION fail_question_result();"""
        )
    before = records(learner)
    response = post_quiz(quiet_client, module, uuid.uuid4())
    assert response.status_code == status
    assert "injected failure" not in response.content.decode()
    assert records(learner) == before


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_an_unreachable_database_gives_the_try_again_page(site_pages):
    _home, index = site_pages
    module = make_module(index, attempt_limit=3, pass_mark=70)
    learner = make_learner()
    client = Client(raise_request_exception=False)
    client.force_login(learner)
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = str(_closed_port())
    try:
        submission = post_quiz(client, module, uuid.uuid4())
        dashboard = client.get(reverse("learning:dashboard"))
    finally:
        connection.close()
        connection.settings_dict["PORT"] = port
    assert_friendly_unavailable(submission)
    assert dashboard.status_code == 503
    assert records(learner)["attempts"] == 0
