"""How long the council's advice is kept: the archival appraisal of an advice dossier.

The values are a site setting (*Instellingen → Archivering*, ``ArchiveSettings``); these are
its defaults until the secretariat, with the municipal archivist, sets them. The archive
export (``advices.archive``) writes them into the MDTO metadata of every dossier.
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SELECTION_LIST = "Selectielijst gemeenten en intergemeentelijke organen 2020"

# Advice of an advisory body to the college helps prepare and adjust policy: Selectielijst
# 2020, process type 3. The municipal archivist decides; these are only the starting point.
DEFAULT_CATEGORY_CODE = "3"
DEFAULT_CATEGORY_LABEL = "Voorbereiden en bijsturen beleid"
DEFAULT_RETENTION_YEARS = 10


class Appraisal(models.TextChoices):
    """The archival nomination: kept for good, or destroyed after the retention term."""

    KEEP = "bewaren", _("Bewaren (blijvend te bewaren)")
    DESTROY = "vernietigen", _("Vernietigen na de bewaartermijn")


DEFAULT_APPRAISAL = Appraisal.KEEP


def destruction_date(start, years):
    """The day a record nominated for destruction may be destroyed: ``years`` after ``start``
    (29 February moves to 28 February in a year that has none)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def dossier_closed_on(sent_on, reply_received_on):
    """When an advice dossier closes, the start of its retention term: the day the college's
    reply came in, or the day the letter was sent while there is no reply yet."""
    return reply_received_on or sent_on


def as_date(moment):
    """A stored moment as the council's local date."""
    if isinstance(moment, datetime.datetime):
        return timezone.localtime(moment).date()
    return moment
