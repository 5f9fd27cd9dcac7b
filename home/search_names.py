"""The search as if hidden names were not in the text.

A name the secretariat hides (``home.named_people``) shows as its role on every public
page, so the search must not find a page *because of* that name: searching "Jan de Vries"
or "Vries" must not reveal which pages mention him, while "voorzitter" finds the text where
his role now stands. So every public search (the site search, the list of recommendations
and its exports, feeds and API, through ``home.search``) matches words in the text with each
hidden name replaced by its role, folded as ``home.search_text`` folds (``PublicFolded``).

The text is replaced in the query, not in a stored copy: nothing needs rebuilding when the
secretariat changes the list, and sent letters (frozen rows) need no second column.

- SQLite runs ``NameChoices.apply`` itself: each connection gets a function
  (``adviesvolger_public_fold``) that uses the list read for the query being built.
- PostgreSQL gets one ``regexp_replace`` per hidden name on the folded text, with the same
  patterns (``home.named_people.name_pattern``), longest name first. A published name that
  holds a hidden one ("Jan de Vries" published, "De Vries" hidden) is first swapped for a
  placeholder and put back at the end, as ``apply`` leaves it whole.

The list is read once per request (``current_choices``); without hidden names the text is
only folded, as before.
"""

import re

from django.db import models
from django.db.models import Func

from home.named_people import NOT_AFTER, NOT_BEFORE, current_choices, loaded_choices, name_pattern
from home.search_text import Folded, contains_word, fold

SQLITE_FUNCTION = "adviesvolger_public_fold"
# Marks a published name while hidden names are replaced: control characters, never in text.
_KEEP_START, _KEEP_END = "\x01", "\x02"


def public_fold(text):
    """``text`` folded, with each hidden name replaced by its role (the SQLite function)."""
    if text is None:
        return None
    return fold(loaded_choices().apply(text))


def postgresql_steps(choices):
    """The ``(pattern, replacement)`` steps, in order, that do to a folded text what
    ``choices.apply`` does (then folded)."""
    hidden = [(name, role) for name, role in choices.people if role is not None]
    hidden_patterns = [re.compile(whole(name)) for name, _role in hidden]
    kept = [
        name
        for name, role in choices.people
        if role is None and any(pattern.search(fold(name)) for pattern in hidden_patterns)
    ]
    placeholders = [f"{_KEEP_START}{number}{_KEEP_END}" for number in range(len(kept))]
    return [
        *((whole(name), placeholder) for name, placeholder in zip(kept, placeholders, strict=True)),
        *((whole(name), fold(role).replace("\\", "\\\\")) for name, role in hidden),
        *((placeholder, fold(name)) for name, placeholder in zip(kept, placeholders, strict=True)),
    ]


def whole(name):
    return f"{NOT_AFTER}{name_pattern(name)}{NOT_BEFORE}"


class PublicFolded(Func):
    """SQL: the text as the public sees it (hidden names as roles), folded."""

    output_field = models.TextField()
    arity = 1

    def as_sql(self, compiler, connection, **extra_context):
        raise NotImplementedError(
            f"public search text is written for SQLite and PostgreSQL, not {connection.vendor}"
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        # Read the list now, not inside the query: the SQLite function uses this one.
        if not current_choices().hidden:
            return compiler.compile(Folded(*self.source_expressions))
        return super().as_sql(compiler, connection, function=SQLITE_FUNCTION, **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(Folded(*self.source_expressions))
        choices = current_choices()
        if not choices.hidden:
            return sql, params
        for pattern, replacement in postgresql_steps(choices):
            sql = f"regexp_replace({sql}, %s, %s, 'g')"
            params = (*params, pattern, replacement)
        return sql, params


def contains_public_word(text_expression, word):
    """A condition: the folded ``word`` occurs in the public, folded text."""
    return contains_word(text_expression, word, folded=PublicFolded)


def register_sqlite_public_fold(sender, connection, **kwargs):
    """``connection_created`` receiver: give each new SQLite connection ``public_fold``.
    Not deterministic: its result depends on the list of names."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, public_fold)
