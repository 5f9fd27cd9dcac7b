"""The timeline of a recommendation, built from the history tables."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from advices.actions import transition
from advices.actions.college import redate_commitment
from advices.models import (
    Commitment,
    CouncilAssessment,
    FollowUpState,
    LetterStatus,
    Verdict,
)
from advices.queries.timeline import Kind, recommendation_timeline
from tests.advices.story import at, follow_up, record, reply, send_letter, set_verdict
from tests.factories import ThemeFactory, make_letter


def full_story(people):
    """One recommendation from sending to afgerond, with every kind of event."""
    clerk, member = people["clerk"], people["member"]
    letter = send_letter(people)
    recommendation = letter.recommendations.get()
    response = reply(letter, clerk)
    set_verdict(response, recommendation, Verdict.UNDER_INVESTIGATION, clerk, (2022, 7, 16, 9))
    set_verdict(response, recommendation, Verdict.PARTLY_ADOPTED, clerk, (2022, 8, 1, 9))
    commitment = record(
        Commitment(
            recommendation=recommendation,
            description="Inventarisatie van de buurthuizen",
            responsible="Team sociaal domein",
            due_date=datetime.date(2023, 3, 31),
            due_precision="kwartaal",
        ),
        clerk,
        (2022, 8, 2, 9),
    )
    follow_up(recommendation, FollowUpState.IN_PROGRESS, datetime.date(2022, 9, 1), clerk)
    with at(2023, 1, 10, 9):
        redate_commitment(
            commitment, datetime.date(2023, 9, 30), "kwartaal", "Minder personeel", clerk
        )
    follow_up(
        recommendation,
        FollowUpState.PLANNED,
        datetime.date(2023, 2, 1),
        clerk,
        commitment=commitment,
    )
    record(
        CouncilAssessment(
            recommendation=recommendation, assessment="deels-tevreden", note="Traag."
        ),
        member,
        (2023, 3, 1, 9),
    )
    # Done on 30 September, recorded the next day: the letter is afgerond on 1 October.
    follow_up(
        recommendation,
        FollowUpState.DONE,
        datetime.date(2023, 9, 30),
        clerk,
        recorded=(2023, 10, 1, 9),
        note="Alle buurthuizen zijn bezocht.",
    )
    return letter, recommendation, commitment


def test_timeline_tells_the_story_oldest_first(people):
    letter, recommendation, _commitment = full_story(people)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.CLOSED

    events = recommendation_timeline(recommendation, letter)

    assert [(event.kind, event.date) for event in events] == [
        # Sent at 22:30 UTC on 17 June: 18 June in Amsterdam.
        (Kind.LETTER_SENT, datetime.date(2022, 6, 18)),
        (Kind.LETTER_ANSWERED, datetime.date(2022, 7, 15)),
        (Kind.VERDICT_GIVEN, datetime.date(2022, 7, 16)),
        (Kind.VERDICT_CHANGED, datetime.date(2022, 8, 1)),
        (Kind.COMMITMENT_MADE, datetime.date(2022, 8, 2)),
        (Kind.FOLLOW_UP, datetime.date(2022, 9, 1)),
        (Kind.COMMITMENT_REDATED, datetime.date(2023, 1, 10)),
        (Kind.FOLLOW_UP, datetime.date(2023, 2, 1)),
        (Kind.ASSESSMENT_GIVEN, datetime.date(2023, 3, 1)),
        (Kind.FOLLOW_UP, datetime.date(2023, 9, 30)),  # its own date, not the day recorded
        (Kind.LETTER_CLOSED, datetime.date(2023, 10, 1)),
    ]
    texts = [event.text for event in events]
    assert texts[0] == "De Participatieraad heeft het advies naar het college gestuurd."
    assert texts[1] == "Het college heeft op het advies gereageerd."
    assert texts[2] == "Het college geeft als standpunt: Wordt onderzocht."
    assert texts[3] == (
        "Het college heeft zijn standpunt veranderd: eerst Wordt onderzocht, nu Deels overgenomen."
    )
    assert texts[4] == "Het college doet een toezegging. Uiterlijk klaar: eerste kwartaal 2023."
    assert events[4].detail == "Inventarisatie van de buurthuizen"
    assert texts[5] == "Voortgang: In uitvoering."
    assert texts[6] == (
        "De toezegging ‘Inventarisatie van de buurthuizen’ krijgt een nieuwe datum: "
        "derde kwartaal 2023 (was eerste kwartaal 2023)."
    )
    assert events[6].detail == "Reden: Minder personeel"
    assert texts[7] == "Voortgang bij de toezegging ‘Inventarisatie van de buurthuizen’: Gepland."
    assert texts[8] == "De Participatieraad geeft zijn oordeel over het antwoord: Deels tevreden."
    assert texts[9] == "Voortgang: Uitgevoerd."
    assert events[9].detail == "Alle buurthuizen zijn bezocht."
    assert texts[10] == (
        "Het advies is afgerond: van alle aanbevelingen is bekend of ze zijn uitgevoerd."
    )
    assert [event.actor for event in events] == [
        "Participatieraad",
        "College van B&W",
        "College van B&W",
        "College van B&W",
        "College van B&W",
        "Gemeente",
        "College van B&W",
        "Gemeente",
        "Participatieraad",
        "Gemeente",
        "Gemeente",
    ]


def test_timeline_leaves_out_drafting_and_unchanged_saves(people):
    letter = send_letter(people)
    recommendation = letter.recommendations.get()
    response = reply(letter, people["clerk"])
    set_verdict(response, recommendation, Verdict.ADOPTED, people["clerk"], (2022, 7, 16, 9))
    # The answer's wording improves, the verdict stays: no new event.
    set_verdict(
        response, recommendation, Verdict.ADOPTED, people["clerk"], (2022, 7, 17, 9), "Beter."
    )
    kinds = [event.kind for event in recommendation_timeline(recommendation, letter)]
    assert kinds == [Kind.LETTER_SENT, Kind.LETTER_ANSWERED, Kind.VERDICT_GIVEN]


def timeline_html(html):
    match = re.search(r'<ol class="timeline__events[^"]*">(.*?)</ol>', html, re.S)
    assert match, "no timeline on the page"
    return match.group(1)


def test_recommendation_page_shows_the_timeline_without_names(client, index, people):
    letter, recommendation, _commitment = full_story(people)
    response = client.get(index.recommendation_url(letter, recommendation.number))
    assert response.status_code == 200
    html = response.content.decode()
    timeline = timeline_html(html)
    items = re.findall(r"<li[ >].*?</li>", timeline, re.S)
    assert len(items) == 11
    assert '<time datetime="2022-06-18">18 juni 2022</time>' in items[0]
    assert "Het college geeft als standpunt: Wordt onderzocht." in items[2]
    assert "Reden: Minder personeel" in items[6]
    assert '<time datetime="2023-09-30">30 september 2023</time>' in items[9]
    for user in people.values():
        for name in filter(None, (user.first_name, user.last_name, user.username, user.email)):
            assert name not in html
    for draft_step in ("Concept", "Ter vaststelling", "Vastgesteld"):
        assert draft_step not in timeline


def test_recommendation_page_lists_the_live_meetings_it_came_from(client, index, people, site_tree):
    from tests.factories import add_meeting

    _home, meetings = site_tree
    live = add_meeting(meetings, "Ontmoet en groet", datetime.date(2022, 5, 9))
    hidden = add_meeting(meetings, "Nog niet gepubliceerd", datetime.date(2022, 5, 10))
    hidden.unpublish()
    letter = make_letter(recommendations=1, reference="PR-2022-08")
    letter.meetings.set([live, hidden])
    letter.save()
    for action in ("propose", "adopt", "send"):
        transition(letter, action, people["secretary"])
    html = client.get(index.recommendation_url(letter, 1)).content.decode()
    assert "Gebaseerd op" in html
    assert "Ontmoet en groet" in html
    assert live.url in html
    assert "Nog niet gepubliceerd" not in html


def test_recommendation_page_queries_do_not_grow_with_the_history(client, index, people):
    def measure(letter):
        url = index.recommendation_url(letter, 1)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), len(timeline_html(response.content.decode()).split("<li")) - 1

    def with_follow_ups(reference, count, theme):
        letter = send_letter(people, reference=reference, themes=[theme])
        recommendation = letter.recommendations.get()
        response = reply(letter, people["clerk"])
        set_verdict(response, recommendation, Verdict.ADOPTED, people["clerk"], (2022, 7, 16, 9))
        commitment = record(
            Commitment(
                recommendation=recommendation,
                description="Een toezegging",
                responsible="Team",
                due_date=datetime.date(2023, 1, 1),
            ),
            people["clerk"],
            (2022, 7, 17, 9),
        )
        for day in range(count):
            follow_up(
                recommendation,
                FollowUpState.IN_PROGRESS,
                datetime.date(2022, 8, 1) + datetime.timedelta(days=day),
                people["clerk"],
                commitment=commitment if day % 2 else None,
            )
        return letter

    theme = ThemeFactory(name="Jeugd", slug="jeugd")
    small_queries, small_events = measure(with_follow_ups("PR-2022-01", 5, theme))
    big_queries, big_events = measure(with_follow_ups("PR-2022-02", 50, theme))
    assert (small_events, big_events) == (5 + 4, 50 + 4)
    assert big_queries == small_queries
