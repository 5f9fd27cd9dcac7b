"""What ``manage.py backup`` records of the advice cycle and what ``manage.py restore`` checks
afterwards (the hooks of ``backups.reports``, on ``AdvicesConfig``)."""

from django.utils.translation import gettext as _

from advices.lifecycle.statuses import PUBLIC_STATUSES
from advices.models import AdviceLetter, CollegeResponse, Recommendation, SentLetterPdf
from advices.pdf.archive import stored_bytes_match


def counts():
    return [
        ("letters", _("Adviesbrieven"), AdviceLetter.objects.count()),
        (
            "sent_letters",
            _("Verzonden adviesbrieven"),
            AdviceLetter.objects.filter(status__in=PUBLIC_STATUSES).count(),
        ),
        ("sent_pdfs", _("Bewaarde PDF's van verzonden brieven"), SentLetterPdf.objects.count()),
        ("recommendations", _("Aanbevelingen"), Recommendation.objects.count()),
        ("letter_versions", _("Versies van adviesbrieven"), AdviceLetter.history.count()),
        (
            "recommendation_versions",
            _("Versies van aanbevelingen"),
            Recommendation.history.count(),
        ),
        ("college_responses", _("Reacties van het college"), CollegeResponse.objects.count()),
    ]


def problems():
    """Every sent letter's stored PDF must still have the size and SHA-256 recorded when it
    was sent (the check of ``manage.py check_sent_pdfs``)."""
    records = SentLetterPdf.objects.select_related("letter").order_by("letter__reference")
    return [
        _(
            "de PDF van de verzonden brief %(reference)s (%(file)s) ontbreekt of verschilt van "
            "de SHA-256 die bij het verzenden is vastgelegd"
        )
        % {"reference": record.letter.reference, "file": record.file.name}
        for record in records
        if not stored_bytes_match(record)
    ]
