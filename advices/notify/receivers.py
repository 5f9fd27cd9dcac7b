"""What the actions report, turned into mail tasks. ``connect()`` runs in
``AdvicesConfig.ready``.

The actions send ``status_changed``, ``reply_recorded`` and ``request_registered`` after
their transaction commits (``advices.actions.events``); a receiver only enqueues a task with
plain data, so no web request composes or sends mail. Nothing here may raise: what was
recorded is committed, and a queue that cannot take the task is logged, not turned into an
error page.
"""

import logging

from advices.actions.events import reply_recorded, request_registered, status_changed
from advices.lifecycle.statuses import PUBLIC_STATUSES
from advices.notify import tasks

logger = logging.getLogger(__name__)


def on_status_changed(sender, change, **kwargs):
    """One task per action, whatever it changed. Only a public letter has followers: steps
    before sending (propose, adopt) enqueue nothing; the task checks again when it runs."""
    if not change or (change.letter_after and change.letter_after not in PUBLIC_STATUSES):
        return
    try:
        tasks.mail_followers.enqueue(change.as_dict())
    except Exception:
        logger.exception("De mail aan volgers over %s kon niet in de wachtrij", change)


def on_reply_recorded(sender, response_id, **kwargs):
    try:
        tasks.mail_secretariat_of_reply.enqueue(response_id)
    except Exception:
        logger.exception("De mail over reactie %s kon niet in de wachtrij", response_id)


def on_request_registered(sender, request_id, **kwargs):
    try:
        tasks.mail_request_followers.enqueue(request_id)
    except Exception:
        logger.exception("De mail over adviesaanvraag %s kon niet in de wachtrij", request_id)


def connect():
    status_changed.connect(on_status_changed, dispatch_uid="advices.notify.status_changed")
    reply_recorded.connect(on_reply_recorded, dispatch_uid="advices.notify.reply_recorded")
    request_registered.connect(
        on_request_registered, dispatch_uid="advices.notify.request_registered"
    )
