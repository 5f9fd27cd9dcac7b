"""Checks on the college's reply letter as PDF: not too large, and a PDF we publish.

The checks of the PDF itself (no attachments, XFA, JavaScript or automatic actions, nothing
that unpacks beyond ``UPLOADS_MAX_UNPACKED_SIZE``) are home's, shared with Wagtail's
documents (``home/uploads/pdf.py``). ``validate_pdf_upload`` is the validator of
``CollegeResponse.reply_file`` (migration 0005 names it, so it stays here).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from home.uploads.pdf import check_pdf


def max_upload_size():
    return getattr(settings, "ADVICES_MAX_PDF_SIZE", 10 * 1024 * 1024)


def validate_pdf_upload(upload):
    limit = max_upload_size()
    if upload.size > limit:
        raise ValidationError(
            _("Dit bestand is %(size)s. Een PDF mag hier hoogstens %(limit)s zijn."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    check_pdf(
        upload,
        not_pdf=ValidationError(
            _("Dit bestand is geen PDF. Kies de brief van het college als PDF-bestand."),
            code="not_pdf",
        ),
    )
