"""Who may see which regions' statistics."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ManagerRegions(models.Model):
    """The regions a programme manager is responsible for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("manager"),
        on_delete=models.CASCADE,
        related_name="manager_regions",
    )
    regions = models.ManyToManyField(
        "modules.Region", verbose_name=_("regions"), related_name="+", blank=True
    )

    class Meta:
        verbose_name = _("manager's regions")
        verbose_name_plural = _("managers' regions")
        permissions = [
            ("view_statistics", _("Can view statistics for assigned regions")),
            ("view_all_regions", _("Can view statistics for all regions")),
        ]

    def __str__(self) -> str:
        return str(self.user)

    def region_list(self) -> str:
        return ", ".join(region.display_name for region in self.regions.all())

    region_list.short_description = _("regions")
