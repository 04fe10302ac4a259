"""The demo data files agree with each other, so seed_demo builds every page they describe."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

from demo import content
from demo.streams import lesson_stream, quiz_stream, survey_stream

TRANSLATIONS = content.DATA / "translations"


def page_slugs() -> set[str]:
    site = content.site()
    return {
        site["home"]["slug"],
        site["module_index"]["slug"],
        *(module["slug"] for module in content.modules()),
        *(programme["slug"] for programme in content.programmes()),
        *content.measure_slugs(),
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


def test_every_knowledge_check_and_survey_file_is_named_by_a_programme_or_the_site():
    files = {path.stem for path in (content.DATA / "measures").glob("*.yaml")}
    assert files == set(content.measure_slugs())
    assert len(content.measure_slugs()) == len(set(content.measure_slugs()))
    # Slugs name the PO files: no two demo pages may share one.
    slugs = [
        content.site()["home"]["slug"],
        content.site()["module_index"]["slug"],
        *content.site()["modules"],
        *(programme["slug"] for programme in content.programmes()),
        *content.measure_slugs(),
    ]
    assert len(slugs) == len(set(slugs))


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.mark.parametrize(
    "programme",
    [p for p in content.programmes() if p.get("knowledge_check")],
    ids=lambda programme: programme["slug"],
)
def test_a_knowledge_check_asks_what_the_programmes_quizzes_do_not(programme):
    check = content.measure(programme["knowledge_check"])
    pool = quiz_stream(check["slug"], check["questions"], "questions")
    assert 1 <= check["questions_per_check"] < len(pool)
    assert check["retention_weeks"] >= 1
    quiz_prompts = {
        _normal(question["value"].get("prompt") or question["value"]["statement"])
        for module in content.modules()
        if module["slug"] in programme["modules"]
        for question in quiz_stream(module["slug"], module["quiz"])
    }
    for question in pool:
        prompt = question["value"].get("prompt") or question["value"]["statement"]
        assert _normal(prompt) not in quiz_prompts, prompt
        if question["type"] == "true_false":
            continue
        correct = [c for c in question["value"]["choices"] if c["value"]["is_correct"]]
        if question["type"] == "single_choice":
            assert len(correct) == 1, prompt
        else:
            assert correct, prompt
    # Its block ids differ from every module's, and from those of a quiz of the same slug.
    module_ids = {
        question["id"]
        for module in content.modules()
        for question in quiz_stream(module["slug"], module["quiz"])
    }
    assert not module_ids & {question["id"] for question in pool}


def test_surveys_have_statements_choices_and_free_text_and_say_how_they_are_answered():
    for slug in content.measure_slugs():
        page = content.measure(slug)
        if "questions_per_check" in page:
            continue
        assert page["placement"] in {"", "before", "after"}, slug
        assert isinstance(page["anonymous"], bool), slug
        kinds = [block["type"] for block in survey_stream(slug, page["questions"])]
        assert {"likert", "free_text"} <= set(kinds), slug
        assert {"single_choice", "multiple_choice"} & set(kinds), slug
    standalone = content.site()["surveys"]
    assert all(content.measure(slug)["anonymous"] for slug in standalone)
    assert all(content.measure(slug)["placement"] == "" for slug in standalone)


def test_knowledge_checks_and_surveys_are_translated_into_every_language():
    languages = [code for code, _name in settings.LANGUAGES]
    for slug in content.measure_slugs():
        assert content.languages(slug) == languages, slug
