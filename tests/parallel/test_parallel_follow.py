"""Ten people (or one script) post the follow form for the same address at the same moment,
to a real server with several worker processes: exactly one confirmation mail goes out, one
subscription is stored, and every post gets the same "look in your mailbox" answer (issue 11).

Each worker has its own in-memory cache here, as in development, so the counting limits of
``advices/public/rate_limits.py`` cannot be what stops the other nine: the database decides,
with one conditional UPDATE that only one request wins
(``advices.notify.subscriptions.claim_confirmation_mail``). The server writes its mail to
files (``server.mails()``), so the test counts what was really sent.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.parallel.client import REQUEST_TIMEOUT

pytestmark = pytest.mark.parallel

PARALLEL_POSTS = 10
ROUNDS = 3


def post_at_once(url, origin, address, count):
    """``count`` posts of the follow form, from as many threads released together."""
    barrier = threading.Barrier(count)

    def submit(_number):
        barrier.wait(timeout=30)
        return requests.post(
            url,
            data={"email": address},
            headers={"Origin": origin},
            allow_redirects=False,
            timeout=REQUEST_TIMEOUT,
        )

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(submit, range(count)))


def confirmation_mails_to(server, address):
    return [
        mail
        for mail in server.mails()
        if mail["To"] == address and "Bevestig dat u" in str(mail["Subject"])
    ]


def test_parallel_follow_posts_send_one_confirmation_mail(server):
    letter_id = server.seed["answered"]
    url = f"{server.base_url}/volgen/advies/{letter_id}/"
    mark = server.stderr_mark()
    problems = []
    for number in range(1, ROUNDS + 1):
        address = f"parallel-{number}@example.nl"
        responses = post_at_once(url, server.base_url, address, PARALLEL_POSTS)
        answers = sorted(
            f"{response.status_code} {response.headers.get('Location', '')}"
            for response in responses
        )
        expected = ["302 /volgen/bevestig-uw-e-mail/"] * PARALLEL_POSTS
        if answers != expected:
            problems.append(f"round {number}: the posts answered {answers}")
        mails = confirmation_mails_to(server, address)
        if len(mails) != 1:
            problems.append(f"round {number}: {len(mails)} confirmation mails to {address}")
        rows = server.database.query(
            "SELECT COUNT(*), COUNT(confirmation_sent_at) FROM advices_subscription "
            "WHERE email = %s",
            [address],
        )
        if rows != [(1, 1)]:
            problems.append(f"round {number}: subscription rows (all, mailed) {rows}")
    errors = server.stderr_since(mark)
    assert not problems, "\n".join(problems) + (f"\nserver errors:\n{errors}" if errors else "")
