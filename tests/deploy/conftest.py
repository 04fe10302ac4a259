"""The production stack for deployment tests: Redis and two gunicorn app servers.

Both servers use production settings against the test database (PostgreSQL)
and one Redis, behind one public host name, as behind a load balancer.
"""

from __future__ import annotations

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
def stack(redis_url, tmp_path, request):
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
        # A test module may ask for more workers per server (APP_SERVER_WORKERS).
        "WEB_CONCURRENCY": str(getattr(request.module, "APP_SERVER_WORKERS", 1)),
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
