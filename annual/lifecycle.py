"""The rules of an annual report, once: its statuses, who may publish it, and that a
published report never changes (its figures, text and PDF are what was published).

Each check returns ``None`` when allowed, or the reason (Dutch, for the user) why not.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

PUBLISH_PERMISSION = "annual.publish_annualreport"
EDIT_PERMISSION = "annual.change_annualreport"
VIEW_PERMISSION = "annual.view_annualreport"

FIRST_YEAR = 2000
LAST_YEAR = 2100


class ReportStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")


# The fields only publishing writes.
PUBLICATION_FIELDS = frozenset(
    {"status", "figures", "published_at", "published_by", "pdf", "pdf_sha256", "pdf_size"}
)

PUBLISHED_MESSAGE = _(
    "Dit jaarverslag is gepubliceerd en verandert niet meer: de cijfers en de PDF blijven "
    "zoals ze zijn gepubliceerd."
)
NOT_BY_HAND = _("Een jaarverslag wordt alleen gepubliceerd met de knop 'Publiceren'.")
MAY_NOT_PUBLISH = _("Alleen het secretariaat publiceert een jaarverslag.")
MAY_NOT_EDIT = _("Alleen het secretariaat schrijft aan het jaarverslag.")
MAY_NOT_VIEW = _("Jaarverslagen in voorbereiding zijn alleen voor de raad.")
ALREADY_PUBLISHED = _("Dit jaarverslag is al gepubliceerd. Er is niets veranderd.")
BEING_PUBLISHED = _("Dit jaarverslag wordt op dit moment gepubliceerd. Probeer het zo opnieuw.")
REPORT_CHANGED = _(
    "Iemand anders heeft dit jaarverslag intussen gewijzigd. Uw wijziging is niet opgeslagen; "
    "wat u typte staat hieronder. Kopieer uw tekst, open het jaarverslag opnieuw en zet uw "
    "tekst in de nieuwe versie."
)
EDIT_WHILE_PUBLISHING = _(
    "Dit jaarverslag wordt op dit moment gepubliceerd en verandert daarna niet meer. Uw "
    "wijziging is niet opgeslagen; wat u typte staat hieronder."
)
YEAR_NOT_OVER = _(
    "Het jaar %(year)s is nog niet voorbij. Publiceer het jaarverslag als het jaar om is."
)


class ReportFrozenError(ValidationError):
    def __init__(self, message=PUBLISHED_MESSAGE):
        super().__init__(message, code="report_published")


def is_published(status):
    return status == ReportStatus.PUBLISHED


def publish_permission_refusal(user):
    return None if user.has_perm(PUBLISH_PERMISSION) else MAY_NOT_PUBLISH


def publish_state_refusal(status, publishing, year, today):
    """Why a report with ``status`` for ``year`` cannot be published on ``today``, or None."""
    if is_published(status):
        return ALREADY_PUBLISHED
    if publishing:
        return BEING_PUBLISHED
    if year >= today.year:
        return YEAR_NOT_OVER % {"year": year}
    return None


def edit_refusal(user, status):
    """Why ``user`` may not change a report with ``status``, or None."""
    if not user.has_perm(EDIT_PERMISSION):
        return MAY_NOT_EDIT
    if is_published(status):
        return PUBLISHED_MESSAGE
    return None


def stale_save_refusal(loaded_version, stored_version):
    """Why a save made on the form of ``loaded_version`` may not overwrite ``stored_version``
    (someone saved in between), or None."""
    return None if loaded_version == stored_version else REPORT_CHANGED


def publishing_edit_refusal(publishing):
    """Why a report being published may not change: its PDF is made from what was stored
    when publishing began, and must say what the published report says."""
    return EDIT_WHILE_PUBLISHING if publishing else None


def view_refusal(user):
    return None if user.has_perm(VIEW_PERMISSION) else MAY_NOT_VIEW
