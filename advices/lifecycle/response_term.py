"""The college's response term: how long after sending a reply is due.

A site setting (*Instellingen → Opmaak van brieven*), this default until someone sets it.
"""

import datetime

from django.apps import apps

DEFAULT_RESPONSE_TERM_WEEKS = 6


def response_term_weeks(site=None):
    """The term of ``site`` (the default site when None), in weeks."""
    if site is None:
        site = apps.get_model("wagtailcore", "Site").objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_RESPONSE_TERM_WEEKS
    return apps.get_model("advices", "LetterSettings").for_site(site).response_term_weeks


def reply_due_date(sent_on, term_weeks=DEFAULT_RESPONSE_TERM_WEEKS):
    """The last day on which the reply is on time."""
    return sent_on + datetime.timedelta(weeks=term_weeks)
