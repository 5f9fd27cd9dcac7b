"""What happened to a recommendation, read from the history tables (django-simple-history).

Two uses share the wording here:

* ``recommendation_timeline``: every event of one recommendation, for its public page, in
  a fixed number of queries (six, however long the history is; five when the page already
  read the decisions' outcomes);
* ``recent_changes``: the latest public status changes of all sent letters (or of one
  theme), for the feeds, also in a fixed number of queries.

Privacy: an event names a role (*Participatieraad*, *College van B&W*, *Gemeente*), never
the person who recorded it; ``history_user`` is not read at all.

Order: oldest first. A timeline tells a story that starts with the advice being sent and
each later step builds on an earlier one (a new date refers to the promise above it; a
letter can only be *afgerond* after it was *beantwoord*). The current status is already at
the top of the page, so "what is new" does not need the top of the list. The voortgang
list on the same page is in the same order. The feeds are newest first, as feeds are.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from advices.lifecycle.decisions import DecisionBody, FollowsAdvice
from advices.lifecycle.due_dates import format_due
from advices.models import (
    AdviceLetter,
    CouncilAssessment,
    FollowUp,
    FollowUpState,
    LetterStatus,
    RecommendationAnswer,
    Verdict,
)
from advices.models import Commitment as CommitmentModel
from advices.models.followup import Assessment
from advices.queries.decisions import recommendation_outcomes

# Who did it: a role, never a name.
COUNCIL = gettext_lazy("Participatieraad")
COLLEGE = gettext_lazy("College van B&W")
MUNICIPALITY = gettext_lazy("Gemeente")
COUNCIL_OF_THE_MUNICIPALITY = gettext_lazy("Gemeenteraad")

# The letter's steps the public sees; drafting steps never appear.
LETTER_STEPS = (LetterStatus.SENT, LetterStatus.ANSWERED, LetterStatus.CLOSED)


class Kind:
    LETTER_SENT = "advies-verzonden"
    LETTER_ANSWERED = "advies-beantwoord"
    LETTER_CLOSED = "advies-afgerond"
    LETTER_REOPENED = "advies-heropend"
    VERDICT_GIVEN = "standpunt-gegeven"
    VERDICT_CHANGED = "standpunt-gewijzigd"
    VERDICT_WITHDRAWN = "standpunt-ingetrokken"
    COMMITMENT_MADE = "toezegging"
    COMMITMENT_REDATED = "toezegging-nieuwe-datum"
    FOLLOW_UP = "voortgang"
    ASSESSMENT_GIVEN = "oordeel-raad"
    ASSESSMENT_CHANGED = "oordeel-raad-gewijzigd"
    DECISION = "besluit"


@dataclass
class Event:
    """One thing that happened, as the public reads it."""

    kind: str
    date: datetime.date  # the day shown (Europe/Amsterdam, or the follow-up's own date)
    moment: datetime.datetime  # when it was recorded: orders events of the same day
    actor: str  # a role
    text: str  # one sentence
    detail: str = ""  # the recorded words: a note, an answer, a reason
    letter: object = None
    recommendation: object = None
    key: str = ""  # stable and unique: the feeds' guid
    extra: dict = field(default_factory=dict)

    @property
    def sort_key(self):
        return (self.date, self.moment, self.key)

    @property
    def title(self):
        """A short heading for a feed item or a mail: what it is about, and what happened."""
        if self.recommendation is not None:
            return _("Aanbeveling %(label)s: %(text)s") % {
                "label": self.recommendation.label,
                "text": self.text,
            }
        return _("Advies %(reference)s: %(text)s") % {
            "reference": self.letter.reference,
            "text": self.text,
        }


def local_day(moment):
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()


def _label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _in_order(rows):
    return sorted(rows, key=lambda row: (row["history_date"], row["history_id"]))


# -- the wording, shared by the page and the feeds ----------------------------------------


def letter_step_event(status, previous, moment, letter, key, recommendation=None):
    """The letter reached a public status; None for steps the public does not see."""
    if status == LetterStatus.SENT:
        kind, actor, text = (
            Kind.LETTER_SENT,
            COUNCIL,
            _("De Participatieraad heeft het advies naar het college gestuurd."),
        )
    elif status == LetterStatus.ANSWERED and previous == LetterStatus.CLOSED:
        kind, actor, text = (
            Kind.LETTER_REOPENED,
            MUNICIPALITY,
            _("Het advies is weer open: nog niet alle aanbevelingen zijn klaar."),
        )
    elif status == LetterStatus.ANSWERED:
        kind, actor, text = (
            Kind.LETTER_ANSWERED,
            COLLEGE,
            _("Het college heeft op het advies gereageerd."),
        )
    elif status == LetterStatus.CLOSED:
        kind, actor, text = (
            Kind.LETTER_CLOSED,
            MUNICIPALITY,
            _("Het advies is afgerond: van alle aanbevelingen is bekend of ze zijn uitgevoerd."),
        )
    else:
        return None
    return Event(
        kind=kind,
        date=local_day(moment),
        moment=moment,
        actor=str(actor),
        text=text,
        letter=letter,
        recommendation=recommendation,
        key=key,
    )


def verdict_event(verdict, previous, moment, answer, key, recommendation=None, letter=None):
    """The college gave, changed or withdrew its verdict; None if the verdict stayed."""
    if verdict == previous:
        return None
    if verdict and not previous:
        kind = Kind.VERDICT_GIVEN
        text = _("Het college geeft als standpunt: %(verdict)s.") % {
            "verdict": _label(Verdict, verdict)
        }
    elif verdict:
        kind = Kind.VERDICT_CHANGED
        text = _("Het college heeft zijn standpunt veranderd: eerst %(before)s, nu %(after)s.") % {
            "before": _label(Verdict, previous),
            "after": _label(Verdict, verdict),
        }
    else:
        kind = Kind.VERDICT_WITHDRAWN
        text = _("Het standpunt van het college is weggehaald.")
    return Event(
        kind=kind,
        date=local_day(moment),
        moment=moment,
        actor=str(COLLEGE),
        text=text,
        detail=answer if verdict else "",
        letter=letter,
        recommendation=recommendation,
        key=key,
        extra={"verdict": verdict},
    )


def follow_up_event(follow_up, moment, commitment_description="", recommendation=None):
    state = _label(FollowUpState, follow_up.state)
    if follow_up.commitment_id:
        text = _("Voortgang bij de toezegging ‘%(commitment)s’: %(state)s.") % {
            "commitment": _shorten(commitment_description),
            "state": state,
        }
    else:
        text = _("Voortgang: %(state)s.") % {"state": state}
    return Event(
        kind=Kind.FOLLOW_UP,
        date=follow_up.date,
        moment=moment,
        actor=str(MUNICIPALITY),
        text=text,
        detail=follow_up.note,
        recommendation=recommendation,
        key=f"voortgang-{follow_up.pk}",
        extra={"state": follow_up.state},
    )


# The decision after the advice: who took it, and what it does with the advice.
DECISION_BY = {
    DecisionBody.COLLEGE: (COLLEGE, gettext_lazy("Besluit van het college: %(title)s.")),
    DecisionBody.COUNCIL: (
        COUNCIL_OF_THE_MUNICIPALITY,
        gettext_lazy("Besluit van de gemeenteraad: %(title)s."),
    ),
}
FOLLOWS_SENTENCE = {
    FollowsAdvice.YES: gettext_lazy("Het besluit volgt het advies."),
    FollowsAdvice.PARTLY: gettext_lazy("Het besluit volgt het advies deels."),
    FollowsAdvice.NO: gettext_lazy("Het besluit volgt het advies niet."),
}


def decision_event(outcome, recommendation=None):
    """What a decision says of one recommendation (``outcome``, with its decision), dated by
    the decision; ``extra["url"]`` is the decision's own link (the page may add its PDF's)."""
    decision = outcome.decision
    actor, heading = DECISION_BY.get(decision.body, DECISION_BY[DecisionBody.COLLEGE])
    return Event(
        kind=Kind.DECISION,
        date=decision.decided_on,
        moment=decision.recorded_at,
        actor=str(actor),
        text=f"{heading % {'title': decision.title}} {FOLLOWS_SENTENCE.get(outcome.follows, '')}",
        detail=_("Redenen: %(reasons)s") % {"reasons": outcome.reasons} if outcome.reasons else "",
        recommendation=recommendation,
        key=f"besluit-{decision.pk}-{outcome.pk}",
        extra={
            "follows": outcome.follows,
            "decision": decision,
            "url": getattr(decision, "link_url", None) or decision.url,
        },
    )


def _shorten(text, length=80):
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


# -- one recommendation --------------------------------------------------------------------


def _history(model, **filters):
    return list(model.history.filter(**filters).values())


def recommendation_timeline(recommendation, letter=None, outcomes=None):
    """Every public event of ``recommendation``, oldest first. Six queries, always; five
    when ``outcomes`` (``advices.queries.decisions.recommendation_outcomes``) is given."""
    letter = letter or recommendation.letter
    events = []

    # 1. The letter's public steps: a step is a row whose status differs from the one before.
    previous = None
    letter_rows = AdviceLetter.history.filter(id=letter.pk, status__in=LETTER_STEPS).values(
        "history_id", "history_date", "status"
    )
    for row in _in_order(letter_rows):
        if row["status"] != previous:
            event = letter_step_event(
                row["status"], previous, row["history_date"], letter, f"advies-{row['history_id']}"
            )
            if event:
                events.append(event)
        previous = row["status"]

    # 2. The college's verdict: set, changed, withdrawn.
    previous = {}
    for row in _in_order(_history(RecommendationAnswer, recommendation_id=recommendation.pk)):
        before = previous.get(row["id"], "")
        if row["history_type"] == "-":
            previous.pop(row["id"], None)
            continue
        event = verdict_event(
            row["verdict"],
            before,
            row["history_date"],
            row["answer"],
            f"standpunt-{row['history_id']}",
        )
        if event:
            events.append(event)
        previous[row["id"]] = row["verdict"]

    # 3. Commitments: made, and each new date with its reason. A deleted one was a mistake.
    commitment_rows = _in_order(_history(CommitmentModel, recommendation_id=recommendation.pk))
    deleted = {row["id"] for row in commitment_rows if row["history_type"] == "-"}
    descriptions = {}
    due = {}
    for row in commitment_rows:
        if row["id"] in deleted:
            continue
        descriptions[row["id"]] = row["description"]
        current = (row["due_date"], row["due_precision"])
        if row["id"] not in due:
            events.append(
                Event(
                    kind=Kind.COMMITMENT_MADE,
                    date=local_day(row["history_date"]),
                    moment=row["history_date"],
                    actor=str(COLLEGE),
                    text=_("Het college doet een toezegging. Uiterlijk klaar: %(due)s.")
                    % {"due": format_due(*current)},
                    detail=row["description"],
                    key=f"toezegging-{row['history_id']}",
                )
            )
        elif current != due[row["id"]]:
            events.append(
                Event(
                    kind=Kind.COMMITMENT_REDATED,
                    date=local_day(row["history_date"]),
                    moment=row["history_date"],
                    actor=str(COLLEGE),
                    text=_(
                        "De toezegging ‘%(commitment)s’ krijgt een nieuwe datum: "
                        "%(after)s (was %(before)s)."
                    )
                    % {
                        "commitment": _shorten(row["description"]),
                        "after": format_due(*current),
                        "before": format_due(*due[row["id"]]),
                    },
                    detail=_("Reden: %(reason)s") % {"reason": row["redate_reason"]}
                    if row["redate_reason"]
                    else "",
                    key=f"toezegging-{row['history_id']}",
                )
            )
        due[row["id"]] = current

    # 4. Follow-ups: one event each, as it reads now, on its own date.
    latest = {}
    recorded = {}
    for row in _in_order(_history(FollowUp, recommendation_id=recommendation.pk)):
        latest[row["id"]] = row
        recorded.setdefault(row["id"], row["history_date"])
    for follow_up_id, row in latest.items():
        if row["history_type"] == "-":
            continue
        follow_up = FollowUp(
            pk=follow_up_id,
            date=row["date"],
            state=row["state"],
            note=row["note"],
            commitment_id=row["commitment_id"],
        )
        events.append(
            follow_up_event(
                follow_up,
                recorded[follow_up_id],
                descriptions.get(row["commitment_id"], ""),
            )
        )

    # 5. The council's own assessment of the answer.
    previous = {}
    for row in _in_order(_history(CouncilAssessment, recommendation_id=recommendation.pk)):
        if row["history_type"] == "-":
            previous.pop(row["id"], None)
            continue
        before = previous.get(row["id"])
        label = _label(Assessment, row["assessment"])
        if before is None:
            text = _("De Participatieraad geeft zijn oordeel over het antwoord: %(a)s.") % {
                "a": label
            }
            kind = Kind.ASSESSMENT_GIVEN
        elif before != row["assessment"]:
            text = _("De Participatieraad heeft zijn oordeel veranderd: nu %(a)s.") % {"a": label}
            kind = Kind.ASSESSMENT_CHANGED
        else:
            kind = None
        if kind:
            events.append(
                Event(
                    kind=kind,
                    date=local_day(row["history_date"]),
                    moment=row["history_date"],
                    actor=str(COUNCIL),
                    text=text,
                    detail=row["note"],
                    key=f"oordeel-{row['history_id']}",
                )
            )
        previous[row["id"]] = row["assessment"]

    # 6. The decisions taken after the advice, as they read now.
    if outcomes is None:
        outcomes = recommendation_outcomes(recommendation)
    events += [decision_event(outcome) for outcome in outcomes]

    for event in events:
        event.letter = letter
        event.recommendation = recommendation
    return sorted(events, key=lambda event: event.sort_key)


# -- all letters, for the feeds --------------------------------------------------------------


def _previous_value(history_model, name):
    """The value of ``name`` in the row recorded just before this one, of the same object."""
    earlier = Q(history_date__lt=OuterRef("history_date")) | Q(
        history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id")
    )
    return Subquery(
        history_model.objects.filter(earlier, id=OuterRef("id"))
        .order_by("-history_date", "-history_id")
        .values(name)[:1]
    )


def recent_changes(limit=50, theme=None):
    """The latest public status changes, newest first: verdicts, follow-ups, and letters
    becoming beantwoord or afgerond. Only of sent letters; ``theme`` limits to its letters.
    Four queries, whatever the volume."""
    letters = AdviceLetter.objects.public()
    if theme is not None:
        letters = letters.filter(themes=theme)
    letter_ids = letters.values("pk")
    events = []

    # Letters that became beantwoord or afgerond (or were opened again).
    letter_history = AdviceLetter.history.model
    rows = (
        AdviceLetter.history.filter(
            id__in=letter_ids, status__in=[LetterStatus.ANSWERED, LetterStatus.CLOSED]
        )
        .annotate(previous=Coalesce(_previous_value(letter_history, "status"), Value("")))
        .exclude(previous=F("status"))
        .order_by("-history_date", "-history_id")
        .values("history_id", "history_date", "status", "previous", "id", "reference", "subject")
    )[:limit]
    for row in rows:
        letter = AdviceLetter(pk=row["id"], reference=row["reference"], subject=row["subject"])
        event = letter_step_event(
            row["status"],
            row["previous"],
            row["history_date"],
            letter,
            f"advies-{row['history_id']}",
        )
        if event:
            events.append(event)

    # Verdicts given or changed.
    answer_history = RecommendationAnswer.history.model
    rows = (
        RecommendationAnswer.history.filter(recommendation__letter__in=letter_ids)
        .exclude(history_type="-")
        .annotate(previous=Coalesce(_previous_value(answer_history, "verdict"), Value("")))
        .exclude(previous=F("verdict"))
        .select_related("recommendation__letter")
        .order_by("-history_date", "-history_id")
    )[:limit]
    for row in rows:
        recommendation = row.recommendation
        event = verdict_event(
            row.verdict,
            row.previous,
            row.history_date,
            row.answer,
            f"standpunt-{row.history_id}",
            recommendation=recommendation,
            letter=recommendation.letter,
        )
        if event:
            events.append(event)

    # Follow-ups, as they read now, dated by when they were recorded.
    recorded = (
        FollowUp.history.model.objects.filter(id=OuterRef("pk"), history_type="+")
        .order_by("history_date")
        .values("history_date")[:1]
    )
    follow_ups = (
        FollowUp.objects.filter(recommendation__letter__in=letter_ids)
        .annotate(recorded_at=Subquery(recorded))
        .filter(recorded_at__isnull=False)
        .select_related("recommendation__letter", "commitment")
        .order_by("-recorded_at", "-pk")
    )[:limit]
    for follow_up in follow_ups:
        event = follow_up_event(
            follow_up,
            follow_up.recorded_at,
            follow_up.commitment.description if follow_up.commitment else "",
            recommendation=follow_up.recommendation,
        )
        event.letter = follow_up.recommendation.letter
        events.append(event)

    events.sort(key=lambda event: (event.moment, event.key), reverse=True)
    return events[:limit]
