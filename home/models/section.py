"""A section of the site: one page of its kind directly under the home page, with an intro
(Adviezen, Adviesaanvragen, Jaarverslagen), found again for a request by ``for_request``."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, Site
from wagtail.search import index

from home.page_forms import RootPageForm


class SectionPage(Page):
    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    # Under a home page: not on a path the site itself uses (home.page_forms).
    base_form_class = RootPageForm
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @classmethod
    def for_request(cls, request):
        """The live, public page of this kind on the request's site, or None."""
        site = Site.find_for_request(request) if request else None
        pages = cls.objects.live().public()
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return pages.first()
