"""Filtering the meeting index by type, year and theme.

Each filter is checked on its own: a value we do not know is left out and
reported to the reader, so a hand-edited or outdated link never gives an error
page and the other filters still apply.
"""

from django import forms
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from home.models.meetings import MeetingType
from home.models.themes import Theme


class MeetingFilterForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort bijeenkomst"), required=False)
    jaar = forms.TypedChoiceField(label=_("Jaar"), required=False, coerce=int, empty_value=None)
    thema = forms.ChoiceField(label=_("Thema"), required=False)

    def __init__(self, *args, years, themes, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("Alle"))]
        self.fields["soort"].choices = everything + list(MeetingType.choices)
        self.fields["jaar"].choices = everything + [(str(year), str(year)) for year in years]
        self.fields["thema"].choices = everything + [(theme.slug, theme.name) for theme in themes]


class MeetingFilter:
    """Applies the valid filters of a query string to a queryset of meetings."""

    def __init__(self, data, meetings):
        self.meetings = meetings
        self.themes = list(Theme.objects.filter(meetings__in=meetings).distinct())
        years = sorted(
            {
                year
                for year in meetings.annotate(year=ExtractYear("date"))
                .order_by()
                .values_list("year", flat=True)
                .distinct()
            },
            reverse=True,
        )
        self.form = MeetingFilterForm(data, years=years, themes=self.themes)
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
        meetings = self.meetings
        if "soort" in values:
            meetings = meetings.filter(meeting_type=values["soort"])
        if "jaar" in values:
            meetings = meetings.filter(date__year=values["jaar"])
        if "thema" in values:
            meetings = meetings.filter(themes__slug=values["thema"])
        return meetings
