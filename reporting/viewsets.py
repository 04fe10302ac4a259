"""Programme targets in the admin: each manager keeps the targets of their own regions.

Scoped like the organisations: the statistics scope (`visible_regions`) decides
which targets a person sees and which regions they may choose; a target of
another region is not found, whatever its address.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic.models import DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from admin_reports.widgets import LocalDateInput
from learning.statistics.filters import titles_by_key
from learning.statistics.scope import can_view_statistics, visible_regions
from modules.models import ProgrammePage, Region

from .models import ProgrammeTarget
from .programme_report import programmes_in_scope


def targets_for(user):
    return ProgrammeTarget.objects.in_regions(visible_regions(user)).select_related("region")


class TargetPermissionPolicy(BasePermissionPolicy):
    """Whoever may see a region's statistics keeps its targets."""

    def user_has_permission(self, user, action):
        return can_view_statistics(user)

    def users_with_any_permission(self, actions):
        # Not used by these views; the people concerned are found through `visible_regions`.
        return get_user_model().objects.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and (
            targets_for(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not can_view_statistics(user):
            return ProgrammeTarget.objects.none()
        return targets_for(user)


register_permission_policy(ProgrammeTarget, TargetPermissionPolicy(ProgrammeTarget))


class TargetForm(WagtailAdminModelForm):
    """The programme by its title; regions limited to the person's own."""

    programme_key = forms.TypedChoiceField(label=_("Programme"), coerce=str)
    # Whole numbers from 1: a target of 0 or less is no target (the model field alone
    # would say "0 or more" to someone who typed -3).
    learners_completed = forms.IntegerField(
        label=ProgrammeTarget._meta.get_field("learners_completed").verbose_name,
        required=False,
        min_value=1,
        max_value=10_000_000,
    )
    organisations_trained = forms.IntegerField(
        label=ProgrammeTarget._meta.get_field("organisations_trained").verbose_name,
        help_text=ProgrammeTarget._meta.get_field("organisations_trained").help_text,
        required=False,
        min_value=1,
        max_value=1_000_000,
    )

    class Meta:
        model = ProgrammeTarget
        fields = [
            "programme_key",
            "region",
            "learners_completed",
            "organisations_trained",
            "due_date",
        ]
        widgets = {"due_date": LocalDateInput()}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        # The programmes offered in the person's regions, as the programme report offers
        # them: a programme of another region is neither shown nor accepted.
        titles = dict(programmes_in_scope(for_user))
        if self.instance.pk:
            self.initial["programme_key"] = str(self.instance.programme_key)
            # A target stays editable after its programme has left the person's regions.
            titles.setdefault(str(self.instance.programme_key), programme_title(self.instance))
        self.fields["programme_key"].choices = [("", "---------")] + sorted(
            titles.items(), key=lambda c: c[1].lower()
        )
        self.fields["region"].queryset = visible_regions(for_user)

    def validate_unique(self):
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error(
                "region",
                _("This programme already has a target for this region: change that one instead."),
            )


def programme_title(target: ProgrammeTarget) -> str:
    return titles_by_key(ProgrammePage, [target.programme_key]).get(target.programme_key, "?")


class ScopedObjectMixin:
    def get_base_object_queryset(self):
        if not can_view_statistics(self.request.user):
            raise PermissionDenied
        return targets_for(self.request.user)


class ScopedQuerysetMixin:
    """A target of another region is not found (edit, delete)."""

    def get_queryset(self):
        return targets_for(self.request.user)


class TargetIndexView(IndexView):
    def get_base_queryset(self):
        return targets_for(self.request.user)


class TargetEditView(ScopedQuerysetMixin, EditView):
    pass


class TargetDeleteView(ScopedQuerysetMixin, DeleteView):
    pass


def regions_for_request(request):
    return visible_regions(request.user) if request is not None else Region.objects.none()


class TargetFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(label=_("Region"), queryset=regions_for_request)

    class Meta:
        model = ProgrammeTarget
        fields = ["region"]


class TargetHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class TargetUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class ProgrammeTargetViewSet(ModelViewSet):
    model = ProgrammeTarget
    name = "programme_targets"
    url_prefix = "programme-targets"
    icon = "crosshairs"
    menu_label = _("Targets")
    menu_order = 255
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = TargetIndexView
    edit_view_class = TargetEditView
    delete_view_class = TargetDeleteView
    history_view_class = TargetHistoryView
    usage_view_class = TargetUsageView
    list_per_page = 50
    ordering = ["due_date", "pk"]
    list_display = [
        Column("programme", label=_("Programme"), accessor=programme_title),
        Column("region", label=_("Region"), sort_key="region__name"),
        Column("learners_completed", label=_("Learners who complete the programme")),
        Column("organisations_trained", label=_("Organisations with their team trained")),
        Column("due_date", label=_("By"), sort_key="due_date"),
    ]
    filterset_class = TargetFilterSet
    edit_handler = ObjectList(
        [
            FieldPanel("programme_key"),
            FieldPanel("region"),
            FieldRowPanel([FieldPanel("learners_completed"), FieldPanel("organisations_trained")]),
            FieldPanel("due_date"),
        ],
        base_form_class=TargetForm,
    )

    def get_permissions_to_register(self):
        # Access follows the statistics permissions; the model's own are not offered.
        return super().get_permissions_to_register().none()

    @property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        class TargetsMenuItem(MenuItem):
            def is_shown(self, request):
                return can_view_statistics(request.user)

        return TargetsMenuItem


programme_target_viewset = ProgrammeTargetViewSet()
