"""Editor groups limited to one language's page tree."""

from __future__ import annotations

from django.conf.locale import LANG_INFO
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, Page

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


def _permission(app_label: str, model: str, codename: str, name: str) -> Permission:
    # Wagtail and wagtail-localize create these in data migrations, not from a
    # model's Meta, so get_or_create keeps this working on any database state.
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def admin_access_permission() -> Permission:
    return _permission("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")


def submit_translation_permission() -> Permission:
    return _permission(
        "wagtail_localize", "translation", "submit_translation", "Can submit translations"
    )


def language_editor_group_name(language_code: str) -> str:
    return f"Editors ({LANG_INFO[language_code]['name']})"


def ensure_language_editor_group(language_code: str, language_root: Page) -> Group:
    """A group that can edit and publish pages under `language_root` only.

    `language_root` is that language's home page: Wagtail page permissions
    apply to a page and everything below it, so the group reaches that
    language's modules and programmes and no other language's.
    """
    group, _created = Group.objects.get_or_create(name=language_editor_group_name(language_code))
    group.permissions.add(admin_access_permission(), submit_translation_permission())
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=language_root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group
