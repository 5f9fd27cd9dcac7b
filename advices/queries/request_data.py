"""Open data of the college's requests for advice: rows for the CSV and JSON files and the API.

As for the recommendations (``advices.queries.open_data``), one description of every column
(``REQUEST_COLUMNS``) serves the files, the API and the "Open data" page, and the CSV is
written the same way (``;``, UTF-8 with a byte order mark, no formulas for Excel). The
contact person's e-mail address is never in a row.

The filters (``jaar``, ``thema``, ``status``) are checked first: a value that does not exist
is a clear error (``RequestFilter.errors``), not an empty file that looks like "nothing".

Any number of rows costs a fixed number of queries: the requests (with the day of their
first answer as a subquery), their themes, their answering letters, and the requests page.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from advices.lifecycle.requests import AdviceTiming, RequesterKind, RequestStatus, advice_timing
from advices.lifecycle.timeliness import answered_on, first_answer_sent_at
from advices.models import AdviceLetter, AdviceRequest
from advices.queries.open_data import DATE, TEXT, Column, csv_text
from home.models import Theme

LIST_SEPARATOR = " | "
# Newest first, in the files and the API.
REQUEST_ORDER = ("-received_on", "-pk")

REQUEST_COLUMNS = [
    Column(
        "nummer", gettext_lazy("Het nummer van de adviesaanvraag bij de raad."), TEXT, "AV-2022-01"
    ),
    Column(
        "onderwerp", gettext_lazy("Waar de aanvraag over gaat."), TEXT, "Armoedebeleid 2023-2026"
    ),
    Column(
        "vragen",
        gettext_lazy("Wat het college de raad vraagt."),
        TEXT,
        "Wat vindt de raad van het ontwerp-beleidsplan?",
    ),
    Column(
        "namens",
        gettext_lazy(
            "Wie het advies vraagt: de naam in de aanvraag, anders het college, een wethouder "
            "of een afdeling."
        ),
        TEXT,
        "Wethouder Zorg en Welzijn",
    ),
    Column(
        "ontvangen_op",
        gettext_lazy(
            "De datum waarop de raad de aanvraag ontving. Kan leeg zijn bij oude aanvragen."
        ),
        DATE,
        "2022-01-11",
    ),
    Column(
        "datum_brief",
        gettext_lazy("De datum op de brief van de gemeente; zonder datum: de datum van ontvangst."),
        DATE,
        "2022-01-10",
    ),
    Column(
        "kenmerk_gemeente",
        gettext_lazy("Het kenmerk van de gemeente. Kan leeg zijn."),
        TEXT,
        "Z/22/5012",
    ),
    Column(
        "uiterste_datum",
        gettext_lazy("De laatste dag waarop het advies op tijd is, na een eventuele verlenging."),
        DATE,
        "2022-02-22",
    ),
    Column(
        "eerste_uiterste_datum",
        gettext_lazy("De eerste uiterste datum, als de termijn later is verlengd; anders leeg."),
        DATE,
        "2022-02-08",
    ),
    Column(
        "reden_verlenging",
        gettext_lazy("Waarom de termijn is verlengd. Leeg als dat niet is gebeurd."),
        TEXT,
        "De raad wilde eerst inwoners spreken.",
    ),
    Column(
        "status",
        gettext_lazy("Hoe ver de aanvraag is. Zie de lijst met statussen van aanvragen hieronder."),
        gettext_lazy("code"),
        RequestStatus.ANSWERED.value,
    ),
    Column(
        "tijdigheid",
        gettext_lazy("Of de raad op tijd advies gaf. Zie de lijst hieronder."),
        gettext_lazy("code"),
        AdviceTiming.ON_TIME.value,
    ),
    Column(
        "advies_kenmerken",
        gettext_lazy(
            "De kenmerken van de verzonden adviesbrieven die de aanvraag beantwoorden. In de "
            "CSV gescheiden door ' | ', in de JSON een lijst."
        ),
        gettext_lazy("tekst (JSON: lijst)"),
        "PR-2022-03",
    ),
    Column(
        "advies_verzonden_op",
        gettext_lazy(
            "De dag waarop de raad het (eerste) advies verstuurde. Leeg als dat nog niet "
            "is gebeurd."
        ),
        DATE,
        "2022-02-21",
    ),
    Column(
        "url",
        gettext_lazy("De vaste internetpagina van de aanvraag op deze website."),
        gettext_lazy("internetadres"),
        "https://www.example.nl/adviesaanvragen/AV-2022-01/",
    ),
    Column(
        "themas",
        gettext_lazy(
            "De thema's van de aanvraag. In de CSV de namen, gescheiden door ' | '; in de JSON "
            "een lijst met slug en naam."
        ),
        gettext_lazy("tekst (JSON: lijst)"),
        "Armoede",
    ),
]

REQUEST_COLUMN_NAMES = [column.name for column in REQUEST_COLUMNS]

REQUEST_STATUS_MEANINGS = {
    RequestStatus.RECEIVED: gettext_lazy("De raad heeft de aanvraag ontvangen."),
    RequestStatus.IN_PROGRESS: gettext_lazy("De raad werkt aan het advies."),
    RequestStatus.ANSWERED: gettext_lazy("De raad heeft het advies verstuurd."),
    RequestStatus.DECLINED: gettext_lazy(
        "De raad geeft geen advies. De reden staat op de pagina van de aanvraag."
    ),
}

TIMING_MEANINGS = {
    AdviceTiming.OPEN: gettext_lazy(
        "De aanvraag is open en de uiterste datum is nog niet voorbij."
    ),
    AdviceTiming.LATE_OPEN: gettext_lazy(
        "De uiterste datum is voorbij en de raad heeft nog geen advies gegeven."
    ),
    AdviceTiming.ON_TIME: gettext_lazy("De raad gaf het advies op of vóór de uiterste datum."),
    AdviceTiming.LATE: gettext_lazy("De raad gaf het advies na de uiterste datum."),
    AdviceTiming.DECLINED: gettext_lazy("De raad zag af van advies."),
    AdviceTiming.UNKNOWN: gettext_lazy("De aanvraag heeft geen uiterste datum."),
}


def request_status_values():
    return [(s.value, s.label, REQUEST_STATUS_MEANINGS[s]) for s in RequestStatus]


def timing_values():
    return [(t.value, t.label, TIMING_MEANINGS[t]) for t in AdviceTiming]


# -- filters -----------------------------------------------------------------------------------


@dataclass
class RequestFilter:
    """The filters of the files and the API, read from a query string: ``values`` (what is
    used) and ``errors`` (per parameter, what is wrong, in Dutch)."""

    values: dict
    errors: list

    @classmethod
    def read(cls, query):
        values, errors = {}, []
        year = (query.get("jaar") or "").strip()
        if year:
            if year.isdigit() and len(year) == 4:
                values["jaar"] = year
            else:
                errors.append(
                    {
                        "parameter": "jaar",
                        "melding": _("Geef een jaar met vier cijfers, bijvoorbeeld 2022."),
                    }
                )
        status = (query.get("status") or "").strip()
        if status:
            if status in RequestStatus.values:
                values["status"] = status
            else:
                errors.append(
                    {
                        "parameter": "status",
                        "melding": _("Deze status bestaat niet. Kies uit: %(values)s.")
                        % {"values": ", ".join(RequestStatus.values)},
                    }
                )
        theme = (query.get("thema") or "").strip()
        if theme:
            if Theme.objects.filter(slug=theme).exists():
                values["thema"] = theme
            else:
                errors.append(
                    {
                        "parameter": "thema",
                        "melding": _("Dit thema bestaat niet. Zie /open-data/ voor de thema's."),
                    }
                )
        return cls(values, errors)

    def apply(self, requests):
        condition = Q()
        if "jaar" in self.values:
            condition &= Q(received_on__year=int(self.values["jaar"]))
        if "status" in self.values:
            condition &= Q(status=self.values["status"])
        if "thema" in self.values:
            condition &= Q(themes__slug=self.values["thema"])
        return requests.filter(condition)

    @property
    def message(self):
        """All errors in one sentence per parameter, for a plain-text answer."""
        lines = [_("De vraag klopt niet. Er is niets gedownload.")]
        lines += [f"{error['parameter']}: {error['melding']}" for error in self.errors]
        return "\n".join(lines)


def filtered_requests(query):
    """``(requests, RequestFilter)``: the requests matching the query string, newest first."""
    request_filter = RequestFilter.read(query)
    requests = AdviceRequest.objects.all()
    if not request_filter.errors:
        requests = request_filter.apply(requests)
    return requests.order_by(*REQUEST_ORDER), request_filter


# -- rows --------------------------------------------------------------------------------------

ROW_FIELDS = [
    "pk",
    "reference",
    "subject",
    "questions",
    "requester_kind",
    "requester_name",
    "received_on",
    "letter_date",
    "municipal_reference",
    "deadline",
    "original_deadline",
    "extension_reason",
    "status",
    "answered_at",
]


def themes_by_request(ids):
    through = AdviceRequest.themes.through.objects.filter(advicerequest_id__in=ids)
    found = {}
    for row in through.order_by("theme__name").values(
        "advicerequest_id", "theme__slug", "theme__name"
    ):
        found.setdefault(row["advicerequest_id"], []).append(
            {"slug": row["theme__slug"], "naam": row["theme__name"]}
        )
    return found


def answers_by_request(ids):
    """The references of the sent (public) letters answering each request, first sent first."""
    letters = (
        AdviceLetter.objects.public()
        .filter(request_id__in=ids)
        .order_by("sent_at", "pk")
        .values_list("request_id", "reference")
    )
    found = {}
    for request_id, reference in letters:
        found.setdefault(request_id, []).append(reference)
    return found


def requester_label(kind):
    try:
        return str(RequesterKind(kind).label)
    except ValueError:
        return kind


def request_record(row, themes, answers, page_url, today):
    """One row: a dict with the keys of ``REQUEST_COLUMN_NAMES``; dates as ``datetime.date``."""
    answered = answered_on(row["answered_at"])
    return {
        "nummer": row["reference"],
        "onderwerp": row["subject"],
        "vragen": row["questions"],
        "namens": row["requester_name"] or requester_label(row["requester_kind"]),
        "ontvangen_op": row["received_on"],
        "datum_brief": row["letter_date"] or row["received_on"],
        "kenmerk_gemeente": row["municipal_reference"],
        "uiterste_datum": row["deadline"],
        "eerste_uiterste_datum": row["original_deadline"],
        "reden_verlenging": row["extension_reason"],
        "status": row["status"],
        "tijdigheid": advice_timing(row["status"], row["deadline"], answered, today).value,
        "advies_kenmerken": answers.get(row["pk"], []),
        "advies_verzonden_op": answered,
        "url": page_url(row["reference"]),
        "themas": themes.get(row["pk"], []),
    }


def request_records(requests, page_url, today=None):
    """The rows of ``requests`` (a queryset), in its order: three queries for any number
    (the requests page's look-up aside); one when there are none. ``page_url(reference)``
    gives a request's absolute address (``advices.public.request_links``)."""
    today = today or timezone.localdate()
    rows = list(requests.annotate(answered_at=first_answer_sent_at()).values(*ROW_FIELDS))
    if not rows:
        return []
    ids = requests.order_by().values("pk")
    themes, answers = themes_by_request(ids), answers_by_request(ids)
    return [request_record(row, themes, answers, page_url, today) for row in rows]


def request_csv_row(record):
    cells = dict(
        record,
        advies_kenmerken=LIST_SEPARATOR.join(record["advies_kenmerken"]),
        themas=LIST_SEPARATOR.join(theme["naam"] for theme in record["themas"]),
    )
    return [csv_text(cells[name]) for name in REQUEST_COLUMN_NAMES]
