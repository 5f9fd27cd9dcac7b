"""The council's own term for advice on request, and the reminder before it: site settings
(*Instellingen → Opmaak van brieven*, "Termijnen"), these defaults until someone sets them."""

from django.apps import apps

from advices.lifecycle.requests import DEFAULT_REQUEST_REMINDER_DAYS, DEFAULT_REQUEST_TERM_WEEKS


def _setting(name, default, site=None):
    settings = apps.get_model("advices", "LetterSettings").objects
    settings = settings.filter(site=site) if site else settings.filter(site__is_default_site=True)
    return settings.values_list(name, flat=True).first() or default


def request_term_weeks(site=None):
    return _setting("request_term_weeks", DEFAULT_REQUEST_TERM_WEEKS, site)


def request_reminder_days(site=None):
    return _setting("request_reminder_days", DEFAULT_REQUEST_REMINDER_DAYS, site)
