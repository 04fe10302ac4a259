"""WSGI entry point: `gunicorn -c gunicorn.conf.py config.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

django_application = get_wsgi_application()

from home.health import HealthEndpoints  # noqa: E402 - needs Django set up

application = HealthEndpoints(django_application)
