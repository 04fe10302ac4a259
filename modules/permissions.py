"""Editor groups limited to one language's page tree."""

from __future__ import annotations

from django.conf.locale import LANG_INFO
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


def language_editor_group_name(language_code: str) -> str:
    return f"Editors ({LANG_INFO[language_code]['name']})"


def ensure_language_editor_group(language_code: str, language_root: Page) -> Group:
    """A group that can edit and publish pages under `language_root` only.

    `language_root` is that language's home page: Wagtail page permissions
    apply to a page and everything below it, so the group reaches that
    language's modules and programmes and no other language's.
    """
    group, _created = Group.objects.get_or_create(name=language_editor_group_name(language_code))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=language_root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group
