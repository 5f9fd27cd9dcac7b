"""Delete the subscriptions that were never confirmed and whose confirmation link has expired
(AVG: keep an address no longer than needed). Meant for the daily timer; safe to run again:
a second run deletes nothing. The term is ``ADVICES_FOLLOW_CONFIRM_DAYS``
(``advices.lifecycle.subscription_terms``)."""

from django.core.management.base import BaseCommand

from advices.notify.subscriptions import delete_expired


class Command(BaseCommand):
    help = "Delete unconfirmed subscriptions whose confirmation link has expired."

    def handle(self, *args, **options):
        deleted = delete_expired()
        self.stdout.write(f"expired unconfirmed subscriptions deleted: {deleted}")
