from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import manifest
from home import views as home_views

urlpatterns = [
    # Browsers ask for /favicon.ico on their own, on every first visit.
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # LTI 1.3: platforms keep these URLs, so they carry no language prefix.
    path("lti/", include("lti.urls")),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.urls import re_path

    from home.media import serve_media

    # Uploaded images and documents, for a single machine (`make serve`); real
    # deployments serve media from the proxy or S3.
    urlpatterns.append(
        re_path(r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")), serve_media)
    )

# A database outage gets a "try again" page (503), anything else the 500 page.
handler500 = "home.errors.server_error"

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("manifest.webmanifest", manifest.web_manifest, name="web_manifest"),
    path("", include("learning.urls")),
    path("", include("organisations.urls")),
    path("", include("impact.urls")),
    path("", include("reporting.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
