import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from advices.lifecycle.replies import REPLY_EXISTS
from advices.lifecycle.statuses import PUBLIC_STATUSES, Verdict
from advices.uploads import validate_pdf_upload
from home.models.unique import UniqueMessagesMixin


class CollegeResponse(models.Model):
    """The college's reply letter to an advice letter."""

    letter = models.OneToOneField(
        "advices.AdviceLetter",
        verbose_name=_("adviesbrief"),
        on_delete=models.PROTECT,
        related_name="college_response",
        limit_choices_to={"status__in": PUBLIC_STATUSES},
        error_messages={"unique": REPLY_EXISTS},
    )
    received_on = models.DateField(_("ontvangen op"), default=datetime.date.today)
    college_reference = models.CharField(_("kenmerk van het college"), max_length=60, blank=True)
    reply_file = models.FileField(
        _("brief van het college (PDF)"),
        upload_to="collegereacties/",
        blank=True,
        validators=[validate_pdf_upload],
    )
    text = models.TextField(_("tekst van de brief"), blank=True)
    summary = models.TextField(
        _("samenvatting"), blank=True, help_text=_("In een paar zinnen: wat antwoordt het college?")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, editable=False, on_delete=models.SET_NULL
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("versie van een reactie van het college"))

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("reactie van het college")
        verbose_name_plural = _("reacties van het college")

    def __str__(self):
        return _("Reactie op %(reference)s") % {"reference": self.letter.reference}

    def clean(self):
        if not self.reply_file and not self.text.strip():
            raise ValidationError(
                _("Voeg de brief van het college toe als PDF, of neem de tekst over.")
            )


class RecommendationAnswer(UniqueMessagesMixin, models.Model):
    """The college's verdict on one recommendation, in the college's own words."""

    response = models.ForeignKey(CollegeResponse, on_delete=models.CASCADE, related_name="answers")
    recommendation = models.OneToOneField(
        "advices.Recommendation",
        verbose_name=_("aanbeveling"),
        on_delete=models.PROTECT,
        related_name="answer",
    )
    verdict = models.CharField(_("standpunt"), max_length=30, choices=Verdict.choices, blank=True)
    answer = models.TextField(_("antwoord van het college"), blank=True)

    history = HistoricalRecords(verbose_name=_("versie van een standpunt"))

    unique_messages = {
        ("recommendation",): _("Deze aanbeveling heeft al een standpunt van het college.")
    }

    class Meta:
        ordering = ["recommendation__number"]
        verbose_name = _("standpunt van het college")
        verbose_name_plural = _("standpunten van het college")

    def __str__(self):
        return str(self.recommendation)

    def clean(self):
        if self.response_id and self.recommendation_id:
            if self.recommendation.letter_id != self.response.letter_id:
                raise ValidationError(
                    {"recommendation": _("Deze aanbeveling hoort bij een andere brief.")}
                )
