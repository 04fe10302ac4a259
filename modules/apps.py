from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModulesConfig(AppConfig):
    name = "modules"
    verbose_name = _("Learning content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .shared_cache import connect_signals

        connect_signals()
