from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from advices.freeze import FROZEN_MESSAGE
from advices.models import AdviceLetter
from advices.models.status import EDITABLE_STATUSES


def council_settings():
    from home.models import CouncilSettings

    site = Site.objects.filter(is_default_site=True).first()
    return CouncilSettings.for_site(site) if site else None


def default_addressee(council):
    municipality = council.municipality if council and council.municipality else "…"
    return _("Aan het college van burgemeester en wethouders van de gemeente %(municipality)s") % {
        "municipality": municipality
    }


class AdviceLetterAdminForm(WagtailAdminModelForm):
    """The letter's edit form: an optional change reason and a check against lost updates."""

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
        if self.instance.pk is None:
            council = council_settings()
            self.initial.setdefault("reference", AdviceLetter.propose_reference())
            self.initial.setdefault("addressee", default_addressee(council))
            if council and council.chair_name:
                self.initial.setdefault("signatory_name", council.chair_name)
                self.initial.setdefault("signatory_role", council.chair_role)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        stored = AdviceLetter.objects.filter(pk=self.instance.pk).first()
        if stored is None:
            raise ValidationError(_("Deze brief bestaat niet meer."))
        if stored.status not in EDITABLE_STATUSES:
            raise ValidationError(FROZEN_MESSAGE, code="letter_frozen")
        if cleaned_data.get("loaded_version") != stored.edit_version:
            raise ValidationError(self.conflict_message(stored), code="edit_conflict")
        return cleaned_data

    @staticmethod
    def conflict_message(stored):
        latest = stored.history.select_related("history_user").first()
        who = ""
        if latest and latest.history_user:
            who = latest.history_user.get_full_name() or latest.history_user.get_username()
        return _(
            "%(who)s heeft deze brief opgeslagen op %(when)s, nadat u hem opende. "
            "Uw wijzigingen zijn daarom niet opgeslagen, maar staan nog hieronder. "
            "Kopieer wat u wilt bewaren, open de brief opnieuw en voeg het toe."
        ) % {
            "who": who or _("Iemand anders"),
            "when": formats.date_format(
                timezone.localtime(latest.history_date if latest else stored.updated_at),
                "j F Y, H:i",
            ),
        }

    def save(self, commit=True):
        reason = self.cleaned_data.get("change_reason", "")
        self.instance._change_reason = reason
        for formset in self.formsets.values():
            for form in formset.forms:
                form.instance._change_reason = reason
        instance = super().save(commit=commit)
        if commit:
            instance.renumber_recommendations()
        return instance
