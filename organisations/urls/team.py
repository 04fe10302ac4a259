from django.urls import path

from ..views import team

urlpatterns = [
    path("organisation/team/", team.team, name="team"),
    path("organisation/team/export/", team.team_export, name="team_export"),
    path(
        "organisation/team/programmes/<uuid:programme_key>/remind/",
        team.remind,
        name="remind_not_started",
    ),
    path("organisation/team/members/<int:pk>/remove/", team.remove, name="remove_member"),
    path("organisation/team/members/<int:pk>/role/", team.change_role, name="set_role"),
    path("organisation/enrolments/", team.enrolments, name="enrolments"),
    path(
        "organisation/enrolments/<int:pk>/remove/",
        team.enrolment_remove,
        name="enrolment_remove",
    ),
]
