from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from home.models.unique import UniqueMessagesMixin


class Theme(UniqueMessagesMixin, index.Indexed, models.Model):
    """A subject that runs through meetings and advice, such as *Sterke sociale basis*."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(
        _("korte naam voor in de link"),
        max_length=100,
        unique=True,
        help_text=_("Kleine letters en streepjes, bijvoorbeeld 'sterke-sociale-basis'."),
    )
    description = models.TextField(_("omschrijving"), blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    unique_messages = {
        ("name",): _("Er is al een thema met deze naam. Kies een andere naam."),
        ("slug",): _("Er is al een thema met deze korte naam. Kies een andere."),
    }

    class Meta:
        ordering = ["name"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self):
        return self.name
