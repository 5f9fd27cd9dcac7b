from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from advices.due_dates import due_input_value, parse_due


class CommitmentForm(WagtailAdminModelForm):
    """A due date typed as a date or a quarter; a new date needs a reason and keeps the old one."""

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

    def clean(self):
        cleaned_data = super().clean()
        if "due" not in cleaned_data:
            return cleaned_data
        try:
            due_date, precision = parse_due(cleaned_data["due"])
        except ValidationError as error:
            self.add_error("due", error)
            return cleaned_data
        self._new_due = (due_date, precision)
        changed = self.instance.pk and (due_date, precision) != (
            self.instance.due_date,
            self.instance.due_precision,
        )
        if changed and not cleaned_data.get("redate_reason", "").strip():
            self.add_error(
                "redate_reason", _("Geef aan waarom de datum verandert. Dat is openbaar.")
            )
        return cleaned_data

    def save(self, commit=True):
        self.instance.set_due(*self._new_due)
        return super().save(commit=commit)
