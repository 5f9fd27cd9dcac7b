"""The public advice pages: the list of sent letters, one letter, one recommendation.

Only sent letters are public: a concept, a letter ter vaststelling or an adopted letter
that has not been sent is never shown, by any URL, in the list or on a meeting page.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advices.actions import transition
from advices.models import Erratum, LetterStatus, Recommendation
from advices.pages import AdviceIndexPage
from home.hooks import MEETING_PAGE_SECTIONS, render_sections
from home.models import CouncilSettings, MeetingIndexPage, MeetingPage
from tests.factories import ThemeFactory, UserFactory, add_meeting, make_letter

DRAFT_STATUSES = [LetterStatus.CONCEPT, LetterStatus.PROPOSED, LetterStatus.ADOPTED]
ACTIONS = {
    LetterStatus.CONCEPT: [],
    LetterStatus.PROPOSED: ["propose"],
    LetterStatus.ADOPTED: ["propose", "adopt"],
    LetterStatus.SENT: ["propose", "adopt", "send"],
}


def letter_with(
    status=LetterStatus.SENT,
    headings=("Betekenisvolle sociale contacten",) * 3,
    themes=(),
    meetings=(),
    **fields,
):
    """A letter with one recommendation per heading, linked before it is frozen."""
    letter = make_letter(recommendations=0, **fields)
    for number, heading in enumerate(headings, start=1):
        Recommendation.objects.create(
            letter=letter,
            sort_order=number,
            heading=heading,
            context=f"Toelichting bij punt {number}.",
            advice=f"Wij adviseren u maatregel {number} te nemen.",
        )
    if themes or meetings:
        letter.themes.set(themes)
        letter.meetings.set(meetings)
        letter.save()
    secretary = UserFactory(username="secretaris-fabriek", groups=["Secretariaat"])
    for action in ACTIONS[status]:
        transition(letter, action, secretary)
    return letter


@pytest.fixture
def advice_index(site_tree):
    home, _meetings = site_tree
    return home.add_child(
        instance=AdviceIndexPage(title="Adviezen", slug="adviezen", intro="Onze adviezen.")
    )


@pytest.fixture
def themes(db):
    return {
        "jeugd": ThemeFactory(name="Jeugd", slug="jeugd"),
        "basis": ThemeFactory(name="Sterke sociale basis", slug="sterke-sociale-basis"),
        "concept": ThemeFactory(name="Alleen in een concept", slug="alleen-concept"),
    }


@pytest.fixture
def letters(advice_index, themes):
    """Three sent letters and one of every draft status."""
    sent = {
        "old": letter_with(
            reference="PR-2021-03",
            date=datetime.date(2021, 3, 1),
            subject="Armoede en schulden",
            themes=[themes["jeugd"]],
            headings=["Armoede"] * 2,
        ),
        "june_a": letter_with(
            reference="PR-2022-06",
            date=datetime.date(2022, 6, 17),
            subject="Mantelzorg",
            themes=[themes["basis"], themes["jeugd"]],
        ),
        "june_b": letter_with(
            reference="PR-2022-07",
            date=datetime.date(2022, 6, 17),
            subject="Sterke sociale basis",
            themes=[themes["basis"]],
            headings=["Betekenisvolle sociale contacten"] * 4 + ["Zelfredzaam leven"],
        ),
    }
    drafts = {
        status: letter_with(
            status=status,
            reference=f"PR-2023-0{number}",
            date=datetime.date(2023, 1, number),
            subject=f"Geheim ontwerp {status}",
            themes=[themes["concept"]],
        )
        for number, status in enumerate(DRAFT_STATUSES, start=1)
    }
    return sent, drafts


def references(response):
    return [letter.reference for letter in response.context["letters"]]


def letter_url(index, letter):
    return f"{index.url}{letter.reference}/"


# ---- The page itself -----------------------------------------------------------


def test_index_page_lives_under_the_home_page_only_once(site_tree, advice_index):
    home, meeting_index = site_tree
    assert not AdviceIndexPage.can_create_at(home)  # one per home page
    assert not AdviceIndexPage.can_create_at(meeting_index)
    assert AdviceIndexPage.allowed_subpage_models() == []
    assert AdviceIndexPage in home.specific_class.allowed_subpage_models()
    assert not MeetingIndexPage.can_create_at(advice_index)


# ---- The list of letters ---------------------------------------------------------


def test_index_lists_only_sent_letters_newest_first(client, advice_index, letters):
    sent, drafts = letters
    response = client.get(advice_index.url)
    assert response.status_code == 200
    assert references(response) == ["PR-2022-07", "PR-2022-06", "PR-2021-03"]
    html = response.content.decode()
    for draft in drafts.values():
        assert draft.reference not in html
        assert draft.subject not in html
    # A theme only drafts use is not offered as a filter either.
    assert "Alleen in een concept" not in html
    assert "3 adviezen gevonden" in html


def test_index_item_shows_reference_date_subject_count_and_themes(client, advice_index, letters):
    html = client.get(advice_index.url).content.decode()
    item = re.search(
        r'<article class="card letter-card">(?:(?!</article>).)*PR-2022-07.*?</article>', html, re.S
    )
    assert item, html
    item = item.group(0)
    assert 'href="/adviezen/PR-2022-07/"' in item
    assert "Sterke sociale basis" in item
    assert '<time datetime="2022-06-17">17 juni 2022</time>' in item
    assert "5 aanbevelingen" in item
    assert '<span class="tag tag--theme">Sterke sociale basis</span>' in item
    assert "1 advies gevonden" in client.get(f"{advice_index.url}?jaar=2021").content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jaar=2022", ["PR-2022-07", "PR-2022-06"]),
        ("jaar=2021", ["PR-2021-03"]),
        ("thema=jeugd", ["PR-2022-06", "PR-2021-03"]),
        ("thema=sterke-sociale-basis", ["PR-2022-07", "PR-2022-06"]),
        ("jaar=2022&thema=jeugd", ["PR-2022-06"]),
        ("jaar=2021&thema=sterke-sociale-basis", []),
    ],
)
def test_filters_by_year_and_theme(client, advice_index, letters, query, expected):
    response = client.get(f"{advice_index.url}?{query}")
    assert response.status_code == 200
    assert references(response) == expected


def test_theme_filter_names_the_theme_and_empty_result_says_so(client, advice_index, letters):
    html = client.get(f"{advice_index.url}?thema=jeugd").content.decode()
    assert "<h1" in html and "Adviezen: Jeugd" in html
    html = client.get(f"{advice_index.url}?jaar=2021&thema=sterke-sociale-basis").content.decode()
    assert "Er zijn geen adviezen die bij deze filters passen." in html


@pytest.mark.parametrize(
    ("query", "ignored_value"),
    [
        ("jaar=abc", "abc"),
        ("jaar=1850", "1850"),
        ("jaar=2023", "2023"),  # only drafts are from 2023
        ("jaar=99999999999999999999999", "99999999999999999999999"),
        ("thema=bestaat-niet", "bestaat-niet"),
        ("thema=alleen-concept", "alleen-concept"),
        ("thema=%3Cscript%3E", "&lt;script&gt;"),
    ],
)
def test_unknown_filter_values_are_reported_and_ignored(
    client, advice_index, letters, query, ignored_value
):
    response = client.get(f"{advice_index.url}?{query}")
    assert response.status_code == 200
    assert references(response) == ["PR-2022-07", "PR-2022-06", "PR-2021-03"]
    html = response.content.decode()
    assert f'We kennen de waarde "{ignored_value}"' in html
    assert "<script>" not in html.split("<main")[1]


def test_a_bad_filter_leaves_the_good_one_working(client, advice_index, letters):
    response = client.get(f"{advice_index.url}?jaar=abc&thema=jeugd")
    assert response.status_code == 200
    assert references(response) == ["PR-2022-06", "PR-2021-03"]


def test_pagination_keeps_the_filters(client, advice_index, themes):
    for number in range(1, 13):
        letter_with(
            reference=f"PR-2020-{number:02d}",
            date=datetime.date(2020, 1, number),
            themes=[themes["jeugd"]],
            headings=["Kop"],
        )
    letter_with(reference="PR-2019-01", date=datetime.date(2019, 1, 1), headings=["Kop"])
    response = client.get(f"{advice_index.url}?thema=jeugd&jaar=2020")
    assert len(response.context["letters"]) == 10
    assert response.context["pagination"]["next"] == "?jaar=2020&thema=jeugd&pagina=2"
    html = response.content.decode()
    assert "12 adviezen gevonden" in html
    assert 'href="?jaar=2020&amp;thema=jeugd&amp;pagina=2"' in html

    second = client.get(f"{advice_index.url}?jaar=2020&thema=jeugd&pagina=2")
    assert references(second) == ["PR-2020-02", "PR-2020-01"]

    too_far = client.get(f"{advice_index.url}?pagina=99")
    assert too_far.status_code == 200
    assert "Die pagina bestaat niet." in too_far.content.decode()
    assert client.get(f"{advice_index.url}?pagina=abc").status_code == 200


# ---- One letter ------------------------------------------------------------------


@pytest.fixture
def full_letter(advice_index, themes, site_tree):
    home, meeting_index = site_tree
    meeting = add_meeting(meeting_index, "Ontmoet en groet", datetime.date(2022, 5, 9))
    hidden = add_meeting(meeting_index, "Nog niet gepubliceerd", datetime.date(2022, 5, 10))
    hidden.unpublish()
    council = CouncilSettings.for_site(home.get_site())
    council.municipality = "Zwolle"
    council.name = "Participatieraad Zwolle"
    council.save()
    letter = letter_with(
        reference="PR-2022-07",
        date=datetime.date(2022, 6, 17),
        subject="Sterke sociale basis",
        themes=[themes["basis"]],
        meetings=[meeting, hidden],
        headings=["Betekenisvolle sociale contacten"] * 2 + ["Zelfredzaam leven"] * 2 + [""],
        closing="<p>Met vriendelijke groet,</p>",
        signatory_role="Voorzitter",
    )
    return letter, meeting, hidden


def test_letter_page_is_laid_out_as_a_letter(client, advice_index, full_letter):
    letter, _meeting, _hidden = full_letter
    response = client.get(letter_url(advice_index, letter))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Aan het college van burgemeester en wethouders" in html
    assert 'Zwolle, <time datetime="2022-06-17">17 juni 2022</time>' in html
    assert "<dt>Kenmerk</dt><dd>PR-2022-07</dd>" in html
    assert "<dt>Onderwerp</dt><dd>Sterke sociale basis</dd>" in html
    assert "Geacht college," in html
    assert "<p>Op 9 mei 2022 organiseerde de raad een ontmoeting.</p>" in html  # rich text
    assert "<p>Met vriendelijke groet,</p>" in html
    assert "Aljona Wertheim" in html and "Participatieraad Zwolle" in html
    assert "Verzonden" in html and "Ongevraagd advies" in html


def test_letter_page_groups_recommendations_under_their_headings(client, advice_index, full_letter):
    letter, _meeting, _hidden = full_letter
    html = client.get(letter_url(advice_index, letter)).content.decode()
    headings = re.findall(r'<h2 class="utrecht-heading-2 letter__section-heading">(.*?)</h2>', html)
    assert headings == ["Betekenisvolle sociale contacten", "Zelfredzaam leven", "Aanbevelingen"]
    for number in range(1, 6):
        assert f'id="aanbeveling-{number}"' in html
        assert f"Aanbeveling 2022-07 / {number}</h3>" in html
        assert f'href="/adviezen/PR-2022-07/aanbeveling/{number}/"' in html
        assert f"Wij adviseren u maatregel {number} te nemen." in html
        assert f"Toelichting bij punt {number}." in html
    # Document order: the anchors come 1, 2, 3 ... and each follows its heading.
    positions = [html.index(f'id="aanbeveling-{n}"') for n in range(1, 6)]
    assert positions == sorted(positions)
    assert html.index("Zelfredzaam leven</h2>") < positions[2]


def test_letter_page_links_live_meetings_and_themes(client, advice_index, full_letter):
    letter, meeting, hidden = full_letter
    html = client.get(letter_url(advice_index, letter)).content.decode()
    assert f'href="{meeting.url}"' in html
    assert "Nog niet gepubliceerd" not in html
    assert 'href="/adviezen/?thema=sterke-sociale-basis"' in html


def test_letter_page_links_to_its_recommendations_in_the_tracker(
    client, advice_index, full_letter, site_tree
):
    from advices.pages import RecommendationIndexPage

    letter, _meeting, _hidden = full_letter
    html = client.get(letter_url(advice_index, letter)).content.decode()
    assert "Bekijk wat er met elke aanbeveling is gedaan" not in html  # no tracker yet

    home, _meetings = site_tree
    tracker = home.add_child(
        instance=RecommendationIndexPage(title="Aanbevelingen", slug="aanbevelingen")
    )
    html = client.get(letter_url(advice_index, letter)).content.decode()
    link = '<a class="utrecht-link" href="/aanbevelingen/?advies=PR-2022-07">'
    assert f"{link}Bekijk wat er met elke aanbeveling is gedaan</a>" in html
    tracker_html = client.get("/aanbevelingen/?advies=PR-2022-07").content.decode()
    assert "5 aanbevelingen gevonden" in tracker_html

    tracker.unpublish()
    html = client.get(letter_url(advice_index, letter)).content.decode()
    assert "Bekijk wat er met elke aanbeveling is gedaan" not in html


def test_letter_page_has_breadcrumbs_to_the_index(client, advice_index, full_letter):
    letter, _meeting, _hidden = full_letter
    html = client.get(letter_url(advice_index, letter)).content.decode()
    crumbs = re.search(r'<nav class="utrecht-breadcrumb-nav.*?</nav>', html, re.S).group(0)
    assert 'href="/adviezen/">Adviezen</a>' in crumbs
    assert '<span aria-current="page">PR-2022-07 Sterke sociale basis</span>' in crumbs


def test_errata_are_shown_with_their_date(client, advice_index, full_letter):
    letter, _meeting, _hidden = full_letter
    url = letter_url(advice_index, letter)
    assert "Correcties" not in client.get(url).content.decode()
    Erratum.objects.create(
        letter=letter, date=datetime.date(2022, 7, 1), text="In punt 3 staat 2019; lees 2020."
    )
    html = client.get(url).content.decode()
    assert "Correcties</h2>" in html
    assert '<time datetime="2022-07-01">1 juli 2022</time>' in html
    assert "In punt 3 staat 2019; lees 2020." in html
    # Shown above the letter itself, not hidden at the bottom.
    assert html.index("In punt 3 staat 2019") < html.index('class="letter"')
    recommendation = client.get(f"{url}aanbeveling/3/").content.decode()
    assert "In punt 3 staat 2019; lees 2020." in recommendation


def test_unknown_reference_is_404(client, advice_index, letters):
    assert client.get(f"{advice_index.url}PR-1999-01/").status_code == 404
    assert client.get(f"{advice_index.url}PR-1999-01/aanbeveling/1/").status_code == 404
    assert client.get(f"{advice_index.url}PR-2022-07/aanbeveling/6/").status_code == 404
    assert client.get(f"{advice_index.url}PR-2022-07/aanbeveling/een/").status_code == 404
    assert client.get(f"{advice_index.url}PR-2022-07/iets/").status_code == 404


# ---- One recommendation ----------------------------------------------------------


def test_recommendation_has_a_stable_page_of_its_own(client, advice_index, full_letter):
    letter, _meeting, _hidden = full_letter
    url = "/adviezen/PR-2022-07/aanbeveling/3/"
    assert advice_index.recommendation_url(letter, 3) == url
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert re.search(r"<h1[^>]*>Aanbeveling 2022-07 / 3</h1>", html)
    assert "Zelfredzaam leven" in html
    assert "Toelichting bij punt 3." in html
    assert "Wij adviseren u maatregel 3 te nemen." in html
    assert 'href="/adviezen/PR-2022-07/#aanbeveling-3"' in html
    assert '<time datetime="2022-06-17">17 juni 2022</time>' in html
    assert f">http://testserver{url}</a>" in html  # the permanent link, on the request's host
    crumbs = re.search(r'<nav class="utrecht-breadcrumb-nav.*?</nav>', html, re.S).group(0)
    assert 'href="/adviezen/">Adviezen</a>' in crumbs
    assert 'href="/adviezen/PR-2022-07/">PR-2022-07 Sterke sociale basis</a>' in crumbs
    assert '<span aria-current="page">Aanbeveling 2022-07 / 3</span>' in crumbs

    # Stable: a correction after sending does not move it.
    Erratum.objects.create(letter=letter, text="Een correctie.")
    assert client.get(url).status_code == 200
    assert "Wij adviseren u maatregel 3 te nemen." in client.get(url).content.decode()


# ---- Drafts are never public -----------------------------------------------------


@pytest.mark.parametrize("status", DRAFT_STATUSES)
def test_drafts_are_404_on_every_url(client, advice_index, site_tree, status):
    _home, meeting_index = site_tree
    meeting = add_meeting(meeting_index, "Bijeenkomst met concept", datetime.date(2022, 5, 9))
    draft = letter_with(
        status=status,
        reference="PR-2022-09",
        subject="Geheim ontwerp",
        meetings=[meeting],
        headings=["Kop", "Kop"],
    )
    assert draft.status == status
    assert client.get(letter_url(advice_index, draft)).status_code == 404
    assert client.get(f"{letter_url(advice_index, draft)}aanbeveling/1/").status_code == 404
    assert "PR-2022-09" not in client.get(advice_index.url).content.decode()
    meeting_html = client.get(meeting.url).content.decode()
    assert "Geheim ontwerp" not in meeting_html
    assert "Adviezen uit deze bijeenkomst" not in meeting_html
    search = client.get("/zoeken/", {"q": "Geheim ontwerp"}).content.decode()
    assert "PR-2022-09" not in search


# ---- The meeting page ------------------------------------------------------------


def test_meeting_page_lists_the_public_advice_from_it(client, advice_index, full_letter):
    letter, meeting, _hidden = full_letter
    other = add_meeting(advice_index.get_parent().get_children().type(MeetingIndexPage).get())
    draft = letter_with(
        status=LetterStatus.ADOPTED,
        reference="PR-2022-08",
        subject="Nog geheim",
        meetings=[meeting],
    )
    html = client.get(meeting.url).content.decode()
    assert "Adviezen uit deze bijeenkomst</h2>" in html
    assert 'href="/adviezen/PR-2022-07/">Sterke sociale basis</a>' in html
    assert draft.subject not in html and draft.reference not in html
    assert "Adviezen uit deze bijeenkomst" not in client.get(other.url).content.decode()


def test_a_new_meeting_page_can_be_previewed_before_it_is_saved(rf, site_tree, advice_index):
    _home, meeting_index = site_tree
    meeting = MeetingPage(
        title="Nieuw", date=datetime.date(2024, 1, 1), meeting_type="werksessie", summary="Kort."
    )
    meeting.depth = meeting_index.depth + 1
    meeting.path = meeting_index.path + "9999"  # as the admin's preview of an unsaved page
    request = rf.get("/")
    response = meeting.serve_preview(request, meeting.default_preview_mode)
    html = response.render().content.decode()
    assert '<h1 class="utrecht-heading-1">Nieuw</h1>' in html
    assert "Adviezen uit deze bijeenkomst" not in html
    assert render_sections(MEETING_PAGE_SECTIONS, request, meeting) == "\n"


# ---- Queries do not grow with the data ------------------------------------------


def count_queries(client, url):
    client.get(url)  # the first visit creates the council settings row; measure a normal visit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_letter_page_queries_do_not_grow_with_recommendations(client, advice_index, site_tree):
    _home, meeting_index = site_tree
    themes = [ThemeFactory() for _ in range(4)]
    meetings = [add_meeting(meeting_index, f"Bijeenkomst {n}") for n in range(4)]
    headings = ["Een", "Twee", "Drie"]

    def build(reference, count):
        letter = letter_with(
            reference=reference,
            headings=[headings[n * len(headings) // count] for n in range(count)],
            themes=themes,
            meetings=meetings,
        )
        for day in range(1, 4):
            Erratum.objects.create(letter=letter, date=datetime.date(2022, 7, day), text="Fout.")
        return letter

    small = build("PR-2022-01", 5)
    big = build("PR-2022-02", 60)
    letter_queries = count_queries(client, letter_url(advice_index, small))
    assert count_queries(client, letter_url(advice_index, big)) <= letter_queries
    one = count_queries(client, f"{letter_url(advice_index, small)}aanbeveling/1/")
    assert count_queries(client, f"{letter_url(advice_index, big)}aanbeveling/60/") <= one


def test_index_queries_do_not_grow_with_letters(client, advice_index):
    themes = [ThemeFactory() for _ in range(5)]

    def fill(start, count):
        for number in range(start, start + count):
            letter_with(
                reference=f"PR-2022-{number:02d}",
                date=datetime.date(2022, 1, 1) + datetime.timedelta(days=number),
                themes=themes[number % 3 : number % 3 + 2],
                headings=["Kop"] * (1 + number % 4),
            )

    fill(1, 3)
    urls = [advice_index.url, f"{advice_index.url}?thema={themes[1].slug}&jaar=2022"]
    few = {url: count_queries(client, url) for url in urls}
    fill(4, 37)
    assert advice_index.url and len(client.get(advice_index.url).context["letters"]) == 10
    for url in urls:
        assert count_queries(client, url) <= few[url], url


def test_meeting_page_queries_do_not_grow_with_letters(client, advice_index, site_tree):
    _home, meeting_index = site_tree
    meeting = add_meeting(meeting_index, "Veel adviezen")
    letter_with(reference="PR-2022-01", meetings=[meeting], headings=["Kop"])
    before = count_queries(client, meeting.url)
    for number in range(2, 12):
        letter_with(reference=f"PR-2022-{number:02d}", meetings=[meeting], headings=["Kop"])
    assert count_queries(client, meeting.url) <= before
