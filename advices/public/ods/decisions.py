"""The decisions after the advice as the spec's ``Besluit``. The spec has no resource for a
commitment: it is text on a decision (``toezegging``, at most 500 characters). A decision
carries the college's commitments on the recommendations it decides on."""

from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext as _

from advices.lifecycle.statuses import PUBLIC_STATUSES
from advices.models import Commitment, Decision
from advices.public.ods.texts import clip, long_date


def public_decisions():
    return (
        Decision.objects.filter(letter__status__in=PUBLIC_STATUSES)
        .select_related("letter")
        .order_by("-decided_on", "-pk")
    )


def commitments_by_decision(decision_ids):
    """Per decision: its commitments' lines, in the order of recommendation and date; one query."""
    rows = (
        Commitment.objects.filter(recommendation__decision_outcomes__decision__in=decision_ids)
        .values_list(
            "recommendation__decision_outcomes__decision",
            "recommendation__number",
            "description",
            "due_date",
        )
        .order_by("recommendation__number", "due_date", "pk")
    )
    lines = defaultdict(list)
    for decision_id, number, description, due in rows:
        lines[decision_id].append(
            _("Aanbeveling %(number)s: %(what)s (uiterlijk %(due)s)")
            % {"number": number, "what": " ".join(description.split()), "due": long_date(due)}
        )
    return lines


def decision_json(request, decision, commitment_lines):
    letter = decision.letter
    explanation = _("%(body)s, %(date)s, na advies %(reference)s.") % {
        "body": decision.get_body_display(),
        "date": long_date(decision.decided_on),
        "reference": letter.reference,
    }
    if decision.summary:
        explanation = f"{explanation} {decision.summary}"
    result = {
        "url": request.build_absolute_uri(reverse("ods:decision", kwargs={"nummer": decision.pk})),
        "id": str(decision.pk),
        "besluitresultaat": clip(decision.title, 200),
        "besluittoelichting": clip(explanation, 200),
    }
    if commitment_lines:
        result["toezegging"] = clip("; ".join(commitment_lines), 500)
    return result
