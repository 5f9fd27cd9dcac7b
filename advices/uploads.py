"""Checks on uploaded PDF files: a real PDF, not too large, without scripts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

# Names that make a PDF run code or act on opening; a reply letter needs none of them.
ACTIVE_CONTENT_KEYS = {"/JS", "/JavaScript", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile"}


def max_upload_size():
    return getattr(settings, "ADVICES_MAX_PDF_SIZE", 10 * 1024 * 1024)


def _contains_active_content(obj, seen):
    """Walk the PDF's object graph once, looking for script or auto-action keys."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if hasattr(item, "get_object"):
            reference = (getattr(item, "idnum", None), getattr(item, "generation", None))
            if reference[0] is not None:
                if reference in seen:
                    continue
                seen.add(reference)
            item = item.get_object()
        if isinstance(item, dict):
            if ACTIVE_CONTENT_KEYS & set(item.keys()):
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def validate_pdf_upload(upload):
    limit = max_upload_size()
    if upload.size > limit:
        raise ValidationError(
            _("Dit bestand is %(size)s. Een PDF mag hier hoogstens %(limit)s zijn."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    if not upload.read(1024).lstrip().startswith(b"%PDF-"):
        raise ValidationError(
            _("Dit bestand is geen PDF. Kies de brief van het college als PDF-bestand."),
            code="not_pdf",
        )
    upload.seek(0)
    try:
        reader = PdfReader(upload)
        if reader.is_encrypted:
            raise ValidationError(
                _("Deze PDF is beveiligd met een wachtwoord. Kies een PDF zonder beveiliging."),
                code="encrypted",
            )
        has_script = _contains_active_content(reader.trailer["/Root"], set())
        len(reader.pages)
    except ValidationError:
        raise
    except (PyPdfError, KeyError, ValueError, TypeError, AttributeError, RecursionError) as error:
        raise ValidationError(
            _("Deze PDF is beschadigd en kan niet worden gelezen."), code="broken_pdf"
        ) from error
    finally:
        upload.seek(0)
    if has_script:
        raise ValidationError(
            _(
                "Deze PDF bevat scripts of automatische acties. Die nemen we niet op. "
                "Sla de brief opnieuw op als gewone PDF (bijvoorbeeld via 'Afdrukken als PDF')."
            ),
            code="active_content",
        )
