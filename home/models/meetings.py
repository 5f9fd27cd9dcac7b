from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.page_forms import RootPageForm
from home.pagination import PAGE_PARAM, pagination_links

MEETINGS_PER_PAGE = 10


class MeetingType(models.TextChoices):
    FIELD_MEETING = "veldbijeenkomst", _("Veldbijeenkomst")
    MEET_AND_GREET = "ontmoet-en-groet", _("Ontmoet en groet")
    WORK_SESSION = "werksessie", _("Werksessie")
    ROUND_TABLE = "gesprekstafel", _("Gesprekstafel")
    PUBLIC_MEETING = "openbare-vergadering", _("Openbare vergadering")
    OTHER = "anders", _("Anders")


class CountQualifier(models.TextChoices):
    EXACT = "", _("precies")
    ABOUT = "ongeveer", _("ongeveer")
    OVER = "ruim", _("ruim")


class MeetingIndexPage(Page):
    """Lists the council's meetings, newest first, with filters by type, year and theme."""

    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    # Under a home page: not on a path the site itself uses (home.page_forms).
    base_form_class = RootPageForm
    subpage_types = ["home.MeetingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("overzicht van bijeenkomsten")
        verbose_name_plural = _("overzichten van bijeenkomsten")

    def meetings(self):
        return (
            MeetingPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date", "-start_time", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        from home.meeting_filters import MeetingFilter

        context = super().get_context(request, *args, **kwargs)
        meeting_filter = MeetingFilter(request.GET, self.meetings())
        paginator = Paginator(meeting_filter.queryset(), MEETINGS_PER_PAGE)
        requested_page = request.GET.get(PAGE_PARAM, "1")
        page_obj = paginator.get_page(requested_page)
        context.update(
            meeting_filter=meeting_filter,
            paginator=paginator,
            page_obj=page_obj,
            pagination=pagination_links(page_obj, meeting_filter.values),
            meetings=list(page_obj.object_list.prefetch_related("themes")),
            page_number_ignored=str(page_obj.number) != requested_page.strip(),
        )
        return context


class MeetingPage(Page):
    """The report (verslag) of one meeting where the council heard residents and partners."""

    meeting_type = models.CharField(
        _("soort bijeenkomst"), max_length=30, choices=MeetingType.choices
    )
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    end_time = models.TimeField(_("eindtijd"), null=True, blank=True)
    location = models.CharField(_("locatie"), max_length=255, blank=True)
    participant_count = models.PositiveIntegerField(_("aantal deelnemers"), null=True, blank=True)
    participant_count_qualifier = models.CharField(
        _("nauwkeurigheid van het aantal"),
        max_length=10,
        choices=CountQualifier.choices,
        default=CountQualifier.EXACT,
        blank=True,
        help_text=_("Kies 'ruim' of 'ongeveer' als het verslag geen precies aantal noemt."),
    )
    themes = ParentalManyToManyField(
        "home.Theme", verbose_name=_("thema's"), blank=True, related_name="meetings"
    )
    summary = models.TextField(
        _("samenvatting"),
        help_text=_("Twee of drie zinnen: waar ging het over en wat kwam eruit?"),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("verslag"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("meeting_type"),
                FieldPanel("date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("location"),
                FieldRowPanel(
                    [FieldPanel("participant_count"), FieldPanel("participant_count_qualifier")]
                ),
            ],
            heading=_("Bijeenkomst"),
        ),
        InlinePanel(
            "participant_groups", heading=_("Wie deden er mee?"), label=_("Groep deelnemers")
        ),
        FieldPanel("themes"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("location"),
        index.FilterField("date"),
        index.FilterField("meeting_type"),
    ]

    parent_page_types = ["home.MeetingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("verslag van een bijeenkomst")
        verbose_name_plural = _("verslagen van bijeenkomsten")

    @cached_property
    def participant_count_display(self):
        if self.participant_count is None:
            return ""
        if self.participant_count_qualifier:
            return f"{self.get_participant_count_qualifier_display()} {self.participant_count}"
        return str(self.participant_count)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = self.get_parent()
        context["themes"] = list(self.themes.all())
        context["participant_groups"] = list(self.participant_groups.all())
        return context


class MeetingParticipantGroup(Orderable):
    """A group of people who took part, e.g. "Vrijwilligers en informele zorgers"."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="participant_groups")
    name = models.CharField(_("groep"), max_length=150)
    description = models.TextField(_("toelichting"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("groep deelnemers")
        verbose_name_plural = _("groepen deelnemers")

    def __str__(self):
        return self.name
