from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from advices.actions.conflicts import history_marker
from advices.admin.confirmation import NotAdoptedConfirmationMixin
from advices.lifecycle.due_dates import due_input_value, parse_due
from advices.lifecycle.permissions import visible_letters


class RecordedForm(WagtailAdminModelForm):
    """A form on the college's side: remembers which version it loaded, so that the action
    can refuse a save when someone else saved in between (``advices.actions.conflicts``)."""

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

    def action_kwargs(self):
        """What the recording action needs besides the instance."""
        if not self.instance.pk:
            return {}
        return {"loaded_marker": self.cleaned_data.get("loaded_marker")}


class CommitmentForm(RecordedForm):
    """A due date typed as a date or a quarter; the action checks that a new date has a
    reason (``advices.lifecycle.commitments``) and keeps the first date."""

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

    def clean_due(self):
        try:
            return parse_due(self.cleaned_data["due"])
        except ValidationError as error:
            raise ValidationError(error.messages, code="invalid_due") from error

    def action_kwargs(self):
        return {**super().action_kwargs(), "due": self.cleaned_data["due"]}


class FollowUpForm(NotAdoptedConfirmationMixin, RecordedForm):
    """A progress update; work on advice the college did not adopt asks for confirmation."""
