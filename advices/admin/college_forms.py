from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from advices.actions.conflicts import history_marker
from advices.admin.confirmation import NotAdoptedConfirmationMixin
from advices.admin.grouped_choices import offer_choices
from advices.admin.letter_forms import letter_label
from advices.lifecycle.commitments import commitment_recommendations
from advices.lifecycle.due_dates import due_input_value, format_due, parse_due
from advices.lifecycle.permissions import visible_letters
from advices.lifecycle.replies import REPLY_KEEPS_ITS_LETTER, letters_awaiting_reply
from advices.models import AdviceLetter, Commitment, Recommendation
from home.empty_choice import PlainEmptyChoiceMixin


def sent_letter_label(letter):
    sent = formats.date_format(letter.sent_at, "j F Y") if letter.sent_at else ""
    if not sent:
        return letter_label(letter)
    return _("%(letter)s (verzonden %(sent)s)") % {"letter": letter_label(letter), "sent": sent}


def recommendation_option(recommendation):
    """A recommendation inside its letter's group: its number and enough of its text."""
    return f"{recommendation.number}. {Truncator(recommendation.advice).chars(110)}"


def recommendation_group(recommendation):
    return letter_label(recommendation.letter)


def commitment_option(commitment):
    return _("%(description)s (uiterlijk %(due)s)") % {
        "description": Truncator(commitment.description).chars(140),
        "due": format_due(commitment.due_date, commitment.due_precision),
    }


def commitment_group(commitment):
    recommendation = commitment.recommendation
    return _("Aanbeveling %(label)s: %(advice)s") % {
        "label": recommendation.label,
        "advice": Truncator(recommendation.advice).chars(70),
    }


def choosable_recommendations(recommendations):
    """Newest letter first, each letter's recommendations in their order: one group each."""
    return recommendations.select_related("letter").order_by(
        "-letter__date", "-letter__pk", "number", "pk"
    )


class RecordedForm(PlainEmptyChoiceMixin, WagtailAdminModelForm):
    """A form on the college's side: remembers which version it loaded, so that the action
    can refuse a save when someone else saved in between (``advices.actions.conflicts``).

    Its recommendation is chosen per letter (a group per letter, newest first), among the
    recommendations ``recommendation_choices`` allows."""

    loaded_marker = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            history = type(self.instance).history.filter(id=self.instance.pk)
            self.fields["loaded_marker"].initial = history_marker(history)
        letter_field = self.fields.get("letter")
        if letter_field is not None and self.for_user is not None:
            # A draft chosen by id would come back in the widget with its subject.
            letter_field.queryset = visible_letters(self.for_user, letter_field.queryset)
        self.chosen_letter_reference = self.initial.get("brief", "")
        self.letter_narrowed = False
        recommendation_field = self.fields.get("recommendation")
        if recommendation_field is not None:
            offered = self.recommendation_choices()
            if self.chosen_letter_reference and not self.instance.pk:
                # "Kies eerst de brief" (advices.admin.letter_first): only that letter's.
                of_letter = offered.filter(letter__reference__iexact=self.chosen_letter_reference)
                if of_letter.exists():
                    offered, self.letter_narrowed = of_letter, True
            self.offered_recommendations = offered
            if self.instance.recommendation_id:
                # A record keeps showing its own recommendation, whatever the rules say now.
                offered = offered | Recommendation.objects.filter(
                    pk=self.instance.recommendation_id
                )
            offer_choices(
                recommendation_field,
                choosable_recommendations(offered),
                recommendation_option,
                recommendation_group,
            )

    def recommendation_choices(self):
        """The recommendations offered for this record: those of sent letters. (The field
        accepts what the model's ``limit_choices_to`` allows; the rules refuse the rest.)"""
        return Recommendation.objects.public()

    def chosen_recommendation_id(self):
        """The recommendation the form is about before it is posted: the record's own, or
        the one a link asked for (``?aanbeveling=``); None when not known yet."""
        if self.instance.recommendation_id:
            return self.instance.recommendation_id
        value = self.initial.get("recommendation")
        return getattr(value, "pk", value)

    def action_kwargs(self):
        """What the recording action needs besides the instance."""
        if not self.instance.pk:
            return {}
        return {"loaded_marker": self.cleaned_data.get("loaded_marker")}


class CommitmentForm(RecordedForm):
    """A due date typed as a date or a quarter; the action checks that a new date has a
    reason (``advices.lifecycle.commitments``) and keeps the first date. Only the
    recommendations of a letter with a recorded reply are offered."""

    due = forms.CharField(
        label=_("Uiterlijk klaar"),
        max_length=40,
        help_text=_("Een datum (31-03-2020) of een kwartaal (Q1 2020)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["due"].initial = due_input_value(
                self.instance.due_date, self.instance.due_precision
            )
        else:
            self.fields["redate_reason"].widget = forms.HiddenInput()

    def recommendation_choices(self):
        return commitment_recommendations(super().recommendation_choices())

    def clean_due(self):
        try:
            return parse_due(self.cleaned_data["due"])
        except ValidationError as error:
            raise ValidationError(error.messages, code="invalid_due") from error

    def action_kwargs(self):
        return {**super().action_kwargs(), "due": self.cleaned_data["due"]}


class FollowUpForm(NotAdoptedConfirmationMixin, RecordedForm):
    """A progress update. Work on advice the college did not adopt asks for confirmation.
    Its commitment is offered with enough text to tell them apart, grouped per
    recommendation, and only those of the chosen recommendation once that is known. (A
    commitment of another recommendation is refused by ``FollowUp.clean``.)"""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        commitments = Commitment.objects.filter(recommendation__in=self.offered_recommendations)
        chosen = self.chosen_recommendation_id()
        if chosen:
            commitments = commitments.filter(recommendation_id=chosen)
        field = self.fields["commitment"]
        field.empty_label = _("— geen: over de aanbeveling zelf —")
        offer_choices(
            field,
            commitments.select_related("recommendation__letter").order_by(
                "-recommendation__letter__date",
                "-recommendation__letter__pk",
                "recommendation__number",
                "due_date",
                "pk",
            ),
            commitment_option,
            commitment_group,
        )


class ReplyForm(RecordedForm):
    """The college's reply: only sent letters without a reply are offered, in a plain list
    (no draft is ever offered); a recorded reply keeps its letter."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["letter"]
        if self.instance.pk:
            field.disabled = True
            field.help_text = REPLY_KEEPS_ITS_LETTER
            shown = AdviceLetter.objects.filter(pk=self.instance.letter_id)
        else:
            field.help_text = _("Alleen verzonden brieven waarop nog geen reactie is vastgelegd.")
            shown = letters_awaiting_reply(field.queryset).order_by("-sent_at", "-pk")
        offer_choices(field, shown, sent_letter_label)
