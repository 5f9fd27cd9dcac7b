"""Sending never holds a web request while the PDF is rendered: with the production task
backend (django-tasks-db) the button only marks the letter and queues the work; the worker
(``manage.py db_worker``) renders, stores and completes the send. Meanwhile the letter is
locked and the admin shows it; a failure leaves it unsent with the reason; a letter too
long for a PDF is refused before anything happens."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from advices.actions import transition
from advices.models import AdviceLetter, LetterStatus, SentLetterPdf
from advices.pdf import render
from tests.advices.admin_forms import confirm_step, confirm_url
from tests.factories import make_letter

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
STATUS = "wagtailsnippets_advices_adviceletter:status"
EDIT = "wagtailsnippets_advices_adviceletter:edit"


def press_send(client, letter):
    return confirm_step(client, letter, "send")


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.fixture
def adopted(secretary, site_tree):
    return make_letter(recommendations=2, status=LetterStatus.ADOPTED, user=secretary)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_request_queues_the_send_and_the_worker_completes_it(
    client, secretary, adopted, monkeypatch
):
    rendered = []
    real_render = render.render_letter_pdf
    monkeypatch.setattr(
        render,
        "render_letter_pdf",
        lambda letter, *a, **k: rendered.append(1) or real_render(letter, *a, **k),
    )
    client.force_login(secretary)
    response = press_send(client, adopted)
    assert response.status_code == 302
    assert rendered == []  # nothing rendered inside the request
    letter = AdviceLetter.objects.get(pk=adopted.pk)
    assert (letter.status, letter.is_sending) == (LetterStatus.ADOPTED, True)
    assert DBTaskResult.objects.count() == 1

    page = client.get(reverse(STATUS, args=[adopted.pk])).content.decode()
    assert "wordt verzonden sinds" in page
    assert confirm_url(adopted, "send") not in page  # no second button while it is made
    again = press_send(client, adopted)  # a double click, or a second secretary
    assert again.status_code == 302
    assert DBTaskResult.objects.count() == 1
    assert (
        "wordt op dit moment verzonden"
        in client.get(reverse(STATUS, args=[adopted.pk])).content.decode()
    )

    run_worker()
    letter.refresh_from_db()
    assert (letter.status, letter.is_sending, letter.sending_failure) == (
        LetterStatus.SENT,
        False,
        "",
    )
    assert rendered == [1]
    assert SentLetterPdf.objects.filter(letter=letter).count() == 1
    last = letter.history.first()
    assert (last.status, last.history_user) == (LetterStatus.SENT, secretary)
    assert (
        "wordt verzonden sinds"
        not in client.get(reverse(STATUS, args=[letter.pk])).content.decode()
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_render_failure_in_the_worker_leaves_the_letter_unsent_and_says_why(
    client, secretary, adopted, monkeypatch
):
    client.force_login(secretary)
    press_send(client, adopted)

    def broken(letter, *args, **kwargs):
        raise OSError("lettertype Brief-Sans ontbreekt")

    monkeypatch.setattr(render, "render_letter_pdf", broken)
    run_worker()
    letter = AdviceLetter.objects.get(pk=adopted.pk)
    assert (letter.status, letter.is_sending) == (LetterStatus.ADOPTED, False)
    assert not SentLetterPdf.objects.filter(letter=letter).exists()
    page = client.get(reverse(STATUS, args=[letter.pk])).content.decode()
    assert "Het versturen is mislukt." in page
    assert "lettertype Brief-Sans ontbreekt" in page
    assert "de brief is niet verzonden" in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_letter_cannot_be_edited_while_it_is_being_sent(client, secretary, adopted):
    client.force_login(secretary)
    press_send(client, adopted)
    letter = AdviceLetter.objects.get(pk=adopted.pk)
    with pytest.raises(Exception, match="verzonden"):
        transition(letter, "send", secretary)
    assert AdviceLetter.objects.get(pk=adopted.pk).is_sending


@override_settings(ADVICES_MAX_LETTER_CHARACTERS=50)
def test_a_letter_too_long_for_a_pdf_is_refused_before_anything_is_sent(
    client, secretary, site_tree
):
    letter = make_letter(recommendations=3, status=LetterStatus.ADOPTED, user=secretary)
    client.force_login(secretary)
    response = press_send(client, letter)
    page = client.get(response["Location"]).content.decode()
    assert "te lang om als PDF te versturen" in page
    letter.refresh_from_db()
    assert (letter.status, letter.is_sending) == (LetterStatus.ADOPTED, False)
    assert not SentLetterPdf.objects.filter(letter=letter).exists()
