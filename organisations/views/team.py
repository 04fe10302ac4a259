"""The administrator's team page: progress, reminders, members and roles, enrolments, export.

Every view takes the organisation from the signed-in administrator
(`organisation_administrator_required`); a member or enrolment of another
organisation is simply not found.
"""

from __future__ import annotations

import csv
import io

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learning.models import LearnerProfile, MembershipRole
from learning.progress import COMPLETED, IN_PROGRESS
from modules.models import ProgrammePage

from ..access import organisation_administrator_required
from ..models import Enrolment, Invitation
from ..team import (
    MEMBERS_PER_PAGE,
    MembershipChangeRefused,
    ReminderTooSoon,
    enrolled_programmes,
    language_preference,
    member_rows,
    progress_grid,
    remind_not_started,
    remove_member,
    set_role,
)
from ..team_forms import DueDateForm, EnrolmentForm

INVITATIONS_SHOWN = 50


def _programme_or_404(organisation, programme_key):
    for programme in enrolled_programmes(organisation):
        if programme.key == programme_key:
            return programme
    raise Http404(_("Your organisation is not enrolled in this programme."))


def _member_or_404(organisation, pk: int) -> LearnerProfile:
    return get_object_or_404(
        LearnerProfile.objects.select_related("user"), pk=pk, organisation=organisation
    )


# -- the team page -------------------------------------------------------------


@organisation_administrator_required
@require_GET
def team(request: HttpRequest, organisation) -> HttpResponse:
    programmes = enrolled_programmes(organisation, with_last_reminder=True)
    members = member_rows(organisation, programmes)
    page_obj = Paginator(members, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    grid = progress_grid(programmes, list(page_obj))
    invitations = list(
        Invitation.objects.filter(organisation=organisation).order_by("-created_at", "-pk")[
            : INVITATIONS_SHOWN + 1
        ]
    )
    return render(
        request,
        "organisations/team/team.html",
        {
            "organisation": organisation,
            "programmes": [(p, grid[p.key]) for p in programmes],
            "member_count": len(members),
            "page_obj": page_obj,
            "members": list(page_obj),
            "invitations": invitations[:INVITATIONS_SHOWN],
            "more_invitations": len(invitations) > INVITATIONS_SHOWN,
            "invitations_shown": INVITATIONS_SHOWN,
            "self_profile_pk": request.user.learner_profile.pk,
            "administrator_count": sum(1 for m in members if m["is_administrator"]),
        },
    )


# -- export --------------------------------------------------------------------


def _status_text(cell) -> str:
    if cell.state == COMPLETED:
        return _("Completed")
    if cell.state == IN_PROGRESS:
        return _("In progress")
    return _("Not started")


def _iso(moment) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def export_table(organisation) -> tuple[list[str], list[list]]:
    """Headings and rows of the team export: one row per member, columns per module."""
    programmes = enrolled_programmes(organisation)
    members = member_rows(organisation, programmes)
    grid = progress_grid(programmes, members, whole_organisation=organisation)
    headings = [_("Name"), _("E-mail address"), _("Role")]
    for programme in programmes:
        title = programme.title or _("Programme no longer available")
        for module in programme.modules:
            headings += [
                f"{title} – {module.title}: " + _("status"),
                f"{title} – {module.title}: " + _("completed on"),
                f"{title} – {module.title}: " + _("certificate valid until"),
            ]
        headings += [
            f"{title}: " + _("programme completed"),
            f"{title}: " + _("due date"),
            f"{title}: " + _("programme certificate valid until"),
        ]
    rows = []
    for index, member in enumerate(members):
        row = [
            member["full_name"],
            member["email"],
            _("Administrator") if member["is_administrator"] else _("Member"),
        ]
        for programme in programmes:
            progress = grid[programme.key][index]
            for cell in progress.cells:
                row += [_status_text(cell), _iso(cell.completed_at), _iso(cell.valid_until)]
            row += [
                _("yes") if progress.completed else _("no"),
                programme.due_date.isoformat() if programme.due_date else "",
                _iso(progress.certificate.valid_until),
            ]
        rows.append(row)
    return headings, rows


def _safe_cell(value):
    # A spreadsheet runs a cell that starts like a formula; names are typed by people.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@organisation_administrator_required
@require_GET
def team_export(request: HttpRequest, organisation) -> HttpResponse:
    kind = request.GET.get("format", "csv")
    if kind not in ("csv", "xlsx"):
        return render(
            request,
            "organisations/team/bad_request.html",
            {"message": _("Choose CSV or Excel (xlsx) for the download.")},
            status=400,
        )
    headings, rows = export_table(organisation)
    rows = [[_safe_cell(value) for value in row] for row in rows]
    stamp = timezone.localdate().isoformat()
    filename = f"team-{organisation.pk}-{stamp}.{kind}"
    if kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(headings)
        writer.writerows(rows)
        # A byte-order mark, so spreadsheet programs read the accents right.
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
    else:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(_("Team")[:31])
        sheet.append(headings)
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


# -- reminders -----------------------------------------------------------------


@organisation_administrator_required
@require_POST
def remind(request: HttpRequest, organisation, programme_key) -> HttpResponse:
    programme = _programme_or_404(organisation, programme_key)
    try:
        outcome = remind_not_started(organisation, programme, request=request)
    except ReminderTooSoon as too_soon:
        messages.error(
            request,
            _(
                "A reminder for this programme was sent on %(sent)s. You can send the next one after %(next)s."
            )
            % {
                "sent": formats.date_format(
                    timezone.localtime(too_soon.last_sent), "DATETIME_FORMAT"
                ),
                "next": formats.date_format(
                    timezone.localtime(too_soon.next_allowed), "DATETIME_FORMAT"
                ),
            },
        )
        return redirect(_team_url(programme))
    if outcome.sent:
        messages.success(
            request,
            ngettext(
                "A reminder was sent to %(count)s person who has not started.",
                "A reminder was sent to %(count)s people who have not started.",
                outcome.sent,
            )
            % {"count": outcome.sent},
        )
    else:
        messages.info(request, _("There was nobody to remind: no e-mail was sent."))
    if outcome.opted_out:
        messages.info(
            request,
            ngettext(
                "%(count)s person has unsubscribed from reminders and was not e-mailed.",
                "%(count)s people have unsubscribed from reminders and were not e-mailed.",
                outcome.opted_out,
            )
            % {"count": outcome.opted_out},
        )
    return redirect(_team_url(programme))


def _team_url(programme) -> str:
    return reverse("organisations:team") + f"#programme-{programme.key}"


# -- members -------------------------------------------------------------------


@organisation_administrator_required
@require_http_methods(["GET", "POST"])
def remove(request: HttpRequest, organisation, pk: int) -> HttpResponse:
    profile = _member_or_404(organisation, pk)
    error = ""
    if request.method == "POST":
        try:
            remove_member(organisation, profile, by=request.user)
        except MembershipChangeRefused as refused:
            error = str(refused)
        else:
            messages.success(
                request,
                _("%(name)s is no longer a member of %(organisation)s.")
                % {"name": profile.full_name, "organisation": organisation.name},
            )
            return redirect("organisations:team")
    return render(
        request,
        "organisations/team/remove_member.html",
        {"organisation": organisation, "member": profile, "error": error},
        status=400 if error else 200,
    )


@organisation_administrator_required
@require_POST
def change_role(request: HttpRequest, organisation, pk: int) -> HttpResponse:
    profile = _member_or_404(organisation, pk)
    role = request.POST.get("role", "")
    try:
        changed = set_role(organisation, profile, role)
    except MembershipChangeRefused as refused:
        return render(
            request,
            "organisations/team/bad_request.html",
            {"message": str(refused), "organisation": organisation},
            status=400,
        )
    if changed:
        text = (
            _("%(name)s is now an administrator of %(organisation)s.")
            if role == MembershipRole.ADMINISTRATOR
            else _("%(name)s is now a member of %(organisation)s, no longer an administrator.")
        )
        messages.success(
            request, text % {"name": profile.full_name, "organisation": organisation.name}
        )
    if profile.user_id == request.user.pk and role == MembershipRole.MEMBER and changed:
        # No longer an administrator: the team page is not theirs any more.
        return redirect("learning:dashboard")
    return redirect("organisations:team")


# -- enrolments ----------------------------------------------------------------


def programme_choices(exclude_keys) -> list[tuple[str, str]]:
    """Live programmes, one per translation key, titled in the reader's language."""
    from django.utils import translation

    language = translation.get_language() or settings.LANGUAGE_CODE
    chosen: dict = {}
    for key, title in (
        ProgrammePage.objects.live()
        .exclude(translation_key__in=list(exclude_keys))
        .annotate(preference=language_preference(language))
        .order_by("translation_key", "preference", "pk")
        .values_list("translation_key", "title")
    ):
        chosen.setdefault(key, title)
    return sorted(((str(k), t) for k, t in chosen.items()), key=lambda choice: choice[1].lower())


@organisation_administrator_required
@require_http_methods(["GET", "POST"])
def enrolments(request: HttpRequest, organisation) -> HttpResponse:
    programmes = enrolled_programmes(organisation)
    enrolled_keys = {p.key for p in programmes}
    form = EnrolmentForm(programmes=programme_choices(enrolled_keys), prefix="enrol")
    due_forms = {
        p.enrolment.pk: DueDateForm(
            prefix=f"due-{p.enrolment.pk}", initial={"due_date": p.due_date}
        )
        for p in programmes
    }
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "enrol":
            form = EnrolmentForm(
                request.POST, programmes=programme_choices(enrolled_keys), prefix="enrol"
            )
            if form.is_valid():
                try:
                    with transaction.atomic():
                        Enrolment.objects.create(
                            organisation=organisation,
                            programme_key=form.cleaned_data["programme"],
                            due_date=form.cleaned_data["due_date"],
                            enrolled_by=request.user,
                        )
                except IntegrityError:
                    # Enrolled from another tab a moment ago: nothing more to do.
                    pass
                title = dict(form.fields["programme"].choices).get(form.cleaned_data["programme"])
                messages.success(
                    request,
                    _("Your organisation is enrolled in %(programme)s.") % {"programme": title},
                )
                return redirect("organisations:enrolments")
            status = 400
        elif action == "due_date":
            enrolment = get_object_or_404(
                Enrolment, pk=_int(request.POST.get("enrolment")), organisation=organisation
            )
            due_form = DueDateForm(request.POST, prefix=f"due-{enrolment.pk}")
            if due_form.is_valid():
                Enrolment.objects.filter(pk=enrolment.pk).update(
                    due_date=due_form.cleaned_data["due_date"]
                )
                messages.success(request, _("The due date has been changed."))
                return redirect("organisations:enrolments")
            due_forms[enrolment.pk] = due_form
            status = 400
        else:
            return render(
                request,
                "organisations/team/bad_request.html",
                {"message": _("This form was not recognised. Reload the page and try again.")},
                status=400,
            )
    return render(
        request,
        "organisations/team/enrolments.html",
        {
            "organisation": organisation,
            "form": form,
            "rows": [(p, due_forms[p.enrolment.pk]) for p in programmes],
            "error_form": next((f for f in due_forms.values() if f.errors), None),
        },
        status=status,
    )


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404(_("No such enrolment.")) from None


@organisation_administrator_required
@require_http_methods(["GET", "POST"])
def enrolment_remove(request: HttpRequest, organisation, pk: int) -> HttpResponse:
    enrolment = get_object_or_404(Enrolment, pk=pk, organisation=organisation)
    programme = next(p for p in enrolled_programmes(organisation) if p.enrolment.pk == enrolment.pk)
    if request.method == "POST":
        enrolment.delete()
        messages.success(
            request,
            _("Your organisation is no longer enrolled in %(programme)s.")
            % {"programme": programme.title or _("the programme")},
        )
        return redirect("organisations:enrolments")
    return render(
        request,
        "organisations/team/enrolment_remove.html",
        {"organisation": organisation, "programme": programme},
    )
