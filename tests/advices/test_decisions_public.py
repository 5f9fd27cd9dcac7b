"""The decision after the advice in public: the recommendation page's status area and
timeline, the letter page's "Besluit na het advies", the decision's PDF below the letter;
and the pages' queries do not grow with the number of decisions."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from advices.actions.decisions import RecordDecision
from advices.lifecycle.decisions import DecisionBody, FollowsAdvice
from advices.models import Decision, DecisionOutcome, LetterStatus
from advices.queries.timeline import Kind, recommendation_timeline
from tests.advices.response_helpers import pdf_upload
from tests.factories import AdviceLetterFactory, AdviceRequestFactory


def requested_letter(reference="PR-2022-07", recommendations=3):
    return AdviceLetterFactory(
        recommendations=recommendations,
        status=LetterStatus.SENT,
        reference=reference,
        request=AdviceRequestFactory(),
    )


def decide(
    letter,
    clerk,
    follows,
    title="Vaststelling beleidsplan",
    body=DecisionBody.COLLEGE,
    url="https://gemeente.example.nl/besluiten/1",
    file=None,
    reasons=None,
):
    """Record a decision through the action, as the admin does: ``follows`` maps a
    recommendation's number to its outcome."""
    reasons = reasons or {}
    recommendations = {r.number: r for r in letter.recommendations.all()}
    outcomes = [
        DecisionOutcome(
            recommendation=recommendations[number],
            follows=value,
            reasons=reasons.get(number, ""),
        )
        for number, value in follows.items()
    ]
    decision = Decision(letter=letter, title=title, body=body, url=url, file=file)
    return RecordDecision(decision, outcomes, clerk).execute()


def recommendation_page(client, index, letter, number=1):
    response = client.get(index.recommendation_url(letter, number))
    assert response.status_code == 200
    return response.content.decode()


def timeline_html(html):
    return html.split('id="timeline-heading"')[1].split("</section>")[0]


def status_html(html):
    return html.split('id="progress-heading"')[1].split("</section>")[0]


def test_the_timeline_tells_the_decision_with_its_outcome_reasons_and_link(client, index, clerk):
    letter = requested_letter()
    decide(
        letter,
        clerk,
        {1: FollowsAdvice.PARTLY},
        title="Vaststelling armoedebeleid",
        reasons={1: "Het budget laat alleen een proef toe."},
    )
    timeline = timeline_html(recommendation_page(client, index, letter))
    item = [li for li in re.findall(r"<li[ >].*?</li>", timeline, re.S) if "Besluit" in li]
    assert len(item) == 1
    text = " ".join(item[0].split())
    assert "College van B&amp;W" in text
    assert (
        "Besluit van het college: Vaststelling armoedebeleid. Het besluit volgt het advies deels."
        in text
    )
    assert "Redenen: Het budget laat alleen een proef toe." in text
    assert 'href="https://gemeente.example.nl/besluiten/1"' in text


def test_a_decision_of_the_gemeenteraad_says_so(client, index, clerk):
    letter = requested_letter()
    decide(letter, clerk, {1: FollowsAdvice.YES}, body=DecisionBody.COUNCIL, title="Verordening")
    html = recommendation_page(client, index, letter)
    assert "Besluit van de gemeenteraad: Verordening. Het besluit volgt het advies." in html
    assert "besluit van Gemeenteraad, " in status_html(html)


def test_the_timeline_event_comes_from_the_query_in_order(clerk):
    letter = requested_letter()
    decide(letter, clerk, {1: FollowsAdvice.NO}, reasons={1: "Niet haalbaar."})
    recommendation = letter.recommendations.get(number=1)
    events = recommendation_timeline(recommendation, letter)
    assert [event.kind for event in events][-1] == Kind.DECISION
    assert events[-1].extra["follows"] == FollowsAdvice.NO
    assert events[0].kind == Kind.LETTER_SENT


def test_the_status_area_shows_the_outcome_beside_the_verdict(client, index, clerk):
    letter = requested_letter()
    decide(letter, clerk, {1: FollowsAdvice.NO}, reasons={1: "Te duur voor dit jaar."})
    status = status_html(recommendation_page(client, index, letter))
    assert "Besluit na het advies" in status
    assert "Volgt het advies niet" in status
    assert "Te duur voor dit jaar." in status
    assert "Vaststelling beleidsplan" in status
    # The second recommendation: the decision is not about it.
    assert "Besluit na het advies" not in status_html(recommendation_page(client, index, letter, 2))


def test_the_letter_page_lists_the_decisions_after_the_reply(client, index, clerk):
    letter = requested_letter()
    decide(
        letter,
        clerk,
        {1: FollowsAdvice.YES, 2: FollowsAdvice.YES, 3: FollowsAdvice.PARTLY},
        reasons={3: "Eerst een proef."},
    )
    html = client.get(index.letter_url(letter)).content.decode()
    facts = html.split('id="facts-heading"')[1].split("</section>")[0]
    assert facts.index("Reactie van het college") < facts.index("Besluit na het advies")
    text = " ".join(facts.split())
    assert "Het besluit volgt het advies bij 2 aanbevelingen, deels bij 1." in text
    assert 'href="https://gemeente.example.nl/besluiten/1"' in text


def test_a_decision_as_pdf_is_served_below_its_letter(client, index, clerk):
    letter = requested_letter()
    decision = decide(letter, clerk, {1: FollowsAdvice.YES}, url="", file=pdf_upload("b.pdf"))
    pdf_url = index.decision_pdf_url(letter, decision)
    assert pdf_url == f"{index.url}{letter.reference}/besluiten/{decision.pk}/"
    assert f'href="{pdf_url}"' in client.get(index.letter_url(letter)).content.decode()
    assert f'href="{pdf_url}"' in recommendation_page(client, index, letter)
    response = client.get(pdf_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    # Not below another letter, and not a decision without a PDF.
    other = requested_letter(reference="PR-2022-08")
    assert client.get(f"{index.url}{other.reference}/besluiten/{decision.pk}/").status_code == 404
    linked = decide(other, clerk, {1: FollowsAdvice.YES})
    assert client.get(index.decision_pdf_url(other, linked)).status_code == 404


def test_no_decision_pdf_below_a_draft(client, index, clerk):
    draft = AdviceLetterFactory(reference="PR-2099-01")
    assert client.get(f"{index.url}{draft.reference}/besluiten/1/").status_code == 404


# -- queries ----------------------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_pages_cost_the_same_queries_with_no_or_many_decisions(client, index, clerk):
    none = requested_letter(reference="PR-2022-01", recommendations=3)
    many = requested_letter(reference="PR-2022-02", recommendations=12)
    for number in range(5):
        decide(
            many,
            clerk,
            {n: FollowsAdvice.NO for n in range(1, 13)},
            title=f"Besluit {number}",
            file=pdf_upload(f"b{number}.pdf") if number % 2 else None,
            reasons={n: f"Reden {n}" for n in range(1, 13)},
            body=DecisionBody.COUNCIL if number % 2 else DecisionBody.COLLEGE,
        )
    assert count_queries(client, index.letter_url(many)) <= count_queries(
        client, index.letter_url(none)
    )
    assert count_queries(client, index.recommendation_url(many, 1)) <= count_queries(
        client, index.recommendation_url(none, 1)
    )
    html = recommendation_page(client, index, many)
    assert html.count("Redenen: Reden 1") == 5
