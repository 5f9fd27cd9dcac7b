"""The check of a Wagtail document upload, picked by the file's extension.

An extension that Wagtail does not allow (``WAGTAILDOCS_EXTENSIONS``) is left to Wagtail's own
refusal; an allowed extension that no check here knows is refused, so adding an extension to
the setting never lets files in unchecked.
"""

import os

from django.conf import settings

from home.uploads.messages import refuse
from home.uploads.office import KINDS as OFFICE_KINDS
from home.uploads.office import check_office_file
from home.uploads.pdf import check_pdf
from home.uploads.text import check_text_file


def validate_document_upload(upload):
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    if extension == "pdf":
        check_pdf(upload)
    elif extension in OFFICE_KINDS:
        check_office_file(upload, extension)
    elif extension in ("csv", "txt"):
        check_text_file(upload, extension)
    else:
        allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        if allowed and extension not in allowed:
            return  # Wagtail refuses it with its own message
        raise refuse("unsupported")
