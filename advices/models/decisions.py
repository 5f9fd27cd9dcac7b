import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords

from advices.lifecycle.decisions import (
    RECOMMENDATION_OF_OTHER_LETTER,
    DecisionBody,
    FollowsAdvice,
    decision_date_refusal,
    departure_reasons_refusal,
)
from advices.lifecycle.statuses import PUBLIC_STATUSES
from advices.models.history import ClusterHistoricalRecords
from advices.uploads import validate_pdf_upload
from home.models.unique import UniqueMessagesMixin


class Decision(ClusterableModel):
    """The decision the college or the gemeenteraad took on the subject after the advice."""

    letter = models.ForeignKey(
        "advices.AdviceLetter",
        verbose_name=_("advies"),
        on_delete=models.PROTECT,
        related_name="decisions",
        limit_choices_to={"status__in": PUBLIC_STATUSES},
    )
    decided_on = models.DateField(_("datum van het besluit"), default=datetime.date.today)
    body = models.CharField(
        _("besloten door"),
        max_length=20,
        choices=DecisionBody.choices,
        default=DecisionBody.COLLEGE,
    )
    title = models.CharField(
        _("titel van het besluit"),
        max_length=255,
        help_text=_("Bijvoorbeeld: Vaststelling beleidsplan Sociaal Domein 2023-2026."),
    )
    summary = models.TextField(_("samenvatting"), blank=True)
    url = models.URLField(
        _("link naar het besluit"),
        blank=True,
        help_text=_("Bijvoorbeeld in het raadsinformatiesysteem of op overheid.nl."),
    )
    file = models.FileField(
        _("besluit (PDF)"),
        upload_to="besluiten/",
        blank=True,
        validators=[validate_pdf_upload],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, editable=False, on_delete=models.SET_NULL
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("versie van een besluit"))

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("besluit na het advies")
        verbose_name_plural = _("besluiten na het advies")

    def __str__(self):
        return f"{self.title} ({self.decided_on:%d-%m-%Y})"

    def clean(self):
        errors = {}
        if not self.url and not self.file:
            errors["url"] = _("Geef een link naar het besluit, of voeg het besluit toe als PDF.")
        if self.letter_id and self.decided_on:
            sent_at = self.letter.sent_at
            refusal = decision_date_refusal(
                self.decided_on,
                timezone.localdate(sent_at) if sent_at else None,
                timezone.localdate(),
            )
            if refusal:
                errors["decided_on"] = refusal
        if errors:
            raise ValidationError(errors)


class DecisionOutcome(UniqueMessagesMixin, models.Model):
    """Whether the decision follows one recommendation, and the reasons where it departs."""

    decision = ParentalKey(Decision, on_delete=models.CASCADE, related_name="outcomes")
    recommendation = models.ForeignKey(
        "advices.Recommendation",
        verbose_name=_("aanbeveling"),
        on_delete=models.PROTECT,
        related_name="decision_outcomes",
    )
    follows = models.CharField(
        _("volgt het besluit het advies?"), max_length=20, choices=FollowsAdvice.choices
    )
    reasons = models.TextField(
        _("redenen van het besluit"),
        blank=True,
        help_text=_("Verplicht als het besluit afwijkt van gevraagd advies (Awb, artikel 3:50)."),
    )

    history = ClusterHistoricalRecords(verbose_name=_("versie van een uitkomst van een besluit"))

    unique_messages = {
        ("decision", "recommendation"): _("Deze aanbeveling staat al bij dit besluit.")
    }

    class Meta:
        ordering = ["recommendation__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "recommendation"], name="one_outcome_per_recommendation"
            )
        ]
        verbose_name = _("uitkomst per aanbeveling")
        verbose_name_plural = _("uitkomsten per aanbeveling")

    def __str__(self):
        return f"{self.recommendation}: {self.get_follows_display()}"

    def clean(self):
        if not (self.decision_id or self.decision) or not self.recommendation_id:
            return
        letter = self.decision.letter
        if self.recommendation.letter_id != letter.pk:
            raise ValidationError({"recommendation": RECOMMENDATION_OF_OTHER_LETTER})
        refusal = departure_reasons_refusal(
            letter.request_id is not None, self.follows, self.reasons
        )
        if refusal:
            raise ValidationError({"reasons": ValidationError(refusal, code="awb_3_50")})
