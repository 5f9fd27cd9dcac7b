"""Checks of the harness itself, one request at a time, before the races in
``test_parallel_saves.py``.

A race test that fails must fail because of the application, not because the client posts
an incomplete form or a lost session. So: each form, loaded and posted back through the
client with one field changed, saves (the posted form is complete and valid); and a stale
form posted after someone else's save is refused with the person's text kept. The letter's
edit form had that check before the parallel tests were written, so its sequential test shows
that the harness sees a refusal when there is one; for the other forms the sequential test
tells "no check at all" apart from "a check that a parallel save slips past".
"""

import pytest

from tests.parallel.race import (
    CONFLICT,
    EDIT_CASES,
    REPLY_PATH,
    SECOND_REPLY,
    differences,
    judge,
    page_errors,
    prepare,
    reply_changes,
    reply_outcome,
    report,
)

pytestmark = pytest.mark.parallel


@pytest.mark.parametrize("case", EDIT_CASES, ids=lambda case: case.name)
def test_a_single_save_goes_through(server, login, case):
    """The form as the client posts it is complete: it saves what was typed and leaves every
    other field (and the formset's other rows) exactly as they were.

    The first save of a letter through the admin stores its rich text as the editor gives it
    (block keys on each paragraph), from a browser as from this client; so the comparison
    starts after one save.
    """
    client = login(server.seed[case.users][0])
    first = prepare(client, case.url(server.seed), case.text_field, case.changes(0, 0, client.name))
    first.response = client.submit(first.form)
    assert first.succeeded(), (
        f"{case.name}: a single save answered {first.status}: {page_errors(first.response.text)}"
    )
    attempt = prepare(
        client, case.url(server.seed), case.text_field, case.changes("enkel", 0, client.name)
    )
    row_id = case.row_id(server.seed, attempt.form)
    before = case.snapshot(server.database, server.seed, row_id)
    attempt.response = client.submit(attempt.form)

    assert attempt.succeeded(), (
        f"{case.name}: a single save answered {attempt.status} "
        f"({attempt.response.headers.get('Location')}): {page_errors(attempt.response.text)}"
    )
    assert case.stored(server.database, row_id) == attempt.changes
    after = case.snapshot(server.database, server.seed, row_id)
    assert not differences(before, after), "the save changed what was not typed:\n" + "\n".join(
        differences(before, after)
    )


def test_a_single_reply_goes_through(server, login):
    """The reply form as the client fills it in records a reply."""
    client = login(server.seed["clerks"][0])
    letter_id = server.seed["unanswered"][0]
    attempt = prepare(client, REPLY_PATH, "text", reply_changes(letter_id, "Enkele reactie"))
    attempt.response = client.submit(attempt.form)

    assert attempt.succeeded(), (
        f"a single reply answered {attempt.status}: {page_errors(attempt.response.text)}"
    )
    assert reply_outcome(server.database, letter_id) == ({"text": "Enkele reactie"}, [])


@pytest.mark.parametrize("case", EDIT_CASES, ids=lambda case: case.name)
def test_a_stale_form_is_refused_one_after_the_other(server, login, case):
    """Both load the form; the first saves, then the second posts what they loaded."""
    clients = [login(name) for name in server.seed[case.users]]
    path = case.url(server.seed)
    mark = server.stderr_mark()
    attempts = [
        prepare(client, path, case.text_field, case.changes("na elkaar", index, client.name))
        for index, client in enumerate(clients)
    ]
    for attempt in attempts:
        attempt.response = attempt.client.submit(attempt.form)

    assert attempts[0].succeeded(), f"the first save answered {attempts[0].status}"
    stored = case.stored(server.database, case.row_id(server.seed, attempts[0].form))
    problems = judge(attempts, CONFLICT, stored, case.text_field)
    assert not problems, report(
        f"{case.name}, one after the other", problems, server.stderr_since(mark)
    )


def test_a_second_reply_is_refused_one_after_the_other(server, login):
    """Both open the reply form for the same letter; the second is told it already has one."""
    clients = [login(name) for name in server.seed["clerks"]]
    letter_id = server.seed["unanswered"][1]
    mark = server.stderr_mark()
    attempts = [
        prepare(client, REPLY_PATH, "text", reply_changes(letter_id, f"Reactie van {client.name}"))
        for client in clients
    ]
    for attempt in attempts:
        attempt.response = attempt.client.submit(attempt.form)

    assert attempts[0].succeeded(), f"the first reply answered {attempts[0].status}"
    stored, problems = reply_outcome(server.database, letter_id)
    problems += judge(attempts, SECOND_REPLY, stored, "text")
    assert not problems, report("reply, one after the other", problems, server.stderr_since(mark))
