"""Two clerks save the same decision after the advice at the same moment, from forms loaded
at the same version, through a real server (``tests/parallel``): one save wins, the other
is told someone saved first and sees what they typed again; nothing answers 500.

The decision itself is recorded first through the admin's own form (a real POST), on the
seed's sent letter with the college's reply, so the seed needs nothing of its own."""

import pytest

from tests.parallel.race import CONFLICT, ROUNDS, at_once, judge, prepare_all, report

pytestmark = pytest.mark.parallel

ADD = "/admin/snippets/advices/decision/add/?brief={reference}"
EDIT = "/admin/snippets/advices/decision/edit/{pk}/"


def record_decision(server, client):
    """The clerk records a decision on the seed's answered letter; its id and the field name
    of its first recommendation's outcome."""
    database = server.database
    letter_id = server.seed["answered"]
    ((reference,),) = database.query(
        "SELECT reference FROM advices_adviceletter WHERE id = %s", [letter_id]
    )
    ((first,),) = database.query(
        "SELECT id FROM advices_recommendation WHERE letter_id = %s ORDER BY number, id LIMIT 1",
        [letter_id],
    )
    follows = f"aanbeveling-{first}-follows"
    path = ADD.format(reference=reference)
    form = client.form(path, "title").changed(
        {
            "title": "Vaststelling beleidsplan",
            "url": "https://gemeente.example.nl/besluiten/1",
            follows: "volgt",
        }
    )
    response = client.submit(form)
    assert response.status_code == 302, response.text[:3000]
    ((decision_id,),) = database.query(
        "SELECT id FROM advices_decision WHERE letter_id = %s ORDER BY id DESC LIMIT 1",
        [letter_id],
    )
    return decision_id, first, follows


def stored(database, decision_id, recommendation_id, follows_field):
    ((title,),) = database.query("SELECT title FROM advices_decision WHERE id = %s", [decision_id])
    rows = database.query(
        "SELECT follows FROM advices_decisionoutcome WHERE decision_id = %s "
        "AND recommendation_id = %s",
        [decision_id, recommendation_id],
    )
    return {"title": title, follows_field: rows[0][0] if rows else None}


def test_parallel_saves_of_one_decision(server, login):
    clients = [login(name) for name in server.seed["clerks"]]
    decision_id, recommendation_id, follows = record_decision(server, clients[0])
    path = EDIT.format(pk=decision_id)
    mark = server.stderr_mark()
    problems = []
    for number in range(1, ROUNDS + 1):
        attempts = prepare_all(
            [
                (
                    client,
                    path,
                    "title",
                    {
                        "title": f"Ronde {number}: besluit van {client.name}",
                        follows: ["volgt-deels", "volgt-niet"][index],
                    },
                )
                for index, client in enumerate(clients)
            ]
        )
        at_once(attempts)
        now = stored(server.database, decision_id, recommendation_id, follows)
        problems += [
            f"round {number}: {problem}" for problem in judge(attempts, CONFLICT, now, "title")
        ]
    versions = server.database.query(
        "SELECT COUNT(*) FROM advices_historicaldecision WHERE id = %s", [decision_id]
    )[0][0]
    # One version for recording it, one per round's winner.
    if versions != ROUNDS + 1:
        problems.append(f"the decision has {versions} versions, not {ROUNDS + 1}")
    assert not problems, report("decision edit, parallel", problems, server.stderr_since(mark))
