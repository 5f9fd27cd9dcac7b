"""Fill the parallel-test server's own database with what the tests race on.

Run in a subprocess, with DATABASE_URL pointing at that database (already migrated):

    python -m tests.parallel.seed OUTPUT.json

It builds the rows with the suite's factories (``tests/factories.py``), which make them the way
the site does: letters move through the lifecycle's transitions, and the college's reply,
verdicts, commitment and progress are recorded through the actions, with history. The primary
keys and user names the tests need go to OUTPUT.json.
"""

import json
import os
import sys

PASSWORD = "wachtwoord-123"  # the password tests.factories gives every user
ROUNDS = 10  # rounds per parallel test; the reply test needs one fresh sent letter per round
PUBLISH_ROUNDS = 5  # each round renders an annual report's PDF (1-3 s)


def seed():
    from advices.models import LetterStatus, Verdict
    from tests.factories import (
        AdviceLetterFactory,
        CollegeResponseFactory,
        CommitmentFactory,
        CouncilMemberFactory,
        FollowUpFactory,
        MunicipalityUserFactory,
        RecommendationAnswerFactory,
        SecretaryFactory,
    )

    members = [
        CouncilMemberFactory(username="anna", first_name="Anna", last_name="Aalbers"),
        CouncilMemberFactory(username="bram", first_name="Bram", last_name="Bakker"),
    ]
    secretary = SecretaryFactory(username="sanne", first_name="Sanne", last_name="Smit")
    clerks = [
        MunicipalityUserFactory(username="gerda", first_name="Gerda", last_name="Gemeentema"),
        MunicipalityUserFactory(username="henk", first_name="Henk", last_name="Hoekstra"),
    ]

    def sent_letter(recommendations=1):
        return AdviceLetterFactory(
            recommendations=recommendations, status=LetterStatus.SENT, actor=secretary
        )

    # A concept letter for the letter's edit form.
    draft = AdviceLetterFactory(recommendations=3, subject="Concept om parallel te bewerken")

    # A sent letter with the college's reply, a verdict on each recommendation, a commitment
    # and a progress update: for the verdicts page and the commitment and progress forms.
    answered = sent_letter(recommendations=2)
    response = CollegeResponseFactory(letter=answered, recorded_by=clerks[0])
    first, second = answered.recommendations.order_by("number")
    for recommendation, verdict in [
        (first, Verdict.UNDER_INVESTIGATION),
        (second, Verdict.ADOPTED),
    ]:
        RecommendationAnswerFactory(
            recommendation=recommendation,
            response=response,
            verdict=verdict,
            answer=f"Eerste antwoord op aanbeveling {recommendation.number}.",
            recorded_by=clerks[0],
        )
    commitment = CommitmentFactory(
        recommendation=first, description="Eerste toezegging.", recorded_by=clerks[0]
    )
    # On the commitment: the verdicts race turns the first verdict into "niet overgenomen",
    # and work on the recommendation itself would then need the clerk's confirmation.
    update = FollowUpFactory(
        recommendation=first,
        commitment=commitment,
        note="Eerste voortgangsbericht.",
        recorded_by=clerks[0],
    )

    # Sent letters still waiting for the college's reply: one for the single-save check of
    # the reply form, one for its sequential check, and one per parallel round.
    unanswered = [sent_letter().pk for _ in range(ROUNDS + 2)]

    # Adopted letters, one per round of two parallel confirmations of sending.
    adopted = [
        AdviceLetterFactory(recommendations=1, status=LetterStatus.ADOPTED, actor=secretary).pk
        for _ in range(ROUNDS)
    ]

    return {
        **seed_requests(secretary),
        **seed_annual(secretary),
        "password": PASSWORD,
        "members": [member.username for member in members],
        "secretary": secretary.username,
        "clerks": [clerk.username for clerk in clerks],
        "draft": draft.pk,
        "answered": answered.pk,
        "response": response.pk,
        "commitment": commitment.pk,
        "follow_up": update.pk,
        "unanswered": unanswered,
        "adopted": adopted,
    }


def seed_requests(secretary):
    """Issue 13 (admin): a second secretary, and fresh requests for advice (ontvangen) per
    round of the two races on one request's status page."""
    from tests.factories import AdviceRequestFactory, SecretaryFactory

    second = SecretaryFactory(username="sem", first_name="Sem", last_name="Secretaris")

    def fresh(number):
        return AdviceRequestFactory(reference=f"AV-2021-{number:02d}", actor=secretary).pk

    return {
        "secretaries": [secretary.username, second.username],
        "requests_to_handle": [fresh(number) for number in range(1, ROUNDS + 1)],
        "requests_to_extend": [fresh(number) for number in range(ROUNDS + 1, 2 * ROUNDS + 1)],
    }


def seed_annual(secretary):
    """Annual reports (concepts of past years): one whose foreword two secretaries save at
    once, round after round, and one per round of two publications at the same moment."""
    from tests.factories import AnnualReportFactory

    def concept(year):
        return AnnualReportFactory(year=year, foreword="<p>Eerste voorwoord.</p>", actor=secretary)

    return {
        "annual_concept": concept(2019).pk,
        "annual_to_publish": [concept(2000 + number).pk for number in range(1, PUBLISH_ROUNDS + 1)],
    }


def main(output):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consult.settings.test")
    import django

    django.setup()
    # Sending renders each letter's PDF (0.3-1 s a letter); the seed sends thirteen letters
    # only for their status and no test here reads a PDF, so it uses the suite's stand-in.
    from advices.pdf import render
    from tests.conftest import fake_render_letter_pdf

    render.render_letter_pdf = fake_render_letter_pdf
    with open(output, "w", encoding="utf-8") as file:
        json.dump(seed(), file)


if __name__ == "__main__":
    main(sys.argv[1])
