"""The public "Adviesaanvragen" pages: the list of the college's requests for advice, with
the open ones first and their deadline in words, its filters (year received, theme, status,
"advies te laat"), each request on its own permanent page with its documents and the chain
request → advice → reply → decision → follow-up, and the letter page's link to its request.
"""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advices.actions.requests import ExtendDeadline
from advices.lifecycle.decisions import FollowsAdvice
from advices.lifecycle.requests import (
    AdviceTiming,
    RequestStatus,
    advice_late_q,
    advice_timing,
)
from advices.models import AdviceRequest, LetterStatus
from advices.queries.requests import with_answered_on
from tests.factories import (
    AdviceIndexPageFactory,
    AdviceLetterFactory,
    AdviceRequestFactory,
    AdviceRequestIndexPageFactory,
    CollegeResponseFactory,
    DecisionFactory,
    DecisionOutcomeFactory,
    RecommendationIndexPageFactory,
    RequestDocumentFactory,
    SecretaryFactory,
    ThemeFactory,
    add_meeting,
    build_site,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2022, 3, 3)


def at_noon(day):
    return time_machine.travel(
        datetime.datetime(day.year, day.month, day.day, 11, tzinfo=datetime.UTC), tick=False
    )


@pytest.fixture
def today():
    with at_noon(TODAY):
        yield TODAY


@pytest.fixture
def site(db):
    home, meeting_index = build_site()
    return {
        "home": home,
        "meetings": meeting_index,
        "requests": AdviceRequestIndexPageFactory(
            parent=home, intro="Wat het college de raad vroeg."
        ),
        "advice": AdviceIndexPageFactory(parent=home, slug="adviezen"),
        "tracker": RecommendationIndexPageFactory(parent=home, slug="aanbevelingen"),
    }


def received(days_ago, **fields):
    """A request received ``days_ago`` days before TODAY, with the six weeks' deadline."""
    day = TODAY - datetime.timedelta(days=days_ago)
    fields.setdefault("deadline", day + datetime.timedelta(weeks=6))
    return AdviceRequestFactory(received_on=day, letter_date=day, **fields)


def answer(advice_request, sent_on, reference=None, **fields):
    """A letter answering ``advice_request``, sent on ``sent_on``."""
    with at_noon(sent_on):
        return AdviceLetterFactory(
            request=advice_request,
            date=sent_on,
            status=LetterStatus.SENT,
            recommendations=fields.pop("recommendations", 2),
            **({"reference": reference} if reference else {}),
            **fields,
        )


def listed(response):
    return [advice_request.reference for advice_request in response.context["advice_requests"]]


def text_of(response):
    """The page's main text, tags removed and spaces folded."""
    html = response.content.decode()
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


# ---- The list ---------------------------------------------------------------------------


def test_open_requests_come_first_nearest_deadline_first(client, site, today):
    answered = received(60, reference="AV-2022-01", subject="Armoedebeleid")
    answer(answered, TODAY - datetime.timedelta(days=30))
    declined = received(50, reference="AV-2022-02", status=RequestStatus.DECLINED)
    later = received(5, reference="AV-2022-03")
    sooner = received(20, reference="AV-2022-04", status=RequestStatus.IN_PROGRESS)
    late = received(70, reference="AV-2022-05")

    response = client.get(site["requests"].url)
    assert response.status_code == 200
    assert listed(response) == [
        late.reference,
        sooner.reference,
        later.reference,
        declined.reference,
        answered.reference,
    ]
    text = text_of(response)
    assert text.index("Lopende aanvragen") < text.index("Beantwoorde en afgesloten aanvragen")


def test_each_request_says_its_deadline_and_days_left_in_words(client, site, today):
    received(2, reference="AV-2022-01", deadline=datetime.date(2022, 3, 15))
    received(2, reference="AV-2022-02", deadline=datetime.date(2022, 3, 4))
    received(2, reference="AV-2022-03", deadline=TODAY)
    received(60, reference="AV-2022-04", deadline=datetime.date(2022, 2, 1))
    on_time = received(50, reference="AV-2022-05", deadline=datetime.date(2022, 2, 10))
    answer(on_time, datetime.date(2022, 2, 10))
    too_late = received(50, reference="AV-2022-06", deadline=datetime.date(2022, 2, 10))
    answer(too_late, datetime.date(2022, 2, 11))
    received(10, reference="AV-2022-07", status=RequestStatus.DECLINED)

    text = text_of(client.get(site["requests"].url))
    assert "Advies uiterlijk 15 maart 2022 — nog 12 dagen" in text
    assert "Advies uiterlijk 4 maart 2022 — nog 1 dag" in text
    assert "Advies uiterlijk 3 maart 2022 — vandaag is de laatste dag" in text
    assert "Advies te laat De termijn liep af op 1 februari 2022." in text
    assert "Advies uitgebracht op 10 februari 2022, op tijd (uiterlijk 10 februari 2022)." in text
    assert (
        "Advies te laat uitgebracht Uitgebracht op 11 februari 2022; "
        "de termijn liep af op 10 februari 2022." in text
    )
    assert "De raad heeft afgezien van advies." in text


def test_each_request_links_to_its_own_page_its_documents_or_its_advice(client, site, today):
    advice_request = received(2, reference="AV-2022-01", subject="Leerlingenvervoer")
    document = RequestDocumentFactory(request=advice_request, title="Ontwerpverordening")
    answered = received(60, reference="AV-2022-02", subject="Energietoeslag")
    answer(answered, TODAY - datetime.timedelta(days=20), reference="PR-2022-05")
    html = client.get(site["requests"].url).content.decode()
    assert 'href="/adviesaanvragen/AV-2022-01/">Leerlingenvervoer</a>' in html
    assert site["requests"].request_url(advice_request) == "/adviesaanvragen/AV-2022-01/"
    # Open: its documents; answered: the advice.
    assert f'href="/adviesaanvragen/AV-2022-01/documenten/{document.pk}/"' in html
    assert "Advies: <a" in html and 'href="/adviezen/PR-2022-05/">PR-2022-05 ' in html


@pytest.fixture
def filterable(site, today):
    jeugd = ThemeFactory(name="Jeugd", slug="jeugd")
    basis = ThemeFactory(name="Sterke sociale basis", slug="sterke-sociale-basis")
    requests = {
        "old": received(400, reference="AV-2021-01", themes=[jeugd]),
        "open": received(10, reference="AV-2022-01", themes=[basis]),
        "busy": received(20, reference="AV-2022-02", status=RequestStatus.IN_PROGRESS),
        "late": received(60, reference="AV-2022-03", themes=[jeugd, basis]),
        "declined": received(30, reference="AV-2022-04", status=RequestStatus.DECLINED),
    }
    answered = received(50, reference="AV-2022-05")
    answer(answered, TODAY - datetime.timedelta(days=20))
    requests["answered"] = answered
    return requests


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"jaar": "2021"}, ["old"]),
        ({"thema": "jeugd"}, ["late", "old"]),
        ({"thema": "sterke-sociale-basis", "jaar": "2022"}, ["late", "open"]),
        ({"status": "ontvangen"}, ["old", "late", "open"]),
        ({"status": "in-behandeling"}, ["busy"]),
        ({"status": "afgezien"}, ["declined"]),
        ({"status": "advies-uitgebracht"}, ["answered"]),
        ({"status": "advies-te-laat"}, ["old", "late"]),
        ({"status": "advies-te-laat", "thema": "sterke-sociale-basis"}, ["late"]),
    ],
)
def test_filters_by_year_theme_and_status(client, site, filterable, query, expected):
    response = client.get(site["requests"].url, query)
    assert sorted(listed(response)) == sorted(filterable[name].reference for name in expected)
    assert "We kennen de waarde" not in response.content.decode()


def test_the_filter_form_works_without_javascript(client, site, filterable):
    html = client.get(site["requests"].url).content.decode()
    form = re.search(r'<form class="filter-form" method="get".*?</form>', html, re.S).group(0)
    for name, label in [("jaar", "Jaar van ontvangst"), ("thema", "Thema"), ("status", "Status")]:
        assert f'name="{name}"' in form and f">{label}</label>" in form
    assert '<option value="advies-te-laat">Advies te laat' in form
    assert '<option value="2021">2021</option>' in form


@pytest.mark.parametrize(
    "query, field",
    [
        ({"status": "kwijt"}, "status"),
        ({"jaar": "1850"}, "jaar van ontvangst"),
        ({"jaar": "twee"}, "jaar van ontvangst"),
        ({"thema": "bestaat-niet"}, "thema"),
        ({"status": "x" * 500}, "status"),
        ({"status": "ontvangen\x00"}, "status"),
    ],
)
def test_unknown_filter_values_get_a_dutch_notice_never_an_error(
    client, site, filterable, query, field
):
    response = client.get(site["requests"].url, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "We kennen de waarde" in html and f"voor {field} niet" in html
    assert len(listed(response)) == len(filterable)  # the filter is left out


def test_a_bad_filter_leaves_the_good_one_working(client, site, filterable):
    response = client.get(site["requests"].url, {"status": "onzin", "thema": "jeugd"})
    assert sorted(listed(response)) == ["AV-2021-01", "AV-2022-03"]


def test_pagination_keeps_the_filters(client, site, today):
    theme = ThemeFactory(slug="jeugd")
    for number in range(1, 25):
        received(number, reference=f"AV-2022-{number:02d}", themes=[theme])
    response = client.get(site["requests"].url, {"thema": "jeugd"})
    assert len(listed(response)) == 20
    html = response.content.decode()
    assert 'href="?thema=jeugd&amp;pagina=2"' in html
    second = client.get(site["requests"].url, {"thema": "jeugd", "pagina": "2"})
    assert len(listed(second)) == 4
    gone = client.get(site["requests"].url, {"pagina": "99"})
    assert gone.status_code == 200 and "Die pagina bestaat niet" in gone.content.decode()


def test_advice_late_means_the_same_in_sql_and_in_python(site, today):
    """``advice_late_q`` (the filter) and ``advice_timing`` (the words) agree."""
    for days in (0, 41, 42, 43, 90):
        received(days)
        received(days, status=RequestStatus.IN_PROGRESS)
        received(days, status=RequestStatus.DECLINED)
        answer(received(days + 50), TODAY - datetime.timedelta(days=days))
    received(3, deadline=None)
    rows = list(with_answered_on(AdviceRequest.objects.all()))
    late_in_sql = set(
        AdviceRequest.objects.filter(advice_late_q(TODAY)).values_list("pk", flat=True)
    )
    late_in_python = {
        row.pk
        for row in rows
        if advice_timing(row.status, row.deadline, row.answered_on, TODAY) == AdviceTiming.LATE_OPEN
    }
    assert late_in_sql == late_in_python and len(late_in_sql) == 4


# ---- One request ------------------------------------------------------------------------


@pytest.fixture
def full_request(site, today):
    theme = ThemeFactory(name="Armoede", slug="armoede")
    meeting = add_meeting(site["meetings"], "Werksessie armoedebeleid", datetime.date(2022, 1, 20))
    advice_request = AdviceRequestFactory(
        reference="AV-2022-01",
        subject="Ontwerp-armoedebeleid 2022-2026",
        questions="Wat vindt de raad van het ontwerp?\nMist de raad iets?",
        requester_kind="wethouder",
        requester_name="Wethouder Armoede en Schulden",
        contact_name="Petra Beleidsma",
        contact_email="p.beleidsma@gemeente.example.nl",
        letter_date=datetime.date(2022, 1, 11),
        received_on=datetime.date(2022, 1, 13),
        municipal_reference="Z/22/123456",
        deadline=datetime.date(2022, 2, 24),
        status=RequestStatus.IN_PROGRESS,
        themes=[theme],
    )
    advice_request.meetings.set([meeting])
    advice_request.save()
    document = RequestDocumentFactory(
        request=advice_request, title="Brief met de adviesaanvraag", sort_order=1
    )
    draft = RequestDocumentFactory(
        request=advice_request, kind="ontwerp", title="Ontwerp armoedebeleid", sort_order=2
    )
    ExtendDeadline(
        advice_request,
        datetime.date(2022, 3, 10),
        "De werksessie was pas op 20 januari.",
        SecretaryFactory(),
    ).execute()
    advice_request.refresh_from_db()
    return {
        "request": advice_request,
        "url": site["requests"].request_url(advice_request),
        "documents": [document, draft],
        "meeting": meeting,
    }


def test_the_request_page_says_who_asked_what_and_by_when(client, site, full_request):
    response = client.get(full_request["url"])
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert re.search(r"<h1[^>]*>Ontwerp-armoedebeleid 2022-2026</h1>", html)
    assert "Adviesaanvraag AV-2022-01" in text
    assert "Gevraagd door Een wethouder: Wethouder Armoede en Schulden" in text
    assert "Brief van 11 januari 2022" in text
    assert "Ontvangen op 13 januari 2022" in text
    assert "Kenmerk van de gemeente Z/22/123456" in text
    assert "Wat vindt de raad van het ontwerp?<br>Mist de raad iets?" in html
    assert "Status In behandeling" in text
    assert "Advies uiterlijk 10 maart 2022 — nog 7 dagen" in text
    assert (
        "Verlengd tot 10 maart 2022 (eerst 24 februari 2022): De werksessie was pas op 20 januari."
        in text
    )
    assert "Volgens de vaste adviestermijn" in text
    assert 'href="/adviesaanvragen/?thema=armoede"' in html
    assert f'href="{full_request["meeting"].url}">Werksessie armoedebeleid</a>' in html


def test_the_contact_person_is_never_shown(client, site, full_request):
    html = client.get(full_request["url"]).content.decode()
    assert "p.beleidsma@gemeente.example.nl" not in html
    assert "Beleidsma" not in html
    listing = client.get(site["requests"].url).content.decode()
    assert "beleidsma" not in listing.lower()


def test_the_request_page_has_breadcrumbs(client, site, full_request):
    html = client.get(full_request["url"]).content.decode()
    crumbs = re.search(r'<nav class="utrecht-breadcrumb-nav.*?</nav>', html, re.S).group(0)
    assert 'href="/adviesaanvragen/">Adviesaanvragen</a>' in crumbs
    assert '<span aria-current="page">AV-2022-01 Ontwerp-armoedebeleid 2022-2026</span>' in crumbs


def test_documents_download_as_the_stored_pdf(client, site, full_request):
    document = full_request["documents"][0]
    url = site["requests"].document_url(full_request["request"], document)
    assert url == f"/adviesaanvragen/AV-2022-01/documenten/{document.pk}/"
    assert f'href="{url}"' in client.get(full_request["url"]).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="AV-2022-01-brief-met-de-adviesaanvraag.pdf"'
    )
    document.file.open("rb")
    assert b"".join(response.streaming_content) == document.file.read()
    document.file.close()


def test_a_document_of_another_request_or_none_is_404(client, site, full_request):
    other = RequestDocumentFactory(request=received(3, reference="AV-2022-09"))
    base = full_request["url"]
    assert client.get(f"{base}documenten/{other.pk}/").status_code == 404
    assert client.get(f"{base}documenten/999999/").status_code == 404
    assert client.get(f"{base}documenten/een/").status_code == 404


def test_an_unknown_request_is_the_sites_404(client, site, full_request):
    response = client.get("/adviesaanvragen/AV-1999-01/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
    assert client.get("/adviesaanvragen/AV-2022-01/iets/").status_code == 404


def test_a_reference_in_another_case_moves_permanently_to_the_stored_one(
    client, site, full_request
):
    response = client.get("/adviesaanvragen/av-2022-01/")
    assert response.status_code == 301
    assert response["Location"] == "/adviesaanvragen/AV-2022-01/"
    document = full_request["documents"][1]
    moved = client.get(f"/adviesaanvragen/Av-2022-01/documenten/{document.pk}/?x=1")
    assert moved.status_code == 301
    assert moved["Location"] == f"/adviesaanvragen/AV-2022-01/documenten/{document.pk}/?x=1"


def test_a_declined_request_shows_the_public_reason(client, site, today):
    declined = received(
        10, reference="AV-2022-02", status=RequestStatus.DECLINED
    )  # reason from move_request
    text = text_of(client.get(site["requests"].request_url(declined)))
    assert "Status Afgezien van advies Reden: De raad heeft hier geen rol in." in text
    assert "De raad heeft afgezien van advies." in text


def test_the_chain_from_request_to_decision(client, site, full_request):
    advice_request = full_request["request"]
    text = text_of(client.get(full_request["url"]))
    assert "Nog geen advies verstuurd." in text

    letter = answer(advice_request, datetime.date(2022, 3, 1), reference="PR-2022-03")
    with at_noon(datetime.date(2022, 3, 2)):
        CollegeResponseFactory(letter=letter, received_on=datetime.date(2022, 3, 2))
        decision = DecisionFactory(
            letter=letter,
            decided_on=datetime.date(2022, 3, 2),
            title="Vaststelling armoedebeleid",
            summary="Het college stelt het beleid vast.",
        )
    DecisionOutcomeFactory(decision=decision, follows=FollowsAdvice.YES)
    DecisionOutcomeFactory(
        decision=decision,
        recommendation=letter.recommendations.order_by("number").last(),
        follows=FollowsAdvice.NO,
        reasons="Geen geld.",
    )

    response = client.get(full_request["url"])
    html, text = response.content.decode(), text_of(response)
    assert "Status Advies uitgebracht" in text
    assert "Advies uitgebracht op 1 maart 2022, op tijd (uiterlijk 10 maart 2022)." in text
    assert 'href="/adviezen/PR-2022-03/">PR-2022-03' in html
    assert "Verzonden op 1 maart 2022. Status: Beantwoord." in text
    assert "Ontvangen op 2 maart 2022, op tijd." in text
    assert (
        'href="https://gemeente.example.nl/besluiten/beleidsplan">Vaststelling armoedebeleid'
        in html
    )
    assert "Besloten op 2 maart 2022 door: College van B&amp;W." in html
    assert "Volgt het advies: 1 aanbeveling; Volgt het advies niet: 1 aanbeveling." in text
    assert 'href="/aanbevelingen/?advies=PR-2022-03"' in html


def test_a_late_reply_and_a_late_advice_say_so(client, site, today):
    advice_request = received(120, reference="AV-2022-01")
    letter = answer(advice_request, TODAY - datetime.timedelta(days=60))
    text = text_of(client.get(site["requests"].request_url(advice_request)))
    assert "Advies te laat uitgebracht" in text
    assert "Reactie te laat Verwacht uiterlijk 13 februari 2022." in text
    CollegeResponseFactory(letter=letter, received_on=TODAY)
    assert "Ontvangen op 3 maart 2022, te laat ." in text_of(
        client.get(site["requests"].request_url(advice_request))
    )


# ---- The letter page names its request ---------------------------------------------------


def test_a_requested_letter_links_to_its_request(client, site, full_request):
    letter = answer(full_request["request"], datetime.date(2022, 3, 1), reference="PR-2022-03")
    response = client.get(site["advice"].letter_url(letter))
    html = response.content.decode()
    assert (
        "Gevraagd advies — antwoord op adviesaanvraag "
        '<a class="utrecht-link" href="/adviesaanvragen/AV-2022-01/">AV-2022-01</a> '
        "(brief van 11 januari 2022)" in html
    )


def test_an_unrequested_letter_says_so(client, site, today):
    letter = AdviceLetterFactory(reference="PR-2022-04", status=LetterStatus.SENT)
    text = text_of(client.get(site["advice"].letter_url(letter)))
    assert "Soort advies Ongevraagd advies" in text
    assert "adviesaanvraag" not in text


# ---- Queries do not grow with the data ---------------------------------------------------


def count_queries(client, url):
    client.get(url)  # the first visit creates the settings rows; measure a normal visit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def fill(start, stop, themes):
    """Requests ``start`` to ``stop``: open, late and declined ones, with themes."""
    statuses = [RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS, RequestStatus.DECLINED]
    made = []
    for number in range(start, stop):
        made.append(
            AdviceRequest(
                reference=f"AV-{2000 + number // 90}-{number % 90 + 1:02d}",
                subject=f"Aanvraag {number}",
                questions="Wat vindt de raad?",
                received_on=TODAY - datetime.timedelta(days=number % 400),
                # Some late, some still running: every filter below finds some at either size.
                deadline=TODAY + datetime.timedelta(days=(number * 13) % 60 - 20),
                status=statuses[number % 3],
            )
        )
    # Straight into the table: 500 requests through the actions would take minutes.
    created = AdviceRequest.objects.bulk_create(made)
    through = AdviceRequest.themes.through
    through.objects.bulk_create(
        through(advicerequest_id=row.pk, theme_id=themes[number % len(themes)].pk)
        for number, row in enumerate(created, start=start)
    )
    return created


def test_list_queries_are_the_same_for_5_and_500_requests(client, site, today):
    themes = [ThemeFactory() for _ in range(3)]
    fill(0, 4, themes)
    RequestDocumentFactory(request=received(3, reference="AV-2022-94"))
    answer(received(60, reference="AV-2022-95"), TODAY - datetime.timedelta(days=5))
    urls = [
        site["requests"].url,
        f"{site['requests'].url}?status=advies-te-laat&thema={themes[1].slug}",
        f"{site['requests'].url}?pagina=2",
    ]
    for url in urls:
        assert client.get(url).context["advice_requests"], url  # something is listed
    few = {url: count_queries(client, url) for url in urls}
    fill(4, 497, themes)
    for number in range(3):
        advice_request = received(2, reference=f"AV-2022-8{number}")
        RequestDocumentFactory(request=advice_request)
        RequestDocumentFactory(request=advice_request, title="Ontwerp")
        answer(received(60, reference=f"AV-2022-9{number}"), TODAY - datetime.timedelta(days=5))
    assert AdviceRequest.objects.count() == 505
    assert len(client.get(site["requests"].url).context["advice_requests"]) == 20
    for url in urls:
        assert client.get(url).context["advice_requests"], url  # something is listed
        assert count_queries(client, url) <= few[url], url


def test_request_page_queries_do_not_grow_with_letters_and_documents(client, site, today):
    small = received(60, reference="AV-2022-01")
    RequestDocumentFactory(request=small)
    letter = answer(small, TODAY - datetime.timedelta(days=9))
    DecisionOutcomeFactory(decision=DecisionFactory(letter=letter))
    one = count_queries(client, site["requests"].request_url(small))

    big = received(60, reference="AV-2022-02")
    for number in range(5):
        RequestDocumentFactory(request=big, title=f"Bijlage {number}")
    for number in range(3):
        letter = answer(big, TODAY - datetime.timedelta(days=9 - number), recommendations=3)
        CollegeResponseFactory(letter=letter, received_on=TODAY)
        for _ in range(2):
            decision = DecisionFactory(letter=letter)
            for recommendation in letter.recommendations.all():
                DecisionOutcomeFactory(decision=decision, recommendation=recommendation)
    assert count_queries(client, site["requests"].request_url(big)) <= one
