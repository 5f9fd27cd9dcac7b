"""When the secretariat is reminded of a request's deadline: ``request_reminder_days()`` days
before it, and on the day after it, while the request is open (no advice sent, not declined).
One day each, so the daily reminder mail names a request twice at most. In Python and as SQL.
"""

import datetime

from django.apps import apps

from advices.lifecycle.requests import OPEN_REQUEST_STATUSES

DUE_SOON = "binnenkort"
PAST_DEADLINE = "verlopen"


def request_reminder(status, deadline, today, days_before):
    """``DUE_SOON``, ``PAST_DEADLINE`` or None: what today's reminder says of one request."""
    if status not in OPEN_REQUEST_STATUSES or deadline is None:
        return None
    if today == deadline - datetime.timedelta(days=days_before):
        return DUE_SOON
    if today == deadline + datetime.timedelta(days=1):
        return PAST_DEADLINE
    return None


def requests_to_remind(today, days_before):
    """SQL: ``(due soon, past the deadline since yesterday)``, two querysets of open
    requests, earliest deadline first."""
    requests = apps.get_model("advices", "AdviceRequest").objects.open().order_by("deadline", "pk")
    return (
        requests.filter(deadline=today + datetime.timedelta(days=days_before)),
        requests.filter(deadline=today - datetime.timedelta(days=1)),
    )
