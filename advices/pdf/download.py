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

import logging

from django.db.models import Q
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from wagtail.models import Page, PageViewRestriction

from advices.models.archive import SentLetterPdf
from advices.pdf.archive import sent_pdf_filename

logger = logging.getLogger(__name__)

ONE_YEAR = 365 * 24 * 60 * 60
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


def _cache_headers(response, record, restricted):
    response.headers["ETag"] = f'"{record.sha256}"'
    response.headers["Last-Modified"] = http_date(record.rendered_at.timestamp())
    scope = "private" if restricted else "public"
    response.headers["Cache-Control"] = f"{scope}, max-age={ONE_YEAR}, immutable"
    return response


def serve_sent_pdf(request, page, letter):
    """The response for the PDF of the sent ``letter`` (a public letter, found by ``page``)."""
    from django.http import FileResponse

    record = stored_pdf(letter)
    if record is None:
        return _unavailable(request, page, letter, status=404, missing=False)

    # A page behind a Wagtail view restriction must not land in shared caches.
    restricted = behind_view_restriction(page)
    not_modified = get_conditional_response(
        request, etag=f'"{record.sha256}"', last_modified=record.rendered_at.timestamp()
    )
    if not_modified is not None:  # 304 (or 412): the client has these very bytes
        return _cache_headers(not_modified, record, restricted)

    storage = record.file.storage
    try:
        stored = storage.open(record.file.name, "rb")
    except FileNotFoundError:
        logger.error(
            "The stored PDF of sent letter %s is missing: %s (sha256 %s). It is not rendered "
            "again; restore the file from a backup.",
            letter.reference,
            record.file.name,
            record.sha256,
        )
        return _unavailable(request, page, letter, status=500, missing=True)
    actual_size = stored.size
    if actual_size != record.size:
        stored.close()
        logger.error(
            "The stored PDF of sent letter %s is damaged: %s has %s bytes, %s were stored "
            "(sha256 %s). It is not served; restore the file from a backup.",
            letter.reference,
            record.file.name,
            actual_size,
            record.size,
            record.sha256,
        )
        return _unavailable(request, page, letter, status=500, missing=True)

    response = FileResponse(
        stored,
        as_attachment=True,
        filename=sent_pdf_filename(letter),
        content_type="application/pdf",
    )
    response.headers["Content-Length"] = str(record.size)
    return _cache_headers(response, record, restricted)


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
