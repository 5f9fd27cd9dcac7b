"""A select box in groups (``<optgroup>``): the recommendations of the college's side per
letter, its commitments per recommendation. Works without JavaScript, and the browser's
type-to-find still works inside the list."""

from itertools import groupby

from django.forms.models import ModelChoiceIterator


class GroupedModelChoiceIterator(ModelChoiceIterator):
    """Yields the empty choice, then one ``(group label, [choices])`` per group; the field's
    queryset must be ordered so that each group's rows are consecutive."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for label, rows in groupby(self.queryset, key=self.field.group_label):
            yield (label, [self.choice(row) for row in rows])


def group_choices(field, queryset, group_label, option_label):
    """Make the ``ModelChoiceField`` ``field`` offer ``queryset`` in groups: one query when
    the form is shown; a posted value is looked up in ``queryset`` as before."""
    field.iterator = GroupedModelChoiceIterator
    field.group_label = group_label
    field.label_from_instance = option_label
    field.queryset = queryset  # also hands the grouped choices to the widget
    return field
