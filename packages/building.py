"""A module page as a SCORM 1.2 or cmi5 package: a zip an LMS imports and runs offline.

Each language is one static page (`<language>/index.html`): the lesson as the
site renders it, the quiz, and the answer key the runtime grades against in
the learner's browser. Every reference in it is relative: uploaded images are
copied into `media/`, the stylesheet and scripts into `assets/`, links to our
own pages are reduced to their text and videos to a link and transcript, so
nothing is loaded from the site inside the LMS. Several languages share one
SCO (or AU): `index.html` lets the learner choose, and only the lesson page
talks to the LMS. A lesson does not link back to the choice: leaving it ends
the LMS session, which neither SCORM 1.2 nor cmi5 lets a page start again.
"""

from __future__ import annotations

import html
import io
import re
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from modules.models import ModulePage
from modules.quiz import Quiz, form_questions, quiz_from_stream

SCORM12 = "scorm12"
CMI5 = "cmi5"
# The format's name is a proper name, the same in every language.
FORMATS = {SCORM12: "SCORM 1.2", CMI5: "cmi5"}

RUNTIME = Path(__file__).resolve().parent / "runtime"
RUNTIME_SCRIPTS = {SCORM12: "scorm12.js", CMI5: "cmi5.js"}
# A title longer than this fails the IMS content packaging schema.
SCORM_TITLE_LENGTH = 200

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
CMI5_NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"

# Attributes that load or link something; rendered templates quote them with ".
REFERENCE = re.compile(r'\b(src|srcset|href|poster)="([^"]*)"')
# A link to one of our own pages (rich text page and document links): the
# text stays, the link goes, since the site is not there inside the LMS.
SITE_LINK = re.compile(r'<a\b[^>]*\bhref="/[^"]*"[^>]*>(.*?)</a>', re.DOTALL)


@dataclass(frozen=True)
class Package:
    filename: str
    content: bytes


def language_name(code: str) -> str:
    """A language as its speakers write it (the site's language menu does the same)."""
    return dict(settings.LANGUAGES).get(code, code)


def answer_key(quiz: Quiz, pass_mark: int) -> dict:
    """What the runtime needs to grade and explain, in quiz order."""
    return {
        "passMark": pass_mark,
        "questions": [
            {
                "id": question.id,
                "correct": sorted(question.correct_ids),
                "feedback": {c.id: c.feedback for c in question.choices if c.feedback},
                "explanation": question.explanation,
            }
            for question in quiz.questions
        ],
    }


def runtime_messages(pass_mark: int) -> dict[str, str]:
    """The runtime's sentences in the active language; %(score)s is filled in by the script."""
    return {
        "right": gettext("Right."),
        "wrong": gettext("Not quite."),
        # The script puts the score in place of {score}.
        "score": gettext("Your score: %(score)s %%") % {"score": "{score}"},
        "passed": gettext("You passed."),
        "failed": gettext(
            "You need %(pass_mark)s %% to pass. Read the lesson again and try once more."
        )
        % {"pass_mark": pass_mark},
        "retry": gettext("Try again"),
        "missing": gettext("Answer every question before you submit."),
        "unanswered": gettext("Answer this question."),
        "completed": gettext("Marked as completed."),
        "offline": gettext(
            "Your learning platform could not be reached, so this result is not recorded."
        ),
    }


def _localise_media(page_html: str, prefix: str, media: set[str]) -> str:
    """Point uploaded files at the package's copies and drop links to our site."""
    page_html = SITE_LINK.sub(r"\1", page_html)

    def local(url: str) -> str:
        raw = html.unescape(url)
        if raw.startswith(settings.MEDIA_URL):
            name = unquote(raw[len(settings.MEDIA_URL) :])
            media.add(name)
            return html.escape(f"{prefix}media/{name}")
        return url

    def replace(match: re.Match) -> str:
        attribute, value = match.groups()
        if attribute == "srcset":
            parts = []
            for candidate in value.split(","):
                url, _space, descriptor = candidate.strip().partition(" ")
                parts.append(f"{local(url)} {descriptor}".strip())
            value = ", ".join(parts)
        else:
            value = local(value)
        return f'{attribute}="{value}"'

    return REFERENCE.sub(replace, page_html)


def _lesson_html(
    page: ModulePage, package_format: str, languages: list[str], media: set[str]
) -> str:
    with translation.override(page.locale.language_code):
        quiz = quiz_from_stream(page.quiz)
        data = {
            "format": package_format,
            "language": page.locale.language_code,
            "key": answer_key(quiz, page.pass_mark),
            "messages": runtime_messages(page.pass_mark),
        }
        rendered = render_to_string(
            "packages/package/lesson.html",
            {
                "page": page,
                "quiz_questions": form_questions(quiz),
                "question_count": len(quiz),
                "package_data": data,
                "runtime_script": RUNTIME_SCRIPTS[package_format],
            },
        )
    return _localise_media(rendered, "../", media)


def _chooser_html(pages: list[ModulePage], package_format: str) -> str:
    with translation.override(pages[0].locale.language_code):
        return render_to_string(
            "packages/package/chooser.html",
            {
                "title": pages[0].title,
                "versions": [
                    {
                        "code": page.locale.language_code,
                        "name": language_name(page.locale.language_code),
                        "title": page.title,
                    }
                    for page in pages
                ],
            },
        )


def _identifier(page: ModulePage, languages: list[str], what: str) -> uuid.UUID:
    """Stable for the same module and languages, so a re-imported package
    updates the LMS's course instead of adding a second one."""
    return uuid.uuid5(page.translation_key, f"{what} {','.join(languages)}")


def scorm12_manifest(pages: list[ModulePage], launch: str, files: list[str]) -> bytes:
    """imsmanifest.xml: one organisation with one SCO, its mastery score the pass mark."""
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("xsi", XSI)
    languages = [page.locale.language_code for page in pages]
    first = pages[0]
    manifest = ET.Element(
        f"{{{IMSCP}}}manifest",
        {
            "identifier": f"cyberaware-{_identifier(first, languages, 'scorm12 manifest')}",
            "version": "1.0",
            f"{{{XSI}}}schemaLocation": (
                f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd "
                f"{ADLCP} adlcp_rootv1p2.xsd"
            ),
        },
    )
    metadata = ET.SubElement(manifest, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(manifest, f"{{{IMSCP}}}organizations", {"default": "module"})
    organization = ET.SubElement(
        organizations, f"{{{IMSCP}}}organization", {"identifier": "module"}
    )
    title = first.title[:SCORM_TITLE_LENGTH]
    ET.SubElement(organization, f"{{{IMSCP}}}title").text = title
    item = ET.SubElement(
        organization,
        f"{{{IMSCP}}}item",
        {"identifier": "lesson", "identifierref": "lesson-resource", "isvisible": "true"},
    )
    ET.SubElement(item, f"{{{IMSCP}}}title").text = title
    if first.has_quiz:
        ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(first.pass_mark)
    resources = ET.SubElement(manifest, f"{{{IMSCP}}}resources")
    resource = ET.SubElement(
        resources,
        f"{{{IMSCP}}}resource",
        {
            "identifier": "lesson-resource",
            "type": "webcontent",
            f"{{{ADLCP}}}scormtype": "sco",
            "href": launch,
        },
    )
    for name in files:
        ET.SubElement(resource, f"{{{IMSCP}}}file", {"href": name})
    return _xml_bytes(manifest)


def cmi5_course_structure(pages: list[ModulePage], launch: str) -> bytes:
    """cmi5.xml: one course with one AU; moving on needs the quiz passed at the pass mark."""
    ET.register_namespace("", CMI5_NS)
    languages = [page.locale.language_code for page in pages]
    first = pages[0]
    structure = ET.Element(f"{{{CMI5_NS}}}courseStructure")
    course = ET.SubElement(
        structure,
        f"{{{CMI5_NS}}}course",
        {"id": f"urn:uuid:{_identifier(first, languages, 'cmi5 course')}"},
    )
    _langstrings(course, "title", pages, lambda page: page.title)
    _langstrings(course, "description", pages, lambda page: page.summary)
    attributes = {
        "id": f"urn:uuid:{_identifier(first, languages, 'cmi5 au')}",
        "launchMethod": "AnyWindow",
    }
    if first.has_quiz:
        attributes["moveOn"] = "CompletedAndPassed"
        attributes["masteryScore"] = f"{first.pass_mark / 100:.2f}"
    else:
        attributes["moveOn"] = "Completed"
    au = ET.SubElement(structure, f"{{{CMI5_NS}}}au", attributes)
    _langstrings(au, "title", pages, lambda page: page.title)
    _langstrings(au, "description", pages, lambda page: page.summary)
    ET.SubElement(au, f"{{{CMI5_NS}}}url").text = launch
    return _xml_bytes(structure)


def _langstrings(parent: ET.Element, name: str, pages: list[ModulePage], text) -> None:
    element = ET.SubElement(parent, f"{{{CMI5_NS}}}{name}")
    for page in pages:
        ET.SubElement(
            element, f"{{{CMI5_NS}}}langstring", {"lang": page.locale.language_code}
        ).text = text(page)


def _xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _asset(name: str) -> bytes:
    return (RUNTIME / name).read_bytes()


def _site_css() -> bytes:
    path = finders.find("css/site.css")
    return Path(path).read_bytes()


def build_package(pages: list[ModulePage], package_format: str) -> Package:
    """The zip for these language versions of one module (the first names the package)."""
    if package_format not in FORMATS:
        raise ValueError(f"Unknown package format {package_format!r}")
    languages = [page.locale.language_code for page in pages]
    media: set[str] = set()
    files: dict[str, bytes] = {}
    for page in pages:
        lesson = _lesson_html(page, package_format, languages, media)
        files[f"{page.locale.language_code}/index.html"] = lesson.encode()
    if len(pages) > 1:
        launch = "index.html"
        files[launch] = _chooser_html(pages, package_format).encode()
    else:
        launch = f"{languages[0]}/index.html"
    files["assets/site.css"] = _site_css()
    assets = ["package.css", "quiz.js", RUNTIME_SCRIPTS[package_format]]
    if len(pages) > 1:
        assets.append("chooser.js")
    for name in assets:
        files[f"assets/{name}"] = _asset(name)
    for name in sorted(media):
        with default_storage.open(name) as uploaded:
            files[f"media/{name}"] = uploaded.read()

    if package_format == SCORM12:
        manifest_name = "imsmanifest.xml"
        manifest = scorm12_manifest(pages, launch, sorted(files))
    else:
        manifest_name = "cmi5.xml"
        manifest = cmi5_course_structure(pages, launch)

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(manifest_name, manifest)
        for name in sorted(files):
            archive.writestr(name, files[name])
    filename = f"{pages[0].slug}-{'-'.join(languages)}-{package_format}.zip"
    return Package(filename=filename, content=buffer.getvalue())
