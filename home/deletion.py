"""Who may delete which page. A published page is part of the public record: below an
administrator nobody deletes it, the secretariat takes it offline first (unpublish keeps the
page, its revisions and its history in the admin). Pages that were never published, or were
taken offline, may be deleted by whoever Wagtail's page permissions allow."""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

LIVE_PAGE = _(
    "Een gepubliceerde pagina verwijdert u niet: de pagina is openbaar en hoort bij het "
    "archief van de raad. Haal de pagina eerst offline (Depubliceren); daarna kunt u hem "
    "verwijderen. Een beheerder kan een gepubliceerde pagina wel verwijderen."
)


def page_deletion_refusal(user, pages):
    """Why ``user`` may not delete ``pages`` (with everything below them), or None."""
    if user.is_superuser or not pages:
        return None
    # One query for a bulk delete too: a page and everything below it share its path prefix.
    subtrees = reduce(or_, (Q(path__startswith=page.path) for page in pages))
    return LIVE_PAGE if Page.objects.filter(subtrees, live=True).exists() else None
