from django.urls import path

from . import views

app_name = "learning_statistics"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("by/<str:dimension>/", views.BreakdownView.as_view(), name="breakdown"),
    path("over-time/", views.OverTimeView.as_view(), name="over_time"),
    path("funnel/", views.FunnelView.as_view(), name="funnel"),
    path("questions/", views.QuestionsView.as_view(), name="questions"),
]
