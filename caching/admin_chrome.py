"""Wagtail's admin furniture, built once instead of on every admin page.

The sidebar is kept per person, language and generation; the keyboard
shortcuts dialog per language and what it shows.

Every admin page carries the sidebar's menus as JSON (`{% sidebar_props %}`),
and building them asks every registered menu item whether this person may
see it: several permission checks and URL reversals on every page, a fifth
of the admin's own rendering time. What the sidebar shows depends only on
who the person is (name, avatar, superuser), their permissions and the
language, so it is kept in the shared cache under the person's id, the
language and the content generation, and dropped when any of these changes:

- the person's own account, Wagtail profile (avatar), groups or direct
  permissions: their entries are deleted;
- a group's permissions, page or collection permissions, or a group deleted
  (rare, and touching many people at once): the content generation is bumped.

The active menu item is worked out in the browser from the page's URL, so the
same props serve every admin page.

The keyboard shortcuts dialog (rendered into every admin page, hidden until
asked for) depends only on what Wagtail's tag computes for it (the platform's
key names, whether the person turned shortcuts off, the language): it is
kept under a digest of that.

Both are Wagtail's own output (its tag functions build them on a miss); what
is cached is the HTML they returned, marked safe as it was.

The admin's script configuration (`{% wagtail_config %}`: URLs, the locales,
the script's translated strings) is kept per language and generation (a
locale saved bumps it), without its three per-request values: the CSRF
token, the page's content locale and the person's keyboard shortcuts setting,
which are set on every request as Wagtail sets them.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.csrf import get_token
from django.template import Library
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from .generation import key
from .lookups import cached

KEY_PREFIX = "admin-sidebar"


def _parts(user_id: int, language: str) -> tuple:
    return (KEY_PREFIX, user_id, language)


# The keys of Wagtail's admin configuration that change from request to request.
PER_REQUEST_CONFIG = ("CSRF_TOKEN", "ACTIVE_CONTENT_LOCALE", "KEYBOARD_SHORTCUTS_ENABLED")


def install_config(library: Library, build_config) -> None:
    """Replace the `wagtail_config` tag with one that builds the shared part with
    `build_config(context)` (Wagtail's tag function) once per language and
    generation, and adds the per-request values."""

    def wagtail_config(context) -> dict:
        request = context["request"]
        shared = cached(
            ("wagtail-config", translation.get_language() or ""),
            lambda: {
                key: value
                for key, value in json.loads(
                    json.dumps(build_config(context), cls=DjangoJSONEncoder)
                ).items()
                if key not in PER_REQUEST_CONFIG
            },
            request,
        )
        config = {**shared, "CSRF_TOKEN": get_token(request)}
        if locale := context.get("locale"):
            config["ACTIVE_CONTENT_LOCALE"] = locale.language_code
        user = getattr(request, "user", None)
        config["KEYBOARD_SHORTCUTS_ENABLED"] = (
            user.wagtail_userprofile.keyboard_shortcuts
            if hasattr(user, "wagtail_userprofile")
            else True
        )
        return config

    library.simple_tag(wagtail_config, takes_context=True, name="wagtail_config")


def install(library: Library, build_sidebar, shortcuts_data, shortcuts_template: str) -> None:
    """Replace two tags of Wagtail's tag library with cached ones: `sidebar_props`
    calls `build_sidebar(context)` (Wagtail's tag function) on a miss, and
    `keyboard_shortcuts_dialog` renders `shortcuts_template` with
    `shortcuts_data(context)` (Wagtail's inclusion tag function) on a miss."""

    def sidebar_props(context) -> SafeString:
        request = context["request"]
        parts = _parts(request.user.pk, translation.get_language() or "")
        return mark_safe(cached(parts, lambda: str(build_sidebar(context)), request))  # noqa: S308

    def keyboard_shortcuts_dialog(context) -> SafeString:
        data = shortcuts_data(context)
        digest = hashlib.sha256(repr(_plain(data)).encode()).hexdigest()
        parts = ("keyboard-shortcuts", translation.get_language() or "", digest)
        request = context.get("request")
        html = cached(
            parts, lambda: get_template(shortcuts_template).render(data, request), request
        )
        return mark_safe(html)  # noqa: S308

    library.simple_tag(sidebar_props, takes_context=True, name="sidebar_props")
    library.simple_tag(
        keyboard_shortcuts_dialog, takes_context=True, name="keyboard_shortcuts_dialog"
    )


def _plain(value):
    """`value` with lazy translations made strings, so its repr says what it shows."""
    if isinstance(value, dict):
        return sorted((_plain(k), _plain(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, bool | int):
        return value
    return str(value)


def forget_people(user_ids) -> None:
    """Drop the sidebars of these people, in every language."""
    languages = [code for code, _name in settings.LANGUAGES]
    cache.delete_many(
        [key(*_parts(user_id, language)) for user_id in user_ids for language in languages]
    )


def _user_saved(sender, instance, created: bool, update_fields=None, **_kwargs: Any) -> None:
    # A new account has no sidebar yet, and signing in changes only last_login.
    if created or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    forget_people([instance.pk])


def _profile_saved(sender, instance, **_kwargs: Any) -> None:
    forget_people([instance.user_id])


def _memberships_changed(sender, instance, action: str, reverse: bool, pk_set, **_kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        forget_people([instance.pk])
    elif pk_set:
        forget_people(pk_set)
    else:
        # Cleared from the group's side: who was in it is no longer known.
        _bump()


def _bump(**_kwargs: Any) -> None:
    from .generation import bump_generation

    bump_generation()


def connect_signals() -> None:
    from wagtail.models import GroupCollectionPermission, GroupPagePermission
    from wagtail.users.models import UserProfile

    user_model = get_user_model()
    post_save.connect(_user_saved, sender=user_model, dispatch_uid="admin-sidebar-user")
    post_save.connect(_profile_saved, sender=UserProfile, dispatch_uid="admin-sidebar-profile")
    for through in (user_model.groups.through, user_model.user_permissions.through):
        m2m_changed.connect(
            _memberships_changed, sender=through, dispatch_uid=f"admin-sidebar-{through}"
        )
    m2m_changed.connect(
        _bump, sender=Group.permissions.through, dispatch_uid="admin-sidebar-group-permissions"
    )
    for model in (Group, GroupPagePermission, GroupCollectionPermission):
        label = model._meta.label
        post_save.connect(_bump, sender=model, dispatch_uid=f"admin-sidebar-save-{label}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"admin-sidebar-del-{label}")
