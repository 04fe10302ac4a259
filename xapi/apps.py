from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    """xAPI statements of learners' records, queued in an outbox and sent to an LRS."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "xapi"
    verbose_name = _("Learning record store")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects to learning.events)
