"""A small, fully known data set for the tracker and dashboard tests, and a fast builder
for thousands of recommendations (the query-count tests).

Today is ``TODAY``. Three public letters (2021, 2022, 2023), one concept and one adopted
but unsent letter whose recommendations must never show. The expected figures are written
out in ``EXPECTED``, by hand, so the tests compare against numbers and not against the code.
"""

import datetime

from django.utils import timezone

from advices.models import (
    AdviceLetter,
    CollegeResponse,
    Commitment,
    FollowUp,
    FollowUpState,
    LetterStatus,
    Recommendation,
    RecommendationAnswer,
    Verdict,
)
from tests.factories import ThemeFactory

TODAY = datetime.date(2024, 1, 10)


def aware(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def letter_with(reference, date, subject, recommendations, status, themes=(), sent=None):
    """A letter with its recommendations, put in ``status`` directly (no PDF, no history):
    recommendations are written while it is still a concept, then the status is set."""
    letter = AdviceLetter.objects.create(
        reference=reference,
        date=date,
        subject=subject,
        addressee="Het college van burgemeester en wethouders",
        introduction="<p>Inleiding.</p>",
        signatory_name="Voorzitter",
    )
    Recommendation.objects.bulk_create(
        Recommendation(
            letter=letter,
            number=number,
            sort_order=number,
            heading=heading,
            context=context,
            advice=advice,
        )
        for number, (heading, context, advice) in enumerate(recommendations, start=1)
    )
    if themes:
        letter.themes.set(themes)
        letter.save()  # modelcluster: the relation is written on save
    fields = {"status": status}
    if status in (LetterStatus.SENT, LetterStatus.ANSWERED, LetterStatus.CLOSED):
        fields["sent_at"] = aware(sent or date)
    # Test data: the status set directly, as a restored database has it; the application
    # never writes a status but through the lifecycle (AdviceLetter.objects refuses).
    AdviceLetter._base_manager.filter(pk=letter.pk).update(**fields)
    letter.refresh_from_db()
    return letter


def answer(response, letter, number, verdict):
    return RecommendationAnswer.objects.create(
        response=response,
        recommendation=letter.recommendations.get(number=number),
        verdict=verdict,
        answer=f"Antwoord op {number}.",
    )


def follow_up(letter, number, date, state, commitment=None):
    return FollowUp.objects.create(
        recommendation=letter.recommendations.get(number=number),
        commitment=commitment,
        date=date,
        state=state,
        note="Stand van zaken.",
    )


def commitment(letter, number, due, description):
    return Commitment.objects.create(
        recommendation=letter.recommendations.get(number=number),
        description=description,
        responsible="Team sociaal domein",
        due_date=due,
    )


def build_tracker_data():
    youth = ThemeFactory(name="Jeugd", slug="jeugd")
    elderly = ThemeFactory(name="Ouderen", slug="ouderen")
    unused = ThemeFactory(name="Alleen in concepten", slug="alleen-concept")

    l2021 = letter_with(
        "PR-2021-01",
        datetime.date(2021, 3, 1),
        "Armoede en schulden",
        [
            ("Schulden", "Veel jongeren hebben schulden.", "Zorg voor een schuldhulpmaatje."),
            ("Schulden", "Brieven zijn moeilijk.", "Schrijf brieven in eenvoudige taal."),
            ("Armoede", "Niet iedereen kent de regelingen.", "Maak een regelwijzer."),
            ("Armoede", "Het kindpakket is onbekend.", "Vertel ouders over het kindpakket."),
        ],
        LetterStatus.ANSWERED,
        themes=[youth],
    )
    reply = CollegeResponse.objects.create(letter=l2021, text="Reactie 2021")
    answer(reply, l2021, 1, Verdict.ADOPTED)
    answer(reply, l2021, 2, Verdict.PARTLY_ADOPTED)
    answer(reply, l2021, 3, Verdict.NOT_ADOPTED)
    answer(reply, l2021, 4, Verdict.ADOPTED)
    follow_up(l2021, 1, datetime.date(2021, 9, 1), FollowUpState.DONE)
    follow_up(l2021, 2, datetime.date(2021, 9, 1), FollowUpState.IN_PROGRESS)
    late = commitment(l2021, 2, datetime.date(2021, 12, 31), "Alle brieven herschreven")
    follow_up(l2021, 4, datetime.date(2022, 1, 15), FollowUpState.NOT_DONE)

    l2022 = letter_with(
        "PR-2022-07",
        datetime.date(2022, 6, 17),
        "Sterke sociale basis",
        [
            ("Ontmoeting", "Buurthuizen sluiten vroeg.", "Houd de buurthuizen 's avonds open."),
            ("Ontmoeting", "Vrijwilligers haken af.", "Waardeer vrijwilligers beter."),
            ("Mantelzorg", "Mantelzorgers zijn moe.", "Regel respijtzorg in de wijk."),
        ],
        LetterStatus.ANSWERED,
        themes=[youth, elderly],
    )
    reply = CollegeResponse.objects.create(letter=l2022, text="Reactie 2022")
    answer(reply, l2022, 1, Verdict.UNDER_INVESTIGATION)
    answer(reply, l2022, 2, Verdict.ADOPTED)
    answer(reply, l2022, 3, "")
    finished = commitment(l2022, 1, datetime.date(2022, 12, 31), "Onderzoek naar openingstijden")
    follow_up(l2022, 1, datetime.date(2022, 12, 1), FollowUpState.DONE, commitment=finished)
    follow_up(l2022, 2, datetime.date(2022, 10, 1), FollowUpState.PLANNED)

    l2023 = letter_with(
        "PR-2023-02",
        datetime.date(2023, 9, 1),
        "Mantelzorg en respijt",
        [
            ("Respijt", "Er is te weinig respijtzorg.", "Breid de respijtzorg uit."),
            ("Respijt", "Jonge mantelzorgers zijn onzichtbaar.", "Zoek jonge mantelzorgers op."),
        ],
        LetterStatus.SENT,
        themes=[elderly],
    )

    concept = letter_with(
        "PR-2023-03",
        datetime.date(2023, 11, 1),
        "Geheim concept",
        [("Concepttekst", "Nog niet klaar.", "Dit geheime conceptadvies mag niemand zien.")],
        LetterStatus.CONCEPT,
        themes=[unused],
    )
    adopted = letter_with(
        "PR-2019-04",
        datetime.date(2019, 12, 1),
        "Vastgesteld maar niet verzonden",
        [("Wachten", "Nog niet verzonden.", "Dit vastgestelde advies is nog niet verstuurd.")],
        LetterStatus.ADOPTED,
        themes=[unused],
    )
    return {
        "themes": {"jeugd": youth, "ouderen": elderly, "unused": unused},
        "letters": {"2021": l2021, "2022": l2022, "2023": l2023},
        "hidden": [concept, adopted],
        "late commitment": late,
        "finished commitment": finished,
    }


# By hand, from the data above, on TODAY.
EXPECTED = {
    "total": 9,
    "verdicts": {
        Verdict.ADOPTED: 3,
        Verdict.PARTLY_ADOPTED: 1,
        Verdict.NOT_ADOPTED: 1,
        Verdict.UNDER_INVESTIGATION: 1,
        Verdict.EXISTING_POLICY: 0,
        Verdict.NOTED: 0,
        "": 3,
    },
    "statuses": {
        "wacht-op-reactie": 2,
        "reactie-zonder-standpunt": 1,
        "standpunt-gegeven": 2,
        "in-uitvoering": 2,
        "uitgevoerd": 1,
        "niet-uitgevoerd": 1,
    },
    # year: (adopted or partly adopted, with a verdict, percentage)
    "adoption": {2021: (3, 4, 75), 2022: (1, 2, 50), 2023: (0, 0, None)},
    # (letter, number) in each status
    "labels": {
        "wacht-op-reactie": {("2023", 1), ("2023", 2)},
        # the 2022 letter's reply is recorded, but gives number 3 no verdict
        "reactie-zonder-standpunt": {("2022", 3)},
        "standpunt-gegeven": {("2021", 3), ("2022", 1)},
        "in-uitvoering": {("2021", 2), ("2022", 2)},
        "uitgevoerd": {("2021", 1)},
        "niet-uitgevoerd": {("2021", 4)},
    },
}


def build_many(letters, per_letter, start_year=2000, with_progress=True):
    """``letters`` sent letters of ``per_letter`` recommendations each, with replies,
    verdicts, follow-ups and overdue commitments, in a handful of bulk inserts."""
    verdicts = [v.value for v in Verdict]
    created = []
    for index in range(letters):
        created.append(
            AdviceLetter(
                reference=f"PR-{start_year + index // 50}-{index % 50 + 1:02d}x{index}",
                date=datetime.date(start_year + index // 50, 1 + index % 12, 1),
                subject=f"Advies nummer {index}",
                addressee="Het college",
                introduction="<p>Inleiding.</p>",
                signatory_name="Voorzitter",
                status=LetterStatus.CONCEPT,
            )
        )
    letters_made = AdviceLetter.objects.bulk_create(created)
    Recommendation.objects.bulk_create(
        Recommendation(
            letter=letter,
            number=number,
            sort_order=number,
            heading=f"Onderdeel {number % 3}",
            context="Toelichting bij het advies.",
            advice=f"Advies {number} van brief {letter.reference}.",
        )
        for letter in letters_made
        for number in range(1, per_letter + 1)
    )
    # Volume data: the status set directly (AdviceLetter.objects refuses; see above).
    AdviceLetter._base_manager.filter(pk__in=[letter.pk for letter in letters_made]).update(
        status=LetterStatus.ANSWERED, sent_at=aware(datetime.date(start_year, 1, 1))
    )
    if not with_progress:
        return letters_made
    responses = CollegeResponse.objects.bulk_create(
        CollegeResponse(letter=letter, text="Reactie") for letter in letters_made
    )
    by_letter = {response.letter_id: response for response in responses}
    recommendations = list(
        Recommendation.objects.filter(letter__in=letters_made).values_list("pk", "letter_id")
    )
    RecommendationAnswer.objects.bulk_create(
        RecommendationAnswer(
            response=by_letter[letter_id],
            recommendation_id=pk,
            verdict=verdicts[i % len(verdicts)],
        )
        for i, (pk, letter_id) in enumerate(recommendations)
    )
    states = [s.value for s in FollowUpState]
    FollowUp.objects.bulk_create(
        FollowUp(
            recommendation_id=pk,
            date=datetime.date(start_year + 1, 1, 1),
            state=states[i % len(states)],
            note="Voortgang",
        )
        for i, (pk, _letter) in enumerate(recommendations)
        if i % 2
    )
    Commitment.objects.bulk_create(
        Commitment(
            recommendation_id=pk,
            description="Toezegging",
            responsible="Team",
            due_date=datetime.date(start_year + 1, 6, 30),
        )
        for i, (pk, _letter) in enumerate(recommendations)
        if i % 5 == 0
    )
    return letters_made
