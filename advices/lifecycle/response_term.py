"""The college's response term: how long after sending a reply is due.

A site setting (*Instellingen → Opmaak van brieven*), this default until someone sets it.
"""

import datetime

from django.apps import apps

DEFAULT_RESPONSE_TERM_WEEKS = 6


def response_term_weeks(site=None):
    """The term of ``site`` (the default site when None), in weeks: one query, that only
    reads (a site whose settings were never saved has the default)."""
    settings = apps.get_model("advices", "LetterSettings").objects
    settings = settings.filter(site=site) if site else settings.filter(site__is_default_site=True)
    term = settings.values_list("response_term_weeks", flat=True).first()
    return term or DEFAULT_RESPONSE_TERM_WEEKS


def reply_due_date(sent_on, term_weeks=DEFAULT_RESPONSE_TERM_WEEKS):
    """The last day on which the reply is on time."""
    return sent_on + datetime.timedelta(weeks=term_weeks)
