"""Invitations, join codes, accepting and leaving."""

from django.urls import path

from ..views import membership

urlpatterns = [
    path("organisation/invite/", membership.invite, name="invite"),
    path("organisation/invite/confirm/", membership.invite_confirm, name="invite_confirm"),
    path(
        "organisation/invitations/<int:pk>/resend/",
        membership.resend_invitation,
        name="resend_invitation",
    ),
    path(
        "organisation/invitations/<int:pk>/revoke/",
        membership.revoke_invitation,
        name="revoke_invitation",
    ),
    path("organisation/join-code/", membership.join_code, name="join_code"),
    path("organisation/leave/", membership.leave, name="leave"),
    path("invitation/<str:key>/", membership.accept, name="accept"),
    path("join/", membership.join, name="join"),
    path("join/<str:code>/", membership.join_with_code, name="join_with_code"),
]
