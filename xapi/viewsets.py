"""The outbox in the admin, read only: what was sent to the LRS, what waits and why."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Statement


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Statements are written by the platform only: people may look, with the view permission."""

    def user_has_permission(self, user, action):
        return action in {"view"} and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission({"view"} & set(actions))


register_permission_policy(Statement, ReadOnlyPolicy(Statement))


class StatementViewSet(ModelViewSet):
    model = Statement
    name = "xapi_statements"
    url_prefix = "xapi-statements"
    icon = "list-ul"
    menu_label = _("xAPI statements")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "statement_id",
        "verb",
        "activity",
        "created_at",
        "sent_at",
        "attempts",
        "next_try",
        "rejected",
        "last_error",
        "statement",
    ]
    list_per_page = 50
    ordering = ["-pk"]
    list_display = [
        Column("verb", label=_("Verb")),
        Column("activity", label=_("Activity")),
        Column("status", label=_("Status")),
        DateColumn("created_at", label=_("Queued at"), sort_key="created_at"),
        DateColumn("sent_at", label=_("Sent at"), sort_key="sent_at"),
        Column("attempts", label=_("Tries")),
        DateColumn("next_try", label=_("Next try"), sort_key="next_try"),
    ]
    list_filter = ["verb", "rejected", "sent_at"]
    # No one may add or change a statement (ReadOnlyPolicy); Wagtail still builds the form.
    form_fields: list[str] = []

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename="view_statement")


statement_viewset = StatementViewSet()
