"""Production settings plus the demo app, for a production stack that carries the demo.

`make serve` loads the demo content with these settings, then serves with
`config.settings.production`; `make bench` loads the demo and the load data
and serves with them. BENCH_INSTRUMENTS=1 adds the benchmark's instruments
(demo/bench.py): a bare view at /bench/bare/, the throughput ceiling, and a
response header counting each request's SQL queries. Never for a real
deployment.
"""

from .base import env_bool
from .production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

if env_bool("BENCH_INSTRUMENTS", False):
    MIDDLEWARE = ["demo.bench.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
    ROOT_URLCONF = "demo.urls"
