"""The clerk's confirmation that work on advice the college did not adopt is deliberate
(``advices.lifecycle.updates``): a checkbox that appears with the refusal, not before.

``NotAdoptedConfirmationMixin`` (a form) hands the answer to the model's validation and
turns the checkbox on when it is needed; ``ShownWhenAskedPanel`` leaves the field out of
the page while it is not (a hidden field would still get a visible panel heading).
"""

from django import forms
from wagtail.admin.panels import FieldPanel

from advices.lifecycle.updates import NOT_ADOPTED_CODE, NOT_ADOPTED_CONFIRMATION


class NotAdoptedConfirmationMixin(forms.Form):
    not_adopted_confirmed = forms.BooleanField(
        label=NOT_ADOPTED_CONFIRMATION, required=False, widget=forms.HiddenInput
    )

    def clean(self):
        cleaned_data = super().clean()
        # Read by FollowUp.clean(), in the model validation that runs after this.
        self.instance.not_adopted_confirmed = bool(cleaned_data.get("not_adopted_confirmed"))
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()
        asked = any(
            error.code == NOT_ADOPTED_CODE for error in self.errors.as_data().get("state", [])
        )
        # Confirmed, but refused for another reason: the tick stays, as all input does.
        kept = self.errors and self.instance.not_adopted_confirmed
        if asked or kept:
            self.fields["not_adopted_confirmed"].widget = forms.CheckboxInput()


class ShownWhenAskedPanel(FieldPanel):
    """A field panel that is only on the page while its field is not hidden."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return super().is_shown() and not (
                self.bound_field is not None and self.bound_field.is_hidden
            )
