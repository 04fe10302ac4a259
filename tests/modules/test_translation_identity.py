"""A question and its choices keep one identity in every language and across edits.

This is why the quiz is a StreamField (see docs/architecture.md): answers are
later counted per question over all languages, keyed by these ids.
"""

from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from modules.models import ModulePage
from tests.factories import make_module, run_on_commit, translate_page


def identities(module: ModulePage):
    return [
        (q.id, q.kind, [(c.id, c.is_correct) for c in q.choices])
        for q in module.quiz_definition.questions
    ]


def texts(module: ModulePage):
    return [[q.prompt] + [c.text for c in q.choices] for q in module.quiz_definition.questions]


def test_translated_module_keeps_question_and_choice_identity_through_edits(
    site_pages, admin_client
):
    _home, index = site_pages
    source = make_module(index)
    estonian = Locale.objects.get(language_code="et")

    # An editor requests the translation, machine-translates it and publishes it.
    translate_page(source, "et")
    translation = Translation.objects.get(source__object_id=source.translation_key)
    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.id]),
        {"next": "/admin/"},
    )
    assert response.status_code == 302
    run_on_commit(translation.save_target, publish=True)

    target = ModulePage.objects.get(translation_key=source.translation_key, locale=estonian)
    assert target.live
    assert identities(target) == identities(source)
    # The dummy machine translator reverses word order: the texts really were translated.
    assert texts(target) != texts(source)

    # Which answer is correct is never offered for translation.
    paths = StringSegment.objects.filter(source__object_id=source.translation_key).values_list(
        "context__path", flat=True
    )
    assert paths and not any("is_correct" in path or "is_true" in path for path in paths)

    # The source changes: the correct answer of the first question moves, a choice is
    # reworded, and a question is added. The editor syncs the translation.
    source = ModulePage.objects.get(pk=source.pk)
    first = source.quiz[0].value["choices"]
    first[0]["is_correct"], first[1]["is_correct"] = False, True
    first[2]["text"] = "billing@supplier.example.net"
    source.quiz.append(
        (
            "true_false",
            {
                "statement": "Backups should be tested.",
                "is_true": True,
                "explanation": "",
                "feedback_true": "",
                "feedback_false": "",
            },
        )
    )
    source.save_revision().publish()
    source = ModulePage.objects.get(pk=source.pk)

    TranslationSource.update_or_create_from_instance(source)
    translation.refresh_from_db()
    run_on_commit(translation.save_target, publish=True)

    target = ModulePage.objects.get(pk=target.pk)
    assert identities(target) == identities(source)
    assert len(target.quiz_definition) == 4
    single = target.quiz_definition.questions[0]
    assert [c.is_correct for c in single.choices] == [False, True, False]


def test_outside_translators_work_through_po_download_and_upload(site_pages, admin_client):
    import polib
    from django.core.files.uploadedfile import SimpleUploadedFile

    _home, index = site_pages
    source = make_module(index)
    target = translate_page(source, "et")
    translation = Translation.objects.get(source__object_id=source.translation_key)

    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert any(entry.msgid == "Which sender address is genuine?" for entry in po)
    assert not any("is_correct" in (entry.msgctxt or "") for entry in po)
    for entry in po:
        if entry.msgid == "Which sender address is genuine?":
            entry.msgstr = "Milline saatja aadress on ehtne?"
    upload = SimpleUploadedFile(
        "et.po", str(po).encode(), content_type="text/x-gettext-translation"
    )
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302
    run_on_commit(translation.save_target, publish=True)
    target = ModulePage.objects.get(pk=target.pk)
    assert target.quiz_definition.questions[0].prompt == "Milline saatja aadress on ehtne?"
    assert identities(target) == identities(source)
