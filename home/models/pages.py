from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from home.page_forms import RootPageForm


class HomePage(Page):
    """The site's front page: who the council is and what it did lately."""

    intro = RichTextField(_("inleiding"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.MeetingIndexPage",
        "advices.AdviceIndexPage",
        "advices.RecommendationIndexPage",
        "annual.AnnualReportIndexPage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")

    def get_context(self, request, *args, **kwargs):
        from home.models.meetings import MeetingIndexPage, MeetingPage

        context = super().get_context(request, *args, **kwargs)
        context["meeting_index"] = MeetingIndexPage.objects.child_of(self).live().public().first()
        context["latest_meetings"] = list(
            MeetingPage.objects.descendant_of(self).live().public().order_by("-date", "-pk")[:3]
        )
        return context


class StandardPage(Page):
    """A plain page such as "Over de Participatieraad", "Toegankelijkheid" or "Privacy"."""

    intro = models.TextField(_("inleiding"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    # Under a home page: not on a path the site itself uses (home.page_forms).
    base_form_class = RootPageForm
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standaardpagina")
        verbose_name_plural = _("standaardpagina's")
