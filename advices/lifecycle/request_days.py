"""How many days a request's term has left, in words: "nog 12 dagen", "vandaag", "3 dagen te
laat". Words, not a colour: the admin's lists and the dashboard say it the same way."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from advices.lifecycle.requests import days_left


def days_left_label(days):
    """``days`` as ``lifecycle.requests.days_left`` counts them (None: no deadline)."""
    if days is None:
        return _("geen uiterste datum")
    if days == 0:
        return _("vandaag")
    if days > 0:
        return ngettext("nog %(days)d dag", "nog %(days)d dagen", days) % {"days": days}
    late = -days
    return ngettext("%(days)d dag te laat", "%(days)d dagen te laat", late) % {"days": late}


def request_days_label(advice_request, today):
    """The days left of an open request in words; a closed one has none to count."""
    if not advice_request.is_open:
        return ""
    return days_left_label(days_left(advice_request.deadline, today))


def is_late(advice_request, today):
    days = days_left(advice_request.deadline, today)
    return advice_request.is_open and days is not None and days < 0
