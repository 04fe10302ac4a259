from django.apps import AppConfig


class AdminReportsConfig(AppConfig):
    name = "admin_reports"
