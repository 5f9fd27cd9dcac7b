"""Mail for the council's secretariat and for the contacts of commitments: the notice that the
college replied, and the daily reminders of what is late. Composing only; ``tasks`` and the
``send_reminders`` command send.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from advices.lifecycle.lateness import overdue_commitments, overdue_replies
from advices.lifecycle.request_reminders import requests_to_remind
from advices.lifecycle.request_term import request_reminder_days
from advices.models import CollegeResponse
from home.roles import SECRETARIAT
from home.site_address import admin_base_url


def secretariat_addresses():
    """The addresses of the active members of the Secretariaat group, sorted, each once."""
    users = (
        get_user_model().objects.filter(groups__name=SECRETARIAT, is_active=True).exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


# -- the college replied -------------------------------------------------------------------


def reply_message(response, recipients):
    """The notice that the college replied to ``response.letter``, with a link to the admin."""
    letter = response.letter
    url = admin_base_url() + reverse(
        CollegeResponse.snippet_viewset.get_url_name("edit"), args=[response.pk]
    )
    subject = _("Reactie van het college op %(reference)s") % {"reference": letter.reference}
    body = _(
        "Het college heeft gereageerd op het advies %(reference)s '%(subject)s'.\n"
        "De reactie is ontvangen op %(received)s en vastgelegd in Adviesvolger.\n\n"
        "Bekijk de reactie: %(url)s\n"
    ) % {
        "reference": letter.reference,
        "subject": letter.subject,
        "received": formats.date_format(response.received_on, "j F Y"),
        "url": url,
    }
    return EmailMessage(subject, body, None, recipients)


# -- the daily reminders -------------------------------------------------------------------


# The lists of a reminder mail.
REMINDER_LISTS = ("replies", "commitments", "requests_due_soon", "requests_past_deadline")


def reminder_count(items):
    """How many things a reminder mail names (``items`` as from ``reminders``)."""
    return sum(len(items[name]) for name in REMINDER_LISTS)


@dataclass
class DayReminders:
    """What today's reminders name, and per address (``mails``) the lists of its mail, with
    the keys of ``REMINDER_LISTS``."""

    replies: list
    commitments: list
    requests_due_soon: list
    requests_past_deadline: list
    mails: dict


def reminders(today):
    """Today's ``DayReminders``.

    The secretariat hears of every late reply and commitment, and of the open requests whose
    deadline is ``request_reminder_days()`` away or was yesterday
    (``lifecycle.request_reminders``); each commitment's contact of their own commitments.
    Every address has lists of its own and each item at most once, also when a contact is a
    member of the secretariat (the same address, in any case of letters: it is written as
    the first of them spells it).
    """
    replies = list(overdue_replies(today))
    commitments = list(overdue_commitments(today))
    due_soon, past_deadline = (
        list(requests) for requests in requests_to_remind(today, request_reminder_days())
    )
    mails = {}
    spelled = {}  # lower case -> the address as first written

    def entry(address, items):
        address = spelled.setdefault(address.strip().lower(), address.strip())
        return mails.setdefault(address, items)

    for address in secretariat_addresses():
        # Copies: a contact's own list grows below, never the list being looped over.
        entry(
            address,
            {
                "replies": list(replies),
                "commitments": list(commitments),
                "requests_due_soon": due_soon,
                "requests_past_deadline": past_deadline,
            },
        )
    for commitment in commitments:
        if commitment.contact_email:
            own = entry(commitment.contact_email, {name: [] for name in REMINDER_LISTS})
            if commitment not in own["commitments"]:  # models are equal by primary key
                own["commitments"].append(commitment)
    return DayReminders(replies, commitments, due_soon, past_deadline, mails)


def reminder_message(address, items, today, connection=None):
    """The day's mail to ``address`` of what is late (``items`` as from ``reminders``)."""
    body = render_to_string(
        "advices/email/reminder.txt", {"today": today, "recipient": address, **items}
    )
    return EmailMessage(
        _("Adviesvolger: wat is te laat of bijna te laat"),
        body,
        None,
        [address],
        connection=connection,
    )
