from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from advices.lifecycle.requests import DEFAULT_REQUEST_REMINDER_DAYS, DEFAULT_REQUEST_TERM_WEEKS
from advices.lifecycle.response_term import DEFAULT_RESPONSE_TERM_WEEKS


def millimetres(label, default, maximum):
    return models.DecimalField(
        label,
        max_digits=5,
        decimal_places=1,
        default=default,
        validators=[MinValueValidator(0), MaxValueValidator(maximum)],
        help_text=_("In millimeters."),
    )


@register_setting(icon="doc-full")
class LetterSettings(BaseSiteSetting):
    """Letters on paper (envelope window, contact person) and the college's response term."""

    # Dutch municipal letter services: address block top ~50 mm, left ~25 mm (see README).
    window_top = millimetres(_("venster: afstand tot de bovenkant"), 50, 250)
    window_left = millimetres(_("venster: afstand tot de linkerkant"), 25, 150)
    window_width = millimetres(_("venster: breedte"), 85, 150)
    window_height = millimetres(_("venster: hoogte"), 40, 100)
    response_term_weeks = models.PositiveSmallIntegerField(
        _("reactietermijn van het college in weken"),
        default=DEFAULT_RESPONSE_TERM_WEEKS,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_(
            "Na zoveel weken zonder reactie staat een verzonden advies als 'reactie te laat'."
        ),
    )
    request_term_weeks = models.PositiveSmallIntegerField(
        _("adviestermijn van de raad in weken"),
        default=DEFAULT_REQUEST_TERM_WEEKS,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_(
            "De termijn uit de verordening: zoveel weken na ontvangst van een adviesaanvraag "
            "is het advies uiterlijk klaar, tenzij de aanvraag zelf een datum noemt."
        ),
    )
    request_reminder_days = models.PositiveSmallIntegerField(
        _("herinnering aan het secretariaat, dagen vooraf"),
        default=DEFAULT_REQUEST_REMINDER_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "Zoveel dagen voor de uiterste datum van een adviesaanvraag krijgt het secretariaat "
            "een herinnering, en nog een op de dag erna als het advies dan niet verstuurd is."
        ),
    )
    contact_name = models.CharField(
        _("contactpersoon"),
        max_length=150,
        blank=True,
        help_text=_(
            "Wie vragen over een brief beantwoordt, meestal de secretaris van de raad. Op "
            "brieven: onder het kenmerk, bij 'Contactpersoon'. Leeg: geen contactpersoon op "
            "de brief."
        ),
    )
    contact_email = models.EmailField(
        _("e-mailadres contactpersoon"),
        blank=True,
        help_text=_("Op brieven: achter de naam van de contactpersoon."),
    )
    contact_phone = models.CharField(
        _("telefoon contactpersoon"),
        max_length=30,
        blank=True,
        help_text=_("Op brieven: achter de naam van de contactpersoon."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("window_top"), FieldPanel("window_left")]),
                FieldRowPanel([FieldPanel("window_width"), FieldPanel("window_height")]),
            ],
            heading=_("Adresvenster van de envelop"),
            help_text=_(
                "Standaard: bovenkant adresblok 50 mm van de bovenrand, 25 mm van links. "
                "Controleer dit bij uw drukkerij of postkamer. Het adres staat ongeveer 3 mm "
                "binnen de randen van het venster; bij de standaardbreedte van 85 mm past 'Aan het "
                "college van burgemeester en wethouders' op één regel."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contactpersoon op brieven"),
            help_text=_(
                "Het adres, het e-mailadres en het telefoonnummer van de raad zelf vult u in "
                "bij Instellingen, Gegevens van de raad."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("response_term_weeks"),
                FieldPanel("request_term_weeks"),
                FieldPanel("request_reminder_days"),
            ],
            heading=_("Termijnen"),
        ),
    ]

    class Meta:
        verbose_name = _("opmaak van brieven")
        verbose_name_plural = _("opmaak van brieven")
