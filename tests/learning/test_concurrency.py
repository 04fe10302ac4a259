"""Real parallel requests: the attempt limit and submission tokens hold under races.

Runs against PostgreSQL (CI starts one): SQLite serialises every write, so
the race these tests look for cannot happen there.
"""

import threading
import uuid
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest
from django.conf import settings
from django.db import connection

from learning.models import ModuleProgress, QuizAttempt
from tests.factories import SectorFactory, answers_for, make_learner, make_module, make_site

# Real races need PostgreSQL and committed transactions; other modules of
# parallel requests take the same marks.
PARALLEL_ON_POSTGRESQL = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL; .ci/run provides it"
    ),
    pytest.mark.django_db(transaction=True),
]
pytestmark = PARALLEL_ON_POSTGRESQL

PARALLEL = 8


def signed_in_opener(live_server, client, user):
    client.force_login(user)
    jar = CookieJar()
    opener = build_opener(HTTPCookieProcessor(jar))
    # Take the session over into a real HTTP client, then fetch a CSRF cookie.
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    opener.addheaders = [("Cookie", f"{settings.SESSION_COOKIE_NAME}={session_cookie}")]
    opener.open(f"{live_server.url}/en/accounts/profile/").read()
    csrf = next(c.value for c in jar if c.name == settings.CSRF_COOKIE_NAME)
    opener.addheaders = [
        ("Cookie", f"{settings.SESSION_COOKIE_NAME}={session_cookie}; csrftoken={csrf}"),
        ("X-CSRFToken", csrf),
        ("Referer", live_server.url + "/"),
    ]
    return opener


def post_in_parallel(opener, url, bodies):
    barrier = threading.Barrier(len(bodies))
    statuses = []
    lock = threading.Lock()

    def worker(body):
        request = Request(url, data=urlencode(body, doseq=True).encode(), method="POST")
        barrier.wait()
        try:
            with opener.open(request) as response:
                status = response.status
        except HTTPError as error:
            status = error.code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=worker, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


@pytest.fixture
def setup(live_server, client):
    _home, index = make_site()
    water = SectorFactory(slug="water")
    module = make_module(index, sectors=[water], attempt_limit=2)
    learner = make_learner(sector=water)
    opener = signed_in_opener(live_server, client, learner)
    url = f"{live_server.url}/en/learn/modules/{module.pk}/submit/"
    return module, learner, opener, url


def test_attempt_limit_holds_under_parallel_submissions(setup):
    module, learner, opener, url = setup
    bodies = [
        {**answers_for(module, right=False), "attempt_token": str(uuid.uuid4())}
        for _ in range(PARALLEL)
    ]
    statuses = post_in_parallel(opener, url, bodies)
    assert len(statuses) == PARALLEL
    assert 500 not in statuses
    assert QuizAttempt.objects.filter(user=learner).count() == 2
    assert sorted(QuizAttempt.objects.values_list("number", flat=True)) == [1, 2]
    assert ModuleProgress.objects.get(user=learner).attempt_count == 2


def test_the_same_form_posted_in_parallel_is_recorded_once(setup):
    module, learner, opener, url = setup
    body = {**answers_for(module), "attempt_token": str(uuid.uuid4())}
    statuses = post_in_parallel(opener, url, [body] * PARALLEL)
    assert 500 not in statuses
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.attempt_count == 1 and progress.is_completed
