"""Forms of the administrator's pages: enrolling in a programme, changing a due date."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Far enough for any training plan, near enough that date arithmetic on it
# (reminders before a due date, overdue intervals) never leaves the calendar.
MAX_DUE_DAYS = 5 * 366


class DueDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DueDateForm(forms.Form):
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=DueDateInput(),
        help_text=_("Optional. The day by which every member should have completed the programme."),
        error_messages={"invalid": _("Enter a real date, for example 2026-06-30.")},
    )

    def clean_due_date(self):
        due = self.cleaned_data.get("due_date")
        if due is None:
            return None
        today = timezone.localdate()
        if due < today:
            raise forms.ValidationError(_("The due date cannot be in the past."))
        if due > today + timedelta(days=MAX_DUE_DAYS):
            raise forms.ValidationError(_("Choose a due date within the next five years."))
        return due


class EnrolmentForm(DueDateForm):
    programme = forms.ChoiceField(label=_("Programme"))

    field_order = ["programme", "due_date"]

    def __init__(self, *args, programmes: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", _("Choose a programme")), *programmes]
        self.fields["programme"].error_messages["invalid_choice"] = _(
            "Choose one of the programmes in the list."
        )
