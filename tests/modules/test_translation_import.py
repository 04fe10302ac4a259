"""A translation imported from a PO file is an ordinary wagtail-localize translation."""

import uuid

import polib
import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from modules.models import ModulePage
from modules.translation import TranslationMismatch, import_po
from tests.factories import make_module, run_on_commit


def estonian_po(source: ModulePage) -> polib.POFile:
    """The source's texts as the admin's "Download PO file" gives them, translated."""
    translation_source, _created = TranslationSource.update_or_create_from_instance(source)
    po = translation_source.export_po()
    # A file downloaded from another database names that database's translation.
    po.metadata["X-WagtailLocalize-TranslationID"] = str(uuid.uuid4())
    for entry in po:
        entry.msgstr = f"{entry.msgid}-et" if entry.msgctxt == "slug" else f"ET {entry.msgid}"
    return po


def identities(module: ModulePage):
    return [
        (q.id, [(c.id, c.is_correct) for c in q.choices]) for q in module.quiz_definition.questions
    ]


def test_a_po_file_becomes_a_live_synced_translation(site_pages):
    _home, index = site_pages
    source = make_module(index, "Fake invoices")
    estonian = Locale.objects.get(language_code="et")

    target = run_on_commit(import_po, source, estonian_po(source), estonian)

    target = ModulePage.objects.get(pk=target.pk)
    assert target.live and target.locale == estonian
    assert target.translation_key == source.translation_key
    assert target.title == "ET Fake invoices"
    assert target.slug == "fake-invoices-et"
    assert [q.prompt for q in target.quiz_definition.questions] == [
        f"ET {q.prompt}" for q in source.quiz_definition.questions
    ]
    # Same questions and choices, same correct answers, in both languages.
    assert identities(target) == identities(source)
    # Editors continue in the admin's translation editor: every text is there.
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=estonian
    )
    assert translation.enabled
    total, translated = translation.get_progress()
    assert total == translated > 0
    assert not StringTranslation.objects.filter(locale=estonian).exclude(translation_type="manual")


@pytest.mark.parametrize("fault", ["missing text", "source text changed"])
def test_a_po_file_that_does_not_match_the_source_changes_nothing(site_pages, fault):
    _home, index = site_pages
    source = make_module(index, "Fake invoices")
    estonian = Locale.objects.get(language_code="et")
    po = estonian_po(source)
    summary = next(entry for entry in po if entry.msgctxt == "summary")
    if fault == "missing text":
        po.remove(summary)
    else:
        summary.msgid = "A summary the module no longer has."

    expected = "no translation for summary" if fault == "missing text" else "summary: the source"
    with pytest.raises(TranslationMismatch, match=expected):
        run_on_commit(import_po, source, po, estonian)

    assert source.get_translation_or_none(estonian) is None
    assert not Translation.objects.filter(target_locale=estonian).exists()
    assert not StringTranslation.objects.filter(locale=estonian).exists()
