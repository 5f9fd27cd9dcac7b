"""The search behaves as if a hidden name were not in the text: searching the name finds
nothing because of it, its role and the other words still find, and the results page never
shows the name (nor the role a typed name has). On SQLite and PostgreSQL alike."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advices.pages import RecommendationIndexPage
from home.models import NamedPerson
from tests.advices.test_named_people_public import (  # noqa: F401  (shared fixtures)
    NAME,
    ROLE,
    _fresh_list,
    advice_request,
    body,
    letter,
    meeting,
)
from tests.factories import add_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def everything(index, meeting, letter, advice_request):  # noqa: F811
    """A meeting report, a sent letter with its recommendation and a request for advice,
    each naming NAME in its title and text."""


def found(client, query, **params):
    response = client.get("/zoeken/", {"q": query, **params})
    assert response.status_code == 200
    return response


def total(response):
    return response.context["page_obj"].paginator.count


SPELLINGS = ["Jan de Vries", "jan de vries", "JAN DE VRIÉS", "Vries", "Jan Vries"]


@pytest.mark.parametrize("query", SPELLINGS)
def test_a_hidden_name_finds_nothing(client, everything, query):
    NamedPerson.objects.create(name=NAME, role=ROLE)

    assert total(found(client, query)) == 0


@pytest.mark.parametrize("query", ["Vries", "Jan de Vries"])
def test_a_published_name_is_found_everywhere(client, everything, query):
    NamedPerson.objects.create(name=NAME, role=ROLE, publish_name=True)

    response = found(client, query)
    kinds = {item["kind"]: item["count"] for item in response.context["kinds"]}
    assert kinds == {
        "adviezen": 1,
        "aanbevelingen": 1,
        "reacties": 0,
        "adviesaanvragen": 1,
        "verslagen": 1,
        "paginas": 0,
    }


def test_the_role_and_other_words_still_find(client, everything):
    NamedPerson.objects.create(name=NAME, role=ROLE)

    by_role = found(client, "voorzitter")
    kinds = {item["kind"]: item["count"] for item in by_role.context["kinds"]}
    # Where the name stood, the role stands now: the same things are found by it.
    assert kinds["adviezen"] == kinds["aanbevelingen"] == kinds["verslagen"] == 1
    assert kinds["adviesaanvragen"] == 1
    assert total(found(client, "opende")) == 1  # the meeting's summary
    assert total(found(client, "Zorg dichtbij")) == 1  # the recommendation


def test_changing_the_choice_changes_the_search_at_once(client, everything):
    person = NamedPerson.objects.create(name=NAME, role=ROLE)
    assert total(found(client, "Vries")) == 0

    person.publish_name = True
    person.save()
    assert total(found(client, "Vries")) == 4

    person.publish_name = False
    person.save()
    assert total(found(client, "Vries")) == 0
    person.delete()
    assert total(found(client, "Vries")) == 4


def test_a_longer_published_name_keeps_a_hidden_part_findable(client, everything):
    """A hidden "De Vries" does not cut up a published "Jan de Vries" (the longest wins)."""
    NamedPerson.objects.create(name="De Vries", role="de secretaris")
    NamedPerson.objects.create(name=NAME, role=ROLE, publish_name=True)

    assert total(found(client, NAME)) == 4
    assert total(found(client, "secretaris")) == 0


def test_the_results_page_shows_the_query_as_typed_and_never_the_name(client, everything):
    NamedPerson.objects.create(name=NAME, role=ROLE)

    page = found(client, "Jan de Vries").content.decode()
    # The typed words come back as typed: "De voorzitter" here would tell his role.
    assert '0 resultaten voor "Jan de Vries"' in page
    assert 'Zoeken naar "Jan de Vries"' in page
    assert "\ue000" not in page and "\ue001" not in page

    page = found(client, "voorzitter").content.decode()
    assert "Vries" not in page
    assert 'resultaten voor "voorzitter"' in page


def test_an_excerpt_is_never_cut_inside_a_hidden_name(client, site_tree):
    _home, meetings = site_tree
    NamedPerson.objects.create(name="Wilhelmina Oosterbroek", role="de wethouder")
    add_meeting(
        meetings,
        "Zwerfafval in de wijk",
        datetime.date(2022, 5, 9),
        summary=" ".join(["woord"] * 39) + " Wilhelmina Oosterbroek opende het gesprek.",
    )

    page = found(client, "zwerfafval").content.decode()
    assert "Zwerfafval in de wijk" in page
    assert "Wilhelmina" not in page


def test_any_spelling_of_a_hidden_name_in_the_text_is_not_found(client, site_tree):
    """The text may write the name with a no-break space, a typographic apostrophe, other
    case or accents: it is hidden all the same, also on PostgreSQL."""
    _home, meetings = site_tree
    NamedPerson.objects.create(name="Ria d'Hondt", role="de penningmeester")
    add_meeting(meetings, "Begroting", summary="RIA\u00a0D’HÖNDT legde de begroting uit.")

    assert total(found(client, "Hondt")) == 0
    assert total(found(client, "ria")) == 0
    assert total(found(client, "penningmeester")) == 1


def test_the_recommendations_list_and_its_exports_search_alike(client, everything):
    """The list of recommendations (``?q=``) and its CSV, JSON and API share the search."""
    NamedPerson.objects.create(name=NAME, role=ROLE)

    for url in ("/open-data/aanbevelingen.json", "/api/v1/aanbevelingen/"):
        assert NAME not in body(client, url)
        assert "Zorg dichtbij" in body(client, f"{url}?q=voorzitter")
        assert "Zorg dichtbij" not in body(client, f"{url}?q=Vries")


def test_the_search_reads_the_names_once_however_many(client, everything):
    def queries(query):
        with CaptureQueriesContext(connection) as captured:
            found(client, query)
        return len(captured)

    NamedPerson.objects.create(name=NAME, role=ROLE)
    queries("voorzitter")  # the sites' root paths are cached after the first time
    few = queries("voorzitter"), queries("Vries")
    NamedPerson.objects.bulk_create(
        NamedPerson(name=f"Persoon {number}", role="een inwoner") for number in range(40)
    )
    assert (queries("voorzitter"), queries("Vries")) == few


def test_the_recommendations_page_shows_a_cut_search_as_typed(client, everything, site_tree):
    """A very long search is shown back (cut): as typed, never with a role for the name."""
    home, _meetings = site_tree
    tracker = home.add_child(
        instance=RecommendationIndexPage(title="Aanbevelingen", slug="aanbevelingen")
    )
    NamedPerson.objects.create(name=NAME, role=ROLE)

    page = body(client, f"{tracker.url}?q={NAME.replace(' ', '+')}+" + "lang+" * 60)
    assert "Uw zoekvraag was erg lang" in page
    assert f'begin: "{NAME} lang' in page
    assert "\ue000" not in page
