"""The site's URLs plus the benchmark's bare view (config.settings.production_demo, BENCH_INSTRUMENTS=1)."""

from django.urls import LocalePrefixPattern, path

from config import urls as site_urls
from demo.bench import bare, signed_in_floor

# Where the site's own URLs without a language prefix end, as it was when the
# bare view lived in config/urls.py: it is resolved like any other page.
_first_localized = next(
    index
    for index, pattern in enumerate(site_urls.urlpatterns)
    if isinstance(pattern.pattern, LocalePrefixPattern)
)
urlpatterns = [
    *site_urls.urlpatterns[:_first_localized],
    path("bench/bare/", bare),
    path("bench/signed-in/", signed_in_floor),
    *site_urls.urlpatterns[_first_localized:],
]
handler500 = site_urls.handler500
