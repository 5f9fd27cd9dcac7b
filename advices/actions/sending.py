"""Sending a letter: the request only marks it; a background task renders and completes it.

1. ``SendLetter`` (the *Versturen* button) checks the step, the letter's length
   (``lifecycle.sizes``: a clear message before anything happens), locks the letter
   (``sending_since``: no edits, no second send) and enqueues ``complete_sending``. No web
   worker renders a PDF, however long the letter.
2. ``complete_sending`` (a django-tasks task) renders the PDF outside any transaction, then
   in one transaction moves the letter to *verzonden* and stores the bytes. A failure leaves
   the letter *vastgesteld*, unlocked, with the reason shown on its status page.

With the immediate backend (tests, ``make run``) the task runs at once, inside the request's
transaction: a failure then undoes the send and the button's page shows the reason at once.
With the database backend (production) the task row is written in the same transaction as
the mark, so the worker (``manage.py db_worker``) sees both or neither.
"""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from advices.actions.events import StatusWatch
from advices.actions.steps import TransitionLetter, take_step
from advices.lifecycle.sizes import letter_size_refusal
from advices.lifecycle.statuses import LetterStatus
from advices.lifecycle.transitions import SEND
from advices.models import AdviceLetter
from advices.pdf.archive import PdfArchiveError, render_sent_pdf, store_sent_pdf

logger = logging.getLogger(__name__)


def failure_message(reason):
    return _("De PDF kon niet worden gemaakt: %(reason)s; de brief is niet verzonden.") % {
        "reason": reason
    }


class SendLetter(TransitionLetter):
    def __init__(self, letter, action, user, reason="", at=None, loaded_version=None):
        super().__init__(letter, SEND, user, reason=reason, at=at, loaded_version=loaded_version)

    def check(self):
        super().check()
        self.state_check(letter_size_refusal(self.current), code="too_long")

    def perform(self):
        AdviceLetter.objects.filter(pk=self.current.pk).update(
            sending_since=self.at or timezone.now(),
            sending_by=self.user,
            sending_reason=self.reason[:100],
            sending_failure="",
        )
        complete_sending.enqueue(self.current.pk, self.at.isoformat() if self.at else None)
        self.letter.refresh_from_db()
        if self.letter.sending_failure:
            # The immediate backend ran the task already, in this transaction: undo the mark
            # with everything else and tell the person now.
            raise ValidationError(self.letter.sending_failure, code="pdf_failed")
        return self.letter


@task()
def complete_sending(letter_id, at=None):
    """Render and store the PDF of a letter marked for sending, then mark it sent."""
    at = datetime.datetime.fromisoformat(at) if at else None
    letter = AdviceLetter.objects.filter(
        pk=letter_id, status=LetterStatus.ADOPTED, sending_since__isnull=False
    ).first()
    if letter is None:
        return "nothing to send"
    try:
        sent = AdviceLetter.objects.get(pk=letter_id)
        sent.status = LetterStatus.SENT
        sent.sent_at = at or timezone.now()
        pdf, variant = render_sent_pdf(sent)
        with transaction.atomic():
            current = AdviceLetter.objects.select_for_update().get(pk=letter_id)
            if current.status != LetterStatus.ADOPTED or current.sending_since is None:
                return "no longer to send"
            watch = StatusWatch(current.pk)
            user = current.sending_by
            current.sending_since = None
            current.sending_by = None
            current.sending_failure = ""
            take_step(current, SEND, user, current.sending_reason, at)
            store_sent_pdf(current, pdf, variant)
            watch.report()
    except PdfArchiveError as error:
        record_failure(letter_id, failure_message(str(error)))
        return "failed"
    except Exception as error:  # a task must leave the letter unlocked, whatever went wrong
        logger.exception("Sending letter %s failed", letter_id)
        record_failure(letter_id, failure_message(type(error).__name__))
        return "failed"
    return "sent"


def record_failure(letter_id, message):
    AdviceLetter.objects.filter(pk=letter_id).update(
        sending_since=None, sending_by=None, sending_failure=message
    )
