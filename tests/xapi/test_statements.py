"""Learners' records reach a real learning record store (Ralph) as xAPI statements."""

from __future__ import annotations

import json
import socket
import time
import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from learning.privacy import erase_learner, learner_data
from tests.factories import answers_for, make_module, translate_page
from xapi import outbox
from xapi.models import Statement

ADL = "http://adlnet.gov/expapi/verbs/"


def verbs(statements: list[dict]) -> list[str]:
    return [s["verb"]["id"].removeprefix(ADL) for s in statements]


def closed_port_endpoint() -> str:
    """An endpoint where nothing listens: the LRS is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/xAPI/"


def take_module(committed, learner_client, submit, module, *, first_right: bool = False):
    """Open the module, fail its quiz once (unless told), then pass it."""
    committed(learner_client.get, module.url)
    if not first_right:
        committed(submit, module, answers_for(module, right=False))
    committed(submit, module, answers_for(module))


def later() -> timezone.datetime:
    return timezone.now() + timedelta(days=1)


def test_a_learners_records_arrive_at_the_lrs_in_order_and_without_their_email(
    xapi, site_root, committed, learner, learner_client, submit, module
):
    take_module(committed, learner_client, submit, module)

    stored = xapi.statements(site_root)
    questions = module.quiz_definition.questions
    answered = ["answered"] * len(questions)
    assert verbs(stored) == ["launched", *answered, "failed", *answered, "passed", "completed"]
    assert Statement.objects.filter(sent_at__isnull=True).count() == 0
    # What we sent: all but what the LRS added (its own account as the authority).
    text = json.dumps(
        [{k: v for k, v in s.items() if k not in ("authority", "stored")} for s in stored]
    )
    assert learner.email not in text and "mbox" not in text
    actors = {json.dumps(s["actor"], sort_keys=True) for s in stored}
    assert len(actors) == 1  # one learner, one stable opaque account
    account = stored[0]["actor"]["account"]
    assert account["homePage"] == site_root
    assert account["name"] not in (str(learner.pk), learner.email, learner.username)

    module_iri = f"{site_root}/xapi/modules/{module.translation_key}"
    launched = stored[0]
    assert launched["object"]["id"] == module_iri
    assert launched["object"]["definition"]["name"] == {"en": module.title}
    assert launched["context"]["language"] == "en"

    first_answer = stored[1]
    question = questions[0]
    assert first_answer["object"]["id"] == f"{module_iri}#{question.id}"
    wrong = next(c.id for c in question.choices if not c.is_correct)
    assert first_answer["result"] == {"response": wrong, "success": False}
    assert first_answer["context"]["contextActivities"]["parent"][0]["id"] == module_iri
    assert {c["id"] for c in first_answer["object"]["definition"]["choices"]} == {
        c.id for c in question.choices
    }
    failed, passed, completed = stored[1 + len(questions)], stored[-2], stored[-1]
    assert failed["result"] == {
        "score": {"scaled": 0.0, "raw": 0, "min": 0, "max": 100},
        "success": False,
        "completion": False,
    }
    assert passed["result"]["score"] == {"scaled": 1.0, "raw": 100, "min": 0, "max": 100}
    assert passed["result"]["success"] is True
    assert completed["object"]["id"] == module_iri
    assert completed["result"]["completion"] is True
    # One registration for the learner's whole time with the module.
    assert len({s["context"]["registration"] for s in stored}) == 1


def test_the_estonian_version_is_the_same_activity_named_in_estonian(
    xapi, site_root, committed, learner, learner_client, submit, module
):
    estonian = translate_page(module, "et")
    estonian.title = "Andmepüük veevärgis"
    estonian.save_revision().publish()
    take_module(committed, learner_client, submit, estonian, first_right=True)

    stored = xapi.statements(site_root)
    assert verbs(stored)[0] == "launched" and verbs(stored)[-2:] == ["passed", "completed"]
    assert {s["context"]["language"] for s in stored} == {"et"}
    assert stored[0]["object"]["id"] == f"{site_root}/xapi/modules/{module.translation_key}"
    assert stored[-1]["object"]["definition"]["name"] == {"et": "Andmepüük veevärgis"}
    # Question and choice ids are those of the English version.
    english_ids = {q.id for q in module.quiz_definition.questions}
    assert {s["object"]["id"].split("#")[1] for s in stored if "#" in s["object"]["id"]} == (
        english_ids
    )


def test_a_module_without_a_quiz_is_launched_then_completed(
    xapi, site_root, committed, learner_client, site_pages, water
):
    _home, index = site_pages
    reading = make_module(index, "Reading only", sectors=[water], quiz=[])
    committed(learner_client.get, reading.url)
    committed(learner_client.post, reverse("learning:mark_done", args=[reading.pk]))
    committed(learner_client.post, reverse("learning:mark_done", args=[reading.pk]))

    stored = xapi.statements(site_root)
    assert verbs(stored) == ["launched", "completed"]
    assert stored[1]["result"] == {"completion": True}


def test_a_learner_whose_agreement_requires_it_is_sent_with_their_email(
    xapi, settings, site_root, committed, learner, learner_client, module
):
    settings.XAPI_SEND_EMAIL = True
    committed(learner_client.get, module.url)

    (launched,) = xapi.statements(site_root)
    assert launched["actor"] == {"objectType": "Agent", "mbox": f"mailto:{learner.email}"}


def test_statements_wait_while_the_lrs_is_down_then_arrive_once_and_in_order(
    xapi, settings, site_root, committed, learner, learner_client, submit, module, site_pages
):
    settings.XAPI_ENDPOINT = closed_port_endpoint()
    started = time.monotonic()
    committed(learner_client.get, module.url)
    response = committed(submit, module, answers_for(module))
    assert response.status_code == 302  # the learner sees their result as always
    assert time.monotonic() - started < 5
    waiting = Statement.objects.filter(sent_at__isnull=True)
    assert waiting.count() == 1 + len(module.quiz_definition.questions) + 2
    first = waiting.first()
    assert first.attempts == 1 and "ConnectionError" in first.last_error
    assert first.next_try > timezone.now()

    # The LRS is back; the next statement waits behind the earlier ones.
    settings.XAPI_ENDPOINT = xapi.endpoint
    _home, index = site_pages
    other = make_module(index, "Passwords", quiz=[])
    committed(learner_client.get, other.url)
    assert xapi.statements(site_root) == []
    call_command("send_xapi_statements")  # not due yet: nothing
    assert xapi.statements(site_root) == []

    report = outbox.send_due(now=later())
    assert (report.sent, report.failed) == (Statement.objects.count(), 0)
    stored = xapi.statements(site_root)
    questions = ["answered"] * len(module.quiz_definition.questions)
    assert verbs(stored) == ["launched", *questions, "passed", "completed", "launched"]
    assert stored[-1]["object"]["id"].endswith(str(other.translation_key))
    assert [s["id"] for s in stored] == [
        str(i) for i in Statement.objects.order_by("pk").values_list("statement_id", flat=True)
    ]
    assert not Statement.objects.filter(sent_at__isnull=True).exists()

    call_command("send_xapi_statements")
    outbox.send_due(now=later())
    assert len(xapi.statements(site_root)) == len(stored)


def test_a_wrong_password_keeps_statements_until_it_is_put_right(
    xapi, settings, site_root, committed, learner_client, module
):
    settings.XAPI_PASSWORD = "not-the-password"
    committed(learner_client.get, module.url)
    row = Statement.objects.get()
    assert row.sent_at is None and "HTTP 401" in row.last_error
    assert xapi.statements(site_root) == []

    settings.XAPI_PASSWORD = xapi.password
    Statement.objects.update(next_try=timezone.now())
    call_command("send_xapi_statements")
    assert verbs(xapi.statements(site_root)) == ["launched"]
    row.refresh_from_db()
    assert row.sent_at is not None and row.attempts == 2 and row.last_error == ""


def test_the_same_attempt_submitted_twice_is_sent_once(
    xapi, site_root, committed, learner_client, submit, module
):
    token = uuid.uuid4()
    committed(learner_client.get, module.url)
    committed(submit, module, answers_for(module), token=token)
    count = Statement.objects.count()
    committed(submit, module, answers_for(module), token=token)
    assert Statement.objects.count() == count
    assert len(xapi.statements(site_root)) == count

    # Sent again (a worker that died before noting it had sent them): the LRS keeps one of each.
    Statement.objects.update(sent_at=None, next_try=timezone.now())
    report = outbox.send_due()
    assert report.sent == count and report.failed == 0
    stored = xapi.statements(site_root)
    assert len(stored) == count == len({s["id"] for s in stored})


def test_erasing_a_learner_deletes_their_statements_not_yet_sent(
    xapi, settings, site_root, committed, learner, learner_client, submit, module
):
    settings.XAPI_ENDPOINT = closed_port_endpoint()
    committed(learner_client.get, module.url)
    committed(submit, module, answers_for(module))
    assert Statement.objects.filter(learner=learner).exists()

    erase_learner(learner)

    assert not Statement.objects.exists()
    settings.XAPI_ENDPOINT = xapi.endpoint
    outbox.send_due(now=later())
    assert xapi.statements(site_root) == []


@pytest.mark.django_db
def test_nothing_is_queued_without_an_endpoint(settings, committed, learner_client, submit, module):
    settings.XAPI_ENDPOINT = ""
    committed(learner_client.get, module.url)
    committed(submit, module, answers_for(module))
    assert not Statement.objects.exists()
    call_command("send_xapi_statements")


def test_the_admin_lists_statements_and_changes_none(
    xapi, site_root, committed, learner_client, module, django_user_model
):
    committed(learner_client.get, module.url)
    row = Statement.objects.get()
    admin_client = Client()
    admin_client.force_login(django_user_model.objects.create_superuser("root", "root@x.org", "pw"))
    listing = admin_client.get(reverse("xapi_statements:index"))
    assert listing.status_code == 200
    assert "launched" in listing.content.decode()
    inspect = admin_client.get(reverse("xapi_statements:inspect", args=[row.pk]))
    assert inspect.status_code == 200
    assert str(row.statement_id) in inspect.content.decode()
    assert admin_client.get(reverse("xapi_statements:add")).status_code in (302, 403)
    assert admin_client.post(reverse("xapi_statements:delete", args=[row.pk])).status_code in (
        302,
        403,
    )
    assert Statement.objects.filter(pk=row.pk).exists()


def test_a_learners_data_export_shows_what_was_sent_and_as_whom(
    xapi, site_root, committed, learner, learner_client, module
):
    committed(learner_client.get, module.url)
    data = learner_data(learner)["learning_record_store"]
    assert data["sent_as"]["account"]["homePage"] == site_root
    assert [(row["verb"], row["sent_at"] is not None) for row in data["statements"]] == [
        ("launched", True)
    ]


def test_the_task_worker_queues_no_request_work_and_comes_back_after_a_failure(
    xapi, settings, site_root, committed, learner, learner_client, module
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    committed(learner_client.get, module.url)
    # The request only queued the task: nothing was sent, nothing tried.
    row = Statement.objects.get()
    assert row.attempts == 0 and xapi.statements(site_root) == []
    ours = DBTaskResult.objects.filter(task_path="xapi.tasks.send_statements")
    (queued,) = ours

    settings.XAPI_ENDPOINT = closed_port_endpoint()
    queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
    row.refresh_from_db()
    assert row.attempts == 1
    retry = ours.exclude(pk=queued.pk).get()
    assert retry.run_after == row.next_try
