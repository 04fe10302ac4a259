"""Module pages stay light on weak connections; lesson images come as responsive renditions."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from modules.models import ModulePage
from tests.factories import make_module, sample_body, uid
from tests.learning.test_query_counts import big_quiz

# HTML + CSS + JS as sent gzipped (lesson images excluded): the target in docs/performance.md.
# Static files are served pre-compressed by whitenoise; gzip at level 6 is
# what it sends for them.
PAGE_WEIGHT_BUDGET = 100 * 1024


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def static_bytes(url: str) -> bytes:
    path = finders.find(url.removeprefix("/static/"))
    assert path, f"{url} is not a static file"
    with open(path, "rb") as handle:
        return handle.read()


def transferred_weight(client, url: str) -> dict[str, int]:
    """Each part of the page and the bytes it costs on the wire; images are not counted."""
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    weights = {"html": len(response.content)}
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(
        r'<script[^>]+src="([^"]+)"', html
    )
    for url in assets:
        weights[url] = gzipped(static_bytes(url))
    return weights


@pytest.mark.django_db(transaction=True)
def test_the_heaviest_demo_module_page_is_under_100_kb(client):
    call_command("seed_demo", languages="et", without_activity=True, verbosity=0)
    heaviest = max(ModulePage.objects.live(), key=lambda p: len(p.body.raw_data) + len(p.quiz))
    weights = transferred_weight(client, heaviest.url)
    assert any(url.endswith(".css") for url in weights), "the stylesheet is counted"
    assert sum(weights.values()) < PAGE_WEIGHT_BUDGET, weights


def test_a_long_module_with_25_questions_is_under_100_kb(client, site_pages):
    _home, index = site_pages
    body = [{**block, "id": uid()} for _ in range(10) for block in sample_body()]
    module = make_module(index, "Long module", body=body, quiz=big_quiz(25))
    weights = transferred_weight(client, module.url)
    assert sum(weights.values()) < PAGE_WEIGHT_BUDGET, weights


def attribute(tag: str, name: str) -> str:
    return re.search(rf'{name}="([^"]*)"', tag).group(1)


@pytest.fixture
def lesson_image(db):
    return Image.objects.create(title="Phishing mail", file=get_test_image_file(size=(1600, 900)))


def test_lesson_images_are_responsive_lazy_modern_renditions(client, site_pages, lesson_image):
    _home, index = site_pages
    body = [
        {"type": "paragraph", "id": uid(), "value": "<p>Look at the sender.</p>"},
        {
            "type": "image",
            "id": uid(),
            "value": {
                "image": lesson_image.pk,
                "alt_text": "A fake invoice e-mail",
                "caption": "Spot the sender",
            },
        },
    ]
    module = make_module(index, "Images", body=body)
    html = client.get(module.url).content.decode()
    figure = re.search(r'<figure class="lesson-image">(.*?)</figure>', html, re.S).group(1)
    sources = {
        attribute(tag, "type"): attribute(tag, "srcset")
        for tag in re.findall(r"<source [^>]+>", figure)
    }
    # Modern formats first, each in several widths for the browser to choose from.
    assert list(sources) == ["image/avif", "image/webp"]
    for srcset in sources.values():
        assert {int(w) for w in re.findall(r" (\d+)w", srcset)} == {480, 800, 1200}
    img = re.search(r"<img [^>]+>", figure).group(0)
    assert 'loading="lazy"' in img
    assert 'alt="A fake invoice e-mail"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert 'sizes="(min-width: 60rem) 60rem, 100vw"' in img
    assert re.search(r'src="[^"]+\.jpg"', img), "JPEG for browsers without AVIF or WebP"
    assert "<figcaption>Spot the sender</figcaption>" in figure
