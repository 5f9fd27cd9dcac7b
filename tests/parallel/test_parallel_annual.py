"""Two secretaries on the same annual report at the same moment: both save its foreword, or
both press *Publiceren*. Exactly one wins; the other is told so, with what they typed still in
the form, and nothing is overwritten or published twice. Through a real server, both posts
released together (see ``test_parallel_saves.py``), on SQLite and PostgreSQL."""

import json

import pytest

from tests.parallel.race import ROUNDS, Attempt, at_once, judge, prepare_all, report

pytestmark = pytest.mark.parallel

EDIT_PATH = "/admin/snippets/annual/annualreport/edit/{pk}/"
PUBLISH_PATH = "/admin/snippets/annual/annualreport/publiceren/{pk}/"
# What the one who saved second is told (annual/lifecycle.py, REPORT_CHANGED).
REPORT_CHANGED = "Iemand anders heeft dit jaarverslag intussen gewijzigd"
# What publishing tells the one who won, and the one who came second (annual/admin.py,
# annual/lifecycle.py): published already, or being published right now.
PUBLISHED = "Het jaarverslag is gepubliceerd. De cijfers liggen nu vast."
TOLD_NOTHING_HAPPENED = ("Er is niets veranderd", "wordt op dit moment gepubliceerd")


def draftail(text):
    """One paragraph of ``text`` as the admin's rich-text editor posts it (Draftail's JSON)."""
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def secretaries(login, seed):
    return [login(name) for name in seed["secretaries"]]


def test_two_saves_of_one_foreword_at_once_keep_one(server, login):
    """Ten rounds: both load the form, each types a foreword of their own, both save at once.
    One is saved; the other is refused with the reason and finds their text in the form."""
    seed = server.seed
    pk = seed["annual_concept"]
    path = EDIT_PATH.format(pk=pk)
    clients = secretaries(login, seed)
    mark = server.stderr_mark()
    problems = []
    for number in range(1, ROUNDS + 1):
        typed = {client.name: f"Ronde {number}: voorwoord van {client.name}" for client in clients}
        attempts = prepare_all(
            [
                (client, path, "foreword", {"foreword": draftail(typed[client.name])})
                for client in clients
            ]
        )
        for attempt in attempts:
            attempt.typed = typed[attempt.who]  # the text, not the editor's JSON around it
        at_once(attempts)
        round_problems = judge(attempts, REPORT_CHANGED, None, "foreword")
        ((foreword,),) = server.database.query(
            "SELECT foreword FROM annual_annualreport WHERE id = %s", [pk]
        )
        winners = [attempt for attempt in attempts if attempt.succeeded()]
        kept = [name for name, text in typed.items() if text in foreword]
        if len(winners) == 1 and kept != [winners[0].who]:
            round_problems.append(f"the foreword is {foreword!r}, not {winners[0].who}'s")
        problems += [f"round {number}: {problem}" for problem in round_problems]
    duplicates = server.database.query(
        "SELECT edit_version, COUNT(*) FROM annual_historicalannualreport WHERE id = %s "
        "GROUP BY edit_version HAVING COUNT(*) > 1",
        [pk],
    )
    if duplicates:
        problems.append(f"history rows sharing an edit_version: {duplicates}")
    saves = server.database.query(
        "SELECT COUNT(*) FROM annual_historicalannualreport WHERE id = %s", [pk]
    )[0][0]
    if saves != ROUNDS + 1:  # created, then one save per round
        problems.append(f"{saves} versions in the history, not {ROUNDS + 1}")
    assert not problems, report("annual report edit, parallel", problems, server.stderr_since(mark))


def told(attempt):
    """The preview page the publication led to, with the message that tab is shown."""
    return attempt.client.get(attempt.response.headers["Location"]).text


def test_two_publications_at_once_publish_once(server, login):
    """Both press *Publiceren* on the confirmation screen at the same moment: one publishes,
    the other is told it was published already (or is being published) and nothing changes."""
    seed = server.seed
    clients = secretaries(login, seed)
    mark = server.stderr_mark()
    problems = []
    for number, pk in enumerate(seed["annual_to_publish"], start=1):
        path = PUBLISH_PATH.format(pk=pk)
        # The confirmation screen's form holds nothing to type: only its CSRF token.
        attempts = [
            Attempt(client, client.form(path, "csrfmiddlewaretoken"), {}, "") for client in clients
        ]
        at_once(attempts)
        if not all(attempt.succeeded() for attempt in attempts):
            statuses = ", ".join(f"{a.who} {a.status}" for a in attempts)
            problems.append(f"round {number}: expected two redirects, got {statuses}")
            continue
        pages = [told(attempt) for attempt in attempts]
        if sum(PUBLISHED in page for page in pages) != 1:
            told_published = sum(PUBLISHED in page for page in pages)
            problems.append(f"round {number}: {told_published} people were told they published")
        elif not any(text in page for page in pages for text in TOLD_NOTHING_HAPPENED):
            problems.append(f"round {number}: the second was not told that nothing changed")
        ((status, sha256, publishing_since),) = server.database.query(
            "SELECT status, pdf_sha256, publishing_since FROM annual_annualreport WHERE id = %s",
            [pk],
        )
        publications = server.database.query(
            "SELECT COUNT(*) FROM annual_historicalannualreport "
            "WHERE id = %s AND status = 'gepubliceerd'",
            [pk],
        )[0][0]
        if status != "gepubliceerd" or not sha256 or publishing_since is not None:
            problems.append(
                f"round {number}: the report is {status!r} (PDF hash {sha256!r}, publishing "
                f"since {publishing_since}), not published"
            )
        if publications != 1:
            problems.append(f"round {number}: {publications} publications recorded, not one")
    assert not problems, report(
        "annual report publication, parallel", problems, server.stderr_since(mark)
    )
