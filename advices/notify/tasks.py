"""The background tasks that send mail (django-tasks). Their arguments are plain JSON: ids and
dicts, never model instances, so a worker in another process can run them later.

Tests and ``make run`` use the immediate backend (a task runs when it is enqueued); production
uses django-tasks-db, whose worker (``manage.py db_worker``) runs them. Tasks are enqueued
after the transaction that caused them has committed (``receivers``, and the follow view with
``transaction.on_commit``), so a task never sees data that was rolled back.

A task that cannot send logs why and fails (the task result says FAILED); what was recorded
stays recorded. The daily reminders are sent by ``manage.py send_reminders`` itself, not
here: see that command for why.
"""

import logging

from django.conf import settings
from django.core.mail import get_connection
from django.utils import translation
from django_tasks import task

from advices.actions.events import StatusChange
from advices.models import AdviceRequest, CollegeResponse, Subscription
from advices.notify import follower_mail, secretariat, stored_data
from advices.notify.subscriptions import find_target

logger = logging.getLogger(__name__)


@task()
def mail_followers(change):
    """Mail every confirmed follower of what changed, one mail per address.
    ``change`` is ``StatusChange.as_dict()``. Returns the number of mails sent."""
    status_change = StatusChange.from_dict(change)
    try:
        with translation.override(settings.LANGUAGE_CODE):
            messages = follower_mail.status_change_messages(status_change)
            if not messages:
                return 0
            return get_connection().send_messages(messages) or 0
    except Exception:
        logger.exception("Volgers konden niet worden gemaild over %s", status_change)
        raise


@task()
def mail_confirmation(subscription_id, base_url=None):
    """Mail the confirmation link of a new (or repeated) subscription. ``base_url`` is the
    address the visitor used (``https://host``), for the link; the site's when None.
    Returns the number of mails sent: 0 when the subscription or its target is gone."""
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        return 0
    target = find_target(subscription.target_type, subscription.target_id)
    if target is None:
        return 0
    try:
        with translation.override(settings.LANGUAGE_CODE):
            return follower_mail.confirmation_message(subscription, target, base_url).send()
    except Exception:
        logger.exception("De bevestigingsmail aan volger %s kon niet weg", subscription_id)
        raise


@task()
def mail_stored_data(email, base_url=None):
    """Mail ``email`` what is stored about it (or that nothing is). ``base_url`` as for
    ``mail_confirmation``. The address is this task's argument: the daily clean-up of task
    results (README, "Production") removes it with the result."""
    try:
        with translation.override(settings.LANGUAGE_CODE):
            return stored_data.stored_data_message(email, base_url).send()
    except Exception:
        # Not the address itself in the log: the log is kept longer than the task.
        logger.exception("De e-mail met opgeslagen gegevens kon niet weg")
        raise


@task()
def mail_secretariat_of_reply(response_id):
    """Tell the secretariat that the college's reply ``response_id`` was recorded."""
    response = CollegeResponse.objects.select_related("letter").filter(pk=response_id).first()
    recipients = secretariat.secretariat_addresses()
    if response is None or not recipients:
        return 0
    try:
        with translation.override(settings.LANGUAGE_CODE):
            return secretariat.reply_message(response, recipients).send()
    except Exception:
        logger.exception("Het secretariaat kon niet worden gemaild over reactie %s", response_id)
        raise


@task()
def mail_request_followers(request_id):
    """Mail every confirmed follower of the new requests about request ``request_id``.
    Returns the number of mails sent: 0 when the request is gone or nobody follows."""
    advice_request = AdviceRequest.objects.filter(pk=request_id).first()
    if advice_request is None:
        return 0
    try:
        with translation.override(settings.LANGUAGE_CODE):
            messages = follower_mail.new_request_messages(advice_request)
            if not messages:
                return 0
            return get_connection().send_messages(messages) or 0
    except Exception:
        logger.exception("Volgers konden niet worden gemaild over adviesaanvraag %s", request_id)
        raise
