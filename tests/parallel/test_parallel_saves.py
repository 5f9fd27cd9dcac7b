"""Two people save the same thing at the same moment, through a real server: exactly one
save wins, the other is refused with a clear message and their text kept, and nothing
answers 500 or is lost (issue 10).

Sequential tests cannot show this: a check that reads the version and then writes is
correct one request at a time and still lets two parallel saves both through. So each round
here loads the form for two people (two users, two sessions), lets each change the same
field to their own text, and posts both forms from two threads released together by a
barrier, to gunicorn with several worker processes on a database of its own (``server.py``).
Ten rounds per form, on SQLite and on PostgreSQL (the suite's database decides which).

Every round is judged and all problems are reported together, with the server's error
lines, so a failure says how often and how it went wrong (both saved, a 500, ...).
"""

import pytest

from tests.parallel.race import (
    COMMITMENT,
    CONFLICT,
    FOLLOW_UP,
    LETTER,
    REPLY_PATH,
    ROUNDS,
    SECOND_REPLY,
    VERDICTS,
    at_once,
    judge,
    prepare_all,
    reply_changes,
    reply_outcome,
    report,
)

pytestmark = pytest.mark.parallel


def race_edits(server, login, case):
    """Ten rounds of two parallel saves of ``case``'s form; returns the problems found."""
    seed = server.seed
    clients = [login(name) for name in seed[case.users]]
    path = case.url(seed)
    problems = []
    for number in range(1, ROUNDS + 1):
        attempts = prepare_all(
            [
                (client, path, case.text_field, case.changes(number, index, client.name))
                for index, client in enumerate(clients)
            ]
        )
        at_once(attempts)
        stored = case.stored(server.database, case.row_id(seed, attempts[0].form))
        problems += [
            f"round {number}: {problem}"
            for problem in judge(attempts, CONFLICT, stored, case.text_field)
        ]
    return problems


def test_parallel_saves_of_one_letter(server, login):
    """The letter's edit form: one save wins, the other gets "saved first by ..."; and the
    letter's history never holds two versions with the same edit number."""
    mark = server.stderr_mark()
    problems = race_edits(server, login, LETTER)
    duplicates = server.database.query(
        "SELECT edit_version, COUNT(*) FROM advices_historicaladviceletter WHERE id = %s "
        "GROUP BY edit_version HAVING COUNT(*) > 1 ORDER BY edit_version",
        [server.seed["draft"]],
    )
    if duplicates:
        problems.append(
            "history rows sharing an edit_version (edit_version, rows): "
            + ", ".join(f"({version}, {count})" for version, count in duplicates)
        )
    assert not problems, report("letter edit, parallel", problems, server.stderr_since(mark))


@pytest.mark.parametrize("case", [VERDICTS, COMMITMENT, FOLLOW_UP], ids=lambda case: case.name)
def test_parallel_saves_of_the_college_side(server, login, case):
    """The verdicts page (verdict and answer of the first recommendation), a commitment's
    description and a progress update's note, each saved by two clerks at once."""
    mark = server.stderr_mark()
    problems = race_edits(server, login, case)
    assert not problems, report(f"{case.name}, parallel", problems, server.stderr_since(mark))


def test_parallel_replies_to_one_letter(server, login):
    """Two clerks record the college's reply to the same sent letter at once (a fresh letter
    each round): one reply is stored, the other clerk is told the letter already has one."""
    seed = server.seed
    clients = [login(name) for name in seed["clerks"]]
    letters = seed["unanswered"][2 : 2 + ROUNDS]
    assert len(letters) == ROUNDS, "the seed made too few letters without a reply"
    mark = server.stderr_mark()
    problems = []
    for number, letter_id in enumerate(letters, start=1):
        attempts = prepare_all(
            [
                (
                    client,
                    REPLY_PATH,
                    "text",
                    reply_changes(letter_id, f"Ronde {number}: reactie van {client.name}"),
                )
                for client in clients
            ]
        )
        at_once(attempts)
        stored, round_problems = reply_outcome(server.database, letter_id)
        round_problems += judge(attempts, SECOND_REPLY, stored, "text")
        problems += [f"round {number}: {problem}" for problem in round_problems]
    assert not problems, report("replies, parallel", problems, server.stderr_since(mark))
