"""How long the data of someone who follows by email is kept: the one place of these terms.

A subscription that is never confirmed lives as long as its confirmation link works
(``ADVICES_FOLLOW_CONFIRM_DAYS``, counted from the last confirmation mail); then it is deleted
(``advices.notify.subscriptions.delete_expired``). A confirmed one lives until its follower
unsubscribes. The privacy page states these terms from here (``advices.pages.privacy``).
"""

import datetime

from django.conf import settings
from django.db.models import Q


def confirm_max_age():
    """How long a confirmation link works, and so how long an unconfirmed subscription is kept."""
    return datetime.timedelta(days=settings.ADVICES_FOLLOW_CONFIRM_DAYS)


def expired_unconfirmed(now):
    """The subscriptions whose confirmation link has expired at ``now``, unconfirmed."""
    return Q(confirmed_at__isnull=True, created_at__lt=now - confirm_max_age())


def deleted_on(created_at):
    """When an unconfirmed subscription made (or last mailed) at ``created_at`` goes."""
    return created_at + confirm_max_age()
