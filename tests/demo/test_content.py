"""The demo data files agree with each other, so seed_demo builds every page they describe."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

from demo import content
from demo.streams import lesson_stream, quiz_stream

TRANSLATIONS = content.DATA / "translations"


def page_slugs() -> set[str]:
    site = content.site()
    return {
        site["home"]["slug"],
        site["module_index"]["slug"],
        *(module["slug"] for module in content.modules()),
        *(programme["slug"] for programme in content.programmes()),
    }


def test_every_module_file_is_listed_on_the_site():
    files = {path.stem for path in (content.DATA / "modules").glob("*.yaml")}
    assert files == set(content.site()["modules"])


def test_programmes_and_modules_refer_to_what_the_demo_has():
    modules = set(content.site()["modules"])
    sectors = {sector["slug"] for sector in content.sectors()}
    regions = {region["code"] for region in content.regions()}
    for programme in content.programmes():
        assert set(programme["modules"]) <= modules, programme["slug"]
        assert set(programme["sectors"]) <= sectors, programme["slug"]
        assert set(programme["regions"]) <= regions, programme["slug"]
    topics = {topic["slug"] for topic in content.topics()}
    for module in content.modules():
        assert set(module["sectors"]) <= sectors, module["slug"]
        assert set(module["topics"]) <= topics, module["slug"]


def test_every_language_names_every_region_sector_and_topic():
    languages = {code for code, _name in settings.LANGUAGES}
    for item in [*content.regions(), *content.sectors(), *content.topics()]:
        assert set(item["names"]) == languages, item


@pytest.mark.parametrize("module", content.modules(), ids=lambda module: module["slug"])
def test_each_quiz_question_has_a_right_answer(module):
    lesson_stream(module["slug"], module["body"])
    for question in quiz_stream(module["slug"], module["quiz"]):
        if question["type"] == "true_false":
            continue
        correct = [c for c in question["value"]["choices"] if c["value"]["is_correct"]]
        if question["type"] == "single_choice":
            assert len(correct) == 1, question["value"]["prompt"]
        else:
            assert correct, question["value"]["prompt"]


@pytest.mark.parametrize(
    "path", sorted(TRANSLATIONS.glob("*/*.po")), ids=lambda path: f"{path.parent.name}/{path.name}"
)
def test_each_po_file_translates_a_demo_page_completely(path: Path):
    assert path.parent.name in {code for code, _name in settings.LANGUAGES} - {"en"}
    assert path.stem in page_slugs()
    po = polib.pofile(str(path))
    assert len(po) > 0
    assert [entry.msgctxt for entry in po.untranslated_entries()] == []
    assert [entry.msgctxt for entry in po.fuzzy_entries()] == []


def test_multiple_choice_prompts_leave_the_hint_to_the_quiz_form():
    """The form says "Select all that apply." under every multiple-choice question,
    in the page's language: a prompt repeating it would show the hint twice."""
    prompts = [
        block["multiple_choice"]["prompt"]
        for module in content.modules()
        for block in module["quiz"]
        if "multiple_choice" in block
    ]
    assert prompts
    translated = 0
    for prompt in prompts:
        assert not prompt.rstrip().endswith(")"), prompt
        for language in ("et", "fr", "it", "sk", "sl", "es"):
            for module in content.modules():
                po = content.translation(language, module["slug"])
                entry = po.find(prompt.strip()) if po else None
                if entry is not None:
                    translated += 1
                    assert not entry.msgstr.rstrip().endswith(")"), (language, entry.msgstr)
    assert translated == 6 * len(prompts)
