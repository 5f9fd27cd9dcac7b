"""The open data's columns about the decision after the advice (``advices.queries.open_data``):
per recommendation, the latest decision that says something about it.

- ``DECISION_COLUMNS``: the columns with their meaning, for the files and the "Open data" page;
- ``decision_annotations()``: SQL subqueries on a recommendations queryset, so the export
  stays at the same number of queries however many rows and decisions;
- ``decision_record(row)``: the columns' values from such a row.
"""

from django.db.models import OuterRef, Subquery
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from advices.lifecycle.decisions import DecisionBody, FollowsAdvice
from advices.models import DecisionOutcome

# (name, meaning, type, example): ``open_data.Column``'s fields; plain tuples, since
# ``open_data`` imports this module.
DATE = _("datum (JJJJ-MM-DD)")

DECISION_COLUMNS = [
    (
        "besluit_datum",
        _(
            "De datum van het laatste besluit na het advies dat over deze aanbeveling gaat "
            "(van het college of de gemeenteraad). Leeg (JSON: null) als er nog geen is."
        ),
        DATE,
        "2023-03-14",
    ),
    (
        "besluit_door",
        format_lazy(
            _(
                "Wie dat besluit nam: '{college}' (het college van B&W) of '{council}'. "
                "Leeg (JSON: null) als er nog geen besluit is."
            ),
            college=DecisionBody.COLLEGE.value,
            council=DecisionBody.COUNCIL.value,
        ),
        _("code"),
        DecisionBody.COLLEGE.value,
    ),
    (
        "besluit_volgt_advies",
        format_lazy(
            _(
                "Of dat besluit het advies volgt: '{yes}', '{partly}' of '{no}'. "
                "Leeg (JSON: null) als er nog geen besluit is."
            ),
            yes=FollowsAdvice.YES.value,
            partly=FollowsAdvice.PARTLY.value,
            no=FollowsAdvice.NO.value,
        ),
        _("code"),
        FollowsAdvice.PARTLY.value,
    ),
]

# Annotation name -> (the decision's field, read through the outcome), and the column.
_FIELDS = {
    "decision_date": ("decision__decided_on", "besluit_datum"),
    "decision_body": ("decision__body", "besluit_door"),
    "decision_follows": ("follows", "besluit_volgt_advies"),
}
DECISION_FIELDS = list(_FIELDS)


def decision_annotations():
    """For ``QuerySet.annotate`` on recommendations: the latest decision's date, body and
    outcome for each (None without one), as subqueries of the same query."""
    latest = DecisionOutcome.objects.filter(recommendation=OuterRef("pk")).order_by(
        "-decision__decided_on", "-decision__pk"
    )
    return {name: Subquery(latest.values(field)[:1]) for name, (field, _column) in _FIELDS.items()}


def decision_record(row):
    """The decision columns of one row (a dict with ``DECISION_FIELDS``)."""
    return {column: row.get(name) or None for name, (_field, column) in _FIELDS.items()}
