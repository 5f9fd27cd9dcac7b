from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from home.tooi import validate_tooi_code


@register_setting(icon="group")
class CouncilSettings(BaseSiteSetting):
    """Who the council is: shown in the site's header and footer and used on its letters."""

    # The help texts say where each value is printed: the letters (advices/pdf) use most of
    # them, and an empty one leaves its line off the letter.
    name = models.CharField(
        _("naam van de raad"),
        max_length=150,
        default="Participatieraad",
        help_text=_(
            "Op de website: bovenaan elke pagina. "
            "Op brieven: in het briefhoofd, het retouradres en de groet."
        ),
    )
    municipality = models.CharField(
        _("gemeente"),
        max_length=100,
        blank=True,
        help_text=_(
            "De gemeente waarvoor de raad adviseert, bijvoorbeeld 'Zwolle'. "
            "Op brieven: in het briefhoofd, onder de naam van de raad."
        ),
    )
    postal_address = models.TextField(
        _("postadres"),
        blank=True,
        help_text=_(
            "Bijvoorbeeld 'Postbus 123' en op de volgende regel '8000 AB Zwolle'. "
            "Op de website: onderaan elke pagina. Op brieven: in het briefhoofd en als "
            "retouradres boven het adres in het venster van de envelop. "
            "Leeg: dan is het bezoekadres het retouradres, en zonder adres heeft een brief "
            "geen retouradres."
        ),
    )
    visiting_address = models.TextField(
        _("bezoekadres"),
        blank=True,
        help_text=_(
            "Straat en huisnummer, en op de volgende regel postcode en plaats. "
            "Op de website: onderaan elke pagina. Op brieven: in het briefhoofd."
        ),
    )
    email = models.EmailField(
        _("e-mailadres"),
        blank=True,
        help_text=_("Op de website: onderaan elke pagina. Op brieven: in het briefhoofd."),
    )
    phone = models.CharField(
        _("telefoonnummer"),
        max_length=30,
        blank=True,
        help_text=_("Op de website: onderaan elke pagina. Op brieven: in het briefhoofd."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Op de website: bovenaan elke pagina. Op brieven: in het briefhoofd."),
    )
    chair_name = models.CharField(
        _("naam van de voorzitter"),
        max_length=150,
        blank=True,
        help_text=_(
            "Een nieuwe brief wordt ondertekend met deze naam; dat kunt u per brief wijzigen."
        ),
    )
    chair_role = models.CharField(_("functie"), max_length=100, blank=True, default="Voorzitter")

    # The Woo index (DiWoo) knows public bodies only by their TOOI code; the council itself has
    # none, so the municipality it advises publishes its documents.
    tooi_publisher = models.CharField(
        _("TOOI-code van de publicerende organisatie"),
        max_length=20,
        blank=True,
        validators=[validate_tooi_code],
        help_text=_(
            "Voor de Woo-index: de organisatie die de stukken van de raad openbaar maakt, "
            "meestal de gemeente. Bijvoorbeeld gm0193 voor gemeente Zwolle. Zoek de code op "
            "in het Register van Overheidsorganisaties (organisaties.overheid.nl, bij "
            "'TOOI-identificatie') of in de TOOI-lijst van gemeenten "
            "(identifier.overheid.nl/tooi/set/rwc_gemeenten_compleet). Leeg: de website "
            "meldt geen stukken aan bij de Woo-index."
        ),
    )
    tooi_publisher_name = models.CharField(
        _("naam van de publicerende organisatie"),
        max_length=150,
        blank=True,
        help_text=_(
            "Zoals in het Register van Overheidsorganisaties, bijvoorbeeld 'gemeente Zwolle'."
        ),
    )
    tooi_responsible = models.CharField(
        _("TOOI-code van de verantwoordelijke organisatie"),
        max_length=20,
        blank=True,
        validators=[validate_tooi_code],
        help_text=_(
            "Voor de Woo-index: de organisatie die verantwoordelijk is voor de stukken. "
            "Zoek de code op zoals hierboven. Leeg: dezelfde als de publicerende organisatie."
        ),
    )
    tooi_responsible_name = models.CharField(
        _("naam van de verantwoordelijke organisatie"),
        max_length=150,
        blank=True,
        help_text=_("Zoals in het Register van Overheidsorganisaties."),
    )

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
            help_text=_(
                "Deze gegevens staan op de website en op elke brief. Vul ze in: een brief "
                "zonder adres heeft geen retouradres. De contactpersoon op brieven (naam, "
                "telefoon en e-mail) vult u in bij Instellingen, Opmaak van brieven."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("chair_name"), FieldPanel("chair_role")],
            heading=_("Voorzitter (ondertekening van brieven)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("tooi_publisher"),
                FieldPanel("tooi_publisher_name"),
                FieldPanel("tooi_responsible"),
                FieldPanel("tooi_responsible_name"),
            ],
            heading=_("Woo-index"),
            help_text=_(
                "De Woo-index (open.overheid.nl) haalt de verzonden adviezen, de "
                "adviesaanvragen en de reacties van het college van deze website. Daarvoor "
                "moet hij weten namens welke organisatie ze openbaar zijn."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("gegevens van de raad")
        verbose_name_plural = _("gegevens van de raad")

    def __str__(self):
        return self.name
