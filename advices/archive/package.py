"""The archive package of a period: every letter sent in it (from ``start`` to ``end``, both
days included, the council's local time) as a dossier with its reply, in one ZIP.

Reproducible: the entries are in a fixed order (by dossier, then as ``DossierWriter`` lists
them) with a fixed timestamp and fixed attributes, so the same data gives the same bytes.
The one moment that is not fixed is MDTO's required ``checksumDatum`` of a reply PDF, whose
checksum the export computes: that is the export's moment (``exported_at``). The sent
letters' checksums were computed when they were stored, and carry that moment.
"""

import datetime
import hashlib
import io
import zipfile

from django.utils import timezone
from django.utils.translation import gettext as _

from advices.archive.dossiers import DossierWriter, ExportContext
from advices.lifecycle.retention import (
    DEFAULT_APPRAISAL,
    DEFAULT_CATEGORY_CODE,
    DEFAULT_CATEGORY_LABEL,
    DEFAULT_RETENTION_YEARS,
)
from advices.models import AdviceLetter, ArchiveSettings
from home.models import CouncilSettings

# ZIP's earliest date: the package carries no time of its own.
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o644 << 16


class ArchiveExportError(Exception):
    """The package cannot be made; the message (Dutch) says why and what to do."""


def letters_sent_between(start, end):
    """The letters sent from ``start`` to ``end`` (dates, both included), oldest first, with
    their stored PDF and reply in the same query."""
    zone = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    until = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return (
        AdviceLetter.objects.filter(sent_at__gte=since, sent_at__lt=until)
        .select_related("sent_pdf", "college_response")
        .order_by("sent_at", "reference")
    )


def export_context(site, exported_at):
    council = CouncilSettings.for_site(site) if site else CouncilSettings()
    archive = ArchiveSettings.objects.filter(site=site).first() if site else None
    creator = " ".join(part for part in (council.name, council.municipality) if part)
    municipality = council.municipality or _("de gemeente")
    return ExportContext(
        source=_("Adviesvolger %(creator)s") % {"creator": creator},
        creator=creator,
        college=_("College van burgemeester en wethouders van %(municipality)s")
        % {"municipality": municipality},
        category_code=archive.category_code if archive else DEFAULT_CATEGORY_CODE,
        category_label=archive.category_label if archive else DEFAULT_CATEGORY_LABEL,
        appraisal=archive.appraisal if archive else DEFAULT_APPRAISAL,
        retention_years=archive.retention_years if archive else DEFAULT_RETENTION_YEARS,
        exported_at=exported_at,
    )


def _read(field_file):
    with field_file.storage.open(field_file.name, "rb") as handle:
        return handle.read()


def _matches_record(data, record):
    return len(data) == record.size and hashlib.sha256(data).hexdigest() == record.sha256


def _sent_pdfs(letters):
    """The stored PDF of each letter (by its id), each checked against the size and SHA-256
    recorded when it was sent: the package holds exactly what was sent, or nothing."""
    missing = [letter.reference for letter in letters if not hasattr(letter, "sent_pdf")]
    if missing:
        raise ArchiveExportError(
            _(
                "Van deze verzonden brieven is geen PDF bewaard: %(references)s. Vraag de "
                "beheerder om die PDF's te maken en exporteer dan opnieuw."
            )
            % {"references": ", ".join(missing)}
        )
    found, damaged = {}, []
    for letter in letters:
        try:
            data = _read(letter.sent_pdf.file)
        except FileNotFoundError:
            data = None
        if data is not None and _matches_record(data, letter.sent_pdf):
            found[letter.pk] = data
        else:
            damaged.append(letter.reference)
    if damaged:
        raise ArchiveExportError(
            _(
                "De bewaarde PDF van %(references)s is beschadigd of weg: de bytes kloppen niet "
                "meer met de controlesom van het verzenden. Zet het bestand terug uit een "
                "back-up en exporteer dan opnieuw."
            )
            % {"references": ", ".join(damaged)}
        )
    return found


def package_files(start, end, site, exported_at=None):
    """The package's files (``PackageFile``), in package order."""
    if end < start:
        raise ArchiveExportError(_("De einddatum ligt vóór de begindatum."))
    letters = list(letters_sent_between(start, end))
    sent = _sent_pdfs(letters)
    context = export_context(site, exported_at or timezone.now())
    files = []
    for letter in letters:
        reply = getattr(letter, "college_response", None)
        reply_pdf = _read(reply.reply_file) if reply and reply.reply_file else None
        files.extend(DossierWriter(letter, context).files(sent[letter.pk], reply_pdf))
    return files


def write_zip(files, target):
    """Write ``files`` to ``target`` (a binary file object) as a ZIP with fixed metadata."""
    with zipfile.ZipFile(target, "w") as archive:
        for item in files:
            info = zipfile.ZipInfo(item.path, date_time=FIXED_ZIP_TIME)
            info.external_attr = FILE_MODE
            # PDFs are compressed already; XML compresses well.
            info.compress_type = (
                zipfile.ZIP_STORED if item.path.endswith(".pdf") else zipfile.ZIP_DEFLATED
            )
            archive.writestr(info, item.data)


def build_package(start, end, site, exported_at=None):
    """The ZIP's bytes and the number of dossiers in it."""
    files = package_files(start, end, site, exported_at)
    buffer = io.BytesIO()
    write_zip(files, buffer)
    dossiers = sum(1 for item in files if item.path.endswith("-dossier.mdto.xml"))
    return buffer.getvalue(), dossiers
