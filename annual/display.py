"""The stored figures (``annual.figures``, plain JSON) ready for the templates: ISO dates as
dates, and the verdict chart's geometry. The public page, the admin's preview and the PDF
all show the figures through this one function."""

import copy
import datetime
from dataclasses import dataclass

from advices.queries.dashboard import Chart


@dataclass
class ChartRow:
    """One bar: ``percent`` of the chart's width, with its label and count."""

    label: str
    count: int
    percent: int | None


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def for_display(figures):
    """A copy of ``figures`` with dates and the verdict chart; None stays None."""
    if figures is None:
        return None
    shown = copy.deepcopy(figures)
    shown["computed_on"] = _date(shown.get("computed_on"))
    for item in shown["meetings"]["items"] + shown["advice"]["items"]:
        item["date"] = _date(item["date"])
    verdicts = shown["verdicts"]
    verdicts["chart"] = Chart(
        rows=[
            ChartRow(row["label"], row["count"], row.get("percent"))
            for row in verdicts["rows"]
            if row["count"]
        ]
    )
    return shown
