"""Select boxes that offer what may be chosen now, in groups (``<optgroup>``): the
recommendations of the college's side per letter, its commitments per recommendation.

What a select *offers* (``shown``) can be narrower than what the field *accepts* (its
queryset, from the model's ``limit_choices_to``): a form loaded before someone else recorded a
reply still posts the letter it showed, and then the rule that refuses it says why (e.g. "Voor
deze brief is al een reactie vastgelegd") instead of Django's "Selecteer een geldige keuze".
Works without JavaScript, and the browser's type-to-find still works inside the list.
"""

from itertools import groupby

from django.forms.models import ModelChoiceIterator


class ShownChoiceIterator(ModelChoiceIterator):
    """The empty choice, then the field's ``shown`` rows (not its whole queryset)."""

    def rows(self):
        return self.field.shown

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in self.rows():
            yield self.choice(row)

    def __len__(self):
        return self.rows().count() + (self.field.empty_label is not None)


class GroupedChoiceIterator(ShownChoiceIterator):
    """One ``(group label, [choices])`` per group; ``shown`` must be ordered so that each
    group's rows are consecutive."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for label, rows in groupby(self.rows(), key=self.field.group_label):
            yield (label, [self.choice(row) for row in rows])


def offer_choices(field, shown, option_label, group_label=None):
    """Make the ``ModelChoiceField`` ``field`` offer ``shown`` (grouped by ``group_label``
    when given), labelled by ``option_label``; it still accepts its whole queryset. One
    query when the form is shown."""
    field.iterator = GroupedChoiceIterator if group_label else ShownChoiceIterator
    field.shown = shown
    field.group_label = group_label
    field.label_from_instance = option_label
    field.widget.choices = field.choices
    return field
