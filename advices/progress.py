"""What became of each recommendation: the one place that derives public status and lateness.

Everything here is a plain function of recorded facts and a date, so the public pages,
the admin, the reminders and the tests share one rule.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from advices.models.followup import FINAL_FOLLOW_UP_STATES, FollowUpState
from advices.models.status import LetterStatus

DEFAULT_RESPONSE_TERM_WEEKS = 6


class PublicStatus(models.TextChoices):
    AWAITING_REPLY = "wacht-op-reactie", _("Wacht op reactie")
    VERDICT_GIVEN = "standpunt-gegeven", _("Standpunt gegeven")
    IN_PROGRESS = "in-uitvoering", _("In uitvoering")
    DONE = "uitgevoerd", _("Uitgevoerd")
    NOT_DONE = "niet-uitgevoerd", _("Niet uitgevoerd")


FINAL_PUBLIC_STATUSES = frozenset({PublicStatus.DONE, PublicStatus.NOT_DONE})


def latest(follow_ups):
    """The most recent update: by date, then by the order it was recorded."""
    return max(follow_ups, key=lambda f: (f.date, f.pk or 0), default=None)


def recommendation_status(verdict, follow_ups):
    """The public status from the verdict (or none yet) and the recommendation's own updates.

    Only updates on the recommendation itself count, not those on one of its commitments:
    a commitment done is not the whole advice done.
    """
    if not verdict:
        return PublicStatus.AWAITING_REPLY
    update = latest([f for f in follow_ups if f.commitment_id is None])
    if update is None:
        return PublicStatus.VERDICT_GIVEN
    return {
        FollowUpState.PLANNED: PublicStatus.IN_PROGRESS,
        FollowUpState.IN_PROGRESS: PublicStatus.IN_PROGRESS,
        FollowUpState.DONE: PublicStatus.DONE,
        FollowUpState.NOT_DONE: PublicStatus.NOT_DONE,
    }[update.state]


def commitment_is_finished(follow_ups):
    update = latest(follow_ups)
    return update is not None and update.state in FINAL_FOLLOW_UP_STATES


def commitment_is_overdue(due_date, follow_ups, today):
    """Past its due date without being finished: *te laat* from the day after."""
    return due_date < today and not commitment_is_finished(follow_ups)


def reply_due_date(sent_on, term_weeks=DEFAULT_RESPONSE_TERM_WEEKS):
    return sent_on + datetime.timedelta(weeks=term_weeks)


def reply_is_overdue(status, sent_on, today, term_weeks=DEFAULT_RESPONSE_TERM_WEEKS):
    """*Reactie te laat*: sent, no reply recorded, and the response term has passed."""
    if status != LetterStatus.SENT or sent_on is None:
        return False
    return reply_due_date(sent_on, term_weeks) < today


def letter_progress_status(current, has_reply, recommendation_statuses):
    """Where the letter's status should be once replies and follow-ups are recorded."""
    if current not in (LetterStatus.SENT, LetterStatus.ANSWERED, LetterStatus.CLOSED):
        return current
    if not has_reply:
        return LetterStatus.SENT
    statuses = list(recommendation_statuses)
    if statuses and all(status in FINAL_PUBLIC_STATUSES for status in statuses):
        return LetterStatus.CLOSED
    return LetterStatus.ANSWERED
