"""Who may do what with advice letters: the one place the admin, views and commands ask.

Each check returns ``None`` when allowed, or the reason (Dutch, for the user) why not.
"""

from django.utils.translation import gettext_lazy as _

from advices.models.status import EDITABLE_STATUSES, LetterStatus

PROPOSE = "propose"
WITHDRAW = "withdraw"
ADOPT = "adopt"
SEND = "send"

# action: (from status, to status, permission codename)
TRANSITIONS = {
    PROPOSE: (LetterStatus.CONCEPT, LetterStatus.PROPOSED, "advices.propose_adviceletter"),
    WITHDRAW: (LetterStatus.PROPOSED, LetterStatus.CONCEPT, "advices.propose_adviceletter"),
    ADOPT: (LetterStatus.PROPOSED, LetterStatus.ADOPTED, "advices.adopt_adviceletter"),
    SEND: (LetterStatus.ADOPTED, LetterStatus.SENT, "advices.send_adviceletter"),
}

TRANSITION_LABELS = {
    PROPOSE: _("Voorleggen ter vaststelling"),
    WITHDRAW: _("Terugzetten naar concept"),
    ADOPT: _("Vaststellen"),
    SEND: _("Versturen"),
}

_PERMISSION_REASONS = {
    PROPOSE: _(
        "Alleen raadsleden en het secretariaat kunnen een brief ter vaststelling voorleggen."
    ),
    WITHDRAW: _("Alleen raadsleden en het secretariaat kunnen een brief terugzetten naar concept."),
    ADOPT: _("Alleen het secretariaat kan een adviesbrief vaststellen."),
    SEND: _("Alleen het secretariaat kan een adviesbrief versturen."),
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


def can_view_drafts(user):
    return user.has_perm("advices.view_adviceletter")
