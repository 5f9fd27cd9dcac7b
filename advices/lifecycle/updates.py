"""The latest update of a recommendation or commitment: by date, then by the order it was
recorded (two updates on one day: the one recorded last counts); and what an update may
not say: a date in the future, or work on advice the college did not adopt (unless the clerk
confirms it)."""

from django.utils.translation import gettext_lazy as _

from advices.lifecycle.statuses import VERDICTS_NOT_ADOPTED, FollowUpState, Verdict


def latest(follow_ups):
    """The most recent of ``follow_ups`` (Python), or None."""
    return max(follow_ups, key=lambda f: (f.date, f.pk or 0), default=None)


def latest_update_ordering():
    """``latest`` as an ordering (SQL): the first row is the latest."""
    return ("-date", "-pk")


# -- what a progress update may not say --------------------------------------------------

UPDATE_IN_FUTURE = _(
    "Deze datum ligt in de toekomst. Een voortgangsbericht gaat over wat al gebeurd is: "
    "kies vandaag of een eerdere datum."
)
NOT_ADOPTED_CODE = "not_adopted"
NOT_ADOPTED_NO_VERDICT = _(
    "Het college heeft over dit advies geen standpunt gegeven. Werkt de gemeente er toch "
    "aan? Vink dan hieronder aan dat u dat weet, en sla opnieuw op."
)
NOT_ADOPTED_VERDICT = _(
    "Het college heeft dit advies niet overgenomen (standpunt: %(verdict)s). Werkt de "
    "gemeente er toch aan? Vink dan hieronder aan dat u dat weet, en sla opnieuw op."
)
NOT_ADOPTED_CONFIRMATION = _("Ik weet dat het college dit advies niet heeft overgenomen")

# The states that say the municipality works on the advice (shown as *in uitvoering* or
# *uitgevoerd*); *niet uitgevoerd* never contradicts a verdict.
WORK_STATES = frozenset({FollowUpState.PLANNED, FollowUpState.IN_PROGRESS, FollowUpState.DONE})


def future_date_refusal(date, today):
    """Why an update cannot have ``date`` on ``today``, or None."""
    if date is not None and date > today:
        return UPDATE_IN_FUTURE
    return None


def not_adopted_refusal(verdict, state, on_commitment):
    """Why this update on a recommendation needs the clerk to confirm it, or None.

    Work (gepland, in uitvoering, uitgevoerd) on a recommendation the college did not adopt
    (``VERDICTS_NOT_ADOPTED``: niet overgenomen, voor kennisgeving, or no verdict at all)
    contradicts its page, unless it is deliberate: the college may change its mind. An
    update on one of its commitments is about what the college did promise: no question."""
    if on_commitment or state not in WORK_STATES or verdict not in VERDICTS_NOT_ADOPTED:
        return None
    if not verdict:
        return NOT_ADOPTED_NO_VERDICT
    return NOT_ADOPTED_VERDICT % {"verdict": str(Verdict(verdict).label).lower()}
