"""Filtering the public list of advice letters by year and theme."""

from home.listing_filters import ListingFilter


class AdviceFilter(ListingFilter):
    theme_relation = "advice_letters"
