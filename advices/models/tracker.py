"""The public tracker: "Aanbevelingen", every recommendation of every sent letter and what
became of it, with filters, search, sorting and the dashboard.

The filters are a plain GET form (``advices.tracker_filters``), so the page works without
JavaScript and its URL, with the filters and the page number, can be shared. The number of
SQL queries does not grow with the number of recommendations.
"""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

RECOMMENDATIONS_PER_PAGE = 20

# Served by advices.views.open_data: the same filters as the tracker, as a file.
EXPORT_PATHS = {"csv": "/open-data/aanbevelingen.csv", "json": "/open-data/aanbevelingen.json"}


class RecommendationIndexPage(Page):
    """ "Aanbevelingen": what became of each recommendation, findable and shareable."""

    intro = models.TextField(
        _("inleiding"),
        blank=True,
        help_text=_("Een paar zinnen boven de lijst: wat ziet de lezer hier?"),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    template = "advices/tracker_page.html"

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("overzicht van aanbevelingen")
        verbose_name_plural = _("overzichten van aanbevelingen")

    @classmethod
    def for_site_root(cls, root):
        """The live, public tracker directly under ``root`` (a home page), or None."""
        return cls.objects.child_of(root).live().public().first()

    def get_context(self, request, *args, **kwargs):
        from advices.dashboard import build_dashboard
        from advices.models.pages import AdviceIndexPage
        from advices.models.responses import Verdict
        from advices.progress import PublicStatus
        from advices.tracker_filters import RecommendationFilter, recommendations_in_order
        from home.pagination import PAGE_PARAM, pagination_links

        context = super().get_context(request, *args, **kwargs)
        recommendation_filter = RecommendationFilter(request.GET)

        # The keys of every match, in order, in one query (the filters are evaluated once,
        # not once to count and again for the page); then only the twenty shown are loaded
        # and annotated. Keys are small: 10,000 of them are a few tens of kilobytes.
        keys = list(recommendation_filter.queryset(annotations=()).values_list("pk", flat=True))
        paginator = Paginator(keys, RECOMMENDATIONS_PER_PAGE)
        requested_page = request.GET.get(PAGE_PARAM, "1")
        page_obj = paginator.get_page(requested_page)
        shown = recommendations_in_order(page_obj.object_list, recommendation_filter.today)

        # Found once per request; every link on the page is built from its URL.
        advice_index = AdviceIndexPage.for_request(request)
        base_url = advice_index.get_url(request) if advice_index else None
        for recommendation in shown:
            letter = recommendation.letter
            recommendation.public_url = letter.public_url = None
            if base_url:
                recommendation.public_url = base_url + advice_index.reverse_subpage(
                    "recommendation", args=[letter.reference, recommendation.number]
                )
                letter.public_url = base_url + advice_index.reverse_subpage(
                    "letter", args=[letter.reference]
                )
            # What status_badge.html reads.
            recommendation.badge = {
                "status": recommendation.public_status,
                "status_label": PublicStatus(recommendation.public_status).label,
                "overdue": recommendation.is_overdue,
            }
            recommendation.verdict_label = (
                Verdict(recommendation.verdict).label if recommendation.verdict else ""
            )

        query = recommendation_filter.query_string()
        # The figures are about all recommendations: shown on the first, unfiltered page;
        # a filtered or later page links back to them.
        show_dashboard = not recommendation_filter.filters_active and page_obj.number == 1
        context.update(
            {
                "recommendation_filter": recommendation_filter,
                "paginator": paginator,
                "page_obj": page_obj,
                "pagination": pagination_links(page_obj, recommendation_filter.values),
                "recommendations": shown,
                "page_number_ignored": str(page_obj.number) != str(requested_page).strip(),
                "export_links": {
                    kind: f"{path}?{query}" if query else path
                    for kind, path in EXPORT_PATHS.items()
                },
                "show_dashboard": show_dashboard,
                "dashboard": build_dashboard(
                    request, tracker_url=self.get_url(request), advice_index=advice_index
                )
                if show_dashboard
                else None,
            }
        )
        return context
