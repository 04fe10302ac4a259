"""Registering an organisation on the public site, and where the registration stands."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from learning.abuse import client_address, refuse, signup_limit, too_many_message
from learning.models import LearnerProfile, Organisation
from learning.views.accounts import BACKEND

from ..forms.registration import OrganisationRegistrationForm, RegistrationWithAccountForm
from ..registration import AlreadyInVerifiedOrganisation, register_organisation

ORGANISATION_FIELDS = ["name", "registry_code", "region", "subregion", "sector", "size"]


def _already_member(request: HttpRequest, organisation: Organisation, status: int) -> HttpResponse:
    return render(
        request,
        "organisations/registration/already_member.html",
        {"organisation": organisation},
        status=status,
    )


def _initial(request: HttpRequest, profile: LearnerProfile | None) -> dict:
    language = (request.LANGUAGE_CODE or settings.LANGUAGE_CODE).split("-")[0]
    initial = {"language": language}
    if profile is not None:
        initial.update(
            contact_name=profile.full_name,
            contact_email=request.user.email,
            region=profile.region_id,
            subregion=profile.subregion_id,
            sector=profile.sector_id,
            size=profile.organisation_size,
        )
    return initial


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """An SME's contact registers it, and becomes its first administrator.

    A visitor gets their learner account from the same page; a signed-in
    learner registers with the account they have. Someone already in a
    verified organisation is told so, and nothing is written.
    """
    profile = None
    if request.user.is_authenticated:
        profile = LearnerProfile.objects.for_user(request.user)
        if profile is None:
            # Staff without a learner profile: the registrant must be a learner too.
            return render(
                request,
                "organisations/registration/profile_needed.html",
                status=200 if request.method == "GET" else 400,
            )
        current = profile.organisation if profile.organisation_id else None
        if current is not None and current.is_verified:
            return _already_member(request, current, 200 if request.method == "GET" else 409)
        if (
            current is not None
            and current.status == Organisation.Status.PENDING
            and profile.administers_organisation
        ):
            messages.info(
                request,
                _("You have registered an organisation already. It is waiting for approval."),
            )
            return redirect("organisations:registration_status")
    form_class = (
        OrganisationRegistrationForm if profile is not None else RegistrationWithAccountForm
    )

    if request.method == "POST":
        form = form_class(request.POST)
        if profile is None:
            limit = signup_limit()
            # Counted before validation, as on the sign-up page: the form tells
            # whether an address has an account.
            if not limit.hit(client_address(request)):
                form = refuse(form, too_many_message(limit.retry_after()))
                return _render_form(request, form, status=429)
        if form.is_valid():
            try:
                with transaction.atomic():
                    user = request.user if profile is not None else form.account_form.save()
                    organisation = register_organisation(user, form.registration())
            except AlreadyInVerifiedOrganisation as already:
                return _already_member(request, already.organisation, 409)
            except IntegrityError:
                # The same address signed up a moment ago, between validation and saving.
                form.add_error(
                    "contact_email",
                    _(
                        "An account with this e-mail address exists already. Sign in, or reset your password."
                    ),
                )
                return _render_form(request, form, status=400)
            if profile is None:
                login(request, user, backend=BACKEND)
            if organisation.is_verified:
                messages.success(
                    request, _("%(name)s is registered and approved.") % {"name": organisation.name}
                )
            else:
                messages.success(
                    request,
                    _(
                        "%(name)s is registered. The programme's managers in your region will check it."
                    )
                    % {"name": organisation.name},
                )
            return redirect("organisations:registration_status")
        return _render_form(request, form, status=400)
    return _render_form(request, form_class(initial=_initial(request, profile)), status=200)


def _render_form(request: HttpRequest, form, status: int) -> HttpResponse:
    organisation_fields = [form[name] for name in ORGANISATION_FIELDS]
    contact_fields = [field for field in form if field.name not in ORGANISATION_FIELDS]
    return render(
        request,
        "organisations/registration/register.html",
        {
            "form": form,
            "organisation_fields": organisation_fields,
            "contact_fields": contact_fields,
            "creates_account": isinstance(form, RegistrationWithAccountForm),
        },
        status=status,
    )


@login_required
@require_GET
def registration_status(request: HttpRequest) -> HttpResponse:
    """Waiting for approval, approved, or rejected with the managers' note."""
    profile = LearnerProfile.objects.for_user(request.user)
    organisation = None
    if profile is not None and profile.organisation_id is not None:
        organisation = profile.organisation
        # A free-text organisation from sign-up was never registered.
        if organisation.status == Organisation.Status.UNVERIFIED:
            organisation = None
    return render(
        request,
        "organisations/registration/status.html",
        {
            "profile": profile,
            "organisation": organisation,
            "is_administrator": profile is not None and profile.administers_organisation,
        },
    )
