"""The confirmation screen of a step that cannot be undone (adopt, send): it says what will
happen, shows the PDF as it will be, and takes the step only when the person confirms.

A plain page with a form (no JavaScript needed), as Wagtail confirms a delete. The form
carries the letter's edit number: a letter changed since the screen was opened is refused,
and a second submit of the same form (a double click) does nothing a second time
(``advices.actions.steps.TransitionLetter``).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages as admin_messages

from advices.actions import transition
from advices.admin.views.base import LetterAdminViewMixin, refuse
from advices.admin.views.sent_links import sent_letter_links
from advices.lifecycle.response_term import reply_due_date, response_term_weeks
from advices.lifecycle.transitions import (
    ADOPT,
    CONFIRMED_TRANSITIONS,
    SEND,
    permission_refusal,
    transition_refusal,
)
from advices.models import FollowTarget, LetterStatus, Subscription

SENDING_STARTED = _(
    "De brief wordt verzonden: de PDF wordt nu gemaakt. Dat kan even duren. "
    "Vernieuw deze pagina om te zien of het klaar is."
)
INCOMPLETE_FORM = _(
    "Dit formulier is niet volledig verstuurd: er is niets gedaan. "
    "Open het bevestigingsscherm opnieuw."
)
CONFIRM_LABELS = {ADOPT: _("Ja, stel de brief vast"), SEND: _("Ja, verstuur de brief")}
PAGE_TITLES = {ADOPT: _("Brief vaststellen"), SEND: _("Brief versturen")}
INTENTS = {ADOPT: _("vast te stellen"), SEND: _("te versturen")}  # "U staat op het punt ..."


class ConfirmStepForm(forms.Form):
    loaded_version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=100,
        help_text=_("Komt in de lijst met versies."),
    )


def theme_followers(letter):
    """How many addresses follow one of the letter's themes (they get a mail on sending)."""
    theme_ids = list(letter.themes.values_list("pk", flat=True))
    return (
        Subscription.objects.filter(
            target_type=FollowTarget.THEME, target_id__in=theme_ids, confirmed_at__isnull=False
        )
        .values("email")
        .distinct()
        .count()
    )


class ConfirmStepView(LetterAdminViewMixin, TemplateView):
    """GET: what the step will do, with the PDF; POST: take it (``transition``)."""

    template_name = "advices/admin/confirm_step.html"
    step = None  # ADOPT or SEND, given by the URL pattern

    def get_page_title(self):
        return PAGE_TITLES[self.step]

    def dispatch(self, request, *args, **kwargs):
        if self.step not in CONFIRMED_TRANSITIONS:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if (response := self.refusal_response()) is not None:
            return response
        return super().get(request, *args, **kwargs)

    def refusal_response(self):
        """A 403 for who may never take the step; back to the status page when the letter
        is not (or no longer) where the step starts."""
        reason = permission_refusal(self.request.user, self.step)
        if reason:
            return refuse(self.request, reason)
        reason = transition_refusal(self.request.user, self.step, self.letter)
        if reason or self.letter.is_sending:
            messages.warning(self.request, reason or SENDING_STARTED)
            return redirect(self.letter_url("status"))
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version_number = self.letter.history.count()
        context.update(
            letter=self.letter,
            sending=self.step == SEND,
            form=ConfirmStepForm(initial={"loaded_version": self.letter.edit_version}),
            confirm_label=CONFIRM_LABELS[self.step],
            intent=INTENTS[self.step],
            version_number=version_number,
            pdf_preview_url=self.letter_url("pdf_preview", version_number),
            status_url=self.letter_url("status"),
            edit_url=self.letter_url("edit") if self.letter.is_editable else None,
            recommendation_count=self.letter.recommendations.count(),
        )
        if self.step == SEND:
            weeks = response_term_weeks()
            context.update(
                followers=theme_followers(self.letter),
                themes=list(self.letter.themes.all()),
                response_term_weeks=weeks,
                reply_due=reply_due_date(timezone.localdate(), weeks),
            )
        return context

    def post(self, request, *args, **kwargs):
        reason = permission_refusal(request.user, self.step)
        if reason:
            return refuse(request, reason)
        form = ConfirmStepForm(request.POST)
        if not form.is_valid():
            return refuse(request, INCOMPLETE_FORM, status=400)
        try:
            letter = transition(
                self.letter,
                self.step,
                request.user,
                form.cleaned_data["reason"],
                loaded_version=form.cleaned_data["loaded_version"],
            )
        except PermissionDenied as error:
            return refuse(request, str(error))
        except ValidationError as error:
            return self.refused_step(error)
        return self.done(letter)

    def refused_step(self, error):
        text = " ".join(error.messages)
        if error.code == "already_taken":
            messages.info(self.request, text)
            return redirect(self.letter_url("status"))
        messages.error(self.request, text)
        if error.code == "step_conflict":
            # Show the screen again, with the letter and its PDF as they are now.
            return redirect(self.request.path)
        return redirect(self.letter_url("status"))

    def done(self, letter):
        if letter.is_sending:
            messages.info(self.request, SENDING_STARTED)
        elif letter.status == LetterStatus.SENT:
            links = sent_letter_links(self.request, letter)
            buttons = [admin_messages.button(url, label) for label, url in links]
            admin_messages.success(
                self.request,
                _("De brief %(reference)s is verzonden en staat nu op de website.")
                % {"reference": letter.reference},
                buttons=buttons,
            )
        else:
            admin_messages.success(
                self.request,
                _("De brief %(reference)s is vastgesteld. De tekst ligt nu vast.")
                % {"reference": letter.reference},
            )
        return redirect(self.letter_url("status"))
