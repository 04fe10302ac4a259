from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the deployment checks
        from .signals import connect_signals

        connect_signals()
