from django.db import models
from django.utils.translation import gettext_lazy as _

from home.models.unique import UniqueMessagesMixin


class ReminderLog(UniqueMessagesMixin, models.Model):
    """One reminder mail per recipient per day: the guard that makes reminders idempotent."""

    recipient = models.EmailField(_("ontvanger"))
    sent_on = models.DateField(_("verstuurd op"))
    items = models.PositiveIntegerField(_("aantal punten"))
    created_at = models.DateTimeField(auto_now_add=True)

    unique_messages = {
        ("recipient", "sent_on"): _("Deze ontvanger heeft op die dag al een herinnering gekregen.")
    }

    class Meta:
        verbose_name = _("verstuurde herinnering")
        verbose_name_plural = _("verstuurde herinneringen")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "sent_on"], name="one_reminder_a_day")
        ]

    def __str__(self):
        return f"{self.recipient} {self.sent_on:%d-%m-%Y}"
