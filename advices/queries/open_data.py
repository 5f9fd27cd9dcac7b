"""Open data: the public recommendations as rows, for the CSV and JSON exports and the API.

One description of every column (``COLUMNS``) serves the files, the API and the "Open data"
page that documents them, so the documentation cannot drift from what is exported.

A row is built from a queryset of ``advices.queries.tracker.filtered_recommendations``, which
already carries the public status, the verdict and the lateness as SQL annotations
(``advices.progress_sql``). Exporting any number of rows costs two queries: one for the
commitments of all matching recommendations, and the rows themselves, read with
``QuerySet.iterator()`` so the texts of 10,000 recommendations are never all in memory.

About the CSV:

- Separator ``;``: Excel with Dutch regional settings (where the decimal separator is a comma)
  expects a semicolon, and opens a comma-separated file as one long column. Every CSV library
  lets you choose the separator, so ``;`` costs programs nothing.
- UTF-8 *with* a byte order mark: without it, Excel on Windows reads the file as Windows-1252,
  and "geëvalueerd" or "’" turn into garbage. Python (``encoding="utf-8-sig"``), R, pandas and
  LibreOffice read the mark and drop it.
- Each name the secretariat chose to hide shows as its role, in the CSV and the JSON alike
  (``home.named_people``).
- A cell that starts with ``=``, ``+``, ``-`` or ``@`` gets a ``'`` in front, so Excel shows it
  as text instead of running it as a formula (OWASP's advice against CSV injection; texts
  pasted from PDFs often start with "- "). The JSON keeps every text exactly as it is.
"""

import csv
import io
import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advices.lifecycle.due_dates import format_due
from advices.lifecycle.lateness import overdue_commitments
from advices.lifecycle.statuses import PublicStatus
from advices.models import AdviceLetter, Commitment, DuePrecision, Verdict
from advices.queries.decision_columns import (
    DECISION_COLUMNS,
    DECISION_FIELDS,
    decision_annotations,
    decision_record,
)
from home.named_people import apply_name_choices_to_data

# Rows read from the database at a time (one query: the cursor is read in chunks).
CHUNK_SIZE = 500
# Rows written per piece of the streamed response.
ROWS_PER_PIECE = 200

CSV_DELIMITER = ";"
BYTE_ORDER_MARK = "\ufeff"
# Excel runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COMMITMENT_SEPARATOR = " | "


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    type: str
    example: str


TEXT = _("tekst")
DATE = _("datum (JJJJ-MM-DD)")

COLUMNS = [
    Column(
        "aanbeveling",
        _(
            "Het vaste nummer van de aanbeveling: het kenmerk van de brief zonder 'PR-', "
            "een schuine streep en het nummer in de brief."
        ),
        TEXT,
        "2022-07 / 3",
    ),
    Column("kenmerk", _("Het kenmerk van de adviesbrief."), TEXT, "PR-2022-07"),
    Column("adviesdatum", _("De datum van de adviesbrief."), DATE, "2022-06-17"),
    Column("onderwerp", _("Het onderwerp van de adviesbrief."), TEXT, "Sterke sociale basis"),
    Column(
        "kop",
        _("Het deel van de brief waar de aanbeveling onder staat. Kan leeg zijn."),
        TEXT,
        "Betekenisvolle sociale contacten",
    ),
    Column(
        "advies",
        _("Wat de raad het college adviseert."),
        TEXT,
        "Zorg voor een vast aanspreekpunt in elke wijk.",
    ),
    Column(
        "toelichting",
        _("Waarom de raad dit adviseert. Kan leeg zijn."),
        TEXT,
        "Inwoners weten niet waar ze terechtkunnen.",
    ),
    Column(
        "status",
        _("Wat er met de aanbeveling is gebeurd. Zie de lijst met statussen hieronder."),
        _("code"),
        PublicStatus.IN_PROGRESS.value,
    ),
    Column(
        "standpunt",
        _(
            "Wat het college van de aanbeveling vindt. Zie de lijst met standpunten hieronder. "
            "Leeg (JSON: null) zolang het college niet heeft gereageerd."
        ),
        _("code"),
        Verdict.PARTLY_ADOPTED.value,
    ),
    Column(
        "antwoord_college",
        _("Het antwoord van het college op deze aanbeveling, in de woorden van het college."),
        TEXT,
        "We beginnen in 2023 in twee wijken.",
    ),
    Column(
        "reactie_ontvangen_op",
        _(
            "De datum waarop de raad de reactie van het college op de brief ontving. "
            "Leeg (JSON: null) als er nog geen reactie is."
        ),
        DATE,
        "2022-08-30",
    ),
    Column(
        "te_laat",
        _(
            "Of een toezegging bij deze aanbeveling te laat is: de datum is voorbij en de "
            "toezegging is nog niet afgerond."
        ),
        _("ja of nee (JSON: true of false)"),
        "nee",
    ),
    Column(
        "reactie_te_laat",
        _(
            "Of de reactie van het college op de brief te laat is: de reactietermijn is "
            "voorbij en er is nog geen reactie."
        ),
        _("ja of nee (JSON: true of false)"),
        "nee",
    ),
    Column(
        "toezeggingen",
        _(
            "Wat het college heeft beloofd. In de CSV per toezegging: beschrijving; "
            "verantwoordelijk; uiterlijk datum; oorspronkelijk datum (alleen als de datum is "
            "verschoven). Meer toezeggingen staan achter elkaar, gescheiden door ' | '. "
            "In de JSON een lijst, zie hieronder."
        ),
        _("tekst (JSON: lijst)"),
        "Inventarisatie; Team sociaal domein; uiterlijk 2020-03-31; oorspronkelijk 2019-12-31",
    ),
    Column(
        "url",
        _("De vaste internetpagina van de aanbeveling op deze website."),
        _("internetadres"),
        "https://www.example.nl/adviezen/PR-2022-07/aanbeveling/3/",
    ),
]

COLUMNS += [Column(*column) for column in DECISION_COLUMNS]  # the decision after the advice

COLUMN_NAMES = [column.name for column in COLUMNS]

# The fields of one commitment in the JSON (and in the API).
COMMITMENT_FIELDS = [
    Column("beschrijving", _("Wat het college heeft beloofd."), TEXT, "Inventarisatie"),
    Column("verantwoordelijk", _("Wie ervoor zorgt dat het gebeurt."), TEXT, "Team sociaal domein"),
    Column(
        "uiterlijk",
        _("Wanneer het klaar moet zijn. Bij een kwartaal: de laatste dag van dat kwartaal."),
        DATE,
        "2020-03-31",
    ),
    Column(
        "uiterlijk_precisie",
        _("Of het college een datum ('dag') of een kwartaal ('kwartaal') noemde."),
        _("code"),
        DuePrecision.QUARTER.value,
    ),
    Column(
        "uiterlijk_tekst",
        _("De datum zoals het college die schreef."),
        TEXT,
        "eerste kwartaal 2020",
    ),
    Column(
        "oorspronkelijk",
        _("De eerste datum, als de datum later is verschoven; anders null."),
        DATE,
        "2019-12-31",
    ),
    Column(
        "reden_nieuwe_datum",
        _("Waarom de datum is verschoven. Leeg als dat niet is gebeurd."),
        TEXT,
        "Er was eerst meer onderzoek nodig.",
    ),
    Column("te_laat", _("Of deze toezegging te laat is."), _("true of false"), "false"),
]

STATUS_MEANINGS = {
    PublicStatus.AWAITING_REPLY: _("Het college heeft nog niet op de brief gereageerd."),
    PublicStatus.REPLIED_WITHOUT_VERDICT: _(
        "Het college heeft op de brief gereageerd, maar zegt niet wat het van deze "
        "aanbeveling vindt."
    ),
    PublicStatus.VERDICT_GIVEN: _(
        "Het college heeft gezegd wat het ervan vindt. Er is nog niets gemeld over de uitvoering."
    ),
    PublicStatus.IN_PROGRESS: _("De gemeente heeft het werk gepland of is ermee bezig."),
    PublicStatus.DONE: _("De gemeente heeft gedaan wat bij de aanbeveling hoort."),
    PublicStatus.NOT_DONE: _("De gemeente voert de aanbeveling niet (verder) uit."),
}

VERDICT_MEANINGS = {
    Verdict.ADOPTED: _("Het college doet wat de raad adviseert."),
    Verdict.PARTLY_ADOPTED: _("Het college doet een deel van wat de raad adviseert."),
    Verdict.NOT_ADOPTED: _("Het college doet niet wat de raad adviseert."),
    Verdict.UNDER_INVESTIGATION: _("Het college zoekt eerst uit of en hoe het kan."),
    Verdict.EXISTING_POLICY: _("Het college zegt dat dit al gebeurt."),
    Verdict.NOTED: _("Het college heeft het advies gelezen, maar zegt niet wat het ermee doet."),
}


def status_values():
    return [(s.value, s.label, STATUS_MEANINGS[s]) for s in PublicStatus]


def verdict_values():
    return [(v.value, v.label, VERDICT_MEANINGS[v]) for v in Verdict]


# -- rows ------------------------------------------------------------------------------------


def commitment_record(commitment):
    return {
        "beschrijving": commitment.description,
        "verantwoordelijk": commitment.responsible,
        "uiterlijk": commitment.due_date,
        "uiterlijk_precisie": commitment.due_precision,
        "uiterlijk_tekst": str(format_due(commitment.due_date, commitment.due_precision)),
        "oorspronkelijk": commitment.original_due_date,
        "reden_nieuwe_datum": commitment.redate_reason,
        "te_laat": commitment.is_overdue,
    }


def commitments_by_recommendation(recommendations, today):
    """The commitments of all ``recommendations`` (a queryset), as records, in two queries.

    The recommendations' ids are read first: as a subquery, PostgreSQL may plan the filtered
    recommendations (public status and search, computed per row) once per commitment when
    its statistics are off, which took minutes with 5,000 rows."""
    ids = list(recommendations.order_by().values_list("pk", flat=True))
    commitments = (
        Commitment.objects.filter(recommendation_id__in=ids)
        .annotate(is_overdue=Exists(overdue_commitments(today).filter(pk=OuterRef("pk"))))
        .order_by("recommendation_id", "due_date", "pk")
    )
    found = {}
    for commitment in commitments:
        found.setdefault(commitment.recommendation_id, []).append(commitment_record(commitment))
    return found


# What a row reads from the database: plain values, no model instances (four per row, with
# the letter a ClusterableModel, would cost more than everything else together).
ROW_FIELDS = [
    "pk",
    "number",
    "heading",
    "advice",
    "context",
    "public_status",
    "verdict",
    "is_overdue",
    "reply_overdue",
    "letter__reference",
    "letter__date",
    "letter__subject",
    "answer__answer",
    "letter__college_response__received_on",
]


def row_values(recommendations):
    """``recommendations`` (from ``filtered_recommendations`` or annotated by
    ``progress_sql.annotate_progress``) as dicts of ``ROW_FIELDS``, in the same order."""
    return recommendations.annotate(**decision_annotations()).values(*ROW_FIELDS, *DECISION_FIELDS)


class Labels:
    """The public label of a recommendation ("2022-07 / 3"), by ``Recommendation.label``'s
    rule, with each letter's short reference worked out once."""

    def __init__(self):
        self.short = {}

    def __call__(self, reference, number):
        if reference not in self.short:
            self.short[reference] = AdviceLetter(reference=reference).short_reference
        return f"{self.short[reference]} / {number}"


def recommendation_record(row, commitments, urls, labels):
    """One row: a dict with the keys of ``COLUMN_NAMES``; dates as ``datetime.date``."""
    reference = row["letter__reference"]
    return {
        "aanbeveling": labels(reference, row["number"]),
        "kenmerk": reference,
        "adviesdatum": row["letter__date"],
        "onderwerp": row["letter__subject"],
        "kop": row["heading"],
        "advies": row["advice"],
        "toelichting": row["context"],
        "status": row["public_status"],
        "standpunt": row["verdict"] or None,
        "antwoord_college": row["answer__answer"] or "",
        "reactie_ontvangen_op": row["letter__college_response__received_on"],
        "te_laat": bool(row["is_overdue"]),
        "reactie_te_laat": bool(row["reply_overdue"]),
        "toezeggingen": commitments.get(row["pk"], []),
        "url": urls.recommendation(reference, row["number"]),
        **decision_record(row),
    }


def recommendation_records(recommendations, urls, today):
    """The rows of a queryset from ``filtered_recommendations``, in its order, lazily.

    Three queries for any number of rows: the commitments (two), then the rows in chunks from
    one cursor.
    """
    commitments = commitments_by_recommendation(recommendations, today)
    labels = Labels()
    for row in row_values(recommendations).iterator(chunk_size=CHUNK_SIZE):
        yield recommendation_record(row, commitments, urls, labels)


# -- CSV -------------------------------------------------------------------------------------


def csv_text(value):
    """A cell as text: ISO dates, ja/nee, and no formula for Excel."""
    if value is None:
        return ""
    if value is True or value is False:
        return "ja" if value else "nee"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def commitments_text(commitments):
    parts = []
    for commitment in commitments:
        due = f"uiterlijk {commitment['uiterlijk'].isoformat()}"
        if commitment["uiterlijk_precisie"] == DuePrecision.QUARTER:
            due += f" ({commitment['uiterlijk_tekst']})"
        fields = [commitment["beschrijving"], commitment["verantwoordelijk"], due]
        if commitment["oorspronkelijk"]:
            fields.append(f"oorspronkelijk {commitment['oorspronkelijk'].isoformat()}")
        parts.append("; ".join(fields))
    return COMMITMENT_SEPARATOR.join(parts)


def csv_row(record):
    cells = dict(record, toezeggingen=commitments_text(record["toezeggingen"]))
    return [csv_text(cells[name]) for name in COLUMN_NAMES]


def csv_pieces(records, header=COLUMN_NAMES, row=csv_row):
    """The CSV file in pieces of text: byte order mark, header, rows (``row(record)`` gives
    a record's cells; the requests' file has its own, ``request_data.request_csv_row``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER)
    buffer.write(BYTE_ORDER_MARK)
    writer.writerow(header)
    for count, record in enumerate(records, start=1):
        writer.writerow(apply_name_choices_to_data(row(record)))
        if count % ROWS_PER_PIECE == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


# -- JSON ------------------------------------------------------------------------------------


def to_json(value):
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def ignored_filters(recommendation_filter):
    """The parameters of the query string that were left out: name and value."""
    return [
        {
            "parameter": recommendation_filter.url_name(name),
            "waarde": recommendation_filter.data.get(recommendation_filter.url_name(name), ""),
        }
        for name in recommendation_filter.form.errors
    ]


def json_pieces(recommendations, recommendation_filter, records):
    """The JSON document in pieces of text, the rows written as they are read."""
    head = {
        "gegenereerd_op": timezone.localtime().replace(microsecond=0),
        "filters": recommendation_filter.values,
        "genegeerde_filters": ignored_filters(recommendation_filter),
        "aantal": recommendations.count(),
    }
    opening = to_json(head)
    yield opening[:-1] + ', "aanbevelingen": ['
    pieces = []
    for count, record in enumerate(records):
        pieces.append(("," if count else "") + to_json(apply_name_choices_to_data(record)))
        if len(pieces) == ROWS_PER_PIECE:
            yield "".join(pieces)
            pieces = []
    yield "".join(pieces) + "]}"
