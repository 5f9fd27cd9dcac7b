"""Volume data for the benchmarks: sent letters with recommendations, the college's replies,
verdicts, follow-ups and commitments, written in bulk (a few seconds for 10,000
recommendations). Statuses are set directly, as in a restored database: the lifecycle actions
would take minutes here. Call after ``django.setup()``."""

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

WORDS = ["wijk", "buurthuis", "mantelzorg", "jongeren", "schulden", "vrijwilligers", "respijt"]


def add_sent_letters(themes, letters_count=1_000, per_letter=10):
    """``letters_count`` sent letters of ``per_letter`` recommendations each, one theme each;
    the newest tenth still waits for a reply. Returns the letters, oldest first."""
    first_day = datetime.date(2014, 1, 6)
    letters = AdviceLetter.objects.bulk_create(
        AdviceLetter(
            reference=f"PR-{(first_day + datetime.timedelta(days=4 * n)).year}-{n:04d}",
            date=first_day + datetime.timedelta(days=4 * n),
            subject=f"Advies over {WORDS[n % len(WORDS)]} ({n})",
            addressee="Het college van burgemeester en wethouders",
            introduction="<p>De raad sprak met inwoners en partners.</p>" * 5,
            signatory_name="Voorzitter",
            status=LetterStatus.CONCEPT,
        )
        for n in range(letters_count)
    )
    # Recommendations are written while the letters are concepts, then the letters are sent.
    Recommendation.objects.bulk_create(
        Recommendation(
            letter=letter,
            number=number,
            sort_order=number,
            heading=f"Onderdeel {number % 3 + 1}",
            context="Tijdens de bijeenkomst vertelden inwoners hoe het nu gaat. " * 4,
            advice=f"Wij adviseren u de {WORDS[(i + number) % len(WORDS)]} te versterken. " * 3,
        )
        for i, letter in enumerate(letters)
        for number in range(1, per_letter + 1)
    )
    AdviceLetter.themes.through.objects.bulk_create(
        AdviceLetter.themes.through(adviceletter=letter, theme=themes[i % len(themes)])
        for i, letter in enumerate(letters)
    )
    answered = letters[: letters_count * 9 // 10]  # the newest tenth still waits for a reply
    # Volume data: statuses set directly, as in a restored database (AdviceLetter.objects
    # refuses status writes outside the lifecycle actions, which would take minutes here).
    AdviceLetter._base_manager.filter(pk__in=[letter.pk for letter in letters]).update(
        status=LetterStatus.SENT
    )
    for letter in letters:
        letter.sent_at = timezone.make_aware(
            datetime.datetime.combine(letter.date, datetime.time(9))
        )
    AdviceLetter._base_manager.bulk_update(letters, ["sent_at"])
    AdviceLetter._base_manager.filter(pk__in=[letter.pk for letter in answered]).update(
        status=LetterStatus.ANSWERED
    )
    responses = CollegeResponse.objects.bulk_create(
        CollegeResponse(
            letter=letter,
            received_on=letter.date + datetime.timedelta(days=40),
            text="Het college reageert per aanbeveling.",
            summary="Het college neemt de meeste adviezen over.",
        )
        for letter in answered
    )
    by_letter = {response.letter_id: response for response in responses}
    recommendations = list(
        Recommendation.objects.filter(letter_id__in=by_letter).values_list("pk", "letter_id")
    )
    verdicts = list(Verdict.values)
    RecommendationAnswer.objects.bulk_create(
        RecommendationAnswer(
            response=by_letter[letter_id],
            recommendation_id=pk,
            verdict=verdicts[i % len(verdicts)],
            answer="Het college neemt dit mee in het uitvoeringsplan.",
        )
        for i, (pk, letter_id) in enumerate(recommendations)
    )
    states = list(FollowUpState.values)
    FollowUp.objects.bulk_create(
        FollowUp(
            recommendation_id=pk,
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 1500),
            state=states[i % len(states)],
            note="Stand van zaken.",
        )
        for i, (pk, _letter) in enumerate(recommendations)
        if i % 2
    )
    Commitment.objects.bulk_create(
        Commitment(
            recommendation_id=pk,
            description="Een plan van aanpak",
            responsible="Team sociaal domein",
            due_date=datetime.date(2019, 3, 31) + datetime.timedelta(days=i % 2000),
        )
        for i, (pk, _letter) in enumerate(recommendations)
        if i % 3 == 0
    )
    return letters
