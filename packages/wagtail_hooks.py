"""Where editors find the package download: the module's actions in the admin (the
editor's action menu, the page listing's and header's "More" menus)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.widgets import Button

from modules.models import ModulePage

from .views import export_package


@hooks.register("register_admin_urls")
def register_package_urls():
    return [path("modules/<int:page_id>/package/", export_package, name="packages_export")]


def _download_button(page, user, priority: int) -> Button | None:
    if not issubclass(page.specific_class or type(page), ModulePage):
        return None
    if not page.permissions_for_user(user).can_edit():
        return None
    return Button(
        _("Download for an LMS (SCORM, cmi5)"),
        reverse("packages_export", args=[page.pk]),
        icon_name="download",
        priority=priority,
    )


@hooks.register("register_page_listing_more_buttons")
def package_listing_button(page, user, next_url=None):
    button = _download_button(page, user, priority=55)
    if button:
        yield button


@hooks.register("register_page_header_buttons")
def package_header_button(page, user, view_name, next_url=None):
    button = _download_button(page, user, priority=67)
    if button:
        yield button


class DownloadPackageMenuItem(ActionMenuItem):
    name = "action-download-package"
    label = _("Download for an LMS (SCORM, cmi5)")
    icon_name = "download"

    def is_shown(self, context) -> bool:
        page = context.get("page")
        return (
            context["view"] == "edit"
            and page is not None
            and issubclass(page.specific_class or type(page), ModulePage)
            and self.get_user_page_permissions_tester(context).can_edit()
        )

    def get_url(self, context) -> str:
        return reverse("packages_export", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_download_package_menu_item():
    return DownloadPackageMenuItem(order=90)
