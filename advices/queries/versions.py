"""Versions of an advice letter, assembled from history (restoring one is
``advices.actions.letters.RestoreVersion``).

A letter version is one ``HistoricalAdviceLetter`` row plus the letter's recommendations
*as they were at the end of that save*. The Wagtail admin saves the letter first and its
inline recommendations after it (and ``renumber_recommendations()`` may save them again),
so every recommendation change belongs to the last letter row before it: the
recommendations of version N are their history up to (not including) version N+1.

Everything here works on plain data (``LetterVersion``) so that the admin views, the
redline (``advices.pdf.redline``) and later the PDF share one definition of a version.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from advices.lifecycle.frozen import CONTENT_FIELDS
from advices.models import Recommendation

RECOMMENDATION_FIELDS = ["number", "sort_order", "heading", "context", "advice"]

# -- versions --------------------------------------------------------------------------


@dataclass(frozen=True)
class RecommendationVersion:
    id: int
    number: int
    sort_order: int | None
    heading: str
    context: str
    advice: str

    @property
    def content(self):
        """The words; a recommendation that was only renumbered keeps its content."""
        return (self.heading, self.context, self.advice)


@dataclass
class LetterVersion:
    number: int  # 1 is the oldest
    history_id: int
    saved_at: datetime
    user: object  # the user who saved, or None (a command, a migration)
    status: str
    status_label: str
    reason: str
    fields: dict  # the letter's CONTENT_FIELDS as they were
    recommendations: list[RecommendationVersion]
    is_latest: bool = False

    @property
    def author(self):
        if self.user is None:
            return _("onbekend")
        return self.user.get_full_name() or self.user.get_username()


def _recommendation_order(recommendation):
    # Orderable.sort_order may be NULL; databases sort NULL differently, so be explicit.
    return (
        recommendation.sort_order is None,
        recommendation.sort_order or 0,
        recommendation.id,
    )


def letter_versions(letter):
    """All versions of ``letter``, oldest first, in two queries however many there are."""
    rows = list(
        letter.history.select_related("history_user").order_by("history_date", "history_id")
    )
    child_rows = list(
        Recommendation.history.filter(letter_id=letter.pk)
        .order_by("history_date", "history_id")
        .values("id", "history_type", "history_date", *RECOMMENDATION_FIELDS)
    )
    versions = []
    current = {}  # recommendation id -> RecommendationVersion, replayed in time order
    position = 0
    for index, row in enumerate(rows):
        ends_at = rows[index + 1].history_date if index + 1 < len(rows) else None
        while position < len(child_rows) and (
            ends_at is None or child_rows[position]["history_date"] < ends_at
        ):
            child = child_rows[position]
            position += 1
            if child["history_type"] == "-":
                current.pop(child["id"], None)
            else:
                current[child["id"]] = RecommendationVersion(
                    id=child["id"], **{name: child[name] for name in RECOMMENDATION_FIELDS}
                )
        versions.append(
            LetterVersion(
                number=index + 1,
                history_id=row.history_id,
                saved_at=row.history_date,
                user=row.history_user,
                status=row.status,
                status_label=str(row.get_status_display()),
                reason=row.history_change_reason or "",
                fields={name: getattr(row, name) for name in CONTENT_FIELDS},
                recommendations=sorted(current.values(), key=_recommendation_order),
                is_latest=ends_at is None,
            )
        )
    return versions


def find_version(versions, *, number=None, history_id=None):
    for version in versions:
        if version.number == number or version.history_id == history_id:
            return version
    return None
