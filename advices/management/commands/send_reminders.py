"""Daily reminders of overdue replies and commitments (meant for a daily timer).

Each recipient gets at most one mail a day: a second run on the same day sends nothing.
"""

from collections import defaultdict

from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from advices.models import ReminderLog
from advices.notifications import secretariat_addresses
from advices.tracking import overdue_commitments, overdue_replies


class Command(BaseCommand):
    help = "Mail the secretariat and responsible contacts about overdue replies and commitments."

    def handle(self, *args, **options):
        translation.activate("nl")
        today = timezone.localdate()
        replies = list(overdue_replies(today))
        commitments = list(overdue_commitments(today))

        mails = defaultdict(lambda: {"replies": [], "commitments": []})
        for address in secretariat_addresses():
            mails[address]["replies"] = replies
            mails[address]["commitments"] = commitments
        for commitment in commitments:
            if commitment.contact_email:
                mails[commitment.contact_email]["commitments"].append(commitment)

        sent = skipped = 0
        for address, items in sorted(mails.items()):
            count = len(items["replies"]) + len(items["commitments"])
            if not count:
                continue
            if not self.claim(address, today, count):
                skipped += 1
                continue
            body = render_to_string(
                "advices/email/reminder.txt", {"today": today, "recipient": address, **items}
            )
            send_mail(_("Adviesvolger: wat is te laat"), body, None, [address])
            sent += 1
        self.stdout.write(
            f"overdue replies: {len(replies)}, overdue commitments: {len(commitments)}, "
            f"mails sent: {sent}, already sent today: {skipped}"
        )

    @staticmethod
    def claim(address, today, count):
        """Record today's mail first; a unique row per recipient and day stops repeats."""
        try:
            with transaction.atomic():
                ReminderLog.objects.create(recipient=address, sent_on=today, items=count)
        except IntegrityError:
            return False
        return True
