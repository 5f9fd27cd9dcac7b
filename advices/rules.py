"""Who may do what with advice letters: the one place the admin, views and commands ask.

Each check returns ``None`` when allowed, or the reason (Dutch, for the user) why not.
"""

from django.utils.translation import gettext_lazy as _

from advices.models.status import EDITABLE_STATUSES, LetterStatus

PROPOSE = "propose"
WITHDRAW = "withdraw"
ADOPT = "adopt"
SEND = "send"
ANSWER = "answer"
CLOSE = "close"
REOPEN = "reopen"

# action: (from status, to status, permission codename)
TRANSITIONS = {
    PROPOSE: (LetterStatus.CONCEPT, LetterStatus.PROPOSED, "advices.propose_adviceletter"),
    WITHDRAW: (LetterStatus.PROPOSED, LetterStatus.CONCEPT, "advices.propose_adviceletter"),
    ADOPT: (LetterStatus.PROPOSED, LetterStatus.ADOPTED, "advices.adopt_adviceletter"),
    SEND: (LetterStatus.ADOPTED, LetterStatus.SENT, "advices.send_adviceletter"),
    # Follow from what the municipality records (advices.actions), never chosen by hand.
    ANSWER: (LetterStatus.SENT, LetterStatus.ANSWERED, "advices.add_collegeresponse"),
    CLOSE: (LetterStatus.ANSWERED, LetterStatus.CLOSED, "advices.add_followup"),
    REOPEN: (LetterStatus.CLOSED, LetterStatus.ANSWERED, "advices.add_followup"),
}
AUTOMATIC_TRANSITIONS = frozenset({ANSWER, CLOSE, REOPEN})

TRANSITION_LABELS = {
    PROPOSE: _("Voorleggen ter vaststelling"),
    WITHDRAW: _("Terugzetten naar concept"),
    ADOPT: _("Vaststellen"),
    SEND: _("Versturen"),
    ANSWER: _("Reactie van het college vastgelegd"),
    CLOSE: _("Alle aanbevelingen afgerond"),
    REOPEN: _("Weer in behandeling"),
}

_PERMISSION_REASONS = {
    PROPOSE: _(
        "Alleen raadsleden en het secretariaat kunnen een brief ter vaststelling voorleggen."
    ),
    WITHDRAW: _("Alleen raadsleden en het secretariaat kunnen een brief terugzetten naar concept."),
    ADOPT: _("Alleen het secretariaat kan een adviesbrief vaststellen."),
    SEND: _("Alleen het secretariaat kan een adviesbrief versturen."),
    ANSWER: _("Alleen de gemeente legt de reactie van het college vast."),
    CLOSE: _("Alleen de gemeente legt de voortgang vast."),
    REOPEN: _("Alleen de gemeente legt de voortgang vast."),
}


def transition_refusal(user, action, letter):
    """Why ``user`` may not perform ``action`` on ``letter`` now, or None."""
    if action not in TRANSITIONS:
        return _("Deze statuswijziging bestaat niet.")
    source, _target, permission = TRANSITIONS[action]
    if not user.has_perm(permission):
        return _PERMISSION_REASONS[action]
    if letter.status != source:
        return _("Dit kan niet bij een brief met de status '%(status)s'.") % {
            "status": letter.get_status_display()
        }
    if action in (PROPOSE, ADOPT, SEND) and not letter.recommendations.exists():
        return _("Een adviesbrief heeft minstens één aanbeveling nodig.")
    return None


def available_transitions(user, letter):
    return [action for action in TRANSITIONS if transition_refusal(user, action, letter) is None]


def edit_refusal(user, letter):
    """Why ``user`` may not change the text of ``letter``, or None."""
    if not user.has_perm("advices.change_adviceletter"):
        return _("U mag adviesbrieven niet bewerken.")
    if letter.status not in EDITABLE_STATUSES:
        if letter.status == LetterStatus.ADOPTED:
            return _("Deze brief is vastgesteld en kan niet meer worden gewijzigd.")
        from advices.freeze import FROZEN_MESSAGE

        return FROZEN_MESSAGE
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


def can_view_drafts(user):
    return user.has_perm("advices.view_adviceletter")


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
