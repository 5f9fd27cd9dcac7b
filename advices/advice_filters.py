"""Filtering the public list of advice letters by year and theme.

Works like the meeting index (home/meeting_filters.py): each filter is checked on its own;
a value we do not know is left out and reported to the reader, so a hand-edited or
outdated link never gives an error page and the other filter still applies.
"""

from django import forms
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from home.models.themes import Theme


class AdviceFilterForm(forms.Form):
    jaar = forms.TypedChoiceField(label=_("Jaar"), required=False, coerce=int, empty_value=None)
    thema = forms.ChoiceField(label=_("Thema"), required=False)

    def __init__(self, *args, years, themes, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("Alle"))]
        self.fields["jaar"].choices = everything + [(str(year), str(year)) for year in years]
        self.fields["thema"].choices = everything + [(theme.slug, theme.name) for theme in themes]


class AdviceFilter:
    """Applies the valid filters of a query string to a queryset of (public) letters.

    The years and themes offered are those of the given letters, so a theme that only
    concept letters use is never shown to the public.
    """

    def __init__(self, data, letters):
        self.letters = letters
        self.themes = list(Theme.objects.filter(advice_letters__in=letters).distinct())
        years = sorted(
            set(
                letters.annotate(year=ExtractYear("date"))
                .order_by()
                .values_list("year", flat=True)
                .distinct()
            ),
            reverse=True,
        )
        self.form = AdviceFilterForm(data, years=years, themes=self.themes)
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
        letters = self.letters
        if "jaar" in values:
            letters = letters.filter(date__year=values["jaar"])
        if "thema" in values:
            letters = letters.filter(themes__slug=values["thema"])
        return letters
