"""People named in reports and letters: the name, or only the role, on every public output.

The secretariat lists names (``home.models.NamedPerson``) and chooses per name: publish it,
or show the role ("de voorzitter") instead. This module is the one place that applies the
choice. The public outputs call it:

- every page on ``base.html`` (the whole document passes the ``public_names`` filter of
  ``home/templatetags/name_tags.py``): meeting reports, letters, recommendations, requests,
  listings, search results, titles and descriptions;
- the RSS and Atom feeds, the CSV and JSON files, the JSON API and the ODS Open
  Raadsinformatie API (``advices.public``);
- the search (the site search, and ``?q=`` on the list of recommendations, its files and the
  API): it matches words as if each hidden name were its role (``home.search_names``), so a
  hidden name finds nothing and its role does; excerpts are cut after the replacement, and
  the results page shows the words a visitor typed as typed (``AS_TYPED``), never as a role;
- the mails to followers and subscribers (``advices.notify.public_names``): subjects and
  texts quoted from letters, requests and reports. ``advices`` calls this module; ``home``
  knows nothing of ``advices``.

The stored PDF of a sent letter never passes here: it is an archival record, kept as sent.

A name matches regardless of case and accents ("jose van dijk" is "José van Dijk"), only as
whole words ("Jansen" is not replaced inside "Jansens" or "Jansen-de Boer"), and never next
to a "/" (a link).
The longest listed name wins, so a published "Jan de Vries" is not cut up by a hidden
"De Vries". The list is read once per request (``forget`` runs at every request start and
whenever the list changes), so any number of texts costs one query; a batch of mails reads
it once, fresh.
"""

import re
import threading
import time

from django.utils.html import escape

from home.search_text import fold

# Outside a request (a management command, a task) the list is read again after this long.
MEMO_SECONDS = 60

# An apostrophe as typed, typographic, or as HTML escapes it.
_APOSTROPHE = r"(?:'|’|&\#x27;|&\#39;|&apos;)"
# Between the words of a name: any white space, also a non-breaking space.
_SPACE = "(?:\\s|\u00a0|&nbsp;|&\\#160;)+"  # the no-break space itself for PostgreSQL
# Not inside a longer word, a double surname ("Jansen-de Boer") or a link.
NOT_AFTER = r"(?<![\w/-])"
NOT_BEFORE = r"(?![\w/-])"
# Around what a visitor typed (a search), shown back as typed: ``apply_html`` leaves it
# alone, else "Jan de Vries" would come back as "de voorzitter" and tell his role.
# Private-use characters, removed on output (``as_typed`` in name_tags adds them).
AS_TYPED_START, AS_TYPED_END = "\ue000", "\ue001"
_AS_TYPED = re.compile(f"{AS_TYPED_START}(.*?){AS_TYPED_END}", re.S)
# HTML that is no text: comments, scripts, styles and tags (a tag is handled on its own).
_HTML_PARTS = re.compile(
    r"(<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<[^>]*>)", re.S | re.I
)
# The attributes of a tag that hold text a reader sees or hears.
_TEXT_ATTRIBUTES = re.compile(
    r"""(\s(?:alt|title|content|aria-label)\s*=\s*)("[^"]*"|'[^']*')""", re.I
)
# A tag that starts a new block of text: a role right after it starts with a capital.
_BLOCK_TAG = re.compile(
    r"</?(?:p|li|h[1-6]|td|th|dd|dt|div|blockquote|br|title|figcaption|section|article|main)\b",
    re.I,
)


def _folded(text):
    """``fold(text)`` with every character in its place, so a match in the folded text is
    the same span in the text."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded
    # A rare letter whose lower case is longer (such as "İ"): fold one at a time.
    return "".join((fold(char) or char)[:1] for char in text)


def name_pattern(name):
    """A regular expression for ``name`` in folded text (any white space between the words,
    any apostrophe), without the word edges. Python's and PostgreSQL's syntax alike."""
    words = fold(" ".join(name.split())).split(" ")
    parts = [
        "".join(_APOSTROPHE if char in "'’" else re.escape(char) for char in word) for word in words
    ]
    return _SPACE.join(parts)


class NameChoices:
    """The listed names as one pattern, with for each the text that replaces it."""

    def __init__(self, people):
        people = sorted(
            (person for person in people if person.name.strip()),
            key=lambda person: len(person.name),
            reverse=True,
        )
        self.hidden = any(not person.publish_name for person in people)
        # Longest first: (name, role), the role None for a published name.
        self.people = [
            (person.name, None if person.publish_name else person.role) for person in people
        ]
        # One group per name, in order; a published name replaces itself (keeps the text).
        self.roles = [None if person.publish_name else person.role for person in people]
        alternatives = "|".join(f"({name_pattern(person.name)})" for person in people)
        self.pattern = re.compile(f"{NOT_AFTER}(?:{alternatives}){NOT_BEFORE}") if people else None

    @classmethod
    def load(cls):
        from home.models import NamedPerson

        return cls(NamedPerson.objects.only("name", "role", "publish_name"))

    def apply(self, text, *, sentence_start=True, escape_roles=False):
        """``text`` with every hidden name replaced by its role. ``sentence_start``: whether
        ``text`` begins a sentence (a role there starts with a capital)."""
        if not self.hidden or not text:
            return text
        pieces = []
        position = 0
        for match in self.pattern.finditer(_folded(text)):
            role = self.roles[match.lastindex - 1]
            if role is None:
                continue
            pieces.append(text[position : match.start()])
            preceding = text[: match.start()].rstrip()
            if (preceding[-1:] in ".!?") if preceding else sentence_start:
                role = role[:1].upper() + role[1:]
            pieces.append(escape(role) if escape_roles else role)
            position = match.end()
        if not pieces:
            return text
        pieces.append(text[position:])
        return "".join(pieces)

    def apply_html(self, html):
        """``html`` (escaped) with every hidden name replaced in its text and in the
        attributes that hold text (``alt``, ``title``, ``content``, ``aria-label``); links,
        scripts and styles are left alone, and so is what the visitor typed (``AS_TYPED``).
        The roles are escaped."""
        if html and AS_TYPED_START in html:
            parts = _AS_TYPED.split(html)
            return "".join(
                part if index % 2 else self.apply_html(part) for index, part in enumerate(parts)
            )
        if not self.hidden or not html:
            return html
        parts = _HTML_PARTS.split(html)
        sentence_start = True
        for index, part in enumerate(parts):
            if index % 2 == 0:
                if part.strip():
                    parts[index] = self.apply(
                        part, sentence_start=sentence_start, escape_roles=True
                    )
                    sentence_start = part.rstrip()[-1] in ".!?"
            elif _BLOCK_TAG.match(part):
                sentence_start = True
                parts[index] = self._apply_attributes(part)
            elif part.startswith("<") and not part.startswith(("<!--", "<script", "<style")):
                parts[index] = self._apply_attributes(part)
        return "".join(parts)

    def _apply_attributes(self, tag):
        def replaced(match):
            quote, value = match.group(2)[0], match.group(2)[1:-1]
            value = self.apply(value, escape_roles=True)
            return f"{match.group(1)}{quote}{value}{quote}"

        return _TEXT_ATTRIBUTES.sub(replaced, tag)


_local = threading.local()


def loaded_choices():
    """The list this thread read last (``current_choices``), without reading it: for code
    that runs inside a query, such as SQLite's search function (``home.search_names``)."""
    memo = getattr(_local, "memo", None)
    return memo[1] if memo else NameChoices([])


def current_choices():
    """The list as it is now: read at most once per request."""
    memo = getattr(_local, "memo", None)
    if memo is None or time.monotonic() - memo[0] > MEMO_SECONDS:
        memo = (time.monotonic(), NameChoices.load())
        _local.memo = memo
    return memo[1]


def forget(**kwargs):
    """Read the list again next time (a request starts, or the list changed)."""
    _local.__dict__.pop("memo", None)


def apply_name_choices(text):
    """Plain ``text`` as the public may see it: each hidden name replaced by its role."""
    return current_choices().apply(text)


def apply_name_choices_html(html):
    """``html`` (already escaped) as the public may see it."""
    return current_choices().apply_html(html)


def apply_name_choices_to_data(value, *, keep=lambda key: key.endswith("url")):
    """A JSON-like ``value`` (dicts, lists, texts) with the choices applied to every text,
    except under keys for which ``keep(key)`` holds (the links)."""
    choices = current_choices()
    if not choices.hidden:
        return value
    return _applied(value, choices, keep)


def _applied(value, choices, keep):
    if isinstance(value, str):
        # Rich text (a letter's introduction) as HTML: its links stay as they are.
        return choices.apply_html(value) if value.startswith("<") else choices.apply(value)
    if isinstance(value, dict):
        return {
            key: item if keep(str(key)) else _applied(item, choices, keep)
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [_applied(item, choices, keep) for item in value]
    return value
