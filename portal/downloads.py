"""Stored files sent as downloads: a file missing from storage is a clear 404, never a 500."""

import logging

from django.http import FileResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)


def stored_file_response(
    request, field_file, *, filename: str, back_url: str, inline: bool = False
):
    """The file as an attachment (or, with inline, shown by the browser), or a 404 page
    saying it is missing (and an error logged).

    Call before recording that the file was read: a missing file was not.
    """
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        logger.error("stored file missing: %s (asked for at %s)", field_file.name, request.path)
        context = {"filename": filename, "back_url": back_url}
        return render(request, "portal/file_missing.html", context, status=404)
    return FileResponse(handle, as_attachment=not inline, filename=filename)
