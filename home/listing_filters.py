"""Filters for public listings (meetings, advice letters): by year, theme and more.

Each filter is checked on its own: a value we do not know is left out and
reported to the reader, so a hand-edited or outdated link never gives an error
page and the other filters still apply. The years and themes offered are those
of the listed items, so nothing only drafts use is ever shown.
"""

from django import forms
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from home.models.themes import Theme


class ListingFilterForm(forms.Form):
    jaar = forms.TypedChoiceField(label=_("Jaar"), required=False, coerce=int, empty_value=None)
    thema = forms.ChoiceField(label=_("Thema"), required=False)

    def __init__(self, *args, years, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = self.everything() + [(str(y), str(y)) for y in years]
        self.fields["thema"].choices = self.everything() + [(t.slug, t.name) for t in themes]

    @staticmethod
    def everything():
        return [("", _("Alle"))]


class ListingFilter:
    """Applies the valid filters of a query string to a queryset with a date and themes."""

    form_class = ListingFilterForm
    # The name of the relation from Theme to the listed model, e.g. "meetings".
    theme_relation = None
    # The date whose year the "Jaar" filter picks.
    date_field = "date"

    def __init__(self, data, items):
        self.items = items
        self.themes = list(Theme.objects.filter(**{f"{self.theme_relation}__in": items}).distinct())
        years = (
            items.annotate(year=ExtractYear(self.date_field))
            .order_by()
            .values_list("year", flat=True)
        )
        self.form = self.form_class(
            data, years=sorted(set(years) - {None}, reverse=True), themes=self.themes
        )
        self.form.is_valid()
        self.ignored = [
            (self.form.fields[name].label, data.get(name, "")) for name in self.form.errors
        ]

    @property
    def values(self):
        return {
            name: self.form.cleaned_data.get(name)
            for name in self.form.fields
            if self.form.cleaned_data.get(name) not in (None, "")
        }

    @property
    def active_theme(self):
        slug = self.values.get("thema")
        return next((theme for theme in self.themes if theme.slug == slug), None)

    def queryset(self):
        values = self.values
        items = self.filter_more(self.items, values)
        if "jaar" in values:
            items = items.filter(**{f"{self.date_field}__year": values["jaar"]})
        if "thema" in values:
            items = items.filter(themes__slug=values["thema"])
        return items

    def filter_more(self, items, values):
        """Filters of a particular listing beyond year and theme."""
        return items
