"""Sign-up, sign-in, sign-out and the learner's profile."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks

from home.languages import remember_language

from ..abuse import client_address, refuse, reset_limits, signup_limit, too_many_message
from ..forms import EmailAuthenticationForm, ProfileForm, QueuedPasswordResetForm, SignUpForm
from ..models import LearnerProfile
from ..privacy import erase_learner, learner_data

BACKEND = "learning.backends.EmailOrUsernameBackend"


def safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path on this site: redirect() would take a bare word for a URL name
    # (a 500 when it is none), and "//host" is another site.
    if (
        target.startswith("/")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        and target.isprintable()
    ):
        return target
    return default


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request, reverse("learning:dashboard"))
    if request.user.is_authenticated:
        return redirect(next_url)
    language = (request.LANGUAGE_CODE or settings.LANGUAGE_CODE).split("-")[0]
    if request.method == "POST":
        form = SignUpForm(request.POST)
        limit = signup_limit()
        # Counted before validation: the form tells whether an address has an account.
        if not limit.hit(client_address(request)):
            return render(
                request,
                "learning/signup.html",
                {"form": refuse(form, too_many_message(limit.retry_after())), "next": next_url},
                status=429,
            )
        if form.is_valid():
            # One transaction with the session write that signs the person in:
            # if the database is too busy for either, no account is left
            # behind that the retry would then call "already taken".
            with transaction.atomic():
                user = form.save()
                login(request, user, backend=BACKEND)
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect(next_url)
    else:
        form = SignUpForm(initial={"preferred_language": language})
    return render(
        request,
        "learning/signup.html",
        {"form": form, "next": next_url},
        status=400 if form.is_bound else 200,
    )


class SignInView(auth_views.LoginView):
    template_name = "learning/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("learning:dashboard")

    def form_valid(self, form):
        response = super().form_valid(form)
        profile = LearnerProfile.objects.for_user(form.get_user())
        # Without a page to return to, a learner lands in their own language.
        if profile is not None and not self.get_redirect_url():
            with translation.override(profile.preferred_language):
                response["Location"] = reverse("learning:dashboard")
        if profile is not None:
            remember_language(response, profile.preferred_language)
        return response


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]

    def get_default_redirect_url(self):
        return "/" + (self.request.LANGUAGE_CODE or "en") + "/"


class PasswordResetView(auth_views.PasswordResetView):
    form_class = QueuedPasswordResetForm
    template_name = "learning/password_reset.html"
    email_template_name = "learning/email/password_reset.txt"
    subject_template_name = "learning/email/password_reset_subject.txt"
    success_url = reverse_lazy("learning:password_reset_done")

    def post(self, request, *args, **kwargs):
        by_address, by_email = reset_limits()
        email = request.POST.get("email", "")
        # Both are counted on every request, so neither can be used to reset the other.
        address_ok = by_address.hit(client_address(request))
        email_ok = by_email.hit(email) if email.strip() else True
        if not (address_ok and email_ok):
            form = refuse(self.get_form(), too_many_message(by_address.retry_after()))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "learning/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "learning/password_reset_confirm.html"
    success_url = reverse_lazy("learning:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "learning/password_reset_complete.html"


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    current = LearnerProfile.objects.for_user(request.user)
    next_url = safe_next(request, "")
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            saved = form.save_profile(request.user, current)
            language = saved.preferred_language
            with translation.override(language):
                messages.success(request, _("Your profile has been saved."))
                response = redirect(next_url or reverse("learning:profile"))
            remember_language(response, language)
            return response
    else:
        form = ProfileForm(initial=ProfileForm.initial_for(current))
    return render(
        request,
        "learning/profile.html",
        {"form": form, "next": next_url, "has_profile": current is not None},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET"])
def my_data(request: HttpRequest) -> HttpResponse:
    """What the platform holds about the learner, readable here or as a JSON download."""
    data = learner_data(request.user)
    if request.GET.get("format") == "json":
        response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
        response["Content-Disposition"] = 'attachment; filename="cyberaware-my-data.json"'
        return response
    # Apps above `learning` show their part of the data through the
    # `learner_data_panels` hook: a function of (request, data) returning HTML or "".
    panels = [
        panel
        for panel in (hook(request, data) for hook in hooks.get_hooks("learner_data_panels"))
        if panel
    ]
    return render(request, "learning/my_data.html", {"data": data, "panels": panels})


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    error = ""
    if request.method == "POST":
        if request.user.check_password(request.POST.get("password", "")):
            erase_learner(request.user)
            logout(request)
            messages.success(request, _("Your account and personal data have been deleted."))
            return redirect("/" + (request.LANGUAGE_CODE or settings.LANGUAGE_CODE) + "/")
        error = _("That is not your password. Your account has not been deleted.")
    return render(
        request,
        "learning/delete_account.html",
        {"error": error},
        status=400 if error else 200,
    )
