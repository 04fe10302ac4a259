"""Two app servers, one PostgreSQL, one Redis: the stack must behave as one site.

Starts the production configuration for real: two gunicorn instances on two
ports (production settings, Redis for cache and sessions), against the test
database. A learner signs in and submits a quiz through instance A and sees
it through B; statistics agree on both; a page published through A's admin
is shown fresh by B although B had it in the page cache.
"""

from __future__ import annotations

import html
import re

import pytest
from django.db import connection

from learning.models import ModuleProgress, QuizAttempt
from tests.admin_reports.exports import csv_table
from tests.deploy.conftest import PASSWORD, Visitor, staff
from tests.factories import answers_for, make_learner, make_module, make_site

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL; .ci/run provides it"
    ),
    pytest.mark.django_db(transaction=True),
]


def signed_in_to_admin(server: str, username: str) -> Visitor:
    """A browser signed in to `server`'s admin through its sign-in form."""
    visitor = Visitor()
    response = visitor.post_form(
        server + "/admin/login/", {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return visitor


def test_two_app_servers_behave_as_one_site(stack, settings):
    a, b = stack
    # Hash passwords as production does, so the app servers can check them.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    home, index = make_site()
    module = make_module(index, "Phishing at the utility")
    learner = make_learner("mari@example.com")
    staff("admin", superuser=True)
    staff("coordinator", codenames=["view_statistics", "view_all_regions"])
    module_path = module.url_path.removeprefix(home.url_path.rstrip("/"))
    module_url = f"/en{module_path}" if not module_path.startswith("/en/") else module_path

    # B has the anonymous module page in its (shared) page cache.
    anonymous = Visitor()
    first = anonymous.get(b + module_url)
    assert first.status_code == 200
    assert "Phishing at the utility" in first.text
    assert first.headers["X-Page-Cache"] == "miss"
    # The cache is shared: A serves the page B rendered.
    assert anonymous.get(a + module_url).headers["X-Page-Cache"] == "hit"

    # Sign in through A; the session works on B too.
    mari = Visitor()
    signed_in = mari.post_form(
        a + "/en/accounts/login/", {"username": learner.email, "password": PASSWORD}
    )
    assert signed_in.status_code == 302, signed_in.text[:500]
    dashboard_b = mari.get(b + "/en/learn/")
    assert dashboard_b.status_code == 200
    assert "You have not completed a module yet." in dashboard_b.text

    # Submit the quiz through A...
    page_a = mari.get(a + module_url)
    assert page_a.status_code == 200
    token = re.search(r'name="attempt_token" value="([^"]+)"', page_a.text).group(1)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page_a.text).group(1)
    submitted = mari.request(
        "POST",
        f"{a}/en/learn/modules/{module.pk}/submit/",
        data={"csrfmiddlewaretoken": csrf, "attempt_token": token, **answers_for(module)},
    )
    assert submitted.status_code == 302, submitted.text[:500]
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    assert ModuleProgress.objects.get(user=learner).completed_at is not None

    # ...and "My learning" on B shows it at once.
    dashboard_b = mari.get(b + "/en/learn/")
    assert dashboard_b.status_code == 200
    completed = html.unescape(dashboard_b.text).split('id="completed-heading"')[1]
    assert "Phishing at the utility" in completed.split("</table>")[0]
    assert "100%" in completed.split("</table>")[0]

    # Statistics agree on both servers.
    coordinator = signed_in_to_admin(a, "coordinator")
    for server in (a, b):
        export = coordinator.get(server + "/admin/statistics/?export=csv")
        assert export.status_code == 200, (server, export.status_code)
        rows = {row["Measure"]: row["Value"] for row in csv_table(export.text)}
        assert rows["Learners who completed at least one module"].strip() == "1"

    # An editor publishes a new title through A's admin; B shows it fresh.
    module.title = "Phishing at the water utility"
    module.save_revision()
    admin = signed_in_to_admin(a, "admin")
    published = admin.post_form(f"{a}/admin/bulk/wagtailcore/page/publish/?id={module.pk}", {})
    assert published.status_code == 302, published.text[:500]
    fresh = anonymous.get(b + module_url)
    assert fresh.status_code == 200
    assert "Phishing at the water utility" in fresh.text
    assert fresh.headers["X-Page-Cache"] == "miss"
