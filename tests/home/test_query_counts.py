"""List and detail pages keep a constant number of SQL queries as data grows."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import MeetingParticipantGroup
from tests.factories import ThemeFactory, add_meeting


def fill(index, count, themes):
    start = datetime.date(2015, 1, 1)
    for number in range(count):
        meeting = add_meeting(
            index,
            f"Bijeenkomst {number}",
            start + datetime.timedelta(days=7 * number),
            participant_count=20 + number,
        )
        meeting.themes.set(themes[number % 3 : number % 3 + 2])
        MeetingParticipantGroup.objects.create(page=meeting, name="Inwoners")


def count_queries(client, url):
    client.get(url)  # the first visit creates the council settings row; measure a normal visit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_meeting_index_queries_do_not_grow_with_meetings(client, site_tree):
    home, index = site_tree
    themes = [ThemeFactory() for _ in range(5)]
    fill(index, 5, themes)
    urls = [index.url, f"{index.url}?thema={themes[1].slug}", f"{index.url}?jaar=2015"]
    few = {url: count_queries(client, url) for url in urls}

    fill(index, 195, themes)
    assert index.get_children().count() == 200
    for url in urls:
        assert count_queries(client, url) <= few[url], url


def test_home_and_meeting_page_queries_do_not_grow(client, site_tree):
    home, index = site_tree
    themes = [ThemeFactory() for _ in range(12)]
    small = add_meeting(index, "Klein", themes=themes[:1])
    MeetingParticipantGroup.objects.create(page=small, name="Inwoners")
    big = add_meeting(index, "Groot", themes=themes)
    for number in range(30):
        MeetingParticipantGroup.objects.create(page=big, name=f"Groep {number}")

    assert count_queries(client, big.url) <= count_queries(client, small.url)
    before = count_queries(client, home.url)
    fill(index, 50, themes)
    assert count_queries(client, home.url) <= before
