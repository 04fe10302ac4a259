"""The web app manifest: what a phone shows when the site is added to its home screen."""

from django.contrib.staticfiles import finders


def test_every_page_links_the_manifest_of_its_language(client, site_pages):
    page = client.get("/en/").content.decode()
    assert '<link rel="manifest" href="/en/manifest.webmanifest">' in page


def test_the_manifest_names_the_site_in_the_pages_language_and_its_icons_exist(client, db):
    response = client.get("/et/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["lang"] == "et"
    assert manifest["start_url"] == "/et/"
    assert manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        name = icon["src"].removeprefix("/static/")
        assert finders.find(name), f"{icon['src']} is not a static file"
