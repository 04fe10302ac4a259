"""Production settings refuse to start without a secret key, pass the deploy checks
and leave out the demo app."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a production deployment must set.
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "cyberaware.example.org",
}


def run_manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "BENCH_INSTRUMENTS"}
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env})
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def deploy_check(**env):
    """`manage.py check --deploy` on the production settings, failing on any warning."""
    return run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV, **env)


def test_production_settings_refuse_to_start_without_secret_key():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deploy_checks():
    result = deploy_check(REDIS_URL="redis://redis.internal:6379/0")
    assert result.returncode == 0, result.stderr + result.stdout


def test_deploy_checks_warn_when_the_cache_is_not_shared():
    result = deploy_check()
    assert result.returncode != 0
    assert "cyberaware.W001" in result.stderr + result.stdout
    assert "REDIS_URL" in result.stderr + result.stdout


# What of the demo app a settings module brings: the app, the bare view, the query count.
INSTALLED = """
import json
from django.apps import apps
from django.conf import settings
from django.urls import Resolver404, resolve
try:
    resolve("/bench/bare/")
    bare_view = True
except Resolver404:
    bare_view = False
print(json.dumps({
    "demo": apps.is_installed("demo"),
    "bare_view": bare_view,
    "query_count": "demo.bench.QueryCountMiddleware" in settings.MIDDLEWARE,
}))
"""
DEPLOYMENT = {**PRODUCTION_ENV, "BENCH_INSTRUMENTS": "1"}


def demo_parts(settings_module: str, **env) -> dict:
    result = run_manage(
        "shell", "-c", INSTALLED, DJANGO_SETTINGS_MODULE=settings_module, **{**DEPLOYMENT, **env}
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_settings_install_neither_the_demo_nor_the_bench_instruments():
    # BENCH_INSTRUMENTS is set: production settings ignore it.
    assert demo_parts("config.settings.production") == {
        "demo": False,
        "bare_view": False,
        "query_count": False,
    }
    result = run_manage("seed_demo", **DEPLOYMENT)
    assert result.returncode != 0
    assert "Unknown command: 'seed_demo'" in result.stderr


def test_the_demo_stack_adds_the_instruments_only_when_asked():
    assert demo_parts("config.settings.production_demo") == {
        "demo": True,
        "bare_view": True,
        "query_count": True,
    }
    assert demo_parts("config.settings.production_demo", BENCH_INSTRUMENTS="0") == {
        "demo": True,
        "bare_view": False,
        "query_count": False,
    }


MACHINE_TRANSLATOR = """
from wagtail_localize.machine_translators import get_machine_translator
translator = get_machine_translator()
print(type(translator).__name__ if translator else "none")
"""


def machine_translator(settings_module: str, **env) -> str:
    environment = {**PRODUCTION_ENV, "DEEPL_API_KEY": "", **env}
    result = run_manage(
        "shell", "-c", MACHINE_TRANSLATOR, DJANGO_SETTINGS_MODULE=settings_module, **environment
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_only_development_settings_offer_the_dummy_machine_translator():
    # Its output (words reversed) must never be published as a translation.
    assert machine_translator("config.settings.production") == "none"
    assert machine_translator("config.settings.production_demo") == "none"
    assert machine_translator("config.settings.dev") == "DummyTranslator"
    assert (
        machine_translator("config.settings.production", DEEPL_API_KEY="key:fx")
        == "DeepLTranslator"
    )
