"""Health endpoints: what a load balancer sees when parts of the stack fail."""

import io
import json

import pytest
from django.db import OperationalError, connection

from config.wsgi import application


def call(path: str, method: str = "GET", host: str = "10.0.0.7") -> tuple[str, dict, bytes]:
    """Call the WSGI application as gunicorn would, from the load balancer's address."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SERVER_NAME": host,
        "SERVER_PORT": "8000",
        "HTTP_HOST": host,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
    }
    started = {}

    def start_response(status, headers):
        started.update(status=status, headers=dict(headers))

    body = b"".join(application(environ, start_response))
    return started["status"], started["headers"], body


def probe(path: str, method: str = "GET") -> tuple[str, dict, dict]:
    status, headers, body = call(path, method)
    return status, headers, json.loads(body)


def test_liveness_answers_without_touching_the_database():
    # No database access is allowed in this test: a query would fail it.
    status, headers, body = probe("/healthz")
    assert status == "200 OK"
    assert body == {"status": "ok"}
    assert headers["Cache-Control"] == "no-store"


@pytest.mark.django_db(transaction=True)
def test_readiness_checks_database_and_cache():
    status, _headers, body = probe("/readyz/")
    assert status == "200 OK"
    assert body == {"status": "ok", "checks": {"database:default": "ok", "cache": "ok"}}


@pytest.mark.django_db(transaction=True)
def test_readiness_is_503_when_the_database_is_unreachable():
    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection refused")

    with connection.execute_wrapper(refuse):
        status, _headers, body = probe("/readyz/")
    assert status == "503 Service Unavailable"
    assert body == {
        "status": "unavailable",
        "checks": {"database:default": "failed", "cache": "ok"},
    }


@pytest.mark.django_db(transaction=True)
def test_readiness_is_503_when_the_shared_cache_is_unreachable(settings):
    # A real Redis client against a port where nothing listens.
    settings.CACHES = {
        "default": {
            "BACKEND": "caching.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
    status, _headers, body = probe("/readyz/")
    assert status == "503 Service Unavailable"
    assert body["checks"] == {"database:default": "ok", "cache": "failed"}


def test_health_endpoints_refuse_writes():
    status, headers, _body = probe("/healthz/", method="POST")
    assert status == "405 Method Not Allowed"
    assert headers["Allow"] == "GET, HEAD"


@pytest.mark.django_db
def test_other_paths_go_to_django_with_its_host_checks(settings):
    # The probe bypass must not open the site to any Host header.
    settings.ALLOWED_HOSTS = ["learn.example.org"]
    status, _headers, _body = call("/en/", host="evil.example")
    assert status.startswith("400")
