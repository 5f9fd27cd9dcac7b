"""The steps of a letter's lifecycle: from which status, to which, who may take them.

``concept → ter vaststelling → vastgesteld → verzonden → beantwoord → afgerond``. The first
four steps are chosen by people on the letter's status page; the last ones follow from what
the municipality records (``advices.actions.college``), never chosen by hand. Each check
returns ``None`` when allowed, or the reason (Dutch, for the user) why not.
"""

from django.utils.translation import gettext_lazy as _

from advices.lifecycle.statuses import LetterStatus

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
    ANSWER: (LetterStatus.SENT, LetterStatus.ANSWERED, "advices.add_collegeresponse"),
    CLOSE: (LetterStatus.ANSWERED, LetterStatus.CLOSED, "advices.add_followup"),
    REOPEN: (LetterStatus.CLOSED, LetterStatus.ANSWERED, "advices.add_followup"),
}
AUTOMATIC_TRANSITIONS = frozenset({ANSWER, CLOSE, REOPEN})
# The automatic steps that bring a sent letter from its status to the one its records call
# for (``lifecycle.progress.letter_progress_status``), in order.
_AUTOMATIC_PATHS = {
    (LetterStatus.SENT, LetterStatus.ANSWERED): [ANSWER],
    (LetterStatus.SENT, LetterStatus.CLOSED): [ANSWER, CLOSE],
    (LetterStatus.ANSWERED, LetterStatus.CLOSED): [CLOSE],
    (LetterStatus.CLOSED, LetterStatus.ANSWERED): [REOPEN],
}
# Steps that fix the numbering of the recommendations as it stands.
RENUMBERING_TRANSITIONS = frozenset({PROPOSE, ADOPT, SEND})
# Steps that cannot be undone: the admin asks for a confirmation that says what will happen.
CONFIRMED_TRANSITIONS = frozenset({ADOPT, SEND})
# Steps that need at least one recommendation.
NEEDS_RECOMMENDATIONS = frozenset({PROPOSE, ADOPT, SEND})

TRANSITION_LABELS = {
    PROPOSE: _("Voorleggen ter vaststelling"),
    WITHDRAW: _("Terugzetten naar concept"),
    ADOPT: _("Vaststellen"),
    SEND: _("Versturen"),
    ANSWER: _("Reactie van het college vastgelegd"),
    CLOSE: _("Alle aanbevelingen afgerond"),
    REOPEN: _("Weer in behandeling"),
}

PERMISSION_REASONS = {
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

UNKNOWN_TRANSITION = _("Deze statuswijziging bestaat niet.")
STATUS_NOT_BY_HAND = _(
    "De status van een adviesbrief verandert alleen via de knoppen op de statuspagina."
)


def permission_refusal(user, action):
    """Why ``user`` may never take ``action``, or None."""
    if action not in TRANSITIONS:
        return UNKNOWN_TRANSITION
    if not user.has_perm(TRANSITIONS[action][2]):
        return PERMISSION_REASONS[action]
    return None


def state_refusal(action, status, has_recommendations):
    """Why ``action`` cannot be taken from ``status`` now, or None."""
    if action not in TRANSITIONS:
        return UNKNOWN_TRANSITION
    if status != TRANSITIONS[action][0]:
        return _("Dit kan niet bij een brief met de status '%(status)s'.") % {
            "status": LetterStatus(status).label
        }
    if action in NEEDS_RECOMMENDATIONS and not has_recommendations:
        return _("Een adviesbrief heeft minstens één aanbeveling nodig.")
    return None


def transition_refusal(user, action, letter):
    """Why ``user`` may not take ``action`` on ``letter`` now, or None."""
    return permission_refusal(user, action) or state_refusal(
        action,
        letter.status,
        action not in NEEDS_RECOMMENDATIONS or letter.recommendations.exists(),
    )


def available_transitions(user, letter):
    return [action for action in TRANSITIONS if transition_refusal(user, action, letter) is None]


def is_transition(action, stored_status, new_status):
    """Whether going from ``stored_status`` to ``new_status`` is the step ``action``."""
    return action in TRANSITIONS and TRANSITIONS[action][:2] == (stored_status, new_status)


def automatic_steps(current, target):
    """The automatic steps from ``current`` to ``target`` (none when they are the same)."""
    return list(_AUTOMATIC_PATHS.get((current, target), []))
