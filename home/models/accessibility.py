"""The accessibility statement (toegankelijkheidsverklaring) in the official Dutch model of
digitoegankelijk.nl: the compliance status, the date of the last check, the research report
and the statement in the national register. A site setting, so the statement on the site
(the ``accessibility_statement`` block, home/blocks.py) and the register say the same."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class ComplianceStatus(models.TextChoices):
    """The compliance status (nalevingsstatus) of the official model."""

    FULL = "A", _("A – voldoet volledig")
    PARTIAL = "B", _("B – voldoet gedeeltelijk")
    FIRST_MEASURES = "C", _("C – eerste maatregelen genomen")
    NO_MEASURES = "D", _("D – geen maatregelen genomen")
    NOT_COMPLIANT = "E", _("E – voldoet niet")


# A and B rest on a full check of the whole site (WCAG-EM): they need its date.
STATUSES_AFTER_A_CHECK = {ComplianceStatus.FULL, ComplianceStatus.PARTIAL}


@register_setting(icon="view")
class AccessibilityStatement(BaseSiteSetting):
    status = models.CharField(
        _("status"),
        max_length=1,
        choices=ComplianceStatus.choices,
        blank=True,
        help_text=_("De status uit het register van toegankelijkheidsverklaringen."),
    )
    last_checked_on = models.DateField(
        _("datum van de laatste controle"),
        null=True,
        blank=True,
        help_text=_("Wanneer is de hele website voor het laatst onderzocht?"),
    )
    report_url = models.URLField(
        _("onderzoeksrapport"),
        blank=True,
        help_text=_("Het adres van het rapport van dat onderzoek."),
    )
    register_url = models.URLField(
        _("verklaring in het register"),
        blank=True,
        help_text=_(
            "Het adres van deze verklaring op toegankelijkheidsverklaring.nl. Het label op de "
            "website linkt hiernaartoe."
        ),
    )
    label_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("label uit het register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Download het label (png) in het register en zet het hier. Zonder afbeelding "
            "toont de website het label als tekst. De website laadt niets van andere websites."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("last_checked_on"), FieldPanel("report_url")],
            heading=_("Status"),
        ),
        MultiFieldPanel(
            [FieldPanel("register_url"), FieldPanel("label_image")],
            heading=_("Register"),
        ),
    ]

    class Meta:
        verbose_name = _("toegankelijkheidsverklaring")
        verbose_name_plural = _("toegankelijkheidsverklaring")

    def __str__(self):
        return str(self._meta.verbose_name)

    def clean(self):
        super().clean()
        errors = {}
        if self.last_checked_on and self.last_checked_on > timezone.localdate():
            errors["last_checked_on"] = _(
                "Deze datum ligt in de toekomst. Vul de datum in waarop de controle klaar was."
            )
        if self.status in STATUSES_AFTER_A_CHECK and not self.last_checked_on:
            errors["last_checked_on"] = _(
                "Bij status A of B hoort een volledig onderzoek. Vul de datum van dat onderzoek in."
            )
        if self.label_image_id and not self.register_url:
            errors["register_url"] = _(
                "Het label linkt naar de verklaring in het register. Vul dat adres in."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def status_label(self):
        return ComplianceStatus(self.status).label if self.status else ""
