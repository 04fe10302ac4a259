"""The admin's Organisations menu: every organisation of a manager's regions, to review and look after.

Who may use it is the statistics rule (`learning.statistics.scope`): staff
who may see some regions' statistics, or superusers, and only the
organisations of those regions (`organisations_for_manager`); any other
organisation is a 404, whatever its id. The listing, the create and edit
forms come from Wagtail's ModelViewSet; reviewing, inviting an administrator
and enrolments are views of their own (`admin_views`).
"""

from __future__ import annotations

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn, StatusTagColumn
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic.models import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import BasePermissionPolicy

from learning.models import LearnerProfile, MembershipRole, Organisation, OrganisationSize
from learning.statistics.scope import visible_regions
from modules.models import Region, Sector

from . import admin_views
from .access import organisations_for_manager
from .admin_views import can_manage_organisations
from .forms.registration import OrganisationAdminForm
from .registration import APPROVABLE, REJECTABLE


class OrganisationPermissionPolicy(BasePermissionPolicy):
    """Managers look after the organisations of their regions; nobody deletes one here.

    Deleting an organisation would leave its members holding a role in
    nothing, and its learners' records count in statistics: an organisation
    is rejected, never deleted, from the admin.
    """

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return can_manage_organisations(user)

    def users_with_any_permission(self, actions):
        # Not used by these views; the people concerned are found through
        # `visible_regions`, which is no single query.
        return get_user_model().objects.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and organisations_for_manager(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(self.user_has_permission(user, action) for action in actions):
            return Organisation.objects.none()
        return organisations_for_manager(user)


def regions_for_request(request):
    if request is None:
        return Region.objects.none()
    return visible_regions(request.user)


class OrganisationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Organisation.Status.choices)
    region = django_filters.ModelChoiceFilter(label=_("Region"), queryset=regions_for_request)
    sector = django_filters.ModelChoiceFilter(label=_("Sector"), queryset=Sector.objects.all())
    size = django_filters.ChoiceFilter(label=_("Size"), choices=OrganisationSize.choices)

    class Meta:
        model = Organisation
        fields = ["status", "region", "sector", "size"]


def administrators_text(organisation: Organisation) -> str:
    return ", ".join(profile.full_name for profile in organisation.administrator_profiles)


def action_buttons(organisation: Organisation, button_class=Button) -> list:
    """Review, invite an administrator and enrolments: what a manager does with an organisation."""
    buttons = []
    if organisation.status in APPROVABLE | REJECTABLE:
        buttons.append(
            button_class(
                _("Review"),
                url=reverse("organisations_admin:review", args=[organisation.pk]),
                icon_name="tick",
                priority=5,
            )
        )
    if organisation.is_verified:
        buttons.append(
            button_class(
                _("Invite an administrator"),
                url=reverse("organisations_admin:invite_administrator", args=[organisation.pk]),
                icon_name="mail",
                priority=15,
            )
        )
    buttons.append(
        button_class(
            _("Enrolments"),
            url=reverse("organisations_admin:enrolments", args=[organisation.pk]),
            icon_name="list-ul",
            priority=25,
        )
    )
    return buttons


class ScopedObjectMixin:
    """An organisation outside the manager's regions is not found (history, usage)."""

    def get_base_object_queryset(self):
        # Looked up before Wagtail checks permissions: refuse first, as every other view does.
        if not can_manage_organisations(self.request.user):
            raise PermissionDenied
        return organisations_for_manager(self.request.user)


class OrganisationIndexView(IndexView):
    def get_base_queryset(self):
        # Members counted and administrators fetched in a constant number of
        # queries, however many organisations the page shows.
        administrators = (
            LearnerProfile.objects.filter(organisation_role=MembershipRole.ADMINISTRATOR)
            .only("pk", "full_name", "organisation_id")
            .order_by("full_name")
        )
        return (
            organisations_for_manager(self.request.user)
            .select_related("region", "sector")
            .annotate(members_count=Count("learners", distinct=True))
            .prefetch_related(
                Prefetch("learners", queryset=administrators, to_attr="administrator_profiles")
            )
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        return buttons + [
            MenuItem(
                button.label, url=button.url, icon_name=button.icon_name, priority=button.priority
            )
            for button in action_buttons(instance)
        ]


class OrganisationCreateView(CreateView):
    def get_initial_form_instance(self):
        # Created by a manager of its region: approved from the start.
        return Organisation(
            status=Organisation.Status.APPROVED,
            reviewed_by=self.request.user,
            reviewed_at=timezone.now(),
        )

    def get_success_message(self, instance):
        return _("Organisation '%(name)s' created. Invite its administrator now.") % {
            "name": instance.name
        }

    def get_success_url(self):
        return reverse("organisations_admin:invite_administrator", args=[self.object.pk])


class OrganisationEditView(EditView):
    def get_queryset(self):
        # An organisation outside the manager's regions is not found.
        return organisations_for_manager(self.request.user)

    @property
    def header_more_buttons(self):
        return super().header_more_buttons + action_buttons(self.object)


class OrganisationHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class OrganisationUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    name = "organisations_admin"
    url_prefix = "organisations"
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = OrganisationIndexView
    add_view_class = OrganisationCreateView
    edit_view_class = OrganisationEditView
    history_view_class = OrganisationHistoryView
    usage_view_class = OrganisationUsageView
    filterset_class = OrganisationFilterSet
    search_fields = ["name", "registry_code", "contact_name", "contact_email"]
    search_backend_name = None
    list_per_page = 50
    ordering = "name"
    list_display = [
        "name",
        Column("region", label=_("Region"), sort_key="region__name"),
        Column("sector", label=_("Sector"), sort_key="sector__name"),
        Column("size", label=_("Size"), accessor="get_size_display", sort_key="size"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda organisation: organisation.status == Organisation.Status.PENDING,
            sort_key="status",
        ),
        NumberColumn("members_count", label=_("Members"), sort_key="members_count"),
        Column("administrators", label=_("Administrators"), accessor=administrators_text),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("registry_code"),
            FieldPanel("region"),
            FieldPanel("subregion"),
            FieldPanel("sector"),
            FieldPanel("size"),
            MultiFieldPanel(
                [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("language")],
                heading=_("Contact"),
            ),
        ],
        base_form_class=OrganisationAdminForm,
    )

    def get_permissions_to_register(self):
        # Access follows the statistics permissions; the model's own are not offered.
        return super().get_permissions_to_register().none()

    @property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem as AdminMenuItem

        class OrganisationsMenuItem(AdminMenuItem):
            def is_shown(self, request):
                return can_manage_organisations(request.user)

        return OrganisationsMenuItem

    def get_urlpatterns(self):
        # No delete view (see the permission policy).
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name != "delete"]
        return patterns + [
            path("review/<int:pk>/", admin_views.ReviewView.as_view(), name="review"),
            path(
                "invite/<int:pk>/",
                admin_views.InviteAdministratorView.as_view(),
                name="invite_administrator",
            ),
            path("enrolments/<int:pk>/", admin_views.EnrolmentsView.as_view(), name="enrolments"),
            path(
                "enrolments/<int:pk>/remove/<int:enrolment_pk>/",
                admin_views.RemoveEnrolmentView.as_view(),
                name="enrolment_remove",
            ),
        ]


organisation_viewset = OrganisationViewSet()
