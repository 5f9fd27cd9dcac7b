"""Two secretaries on the status page of the same request at the same moment (issue 13): one
declines it while the other takes it up, or both extend its term. Exactly one wins; the other
is told that nothing changed, with what they typed still on the page. Through a real server,
both posts released together (see ``test_parallel_saves.py``), on SQLite and PostgreSQL."""

import datetime
from urllib.parse import urljoin, urlsplit

import pytest

from tests.parallel.client import parse_forms
from tests.parallel.race import Attempt, at_once, judge, report

pytestmark = pytest.mark.parallel

STATUS_PATH = "/admin/snippets/advices/advicerequest/status/{pk}/"
# What the one who came second is told (advices/actions/requests.py).
STEP_TAKEN = "er is niets gewijzigd"
DEADLINE_TAKEN = "Iemand anders heeft de uiterste datum intussen veranderd"


def step_form(client, path, step):
    """The status page's form of ``step`` (each step has a form of its own)."""
    response = client.get(path)
    assert response.status_code == 200, f"{client.name}: GET {path} → {response.status_code}"
    forms = [
        form
        for form in parse_forms(response.text)
        if form.method == "post" and ("action", step) in form.fields
    ]
    assert len(forms) == 1, f"{client.name}: {len(forms)} forms for {step!r} on {path}"
    form = forms[0]
    form.action = urlsplit(urljoin(client.url(path), form.action or path)).path
    return form


def secretaries(login, seed):
    return [login(name) for name in seed["secretaries"]]


def test_one_declines_while_the_other_takes_up(server, login):
    seed = server.seed
    clients = secretaries(login, seed)
    mark = server.stderr_mark()
    problems = []
    for number, pk in enumerate(seed["requests_to_handle"], start=1):
        path = STATUS_PATH.format(pk=pk)
        attempts = []
        for client, step in zip(clients, ["decline", "take-up"], strict=True):
            typed = f"Ronde {number}: {step} door {client.name}"
            changes = {"reason": typed}
            attempts.append(
                Attempt(client, step_form(client, path, step).changed(changes), changes, typed)
            )
        at_once(attempts)
        round_problems = judge(attempts, STEP_TAKEN, None, "reason")
        ((status,),) = server.database.query(
            "SELECT status FROM advices_advicerequest WHERE id = %s", [pk]
        )
        steps = server.database.query(
            "SELECT status FROM advices_historicaladvicerequest "
            "WHERE id = %s AND status <> 'ontvangen'",
            [pk],
        )
        if len(steps) != 1:
            round_problems.append(f"{len(steps)} steps recorded, not one: {steps}")
        winners = [attempt for attempt in attempts if attempt.succeeded()]
        if len(winners) == 1:
            expected = "afgezien" if winners[0] is attempts[0] else "in-behandeling"
            if status != expected:
                round_problems.append(f"the request is {status!r}, the winner made {expected!r}")
        problems += [f"round {number}: {problem}" for problem in round_problems]
    assert not problems, report("request steps, parallel", problems, server.stderr_since(mark))


def test_two_extensions_at_once_extend_once(server, login):
    seed = server.seed
    clients = secretaries(login, seed)
    mark = server.stderr_mark()
    problems = []
    for number, pk in enumerate(seed["requests_to_extend"], start=1):
        path = STATUS_PATH.format(pk=pk)
        ((deadline,),) = server.database.query(
            "SELECT deadline FROM advices_advicerequest WHERE id = %s", [pk]
        )
        if isinstance(deadline, str):  # SQLite gives the text
            deadline = datetime.date.fromisoformat(deadline)
        attempts = []
        for weeks, client in enumerate(clients, start=1):
            new = deadline + datetime.timedelta(weeks=weeks)
            typed = f"Ronde {number}: verlenging door {client.name}"
            changes = {"new_deadline": new.strftime("%d-%m-%Y"), "extension_reason": typed}
            form = client.form(path, "new_deadline").changed(changes)
            attempts.append(Attempt(client, form, {**changes, "deadline": new}, typed))
        at_once(attempts)
        round_problems = judge(attempts, DEADLINE_TAKEN, None, "extension_reason")
        ((stored, original, reason),) = server.database.query(
            "SELECT deadline, original_deadline, extension_reason FROM advices_advicerequest "
            "WHERE id = %s",
            [pk],
        )
        winners = [attempt for attempt in attempts if attempt.succeeded()]
        if len(winners) == 1:
            won = winners[0]
            if str(stored) != won.changes["deadline"].isoformat() or reason != won.typed:
                round_problems.append(f"stored {stored} / {reason!r}, not the winner's")
            if str(original) != deadline.isoformat():
                round_problems.append(f"the first deadline is {original}, not {deadline}")
        problems += [f"round {number}: {problem}" for problem in round_problems]
    assert not problems, report("extensions, parallel", problems, server.stderr_since(mark))


ADD_PATH = "/admin/snippets/advices/advicerequest/add/"
# What the one who came second is told (advices/actions/requests.py, NUMBER_TAKEN).
NUMBER_TAKEN = "Dit nummer is zojuist door iemand anders gebruikt"


def test_two_registrations_with_the_same_number_make_one_request(server, login):
    """Two secretaries register a request that came by post, under the same new number, at the
    same moment: one request exists afterwards; the other secretary is told to choose another
    number and finds what they typed still in the form."""
    clients = secretaries(login, server.seed)
    mark = server.stderr_mark()
    problems = []
    for number in range(1, 6):
        reference = f"AV-2030-{number:02d}"
        attempts = []
        for client in clients:
            typed = f"Ronde {number}: vragen van {client.name}"
            changes = {
                "reference": reference,
                "subject": f"Ronde {number}: onderwerp van {client.name}",
                "questions": typed,
            }
            form = client.form(ADD_PATH, "reference").changed(changes)
            attempts.append(Attempt(client, form, changes, typed))
        at_once(attempts)
        round_problems = judge(attempts, NUMBER_TAKEN, None, "questions")
        rows = server.database.query(
            "SELECT questions FROM advices_advicerequest WHERE reference = %s", [reference]
        )
        if len(rows) != 1:
            round_problems.append(f"{len(rows)} requests numbered {reference}, not one")
        winners = [attempt for attempt in attempts if attempt.succeeded()]
        if len(rows) == 1 and len(winners) == 1 and rows[0][0] != winners[0].typed:
            round_problems.append(f"the request holds {rows[0][0]!r}, not the winner's text")
        problems += [f"round {number}: {problem}" for problem in round_problems]
    assert not problems, report(
        "request registration, parallel", problems, server.stderr_since(mark)
    )
