import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from advices.lifecycle.commitments import commitment_refusal
from advices.lifecycle.statuses import PUBLIC_STATUSES, DuePrecision, FollowUpState
from advices.lifecycle.updates import NOT_ADOPTED_CODE, future_date_refusal, not_adopted_refusal
from advices.models.responses import CollegeResponse, RecommendationAnswer
from home.models.unique import UniqueMessagesMixin

# Drafts stay out of every chooser the municipality sees.
SENT_RECOMMENDATIONS = {"letter__status__in": PUBLIC_STATUSES}


class Commitment(models.Model):
    """What the college promised on a recommendation, by whom, and by when."""

    recommendation = models.ForeignKey(
        "advices.Recommendation",
        verbose_name=_("aanbeveling"),
        on_delete=models.PROTECT,
        related_name="commitments",
        limit_choices_to=SENT_RECOMMENDATIONS,
    )
    description = models.TextField(_("wat is toegezegd"))
    responsible = models.CharField(_("wie is verantwoordelijk"), max_length=200)
    contact_email = models.EmailField(
        _("e-mailadres voor herinneringen"),
        blank=True,
        help_text=_("Krijgt een herinnering als de toezegging te laat is."),
    )
    # A quarter ("Q1 2020") is stored as its last day; the precision keeps how it was given.
    due_date = models.DateField(_("uiterlijk"))
    due_precision = models.CharField(
        max_length=10, choices=DuePrecision.choices, default=DuePrecision.DAY, editable=False
    )
    original_due_date = models.DateField(_("oorspronkelijke datum"), null=True, editable=False)
    original_due_precision = models.CharField(max_length=10, blank=True, editable=False)
    redate_reason = models.TextField(_("reden voor de nieuwe datum"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("versie van een toezegging"))

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")

    def __str__(self):
        return f"{self.recommendation}: {self.description[:60]}"

    def clean(self):
        if self.recommendation_id:
            replied = CollegeResponse.objects.filter(
                letter__recommendations=self.recommendation_id
            ).exists()
            refusal = commitment_refusal(replied)
            if refusal:
                raise ValidationError({"recommendation": refusal}, code="commitment_needs_reply")

    @property
    def is_redated(self):
        return self.original_due_date is not None

    def set_due(self, due_date, precision):
        """Set the due date; once a saved commitment is re-dated, its first date is kept."""
        changed = (due_date, precision) != (self.due_date, self.due_precision)
        if self.pk and changed and self.original_due_date is None:
            self.original_due_date = self.due_date
            self.original_due_precision = self.due_precision
        self.due_date, self.due_precision = due_date, precision


class FollowUp(models.Model):
    """A dated progress update on a recommendation, or on one of its commitments."""

    recommendation = models.ForeignKey(
        "advices.Recommendation",
        verbose_name=_("aanbeveling"),
        on_delete=models.PROTECT,
        related_name="follow_ups",
        limit_choices_to=SENT_RECOMMENDATIONS,
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("toezegging"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    date = models.DateField(_("datum"), default=datetime.date.today)
    state = models.CharField(_("stand van zaken"), max_length=20, choices=FollowUpState.choices)
    note = models.TextField(_("toelichting (openbaar)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, editable=False, on_delete=models.SET_NULL
    )

    history = HistoricalRecords(verbose_name=_("versie van een voortgangsbericht"))

    class Meta:
        ordering = ["date", "pk"]
        # The latest update of a recommendation (its own) or of a commitment is read for
        # every row of the tracker when it filters or sorts by status (advices.progress_sql).
        indexes = [
            models.Index(
                fields=["recommendation", "date", "id"],
                condition=models.Q(commitment__isnull=True),
                name="followup_own_latest",
            ),
            models.Index(fields=["commitment", "date", "id"], name="followup_commitment_latest"),
        ]
        verbose_name = _("voortgang")
        verbose_name_plural = _("voortgang")

    # The clerk's confirmation that work on advice the college did not adopt is deliberate
    # (``lifecycle.updates``): given with the form or the action, never stored.
    not_adopted_confirmed = False

    def __str__(self):
        return f"{self.recommendation} · {self.get_state_display()} ({self.date:%d-%m-%Y})"

    def clean(self):
        errors = {}
        if self.commitment_id and self.recommendation_id:
            if self.commitment.recommendation_id != self.recommendation_id:
                errors["commitment"] = _("Deze toezegging hoort bij een andere aanbeveling.")
        refusal = future_date_refusal(self.date, timezone.localdate())
        if refusal:
            errors["date"] = ValidationError(refusal, code="update_in_future")
        if self.recommendation_id and not self.not_adopted_confirmed:
            verdict = (
                RecommendationAnswer.objects.filter(recommendation_id=self.recommendation_id)
                .values_list("verdict", flat=True)
                .first()
            )
            refusal = not_adopted_refusal(verdict or "", self.state, bool(self.commitment_id))
            if refusal:
                errors["state"] = ValidationError(refusal, code=NOT_ADOPTED_CODE)
        if errors:
            raise ValidationError(errors)


class Assessment(models.TextChoices):
    SATISFIED = "tevreden", _("Tevreden")
    PARTLY_SATISFIED = "deels-tevreden", _("Deels tevreden")
    NOT_SATISFIED = "niet-tevreden", _("Niet tevreden")


class CouncilAssessment(UniqueMessagesMixin, models.Model):
    """The council's own view of the college's answer to a recommendation."""

    recommendation = models.OneToOneField(
        "advices.Recommendation",
        verbose_name=_("aanbeveling"),
        on_delete=models.PROTECT,
        related_name="council_assessment",
        limit_choices_to=SENT_RECOMMENDATIONS,
    )
    assessment = models.CharField(
        _("oordeel van de raad"), max_length=20, choices=Assessment.choices
    )
    note = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords(verbose_name=_("versie van een oordeel van de raad"))

    unique_messages = {
        ("recommendation",): _(
            "De raad heeft over deze aanbeveling al een oordeel gegeven. Open dat oordeel in "
            "de lijst 'Oordeel van de raad' om het te wijzigen."
        )
    }

    class Meta:
        verbose_name = _("oordeel van de raad")
        verbose_name_plural = _("oordelen van de raad")

    def __str__(self):
        return f"{self.recommendation}: {self.get_assessment_display()}"
