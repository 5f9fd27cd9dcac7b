"""Daily reminders of overdue replies and commitments, and of requests for advice whose
deadline is near or was yesterday (meant for a daily timer).

Each recipient gets at most one mail a day: a second run on the same day sends nothing.

The command sends the mails itself rather than enqueueing a task per recipient. The rule
"mail only in background tasks" keeps mail out of web requests; this command is not one: a
timer runs it once a day, nobody waits for it. Sending here keeps the day's claim
(``ReminderLog``) and the mail together: a mail that cannot be sent gives back its claim, so
the next run on the same day tries that address again, and the command ends with an error
that the timer's log shows. It also works when no task worker is running.
"""

import logging

from django.conf import settings
from django.core.mail import get_connection
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from advices.models import ReminderLog
from advices.notify.secretariat import reminder_count, reminder_message, reminders

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Mail the secretariat and responsible contacts about overdue replies and commitments, "
        "and the secretariat about requests' deadlines."
    )

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        today = timezone.localdate()
        day = reminders(today)

        sent = skipped = failed = 0
        connection = get_connection()
        for address, items in sorted(day.mails.items()):
            count = reminder_count(items)
            if not count:
                continue
            if not self.claim(address, today, count):
                skipped += 1
                continue
            try:
                reminder_message(address, items, today, connection).send()
            except Exception:
                logger.exception("De herinnering aan %s kon niet worden verstuurd", address)
                ReminderLog.objects.filter(recipient=address, sent_on=today).delete()
                failed += 1
                continue
            sent += 1
        self.stdout.write(
            f"overdue replies: {len(day.replies)}, overdue commitments: {len(day.commitments)}, "
            f"requests near their deadline: {len(day.requests_due_soon)}, "
            f"requests past it since yesterday: {len(day.requests_past_deadline)}, "
            f"mails sent: {sent}, already sent today: {skipped}, failed: {failed}"
        )
        if failed:
            raise CommandError(f"{failed} reminder mail(s) could not be sent; run again to retry.")

    @staticmethod
    def claim(address, today, count):
        """Record today's mail first; a unique row per recipient and day stops repeats."""
        try:
            with transaction.atomic():
                ReminderLog.objects.create(recipient=address, sent_on=today, items=count)
        except IntegrityError:
            return False
        return True
