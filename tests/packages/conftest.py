"""A module in three languages and the people who ask for its package."""

from __future__ import annotations

import io
import posixpath
import zipfile
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import xmlschema
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from modules.permissions import admin_access_permission, ensure_language_editor_group
from tests.factories import make_learner, make_module, translate_page

SCHEMAS = Path(__file__).resolve().parent / "schemas"
# ims_xml.xsd (IMS's schema of the xml: attributes) binds the default prefix to
# the XML namespace, which XML parsers refuse; the validator's own schema of
# that namespace declares the same attributes.
XML_NAMESPACE_SCHEMA = str(Path(xmlschema.__file__).parent / "schemas" / "XML" / "xml.xsd")


def _xml_namespace_schema(uri: str) -> str:
    return XML_NAMESPACE_SCHEMA if uri.endswith("/ims_xml.xsd") else uri


@cache
def scorm12_schema() -> xmlschema.XMLSchema10:
    """The IMS content packaging schema with ADL's SCORM 1.2 extensions (and IMS metadata)."""
    return xmlschema.XMLSchema10(
        str(SCHEMAS / "imscp_rootv1p1p2.xsd"),
        uri_mapper=_xml_namespace_schema,
        locations=[
            ("http://www.adlnet.org/xsd/adlcp_rootv1p2", str(SCHEMAS / "adlcp_rootv1p2.xsd")),
            (
                "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
                str(SCHEMAS / "imsmd_rootv1p2p1.xsd"),
            ),
        ],
    )


@cache
def cmi5_schema() -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(SCHEMAS / "CourseStructure.xsd"))


def open_zip(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


@pytest.fixture
def module_versions(site_pages):
    """The module in English (the source), Estonian and French, all published."""
    _home, index = site_pages
    module = make_module(index, "Phishing at the utility", pass_mark=70)
    return {
        "en": module,
        "et": translate_page(module, "et"),
        "fr": translate_page(module, "fr"),
    }


def _user(username: str, *groups: Group, **fields):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw", **fields)
    user.groups.add(*groups)
    return user


@pytest.fixture
def people(module_versions):
    """Everyone the admin knows, by role, as the demo has them."""
    # Wagtail's migrations create "Editors"; the demo gives it publishing too.
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(admin_access_permission())
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    managers, _created = Group.objects.get_or_create(name="Programme managers")
    managers.permissions.add(
        admin_access_permission(),
        Permission.objects.get(content_type__app_label="learning", codename="view_statistics"),
    )
    estonian_home = module_versions["et"].get_parent().get_parent()
    return {
        "learner": make_learner("learner@example.com"),
        "manager": _user("manager.ee", managers),
        "editor": _user("editor", editors),
        "editor.et": _user("editor.et", ensure_language_editor_group("et", estonian_home)),
        "admin": _user("admin", is_superuser=True, is_staff=True),
    }


REFERENCE_ATTRIBUTES = ("src", "href", "srcset", "poster", "action", "data")


class _References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in REFERENCE_ATTRIBUTES and value:
                if name == "srcset":
                    for candidate in value.split(","):
                        self.found.append((tag, name, candidate.strip().split(" ")[0]))
                else:
                    self.found.append((tag, name, value))


def references(page_html: str) -> list[tuple[str, str, str]]:
    """(tag, attribute, URL) of everything a page loads or links to."""
    parser = _References()
    parser.feed(page_html)
    return parser.found


def assert_self_contained(archive: zipfile.ZipFile) -> None:
    """Every page refers only to files inside the package, by relative paths;
    the only way out is a link a learner opens in a new page (a video)."""
    names = set(archive.namelist())
    for name in names:
        if not name.endswith(".html"):
            continue
        for tag, attribute, url in references(archive.read(name).decode()):
            where = f"{name}: <{tag} {attribute}={url!r}>"
            parsed = urlsplit(url)
            if parsed.scheme or url.startswith("//"):
                assert tag == "a" and parsed.scheme == "https", where
                continue
            assert not url.startswith("/"), where
            if not parsed.path:
                continue  # a fragment within the page
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(name), unquote(parsed.path))
            )
            assert target in names, where
