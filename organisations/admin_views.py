"""What a manager does with one organisation in the admin: review it, invite its administrator, enrol it.

Each view takes the organisation from the manager's own regions
(`organisations_for_manager`), so an id from another region is a 404; every
change is a POST.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from learning.models import MembershipRole, Organisation
from learning.statistics.scope import can_view_statistics

from .access import organisations_for_manager
from .forms.registration import (
    EnrolmentForm,
    InviteAdministratorForm,
    ReviewForm,
    programme_choices,
)
from .models import Enrolment, Invitation
from .registration import (
    APPROVABLE,
    REJECTABLE,
    approve,
    invite_administrator,
    registry_code_holder,
    reject,
)


def can_manage_organisations(user) -> bool:
    """Staff who see some regions' statistics, and superusers (who see them all)."""
    return user.is_authenticated and user.is_active and can_view_statistics(user)


class OrganisationMixin:
    """Finds the organisation in the manager's regions before anything else happens."""

    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_organisations(request.user):
            raise PermissionDenied
        self.organisation = get_object_or_404(
            organisations_for_manager(request.user).select_related(
                "region", "subregion", "sector", "reviewed_by"
            ),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.organisation.name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("organisations_admin:index"), "label": _("Organisations")},
            {
                "url": reverse("organisations_admin:edit", args=[self.organisation.pk]),
                "label": self.organisation.name,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = self.organisation
        return context


class ReviewView(OrganisationMixin, WagtailAdminTemplateMixin, FormView):
    """Approve a registration (or a legacy organisation) or reject it with a note."""

    template_name = "organisations/admin/review.html"
    form_class = ReviewForm
    page_title = gettext_lazy("Review")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        status = self.organisation.status
        choices = [
            (value, label)
            for value, label in form.fields["decision"].choices
            if (value == "approve" and status in APPROVABLE)
            or (value == "reject" and status in REJECTABLE)
        ]
        form.fields["decision"].choices = choices
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.organisation
        context["reviewable"] = organisation.status in APPROVABLE | REJECTABLE
        context["administrators"] = organisation.learners.filter(
            organisation_role=MembershipRole.ADMINISTRATOR
        ).select_related("user")
        context["members_count"] = organisation.learners.count()
        return context

    def post(self, request, *args, **kwargs):
        if self.organisation.status not in APPROVABLE | REJECTABLE:
            messages.error(request, _("This organisation is approved already."))
            return self.render_to_response(self.get_context_data(), status=400)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        organisation = self.organisation
        note = form.cleaned_data["note"].strip()
        if form.cleaned_data["decision"] == "approve":
            holder = registry_code_holder(
                organisation.registry_code, organisation.region, exclude_pk=organisation.pk
            )
            if holder is not None and holder.is_verified:
                form.add_error(
                    None,
                    _(
                        "%(name)s, approved already, has the same registry code. "
                        "Correct the code or reject this registration."
                    )
                    % {"name": holder.name},
                )
                return self.form_invalid(form)
            done = approve(organisation, self.request.user, note, request=self.request)
            message = _("'%(name)s' is approved. Its contact person has been told.")
        else:
            done = reject(organisation, self.request.user, note, request=self.request)
            message = _("'%(name)s' is rejected. Its contact person has been told why.")
        if not done:
            messages.error(
                self.request, _("Someone else reviewed this organisation in the meantime.")
            )
        else:
            messages.success(self.request, message % {"name": organisation.name})
        return HttpResponseRedirect(reverse("organisations_admin:index"))


def invitations_today(organisation: Organisation) -> int:
    since = timezone.now() - timedelta(days=1)
    return Invitation.objects.filter(organisation=organisation, last_sent_at__gte=since).count()


class InviteAdministratorView(OrganisationMixin, WagtailAdminTemplateMixin, FormView):
    """Invite someone by e-mail to administer a verified organisation."""

    template_name = "organisations/admin/invite_administrator.html"
    form_class = InviteAdministratorForm
    page_title = gettext_lazy("Invite an administrator")

    def get_initial(self):
        return {"language": self.organisation.language}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.organisation}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["open_invitations"] = (
            Invitation.objects.pending()
            .filter(organisation=self.organisation, role=MembershipRole.ADMINISTRATOR)
            .order_by("-last_sent_at")
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.organisation.is_verified:
            messages.error(
                request, _("Approve the organisation before inviting its administrator.")
            )
            return self.render_to_response(self.get_context_data(), status=400)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        if invitations_today(self.organisation) >= settings.INVITATIONS_PER_ORGANISATION_PER_DAY:
            form.add_error(
                None, _("This organisation has sent as many invitations as a day allows.")
            )
            return self.form_invalid(form)
        invitation = invite_administrator(
            self.organisation,
            form.cleaned_data["email"],
            form.cleaned_data["language"],
            self.request.user,
            request=self.request,
        )
        messages.success(
            self.request,
            _("Invitation sent to %(email)s. It is valid for %(days)s days.")
            % {"email": invitation.email, "days": settings.INVITATION_VALID_DAYS},
        )
        return HttpResponseRedirect(
            reverse("organisations_admin:invite_administrator", args=[self.organisation.pk])
        )


class EnrolmentsView(OrganisationMixin, WagtailAdminTemplateMixin, FormView):
    """The programmes the organisation takes part in, with their due dates."""

    template_name = "organisations/admin/enrolments.html"
    form_class = EnrolmentForm
    page_title = gettext_lazy("Enrolments")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "language": translation.get_language()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        titles = dict(programme_choices(translation.get_language()))
        enrolments = list(
            Enrolment.objects.filter(organisation=self.organisation).order_by(
                "due_date", "enrolled_at"
            )
        )
        for enrolment in enrolments:
            enrolment.programme_title = titles.get(str(enrolment.programme_key))
        context["enrolments"] = enrolments
        return context

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        key = uuid.UUID(form.cleaned_data["programme"])
        due_date = form.cleaned_data["due_date"]
        title = dict(form.fields["programme"].choices)[form.cleaned_data["programme"]]
        with transaction.atomic():
            enrolment, created = Enrolment.objects.select_for_update().get_or_create(
                organisation=self.organisation,
                programme_key=key,
                defaults={"due_date": due_date, "enrolled_by": self.request.user},
            )
            if not created:
                enrolment.due_date = due_date
                enrolment.save(update_fields=["due_date"])
        if created:
            messages.success(self.request, _("Enrolled in '%(title)s'.") % {"title": title})
        else:
            messages.success(
                self.request, _("The due date of '%(title)s' is updated.") % {"title": title}
            )
        return HttpResponseRedirect(
            reverse("organisations_admin:enrolments", args=[self.organisation.pk])
        )


class RemoveEnrolmentView(OrganisationMixin, View):
    """End an enrolment; the learners' progress and certificates stay."""

    http_method_names = ["post"]

    def post(self, request, pk, enrolment_pk):
        enrolment = get_object_or_404(Enrolment, pk=enrolment_pk, organisation=self.organisation)
        enrolment.delete()
        messages.success(request, _("The enrolment is removed."))
        return HttpResponseRedirect(reverse("organisations_admin:enrolments", args=[pk]))
