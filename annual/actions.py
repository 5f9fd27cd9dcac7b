"""Every write of an annual report, as an action (``advices.actions.base.Action``):
``check()`` then, in one transaction on the locked row, ``perform()``.

- ``SaveReport``: a new concept, or a changed year or foreword of a concept (secretariat), as
  a compare-and-set on the report's edit number: of two people saving the same concept at
  the same moment, the second is refused instead of overwriting the first;
- ``PublishReport`` (the *Publiceren* button): checks the permission and the status, marks
  the report as being published and enqueues ``complete_publication``, as sending a letter
  does (``advices.actions.sending``): no web worker renders a PDF;
- ``complete_publication`` (a django-tasks task): computes the year's figures, renders the
  PDF with them, then in one transaction stores the PDF with its SHA-256, freezes the figures
  and marks the report published. A failure leaves the concept unlocked with the reason.

With the immediate backend (tests, ``make run``) the task runs at once in the request's
transaction: a failure undoes the mark and the person is told at once.
"""

import datetime
import hashlib
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from advices.actions.base import Action
from annual.figures import year_figures
from annual.lifecycle import (
    ReportStatus,
    edit_refusal,
    publish_permission_refusal,
    publish_state_refusal,
    publishing_edit_refusal,
    stale_save_refusal,
)
from annual.models import AnnualReport

logger = logging.getLogger(__name__)


class SaveReport(Action):
    """Saves ``report`` (new or a concept) as ``user``: the secretariat only.

    ``loaded_version`` is the edit number the person's form showed; by default the one
    ``report`` was read with. A save on an older number than is stored is refused, and so is
    a save while the report is being published (its PDF is made from the stored text)."""

    def __init__(self, report, user, at=None, loaded_version=None):
        super().__init__(user, at)
        self.report = report
        self.loaded_version = report.edit_version if loaded_version is None else loaded_version

    def lock(self):
        if self.report.pk:
            self.current = AnnualReport.objects.select_for_update().get(pk=self.report.pk)
        else:
            self.current = None

    def check(self):
        status = self.current.status if self.current else ReportStatus.CONCEPT
        self.permission_check(edit_refusal(self.user, ReportStatus.CONCEPT))
        self.state_check(edit_refusal(self.user, status), code="report_published")
        if self.current:
            self.state_check(
                publishing_edit_refusal(self.current.is_publishing), code="being_published"
            )
            self.state_check(
                stale_save_refusal(self.loaded_version, self.current.edit_version),
                code="edit_conflict",
            )

    def perform(self):
        if self.current:
            # The report was read before the lock; the stored number is the current one.
            self.report.edit_version = self.current.edit_version
        self.tag(self.report)
        self.report.save()
        return self.report


class PublishReport(Action):
    def __init__(self, report, user, at=None):
        super().__init__(user, at)
        self.report = report

    def lock(self):
        self.current = AnnualReport.objects.select_for_update().get(pk=self.report.pk)

    def check(self):
        self.permission_check(publish_permission_refusal(self.user))
        today = timezone.localdate(self.at) if self.at else timezone.localdate()
        self.state_check(
            publish_state_refusal(
                self.current.status, self.current.is_publishing, self.current.year, today
            ),
            code="not_publishable",
        )

    def perform(self):
        AnnualReport.objects.filter(pk=self.current.pk).update(
            publishing_since=self.at or timezone.now(),
            publishing_by=self.user,
            publishing_failure="",
        )
        complete_publication.enqueue(self.current.pk, self.at.isoformat() if self.at else None)
        self.report.refresh_from_db()
        if self.report.publishing_failure:
            # The immediate backend ran the task already, in this transaction: undo the
            # mark with everything else and tell the person now.
            raise ValidationError(self.report.publishing_failure, code="pdf_failed")
        return self.report


def _renderer():
    # Looked up at call time: WeasyPrint is slow to import, and tests may replace it.
    from annual import pdf

    return pdf


def failure_message(reason):
    return _(
        "De PDF kon niet worden gemaakt: %(reason)s; het jaarverslag is niet gepubliceerd."
    ) % {"reason": reason}


@task()
def complete_publication(report_id, at=None):
    """Freeze the figures of a report marked for publication, render and store its PDF, and
    mark it published."""
    at = datetime.datetime.fromisoformat(at) if at else timezone.now()
    report = AnnualReport.objects.filter(
        pk=report_id, status=ReportStatus.CONCEPT, publishing_since__isnull=False
    ).first()
    if report is None:
        return "nothing to publish"
    stored_name = None
    try:
        figures = year_figures(report.year, today=timezone.localdate(at))
        report.published_at = at  # in memory: the PDF says when it was published
        pdf = _renderer().render_report_pdf(report, figures)
        if not isinstance(pdf, bytes | bytearray) or not pdf.startswith(b"%PDF-"):
            raise ValueError("geen PDF")
        with transaction.atomic():
            current = AnnualReport.objects.select_for_update().get(pk=report_id)
            if current.status != ReportStatus.CONCEPT or current.publishing_since is None:
                return "no longer to publish"
            current.pdf.save(f"jaarverslag-{current.year}.pdf", ContentFile(pdf), save=False)
            stored_name = current.pdf.name
            current.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
            current.pdf_size = len(pdf)
            current.figures = figures
            current.status = ReportStatus.PUBLISHED
            current.published_at = at
            current.published_by = current.publishing_by
            current.publishing_since = None
            current.publishing_by = None
            current._publishing = True
            current._history_user = current.published_by
            current._history_date = at
            current._change_reason = "Gepubliceerd"
            current.save()
    except Exception as error:  # a task must leave the report unlocked, whatever went wrong
        logger.exception("Publishing annual report %s failed", report_id)
        if stored_name:
            AnnualReport._meta.get_field("pdf").storage.delete(stored_name)
        AnnualReport.objects.filter(pk=report_id).update(
            publishing_since=None,
            publishing_by=None,
            publishing_failure=failure_message(type(error).__name__),
        )
        return "failed"
    return "published"
