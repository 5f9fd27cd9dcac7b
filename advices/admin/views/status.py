from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from advices.actions import transition
from advices.admin.views.base import LetterAdminViewMixin, refuse
from advices.admin.views.sent_links import sent_letter_links
from advices.lifecycle.transitions import (
    AUTOMATIC_TRANSITIONS,
    CONFIRMED_TRANSITIONS,
    TRANSITION_LABELS,
    TRANSITIONS,
    available_transitions,
    transition_refusal,
)
from advices.models import LetterStatus

CONFIRM_FIRST = _("Bevestig eerst wat er gebeurt: er is nog niets gedaan.")


class TransitionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(name, name) for name in TRANSITIONS if name not in AUTOMATIC_TRANSITIONS]
    )
    reason = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=100,
        help_text=_("Komt in de lijst met versies."),
    )


class LetterStatusView(LetterAdminViewMixin, TemplateView):
    """Shows where the letter is in its lifecycle and offers the next steps."""

    template_name = "advices/admin/letter_status.html"
    page_title = _("Status")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            letter=self.letter,
            lifecycle=LetterStatus.choices,
            form=kwargs.get("form") or TransitionForm(),
            # While the PDF is being made nothing else may happen (the notice says so).
            actions=[]
            if self.letter.is_sending
            else [
                {
                    "name": name,
                    "label": TRANSITION_LABELS[name],
                    # Adopting and sending cannot be undone: a screen asks first.
                    "confirm_url": self.letter_url(f"confirm_{name}")
                    if name in CONFIRMED_TRANSITIONS
                    else None,
                }
                for name in available_transitions(user, self.letter)
            ],
            refusals=[
                {
                    "label": TRANSITION_LABELS[name],
                    "reason": transition_refusal(user, name, self.letter),
                }
                for name in TRANSITIONS
                if name not in AUTOMATIC_TRANSITIONS
                and TRANSITIONS[name][0] == self.letter.status
                and transition_refusal(user, name, self.letter)
            ],
            history=self.letter.history.select_related("history_user")[:10],
            edit_url=self.letter_url("edit") if self.letter.is_editable else None,
            versions_url=self.letter_url("versions"),
            sent_links=sent_letter_links(self.request, self.letter),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = TransitionForm(request.POST)
        if not form.is_valid():
            return refuse(request, _("Deze statuswijziging bestaat niet."), status=400)
        action = form.cleaned_data["action"]
        if action in CONFIRMED_TRANSITIONS:
            # An old form or a script: never a step that cannot be undone without the screen
            # that says what it does.
            messages.warning(request, CONFIRM_FIRST)
            return redirect(self.letter_url(f"confirm_{action}"))
        try:
            transition(self.letter, action, request.user, form.cleaned_data["reason"])
        except PermissionDenied as error:
            return refuse(request, str(error))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.letter_url("status"))
        self.letter.refresh_from_db()
        messages.success(
            request,
            _("De brief heeft nu de status '%(status)s'.")
            % {"status": self.letter.get_status_display()},
        )
        return redirect(self.letter_url("status"))
