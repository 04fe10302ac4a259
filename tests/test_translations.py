"""Every interface message is translated into the six partner languages."""

import re
from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ["et", "fr", "it", "sk", "sl", "es"]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def nplurals(po: polib.POFile) -> int:
    return int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete_and_not_fuzzy(language):
    po = catalogue(language)
    assert len(po) > 300
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert "fuzzy" not in po.metadata_as_entry().flags


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_and_placeholders_are_kept(language):
    po = catalogue(language)
    forms = nplurals(po)
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == forms, entry.msgid
            allowed = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
            for text in entry.msgstr_plural.values():
                assert text.strip(), entry.msgid
                assert set(PLACEHOLDER.findall(text)) <= allowed, (entry.msgid, text)
        else:
            assert set(PLACEHOLDER.findall(entry.msgstr)) == set(
                PLACEHOLDER.findall(entry.msgid)
            ), (
                entry.msgid,
                entry.msgstr,
            )
