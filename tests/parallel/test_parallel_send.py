"""Sending a letter is confirmed on a screen (``advices/admin/views/confirm_step.py``). A
double click, a second tab or two secretaries confirming at the same moment must send the
letter once: one confirmation sends it, the other is told it happened and changes nothing.
Through a real server, both posts released together (see ``test_parallel_saves.py``)."""

import pytest

from tests.parallel.client import AdminClient
from tests.parallel.race import at_once, prepare_all, report

pytestmark = pytest.mark.parallel

SENT = "is verzonden en staat nu op de website"
# Told to the one who came second: the step was taken, or is being taken right now.
TOLD_NOTHING_HAPPENED = ("Er is niets opnieuw gedaan", "De brief wordt verzonden")


def tabs(server, count=2):
    """The secretary in two browser tabs of their own (two sessions)."""
    return [
        AdminClient(server.base_url, name=f"tab {number}").login(
            server.seed["secretary"], server.seed["password"]
        )
        for number in range(1, count + 1)
    ]


def told(attempt):
    """The status page the confirmation led to, as that tab shows it."""
    return attempt.client.get(attempt.response.headers["Location"]).text


def test_two_confirmations_at_once_send_the_letter_once(server):
    clients = tabs(server)
    mark = server.stderr_mark()
    problems = []
    for number, letter_id in enumerate(server.seed["adopted"], start=1):
        path = f"/admin/snippets/advices/adviceletter/versturen/{letter_id}/"
        attempts = prepare_all(
            [
                (client, path, "reason", {"reason": f"Ronde {number}, {client.name}"})
                for client in clients
            ]
        )
        at_once(attempts)
        if not all(attempt.succeeded() for attempt in attempts):
            statuses = [attempt.status for attempt in attempts]
            problems.append(f"round {number}: expected two redirects, got {statuses}")
            continue
        pages = [told(attempt) for attempt in attempts]
        sent_pages = [page for page in pages if SENT in page]
        if len(sent_pages) != 1:
            problems.append(f"round {number}: {len(sent_pages)} tabs were told it was sent")
        elif not any(text in page for page in pages for text in TOLD_NOTHING_HAPPENED):
            problems.append(f"round {number}: the second tab was not told nothing happened")
        ((status,),) = server.database.query(
            "SELECT status FROM advices_adviceletter WHERE id = %s", [letter_id]
        )
        reasons = server.database.query(
            "SELECT history_change_reason FROM advices_historicaladviceletter "
            "WHERE id = %s AND history_change_reason LIKE %s",
            [letter_id, f"Ronde {number},%"],
        )
        if status != "verzonden":
            problems.append(f"round {number}: the letter is {status!r}, not sent")
        if len(reasons) != 1:
            problems.append(f"round {number}: {len(reasons)} confirmations were recorded")
    assert not problems, report("sending, parallel", problems, server.stderr_since(mark))
