from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from advices.lifecycle.retention import (
    DEFAULT_APPRAISAL,
    DEFAULT_CATEGORY_CODE,
    DEFAULT_CATEGORY_LABEL,
    DEFAULT_RETENTION_YEARS,
    Appraisal,
)


@register_setting(icon="folder-inverse")
class ArchiveSettings(BaseSiteSetting):
    """How the council's advice is appraised in the archive export (MDTO)."""

    category_code = models.CharField(
        _("categorie in de selectielijst: nummer"),
        max_length=20,
        default=DEFAULT_CATEGORY_CODE,
        help_text=_(
            "Het nummer uit de Selectielijst gemeenten en intergemeentelijke organen 2020, "
            "bijvoorbeeld 3. Vraag het aan de archivaris van de gemeente."
        ),
    )
    category_label = models.CharField(
        _("categorie in de selectielijst: naam"),
        max_length=200,
        default=DEFAULT_CATEGORY_LABEL,
    )
    appraisal = models.CharField(
        _("waardering"),
        max_length=20,
        choices=Appraisal.choices,
        default=DEFAULT_APPRAISAL,
        help_text=_("Bewaart het archief de adviezen voor altijd, of worden ze later vernietigd?"),
    )
    retention_years = models.PositiveSmallIntegerField(
        _("bewaartermijn in jaren"),
        default=DEFAULT_RETENTION_YEARS,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Alleen bij vernietigen: zoveel jaar na het afsluiten van het dossier (de reactie "
            "van het college, of anders het verzenden van het advies)."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("category_code"),
                FieldPanel("category_label"),
                FieldPanel("appraisal"),
                FieldPanel("retention_years"),
            ],
            heading=_("Selectielijst en bewaartermijn"),
            help_text=_(
                "Deze gegevens gaan mee in de export voor het archief (MDTO). Stel ze vast "
                "met de archivaris van de gemeente."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("archivering")
        # The export itself (advices.admin.views.archive_export; home.roles grants it).
        permissions = [("export_archive", _("Archiefpakket maken"))]
        verbose_name_plural = _("archivering")
