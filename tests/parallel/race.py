"""Two people press Save at the same moment: the forms they post, the race, and its verdict.

Each form the tests race on is described once (``Case``): its admin URL, the two users, the
field each person types in, and where the database keeps it. ``prepare_all`` loads the form
for both people and lets each change it, ``at_once`` posts both at the same moment, and
``judge`` says what went wrong in that round, in words that name the symptom (both saved, a
500, no refusal message, the refused person's text gone).
"""

import html
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser

from tests.parallel.client import REQUEST_TIMEOUT

ROUNDS = 10

# The refusal the admin shows the second of two people saving the same thing (advices/forms.py).
CONFLICT = "Uw wijzigingen zijn daarom niet opgeslagen"
# The refusal of a second reply to a letter that already has one.
SECOND_REPLY = "al een reactie"


@dataclass(frozen=True)
class Case:
    """One edit form that two people may save at the same time."""

    name: str  # the test id
    label: str  # in Dutch, in the text each person types
    users: str  # the seed's list of two usernames: "members" or "clerks"
    path: str  # the edit URL, formatted with the seed's keys
    text_field: str  # the field each person types their own text in
    table: str
    columns: dict  # form field -> column of ``table`` that stores it
    row_key: str = ""  # the seed's key of the row's primary key ...
    row_field: str = ""  # ... or the form field that holds it (a formset row's id)
    # Other fields each person sets differently (field -> one value per person).
    alternatives: dict = field(default_factory=dict)
    # Columns a save changes by itself (a version number, a timestamp).
    bookkeeping: tuple = ()
    # The other rows the form posts back unchanged (a formset's rows), as a query formatted
    # with the seed's keys and ``row``.
    others: str = ""

    def url(self, seed):
        return self.path.format(**seed)

    def row_id(self, seed, form):
        return int(form.get(self.row_field)) if self.row_field else seed[self.row_key]

    def changes(self, round_number, index, who):
        values = {self.text_field: f"Ronde {round_number}: {self.label} van {who}"}
        values.update({name: choices[index] for name, choices in self.alternatives.items()})
        return values

    def stored(self, database, row_id):
        """The changed fields as the database holds them now, by form field name."""
        names = list(self.columns)
        columns = ", ".join(self.columns[name] for name in names)
        rows = database.query(f"SELECT {columns} FROM {self.table} WHERE id = %s", [row_id])
        assert len(rows) == 1, f"{self.table} has no row {row_id}"
        return dict(zip(names, rows[0], strict=True))

    def snapshot(self, database, seed, row_id):
        """Everything the form posts back that the person did not change, as stored now."""
        (row,) = database.records(f"SELECT * FROM {self.table} WHERE id = %s", [row_id])
        for column in (*self.columns.values(), *self.bookkeeping):
            del row[column]
        others = database.records(self.others.format(**seed, row=row_id)) if self.others else []
        return {"row": row, "others": others}


def differences(before, after):
    """What changed between two snapshots, one line per column (or changed list of rows)."""
    lines = [
        f"{column}: {before['row'][column]!r} -> {after['row'].get(column)!r}"
        for column in before["row"]
        if before["row"][column] != after["row"].get(column)
    ]
    if before["others"] != after["others"]:
        lines.append(f"other rows: {before['others']!r} -> {after['others']!r}")
    return lines


LETTER = Case(
    name="letter",
    label="onderwerp",
    users="members",
    path="/admin/snippets/advices/adviceletter/edit/{draft}/",
    text_field="subject",
    table="advices_adviceletter",
    columns={"subject": "subject"},
    row_key="draft",
    bookkeeping=("edit_version", "updated_at"),
    others="SELECT * FROM advices_recommendation WHERE letter_id = {draft} ORDER BY id",
)
VERDICTS = Case(
    name="verdicts",
    label="antwoord",
    users="clerks",
    path="/admin/snippets/advices/collegeresponse/standpunten/{response}/",
    text_field="form-0-answer",
    table="advices_recommendationanswer",
    columns={"form-0-answer": "answer", "form-0-verdict": "verdict"},
    row_field="form-0-id",
    alternatives={"form-0-verdict": ["overgenomen", "niet-overgenomen"]},
    others=(
        "SELECT * FROM advices_recommendationanswer "
        "WHERE response_id = {response} AND id <> {row} ORDER BY id"
    ),
)
COMMITMENT = Case(
    name="commitment",
    label="toezegging",
    users="clerks",
    path="/admin/snippets/advices/commitment/edit/{commitment}/",
    text_field="description",
    table="advices_commitment",
    columns={"description": "description"},
    row_key="commitment",
)
FOLLOW_UP = Case(
    name="follow_up",
    label="voortgang",
    users="clerks",
    path="/admin/snippets/advices/followup/edit/{follow_up}/",
    text_field="note",
    table="advices_followup",
    columns={"note": "note"},
    row_key="follow_up",
)
EDIT_CASES = [LETTER, VERDICTS, COMMITMENT, FOLLOW_UP]

REPLY_PATH = "/admin/snippets/advices/collegeresponse/add/"


def reply_changes(letter_id, text):
    """The reply form's fields a clerk fills in (the date keeps its default, today)."""
    return {"letter": str(letter_id), "text": text, "summary": "Het college neemt het advies over."}


def reply_outcome(database, letter_id):
    """The stored reply to the letter as ``judge`` wants it, and a problem if not one reply."""
    texts = [
        row[0]
        for row in database.query(
            "SELECT text FROM advices_collegeresponse WHERE letter_id = %s", [letter_id]
        )
    ]
    if len(texts) == 1:
        return {"text": texts[0]}, []
    return None, [f"the letter has {len(texts)} replies, not one"]


@dataclass
class Attempt:
    """One person's save: their client, the form as they changed it, and the answer."""

    client: object
    form: object
    changes: dict
    typed: str  # the text they typed: saved, or shown again with the refusal
    response: object = None

    @property
    def who(self):
        return self.client.name

    @property
    def status(self):
        return self.response.status_code

    def succeeded(self):
        # A redirect to the login page would be a lost session, not a save.
        location = self.response.headers.get("Location", "")
        return self.status == 302 and "/login/" not in location


def prepare(client, path, text_field, changes):
    """Load the form as ``client`` and change it as they would; nothing is posted yet."""
    form = client.form(path, text_field)
    return Attempt(client, form.changed(changes), changes, changes[text_field])


def prepare_all(jobs):
    """``prepare`` for each (client, path, text_field, changes), the pages loaded in parallel
    (only to save time: the forms are posted after every one of them has loaded)."""
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = [pool.submit(prepare, *job) for job in jobs]
        return [future.result(timeout=REQUEST_TIMEOUT + 30) for future in futures]


def at_once(attempts):
    """Post every attempt's form at the same moment, one thread each.

    A barrier releases the threads together, so both requests reach the server within a
    fraction of a millisecond, each on a connection of its own (and so on a worker of its own).
    """
    barrier = threading.Barrier(len(attempts))

    def submit(attempt):
        barrier.wait(timeout=30)
        return attempt.client.submit(attempt.form)

    with ThreadPoolExecutor(max_workers=len(attempts)) as pool:
        futures = [pool.submit(submit, attempt) for attempt in attempts]
        for attempt, future in zip(attempts, futures, strict=True):
            attempt.response = future.result(timeout=REQUEST_TIMEOUT + 30)
    return attempts


class _ErrorText(HTMLParser):
    """Collects the text of elements with an error class (Wagtail's field errors and messages)."""

    CLASSES = {"error", "error-message", "help-critical"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.messages = []
        self._depth = 0  # > 0 while inside an error element
        self._chunks = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
            return  # void elements have no end tag
        if self._depth:
            self._depth += 1
        elif self.CLASSES & set((dict(attrs).get("class") or "").split()):
            self._depth = 1
            self._chunks = []

    def handle_endtag(self, tag):
        if not self._depth:
            return
        self._depth -= 1
        if not self._depth:
            message = " ".join("".join(self._chunks).split())
            if message and message not in self.messages:
                self.messages.append(message)

    def handle_data(self, data):
        if self._depth:
            self._chunks.append(data)


def page_errors(text):
    """The error messages on an answered page, in short: what the person was told."""
    parser = _ErrorText()
    parser.feed(text)
    return "; ".join(parser.messages)[:500] or "(no error message on the page)"


def judge(attempts, refusal, stored, text_field):
    """What went wrong in one round of two saves, as lines; none when all is well.

    All is well when exactly one save succeeded (a redirect), the other was answered with the
    form again (200) saying ``refusal`` and still showing what that person typed, nothing
    answered 5xx, and the database holds the winner's values. ``stored`` maps the changed
    form fields to the values the database holds now (None: the caller reports what is wrong
    with the stored rows).
    """
    problems = []
    statuses = ", ".join(f"{a.who} {a.status}" for a in attempts)
    winners = [a for a in attempts if a.succeeded()]
    refused = [a for a in attempts if a.status == 200]
    if any(a.status >= 500 for a in attempts):
        problems.append(f"server error ({statuses})")
    if len(winners) != 1 or len(refused) != 1:
        problems.append(f"expected one redirect (saved) and one 200 (refused), got {statuses}")
    for attempt in refused:
        if refusal not in attempt.response.text:
            problems.append(
                f"{attempt.who}'s 200 does not say {refusal!r}; it says: "
                f"{page_errors(attempt.response.text)}"
            )
        if html.escape(attempt.typed) not in attempt.response.text:
            problems.append(f"{attempt.who}'s typed text {attempt.typed!r} is not on the page")
    if stored is not None and len(winners) == 1:
        expected = {name: winners[0].changes[name] for name in stored}
        if stored != expected:
            problems.append(f"the database holds {stored!r}, not the winner's {expected!r}")
    if stored is not None and len(winners) > 1:
        kept = stored.get(text_field)
        lost = [a.who for a in winners if a.typed != kept]
        problems.append(f"both saves succeeded; the database kept {kept!r}, lost {lost}")
    return problems


def server_errors(stderr):
    """The server's stderr in short: each distinct error line with its count, then the tail."""
    counts = {}
    for line in stderr.splitlines():
        if re.match(r"^[\w.]*(Error|Exception)\b", line) or "Internal Server Error" in line:
            counts[line.strip()] = counts.get(line.strip(), 0) + 1
    summary = "\n".join(f"  {count} x {line}" for line, count in counts.items())
    if not summary:
        return "server errors: none"
    last = stderr.rfind("Traceback (most recent call last)")
    last = stderr.rfind("\n", 0, last) + 1 if last > 0 else 0
    return f"server error lines:\n{summary}\nthe last traceback:\n{stderr[last:][-4000:]}"


def report(title, problems, stderr):
    return (
        f"{title}: {len(problems)} problem(s)\n"
        + "\n".join(problems)
        + "\n"
        + server_errors(stderr)
    )
