from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from advices.admin.requests_forms import answerable_requests
from advices.models import AdviceLetter
from home.empty_choice import PlainEmptyChoiceMixin
from home.models import CouncilSettings


def letter_label(letter):
    """A letter as the choosers show it: "PR-2022-01 · Sterke sociale basis"."""
    return f"{letter.reference} · {letter.subject}"


def council_settings():
    site = Site.objects.filter(is_default_site=True).first()
    return CouncilSettings.for_site(site) if site else None


def default_addressee(council):
    municipality = council.municipality if council and council.municipality else "…"
    return _("Aan het college van burgemeester en wethouders van de gemeente %(municipality)s") % {
        "municipality": municipality
    }


class AdviceLetterAdminForm(PlainEmptyChoiceMixin, WagtailAdminModelForm):
    """The letter's edit form, with an optional change reason and the edit number it loaded
    (``advices.actions.letters.EditLetter`` refuses the save when that is out of date)."""

    change_reason = forms.CharField(
        label=_("Wat heeft u veranderd?"),
        required=False,
        max_length=100,
        help_text=_(
            "Niet verplicht. Komt in de lijst met versies, bijvoorbeeld 'Advies 3 korter'."
        ),
    )
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.edit_version
        request_field = self.fields.get("request")
        if request_field is not None:
            request_field.queryset = answerable_requests(self.instance.request_id)
        if self.instance.pk is None:
            council = council_settings()
            self.initial.setdefault("reference", AdviceLetter.propose_reference())
            self.initial.setdefault("addressee", default_addressee(council))
            if council and council.chair_name:
                self.initial.setdefault("signatory_name", council.chair_name)
                self.initial.setdefault("signatory_role", council.chair_role)


class ErratumForm(PlainEmptyChoiceMixin, WagtailAdminModelForm):
    """An erratum belongs to a sent letter: only those are offered, in a plain list."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["letter"]
        field.queryset = AdviceLetter.objects.public().order_by("-date", "-pk")
        field.label_from_instance = letter_label
