"""The decisions after the advice, as the public pages show them: one query per page,
however many decisions and outcomes there are.

- ``letter_decisions``: a letter's decisions, oldest first, each with how many of the
  letter's recommendations it follows, follows in part, or does not follow;
- ``recommendation_outcomes``: what each decision says of one recommendation, with its
  decision (for the status area and the timeline of the recommendation's page).

Where the public reads a decision: its own link (``url``) when given, else the PDF the
municipality added, which ``AdviceIndexPage`` serves below the letter (``decision_pdf``).
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from advices.lifecycle.decisions import FollowsAdvice
from advices.models import DecisionOutcome


def letter_decisions(letter):
    """The decisions on ``letter``, oldest first, with ``follows_count``, ``partly_count``
    and ``not_count``. One query."""
    return list(
        letter.decisions.annotate(
            follows_count=Count("outcomes", filter=Q(outcomes__follows=FollowsAdvice.YES)),
            partly_count=Count("outcomes", filter=Q(outcomes__follows=FollowsAdvice.PARTLY)),
            not_count=Count("outcomes", filter=Q(outcomes__follows=FollowsAdvice.NO)),
        ).order_by("decided_on", "pk")
    )


def outcome_summary(decision):
    """What a decision of ``letter_decisions`` does with the advice, in one sentence:
    "Het besluit volgt het advies bij 2 aanbevelingen, deels bij 1, niet bij 1." ("" when
    it names no recommendation)."""
    # Literal messages, so that makemessages finds them.
    phrases = [
        (
            decision.follows_count,
            lambda n: ngettext("bij %(count)d aanbeveling", "bij %(count)d aanbevelingen", n),
        ),
        (
            decision.partly_count,
            lambda n: ngettext("deels bij %(count)d", "deels bij %(count)d", n),
        ),
        (decision.not_count, lambda n: ngettext("niet bij %(count)d", "niet bij %(count)d", n)),
    ]
    parts = [phrase(count) % {"count": count} for count, phrase in phrases if count]
    if not parts:
        return ""
    return _("Het besluit volgt het advies %(parts)s.") % {"parts": ", ".join(parts)}


def recommendation_outcomes(recommendation):
    """The outcomes of every decision on ``recommendation``, oldest decision first, each with
    its decision. One query."""
    return list(
        DecisionOutcome.objects.filter(recommendation=recommendation)
        .select_related("decision")
        .order_by("decision__decided_on", "decision__pk")
    )


def link_decisions(decisions, pdf_url):
    """Give each decision ``pdf_url`` (its PDF on this site, or None) and ``link_url`` (where
    a reader goes first: the decision's own link, else its PDF). ``pdf_url(decision)`` builds
    the PDF's address."""
    for decision in decisions:
        if hasattr(decision, "follows_count"):
            decision.outcome_summary = outcome_summary(decision)
        decision.pdf_url = pdf_url(decision) if decision.file else None
        decision.link_url = decision.url or decision.pdf_url
    return decisions
