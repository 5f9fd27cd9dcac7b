"""The open data's decision columns: per recommendation the latest decision after the advice
(its date, who took it, whether it follows the advice), empty without one; documented on the
"Open data" page; the export's queries do not grow with the decisions."""

import csv
import datetime
import io
import json

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advices.actions.decisions import RecordDecision
from advices.lifecycle.decisions import DecisionBody, FollowsAdvice
from advices.models import Decision, DecisionOutcome, LetterStatus
from tests.factories import AdviceLetterFactory

CSV_URL = "/open-data/aanbevelingen.csv"
JSON_URL = "/open-data/aanbevelingen.json"
COLUMNS = ["besluit_datum", "besluit_door", "besluit_volgt_advies"]


def decide(letter, clerk, follows, decided_on, body=DecisionBody.COLLEGE):
    recommendations = {r.number: r for r in letter.recommendations.all()}
    RecordDecision(
        Decision(
            letter=letter,
            title="Besluit",
            url="https://gemeente.example.nl/besluit",
            body=body,
            decided_on=decided_on,
        ),
        [
            DecisionOutcome(recommendation=recommendations[number], follows=value, reasons="R")
            for number, value in follows.items()
        ],
        clerk,
    ).execute()


def sent_letter(reference, recommendations=2):
    with time_machine.travel(datetime.datetime(2023, 1, 10, 12, tzinfo=datetime.UTC)):
        return AdviceLetterFactory(
            recommendations=recommendations,
            status=LetterStatus.SENT,
            reference=reference,
            date=datetime.date(2023, 1, 10),
        )


def csv_rows(client, query=""):
    response = client.get(f"{CSV_URL}?{query}")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    return [dict(zip(header, row, strict=True)) for row in rows]


def json_rows(client, query=""):
    response = client.get(f"{JSON_URL}?{query}")
    return json.loads(b"".join(response.streaming_content))["aanbevelingen"]


def test_the_latest_decision_per_recommendation_in_csv_and_json(client, index, clerk):
    letter = sent_letter("PR-2023-01")
    decide(letter, clerk, {1: FollowsAdvice.YES}, datetime.date(2023, 3, 1))
    decide(
        letter, clerk, {1: FollowsAdvice.PARTLY}, datetime.date(2023, 5, 2), DecisionBody.COUNCIL
    )
    rows = {row["aanbeveling"]: row for row in csv_rows(client, "advies=PR-2023-01")}
    assert {c: rows["2023-01 / 1"][c] for c in COLUMNS} == {
        "besluit_datum": "2023-05-02",
        "besluit_door": "gemeenteraad",
        "besluit_volgt_advies": "volgt-deels",
    }
    assert {c: rows["2023-01 / 2"][c] for c in COLUMNS} == dict.fromkeys(COLUMNS, "")
    records = {r["aanbeveling"]: r for r in json_rows(client, "advies=PR-2023-01")}
    assert records["2023-01 / 1"]["besluit_datum"] == "2023-05-02"
    assert {c: records["2023-01 / 2"][c] for c in COLUMNS} == dict.fromkeys(COLUMNS)


def test_the_open_data_page_documents_the_decision_columns(client, index):
    sent_letter("PR-2023-01")
    html = client.get("/open-data/").content.decode()
    for column in COLUMNS:
        assert f'<code class="utrecht-code">{column}</code>' in html
    assert "volgt-deels" in html and "gemeenteraad" in html


def test_the_export_queries_do_not_grow_with_decisions(client, index, clerk):
    letter = sent_letter("PR-2023-01", recommendations=3)
    client.get("/open-data/")

    def count(url):
        with CaptureQueriesContext(connection) as captured:
            b"".join(client.get(url).streaming_content)
        return len(captured)

    before = {url: count(url) for url in (CSV_URL, JSON_URL)}
    for month in range(2, 8):
        decide(
            letter,
            clerk,
            dict.fromkeys(range(1, 4), FollowsAdvice.NO),
            datetime.date(2023, month, 1),
        )
    assert {url: count(url) for url in (CSV_URL, JSON_URL)} == before
