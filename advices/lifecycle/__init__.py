"""Every rule of the advice cycle, once. Start reading here.

- ``statuses``: the statuses of letters, recommendations, follow-ups and verdicts, and the sets
  the rules use (editable, frozen, public, final).
- ``transitions``: which step leads from which status to which, who may take it, and the Dutch
  reason when not.
- ``frozen``: which part of a letter is its text, and that nothing changes it once adopted.
- ``permissions``: who may open, edit or record what (the reasons shown with a 403).
- ``progress``: what became of a recommendation (its public status, from the reply, the
  verdict and the latest update), in Python and as SQL, side by side.
- ``lateness``: *te laat* for a commitment and *reactie te laat* for a letter, in Python and
  as SQL, side by side; ``response_term`` is where the college's response term comes from.
- ``replies``: one reply from the college per letter, and it stays with that letter.
- ``commitments``: a new due date needs a reason; the first date stays; ``due_dates``: a
  date or a quarter ("Q1 2020", stored as its last day) as the college writes them.
- ``sizes``: how long a letter may be before it can no longer be sent as one PDF.
- ``subscription_terms``: how long an unconfirmed subscription to follow by email is kept (as
  long as its confirmation link works); the privacy page states it from there.

This package decides; it changes nothing. Writes are actions (``advices.actions``) that ask
these rules first. ``tests/advices/test_lifecycle_pairs.py`` checks every Python/SQL pair
equal on SQLite and PostgreSQL.
"""
