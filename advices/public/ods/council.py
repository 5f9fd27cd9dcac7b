"""The council as the spec's organisatorische eenheid, and the college as author of replies."""

from django.urls import reverse
from django.utils.translation import gettext as _

from advices.public.ods.texts import clip
from home.models import CouncilSettings

COUNCIL_ID = "raad"


class Council:
    """The council's settings for this request's site, read once."""

    def __init__(self, request):
        self.request = request
        self.settings = CouncilSettings.for_request(request)

    @property
    def name(self):
        return self.settings.name

    @property
    def college(self):
        if self.settings.municipality:
            return _("College van burgemeester en wethouders van %(municipality)s") % {
                "municipality": self.settings.municipality
            }
        return _("College van burgemeester en wethouders")

    def url(self):
        return self.request.build_absolute_uri(reverse("ods:council"))

    def reference(self):
        return {"id": COUNCIL_ID, "url": self.url()}

    def unit(self):
        """``OrganisatorischeEenheid``."""
        unit = {"url": self.url(), "id": COUNCIL_ID, "naam": clip(self.name, 50)}
        if self.settings.municipality:
            unit["omschrijving"] = clip(
                _("Adviesraad van de gemeente %(municipality)s")
                % {"municipality": self.settings.municipality},
                80,
            )
        if self.settings.email:
            unit["e-mailadres"] = self.settings.email
        if self.settings.phone:
            unit["telefoonnummer"] = clip(self.settings.phone, 20)
        return unit
