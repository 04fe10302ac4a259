"""The site has an icon: no 404 on a browser's first visit, in any tab."""

from django.contrib.staticfiles import finders
from django.test import Client


def test_the_icon_is_where_browsers_look_for_it(site_pages):
    response = Client().get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("icons/favicon.ico")
    with open(finders.find("icons/favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file


def test_pages_name_their_icons(client, site_pages):
    html = client.get("/en/").content.decode()
    assert 'rel="icon"' in html and "icons/favicon.svg" in html
    assert 'rel="apple-touch-icon"' in html
