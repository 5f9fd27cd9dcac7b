"""A read-only JSON API for the sent advice letters, their recommendations and the replies.

Built with Django Ninja (a dependency of Wagtail 8, declared in pyproject.toml because we
import it ourselves). Mounted at ``/api/v1/`` by ``advices.public.open_data_urls``; the OpenAPI
description is at ``/api/v1/openapi.json`` and readable documentation at ``/api/v1/docs``.

Only public letters (verzonden, beantwoord, afgerond) and their recommendations are ever
shown; anything else is a 404, with a JSON body like every other error here. Field names are
Dutch, the same as in the CSV and JSON files of ``advices.queries.open_data``. Every endpoint
costs a fixed number of queries, whatever the page size or the number of letters.
"""

import datetime

from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer

from advices.lifecycle.lateness import reply_is_overdue, sent_on
from advices.lifecycle.progress import annotate_progress
from advices.lifecycle.response_term import reply_due_date, response_term_weeks
from advices.lifecycle.statuses import PublicStatus
from advices.models import (
    AdviceLetter,
    CouncilAssessment,
    FollowUp,
    Recommendation,
    Verdict,
)
from advices.pages.urls import PublicUrls
from advices.public.paging import page_link, requested_page
from advices.queries import open_data
from advices.queries.references import canonical_reference
from advices.queries.tracker import filtered_recommendations
from home.named_people import apply_name_choices_to_data
from home.site_address import page_full_url

PAGE_PARAM = "pagina"
PAGE_SIZE_PARAM = "per_pagina"
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


# -- schemas ---------------------------------------------------------------------------------


class Error(Schema):
    fout: str = Field(description="Wat er mis is, in gewone taal.")
    details: list[dict] = Field(default=[], description="Per parameter wat er niet klopt.")


class Theme(Schema):
    slug: str
    naam: str


class CommitmentOut(Schema):
    beschrijving: str
    verantwoordelijk: str
    uiterlijk: datetime.date
    uiterlijk_precisie: str = Field(description="'dag' of 'kwartaal'")
    uiterlijk_tekst: str
    oorspronkelijk: datetime.date | None
    reden_nieuwe_datum: str
    te_laat: bool


class RecommendationOut(Schema):
    aanbeveling: str = Field(description="Het vaste nummer, bijvoorbeeld '2022-07 / 3'.")
    nummer: int
    kenmerk: str
    adviesdatum: datetime.date
    onderwerp: str
    kop: str
    advies: str
    toelichting: str
    status: str = Field(description="Zie /open-data/ voor de betekenis van elke status.")
    standpunt: str | None = Field(description="Null zolang het college niet reageerde.")
    antwoord_college: str
    reactie_ontvangen_op: datetime.date | None
    te_laat: bool = Field(description="Een toezegging bij deze aanbeveling is te laat.")
    reactie_te_laat: bool = Field(description="De reactie op de brief is te laat.")
    toezeggingen: list[CommitmentOut]
    url: str | None = Field(description="De pagina van de aanbeveling op de website.")
    besluit_datum: datetime.date | None = Field(
        description="De datum van het laatste besluit na het advies."
    )
    besluit_door: str | None = Field(description="Wie besloot: 'college' of 'gemeenteraad'.")
    besluit_volgt_advies: str | None = Field(
        description="Volgt het besluit het advies: volgt, volgt-deels of volgt-niet."
    )
    api_url: str


class FollowUpOut(Schema):
    datum: datetime.date
    stand: str = Field(description="gepland, in-uitvoering, uitgevoerd of niet-uitgevoerd")
    toelichting: str
    toezegging: str | None = Field(description="De toezegging waar dit bericht over gaat.")


class AssessmentOut(Schema):
    oordeel: str = Field(description="tevreden, deels-tevreden of niet-tevreden")
    toelichting: str


class RecommendationDetail(RecommendationOut):
    voortgang: list[FollowUpOut]
    oordeel_raad: AssessmentOut | None
    advies_api_url: str


class LetterOut(Schema):
    kenmerk: str
    datum: datetime.date
    onderwerp: str
    soort: str = Field(description="gevraagd of ongevraagd")
    status: str = Field(description="verzonden, beantwoord of afgerond")
    verzonden_op: datetime.date | None
    themas: list[Theme]
    aantal_aanbevelingen: int
    per_status: dict[str, int]
    per_standpunt: dict[str, int]
    reactie_ontvangen_op: datetime.date | None
    reactie_te_laat: bool
    url: str | None
    api_url: str


class ReplyOut(Schema):
    ontvangen_op: datetime.date
    kenmerk_college: str
    samenvatting: str
    tekst: str
    pdf_url: str | None


class MeetingOut(Schema):
    titel: str
    datum: datetime.date | None
    url: str | None


class ErratumOut(Schema):
    datum: datetime.date
    tekst: str


class LetterDetail(LetterOut):
    aan: str
    aanhef: str
    inleiding: str = Field(description="HTML")
    slot: str = Field(description="HTML")
    ondertekend_door: str
    functie: str
    pdf_url: str | None
    bijeenkomsten: list[MeetingOut]
    errata: list[ErratumOut]
    reactie: ReplyOut | None
    reactie_verwacht_uiterlijk: datetime.date | None
    aanbevelingen: list[RecommendationOut]


class PageOut(Schema):
    aantal: int = Field(description="Het aantal resultaten op alle pagina's samen.")
    pagina: int
    per_pagina: int
    aantal_paginas: int
    vorige: str | None
    volgende: str | None


class LetterPage(PageOut):
    resultaten: list[LetterOut]


class IgnoredFilter(Schema):
    parameter: str
    waarde: str


class RecommendationPage(PageOut):
    filters: dict[str, str]
    genegeerde_filters: list[IgnoredFilter]
    resultaten: list[RecommendationOut]


class Paging(Schema):
    pagina: int = Field(1, ge=1, description="Welke pagina; de eerste is 1.")
    per_pagina: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Hoeveel resultaten per pagina, 1 tot en met {MAX_PAGE_SIZE}.",
    )


class RecommendationQuery(Schema):
    """The tracker's filters (see /open-data/); only documented here. An unknown value is
    ignored and listed in ``genegeerde_filters``, never an error."""

    q: str | None = Field(None, description="Zoekwoorden")
    status: str | None = Field(None, description=", ".join(PublicStatus.values))
    standpunt: str | None = Field(
        None, description=", ".join(Verdict.values) + "; 'geen': nog geen standpunt"
    )
    thema: str | None = Field(None, description="De korte naam van een thema, bv. 'jeugd'")
    jaar: str | None = Field(None, description="Het jaar van de adviesbrief, bv. 2022")
    advies: str | None = Field(None, description="Het kenmerk van een brief, bv. PR-2022-07")
    te_laat: str | None = Field(None, alias="te-laat", description="'ja': alleen te laat")
    sortering: str | None = Field(
        None, description="nieuwste (standaard), oudste, advies-en-nummer of status"
    )


# -- the API ---------------------------------------------------------------------------------


class ReadableJSON(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}

    def render(self, request, data, *, response_status):
        # Every answer, in one place: each hidden name shows as its role (home.named_people).
        data = apply_name_choices_to_data(data)
        return super().render(request, data, response_status=response_status)


class OpenDataAPI(NinjaAPI):
    def create_response(self, request, data, *args, **kwargs):
        response = super().create_response(request, data, *args, **kwargs)
        # Open data: any web page may read it (no cookies, nothing to change here).
        response["Access-Control-Allow-Origin"] = "*"
        return response


api = OpenDataAPI(
    title="Adviesvolger API",
    version="1",
    description=(
        "De adviezen van de raad aan het college, de aanbevelingen daarin en wat het college "
        "ermee deed. Alleen lezen; geen account nodig. De gegevens vallen onder CC0 1.0. "
        "Uitleg over de velden en waarden: /open-data/."
    ),
    urls_namespace="open-data-api",
    renderer=ReadableJSON(),
    docs_url="/docs",
)


def parameter_message(parameter):
    """What to do about a wrong value, in plain Dutch (pydantic's messages are English)."""
    messages = {
        PAGE_PARAM: _("Geef een heel getal van 1 of hoger."),
        PAGE_SIZE_PARAM: _("Geef een heel getal van 1 tot en met %(max)d.")
        % {"max": MAX_PAGE_SIZE},
        "nummer": _("Geef een heel getal."),
    }
    return messages.get(parameter, _("Deze waarde klopt niet."))


@api.exception_handler(ValidationError)
def bad_request(request, exc):
    parameters = [str(error.get("loc", ["?"])[-1]) for error in exc.errors]
    details = [{"parameter": p, "melding": parameter_message(p)} for p in parameters]
    return api.create_response(
        request, {"fout": _("De vraag klopt niet."), "details": details}, status=400
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    message = str(exc) if exc.args else _("Niet gevonden.")
    return api.create_response(request, {"fout": message, "details": []}, status=404)


def not_found_view(request, *args, **kwargs):
    """A JSON 404 for any other address under /api/v1/."""
    return not_found(request, Http404(_("Dit adres bestaat niet in de API. Zie /api/v1/docs.")))


# -- helpers ---------------------------------------------------------------------------------


def related_or_none(instance, name):
    """A one-to-one relation fetched with select_related, or None when there is none."""
    try:
        return getattr(instance, name)
    except ObjectDoesNotExist:
        return None


def absolute(request, name, **kwargs):
    return request.build_absolute_uri(reverse(f"{api.urls_namespace}:{name}", kwargs=kwargs))


def moved_to_canonical_reference(request, name, kenmerk, **kwargs):
    """A 301 to the same endpoint with the letter's reference as stored (pr-2019-01 becomes
    PR-2019-01), query string kept; None when no public letter has it in any case."""
    canonical = canonical_reference(kenmerk)
    if canonical is None or canonical == kenmerk:
        return None
    url = absolute(request, name, kenmerk=canonical, **kwargs)
    query = request.META.get("QUERY_STRING", "")
    response = HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
    response["Access-Control-Allow-Origin"] = "*"  # as every answer here: a page may follow it
    return response


def recommendation_api_url(request, reference, number):
    return absolute(request, "recommendation", kenmerk=reference, nummer=number)


def paginate(request, items, paging):
    """A page of ``items`` (a queryset) and the page's fields; 404 past the last page."""
    paginator = Paginator(items, paging.per_pagina)
    page = requested_page(paginator, paging.pagina, Http404)

    def link(number):
        return page_link(request, PAGE_PARAM, number)

    fields = {
        "aantal": paginator.count,
        "pagina": page.number,
        "per_pagina": paging.per_pagina,
        "aantal_paginas": paginator.num_pages,
        "vorige": link(page.previous_page_number()) if page.has_previous() else None,
        "volgende": link(page.next_page_number()) if page.has_next() else None,
    }
    return page, fields


def recommendation_out(request, record, number):
    return {
        **record,
        "nummer": number,
        "api_url": recommendation_api_url(request, record["kenmerk"], number),
    }


def records(recommendations, urls, today):
    """``(record, row)`` for each of ``recommendations`` (annotated; a page or less)."""
    rows = list(open_data.row_values(recommendations))
    commitments = open_data.commitments_by_recommendation(
        Recommendation.objects.filter(pk__in=[row["pk"] for row in rows]), today
    )
    labels = open_data.Labels()
    return [(open_data.recommendation_record(row, commitments, urls, labels), row) for row in rows]


def empty_counts():
    return {status: 0 for status in PublicStatus.values}, {verdict: 0 for verdict in Verdict.values}


def recommendation_counts(letter_ids, today):
    """Per letter: (per status, per verdict), in one grouped query."""
    rows = (
        annotate_progress(
            Recommendation.objects.filter(letter_id__in=letter_ids), today, fields=["public_status"]
        )
        .order_by()
        .values("letter_id", "public_status", "verdict")
        .annotate(total=Count("pk"))
    )
    counts = {letter_id: empty_counts() for letter_id in letter_ids}
    for row in rows:
        per_status, per_verdict = counts[row["letter_id"]]
        per_status[row["public_status"]] += row["total"]
        if row["verdict"]:
            per_verdict[row["verdict"]] += row["total"]
    return counts


def public_letters():
    return AdviceLetter.objects.public().order_by("-date", "-pk")


def letter_out(request, letter, urls, counts, term_weeks, today):
    per_status, per_verdict = counts
    reply = related_or_none(letter, "college_response")
    sent = sent_on(letter)
    return {
        "kenmerk": letter.reference,
        "datum": letter.date,
        "onderwerp": letter.subject,
        "soort": letter.kind,
        "status": letter.status,
        "verzonden_op": sent,
        "themas": [{"slug": theme.slug, "naam": theme.name} for theme in letter.themes.all()],
        "aantal_aanbevelingen": sum(per_status.values()),
        "per_status": per_status,
        "per_standpunt": per_verdict,
        "reactie_ontvangen_op": reply.received_on if reply else None,
        "reactie_te_laat": reply_is_overdue(letter.status, sent, today, term_weeks),
        "url": urls.letter(letter.reference),
        "api_url": absolute(request, "letter", kenmerk=letter.reference),
    }


# -- endpoints -------------------------------------------------------------------------------


@api.get(
    "/adviezen/",
    response={200: LetterPage, 400: Error, 404: Error},
    url_name="letters",
    summary="Alle verzonden adviesbrieven, nieuwste eerst",
    tags=["adviezen"],
)
def letters(request, paging: Query[Paging]):
    today = timezone.localdate()
    letters = (
        public_letters()
        .select_related("college_response")
        .defer("introduction", "closing", "college_response__text")
        .prefetch_related("themes")
    )
    page, fields = paginate(request, letters, paging)
    shown = list(page.object_list)
    counts = recommendation_counts([letter.pk for letter in shown], today)
    urls = PublicUrls(request)
    term_weeks = response_term_weeks()
    fields["resultaten"] = [
        letter_out(request, letter, urls, counts[letter.pk], term_weeks, today) for letter in shown
    ]
    return fields


@api.get(
    "/adviezen/{kenmerk}/",
    response={200: LetterDetail, 301: None, 404: Error},
    url_name="letter",
    summary="Eén adviesbrief met de aanbevelingen en de reactie van het college",
    tags=["adviezen"],
)
def letter(request, kenmerk: str):
    today = timezone.localdate()
    found = (
        public_letters()
        .select_related("college_response", "sent_pdf")
        .prefetch_related("themes")
        .filter(reference=kenmerk)
        .first()
    )
    if found is None:
        moved = moved_to_canonical_reference(request, "letter", kenmerk)
        if moved is not None:
            return moved
        raise Http404(_("Er is geen verzonden adviesbrief met kenmerk %(ref)s.") % {"ref": kenmerk})
    urls = PublicUrls(request)
    recommendations = annotate_progress(
        Recommendation.objects.filter(letter=found), today
    ).order_by("sort_order", "pk")
    rows = records(recommendations, urls, today)
    per_status, per_verdict = empty_counts()
    for record, _recommendation in rows:
        per_status[record["status"]] += 1
        if record["standpunt"]:
            per_verdict[record["standpunt"]] += 1
    term_weeks = response_term_weeks()
    reply = related_or_none(found, "college_response")
    sent = sent_on(found)
    meetings = found.meetings.live().public().order_by("date", "pk")
    return {
        **letter_out(request, found, urls, (per_status, per_verdict), term_weeks, today),
        "aan": found.addressee,
        "aanhef": found.salutation,
        "inleiding": found.introduction,
        "slot": found.closing,
        "ondertekend_door": found.signatory_name,
        "functie": found.signatory_role,
        "pdf_url": urls.letter_pdf(found.reference) if related_or_none(found, "sent_pdf") else None,
        "bijeenkomsten": [
            {"titel": meeting.title, "datum": meeting.date, "url": page_full_url(meeting, request)}
            for meeting in meetings
        ],
        "errata": [
            {"datum": erratum.date, "tekst": erratum.text}
            for erratum in found.errata.order_by("date", "pk")
        ],
        "reactie": {
            "ontvangen_op": reply.received_on,
            "kenmerk_college": reply.college_reference,
            "samenvatting": reply.summary,
            "tekst": reply.text,
            "pdf_url": urls.reply_pdf(found.reference) if reply.reply_file else None,
        }
        if reply
        else None,
        "reactie_verwacht_uiterlijk": reply_due_date(sent, term_weeks) if sent else None,
        "aanbevelingen": [
            recommendation_out(request, record, row["number"]) for record, row in rows
        ],
    }


@api.get(
    "/aanbevelingen/",
    response={200: RecommendationPage, 400: Error, 404: Error},
    url_name="recommendations",
    summary="De aanbevelingen, met dezelfde filters als het overzicht op de website",
    tags=["aanbevelingen"],
)
def recommendations(request, paging: Query[Paging], filters: Query[RecommendationQuery]):
    today = timezone.localdate()
    # The filters are read from the query string itself, exactly as the tracker reads them.
    matching, recommendation_filter = filtered_recommendations(request.GET, today=today)
    # First the ids of the page, then their rows: sorting only the ids spares the database
    # working out the status of every matching recommendation just to keep twenty.
    page, fields = paginate(request, matching.values_list("pk", flat=True), paging)
    ids = list(page.object_list)
    shown = annotate_progress(Recommendation.objects.filter(pk__in=ids), today)
    rows = records(shown, PublicUrls(request), today)
    position = {pk: index for index, pk in enumerate(ids)}
    rows.sort(key=lambda pair: position[pair[1]["pk"]])
    fields["filters"] = recommendation_filter.values
    fields["genegeerde_filters"] = open_data.ignored_filters(recommendation_filter)
    fields["resultaten"] = [
        recommendation_out(request, record, row["number"]) for record, row in rows
    ]
    return fields


@api.get(
    "/aanbevelingen/{kenmerk}/{nummer}/",
    response={200: RecommendationDetail, 301: None, 400: Error, 404: Error},
    url_name="recommendation",
    summary="Eén aanbeveling met de voortgang en het oordeel van de raad",
    tags=["aanbevelingen"],
)
def recommendation(request, kenmerk: str, nummer: int):
    today = timezone.localdate()
    found = annotate_progress(
        Recommendation.objects.public().filter(letter__reference=kenmerk, number=nummer),
        today,
    ).order_by("sort_order", "pk")[:1]
    rows = records(found, PublicUrls(request), today)
    if not rows:
        moved = moved_to_canonical_reference(request, "recommendation", kenmerk, nummer=nummer)
        if moved is not None:
            return moved
        raise Http404(
            _("Er is geen aanbeveling %(number)s in een verzonden adviesbrief %(ref)s.")
            % {"number": nummer, "ref": kenmerk}
        )
    record, row = rows[0]
    follow_ups = (
        FollowUp.objects.filter(recommendation_id=row["pk"])
        .select_related("commitment")
        .order_by("date", "pk")
    )
    assessment = CouncilAssessment.objects.filter(recommendation_id=row["pk"]).first()
    return {
        **recommendation_out(request, record, row["number"]),
        "voortgang": [
            {
                "datum": update.date,
                "stand": update.state,
                "toelichting": update.note,
                "toezegging": update.commitment.description if update.commitment else None,
            }
            for update in follow_ups
        ],
        "oordeel_raad": {"oordeel": assessment.assessment, "toelichting": assessment.note}
        if assessment
        else None,
        "advies_api_url": absolute(request, "letter", kenmerk=kenmerk),
    }
