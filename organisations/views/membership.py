"""Bringing the team in: the pages. The rules live in `organisations.inviting`.

Every change is a POST. A link or code that does not work (forged, expired,
used, revoked, rotated) gets a 4xx page that says why and writes nothing.
"""

from __future__ import annotations

import secrets

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from learning.abuse import RateLimit, client_address, refuse, signup_limit, too_many_message
from learning.models import LearnerProfile, MembershipRole, Organisation
from learning.views.accounts import BACKEND, safe_next

from .. import inviting
from ..access import organisation_administrator_required
from ..forms.membership import InviteForm, JoinCodeForm, JoiningSignUpForm
from ..inviting import InvitationError, Row
from ..models import Invitation

BATCH_SESSION_KEY = "organisations.invitation_batch"
BATCH_SALT = "organisations.invitation_batch"
# A preview left open longer than this is entered again: the team may have changed.
BATCH_MAX_AGE = 60 * 60
INVITATIONS_PER_PAGE = 25
# Wrong join codes one network may try per rate-limit window.
JOIN_CODE_TRIES_PER_ADDRESS = 20


def base_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def problem(request: HttpRequest, error: InvitationError, title: str = "") -> HttpResponse:
    """The page for a link, code or action that does not work, with the reason."""
    return render(
        request,
        "organisations/membership/problem.html",
        {"title": title or _("This did not work"), "message": error.message},
        status=error.status,
    )


def after_invite_url() -> str:
    try:
        return reverse("organisations:team")
    except NoReverseMatch:
        return reverse("organisations:invite")


# --- Inviting (administrators) --------------------------------------------------


def _open_invitations(request: HttpRequest, organisation: Organisation):
    invitations = Invitation.objects.filter(
        organisation=organisation, status=Invitation.Status.SENT
    ).order_by("email")
    return Paginator(invitations, INVITATIONS_PER_PAGE).get_page(request.GET.get("page"))


@organisation_administrator_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if request.method == "POST":
        form = InviteForm(request.POST, request.FILES, organisation=organisation)
        if form.is_valid():
            rows = inviting.classify(organisation, form.rows)
            batch = {
                "id": secrets.token_urlsafe(12),
                "organisation": organisation.pk,
                "role": form.cleaned_data["role"],
                "language": form.cleaned_data["language"],
                "rows": [row.as_dict() for row in rows],
            }
            # Signed, so the list confirmed is the list this page checked.
            request.session[BATCH_SESSION_KEY] = signing.dumps(
                batch, salt=BATCH_SALT, compress=True
            )
            return redirect("organisations:invite_confirm")
    else:
        form = InviteForm(organisation=organisation)
    return render(
        request,
        "organisations/membership/invite.html",
        {
            "organisation": organisation,
            "form": form,
            "page_obj": _open_invitations(request, organisation),
            "sends_left": inviting.sends_left_today(organisation),
            "max_rows": settings.INVITATION_CSV_MAX_ROWS,
        },
        status=400 if form.is_bound else 200,
    )


def _pending_batch(request: HttpRequest, organisation: Organisation) -> dict | None:
    stored = request.session.get(BATCH_SESSION_KEY)
    if not stored:
        return None
    try:
        batch = signing.loads(stored, salt=BATCH_SALT, max_age=BATCH_MAX_AGE)
    except signing.BadSignature:
        return None
    return batch if batch.get("organisation") == organisation.pk else None


@organisation_administrator_required
@require_http_methods(["GET", "POST"])
def invite_confirm(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    batch = _pending_batch(request, organisation)
    if batch is None:
        if request.method == "POST":
            return problem(
                request,
                InvitationError(
                    _(
                        "There is no list waiting to be sent: it was sent already, or waited more than an hour. Enter the addresses again."
                    ),
                    status=400,
                ),
            )
        messages.info(request, _("Enter the addresses to invite first."))
        return redirect("organisations:invite")
    rows = [Row(**row) for row in batch["rows"]]
    to_invite = [row.email for row in rows if row.status == inviting.VALID]
    error = ""
    status = 200
    if request.method == "POST":
        if request.POST.get("batch") != batch["id"]:
            # Another preview replaced this one (a second tab): send nothing unseen.
            return problem(
                request,
                InvitationError(
                    _(
                        "This list has been replaced by a newer one. Check the list below and confirm it."
                    ),
                    status=400,
                ),
            )
        try:
            result = inviting.invite(
                organisation,
                to_invite,
                batch["role"],
                batch["language"],
                request.user,
                base_url=base_url(request),
            )
        except InvitationError as refusal:
            error, status = refusal.message, refusal.status
        else:
            request.session.pop(BATCH_SESSION_KEY, None)
            count = len(result.sent)
            messages.success(
                request,
                ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", count)
                % {"count": count},
            )
            return redirect(after_invite_url())
    counts = dict.fromkeys(inviting.STATUS_ORDER, 0)
    for row in rows:
        counts[row.status] += 1
    sends_left = inviting.sends_left_today(organisation)
    return render(
        request,
        "organisations/membership/invite_confirm.html",
        {
            "organisation": organisation,
            "batch_id": batch["id"],
            "rows": rows,
            "counts": [(key, inviting.STATUS_LABELS[key], counts[key]) for key in counts],
            "to_invite": len(to_invite),
            "role_label": MembershipRole(batch["role"]).label,
            "language_label": dict(settings.LANGUAGES).get(batch["language"], ""),
            "sends_left": sends_left,
            "over_limit": len(to_invite) > sends_left,
            "error": error,
        },
        status=status,
    )


def _back(request: HttpRequest) -> str:
    return safe_next(request, reverse("organisations:invite"))


@organisation_administrator_required
@require_POST
def resend_invitation(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    try:
        inviting.resend(invitation, base_url=base_url(request))
    except InvitationError as error:
        return problem(request, error, _("The invitation was not sent again"))
    messages.success(
        request,
        _("The invitation to %(email)s was sent again.") % {"email": invitation.email},
    )
    return redirect(_back(request))


@organisation_administrator_required
@require_POST
def revoke_invitation(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    if inviting.revoke(invitation):
        messages.success(
            request,
            _("The invitation to %(email)s was withdrawn; its link no longer works.")
            % {"email": invitation.email},
        )
    else:
        messages.info(request, _("This invitation had already been accepted or withdrawn."))
    return redirect(_back(request))


# --- The join code (administrators) ---------------------------------------------


@organisation_administrator_required
@require_http_methods(["GET", "POST"])
def join_code(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            inviting.set_join_code(organisation, action)
        except InvitationError as error:
            return problem(request, error)
        messages.success(
            request,
            {
                "enable": _("The join code is on: anyone with it can join your organisation."),
                "disable": _("The join code is off: nobody can join with it."),
                "rotate": _("A new join code was made; the old one no longer works."),
            }[action],
        )
        return redirect("organisations:join_code")
    link = qr = ""
    if organisation.join_code:
        # In the organisation's language: the notice board speaks to its staff.
        with translation.override(organisation.language):
            path = reverse("organisations:join_with_code", args=[organisation.join_code])
        link = request.build_absolute_uri(path)
        if organisation.join_code_enabled:
            qr = segno.make(link, error="m").svg_data_uri(scale=6, border=2)
    return render(
        request,
        "organisations/membership/join_code.html",
        {"organisation": organisation, "link": link, "qr": qr},
    )


# --- Joining (learners) ---------------------------------------------------------


def _account_exists(email: str) -> bool:
    return (
        get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists()
    )


def _membership_context(request: HttpRequest, organisation: Organisation) -> dict:
    """What a signed-in learner needs to decide: what they leave, and whether they may."""
    profile = LearnerProfile.objects.for_user(request.user)
    context = {"profile": profile, "organisation": organisation}
    if profile is None:
        return context
    current = profile.organisation
    context["already_member"] = current is not None and current.pk == organisation.pk
    context["elsewhere"] = (
        current if current is not None and not context["already_member"] else None
    )
    if context["elsewhere"] is not None:
        context["leave_refusal"] = inviting.leave_refusal(profile)
    context["preview"] = inviting.what_administrators_see(organisation, user=request.user)
    return context


def _signup_and(request: HttpRequest, form: JoiningSignUpForm, then) -> int:
    """Create the account and run `then(profile)` in one transaction, then sign in.

    Returns 200 when done, else the status of the form page shown again
    (429 past the sign-up limit, 400 for a form with errors).
    """
    limit = signup_limit()
    # Counted before validation, as on the sign-up page: the form tells whether an address has an account.
    if not limit.hit(client_address(request)):
        refuse(form, too_many_message(limit.retry_after()))
        return 429
    if not form.is_valid():
        return 400
    with transaction.atomic():
        user = form.save()
        then(user.learner_profile)
    login(request, user, backend=BACKEND)
    return 200


@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, key: str) -> HttpResponse:
    try:
        invitation = inviting.invitation_for_token(key)
    except InvitationError as error:
        return problem(request, error, _("This invitation link does not work"))
    organisation = invitation.organisation
    context = {"invitation": invitation, "organisation": organisation}
    status = 200
    if not request.user.is_authenticated:
        context["has_account"] = _account_exists(invitation.email)
        if context["has_account"]:
            # Sign in first: nobody sees an account's records by holding a link.
            return render(
                request,
                "organisations/membership/accept.html",
                context,
                status=409 if request.method == "POST" else 200,
            )
        form = JoiningSignUpForm(
            request.POST if request.method == "POST" else None,
            organisation=organisation,
            email=invitation.email,
            initial={"preferred_language": invitation.language},
        )
        if request.method == "POST":
            try:
                status = _signup_and(
                    request, form, lambda profile: inviting.accept(invitation, profile)
                )
            except InvitationError as error:
                return problem(request, error, _("This invitation link does not work"))
            if status == 200:
                messages.success(
                    request,
                    _("Welcome! You are now a member of %(organisation)s.")
                    % {"organisation": organisation.name},
                )
                return redirect("learning:dashboard")
        context["form"] = form
        context["preview"] = inviting.what_administrators_see(
            organisation, email=invitation.email, name=""
        )
        return render(request, "organisations/membership/accept.html", context, status=status)

    context.update(_membership_context(request, organisation))
    context["other_address"] = request.user.email.lower() != invitation.email
    profile = context["profile"]
    # A member already, and the invitation would change nothing: it stays for
    # the person it was meant for.
    context["nothing_to_do"] = context.get("already_member") and not (
        invitation.role == MembershipRole.ADMINISTRATOR and not profile.administers_organisation
    )
    if request.method == "POST":
        if profile is None:
            return problem(request, InvitationError(_("Complete your learner profile first."), 409))
        if context["nothing_to_do"]:
            context["error"] = _("You are already a member of %(organisation)s.") % {
                "organisation": organisation.name
            }
            return render(request, "organisations/membership/accept.html", context, status=409)
        try:
            inviting.accept(
                invitation, context["profile"], switch=request.POST.get("switch") == "yes"
            )
        except InvitationError as error:
            context["error"] = error.message
            status = error.status
        else:
            messages.success(
                request,
                _("You are now a member of %(organisation)s.")
                % {"organisation": organisation.name},
            )
            return redirect("learning:dashboard")
    return render(request, "organisations/membership/accept.html", context, status=status)


class FailureLimit(RateLimit):
    """A limit on failures only: checked before trying, counted when a try fails.

    Colleagues behind one office address typing the right code are never
    counted; someone guessing codes is stopped after a few wrong ones.
    """

    def exceeded(self, value: str) -> bool:
        return (cache.get(self._key(value)) or 0) >= self.limit


def join_code_limit() -> FailureLimit:
    return FailureLimit("join-code", JOIN_CODE_TRIES_PER_ADDRESS, settings.RATE_LIMIT_WINDOW)


def too_many_codes(request: HttpRequest) -> HttpResponse:
    return problem(
        request,
        InvitationError(too_many_message(join_code_limit().retry_after()), status=429),
        _("This join code does not work"),
    )


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    form = JoinCodeForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        limit = join_code_limit()
        if limit.exceeded(client_address(request)):
            refuse(form, too_many_message(limit.retry_after()))
            status = 429
        elif form.is_valid():
            organisation = inviting.organisation_for_code(form.cleaned_data["code"])
            if organisation is not None:
                return redirect("organisations:join_with_code", organisation.join_code)
            limit.hit(client_address(request))
            form.add_error(
                "code",
                _(
                    "This code does not work. Check it with your organisation: it may have been changed or switched off."
                ),
            )
            status = 400
        else:
            status = 400
    return render(request, "organisations/membership/join.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def join_with_code(request: HttpRequest, code: str) -> HttpResponse:
    limit = join_code_limit()
    if limit.exceeded(client_address(request)):
        return too_many_codes(request)
    organisation = inviting.organisation_for_code(code)
    if organisation is None:
        limit.hit(client_address(request))
        return problem(
            request,
            InvitationError(
                _(
                    "This join code does not work. It may have been changed or switched off: ask your organisation for the current one."
                ),
                status=404,
            ),
            _("This join code does not work"),
        )
    if code != organisation.join_code:
        return redirect("organisations:join_with_code", organisation.join_code)
    context = {"organisation": organisation, "code": organisation.join_code}
    status = 200
    if not request.user.is_authenticated:
        form = JoiningSignUpForm(
            request.POST if request.method == "POST" else None,
            organisation=organisation,
            initial={"preferred_language": organisation.language},
        )
        if request.method == "POST":
            status = _signup_and(
                request,
                form,
                lambda profile: inviting.join(profile, organisation, MembershipRole.MEMBER),
            )
            if status == 200:
                messages.success(
                    request,
                    _("Welcome! You are now a member of %(organisation)s.")
                    % {"organisation": organisation.name},
                )
                return redirect("learning:dashboard")
        context["form"] = form
        context["preview"] = inviting.what_administrators_see(organisation)
        return render(
            request, "organisations/membership/join_with_code.html", context, status=status
        )

    context.update(_membership_context(request, organisation))
    if request.method == "POST":
        if context["profile"] is None:
            return problem(request, InvitationError(_("Complete your learner profile first."), 409))
        if context["already_member"]:
            messages.info(
                request,
                _("You are already a member of %(organisation)s.")
                % {"organisation": organisation.name},
            )
            return redirect("learning:dashboard")
        try:
            inviting.join(
                context["profile"],
                organisation,
                MembershipRole.MEMBER,
                switch=request.POST.get("switch") == "yes",
            )
        except InvitationError as error:
            context["error"] = error.message
            status = error.status
        else:
            messages.success(
                request,
                _("You are now a member of %(organisation)s.")
                % {"organisation": organisation.name},
            )
            return redirect("learning:dashboard")
    return render(request, "organisations/membership/join_with_code.html", context, status=status)


# --- Leaving (learners) ---------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest) -> HttpResponse:
    profile = LearnerProfile.objects.for_user(request.user)
    if profile is None or profile.organisation_id is None:
        return problem(
            request,
            InvitationError(_("You are not a member of an organisation."), status=404),
            _("Nothing to leave"),
        )
    organisation = profile.organisation
    error = ""
    status = 200
    if request.method == "POST":
        try:
            inviting.leave(profile)
        except InvitationError as refusal:
            error, status = refusal.message, refusal.status
        else:
            messages.success(
                request,
                _("You have left %(organisation)s. Its administrators no longer see your progress.")
                % {"organisation": organisation.name},
            )
            return redirect("learning:dashboard")
    return render(
        request,
        "organisations/membership/leave.html",
        {
            "organisation": organisation,
            "refusal": error or inviting.leave_refusal(profile),
        },
        status=status,
    )
