import datetime

from tests.factories import ThemeFactory, add_meeting


def test_meeting_pages_render(client, site_tree):
    home, index = site_tree
    theme = ThemeFactory(name="Jeugd", slug="jeugd")
    meeting = add_meeting(
        index,
        "Samenspel",
        date=datetime.date(2019, 4, 23),
        themes=[theme],
        participant_count=80,
        participant_count_qualifier="ruim",
        body=[("quotes", {"heading": "Uitspraken van deelnemers", "quotes": ["Eén", "Twee"]})],
    )
    for url in ["/", index.url, meeting.url, "/zoeken/?q=samenspel"]:
        response = client.get(url)
        assert response.status_code == 200, url
    response = client.get(meeting.url)
    html = response.content.decode()
    assert "23 april 2019" in html
    assert "ruim 80" in html
