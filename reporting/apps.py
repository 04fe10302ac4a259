from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """What programme managers answer their funders with: targets and the manager's home."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .home_figures import forget_home_figures
        from .models import ProgrammeTarget

        def targets_changed(**kwargs) -> None:
            forget_home_figures()

        # A target set in the admin shows on the home at once, not after the interval.
        post_save.connect(targets_changed, sender=ProgrammeTarget, weak=False)
        post_delete.connect(targets_changed, sender=ProgrammeTarget, weak=False)
