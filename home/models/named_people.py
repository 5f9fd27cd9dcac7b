from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.models.unique import UniqueMessagesMixin
from home.search_text import fold


def same_name(first, second):
    """Whether two spellings are the same name to the matching: case, accents and spaces
    do not count."""
    return fold(" ".join(first.split())) == fold(" ".join(second.split()))


class NamedPerson(UniqueMessagesMixin, models.Model):
    """A person that meeting reports and letters name (the chair, a wethouder, a project
    leader), and whether the public site shows the name or only the role.

    The choice is applied to every public output by ``home.named_people``; the stored PDF of
    a sent letter is an archival record and stays exactly as it was sent.
    """

    name = models.CharField(
        _("naam"),
        max_length=150,
        unique=True,
        help_text=_(
            "Zoals de naam in verslagen en brieven staat, bijvoorbeeld 'Jan de Vries'. "
            "Staat de naam er ook anders (bijvoorbeeld 'J. de Vries')? Voeg die schrijfwijze "
            "dan apart toe. Hoofdletters en accenten maken niet uit."
        ),
    )
    role = models.CharField(
        _("functie"),
        max_length=150,
        help_text=_(
            "Wat de website toont in plaats van de naam, bijvoorbeeld 'de voorzitter' of "
            "'de wethouder'."
        ),
    )
    publish_name = models.BooleanField(
        _("naam publiceren"),
        default=False,
        help_text=_(
            "Aangevinkt: de website toont de naam. Niet aangevinkt: de website, de feeds, "
            "de open data en de API tonen alleen de functie. Verzonden brieven (pdf) blijven "
            "zoals ze zijn verstuurd."
        ),
    )

    unique_messages = {
        ("name",): _("Deze naam staat al in de lijst. Pas die regel aan."),
    }

    class Meta:
        ordering = ["name"]
        verbose_name = _("genoemde persoon")
        verbose_name_plural = _("genoemde personen")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        others = NamedPerson.objects.exclude(pk=self.pk).values_list("name", flat=True)
        if any(same_name(self.name, other) for other in others):
            raise ValidationError(
                {
                    "name": _(
                        "Deze naam staat al in de lijst, misschien met andere hoofdletters "
                        "of accenten. Pas die regel aan."
                    )
                }
            )
