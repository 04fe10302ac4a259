"""The base of the project's reports in the Wagtail admin.

A bottom-layer app: it imports Django and Wagtail only, so the statistics
(`learning`) and the Translations report (`modules`) can both build on it.
`AdminReportView` gives a report its permission check, filter form and CSV
and XLSX export, each saying what it is (report, filters, time made, and
what a report adds: its column definitions, scope, rule);
`admin_reports/report.html` lays out the filters, the download links, the
rows (or a line saying there are none) and the definitions of the columns.
"""
