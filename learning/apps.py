from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning records")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .statistics import signals

        signals.connect()
