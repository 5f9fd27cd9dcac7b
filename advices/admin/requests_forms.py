"""The forms of requests for advice in the admin: the request itself (registered or edited
through ``advices.actions.requests``), a step of its lifecycle, an extension of its term, and
the letter form's choice of the request a letter answers."""

from django import forms
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from advices.lifecycle.request_term import request_term_weeks
from advices.lifecycle.requests import (
    AUTOMATIC_REQUEST_TRANSITIONS,
    OPEN_REQUEST_STATUSES,
    REQUEST_TRANSITIONS,
    DeadlineSource,
    RequestStatus,
)
from advices.models import AdviceRequest
from home.dates import ExistingDateField, TypedDateInput
from home.empty_choice import PlainEmptyChoiceMixin


def long_date(date):
    return formats.date_format(date, "j F Y") if date else ""


class AdviceRequestAdminForm(PlainEmptyChoiceMixin, WagtailAdminModelForm):
    """The request's form. Its deadline may stay empty (the council's term applies, counted
    from receipt); a date typed in is the request's own (``deadline_source`` aanvraag). After
    an extension the deadline moves only on the status page. ``loaded_version`` is the edit
    number the form showed: ``EditRequest`` refuses a save made on an older one."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.instance
        self.fields["loaded_version"].initial = request.edit_version
        if "meetings" in self.fields and not self.is_council():
            # The council links its own meetings (a werksessie, perhaps a draft page while
            # it is planned); the municipality's form leaves them as they are.
            del self.fields["meetings"]
        if request.pk is None:
            self.initial.setdefault("reference", AdviceRequest.propose_reference())
        deadline = self.fields["deadline"]
        deadline.required = False
        if request.is_extended:
            deadline.disabled = True
            deadline.help_text = _(
                "De termijn is verlengd (eerst %(first)s). Een nieuwe verlenging legt het "
                "secretariaat vast op de statuspagina."
            ) % {"first": long_date(request.original_deadline)}
            return
        deadline.help_text = _(
            "Noemt de aanvraag een uiterste datum? Vul die in. Leeg laten: dan geldt de vaste "
            "termijn van %(weeks)d weken na ontvangst (uit de instellingen)."
        ) % {"weeks": request_term_weeks()}
        if request.pk and request.deadline_source == DeadlineSource.TERM:
            # Shown empty, so that saving again keeps the term (and follows a corrected
            # date of receipt) instead of turning the computed date into the request's own.
            self.initial["deadline"] = None
            if request.deadline:
                now = _("Nu: %(date)s.") % {"date": long_date(request.deadline)}
                deadline.help_text = f"{deadline.help_text} {now}"

    def is_council(self):
        return self.for_user is not None and self.for_user.has_perm("advices.view_adviceletter")

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.is_extended:
            self.instance.deadline_source = (
                DeadlineSource.REQUEST if cleaned_data.get("deadline") else DeadlineSource.TERM
            )
        return cleaned_data


MANUAL_STEPS = [name for name in REQUEST_TRANSITIONS if name not in AUTOMATIC_REQUEST_TRANSITIONS]


class RequestStepForm(forms.Form):
    """One button of the status page; ``expected_status`` is the status that page showed."""

    action = forms.ChoiceField(choices=[(name, name) for name in MANUAL_STEPS])
    expected_status = forms.ChoiceField(choices=RequestStatus.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Openbaar: inwoners lezen waarom."),
    )


class ExtensionForm(forms.Form):
    """An agreed extension of the term; ``expected_deadline`` is the date the page showed."""

    new_deadline = ExistingDateField(label=_("Nieuwe uiterste datum"), widget=TypedDateInput)
    extension_reason = forms.CharField(
        label=_("Reden voor de verlenging"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Openbaar. Bijvoorbeeld: 'Afgesproken met de wethouder: de werksessie is "
            "pas op 20 juni.' De eerste uiterste datum blijft zichtbaar."
        ),
    )
    expected_deadline = forms.DateField(required=False, widget=forms.HiddenInput)


def answerable_requests(current_id=None):
    """The requests a letter can answer: open ones and those already answered (a second
    letter on the same request), newest first; and the one the letter names now."""
    choosable = Q(status__in=[*OPEN_REQUEST_STATUSES, RequestStatus.ANSWERED])
    if current_id:
        choosable |= Q(pk=current_id)
    return AdviceRequest.objects.filter(choosable).order_by("-received_on", "-pk")
