"""The public tracker page "Aanbevelingen": listing, filters in the URL, pagination, links,
bad values, and a constant number of queries whatever the number of recommendations."""

import datetime
import re
from html import unescape
from urllib.parse import parse_qs

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advices.pages import AdviceIndexPage, RecommendationIndexPage
from home.models import HomePage
from tests.advices.tracker_data import EXPECTED, TODAY, build_many, build_tracker_data

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2024, 1, 10, 12, tzinfo=datetime.UTC)


@pytest.fixture
def pages(site_tree):
    home, _meetings = site_tree
    advice_index = home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))
    tracker = home.add_child(
        instance=RecommendationIndexPage(
            title="Aanbevelingen",
            slug="aanbevelingen",
            intro="Wat deed het college met elk advies?",
        )
    )
    return {"home": home, "advices": advice_index, "tracker": tracker}


@pytest.fixture
def data():
    return build_tracker_data()


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(NOW, tick=False):
        yield


def get(client, pages, query=""):
    response = client.get(pages["tracker"].url + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return response, response.content.decode()


def listed_labels(html):
    return re.findall(r'class="tracker-item__label"[^>]*>(?:<a[^>]*>)?Aanbeveling ([^<]+)<', html)


def late_reasons(html):
    """Per listed recommendation, the "te laat" badges it shows."""
    reasons = {}
    for item in html.split('<li class="tracker-list__item">')[1:]:
        [label] = listed_labels(item)
        reasons[label] = re.findall(r'status-badge--late">([^<]+)<', item)
    return reasons


def test_the_page_type_sits_under_the_home_page_once():
    assert "advices.RecommendationIndexPage" in [
        f"{m._meta.app_label}.{m.__name__}" for m in HomePage.allowed_subpage_models()
    ]
    assert RecommendationIndexPage.parent_page_types == ["home.HomePage"]
    assert RecommendationIndexPage.max_count_per_parent == 1


def test_lists_every_public_recommendation_with_links_status_and_verdict(client, pages, data):
    response, html = get(client, pages)
    assert "Wat deed het college met elk advies?" in html
    assert "9 aanbevelingen gevonden" in html
    assert listed_labels(html) == [
        "2023-02 / 1",
        "2023-02 / 2",
        "2022-07 / 1",
        "2022-07 / 2",
        "2022-07 / 3",
        "2021-01 / 1",
        "2021-01 / 2",
        "2021-01 / 3",
        "2021-01 / 4",
    ]
    letter = data["letters"]["2021"]
    index = pages["advices"]
    assert f'href="{index.recommendation_url(letter, 2)}"' in html
    assert f'href="{index.letter_url(letter)}"' in html
    item = html.split('id="aanbeveling-', 8)[-1]
    assert "Schrijf brieven in eenvoudige taal." in html
    # Status in words, verdict, lateness; the letter and its date.
    assert "In uitvoering" in html and "Toezegging te laat" in html
    assert "Deels overgenomen" in html
    assert "Nog geen standpunt" in html
    assert "PR-2021-01 Armoede en schulden" in html
    assert "1 maart 2021" in html
    assert item
    # Never a draft or an unsent letter.
    assert "geheime" not in html and "Geheim concept" not in html
    assert "vastgestelde advies" not in html
    # The dashboard is on the first, unfiltered page.
    assert 'id="cijfers"' in html


def test_filters_narrow_and_stay_in_the_links(client, pages, data):
    _response, html = get(client, pages, "thema=jeugd&standpunt=overgenomen&sortering=oudste")
    assert "3 aanbevelingen gevonden" in html
    assert listed_labels(html) == ["2021-01 / 1", "2021-01 / 4", "2022-07 / 2"]
    assert "Sterke sociale basis" in html
    assert '<h1 class="utrecht-heading-1">Aanbevelingen: Jeugd</h1>' in html
    # Selected in the form, kept in the download links.
    assert '<option value="jeugd" selected>' in html
    assert '<option value="oudste" selected>' in html
    for kind in ("csv", "json"):
        link = re.search(rf'href="/open-data/aanbevelingen\.{kind}\?([^"]+)"', html)
        assert parse_qs(unescape(link.group(1))) == {
            "thema": ["jeugd"],
            "standpunt": ["overgenomen"],
            "sortering": ["oudste"],
        }
    # A filtered page links to the figures instead of repeating them.
    assert 'id="cijfers"' not in html
    assert "Bekijk de cijfers over alle aanbevelingen" in html


def test_search_and_late_only(client, pages, data):
    _response, html = get(client, pages, "q=mantelzorgers")
    assert listed_labels(html) == ["2023-02 / 2", "2022-07 / 3"]
    assert 'value="mantelzorgers"' in html
    _response, html = get(client, pages, "te-laat=ja")
    # The 2023 letter was never answered (its reply is late); 2021-01 / 2 has a late
    # commitment. Each result says which.
    assert listed_labels(html) == ["2023-02 / 1", "2023-02 / 2", "2021-01 / 2"]
    assert late_reasons(html) == {
        "2023-02 / 1": ["Reactie te laat"],
        "2023-02 / 2": ["Reactie te laat"],
        "2021-01 / 2": ["Toezegging te laat"],
    }
    assert 'name="te-laat" value="ja" checked' in html
    assert "Alleen te laat (reactie of toezegging over de datum)" in html
    assert 'aria-describedby="tracker-te-laat-hint"' in html
    assert "het college reageerde niet binnen de termijn op de brief" in html
    _response, html = get(client, pages, "te-laat=nee")
    assert "9 aanbevelingen gevonden" in html and "We kennen" not in html


def test_unfiltered_download_links_have_no_query(client, pages, data):
    _response, html = get(client, pages)
    assert 'href="/open-data/aanbevelingen.csv"' in html
    assert 'href="/open-data/aanbevelingen.json"' in html


@pytest.mark.parametrize(
    "query, message_value",
    [
        ("status=bijna", "bijna"),
        ("standpunt=misschien", "misschien"),
        ("thema=onbekend", "onbekend"),
        ("jaar=abc", "abc"),
        ("jaar=1850", "1850"),
        ("advies=PR-2023-03", "PR-2023-03"),
        ("advies=%3Cscript%3E", "<script>"),
        ("sortering=willekeurig", "willekeurig"),
        ("te-laat=misschien", "misschien"),
    ],
)
def test_bad_values_are_reported_never_an_error(client, pages, data, query, message_value):
    _response, html = get(client, pages, query + "&thema=ouderen" * ("thema" not in query))
    assert "We kennen de waarde" in html
    assert message_value in unescape(html)
    assert "<script>" not in html
    if "thema" not in query:
        assert "5 aanbevelingen gevonden" in html  # the valid filter still applies
    else:
        assert "9 aanbevelingen gevonden" in html


def test_bad_page_numbers_and_a_huge_search(client, pages, data):
    _response, html = get(client, pages, "pagina=x")
    assert "Die pagina bestaat niet" in html
    assert "9 aanbevelingen gevonden" in html
    _response, html = get(client, pages, "pagina=999")
    assert "Die pagina bestaat niet. U ziet pagina 1." in html
    _response, html = get(client, pages, "q=" + "a" * 10_000)
    assert "Uw zoekvraag was erg lang" in html
    assert "a" * 201 not in html
    _response, html = get(client, pages, "q=" + "%00%27%22" + "+or+1=1")
    assert "0 aanbevelingen gevonden" in html


def test_pagination_keeps_the_filters(client, pages):
    build_many(letters=3, per_letter=20, start_year=2015)
    _response, html = get(client, pages, "jaar=2015&sortering=advies-en-nummer")
    assert "60 aanbevelingen gevonden" in html
    assert "Pagina 1 van 3" in html
    assert 'href="?jaar=2015&amp;sortering=advies-en-nummer&amp;pagina=2"' in html
    _response, page2 = get(client, pages, "jaar=2015&sortering=advies-en-nummer&pagina=2")
    first, second = listed_labels(html), listed_labels(page2)
    assert len(first) == len(second) == 20
    assert not set(first) & set(second)
    assert 'href="?jaar=2015&amp;sortering=advies-en-nummer"' in page2  # back to page 1


def test_without_an_advice_index_the_items_are_not_links(client, site_tree, data):
    home, _meetings = site_tree
    tracker = home.add_child(
        instance=RecommendationIndexPage(title="Aanbevelingen", slug="aanbevelingen")
    )
    html = client.get(tracker.url).content.decode()
    assert "9 aanbevelingen gevonden" in html
    assert "/aanbeveling/" not in html


# Unfiltered (read in index order), sorted by status, searched and filtered, a later page.
QUERY_COUNT_CASES = [
    "",
    "status=in-uitvoering&sortering=status",
    "q=advies+brief&te-laat=ja&jaar=2001",
    "standpunt=overgenomen&sortering=oudste&pagina=3",
]


def count_queries(client, url, first_view_after=None):
    """Queries of a repeat view (after a warm-up), or of a first view: the cache emptied,
    then refilled by the page ``first_view_after`` with what every page keeps (Wagtail's
    site paths), so nothing of the tracker is cached."""
    from django.core.cache import cache

    client.get(url)  # warm-up; also makes rows made on the first view ever (letter settings)
    if first_view_after:
        cache.clear()
        client.get(first_view_after)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("view", ["repeat", "first"])
@pytest.mark.parametrize("query", QUERY_COUNT_CASES)
def test_query_count_is_the_same_for_5_and_5000_recommendations(
    client, site_tree, pages, query, view
):
    url = pages["tracker"].url + (f"?{query}" if query else "")
    after = site_tree[1].url if view == "first" else None
    build_many(letters=1, per_letter=5, start_year=2001)
    small, _response = count_queries(client, url, after)
    build_many(letters=100, per_letter=50, start_year=2000)
    large, response = count_queries(client, url, after)
    assert "aanbevelingen gevonden" in response.content.decode()
    assert small == large, f"{small} queries with 5 recommendations, {large} with 5,005"


def test_the_dashboard_on_the_tracker_page(client, pages, data):
    _response, html = get(client, pages)
    tracker = pages["tracker"].url
    assert f'href="{tracker}?status=in-uitvoering"' in html
    assert f'href="{tracker}?standpunt=overgenomen"' in html
    assert EXPECTED["total"] == 9
    assert "In de verzonden adviezen staan 9 aanbevelingen" in html


def test_today_matters(client, pages, data):
    # Before the commitment's due date nothing is late.
    with time_machine.travel(datetime.datetime(2021, 6, 1, 12, tzinfo=datetime.UTC), tick=False):
        _response, html = get(client, pages, "te-laat=ja")
    assert "0 aanbevelingen gevonden" in html
    assert TODAY.year == 2024


def test_the_list_follows_every_recording_and_the_page_tree(client, pages, data):
    from advices.models import FollowUp, FollowUpState

    _response, html = get(client, pages, "status=uitgevoerd")
    assert "2021-01 / 3" not in listed_labels(html)
    # Recorded through the model: the cached list follows at once.
    FollowUp.objects.create(
        recommendation=data["letters"]["2021"].recommendations.get(number=3),
        date=datetime.date(2023, 5, 1),
        state=FollowUpState.DONE,
        note="Toch gedaan.",
    )
    _response, html = get(client, pages, "status=uitgevoerd")
    assert "2021-01 / 3" in listed_labels(html)
    assert "/adviezen/PR-2021-01/aanbeveling/3/" in html
    # The advice index unpublished: the list no longer links to it.
    pages["advices"].unpublish()
    _response, html = get(client, pages, "status=uitgevoerd")
    assert "2021-01 / 3" in listed_labels(html)
    assert "/aanbeveling/" not in html


def test_a_commitment_becomes_late_the_day_after_its_date_also_in_the_cached_list(
    client, pages, data
):
    late = data["late commitment"]
    label = late.recommendation.label
    due_day = datetime.datetime.combine(late.due_date, datetime.time(12), datetime.UTC)
    with time_machine.travel(due_day, tick=False):
        _response, html = get(client, pages, "te-laat=ja")
    assert label not in listed_labels(html)
    with time_machine.travel(due_day + datetime.timedelta(days=1), tick=False):
        _response, html = get(client, pages, "te-laat=ja")
    assert label in listed_labels(html)


def test_with_few_letters_the_letter_is_chosen_from_a_list(client, pages, data):
    _response, html = get(client, pages)
    assert '<select class="utrecht-select utrecht-select--html-select" id="tracker-advies"' in html
    assert '<option value="PR-2022-07">PR-2022-07 ' in html
    # Chosen (here typed in small letters in the URL): the heading and title say which.
    _response, html = get(client, pages, "advies=pr-2022-07")
    assert listed_labels(html) == ["2022-07 / 1", "2022-07 / 2", "2022-07 / 3"]
    assert '<option value="PR-2022-07" selected>' in html
    heading = "Aanbevelingen: PR-2022-07 Sterke sociale basis"
    assert f'<h1 class="utrecht-heading-1">{heading}</h1>' in html
    assert f"<title>{heading} | " in html


def test_with_many_letters_the_letter_is_typed(client, pages):
    from advices.queries.tracker import LETTER_CHOICES_MAX

    build_many(letters=LETTER_CHOICES_MAX + 1, per_letter=2, start_year=2001)
    _response, html = get(client, pages)
    assert 'id="tracker-advies" name="advies"' in html
    assert '<select class="utrecht-select utrecht-select--html-select" id="tracker-advies"' not in (
        html
    )
    assert 'type="text" id="tracker-advies"' in html
    # The newest letter as the example; the years from the first letter's to the last one's.
    assert "Het kenmerk van het advies, bijvoorbeeld PR-2002-01x50." in html
    assert '<option value="2002">2002</option><option value="2001">2001</option>' in html
    assert f"{(LETTER_CHOICES_MAX + 1) * 2} aanbevelingen gevonden" in html

    # Typed without capitals: found, and shown as it is written.
    _response, html = get(client, pages, "advies=pr-2001-05x4")
    assert "2 aanbevelingen gevonden" in html
    assert listed_labels(html) == ["2001-05x4 / 1", "2001-05x4 / 2"]
    assert 'value="PR-2001-05x4"' in html
    assert ">Aanbevelingen: PR-2001-05x4 Advies nummer 4</h1>" in html

    # Unknown: said so, the rest of the list shown, and what was typed kept to correct it.
    _response, html = get(client, pages, "advies=PR-1999-99")
    assert 'We kennen de waarde "PR-1999-99" voor advies niet' in html
    assert f"{(LETTER_CHOICES_MAX + 1) * 2} aanbevelingen gevonden" in html
    assert 'value="PR-1999-99"' in html
