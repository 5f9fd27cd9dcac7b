"""The dashboard (advices.queries.dashboard): exact figures on a known data set, the SVG chart and
its table saying the same, the late lists, and a fixed number of queries on the home page."""

import datetime
import re
from html.parser import HTMLParser

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advices.models import Verdict
from advices.pages import AdviceIndexPage, RecommendationIndexPage
from advices.queries.dashboard import build_dashboard, figures, percentage
from tests.advices.tracker_data import EXPECTED, TODAY, build_many, build_tracker_data

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2024, 1, 10, 12, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def pages(site_tree):
    home, _meetings = site_tree
    advice_index = home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))
    tracker = home.add_child(
        instance=RecommendationIndexPage(title="Aanbevelingen", slug="aanbevelingen")
    )
    return {"home": home, "advices": advice_index, "tracker": tracker}


@pytest.fixture
def data():
    return build_tracker_data()


def test_percentages_round_half_up():
    assert percentage(3, 4) == 75
    assert percentage(1, 3) == 33
    assert percentage(2, 3) == 67
    assert percentage(1, 8) == 13  # 12.5
    assert percentage(0, 5) == 0
    assert percentage(0, 0) is None


def test_figures_on_the_known_data_set(data):
    verdicts, statuses, years = figures(TODAY)
    assert verdicts == {str(key): value for key, value in EXPECTED["verdicts"].items()}
    assert statuses == EXPECTED["statuses"]
    assert {r.year: (r.adopted, r.with_verdict, r.percent) for r in years} == EXPECTED["adoption"]
    assert [r.year for r in years] == [2021, 2022, 2023]
    assert [r.total for r in years] == [4, 3, 2]


def test_dashboard_lists_and_links(data, pages, rf):
    request = rf.get("/")
    tracker_url = pages["tracker"].url
    dashboard = build_dashboard(
        request,
        today=TODAY,
        tracker_url=tracker_url,
        advice_index=AdviceIndexPage.for_request(request),
    )
    assert dashboard.total == 9
    by_value = {tally.value: tally for tally in dashboard.statuses}
    assert by_value["in-uitvoering"].count == 2
    assert by_value["in-uitvoering"].url == f"{tracker_url}?status=in-uitvoering"
    verdicts = {tally.value: tally for tally in dashboard.verdicts}
    assert verdicts[Verdict.ADOPTED].url == f"{tracker_url}?standpunt=overgenomen"
    assert verdicts[""].count == 3
    # no verdict: waiting for the reply or replied without one; the link lists all three
    assert verdicts[""].url == f"{tracker_url}?standpunt=geen"

    assert dashboard.late_commitments == [data["late commitment"]]
    assert dashboard.late_commitment_count == 1
    letter = data["letters"]["2021"]
    assert dashboard.late_commitments[0].public_url == pages["advices"].recommendation_url(
        letter, 2
    )
    # Sent on 1 September 2023, the default term is six weeks: late; the others have replies.
    assert dashboard.late_replies == [data["letters"]["2023"]]
    assert dashboard.late_replies[0].public_url == pages["advices"].letter_url(
        data["letters"]["2023"]
    )
    assert dashboard.late_url == f"{tracker_url}?te-laat=ja"


def test_nothing_late_before_the_dates(data):
    dashboard = build_dashboard(today=datetime.date(2021, 6, 1))
    assert dashboard.late_commitments == []
    assert dashboard.late_commitment_count == 0


class ChartReader(HTMLParser):
    """Collects the chart's texts, bars and title/desc, and the yearly table's rows."""

    def __init__(self):
        super().__init__()
        self.svg = None
        self.in_svg = False
        self.current = None
        self.texts, self.bars, self.ids = [], [], {}
        self.in_years_table = False
        self.rows, self.cell = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids[attrs["id"]] = tag
        if tag == "svg":
            self.svg, self.in_svg = attrs, True
        elif self.in_svg and tag in ("text", "title", "desc"):
            self.current = [tag, ""]
        elif self.in_svg and tag == "rect" and "adoption-chart__bar" in attrs.get("class", ""):
            self.bars.append(attrs["width"])
        elif tag == "table" and "dashboard-table--years" in attrs.get("class", ""):
            self.in_years_table = True
        elif self.in_years_table and tag == "tr":
            self.rows.append([])
        elif self.in_years_table and tag in ("td", "th") and self.rows:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = False
        elif self.current and tag == self.current[0]:
            self.texts.append(tuple(self.current))
            self.current = None
        elif tag == "table":
            self.in_years_table = False
        elif self.cell is not None and tag in ("td", "th"):
            self.rows[-1].append(" ".join(self.cell.split()))
            self.cell = None

    def handle_data(self, data):
        if self.current is not None:
            self.current[1] += data
        if self.cell is not None:
            self.cell += data


def read_chart(html):
    section = html[html.index('id="cijfers"') :]
    reader = ChartReader()
    reader.feed(section)
    return reader


def test_the_chart_and_its_table_say_the_same(client, data, pages):
    html = client.get(pages["home"].url).content.decode()
    chart = read_chart(html)
    # An image with a name and a description, no script.
    assert chart.svg["role"] == "img"
    title_id, desc_id = chart.svg["aria-labelledby"].split()
    assert chart.ids[title_id] == "title" and chart.ids[desc_id] == "desc"
    texts = dict((kind, text) for kind, text in chart.texts if kind in ("title", "desc"))
    assert texts["title"] == "Overgenomen aanbevelingen per jaar, in procenten"
    assert texts["desc"] == (
        "2021: 75 procent (3 van 4); 2022: 50 procent (1 van 2); 2023: nog geen standpunten."
    )
    labels = [text for kind, text in chart.texts if kind == "text"]
    assert labels == ["2021: 75% (3 van 4)", "2022: 50% (1 van 2)", "2023: nog geen standpunten"]
    assert chart.bars == ["75%", "50%"]
    assert "<script" not in html[html.index('id="cijfers"') :].split("</section>")[0]
    # The table: a header row and one row per year, the same figures.
    header, *rows = chart.rows
    assert header == ["Jaar", "Aanbevelingen", "Met standpunt", "(Deels) overgenomen", "Percentage"]
    assert rows == [
        ["2021", "4", "4", "3", "75%"],
        ["2022", "3", "2", "1", "50%"],
        ["2023", "2", "0", "0", "–nog geen standpunten"],
    ]
    for row, label, (year, (adopted, with_verdict, percent)) in zip(
        rows, labels, EXPECTED["adoption"].items(), strict=True
    ):
        assert row[0] == str(year) and label.startswith(f"{year}: ")
        assert row[2:4] == [str(with_verdict), str(adopted)]
        if percent is not None:
            assert row[4] == f"{percent}%" and f"{percent}% ({adopted} van {with_verdict})" in label
    assert "<caption" in html and "Overgenomen aanbevelingen per jaar</caption>" in html


def test_home_page_shows_counts_and_late_items(client, data, pages):
    html = client.get(pages["home"].url).content.decode()
    assert "Wat is er met de adviezen gedaan?" in html
    tracker = pages["tracker"].url
    assert re.search(
        rf'<a class="utrecht-link" href="{tracker}\?status=in-uitvoering">In uitvoering</a>'
        r'</th><td class="dashboard-table__number">2</td>',
        html,
    )
    assert re.search(
        rf'href="{tracker}\?standpunt=overgenomen">Overgenomen</a></th>'
        r'<td class="dashboard-table__number">3</td>',
        html,
    )
    # A verdict nobody got is not a link to an empty list.
    assert re.search(
        r'<th scope="row">Al bestaand beleid</th><td class="dashboard-table__number">0</td>', html
    )
    assert "1 toezegging is niet op tijd klaar" in html
    assert "Alle brieven herschreven" in html
    assert "1 advies wacht te lang op een reactie van het college" in html
    assert "PR-2023-02 Mantelzorg en respijt" in html
    assert f'href="{tracker}"' in html  # the link to the whole tracker
    assert "Geheim concept" not in html


def test_home_page_without_sent_letters_has_no_dashboard(client, pages):
    html = client.get(pages["home"].url).content.decode()
    assert 'id="cijfers"' not in html


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_home_page_queries_do_not_grow_with_the_data(client, pages):
    build_many(letters=1, per_letter=5, start_year=2001)
    small, html = count_queries(client, pages["home"].url)
    assert 'id="cijfers"' in html
    build_many(letters=100, per_letter=50, start_year=2000)
    large, html = count_queries(client, pages["home"].url)
    assert small == large, f"{small} queries with 5 recommendations, {large} with 5,005"
    # Many late commitments: the first ten are listed, with a link to the rest.
    assert html.count('class="dashboard-late__item"') == 10
    assert "Bekijk alle aanbevelingen met een toezegging die te laat is" in html


def count_uncached(client, url):
    from django.core.cache import cache

    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_uncached_home_page_queries_do_not_grow_with_the_data(client, pages):
    build_many(letters=1, per_letter=5, start_year=2001)
    small = count_uncached(client, pages["home"].url)
    build_many(letters=100, per_letter=50, start_year=2000)
    large = count_uncached(client, pages["home"].url)
    assert small == large, f"{small} queries with 5 recommendations, {large} with 5,005"


def test_the_cache_costs_one_query_and_follows_every_recording(data, client, pages):
    from advices.models import FollowUp, FollowUpState

    first = build_dashboard(today=TODAY)
    with CaptureQueriesContext(connection) as queries:
        again = build_dashboard(today=TODAY, advice_index=None)
    assert len(queries) == 1  # the fingerprint
    assert again.total == first.total
    assert {t.value: t.count for t in again.statuses}["uitgevoerd"] == 1

    # A follow-up recorded: the figures follow at once.
    letter = data["letters"]["2021"]
    FollowUp.objects.create(
        recommendation=letter.recommendations.get(number=3),
        date=datetime.date(2023, 5, 1),
        state=FollowUpState.DONE,
        note="Toch gedaan.",
    )
    after = build_dashboard(today=TODAY, advice_index=None)
    statuses = {t.value: t.count for t in after.statuses}
    assert statuses["uitgevoerd"] == 2 and statuses["standpunt-gegeven"] == 1

    # A verdict changed, through the model.
    answer = letter.recommendations.get(number=3).answer
    answer.verdict = Verdict.ADOPTED
    answer.save()
    verdicts = {t.value: t.count for t in build_dashboard(today=TODAY).verdicts}
    assert verdicts[Verdict.ADOPTED] == 4 and verdicts[Verdict.NOT_ADOPTED] == 0

    # A commitment finished: no longer late.
    late = data["late commitment"]
    FollowUp.objects.create(
        recommendation=late.recommendation,
        commitment=late,
        date=datetime.date(2022, 2, 1),
        state=FollowUpState.DONE,
        note="Klaar.",
    )
    assert build_dashboard(today=TODAY).late_commitment_count == 0

    # Another day is another key: lateness depends on the date.
    assert build_dashboard(today=datetime.date(2021, 6, 1)).late_commitment_count == 0


def test_the_html_follows_a_recording_too(data, client, pages):
    from advices.models import FollowUp

    html = client.get(pages["home"].url).content.decode()
    assert "2021: 75% (3 van 4)" in html
    answer = data["letters"]["2021"].recommendations.get(number=3).answer
    answer.verdict = Verdict.PARTLY_ADOPTED
    answer.save()
    html = client.get(pages["home"].url).content.decode()
    assert "2021: 100% (4 van 4)" in html
    assert re.search(r'>Uitgevoerd</a></th><td class="dashboard-table__number">1</td>', html)
    # Deleted through the queryset (history still records each one): the figures follow.
    FollowUp.objects.filter(recommendation__letter=data["letters"]["2021"]).delete()
    html = client.get(pages["home"].url).content.decode()
    assert re.search(
        r'<th scope="row">Uitgevoerd</th><td class="dashboard-table__number">0</td>', html
    )
