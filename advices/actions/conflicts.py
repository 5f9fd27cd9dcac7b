"""Two people saving the same thing: the second save is refused, what they typed kept.

A form remembers what it loaded (an edit number, or the latest history row); the action
compares that with the stored state under a row lock and raises ``EditConflict`` naming who
saved in between. ``SQLite`` serialises writers (immediate transactions), PostgreSQL waits on
the row lock: on both, exactly one of two parallel saves wins.
"""

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _


def who_and_when(latest_history):
    """Who saved ``latest_history`` (a history row, or None) and when, as the messages say it."""
    who = ""
    if latest_history is not None and latest_history.history_user is not None:
        user = latest_history.history_user
        who = user.get_full_name() or user.get_username()
    when = latest_history.history_date if latest_history is not None else timezone.now()
    return {
        "who": who or _("Iemand anders"),
        "when": formats.date_format(timezone.localtime(when), "j F Y, H:i"),
    }


class EditConflict(ValidationError):
    def __init__(self, latest_history=None, what=None):
        message = _(
            "%(who)s heeft %(what)s opgeslagen op %(when)s, nadat u deze pagina opende. "
            "Uw wijzigingen zijn daarom niet opgeslagen, maar staan nog hieronder. "
            "Kopieer wat u wilt bewaren, open de pagina opnieuw en voeg het toe."
        ) % {**who_and_when(latest_history), "what": what or _("dit")}
        super().__init__(message, code="edit_conflict")


class StepConflict(ValidationError):
    """A confirmed lifecycle step (adopt, send) whose letter changed after the person saw
    the confirmation screen: what they confirmed is not what would happen."""

    def __init__(self, latest_history=None):
        message = _(
            "%(who)s heeft deze brief gewijzigd op %(when)s, nadat u dit scherm opende. "
            "Er is niets gedaan. Bekijk de brief en de PDF hieronder opnieuw."
        ) % who_and_when(latest_history)
        super().__init__(message, code="step_conflict")


class StepAlreadyTaken(ValidationError):
    """The step was taken after this confirmation screen was opened: a double click, a
    second tab, or a colleague. Nothing happens a second time."""

    def __init__(self, latest_history=None, status_label=""):
        message = _(
            "%(who)s heeft deze brief al de status '%(status)s' gegeven op %(when)s. "
            "Er is niets opnieuw gedaan."
        ) % {**who_and_when(latest_history), "status": status_label}
        super().__init__(message, code="already_taken")


def latest_history(history):
    """The newest row of a simple-history queryset, with its user."""
    return history.select_related("history_user").order_by("-history_date", "-history_id").first()


def history_marker(history):
    """A marker of the newest version in ``history`` (a history queryset): it changes with
    every save, so a form can tell whether what it loaded is still what is stored."""
    return history.aggregate(marker=Max("history_id"))["marker"] or 0


def refuse_if_changed(history, loaded_marker, what=None):
    """Raise ``EditConflict`` when ``history`` has a newer version than ``loaded_marker``.

    ``loaded_marker`` None means the form did not say what it loaded (an old form, a script):
    then nothing is compared."""
    if loaded_marker is None:
        return
    if history_marker(history) != int(loaded_marker):
        raise EditConflict(latest_history(history), what)
