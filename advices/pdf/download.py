"""The public download of a sent letter's PDF: exactly the stored bytes, never a new rendering.

Served by ``AdviceIndexPage`` at ``<reference>/pdf/`` (only sent letters get there). The bytes of
a sent letter never change, so the SHA-256 is a strong ETag and the response may be cached for
a year. As an attachment: the link says "Download", and the saved file gets a meaningful name
(``PR-2022-01-sterke-sociale-basis.pdf``) instead of ``pdf``; readers who want it in the
browser have the letter as a web page one click away.

If the stored file is gone or damaged, the visitor gets an error page that says so and the
site logs an error; the PDF is not made again, because a new rendering would not be the letter
as it was sent.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date
from wagtail.models import Page, PageViewRestriction

from advices.models.archive import SentLetterPdf
from advices.pdf.archive import sent_pdf_filename

logger = logging.getLogger(__name__)

ONE_YEAR = 365 * 24 * 60 * 60
# How long the fast path trusts a URL → file mapping. Short, because with a cache per
# process (the default) another process does not see an invalidation below.
FAST_PATH_SECONDS = 60
# Small PDFs are kept in memory by the fast path; larger ones are streamed from storage.
FAST_PATH_MAX_BYTES = 2 * 1024 * 1024
GENERATION_KEY = "sent-pdf:generation"
TEMPLATE = "advices/letter_pdf_unavailable.html"


def stored_pdf(letter):
    """The stored PDF row of ``letter``, or None; uses a row fetched with select_related."""
    try:
        return letter.sent_pdf
    except SentLetterPdf.DoesNotExist:
        return None


def behind_view_restriction(page):
    """Whether a Wagtail view restriction applies to ``page`` (set on it or on an ancestor;
    for an alias, on its source, as ``Page.get_view_restrictions`` resolves it), in one
    query instead of that method's two. Wagtail has already let this request through; this
    only decides whether the response may be kept by shared caches."""
    steplen = page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths) | Q(page__in=sources)
    ).exists()


def _cache_headers(response, stored, restricted):
    response.headers["ETag"] = f'"{stored.sha256}"'
    response.headers["Last-Modified"] = http_date(stored.rendered_at)
    scope = "private" if restricted else "public"
    response.headers["Cache-Control"] = f"{scope}, max-age={ONE_YEAR}, immutable"
    return response


def serve_sent_pdf(request, page, letter):
    """The response for the PDF of the sent ``letter`` (a public letter, found by ``page``)."""
    record = stored_pdf(letter)
    if record is None:
        return _unavailable(request, page, letter, status=404, missing=False)

    # A page behind a Wagtail view restriction must not land in shared caches.
    restricted = behind_view_restriction(page)
    response = stored_pdf_response(request, StoredPdf.of(record, letter), restricted)
    if response is None:
        return _unavailable(request, page, letter, status=500, missing=True)
    if not restricted:
        remember_public_pdf(request.path, StoredPdf.of(record, letter))
    return response


@dataclass(frozen=True)
class StoredPdf:
    """What serving a stored PDF needs; plain values, so it can be cached."""

    reference: str
    name: str
    sha256: str
    size: int
    rendered_at: float
    filename: str

    @classmethod
    def of(cls, record, letter):
        return cls(
            reference=letter.reference,
            name=record.file.name,
            sha256=record.sha256,
            size=record.size,
            rendered_at=record.rendered_at.timestamp(),
            filename=sent_pdf_filename(letter),
        )


def _cache_key(path):
    return f"sent-pdf:{cache.get(GENERATION_KEY, 0)}:{path}"


def forget_public_pdfs(**kwargs):
    """A page moved, or a view restriction changed: no remembered URL is trusted any more."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def remember_public_pdf(path, stored):
    """The bytes behind this URL never change: remember them (small files, checked against
    their SHA-256) or at least where they are, for the fast path."""
    content = None
    if stored.size <= FAST_PATH_MAX_BYTES:
        try:
            with default_storage.open(stored.name, "rb") as opened:
                content = opened.read()
        except FileNotFoundError:
            return
        if hashlib.sha256(content).hexdigest() != stored.sha256:
            return  # damaged: every request takes the checked path and gets the error page
    cache.set(_cache_key(path), (stored, content), FAST_PATH_SECONDS)


def remembered_public_pdf(path):
    """``(stored, content or None)`` for a remembered URL, or None."""
    return cache.get(_cache_key(path))


def stored_pdf_response(request, stored, restricted=False, content=None):
    """A conditional or full response of exactly the stored bytes; None if they are gone."""
    etag = f'"{stored.sha256}"'
    not_modified = get_conditional_response(request, etag=etag, last_modified=stored.rendered_at)
    if not_modified is not None:  # 304 (or 412): the client has these very bytes
        return _cache_headers(not_modified, stored, restricted)
    if content is not None:
        response = HttpResponse(content, content_type="application/pdf")
        response.headers["Content-Disposition"] = content_disposition_header(True, stored.filename)
        return _cache_headers(response, stored, restricted)
    try:
        opened = default_storage.open(stored.name, "rb")
    except FileNotFoundError:
        logger.error(
            "The stored PDF of sent letter %s is missing: %s (sha256 %s). It is not rendered "
            "again; restore the file from a backup.",
            stored.reference,
            stored.name,
            stored.sha256,
        )
        return None
    actual_size = opened.size
    if actual_size != stored.size:
        opened.close()
        logger.error(
            "The stored PDF of sent letter %s is damaged: %s has %s bytes, %s were stored "
            "(sha256 %s). It is not served; restore the file from a backup.",
            stored.reference,
            stored.name,
            actual_size,
            stored.size,
            stored.sha256,
        )
        return None
    response = FileResponse(
        opened, as_attachment=True, filename=stored.filename, content_type="application/pdf"
    )
    response.headers["Content-Length"] = str(stored.size)
    return _cache_headers(response, stored, restricted)


def _unavailable(request, page, letter, *, status, missing):
    response = page.render(
        request,
        template=TEMPLATE,
        context_overrides={
            "letter": letter,
            "letter_url": page.letter_url(letter, request),
            "file_missing": missing,
            "breadcrumb_trail": [
                {
                    "title": f"{letter.reference} {letter.subject}",
                    "url": page.letter_url(letter, request),
                },
                {"title": "PDF"},
            ],
        },
    )
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


def uploaded_pdf(field_file, filename, missing):
    """A checked PDF the municipality uploaded (a reply, a decision), as a download."""
    try:
        opened = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404(missing) from error
    return FileResponse(
        opened, as_attachment=True, filename=filename, content_type="application/pdf"
    )
