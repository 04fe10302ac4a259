"""The demo content, read from the data files in demo/data/.

English sources are YAML: `sectors.yaml`, `regions.yaml`, `subregions.yaml`,
`topics.yaml` (names in every language: they are one row for all languages), `site.yaml`
(home page, module index and standalone surveys), `programmes.yaml`, one file per module in
`modules/` and one per knowledge check or survey in `measures/` (a programme names
its `knowledge_check` and `surveys`, the site its standalone `surveys`).
Page translations are PO files, `translations/<language>/<English slug>.po`,
in the form wagtail-localize exports and imports them.
"""

from __future__ import annotations

from pathlib import Path

import polib
import yaml
from django.conf import settings

DATA = Path(__file__).resolve().parent / "data"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(relative: str):
    path = DATA / relative
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)  # noqa: S506 - a safe loader


def sectors() -> list[dict]:
    """Sectors in display order: `slug` and `names` by language code."""
    return _load("sectors.yaml")


def topics() -> list[dict]:
    """Topics modules are tagged with: `slug` and `names` by language code."""
    return _load("topics.yaml")


def regions() -> list[dict]:
    """Regions: `code`, `country`, `default_language`, `names`, and a privacy `contact`."""
    return _load("regions.yaml")


def subregions() -> list[dict]:
    """Sub-regions of the demo regions: `code` (ISO 3166-2), `region` (its region's
    code) and `names` by language code."""
    return _load("subregions.yaml")


def site() -> dict:
    """English texts of the home page (`home`) and the module index (`module_index`),
    and the slugs of the demo modules (`modules`) in the order they are created."""
    return _load("site.yaml")


def programmes() -> list[dict]:
    """Programmes in English with the regions, sectors and module slugs they list."""
    return _load("programmes.yaml")


def organisations() -> dict:
    """Estonian SMEs: `approved` ones with enrolments, invitations and people at every
    stage of the water programme, and `pending` registrations."""
    return _load("organisations.yaml")


def modules() -> list[dict]:
    """Each demo module in English: metadata, `body` (lesson blocks) and `quiz`."""
    found = []
    for slug in site()["modules"]:
        module = _load(f"modules/{slug}.yaml")
        if module.get("slug") != slug:
            raise ValueError(f"demo/data/modules/{slug}.yaml must have `slug: {slug}`.")
        found.append(module)
    return found


def measure(slug: str) -> dict:
    """A knowledge check or survey page in English (`measures/<slug>.yaml`)."""
    page = _load(f"measures/{slug}.yaml")
    if page.get("slug") != slug:
        raise ValueError(f"demo/data/measures/{slug}.yaml must have `slug: {slug}`.")
    return page


def measure_slugs() -> list[str]:
    """Every knowledge check and survey the programmes and the site name, in seeding order."""
    slugs = []
    for programme in programmes():
        if programme.get("knowledge_check"):
            slugs.append(programme["knowledge_check"])
        slugs.extend(programme.get("surveys", []))
    slugs.extend(site().get("surveys", []))
    return slugs


def translation(language: str, slug: str) -> polib.POFile | None:
    """The PO file translating the page with this English slug, if there is one."""
    path = DATA / "translations" / language / f"{slug}.po"
    return polib.pofile(str(path)) if path.exists() else None


def languages(slug: str) -> list[str]:
    """English, then each language with a translation of this page, in the site's order."""
    return [
        code
        for code, _name in settings.LANGUAGES
        if code == "en" or (DATA / "translations" / code / f"{slug}.po").exists()
    ]


def translated_text(language: str, slug: str, path: str) -> str:
    """One translated text of a page, by its path in the page (`title`, `intro` ...)."""
    po = translation(language, slug)
    entry = next((e for e in po or () if e.msgctxt == path), None)
    if entry is None:
        raise KeyError(f"No {language} text for {path} of {slug}")
    return entry.msgstr
