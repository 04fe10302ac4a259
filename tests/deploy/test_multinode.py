"""Two app servers, one PostgreSQL, one Redis: the stack must behave as one site.

Starts the production configuration for real: two gunicorn instances on two
ports (production settings, Redis for cache and sessions), against the test
database. A learner signs in and submits a quiz through instance A and sees
it through B; statistics agree on both; a page published through A's admin
is shown fresh by B although B had it in the page cache.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection

from learning.models import ModuleProgress, QuizAttempt
from tests.factories import answers_for, make_learner, make_module, make_site

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL; .ci/run provides it"
    ),
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "pw-Secret-123"
# Behind the load balancer every app server sees the site's public name.
PUBLIC_HOST = "learn.cyberaware.test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in time:\n{log.read_text()[-3000:]}")


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is needed (apt-get install redis-server); .ci/run installs it")
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(10)


@pytest.fixture
def stack(redis_url, tmp_path):
    """Two gunicorn app servers sharing the test database and one Redis."""
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "multi-node-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": f"127.0.0.1,{PUBLIC_HOST}",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "STATIC_ROOT": str(tmp_path / "static"),
        "STATISTICS_MIN_CELL_SIZE": "1",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "2",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    servers, processes = [], []
    for name in ("a", "b"):
        port = free_port()
        log = tmp_path / f"gunicorn-{name}.log"
        process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [gunicorn, "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        processes.append(process)
        servers.append((f"http://127.0.0.1:{port}", process, log))
    try:
        for base, process, log in servers:
            wait_until_serving(f"{base}/readyz", process, log)
        yield [base for base, _process, _log in servers]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(20)


class Visitor:
    """A browser behind the load balancer: one cookie jar, whichever server answers.

    Production cookies are Secure; the servers sit behind no TLS proxy here,
    so the jar sends them over plain HTTP as a proxy would pass them on.
    """

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        headers = {"Host": PUBLIC_HOST, **kwargs.pop("headers", {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = requests.request(
            method, url, headers=headers, allow_redirects=False, timeout=30, **kwargs
        )
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value
        return response

    def get(self, url: str, **kwargs) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post_form(self, url: str, data: dict, **kwargs) -> requests.Response:
        """Load the form page, then post to it (or to ``action``) with its CSRF token."""
        page = self.get(url)
        assert page.status_code == 200, page.status_code
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        action = kwargs.pop("action", url)
        return self.request(
            "POST", urljoin(url, action), data={"csrfmiddlewaretoken": token, **data}, **kwargs
        )


def staff(username: str, *, superuser: bool = False, codenames=()) -> None:
    user = get_user_model().objects.create_user(username, f"{username}@example.com", PASSWORD)
    if superuser:
        user.is_superuser = user.is_staff = True
        user.save()
    group = Group.objects.create(name=f"group-{username}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="learning", codename__in=codenames),
    )
    user.groups.add(group)


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
    coordinator = Visitor()
    assert (
        coordinator.post_form(
            a + "/admin/login/", {"username": "coordinator", "password": PASSWORD}
        ).status_code
        == 302
    )
    for server in (a, b):
        export = coordinator.get(server + "/admin/statistics/?export=csv")
        assert export.status_code == 200, (server, export.status_code)
        rows = dict(line.split(",", 1) for line in export.text.strip().splitlines()[1:])
        assert rows["Learners who completed at least one module"].strip() == "1"

    # An editor publishes a new title through A's admin; B shows it fresh.
    module.title = "Phishing at the water utility"
    module.save_revision()
    admin = Visitor()
    assert (
        admin.post_form(
            a + "/admin/login/", {"username": "admin", "password": PASSWORD}
        ).status_code
        == 302
    )
    published = admin.post_form(f"{a}/admin/bulk/wagtailcore/page/publish/?id={module.pk}", {})
    assert published.status_code == 302, published.text[:500]
    fresh = anonymous.get(b + module_url)
    assert fresh.status_code == 200
    assert "Phishing at the water utility" in fresh.text
    assert fresh.headers["X-Page-Cache"] == "miss"
