"""What a package holds: the lesson, its images, the quiz and the runtime, all of it
reachable by relative paths, and manifests the official schemas accept."""

from __future__ import annotations

import io
import json
import re

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from packages.building import CMI5, SCORM12, build_package
from tests.factories import make_module, sample_body, uid

from .conftest import assert_self_contained, cmi5_schema, open_zip, scorm12_schema


def an_image(title: str):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), (7, 55, 99)).save(buffer, format="PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="pump.png"))


def illustrated_module(index):
    """A lesson with an image, a cover, a link to another of our pages and a video."""
    other = make_module(index, "Strong passwords")
    body = [
        *sample_body(),
        {
            "type": "image",
            "id": uid(),
            "value": {
                "image": an_image("Pump station").pk,
                "alt_text": "A pumping station",
                "caption": "Pumps",
            },
        },
        {
            "type": "paragraph",
            "id": uid(),
            "value": f'<p>See also <a id="{other.pk}" linktype="page">the password module</a>.</p>',
        },
        {
            "type": "video",
            "id": uid(),
            "value": {
                "video": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "title": "Spotting a fake invoice",
                "transcript": "A supplier calls.",
            },
        },
    ]
    return make_module(
        index, "Pumps and phishing", body=body, cover_image=an_image("Cover"), pass_mark=60
    )


def test_the_scorm_package_holds_the_lesson_images_quiz_and_runtime(site_pages):
    _home, index = site_pages
    module = illustrated_module(index)
    package = build_package([module], SCORM12)
    archive = open_zip(package.content)
    names = set(archive.namelist())

    assert package.filename == "pumps-and-phishing-en-scorm12.zip"
    assert {"imsmanifest.xml", "en/index.html", "assets/site.css", "assets/package.css"} <= names
    assert {"assets/quiz.js", "assets/scorm12.js"} <= names
    assert "assets/cmi5.js" not in names and "assets/chooser.js" not in names
    lesson = archive.read("en/index.html").decode()
    assert "<h1>Pumps and phishing</h1>" in lesson
    assert "Attackers imitate your suppliers." in lesson
    # The images are the renditions the page shows, copied into the package.
    images = sorted(name for name in names if name.startswith("media/images/"))
    assert len(images) >= 6, images
    assert any(".avif" in name for name in images) and any(".jpg" in name for name in images)
    assert 'alt="A pumping station"' in lesson
    # A link to another page of the site keeps its text only; a video is a link and transcript.
    assert "See also the password module." in lesson
    assert "youtube.com/embed" not in lesson and "<iframe" not in lesson
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" target="_blank"' in lesson
    assert "A supplier calls." in lesson
    assert_self_contained(archive)
    assert "127.0.0.1" not in lesson and "localhost" not in lesson

    # The quiz, and the key the browser grades with.
    questions = module.quiz_definition.questions
    for question in questions:
        assert f'id="q-{question.id}"' in lesson
    data = json.loads(
        re.search(
            r'<script id="package-data" type="application/json">(.*?)</script>', lesson, re.S
        )[1]
    )
    assert data["format"] == "scorm12"
    assert data["key"]["passMark"] == 60
    assert [q["correct"] for q in data["key"]["questions"]] == [
        sorted(q.correct_ids) for q in questions
    ]

    manifest = archive.read("imsmanifest.xml")
    scorm12_schema().validate(io.BytesIO(manifest))
    text = manifest.decode()
    assert 'adlcp:scormtype="sco"' in text and 'href="en/index.html"' in text
    assert "<adlcp:masteryscore>60</adlcp:masteryscore>" in text
    # Every file of the package is listed in the manifest's resource.
    listed = set(re.findall(r'<file href="([^"]+)"', text))
    assert listed == names - {"imsmanifest.xml"}


def test_the_cmi5_package_moves_on_at_the_pass_mark_in_every_language(site_pages, module_versions):
    versions = [module_versions[code] for code in ("et", "en", "fr")]
    package = build_package(versions, CMI5)
    archive = open_zip(package.content)
    names = set(archive.namelist())
    assert {"cmi5.xml", "index.html", "en/index.html", "et/index.html", "fr/index.html"} <= names
    assert {"assets/cmi5.js", "assets/chooser.js"} <= names and "assets/scorm12.js" not in names
    assert_self_contained(archive)

    structure = archive.read("cmi5.xml")
    cmi5_schema().validate(io.BytesIO(structure))
    text = structure.decode()
    assert 'moveOn="CompletedAndPassed"' in text and 'masteryScore="0.70"' in text
    assert "<url>index.html</url>" in text
    for code in ("en", "et", "fr"):
        assert f'<langstring lang="{code}">{module_versions[code].title}</langstring>' in text
        lesson = archive.read(f"{code}/index.html").decode()
        assert f'<html lang="{code}">' in lesson
        # Leaving a lesson ends the LMS session: it does not lead back to the choice.
        assert "../index.html" not in lesson
    chooser = archive.read("index.html").decode()
    # The version the editor started from leads; each language in its own name.
    assert '<html lang="et">' in chooser
    assert 'href="fr/index.html" hreflang="fr" lang="fr" data-keep-launch>Français' in chooser


def test_a_module_without_a_quiz_completes_when_read(site_pages):
    _home, index = site_pages
    module = make_module(index, "Reading only", quiz=[])
    for package_format, manifest in ((SCORM12, "imsmanifest.xml"), (CMI5, "cmi5.xml")):
        archive = open_zip(build_package([module], package_format).content)
        lesson = archive.read("en/index.html").decode()
        assert 'id="mark-completed"' in lesson and 'package-quiz" novalidate' not in lesson
        text = archive.read(manifest).decode()
        assert "masteryscore" not in text.lower()
    assert 'moveOn="Completed"' in text
    cmi5_schema().validate(io.StringIO(text))
