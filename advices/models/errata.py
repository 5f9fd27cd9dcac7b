import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from advices.lifecycle.statuses import PUBLIC_STATUSES


class Erratum(models.Model):
    """A visible correction to a sent letter; the letter itself never changes."""

    letter = models.ForeignKey(
        "advices.AdviceLetter",
        verbose_name=_("adviesbrief"),
        on_delete=models.PROTECT,
        related_name="errata",
        limit_choices_to={"status__in": PUBLIC_STATUSES},
    )
    date = models.DateField(_("datum"), default=datetime.date.today)
    text = models.TextField(
        _("correctie"), help_text=_("Wat was er onjuist en wat is juist? Schrijf het voluit.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, editable=False, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("erratum")
        verbose_name_plural = _("errata")

    def __str__(self):
        return f"{self.letter.reference}: {self.date:%d-%m-%Y}"

    def clean(self):
        if self.letter_id and not self.letter.is_public:
            raise ValidationError(
                {
                    "letter": _(
                        "Een erratum hoort bij een verzonden brief. Pas een concept gewoon aan."
                    )
                }
            )
