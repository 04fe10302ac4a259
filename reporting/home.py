"""The programme manager's home: dashboard panels for people who may see statistics."""

from __future__ import annotations

from django.middleware.csrf import get_token
from django.urls import reverse
from wagtail.admin.ui.components import Component

from .home_figures import home_figures
from .models import ReportSubscription


class ManagerPanel(Component):
    class Media:
        css = {"all": ["reporting/dashboard.css"]}

    def __init__(self, request):
        self.request = request


class ProgrammesPanel(ManagerPanel):
    name = "manager_programmes"
    template_name = "reporting/home/programmes.html"
    order = 90

    def get_context_data(self, parent_context=None):
        user = self.request.user
        figures = home_figures(self.request)
        return {
            "programmes": figures.programmes,
            "figures": figures,
            "may_set_targets": True,  # whoever sees a region's statistics keeps its targets
            "targets_url": reverse("programme_targets:index"),
            "subscribed": set(
                ReportSubscription.objects.filter(user=user).values_list("programme_key", flat=True)
            ),
            "subscription_url": reverse("reporting_subscription"),
            "csrf_token": get_token(self.request),
        }


class TrendPanel(ManagerPanel):
    name = "manager_trend"
    template_name = "reporting/home/trend.html"
    order = 95

    def get_context_data(self, parent_context=None):
        figures = home_figures(self.request)
        return {
            "trend": figures.trend,
            "figures": figures,
            "reports": [
                (reverse("learning_statistics:overview"), "overview"),
                (reverse("learning_statistics:funnel"), "funnel"),
                (reverse("learning_statistics:over_time"), "over_time"),
            ],
        }


class ImpactPanel(ManagerPanel):
    """What the training changed: learning gain and retention per programme in the
    manager's regions, as the learning gain report by programme shows them."""

    name = "manager_impact"
    template_name = "reporting/home/impact.html"
    order = 97

    def get_context_data(self, parent_context=None):
        figures = home_figures(self.request)
        return {
            # A programme whose learners took only a final check has nothing to show.
            "programmes": [
                row
                for row in figures.gain_by_programme
                if (row["learners"], row["baseline_only"]) != (0, 0)
            ],
            "figures": figures,
            "report_url": reverse("impact_statistics:gain_by", args=["programme"]),
        }
