"""``manage.py load_demo``: the college's replies, the dated letters and what is late today."""

import datetime
import re
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from advices.demo.replies import REPLY_2019
from advices.lifecycle.lateness import letter_reply_overdue, overdue_commitments
from advices.models import (
    AdviceLetter,
    CollegeResponse,
    Commitment,
    CouncilAssessment,
    FollowUp,
    LetterStatus,
    Recommendation,
    RecommendationAnswer,
    Verdict,
)
from advices.models.followup import DuePrecision
from home.named_people import forget

TODAY = datetime.datetime(2026, 11, 22, 12, tzinfo=datetime.UTC)
AMSTERDAM = datetime.timezone(datetime.timedelta(hours=2))  # summer time, June 2022


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def letter(reference):
    return AdviceLetter.objects.get(reference=reference)


def text_of(response):
    """The page's text without tags, spaces collapsed."""
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def counts():
    return {
        "letters": AdviceLetter.objects.count(),
        "responses": CollegeResponse.objects.count(),
        "answers": RecommendationAnswer.objects.count(),
        "commitments": Commitment.objects.count(),
        "follow-ups": FollowUp.objects.count(),
        "assessments": CouncilAssessment.objects.count(),
        "letter history": AdviceLetter.history.count(),
        "recommendation history": Recommendation.history.count(),
        "response history": CollegeResponse.history.count(),
        "answer history": RecommendationAnswer.history.count(),
        "commitment history": Commitment.history.count(),
        "follow-up history": FollowUp.history.count(),
    }


# ---- The letter of 17 June 2022: sent that day, no reply, so late ------------------------------


@pytest.mark.django_db
def test_letter_of_june_2022_is_sent_on_17_june_2022_and_its_reply_is_late(client, today):
    load_demo()
    sent = letter("PR-2022-01")

    assert sent.status == LetterStatus.SENT
    assert sent.sent_at == datetime.datetime(2022, 6, 17, 10, tzinfo=AMSTERDAM)
    assert timezone.localdate(sent.adopted_at) == datetime.date(2022, 6, 14)
    assert not CollegeResponse.objects.filter(letter=sent).exists()
    assert letter_reply_overdue(sent)
    # The whole history lies in May and June 2022, in order, the drafts before the steps.
    dates = list(sent.history.order_by("history_id").values_list("history_date", flat=True))
    assert dates == sorted(dates)
    assert {(d.year, d.month) for d in dates} <= {(2022, 5), (2022, 6)}

    response = client.get("/adviezen/PR-2022-01/")
    assert response.status_code == 200
    page = text_of(response)
    assert "Reactie te laat" in page
    assert "Verwacht uiterlijk 29 juli 2022" in page


@pytest.mark.django_db
def test_letters_of_2019_are_sent_on_their_letter_date(today):
    load_demo()
    for reference, day in [
        ("PR-2019-01", datetime.date(2019, 3, 1)),
        ("PR-2019-02", datetime.date(2019, 11, 25)),
    ]:
        sent = letter(reference)
        assert sent.date == day
        assert timezone.localdate(sent.sent_at) == day
        assert timezone.localdate(sent.adopted_at) == day
        dates = list(sent.history.order_by("history_id").values_list("history_date", flat=True))
        assert dates == sorted(dates)
        assert all(d.year == 2019 for d in dates)


# ---- The college's reply to the Samenspel advice, point by point --------------------------------


@pytest.mark.django_db
def test_samenspel_advice_is_answered_point_by_point_by_the_clerk(client, today):
    load_demo()
    answered = letter("PR-2019-01")
    assert answered.status == LetterStatus.ANSWERED
    assert not letter_reply_overdue(answered)

    reply = answered.college_response
    assert reply.received_on == datetime.date(2019, 3, 15)
    assert reply.recorded_by.username == "gemeente"
    # The full text, with the points beyond the twelve, and a summary that names its guesses.
    assert reply.text.startswith("Geachte mevrouw Wertheim,")
    for heading in [
        "Herschik middelen",
        "Scholing, training en coaching",
        "Naast WMO, ook Jeugdzorg",
        "De term collectivisering",
    ]:
        assert f"\n\n{heading}\n\n" in reply.text
    assert "•" not in reply.text and "  " not in reply.text and " ," not in reply.text
    assert "15 maart 2019" in reply.summary and "geen datum" in reply.summary
    # The answer moved the letter on the day it was received, by the clerk.
    step = answered.history.get(status=LetterStatus.ANSWERED)
    assert timezone.localdate(step.history_date) == datetime.date(2019, 3, 15)
    assert step.history_user.username == "gemeente"

    verdicts = {
        a.recommendation.number: a.verdict
        for a in RecommendationAnswer.objects.filter(response=reply).select_related(
            "recommendation"
        )
    }
    assert verdicts == {
        1: Verdict.PARTLY_ADOPTED,
        2: "",
        3: "",
        4: Verdict.PARTLY_ADOPTED,
        5: Verdict.PARTLY_ADOPTED,
        6: Verdict.EXISTING_POLICY,
        7: Verdict.UNDER_INVESTIGATION,
        8: "",
        9: Verdict.EXISTING_POLICY,
        10: "",
        11: "",
        12: "",
    }
    # Each answer is in the college's own words: sentences of the reply.
    flat_text = " ".join(reply.text.split())
    for answer in RecommendationAnswer.objects.filter(response=reply).exclude(verdict=""):
        for part in re.split(r"\[…\]|\n", answer.answer):
            sentence = part.strip().removeprefix("- ").strip()
            assert not sentence or sentence in flat_text, (answer.recommendation.number, sentence)
    assert RecommendationAnswer.objects.filter(response=reply, verdict="", answer="").count() == 6

    commitments = {
        (c.recommendation.number, c.description.split(" ")[0])
        for c in Commitment.objects.filter(recommendation__letter=answered)
    }
    assert commitments == {(1, "We"), (1, "Graag"), (5, "Collectivisering"), (7, "We")}
    for commitment in Commitment.objects.filter(recommendation__letter=answered):
        # The reply names no date: the demo takes the end of 2019.
        assert (commitment.due_date, commitment.due_precision) == (
            datetime.date(2019, 12, 31),
            DuePrecision.QUARTER,
        )
        assert commitment.responsible.startswith("College van B&W (gemeente Zwolle)")
        assert commitment.description in flat_text
        assert commitment.history.get().history_user.username == "gemeente"
    assert "ervaringsdeskundigheid als criterium" in " ".join(
        c.description for c in Commitment.objects.filter(recommendation__number=1)
    )

    page = text_of(client.get("/adviezen/PR-2019-01/aanbeveling/7/"))
    assert "Wordt onderzocht" in page
    assert "We onderzoeken hoe we het voorliggend veld kunnen versterken" in page
    page = text_of(client.get("/adviezen/PR-2019-01/aanbeveling/2/"))
    # the reply is recorded, but says nothing about this one: no "wacht op reactie"
    assert "Reactie ontvangen, geen standpunt" in page
    assert "Wacht op reactie" not in page


# ---- The advice of November 2019 and the promise of the first quarter of 2020 -------------------


@pytest.mark.django_db
def test_inventory_promised_for_the_first_quarter_of_2020_is_late(client, today):
    load_demo()
    hervorming = letter("PR-2019-02")
    assert hervorming.subject == "Hervormingsagenda sociaal domein"
    assert hervorming.status == LetterStatus.ANSWERED
    assert "25 november 2019" in hervorming.introduction  # the assumed day, said so
    inventory, challenge = hervorming.recommendations.order_by("number")
    assert "te inventariseren welke organisatie waarmee bezig is" in inventory.advice
    assert "Right to Challenge" in challenge.advice

    reply = hervorming.college_response
    assert reply.received_on == datetime.date(2019, 12, 16)
    assert "Right to Challenge" in reply.summary and "17 juni 2022" in reply.summary
    assert inventory.answer.verdict == Verdict.ADOPTED
    assert inventory.answer.answer.startswith("De inventarisatie van de bestaande organisaties")
    assert challenge.answer.verdict == "" and challenge.answer.answer == ""

    [promise] = inventory.commitments.all()
    assert promise.description == (
        "Inventarisatie van de bestaande organisaties en waar ze mee bezig zijn"
    )
    assert (promise.due_date, promise.due_precision) == (
        datetime.date(2020, 3, 31),
        DuePrecision.QUARTER,
    )
    assert not promise.follow_ups.exists()
    assert promise in overdue_commitments()
    assert promise not in overdue_commitments(today=datetime.date(2020, 3, 31))
    assert promise in overdue_commitments(today=datetime.date(2020, 4, 1))

    response = client.get("/adviezen/PR-2019-02/aanbeveling/1/")
    assert response.status_code == 200
    page = text_of(response)
    assert "eerste kwartaal 2020" in page
    assert "Te laat" in page
    assert "Overgenomen" in page
    assert "Reactie ontvangen, geen standpunt" in text_of(
        client.get("/adviezen/PR-2019-02/aanbeveling/2/")
    )


# ---- Idempotent ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_running_twice_records_nothing_twice(today):
    output = load_demo()
    assert "college replies: 2 created, 0 updated, 0 unchanged" in output
    first = counts()
    assert first["responses"] == 2
    assert first["answers"] == 12 + 2
    assert first["commitments"] == 5
    assert first["follow-ups"] == 0
    mail.outbox.clear()

    output = load_demo()
    assert counts() == first
    assert "college replies: 0 created, 0 updated, 2 unchanged" in output
    assert mail.outbox == []  # no second notice to the secretariat

    load_demo("--refresh")
    assert counts() == first


@pytest.mark.django_db
def test_an_edited_demo_reply_is_left_alone(today):
    load_demo()
    reply = CollegeResponse.objects.get(letter__reference="PR-2019-01")
    CollegeResponse.objects.filter(pk=reply.pk).update(summary="Door de gemeente aangepast.")

    load_demo()
    reply.refresh_from_db()
    assert reply.summary == "Door de gemeente aangepast."


@pytest.mark.django_db
def test_without_the_clerk_the_replies_are_skipped_with_a_note():
    output = load_demo("--no-accounts")
    assert CollegeResponse.objects.count() == 0
    assert "Demo college replies skipped" in output


def test_every_answer_of_the_samenspel_reply_names_its_recommendation():
    assert [answer.number for answer in REPLY_2019.answers] == list(range(1, 13))


@pytest.mark.django_db
def test_a_letter_sent_by_an_older_demo_keeps_its_date_and_the_note_says_how_to_renew(today):
    load_demo()
    # As in a database loaded before the demo dated its letters: sent on the day it was loaded.
    # As an older demo left it; the application never rewrites sent_at (objects refuses).
    AdviceLetter._base_manager.filter(reference="PR-2022-01").update(sent_at=timezone.now())

    output = load_demo()
    assert "PR-2022-01 was sent on 22-11-2026 in this database, not on 17-06-2022" in output
    assert "rm db.sqlite3 && make run" in output
    assert timezone.localdate(letter("PR-2022-01").sent_at) == datetime.date(2026, 11, 22)


@pytest.mark.django_db
def test_the_demo_shows_the_civil_servant_by_role_and_the_chair_by_name(client, today):
    """The demo's names list: the reply names a project leader of the municipality; the public
    API shows her role, while the reply as recorded keeps the name."""
    load_demo()
    forget()
    reply = letter("PR-2019-01").college_response
    assert "de projectleider Anke van Beckhoven verdiept" in reply.text
    public = client.get("/api/v1/adviezen/PR-2019-01/").content.decode()
    assert "Beckhoven" not in public
    assert "met de projectleider van de gemeente verdiept" in public
    assert "Wertheim" in public
