from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from advices.lifecycle.frozen import refuse_if_frozen
from advices.lifecycle.statuses import PUBLIC_STATUSES
from advices.models.history import ClusterHistoricalRecords


def _target_letter_ids(values):
    """The letter a queryset update would move recommendations to, if it names one."""
    target = values.get("letter_id", values.get("letter"))
    return [getattr(target, "pk", target)] if target is not None else []


class RecommendationQuerySet(models.QuerySet):
    def public(self):
        """The recommendations of sent letters: what the public may see."""
        return self.filter(letter__status__in=PUBLIC_STATUSES)

    def update(self, **kwargs):
        refuse_if_frozen([*self.values_list("letter_id", flat=True), *_target_letter_ids(kwargs)])
        return super().update(**kwargs)

    def delete(self):
        refuse_if_frozen(self.values_list("letter_id", flat=True))
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        refuse_if_frozen(obj.letter_id for obj in objs)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, *args, **kwargs):
        objs = list(objs)
        refuse_if_frozen(obj.letter_id for obj in objs)
        return super().bulk_update(objs, *args, **kwargs)


class Recommendation(Orderable):
    """One numbered piece of advice inside a letter: the unit the public follows."""

    letter = ParentalKey(
        "advices.AdviceLetter", on_delete=models.CASCADE, related_name="recommendations"
    )
    heading = models.CharField(
        _("kop"),
        max_length=200,
        blank=True,
        help_text=_("Het onderdeel van de brief, bijvoorbeeld 'Betekenisvolle sociale contacten'."),
    )
    context = models.TextField(_("toelichting"), blank=True)
    advice = models.TextField(_("advies"))
    number = models.PositiveIntegerField(_("nummer"), default=0, editable=False)

    history = ClusterHistoricalRecords(verbose_name=_("versie van een aanbeveling"))

    objects = RecommendationQuerySet.as_manager()

    panels = [FieldPanel("heading"), FieldPanel("context"), FieldPanel("advice")]

    class Meta(Orderable.Meta):
        # A letter's recommendations in their numbered order, without a sort (the tracker).
        indexes = [
            models.Index(fields=["letter", "number", "id"], name="recommendation_letter_number")
        ]
        verbose_name = _("aanbeveling")
        verbose_name_plural = _("aanbevelingen")

    def __str__(self):
        advice = self.advice if len(self.advice) <= 70 else self.advice[:69] + "…"
        return f"{self.label}: {advice}"

    @property
    def label(self):
        """The public, stable label, e.g. "2022-07 / 3"."""
        return f"{self.letter.short_reference} / {self.number}"

    def save(self, *args, **kwargs):
        # Into a frozen letter, and out of one: both change a letter that was sent.
        stored_letter = (
            None
            if self._state.adding
            else Recommendation.objects.filter(pk=self.pk)
            .values_list("letter_id", flat=True)
            .first()
        )
        refuse_if_frozen([self.letter_id, stored_letter])
        if not self.number and self.letter_id:
            highest = (
                Recommendation.objects.filter(letter_id=self.letter_id).aggregate(
                    models.Max("number")
                )["number__max"]
                or 0
            )
            self.number = highest + 1
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        refuse_if_frozen([self.letter_id])
        return super().delete(*args, **kwargs)
