"""Where the public pages find each other: the "Adviezen" page and the "Aanbevelingen" page
sit side by side under a home page and link to each other."""

from django.apps import apps
from django.db.models import Exists, OuterRef
from wagtail.models import PageViewRestriction


def page_beside(model, page):
    """The live page of type ``model`` (a class, or "app_label.ModelName" as Wagtail names page
    types) next to ``page`` (under the same home page) without a view restriction of its own,
    or None: one query. ``page`` is being served, so the ancestors they share already let the
    reader in."""
    if isinstance(model, str):
        model = apps.get_model(model)
    restricted = PageViewRestriction.objects.filter(page=OuterRef("pk"))
    return model.objects.sibling_of(page).live().filter(~Exists(restricted)).first()
