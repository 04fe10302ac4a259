"""Uploaded images and documents served by Django itself, for a single machine.

Real deployments serve media from the proxy or S3. Reading through the default
storage (rather than a folder on disk) serves whatever storage is configured,
the in-memory one of the browser tests included.
"""

from __future__ import annotations

import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.utils._os import safe_join


def serve_media(request: HttpRequest, path: str) -> FileResponse:
    name = posixpath.normpath(path).lstrip("/")
    try:
        # Refuses paths that climb out of the media root ("../").
        safe_join("/media-root", name)
    except Exception as error:
        raise Http404("No such file") from error
    if not name or name.startswith(".") or not default_storage.exists(name):
        raise Http404("No such file")
    content_type, _encoding = mimetypes.guess_type(name)
    return FileResponse(
        default_storage.open(name, "rb"), content_type=content_type or "application/octet-stream"
    )
