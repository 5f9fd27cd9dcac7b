from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.models.unique import UniqueMessagesMixin

KEPT_MESSAGE = _("De PDF van een verzonden brief wordt bewaard en verandert nooit.")


class SentLetterPdfQuerySet(models.QuerySet):
    """No queryset path changes or removes what was sent."""

    def update(self, **kwargs):
        raise ValidationError(KEPT_MESSAGE)

    def delete(self):
        raise ValidationError(KEPT_MESSAGE)

    def bulk_update(self, objs, *args, **kwargs):
        raise ValidationError(KEPT_MESSAGE)


class SentLetterPdf(UniqueMessagesMixin, models.Model):
    """The PDF of a letter as it was sent: rendered once, stored, never regenerated."""

    letter = models.OneToOneField(
        "advices.AdviceLetter",
        verbose_name=_("adviesbrief"),
        on_delete=models.PROTECT,
        related_name="sent_pdf",
    )
    file = models.FileField(_("bestand"), upload_to="verzonden-brieven/")
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("grootte in bytes"))
    pdf_variant = models.CharField(_("PDF-variant"), max_length=20)
    rendered_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    objects = SentLetterPdfQuerySet.as_manager()

    unique_messages = {("letter",): KEPT_MESSAGE}

    class Meta:
        verbose_name = _("PDF van een verzonden brief")
        verbose_name_plural = _("PDF's van verzonden brieven")

    def __str__(self):
        return f"{self.letter.reference} ({self.sha256[:12]})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(KEPT_MESSAGE)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(KEPT_MESSAGE)
