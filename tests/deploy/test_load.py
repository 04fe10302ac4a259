"""A bounded load test: 64 learners submitting quizzes at once for a minute.

Runs against the production stack (two gunicorn servers, PostgreSQL, Redis).
Every learner signs in (beforehand), then, all at once, loops: open the module page, answer, submit;
every fifth submission is sent twice (a double click or a retry after a
timeout). Afterwards: no 5xx, no failed request, every accepted submission
recorded exactly once, repeated ones not at all, and `verify_records` finds
progress consistent with the attempts.

LOAD_TEST_SECONDS shortens or lengthens the run (default 60).
"""

from __future__ import annotations

import os
import random
import re
import statistics
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection

from learning.models import ModuleProgress, QuizAttempt
from tests.deploy.conftest import PASSWORD, Visitor
from tests.factories import answers_for, make_learner, make_module, make_site

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL; .ci/run provides it"
    ),
    pytest.mark.django_db(transaction=True),
]

APP_SERVER_WORKERS = 3  # per server
LEARNERS = 64
SECONDS = float(os.environ.get("LOAD_TEST_SECONDS", "60"))
REPORT = Path(__file__).resolve().parents[2] / "bench-results" / "load-test.md"

TOKEN = re.compile(r'name="attempt_token" value="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: Counter = Counter()
        self.failures: list[str] = []
        self.submit_times: list[float] = []
        self.accepted: set[str] = set()
        self.repeated: set[str] = set()

    def add(self, kind: str, status: int, seconds: float | None = None) -> None:
        with self.lock:
            self.statuses[(kind, status)] += 1
            if seconds is not None:
                self.submit_times.append(seconds)


def sign_in(index: int, email: str, servers: list[str]) -> Visitor:
    """A real sign-in, on alternate servers as a load balancer would send them."""
    visitor = Visitor()
    response = visitor.post_form(
        servers[index % 2] + "/en/accounts/login/", {"username": email, "password": PASSWORD}
    )
    assert response.status_code == 302, response.status_code
    return visitor


def learner_session(
    index: int, visitor: Visitor, servers: list[str], path: str, module, deadline, tally
):
    rng = random.Random(index)  # noqa: S311 - test data
    submissions = 0
    while time.monotonic() < deadline:
        server = servers[rng.randrange(2)]
        try:
            page = visitor.get(server + path)
            tally.add("module page", page.status_code)
            if page.status_code != 200:
                continue
            token = TOKEN.search(page.text).group(1)
            csrf = CSRF.search(page.text).group(1)
            data = {
                "csrfmiddlewaretoken": csrf,
                "attempt_token": token,
                **answers_for(module, right=rng.random() < 0.6),
            }
            submit = f"/en/learn/modules/{module.pk}/submit/"
            started = time.monotonic()
            response = visitor.request("POST", server + submit, data=data)
            tally.add("submission", response.status_code, time.monotonic() - started)
            if response.status_code == 302:
                with tally.lock:
                    tally.accepted.add(token)
            submissions += 1
            if submissions % 5 == 0:
                again = visitor.request("POST", servers[rng.randrange(2)] + submit, data=data)
                tally.add("repeated submission", again.status_code)
                with tally.lock:
                    tally.repeated.add(token)
        except requests.RequestException as error:
            with tally.lock:
                tally.failures.append(f"{type(error).__name__}: {error}")


def test_64_learners_submit_quizzes_for_a_minute(stack, settings):
    servers = stack
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    home, index = make_site()
    module = make_module(index, "Phishing at the utility")
    assert module.attempt_limit is None
    learners = [make_learner(f"learner{n}@example.com") for n in range(LEARNERS)]
    # One real PBKDF2 hash for all: the servers check it as in production.
    get_user_model().objects.filter(pk__in=[u.pk for u in learners]).update(
        password=make_password(PASSWORD)
    )
    path = "/en" + module.url_path.removeprefix(home.url_path.rstrip("/")).removeprefix("/en")

    # Sign-ins first, a few at a time: each costs a deliberately slow password
    # hash, and the minute under load is about submitting quizzes.
    with ThreadPoolExecutor(max_workers=4) as pool:
        visitors = list(pool.map(lambda n: sign_in(n, learners[n].email, servers), range(LEARNERS)))

    tally = Tally()
    started = time.monotonic()
    deadline = started + SECONDS
    with ThreadPoolExecutor(max_workers=LEARNERS) as pool:
        futures = [
            pool.submit(learner_session, n, visitor, servers, path, module, deadline, tally)
            for n, visitor in enumerate(visitors)
        ]
        for future in futures:
            future.result()
    elapsed = time.monotonic() - started

    server_errors = {key: n for key, n in tally.statuses.items() if key[1] >= 500}
    attempts = QuizAttempt.objects.count()
    times = sorted(tally.submit_times)
    summary = {
        "learners": LEARNERS,
        "seconds": round(elapsed, 1),
        "responses": dict(sorted((f"{k} {s}", n) for (k, s), n in tally.statuses.items())),
        "failed requests": len(tally.failures),
        "accepted submissions": len(tally.accepted),
        "repeated submissions": len(tally.repeated),
        "attempts recorded": attempts,
        "submissions per second": round(len(tally.accepted) / elapsed, 1),
        "submission p50 ms": round(1000 * statistics.median(times)) if times else None,
        "submission p99 ms": round(1000 * times[int(len(times) * 0.99) - 1]) if times else None,
    }
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(
        "# Load test\n\n" + "\n".join(f"- {k}: {v}" for k, v in summary.items()) + "\n"
    )
    print(summary)  # noqa: T201 - the figures for docs/security.md

    assert tally.failures == []
    assert server_errors == {}
    assert len(tally.accepted) > LEARNERS  # every learner got through more than once
    # Every accepted submission recorded exactly once; repeats added nothing.
    assert attempts == len(tally.accepted)
    assert set(QuizAttempt.objects.values_list("submission_token", flat=True)) == {
        uuid.UUID(token) for token in tally.accepted
    }
    # Progress rows agree with the attempts.
    per_learner = Counter(QuizAttempt.objects.values_list("user_id", flat=True))
    for progress in ModuleProgress.objects.all():
        assert progress.attempt_count == per_learner[progress.user_id]
    call_command("verify_records", verbosity=0)  # raises on any difference
