"""Matching words in text regardless of accents and case, the same on SQLite and PostgreSQL.

"buurtcafe" finds "Buurtcafé", "SWT" finds "swt", "ideeen" finds "ideeën".

How: text and word are both *folded* (lower case, accented Latin letters to their plain
letter) and the folded word must occur in the folded text. The word is folded in Python
(``fold``); the text by the database (``Folded``), from one table of letters:

- PostgreSQL: ``translate(lower(text), FROM, TO)``, built-in functions only. The
  ``unaccent`` extension is not used: it must be installed by a superuser, and its rules
  differ from anything SQLite could do.
- SQLite has no ``translate``: each new connection gets a function ``adviesvolger_fold``
  that runs ``fold`` itself (registered in ``HomeConfig.ready``). A chain of ``replace()``
  calls would need no registration, but SQLite's parser refuses the nesting that fifty
  letters need.

So both databases fold with the same table and give the same results, also for upper-case
accented letters (which PostgreSQL's ``lower()`` leaves alone under the C locale). Folding at
query time, not a folded copy stored on save: the texts of sent letters are frozen (the
database refuses any change to their rows, ``advices/migrations/0010``), history tables would
copy the column, and bulk writes would skip it; a scan with the fold costs a few
milliseconds per thousand rows (``fold`` leaves plain-ASCII text alone).
"""

import string

from django.db import models
from django.db.models import Func, Value
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan

SQLITE_FUNCTION = "adviesvolger_fold"

# Every accented letter of the Latin alphabets a Dutch text is likely to hold, by the plain
# letter it folds to; the upper-case forms are added below.
_ACCENTED = {
    "a": "áàâäãåā",
    "e": "éèêëēę",
    "i": "íìîïī",
    "o": "óòôöõøō",
    "u": "úùûüū",
    "y": "ýÿ",
    "c": "çč",
    "n": "ñń",
    "s": "šś",
    "z": "žź",
}
FOLDED_LETTERS = {
    accented: plain
    for plain, letters in _ACCENTED.items()
    for lower in letters
    for accented in (lower, lower.upper())
}
FOLD_FROM = "".join(FOLDED_LETTERS)
FOLD_TO = "".join(FOLDED_LETTERS.values())

# A search is a few words: enough for any real question, and each word costs a scan.
SEARCH_MAX_LENGTH = 200
SEARCH_MAX_WORDS = 8
# Quotes and other punctuation around a word are not part of it ("mantelzorg", (SWT)).
WORD_EDGES = string.punctuation.replace("-", "") + "“”‘’„«»…"


def fold(text):
    """``text`` in lower case without accents, as the database folds it (``Folded``)."""
    if text is None:
        return None
    text = text.lower()
    if text.isascii():
        return text
    # A replace per letter that occurs: much faster than str.translate on long text.
    for accented, plain in FOLDED_LETTERS.items():
        if accented in text:
            text = text.replace(accented, plain)
    return text


def search_words(text):
    """The words of a search, within bounds: cut, never refused. Punctuation around a word
    is dropped (a hyphen inside a reference such as PR-2022-01 stays); a word of punctuation
    only is searched for as it is."""
    words = (text or "")[:SEARCH_MAX_LENGTH].split()[:SEARCH_MAX_WORDS]
    return [word.strip(WORD_EDGES) or word for word in words]


class Folded(Func):
    """SQL: ``fold`` of a text expression."""

    output_field = models.TextField()
    arity = 1

    def as_sql(self, compiler, connection, **extra_context):
        raise NotImplementedError(
            f"folding text is written for SQLite and PostgreSQL, not {connection.vendor}"
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function=SQLITE_FUNCTION, **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"translate(lower({sql}), %s, %s)", (*params, FOLD_FROM, FOLD_TO)


def contains_word(text_expression, word, folded=Folded):
    """A condition (for ``filter`` or ``When``): the folded ``word`` occurs in the text as
    ``folded`` folds it (``home.search_names.PublicFolded`` for the public search). A
    position test, not LIKE: no wildcard in the word needs escaping."""
    return GreaterThan(StrIndex(folded(text_expression), Value(fold(word))), 0)


def register_sqlite_fold(sender, connection, **kwargs):
    """``connection_created`` receiver: give each new SQLite connection the fold function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, fold, deterministic=True)
