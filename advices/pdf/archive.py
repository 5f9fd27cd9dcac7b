"""The PDF of a sent letter: rendered once, when the letter is sent, stored with its checksum,
and from then on only served, never rendered again (``advices.pdf.download``).

Sending (``advices.actions.sending``) renders the PDF in a background task with
``render_sent_pdf`` — the letter marked as sent in memory, so the PDF shows no "CONCEPT" mark —
and then, in one transaction, moves the letter to sent and stores the bytes with
``store_sent_pdf``. If either fails the letter stays "vastgesteld", no row is stored, and the
reason is shown on the letter's status page.

Files and rows: storage is not transactional, so the order matters. The file is written
first, then the row, in a savepoint of its own; if the row cannot be written the file is
deleted again at once. A row therefore never points to a file that was not written. The one
case left is an enclosing transaction that rolls back *after* this function returned (e.g. a
later error in ``manage.py load_demo``, which runs in one transaction, or a failed COMMIT):
then a file without a row stays behind in ``verzonden-brieven/``. It is harmless — nothing
links to it, a retry writes a new file under a new name (storage never overwrites) — and
``orphaned_files()`` lists such files so that they can be removed. Writing the file only
``on_commit`` instead would risk the opposite, a committed row whose file was never written,
which breaks the promise that the sent bytes are kept.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from advices.lifecycle.sizes import max_sent_pdf_size
from advices.lifecycle.statuses import PUBLIC_STATUSES
from advices.models.archive import SentLetterPdf

logger = logging.getLogger(__name__)

ARCHIVE_DIR = SentLetterPdf._meta.get_field("file").upload_to.rstrip("/")
DEFAULT_VARIANT = "pdf/a-3a"


def sent_pdf_filename(letter):
    """``<reference>-<slug of the subject>.pdf``, e.g. ``PR-2022-01-sterke-sociale-basis.pdf``:
    the name of the stored file and of the download. The reference keeps its capitals."""
    slug = slugify(letter.subject)[:80].strip("-")
    return f"{letter.reference}-{slug}.pdf" if slug else f"{letter.reference}.pdf"


class PdfArchiveError(Exception):
    """The PDF of a sent letter could not be made or stored; the message (Dutch) says why."""


def _renderer():
    # Looked up at call time: the renderer imports WeasyPrint (slow to import), and tests may
    # replace ``render_letter_pdf`` on the module.
    from advices.pdf import render

    return render


def _reason(error):
    detail = str(error).strip()
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


def render_sent_pdf(letter):
    """The PDF bytes of ``letter`` as sent (its status set to sent, in memory at least).

    Raises ``PdfArchiveError`` when it cannot be rendered or is larger than
    ``lifecycle.sizes.max_sent_pdf_size()``."""
    render = _renderer()
    try:
        pdf = render.render_letter_pdf(letter)
    except Exception as error:
        logger.exception("Rendering the PDF of letter %s failed", letter.reference)
        raise PdfArchiveError(
            _("fout bij het opmaken (%(reason)s)") % {"reason": _reason(error)}
        ) from error
    if not isinstance(pdf, bytes | bytearray) or not pdf.startswith(b"%PDF-"):
        logger.error("The renderer returned no PDF for letter %s", letter.reference)
        raise PdfArchiveError(_("het resultaat is geen PDF"))
    if len(pdf) > max_sent_pdf_size():
        raise PdfArchiveError(
            _("de PDF is %(size)s MB, groter dan de %(limit)s MB die een brief mag zijn")
            % {"size": len(pdf) // (1024 * 1024), "limit": max_sent_pdf_size() // (1024 * 1024)}
        )
    return bytes(pdf), getattr(render, "PDF_VARIANT", DEFAULT_VARIANT)


def store_sent_pdf(letter, pdf, variant=DEFAULT_VARIANT):
    """Store the rendered ``pdf`` of the sent ``letter`` with its checksum; return the row.

    Raises ``PdfArchiveError`` (and leaves nothing behind) if the letter is not sent, already
    has a stored PDF, or the PDF cannot be stored."""
    if letter.status not in PUBLIC_STATUSES:  # sent, and later answered or closed
        raise PdfArchiveError(_("alleen van een verzonden brief wordt de PDF bewaard"))
    if SentLetterPdf.objects.filter(letter_id=letter.pk).exists():
        raise PdfArchiveError(_("van deze brief is al een PDF bewaard; die wordt nooit vervangen"))
    record = SentLetterPdf(
        letter=letter,
        sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf),
        pdf_variant=variant,
    )
    try:
        # Through the field: upload_to and a free name ("…_AbC12de.pdf" if the name is taken).
        record.file.save(sent_pdf_filename(letter), ContentFile(pdf), save=False)
    except Exception as error:
        logger.exception("Storing the PDF of letter %s failed", letter.reference)
        raise PdfArchiveError(
            _("het bestand kon niet worden opgeslagen (%(reason)s)") % {"reason": _reason(error)}
        ) from error

    try:
        with transaction.atomic():
            record.save()
    except Exception as error:
        _delete_quietly(record.file.storage, record.file.name)
        logger.exception("Recording the PDF of letter %s failed", letter.reference)
        raise PdfArchiveError(
            _("de PDF kon niet worden vastgelegd (%(reason)s)") % {"reason": _reason(error)}
        ) from error
    logger.info(
        "Archived the PDF of letter %s: %s, %d bytes, sha256 %s",
        letter.reference,
        record.file.name,
        record.size,
        record.sha256,
    )
    return record


def archive_sent_pdf(letter):
    """Render the PDF of the sent ``letter`` once and store it (``render_sent_pdf`` then
    ``store_sent_pdf``); for letters sent before the PDF was kept."""
    if letter.status not in PUBLIC_STATUSES:
        raise PdfArchiveError(_("alleen van een verzonden brief wordt de PDF bewaard"))
    if SentLetterPdf.objects.filter(letter_id=letter.pk).exists():
        raise PdfArchiveError(_("van deze brief is al een PDF bewaard; die wordt nooit vervangen"))
    return store_sent_pdf(letter, *render_sent_pdf(letter))


def _delete_quietly(storage, name):
    try:
        storage.delete(name)
    except Exception:  # the original error matters more; a leftover file is only clutter
        logger.exception("Could not remove %s after a failed archive", name)


def archive_missing_pdfs(letters):
    """Archive the PDF of each sent letter in ``letters`` that has none yet (letters sent
    before this feature existed). Never renders a letter that already has one.

    Returns ``(archived, unchanged, failures)``: the letters archived now, the letters that
    already had a stored PDF, and ``(letter, PdfArchiveError)`` pairs.
    """
    archived, unchanged, failures = [], [], []
    for letter in letters:
        if letter.status not in PUBLIC_STATUSES:
            continue
        if SentLetterPdf.objects.filter(letter_id=letter.pk).exists():
            unchanged.append(letter)
            continue
        try:
            archive_sent_pdf(letter)
        except PdfArchiveError as error:
            failures.append((letter, error))
        else:
            archived.append(letter)
    return archived, unchanged, failures


def stored_bytes_match(record):
    """Whether the stored file still has the recorded size and SHA-256 (reads the file)."""
    digest = hashlib.sha256()
    size = 0
    try:
        with record.file.storage.open(record.file.name, "rb") as stored:
            for chunk in stored.chunks():
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        return False
    return size == record.size and digest.hexdigest() == record.sha256


def orphaned_files():
    """Names of files in the archive folder that no row refers to (left by a rolled-back
    send, see the module docstring). Only lists them; removing is left to a person."""
    storage = SentLetterPdf._meta.get_field("file").storage
    try:
        _dirs, files = storage.listdir(ARCHIVE_DIR)
    except FileNotFoundError:
        return []
    known = set(SentLetterPdf.objects.values_list("file", flat=True))
    return sorted(f"{ARCHIVE_DIR}/{name}" for name in files if f"{ARCHIVE_DIR}/{name}" not in known)
