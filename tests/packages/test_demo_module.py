"""The demo's water module downloads as valid packages in all seven languages."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from modules.models import ModulePage

from .conftest import assert_self_contained, cmi5_schema, open_zip, scorm12_schema

WATER_MODULE = "phishing-at-the-water-utility"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


# Real commits: wagtail-localize publishes the demo's translations when their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_the_water_module_validates_in_every_language(client):
    call_command("seed_demo", without_activity=True, verbosity=0)
    versions = {
        page.locale.language_code: page
        for page in ModulePage.objects.filter(slug=WATER_MODULE).select_related("locale")
    }
    assert sorted(versions) == sorted(LANGUAGES)
    client.force_login(get_user_model().objects.get(username="editor"))

    for code in LANGUAGES:
        url = reverse("packages_export", args=[versions[code].pk])
        for package_format, manifest, schema in (
            ("scorm12", "imsmanifest.xml", scorm12_schema()),
            ("cmi5", "cmi5.xml", cmi5_schema()),
        ):
            response = client.get(url, {"format": package_format, "language": code})
            assert response.status_code == 200, (code, package_format)
            archive = open_zip(response.content)
            schema.validate(io.BytesIO(archive.read(manifest)))
            lesson = archive.read(f"{code}/index.html").decode()
            assert f"<h1>{escape(versions[code].title)}</h1>" in lesson
            assert_self_contained(archive)

    # All seven in one package, in which learners choose.
    url = reverse("packages_export", args=[versions["et"].pk])
    for package_format, manifest, schema in (
        ("scorm12", "imsmanifest.xml", scorm12_schema()),
        ("cmi5", "cmi5.xml", cmi5_schema()),
    ):
        response = client.get(url, {"format": package_format, "language": LANGUAGES})
        assert response.status_code == 200
        archive = open_zip(response.content)
        schema.validate(io.BytesIO(archive.read(manifest)))
        assert {f"{code}/index.html" for code in LANGUAGES} <= set(archive.namelist())
        assert_self_contained(archive)
