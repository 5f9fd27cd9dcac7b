"""Who may open, edit and record what: the one place the admin, views and commands ask.

Each check returns ``None`` when allowed, or the reason (Dutch, for the user) why not;
views answer 403 with it. The groups that hold these permissions are in ``home.roles``.
"""

from django.utils.translation import gettext_lazy as _

from advices.lifecycle.frozen import frozen_message, is_frozen
from advices.lifecycle.statuses import PUBLIC_STATUSES


def edit_refusal(user, letter):
    """Why ``user`` may not change the text of ``letter``, or None."""
    if not user.has_perm("advices.change_adviceletter"):
        return _("U mag adviesbrieven niet bewerken.")
    if is_frozen(letter.status):
        return frozen_message(letter.status)
    return None


def letter_access_refusal(user, action="view"):
    """Why ``user`` may not open the letters' admin for ``action``, or None."""
    if not user.has_perm("advices.view_adviceletter"):
        return _(
            "Adviesbrieven in voorbereiding zijn alleen voor de raad. "
            "Verzonden adviezen staan op de openbare website."
        )
    if action != "view" and not user.has_perm(f"advices.{action}_adviceletter"):
        return {
            "add": _("U mag geen adviesbrieven aanmaken."),
            "change": _("U mag adviesbrieven niet bewerken."),
            "delete": _("Alleen het secretariaat kan een adviesbrief verwijderen."),
        }.get(action, _("U mag dit niet doen."))
    return None


# Who records what on the college's side, and who gives the council's own view.
_RECORDING_REFUSALS = {
    "collegeresponse": _("Alleen de gemeente legt de reactie van het college vast."),
    "recommendationanswer": _(
        "Alleen de gemeente legt het standpunt van het college vast. "
        "De raad kan het standpunt van het college niet wijzigen."
    ),
    "commitment": _("Alleen de gemeente legt toezeggingen van het college vast."),
    "followup": _("Alleen de gemeente legt de voortgang vast."),
    "councilassessment": _(
        "Alleen de raad geeft zijn oordeel over het antwoord van het college. "
        "De gemeente kan dit oordeel niet wijzigen."
    ),
}


def recording_refusal(user, model, action="add"):
    """Why ``user`` may not add/change a record of ``model`` on the college's side, or None."""
    opts = model._meta
    if user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"):
        return None
    return _RECORDING_REFUSALS.get(opts.model_name, _("U mag dit niet vastleggen."))


def visible_letters(user, letters):
    """The letters of ``letters`` that ``user`` may see in the admin: the council sees its
    drafts, everyone else only what was sent (the municipality chooses a sent letter to
    record the college's reply)."""
    if user.has_perm("advices.view_adviceletter"):
        return letters
    return letters.filter(status__in=PUBLIC_STATUSES)
