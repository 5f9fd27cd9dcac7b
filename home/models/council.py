from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="group")
class CouncilSettings(BaseSiteSetting):
    """Who the council is: shown in the site's header and footer and used on its letters."""

    name = models.CharField(_("naam van de raad"), max_length=150, default="Participatieraad")
    municipality = models.CharField(
        _("gemeente"),
        max_length=100,
        blank=True,
        help_text=_("De gemeente waarvoor de raad adviseert, bijvoorbeeld 'Zwolle'."),
    )
    postal_address = models.TextField(_("postadres"), blank=True)
    visiting_address = models.TextField(_("bezoekadres"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chair_name = models.CharField(_("naam van de voorzitter"), max_length=150, blank=True)
    chair_role = models.CharField(_("functie"), max_length=100, blank=True, default="Voorzitter")

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("municipality"), FieldPanel("logo")],
            heading=_("De raad"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("postal_address"),
                FieldPanel("visiting_address"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("chair_name"), FieldPanel("chair_role")],
            heading=_("Voorzitter (ondertekening van brieven)"),
        ),
    ]

    class Meta:
        verbose_name = _("gegevens van de raad")
        verbose_name_plural = _("gegevens van de raad")

    def __str__(self):
        return self.name
