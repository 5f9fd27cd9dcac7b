"""The public tracker: "Aanbevelingen", every recommendation of every sent letter and what
became of it, with filters, search, sorting and the dashboard.

The filters are a plain GET form (``advices.queries.tracker``), so the page works without
JavaScript and its URL, with the filters and the page number, can be shared. The number of
SQL queries does not grow with the number of recommendations.
"""

from django.core.paginator import Paginator
from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from advices.lifecycle.statuses import PublicStatus, Verdict
from advices.pages.following import following_recommendations
from advices.pages.placement import page_beside
from advices.queries.dashboard import dashboard_html
from advices.queries.freshness import cached, data_version
from advices.queries.tracker import RecommendationFilter, recommendations_in_order
from home.page_forms import RootPageForm
from home.pagination import PAGE_PARAM, pagination_links

RECOMMENDATIONS_PER_PAGE = 20

# Served by advices.public.open_data_views: the same filters as the tracker, as a file.
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
    # Under a home page: not on a path the site itself uses (home.page_forms).
    base_form_class = RootPageForm
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

        context = super().get_context(request, *args, **kwargs)
        recommendation_filter = RecommendationFilter(request.GET)
        requested_page = request.GET.get(PAGE_PARAM, "1")
        query = recommendation_filter.query_string()
        # The list and the figures are cached until anything they show changes
        # (advices.queries.freshness): most readers look at the same few pages.
        version = data_version()
        results = cached(
            "tracker-results",
            [self.pk, query, requested_page],
            lambda: self.results(request, recommendation_filter, requested_page),
            version=version,
            today=recommendation_filter.today,
            request=request,
        )
        # The figures are about all recommendations: shown on the first, unfiltered page;
        # a filtered or later page links back to them.
        show_dashboard = not recommendation_filter.filters_active and results["number"] == 1
        context.update(
            {
                "recommendation_filter": recommendation_filter,
                "results_html": results["html"],
                "page_number_ignored": str(results["number"]) != str(requested_page).strip(),
                "page_obj": {"number": results["number"]},  # what the notices read
                "show_dashboard": show_dashboard,
                "following": following_recommendations(recommendation_filter.active_theme),
                "dashboard_html": dashboard_html(
                    request,
                    self,
                    tracker_url=self.get_url(request),
                    advice_index=lambda: page_beside("advices.AdviceIndexPage", self),
                    version=version,
                )
                if show_dashboard
                else "",
            }
        )
        return context

    def results(self, request, recommendation_filter, requested_page):
        """The list for the filters and the page asked for, as HTML (the count, the
        recommendations, the pages, the downloads), with the page number shown."""

        # First the keys of the page, then only the twenty shown are loaded and annotated.
        # Unfiltered, the database reads a page in index order: count, then one slice.
        # Filtered or searched, every row must be checked anyway: the keys of all matches
        # in one query check them once, not once to count and again for the page.
        keys = recommendation_filter.queryset(annotations=()).values_list("pk", flat=True)
        if not recommendation_filter.reads_in_index_order:
            keys = list(keys)
        paginator = Paginator(keys, RECOMMENDATIONS_PER_PAGE)
        page_obj = paginator.get_page(requested_page)
        shown = recommendations_in_order(
            page_obj.object_list, recommendation_filter.today, recommendation_filter.term_weeks
        )

        # Found once; every link in the list is built from its URL.
        advice_index = page_beside("advices.AdviceIndexPage", self)
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
            recommendation.title = _("Aanbeveling %(label)s") % {"label": recommendation.label}
            recommendation.status_label = PublicStatus(recommendation.public_status).label
            recommendation.verdict_label = (
                Verdict(recommendation.verdict).label if recommendation.verdict else ""
            )

        query = recommendation_filter.query_string()
        html = render_to_string(
            "advices/includes/tracker_results.html",
            {
                "page": self,
                "recommendation_filter": recommendation_filter,
                "paginator": paginator,
                "recommendations": shown,
                "pagination": pagination_links(page_obj, recommendation_filter.values),
                "export_links": {
                    kind: f"{path}?{query}" if query else path
                    for kind, path in EXPORT_PATHS.items()
                },
            },
            request=request,
        )
        return {"html": html, "number": page_obj.number}
