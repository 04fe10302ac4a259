from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModulesConfig(AppConfig):
    name = "modules"
    verbose_name = _("Learning content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from caching import bump_generation_on_change

        from .models import ProgrammeModule, Region, Sector, SubRegion, Topic

        # Their names appear on pages of every language.
        bump_generation_on_change(Sector, Region, SubRegion, Topic)
        # Certificates read which modules a programme needs from the shared cache
        # (`learning.programmes`); a new programme or translation writes its list
        # of modules without publishing anything.
        bump_generation_on_change(ProgrammeModule)
