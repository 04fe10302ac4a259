"""The admin's sidebar and keyboard shortcuts dialog come from the shared cache,
the same as Wagtail builds them, and change as soon as what they show does."""

import json
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.models import GroupPagePermission, Page

from tests.learning.statistics.helpers import staff

PROPS = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S
)
DIALOG = re.compile(r'(<div[^>]*id="keyboard-shortcuts-dialog".*?)<main', re.S)


def sidebar_of(client, url=None) -> str:
    html = client.get(url or reverse("learning_statistics:overview")).content.decode()
    return PROPS.search(html).group(1)


def wagtail_props(user, rf) -> str:
    """What Wagtail's own tag builds for this person, without the cache."""
    request = rf.get("/admin/")
    request.user = user
    return PROPS.search(str(wagtailadmin_tags.sidebar_props({"request": request}))).group(1)


@pytest.fixture
def manager(db, client):
    user = staff("manager.test", codename="view_statistics")
    client.force_login(user)
    return user


def test_the_cached_sidebar_is_wagtails(manager, client, rf):
    first = sidebar_of(client)
    assert first == wagtail_props(manager, rf)
    # Served again from the cache, on another admin page too.
    assert sidebar_of(client, reverse("wagtailadmin_home")) == first


def test_the_sidebar_costs_no_query_once_cached(manager, client):
    url = reverse("learning_statistics:questions")
    client.get(url)
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as rebuilt:
        client.get(url)
    # Building the sidebar reads the person's Wagtail profile (avatar); cached, nothing.
    assert len(rebuilt.captured_queries) > len(cold.captured_queries)


def test_a_new_group_shows_its_menu_items_at_once(manager, client):
    before = sidebar_of(client)
    assert '"explorer"' not in before
    editors = Group.objects.create(name="Page editors")
    GroupPagePermission.objects.create(
        group=editors,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="change_page"),
    )
    manager.groups.add(editors)
    after = sidebar_of(client)
    assert after != before
    assert '"explorer"' in after


def test_losing_a_permission_removes_the_menu_item(manager, client):
    assert "Statistics" in sidebar_of(client)
    group = manager.groups.get()
    group.permissions.remove(Permission.objects.get(codename="view_statistics"))
    # The statistics page itself now refuses; the sidebar on the dashboard says nothing of them.
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Statistics" not in PROPS.search(html).group(1)


def test_a_group_granted_a_permission_reaches_its_members(db, client):
    user = staff("editor.test")
    group = Group.objects.create(name="Reporters")
    user.groups.add(group)
    client.force_login(user)
    before = sidebar_of(client, reverse("wagtailadmin_home"))
    assert "Statistics" not in before
    group.permissions.add(Permission.objects.get(codename="view_statistics"))
    assert "Statistics" in sidebar_of(client, reverse("wagtailadmin_home"))


def test_a_permission_given_to_the_person_shows_at_once(db, client):
    user = staff("someone.test")
    client.force_login(user)
    assert "Statistics" not in sidebar_of(client, reverse("wagtailadmin_home"))
    user.user_permissions.add(Permission.objects.get(codename="view_statistics"))
    assert "Statistics" in sidebar_of(client, reverse("wagtailadmin_home"))


def test_a_renamed_person_sees_their_new_name(manager, client):
    sidebar_of(client)
    manager.first_name, manager.last_name = "Maarja", "Tamm"
    manager.save()
    assert '"name": "Maarja"' in sidebar_of(client)


def test_each_language_has_its_own_sidebar(manager, client):
    from wagtail.users.models import UserProfile

    english = sidebar_of(client)
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "et"
    profile.save()
    estonian = sidebar_of(client)
    assert estonian != english
    assert "Statistika" in estonian


def test_the_cached_shortcuts_dialog_is_wagtails(manager, client, rf):
    url = reverse("learning_statistics:questions")
    html = client.get(url).content.decode()
    request = rf.get(url)
    request.user = manager
    from django.template.loader import render_to_string

    data = wagtailadmin_tags.keyboard_shortcuts_dialog({"request": request})
    expected = render_to_string("wagtailadmin/shared/keyboard_shortcuts_dialog.html", data, request)
    assert expected.strip() in html
    # A Mac reader gets the Mac's key names, not the cached ones of another platform.
    mac = client.get(url, HTTP_USER_AGENT="Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)")
    assert "⌘" in mac.content.decode() and "⌘" not in html


CONFIG = re.compile(r'<script id="wagtail-config" type="application/json">(.*?)</script>', re.S)


def config_of(html: str) -> dict:
    return json.loads(CONFIG.search(html).group(1))


def test_the_cached_admin_configuration_is_wagtails_with_this_requests_token(manager, client, rf):
    url = reverse("learning_statistics:questions")
    first = config_of(client.get(url).content.decode())
    with CaptureQueriesContext(connection) as queries:
        second = config_of(client.get(url).content.decode())
    request = rf.get(url)
    request.user = manager
    # The module's function is still Wagtail's own; only the tag is replaced.
    wagtails = json.loads(
        json.dumps(wagtailadmin_tags.wagtail_config({"request": request}), cls=DjangoJSONEncoder)
    )
    for config in (first, second):
        assert {k: v for k, v in config.items() if k != "CSRF_TOKEN"} == {
            k: v for k, v in wagtails.items() if k != "CSRF_TOKEN"
        }
    # The locales come from the cache, not from the database, on every page.
    assert not any("wagtailcore_locale" in q["sql"] for q in queries.captured_queries)
    # Each page carries a valid token of this session.
    secret = client.cookies[settings.CSRF_COOKIE_NAME].value
    for config in (first, second):
        assert _unmask_cipher_token(config["CSRF_TOKEN"]) == secret
