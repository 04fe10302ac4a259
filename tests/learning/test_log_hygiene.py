"""Logs never contain passwords, answers, reset links or e-mail addresses.

The journeys that handle such data run with every logger at DEBUG, and each
record is formatted both as text with its traceback and as the production
JSON line (which also carries a record's extra fields).
"""

from __future__ import annotations

import logging
import re
import uuid

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from pythonjsonlogger.json import JsonFormatter

from config.settings import base as base_settings
from learning.models import QuizAttempt
from tests.factories import RegionFactory, answers_for, make_module

EMAIL = "Kadri.Logcheck@Example.com"
SIGNUP_PASSWORD = "Signup-Secret-4821"
WRONG_PASSWORD = "Wrong-Guess-7731"
NEW_PASSWORD = "Reset-Secret-9157"


class Capture(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []
        self.text = logging.Formatter("%(levelname)s %(name)s %(message)s")
        self.json = JsonFormatter("%(levelname)s %(name)s %(message)s")

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.text.format(record))
        self.lines.append(self.json.format(record))


@pytest.fixture
def captured():
    """Logging as with LOG_LEVEL=DEBUG: every logger at DEBUG, except those whose
    level the production settings pin, and those that do not propagate too."""
    handler = Capture()
    loggers = [logging.getLogger()] + [
        logging.getLogger(name)
        for name in list(logging.Logger.manager.loggerDict)
        + ["django.request", "django.security.csrf", "django.server", "axes"]
    ]
    saved = [(logger, logger.level, logger.disabled) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
    for name, config in base_settings.LOGGING.get("loggers", {}).items():
        if "level" in config:
            logging.getLogger(name).setLevel(config["level"])
    root = logging.getLogger()
    root.addHandler(handler)
    for logger in loggers:
        if not logger.propagate:
            logger.addHandler(handler)
    yield handler
    for logger, level, disabled in saved:
        logger.setLevel(level)
        logger.disabled = disabled
        if handler in logger.handlers:
            logger.removeHandler(handler)


def test_journeys_with_personal_data_leave_none_in_the_logs(site_pages, water, captured):
    _home, index = site_pages
    region = RegionFactory()
    module = make_module(index, "Log hygiene", sectors=[water], attempt_limit=None)
    client = Client(raise_request_exception=False)

    response = client.post(
        reverse("learning:signup"),
        {
            "email": EMAIL,
            "password": SIGNUP_PASSWORD,
            "full_name": "Kadri Logcheck",
            "region": region.pk,
            "sector": water.pk,
            "organisation_size": "small",
            "preferred_language": "en",
            "statistics_consent": "on",
        },
    )
    assert response.status_code == 302
    client.post(reverse("learning:logout"))

    wrong = client.post(reverse("learning:login"), {"username": EMAIL, "password": WRONG_PASSWORD})
    assert wrong.status_code in (200, 429)
    right = client.post(reverse("learning:login"), {"username": EMAIL, "password": SIGNUP_PASSWORD})
    assert right.status_code == 302

    submit = reverse("learning:submit_quiz", args=[module.pk])
    for right_answers in (False, True):
        data = {**answers_for(module, right=right_answers), "attempt_token": str(uuid.uuid4())}
        assert client.post(submit, data).status_code == 302
    tampered = {**answers_for(module), "q-not-a-question": "x", "attempt_token": str(uuid.uuid4())}
    assert client.post(submit, tampered).status_code == 400
    # A submission failing in the database is logged with its traceback.
    with connection.execute_wrapper(_fail_results):
        data = {**answers_for(module), "attempt_token": str(uuid.uuid4())}
        assert client.post(submit, data).status_code == 503
    assert QuizAttempt.objects.count() == 2
    client.post(reverse("learning:logout"))

    client.post(reverse("learning:password_reset"), {"email": EMAIL})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/reset/\S+/", mail.outbox[0].body).group(0)
    form_url = client.get(link).url
    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302

    logs = "\n".join(captured.lines)
    assert logs, "nothing was logged: the capture is not working"
    secrets = {
        "e-mail address": [EMAIL, EMAIL.lower(), "Logcheck@", "logcheck@"],
        "password": [SIGNUP_PASSWORD, WRONG_PASSWORD, NEW_PASSWORD],
        "reset link": [link.rstrip("/").split("/")[-1], form_url],
        "name": ["Kadri Logcheck"],
    }
    questions = module.quiz_definition.questions
    secrets["answer"] = [c.id for q in questions for c in q.choices] + [
        c.text for q in questions for c in q.choices
    ]
    for kind, values in secrets.items():
        for value in values:
            assert value not in logs, f"a {kind} appears in the logs: {value!r}"


def _fail_results(execute, sql, params, many, context):
    from django.db import OperationalError

    if sql.lstrip().startswith('INSERT INTO "learning_questionresult"'):
        raise OperationalError("connection lost")
    return execute(sql, params, many, context)
