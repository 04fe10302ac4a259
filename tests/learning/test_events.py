"""Other apps hear of a learner's records once they are committed, and once."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from learning import events
from tests.factories import answers_for, make_module


@pytest.fixture
def heard():
    """Every signal of `learning.events` received, as (signal name, arguments)."""
    received = []
    receivers = {}
    for name in ("module_started", "attempt_recorded", "module_marked_done"):

        def receiver(sender, _name=name, **arguments):
            arguments.pop("signal")
            received.append((_name, arguments))

        receivers[name] = receiver
        getattr(events, name).connect(receiver)
    yield received
    for name, receiver in receivers.items():
        getattr(events, name).disconnect(receiver)


def test_a_first_visit_and_a_passing_attempt_are_heard_once_committed(
    learner_client, module, submit, heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as pending:
        learner_client.get(module.url)
    assert heard == []  # nothing before the commit
    for callback in pending:
        callback()
    learner_client.get(module.url)  # a later visit starts nothing
    assert [name for name, _ in heard] == ["module_started"]
    assert heard[0][1]["page"] == module
    token = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        submit(module, answers_for(module, right=False), token=token)
    with django_capture_on_commit_callbacks(execute=True):
        submit(module, answers_for(module), token=uuid.uuid4())
    with django_capture_on_commit_callbacks(execute=True):
        submit(module, answers_for(module, right=False), token=token)  # the same form again
    attempts = [arguments for name, arguments in heard if name == "attempt_recorded"]
    assert [(a["attempt"].number, a["attempt"].passed, a["completed"]) for a in attempts] == [
        (1, False, False),
        (2, True, True),
    ]


def test_a_module_without_a_quiz_is_heard_when_marked_done(
    learner_client, site_pages, water, heard, django_capture_on_commit_callbacks
):
    _home, index = site_pages
    reading = make_module(index, "Reading only", sectors=[water], quiz=[])
    with django_capture_on_commit_callbacks(execute=True):
        response = learner_client.post(reverse("learning:mark_done", args=[reading.pk]))
    assert response.status_code in (200, 302)
    assert [(name, arguments["page"]) for name, arguments in heard] == [
        ("module_marked_done", reading)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        learner_client.post(reverse("learning:mark_done", args=[reading.pk]))
    assert len(heard) == 1  # done already: nothing new
