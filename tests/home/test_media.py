"""Uploaded files served by the site itself on a single machine."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def test_an_uploaded_file_is_served_with_its_type(client, db):
    name = default_storage.save("images/logo.png", ContentFile(b"\x89PNG\r\n\x1a\nfake"))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_missing_hidden_and_climbing_paths_are_not_found(client, db):
    default_storage.save("secret.txt", ContentFile(b"not for you"))
    for path in ("/media/nothing-here.png", "/media/../config/settings/base.py", "/media/.env"):
        assert client.get(path).status_code == 404, path
