from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"

    def ready(self) -> None:
        from wagtail.admin.templatetags import wagtailadmin_tags

        from . import admin_chrome, checks  # noqa: F401 - checks registers the deployment checks
        from .signals import connect_signals

        connect_signals()
        admin_chrome.connect_signals()
        admin_chrome.install(
            wagtailadmin_tags.register,
            wagtailadmin_tags.sidebar_props,
            wagtailadmin_tags.keyboard_shortcuts_dialog,
            "wagtailadmin/shared/keyboard_shortcuts_dialog.html",
        )
        admin_chrome.install_config(wagtailadmin_tags.register, wagtailadmin_tags.wagtail_config)
