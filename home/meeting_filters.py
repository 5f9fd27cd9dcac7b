"""Filtering the meeting index by type, year and theme."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.listing_filters import ListingFilter, ListingFilterForm
from home.models.meetings import MeetingType


class MeetingFilterForm(ListingFilterForm):
    soort = forms.ChoiceField(label=_("Soort bijeenkomst"), required=False)
    field_order = ["soort", "jaar", "thema"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = self.everything() + list(MeetingType.choices)


class MeetingFilter(ListingFilter):
    form_class = MeetingFilterForm
    theme_relation = "meetings"

    def filter_more(self, meetings, values):
        if "soort" in values:
            meetings = meetings.filter(meeting_type=values["soort"])
        return meetings
