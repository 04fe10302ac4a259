"""A real learning record store for the xAPI tests: the Ralph LRS of scripts/lrs.sh.

`make test` and CI start one and export XAPI_TEST_ENDPOINT; without it the
tests that need an LRS are skipped, saying why, except where
XAPI_TESTS_REQUIRED is set (CI), where they fail.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

import pytest
import requests

# The learner, module and quiz submission of the learning tests.
from tests.learning.conftest import module, submit  # noqa: F401


@dataclass
class Lrs:
    endpoint: str
    username: str
    password: str

    def statements(self, root: str) -> list[dict]:
        """Every statement stored about this site's learners, in the order the LRS stored them."""
        found = []
        params = {"limit": 100}
        url = self.endpoint + "statements"
        while True:
            response = requests.get(
                url,
                params=params,
                auth=(self.username, self.password),
                headers={"X-Experience-API-Version": "1.0.3"},
                timeout=10,
            )
            response.raise_for_status()
            body = response.json()
            found += body["statements"]
            more = body.get("more")
            if not more:
                break
            url, params = self.endpoint.split("/xAPI/")[0] + more, {}
        # Every activity id of ours starts with the site root.
        ours = [s for s in found if s["object"]["id"].startswith(root + "/")]
        return sorted(ours, key=lambda s: s["stored"])


@pytest.fixture
def lrs() -> Lrs:
    endpoint = os.environ.get("XAPI_TEST_ENDPOINT")
    if not endpoint:
        reason = (
            "no learning record store: XAPI_TEST_ENDPOINT is not set "
            "(`. scripts/lrs.sh` starts a Ralph LRS; `make test` does it)"
        )
        if os.environ.get("XAPI_TESTS_REQUIRED"):
            pytest.fail(reason)
        pytest.skip(reason)
    return Lrs(endpoint, os.environ["XAPI_TEST_USERNAME"], os.environ["XAPI_TEST_PASSWORD"])


@pytest.fixture
def site_root(settings) -> str:
    """A site root of this test's own: statement and activity ids differ from every other test's,
    in the one LRS that all tests (and test runs) share."""
    root = f"http://test-{uuid.uuid4().hex[:12]}.example.org"
    settings.WAGTAILADMIN_BASE_URL = root
    return root


@pytest.fixture
def xapi(settings, lrs, site_root) -> Lrs:
    """The platform sending statements to the test LRS."""
    settings.XAPI_ENDPOINT = lrs.endpoint
    settings.XAPI_USERNAME = lrs.username
    settings.XAPI_PASSWORD = lrs.password
    settings.XAPI_SEND_EMAIL = False
    return lrs


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a request (or any call) and what it left for after the commit, as a real request does."""

    def run(func, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(*args, **kwargs)

    return run
