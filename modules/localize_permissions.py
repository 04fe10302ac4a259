"""Who may do what through wagtail-localize, language by language.

wagtail-localize checks a single permission, `submit_translation`, before it
creates, syncs or publishes translations, whatever their language: anyone
holding it could publish every language's pages. The functions here decide
instead from Wagtail's own permissions on each page (or snippet) an action
would write to, in each target language: adding a page under the translated
parent, editing the translation, publishing it. `modules.localize_guard`
applies them to every wagtail-localize URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from django.db.models import Model
from django.utils.translation import gettext
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

SUBMIT_PERMISSION = "wagtail_localize.submit_translation"


def may_submit_translations(user) -> bool:
    """The permission wagtail-localize asks for; necessary, never sufficient."""
    return user.has_perm(SUBMIT_PERMISSION)


@dataclass(frozen=True)
class Access:
    can_edit: bool
    can_publish: bool


def access(user, instance: Model) -> Access:
    """What `user` may do to one page or snippet, by Wagtail's permission policies."""
    if isinstance(instance, Page):
        tester = instance.permissions_for_user(user)
        return Access(can_edit=tester.can_edit(), can_publish=tester.can_publish())
    policy = policy_registry.get_by_type(type(instance))
    can_edit = policy.user_has_permission_for_instance(user, "change", instance)
    if isinstance(instance, DraftStateMixin):
        can_publish = policy.user_has_permission_for_instance(user, "publish", instance)
    else:
        can_publish = can_edit  # saving a snippet without drafts is publishing it
    return Access(can_edit=can_edit, can_publish=can_publish)


def editable_locales(user) -> list[Locale]:
    """The locales in which `user` may add or edit pages: their languages.

    Wagtail page permissions reach a page and everything below it, so a
    permission on the root page reaches every locale, one on a language's home
    page only that language.
    """
    if not user.is_active:
        return []
    if user.is_superuser:
        return list(Locale.objects.all())
    permissions = [
        permission
        for permission in PagePermissionPolicy().get_cached_permissions_for_user(user)
        if permission.permission.codename in ("add_page", "change_page")
    ]
    if not permissions:
        return []  # most people in the admin (managers, organisation staff) edit no page
    locales = list(Locale.objects.all())
    if any(permission.page.depth == 1 for permission in permissions):
        return locales
    ids = {permission.page.locale_id for permission in permissions}
    return [locale for locale in locales if locale.pk in ids]


# --- submitting an object for translation ---------------------------------------


class Reason(Enum):
    MAY_NOT_ADD = "may_not_add"
    MAY_NOT_REPLACE_ALIAS = "may_not_replace_alias"
    PARENT_NOT_TRANSLATED = "parent_not_translated"


@dataclass(frozen=True)
class Refusal:
    """One language a submission may not write to, and why."""

    locale: Locale
    reason: Reason
    page: Page | None = None  # the page the refusal is about, when it is not the submitted one

    @property
    def message(self) -> str:
        language = self.locale.get_display_name()
        if self.reason is Reason.PARENT_NOT_TRANSLATED:
            return gettext(
                "%(language)s: the parent page is not translated into this language yet. "
                "Translate the parent page first."
            ) % {"language": language}
        if self.reason is Reason.MAY_NOT_REPLACE_ALIAS:
            if self.page is not None:
                return gettext(
                    "%(language)s: “%(title)s” is an alias of its source there; replacing it "
                    "with a translation takes permission to edit and to publish it."
                ) % {"language": language, "title": self.page.get_admin_display_title()}
            return gettext(
                "%(language)s: the page is an alias of its source there; replacing it with a "
                "translation takes permission to edit and to publish it."
            ) % {"language": language}
        if self.page is not None:
            return gettext(
                "%(language)s: you may not add pages below the translation of “%(title)s”."
            ) % {"language": language, "title": self.page.get_admin_display_title()}
        return gettext("%(language)s: you may not add pages in this language.") % {
            "language": language
        }


@dataclass
class SubmissionScope:
    """The languages an object may be submitted into, by this user, and the others."""

    allowed: list[Locale] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    @property
    def allowed_ids(self) -> set[int]:
        return {locale.pk for locale in self.allowed}


def untranslated_locales(instance: TranslatableMixin) -> list[Locale]:
    """The locales wagtail-localize offers to submit `instance` into.

    An alias page counts as untranslated: submitting turns it into a translation.
    """
    existing = instance.get_translations(inclusive=True)
    if isinstance(instance, Page):
        existing = existing.exclude(alias_of__isnull=False)
    return list(Locale.objects.exclude(id__in=existing.values_list("locale_id", flat=True)))


def submission_scope(user, instance: TranslatableMixin) -> SubmissionScope:
    """Split the untranslated locales of `instance` into those `user` may create it in and the rest.

    A page needs "add" permission on its parent's translation, or "edit" and
    "publish" on an alias it would replace (the alias is live, and the
    translation is written into it at once). A page whose parent is not
    translated yet is refused: wagtail-localize would create the parent as a
    live alias of the source, putting text in the source language online in
    that language. A snippet needs its model's "add" permission.
    """
    scope = SubmissionScope()
    for locale in untranslated_locales(instance):
        if isinstance(instance, Page):
            refusal = _page_refusal(user, instance, locale)
        else:
            policy = policy_registry.get_by_type(type(instance))
            may_add = policy.user_has_permission(user, "add")
            refusal = None if may_add else Refusal(locale, Reason.MAY_NOT_ADD)
        if refusal is None:
            scope.allowed.append(locale)
        else:
            scope.refused.append(refusal)
    return scope


def _page_refusal(user, page: Page, locale: Locale) -> Refusal | None:
    alias = page.get_translation_or_none(locale)  # only an alias can exist here
    parent = page.get_parent()
    if not parent.is_root():
        parent = parent.get_translation_or_none(locale)
    return page_refusal(user, locale, alias=alias, parent_translation=parent)


def page_refusal(
    user, locale: Locale, *, alias: Page | None, parent_translation: Page | None
) -> Refusal | None:
    """Why `user` may not create a page's translation in `locale`, or None if they may.

    `alias` is the page's alias in `locale`, if there is one; `parent_translation`
    the page its translation would be created under (the root page itself for a
    page just below it), or None if the parent is not translated yet. Split out
    of `submission_scope` so that a listing can load these for many pages at once.
    """
    if alias is not None:
        if may_replace_alias(user, alias):
            return None
        return Refusal(locale, Reason.MAY_NOT_REPLACE_ALIAS)
    if parent_translation is None:
        return Refusal(locale, Reason.PARENT_NOT_TRANSLATED)
    if parent_translation.permissions_for_user(user).can_add_subpage():
        return None
    return Refusal(locale, Reason.MAY_NOT_ADD)


def may_replace_alias(user, alias: Page) -> bool:
    """wagtail-localize writes a translation straight into the (live) alias it
    replaces, view restrictions included: that is publishing."""
    tester = alias.permissions_for_user(user)
    return tester.can_edit() and tester.can_publish()


def subtree_refusals(user, page: Page, locales: list[Locale]) -> list[Refusal]:
    """What a submission of `page` with its subtree into `locales` may not write.

    Descendants already translated into a locale are left as they are (see
    `modules.localize_views.translate_untranslated_descendants`); the others
    are created below their parent's translation, or replace an alias.
    """
    descendants = list(page.get_descendants().order_by("path"))
    if not descendants or not locales:
        return []
    by_path = {page.path: page, **{d.path: d for d in descendants}}
    keys = {d.translation_key for d in by_path.values()}
    translated = {
        (p.translation_key, p.locale_id): p
        for p in Page.objects.filter(translation_key__in=keys, locale__in=locales)
    }
    refusals = []
    for descendant in descendants:
        parent = by_path[descendant.path[: -Page.steplen]]
        for locale in locales:
            existing = translated.get((descendant.translation_key, locale.pk))
            if existing is not None and existing.alias_of_id is None:
                continue
            if existing is not None:
                if not may_replace_alias(user, existing):
                    refusals.append(Refusal(locale, Reason.MAY_NOT_REPLACE_ALIAS, descendant))
                continue
            parent_translation = translated.get((parent.translation_key, locale.pk))
            # A parent without a translation yet gets one from this same
            # submission, below a page already checked: permissions carry down.
            if parent_translation is not None and not (
                parent_translation.permissions_for_user(user).can_add_subpage()
            ):
                refusals.append(Refusal(locale, Reason.MAY_NOT_ADD, parent))
    return refusals


# --- syncing and editing existing translations ----------------------------------


def target_instance(translation: Translation) -> Model | None:
    """The translated page or snippet, or None if it no longer exists."""
    try:
        return translation.get_target_instance()
    except translation.source.specific_content_type.model_class().DoesNotExist:
        return None


def may_edit_translation(user, translation: Translation) -> bool:
    """Edit the strings of one translation: edit permission on its target page or snippet."""
    target = target_instance(translation)
    return target is not None and access(user, target).can_edit


@dataclass
class SyncScope:
    """The enabled translations of a source that a sync by this user may update."""

    editable: list[Translation] = field(default_factory=list)
    publishable: list[Translation] = field(default_factory=list)  # a subset of `editable`
    left_out: list[Translation] = field(default_factory=list)


def sync_scope(user, source: TranslationSource) -> SyncScope:
    scope = SyncScope()
    translations = source.translations.filter(enabled=True).select_related("target_locale")
    for translation in translations.order_by("target_locale__language_code"):
        target = target_instance(translation)
        rights = access(user, target) if target is not None else Access(False, False)
        if not rights.can_edit:
            scope.left_out.append(translation)
            continue
        scope.editable.append(translation)
        if rights.can_publish:
            scope.publishable.append(translation)
    return scope


def may_convert_to_alias(user, page: Page) -> bool:
    """Converting a translation back into an alias replaces its live content with the
    source's at once, so it takes publish permission as well as edit permission."""
    rights = access(user, page)
    return rights.can_edit and rights.can_publish


# --- the snippet chooser API ------------------------------------------------------


def is_translatable_snippet(model: type[Model]) -> bool:
    return model in get_snippet_models() and issubclass(model, TranslatableMixin)


def may_list_snippets(user, model: type[Model]) -> bool:
    """wagtail-localize's snippet API lists every object of a model, for its
    snippet chooser: only translatable snippet models, and only to people who
    may see that model in Wagtail's own snippet listing."""
    if not is_translatable_snippet(model):
        return False
    policy = policy_registry.get_by_type(model)
    return policy.user_has_any_permission(user, {"add", "change", "delete", "view"})
