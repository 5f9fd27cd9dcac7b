"""The annual report (*jaarverslag*) of one year, and the guards that keep a published one
as it was published (``annual.lifecycle``): its ``save``, ``delete`` and querysets refuse
any change to a published report, and only the publish action (``annual.actions``) may
move a report to *gepubliceerd*."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.fields import RichTextField

from annual.lifecycle import (
    FIRST_YEAR,
    LAST_YEAR,
    NOT_BY_HAND,
    PUBLICATION_FIELDS,
    ReportFrozenError,
    ReportStatus,
    is_published,
)
from home.models.unique import UniqueMessagesMixin

FOREWORD_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class AnnualReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ReportStatus.PUBLISHED)

    def update(self, **kwargs):
        if set(kwargs) & PUBLICATION_FIELDS:
            raise ReportFrozenError(NOT_BY_HAND)
        if self.filter(status=ReportStatus.PUBLISHED).exists():
            raise ReportFrozenError()
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status=ReportStatus.PUBLISHED).exists():
            raise ReportFrozenError()
        return super().delete()


class AnnualReport(UniqueMessagesMixin, models.Model):
    """The council's year in review: a foreword by the chair and the year's figures."""

    year = models.PositiveSmallIntegerField(
        _("jaar"),
        unique=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
        help_text=_("Het jaar waarover het verslag gaat, bijvoorbeeld 2022."),
    )
    foreword = RichTextField(
        _("voorwoord"),
        features=FOREWORD_FEATURES,
        blank=True,
        help_text=_("Het voorwoord van de voorzitter. Staat boven de cijfers, ook in de PDF."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReportStatus.choices,
        default=ReportStatus.CONCEPT,
        editable=False,
    )
    # The figures as they were on the day of publication (``annual.figures``): the public
    # page and the PDF show these, never the live data.
    figures = models.JSONField(_("cijfers"), null=True, editable=False)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gepubliceerd door"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pdf = models.FileField(_("PDF"), upload_to="jaarverslagen/", blank=True, editable=False)
    pdf_sha256 = models.CharField(
        _("SHA-256 van de PDF"), max_length=64, blank=True, editable=False
    )
    pdf_size = models.PositiveIntegerField(
        _("grootte van de PDF (bytes)"), null=True, editable=False
    )
    # Publishing renders the PDF in a background task; meanwhile the report is locked.
    publishing_since = models.DateTimeField(null=True, editable=False)
    publishing_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publishing_failure = models.TextField(_("publiceren mislukt"), blank=True, editable=False)
    # Raised on every save: an edit form that loaded an older number is out of date
    # (``annual.actions.SaveReport`` refuses it).
    edit_version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords(
        verbose_name=_("versie van een jaarverslag"),
        excluded_fields=["updated_at", "publishing_since", "publishing_by", "publishing_failure"],
    )

    objects = AnnualReportQuerySet.as_manager()

    unique_messages = {("year",): _("Voor dit jaar is er al een jaarverslag.")}

    class Meta:
        ordering = ["-year"]
        verbose_name = _("jaarverslag")
        verbose_name_plural = _("jaarverslagen")
        permissions = [("publish_annualreport", _("Kan een jaarverslag publiceren"))]

    def __str__(self):
        return _("Jaarverslag %(year)s") % {"year": self.year}

    @transaction.atomic
    def save(self, *args, **kwargs):
        """A published report is never saved again; a concept becomes published only through
        the publish action, which sets ``_publishing``."""
        stored = None
        if not self._state.adding and self.pk:
            stored = (
                AnnualReport.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            )
        if stored is not None and is_published(stored):
            raise ReportFrozenError()
        if is_published(self.status) and not getattr(self, "_publishing", False):
            raise ReportFrozenError(NOT_BY_HAND)
        self.edit_version += 1
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        stored = AnnualReport.objects.filter(pk=self.pk).values_list("status", flat=True).first()
        if stored is not None and is_published(stored):
            raise ReportFrozenError()
        return super().delete(*args, **kwargs)

    @property
    def is_published(self):
        return is_published(self.status)

    @property
    def is_publishing(self):
        return self.publishing_since is not None
