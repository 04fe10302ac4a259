"""LTI registrations in the Wagtail admin: platform administrators (superusers) only."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Registration


class SuperusersOnly(BasePermissionPolicy):
    """Registrations hold the keys that sign learners in: no group permission can grant them."""

    def user_has_permission(self, user, action) -> bool:
        return user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions) -> bool:
        return user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(Registration, SuperusersOnly(Registration))


def tool_values(request, registration: Registration | None) -> list[tuple[str, str]]:
    """What the platform's administrator pastes into Moodle or Canvas, as (label, value)."""

    def url(name: str) -> str:
        return request.build_absolute_uri(reverse(name))

    rows = [
        (_("Tool URL"), url("lti:launch")),
        (_("Login initiation URL"), url("lti:login")),
        (_("Redirection URIs"), f"{url('lti:launch')}\n{url('lti:deep_link')}"),
        (_("Public key set URL"), url("lti:jwks")),
        (_("Deep linking (content selection) URL"), url("lti:deep_link")),
    ]
    if registration is not None and registration.pk:
        rows.append((_("Public key"), registration.public_key))
    return rows


class ToolValuesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "lti/admin/tool_values.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["values"] = tool_values(self.request, self.instance)
            return context


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "link-external"
    menu_label = _("LTI platforms")
    menu_order = 900
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["name", "issuer", "client_id", "region", "active"]
    edit_handler = ObjectList(
        [
            ToolValuesPanel(heading=_("For the platform's administrator")),
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("issuer"),
                    FieldPanel("client_id"),
                    FieldPanel("deployment_ids"),
                    FieldPanel("auth_login_url"),
                    FieldPanel("auth_token_url"),
                    FieldPanel("key_set_url"),
                    FieldPanel("platform_origin"),
                ],
                heading=_("What the platform tells you"),
            ),
            MultiFieldPanel(
                [FieldPanel("region"), FieldPanel("organisation"), FieldPanel("active")],
                heading=_("Learners from this platform"),
            ),
        ]
    )


@hooks.register("register_admin_viewset")
def register_viewset():
    return RegistrationViewSet("lti_registrations")
