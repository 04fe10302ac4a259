"""wagtail-localize's submit and sync views, limited to the languages a user may write.

The library's views act on every language once the user holds
`submit_translation`; these subclasses offer, accept and touch only what
`modules.localize_permissions` allows, and refuse with a page that says why.
`modules.localize_guard` routes wagtail-localize's URLs to them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from wagtail.admin import messages
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .localize_permissions import (
    may_submit_translations,
    submission_scope,
    subtree_refusals,
    sync_scope,
    target_instance,
)


def refused(
    request: HttpRequest, message: str, details: Iterable[str] = (), *, as_json: bool = False
) -> HttpResponse:
    """A 403 answer that says why, in the admin's look (or as JSON for the editor's API calls)."""
    details = list(details)
    if as_json:
        return JsonResponse({"detail": " ".join([message, *details])}, status=403)
    return TemplateResponse(
        request,
        "modules/localize/refused.html",
        {
            "page_title": gettext("Permission denied"),
            "header_icon": "warning",
            "message": message,
            "details": details,
        },
        status=403,
    )


def language_list(locales: Iterable[Locale]) -> str:
    return ", ".join(locale.get_display_name() for locale in locales)


# --- submitting for translation -------------------------------------------------


class ScopedSubmitMixin:
    """Offer and accept only the languages `submission_scope` allows."""

    template_name = "modules/localize/submit_translation.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_submit_translations(request.user):
            return refused(request, gettext("You may not submit content for translation."))
        self.object = self.get_object()
        self.scope = submission_scope(request.user, self.object)
        title = self.get_subtitle()
        if not self.scope.allowed and self.scope.refused:
            return refused(
                request,
                gettext("You may not translate “%(title)s” into any other language.")
                % {"title": title},
                [refusal.message for refusal in self.scope.refused],
            )
        if request.method == "POST":
            response = self.refuse_languages_outside_scope(request, title)
            if response is not None:
                return response
        return super().dispatch(request, *args, **kwargs)

    def refuse_languages_outside_scope(self, request, title: str) -> HttpResponse | None:
        requested = {value for value in request.POST.getlist("locales") if value.isdigit()}
        outside = Locale.objects.filter(pk__in=requested).exclude(pk__in=self.scope.allowed_ids)
        if outside:
            return refused(
                request,
                gettext(
                    "You may not translate “%(title)s” into %(languages)s. Nothing was submitted."
                )
                % {"title": title, "languages": language_list(outside)},
            )
        if isinstance(self.object, Page) and request.POST.get("include_subtree"):
            chosen = [locale for locale in self.scope.allowed if str(locale.pk) in requested]
            refusals = subtree_refusals(request.user, self.object, chosen)
            if refusals:
                return refused(
                    request,
                    gettext(
                        "You may not translate every page below “%(title)s” into the languages "
                        "chosen. Nothing was submitted."
                    )
                    % {"title": title},
                    [refusal.message for refusal in refusals],
                )
        return None

    def post(self, request, **kwargs):
        response = super().post(request, **kwargs)
        if response.status_code == 200:  # the form again, with what to correct
            response.status_code = 400
        return response

    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset.filter(pk__in=self.scope.allowed_ids)
        if len(self.scope.allowed) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        return form

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "refused": self.scope.refused}

    @transaction.atomic
    def form_valid(self, form):
        include_subtree = isinstance(self.object, Page) and form.cleaned_data["include_subtree"]
        # wagtail-localize would also re-save descendants that are translated
        # already, overwriting their live content; ours leaves them alone.
        form.cleaned_data["include_subtree"] = False
        response = super().form_valid(form)
        if include_subtree:
            translate_untranslated_descendants(
                self.object, list(form.cleaned_data["locales"]), self.components, self.request.user
            )
        return response


class ScopedSubmitPageTranslationView(ScopedSubmitMixin, SubmitPageTranslationView):
    pass


class ScopedSubmitSnippetTranslationView(ScopedSubmitMixin, SubmitSnippetTranslationView):
    pass


def translate_untranslated_descendants(page: Page, locales: list[Locale], components, user) -> None:
    """Create the translations of `page`'s descendants that do not exist yet.

    Parents come before their children (path order), so each new translation
    finds its parent's. A descendant already translated into a locale is left
    as it is: it has its own sync.
    """
    creator = TranslationCreator(user, locales)
    for descendant in page.get_descendants().order_by("path").specific():
        translated = set(
            descendant.get_translations()
            .filter(alias_of__isnull=True, locale__in=locales)
            .values_list("locale_id", flat=True)
        )
        creator.target_locales = [locale for locale in locales if locale.pk not in translated]
        if creator.target_locales:
            creator.create_translations(descendant)
    if components is not None:
        components.save(creator, sources_and_translations=creator.mappings)


# --- syncing translations ---------------------------------------------------------


class ScopedUpdateTranslationsView(UpdateTranslationsView):
    """Sync only the translations the user may edit; publish only where they may publish."""

    template_name = "modules/localize/update_translations.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_submit_translations(request.user):
            return refused(request, gettext("You may not sync translations."))
        self.object = self.get_object()
        self.scope = sync_scope(request.user, self.object)
        if not self.scope.editable:
            return refused(
                request,
                gettext(
                    "You may not edit any translation of “%(title)s”, so there is nothing "
                    "you may sync."
                )
                % {"title": self.object.object_repr},
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        if not self.scope.publishable:
            del form.fields["publish_translations"]
        return form

    def get_context_data(self, **kwargs):
        # Not wagtail-localize's version, which lists every language.
        context = super(UpdateTranslationsView, self).get_context_data(**kwargs)
        unpublishable = [t for t in self.scope.editable if t not in self.scope.publishable]
        context.update(
            translations=[
                {
                    "title": str(target),
                    "locale": translation.target_locale,
                    "edit_url": self.get_edit_url(target),
                }
                for translation in self.scope.editable
                if (target := target_instance(translation)) is not None
            ],
            last_sync_date=self.object.last_updated_at,
            form=self.get_form(),
            next_url=self.get_success_url(),
            back_url=self.get_success_url() or self.get_default_success_url(),
            components=self.components,
            left_out=language_list(t.target_locale for t in self.scope.left_out),
            not_published=language_list(t.target_locale for t in unpublishable),
        )
        return context

    @transaction.atomic
    def form_valid(self, form):
        user = self.request.user
        # Reads the source again; the shared copy of its text changes, no
        # translation does.
        self.object.update_from_db()
        if form.cleaned_data.get("use_machine_translation"):
            machine_translator = get_machine_translator()
            for translation in self.scope.editable:
                apply_machine_translation(translation.id, user, machine_translator)
        publish = form.cleaned_data.get("publish_translations", False)
        # Where the user may not publish, the new text only waits in the
        # translation editor: neither the page nor its view restrictions
        # (Wagtail lets publishers alone set those) change.
        for translation in self.scope.publishable:
            with contextlib.suppress(ValidationError):
                if publish:
                    translation.save_target(user=user, publish=True)
                else:
                    translation.source.update_target_view_restrictions(translation.target_locale)
        self.components.save(
            self.object, sources_and_translations={self.object: self.scope.editable}
        )
        messages.success(self.request, self.get_success_message())
        if self.scope.left_out:
            messages.warning(
                self.request,
                gettext("Not synced, as you may not edit them: %(languages)s.")
                % {"languages": language_list(t.target_locale for t in self.scope.left_out)},
            )
        return redirect(self.get_success_url() or self.get_default_success_url())
