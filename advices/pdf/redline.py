"""A word-level redline of a whole letter between two versions, rendered as the letter.

Built from escaped tokens only: letter text never reaches the page as HTML.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from html.parser import HTMLParser
from itertools import zip_longest

from django.apps import apps
from django.utils import formats
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from advices.lifecycle.statuses import AdviceKind
from advices.queries.versions import LetterVersion, RecommendationVersion

# -- word diff --------------------------------------------------------------------------

# Words, runs of whitespace and single punctuation marks: a changed comma is not a changed word.
TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def _changes(old, new):
    """[(old_text, new_text, changed)] for two texts, compared word by word."""
    a, b = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    # autojunk would treat the frequent " " token as junk and give poor diffs for long texts.
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    chunks = [
        ("".join(a[i1:i2]), "".join(b[j1:j2]), tag != "equal")
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    # Whitespace kept between two changed words would cut "<del>a b</del><ins>c d</ins>"
    # into word-by-word pieces that are hard to read; fold it into the change.
    merged = []
    for index, (old_text, new_text, changed) in enumerate(chunks):
        bridge = (
            not changed
            and not old_text.strip()
            and index + 1 < len(chunks)
            and chunks[index + 1][2]
        )
        if (changed or bridge) and merged and merged[-1][2]:
            merged[-1] = (merged[-1][0] + old_text, merged[-1][1] + new_text, True)
        else:
            merged.append((old_text, new_text, changed))
    return _words_first(merged)


def _words_first(chunks):
    """Move a space that opens an insertion or deletion behind it: "Neem <ins>alle </ins>…".

    The matcher is free to pick " alle" or "alle "; a marked change that starts with a
    word reads better. Only done when the next unchanged text starts with the same space.
    """
    chunks = [list(chunk) for chunk in chunks]
    for index in range(1, len(chunks) - 1):
        before, chunk, after = chunks[index - 1], chunks[index], chunks[index + 1]
        text = chunk[0] or chunk[1]
        if not chunk[2] or (chunk[0] and chunk[1]) or before[2] or after[2]:
            continue
        space = text[: len(text) - len(text.lstrip())]
        if space and text.strip() and after[1].startswith(space):
            moved = text[len(space) :] + space
            chunk[0 if chunk[0] else 1] = moved
            before[0] += space
            before[1] += space
            after[0] = after[0][len(space) :]
            after[1] = after[1][len(space) :]
    return [tuple(chunk) for chunk in chunks]


def _marked(tag, label, text):
    # The hidden label says what colour and line style show, for screen readers and copies.
    return format_html(
        '<{tag}><span class="redline-hidden">[{label}: </span>{text}'
        '<span class="redline-hidden">]</span></{tag}>',
        tag=tag,
        label=label,
        text=text,
    )


def diff_text(old, new):
    """Escaped HTML of ``old`` → ``new`` with <del> and <ins>: never trusts either text."""
    parts = []
    for old_text, new_text, changed in _changes(old, new):
        if not changed:
            parts.append(escape(new_text))
            continue
        if old_text:
            parts.append(_marked("del", _("verwijderd"), old_text))
        if new_text:
            parts.append(_marked("ins", _("ingevoegd"), new_text))
    return mark_safe("".join(parts))  # every piece is escaped above


class _ParagraphText(HTMLParser):
    """The plain text of each paragraph (or list item) of rich text; markup is dropped."""

    BLOCKS = {"p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs = []
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        self._text.append(data)

    def _flush(self):
        text = " ".join("".join(self._text).split())
        if text:
            self.paragraphs.append(text)
        self._text = []

    def close(self):
        super().close()
        self._flush()


def rich_text_paragraphs(html):
    parser = _ParagraphText()
    parser.feed(html or "")
    parser.close()
    return parser.paragraphs


def diff_paragraphs(old_html, new_html):
    """Rich text compared paragraph by paragraph: a list of escaped HTML paragraphs."""
    a, b = rich_text_paragraphs(old_html), rich_text_paragraphs(new_html)
    result = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.extend(escape(text) for text in b[j1:j2])
        else:
            # Rewritten paragraphs are paired in order; the rest is wholly added or removed.
            pairs = zip_longest(a[i1:i2], b[j1:j2], fillvalue="")
            result.extend(diff_text(old, new) for old, new in pairs)
    return result


# -- the letter's redline ------------------------------------------------------------------

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
UNCHANGED = "unchanged"

STATE_LABELS = {
    ADDED: gettext_lazy("Nieuwe aanbeveling"),
    REMOVED: gettext_lazy("Verwijderde aanbeveling"),
    CHANGED: gettext_lazy("Gewijzigd"),
}


@dataclass
class RecommendationChange:
    state: str
    old: RecommendationVersion | None
    new: RecommendationVersion | None
    moved: bool = False
    number: SafeString = ""
    heading: SafeString = ""
    context: SafeString = ""
    advice: SafeString = ""
    labels: list = field(default_factory=list)


def _text(value):
    """A field value as the letter shows it."""
    if isinstance(value, date):
        return formats.date_format(value, "j F Y")
    return "" if value is None else str(value)


def _kind_label(request_id):
    """Gevraagd (with the request's number) or ongevraagd advies, as the version had it."""
    if request_id is None:
        return str(AdviceKind.UNREQUESTED.label)
    number = (
        apps.get_model("advices", "AdviceRequest")
        .objects.filter(pk=request_id)
        .values_list("reference", flat=True)
        .first()
    )
    return f"{AdviceKind.REQUESTED.label} ({number})" if number else str(AdviceKind.REQUESTED.label)


def _moved_ids(old_list, new_list):
    """Ids whose order relative to the others changed (not merely renumbered)."""
    common = {r.id for r in old_list} & {r.id for r in new_list}
    a = [r.id for r in old_list if r.id in common]
    b = [r.id for r in new_list if r.id in common]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    kept = {
        b[j]
        for block in matcher.get_matching_blocks()
        for j in range(block.b, block.b + block.size)
    }
    return common - kept


def _recommendation_change(old, new, moved):
    state = ADDED if old is None else REMOVED if new is None else CHANGED
    if state == CHANGED and old.content == new.content:
        state = UNCHANGED
    change = RecommendationChange(state=state, old=old, new=new, moved=moved)
    for name in ("number", "heading", "context", "advice"):
        setattr(
            change,
            name,
            diff_text(_text(getattr(old, name, "")), _text(getattr(new, name, ""))),
        )
    if state != UNCHANGED:
        change.labels.append(STATE_LABELS[state])
    if moved:
        change.labels.append(
            _("Verplaatst: was %(old)s, nu %(new)s") % {"old": old.number, "new": new.number}
        )
    return change


def recommendation_changes(old_list, new_list):
    """Recommendations matched by id, in the new order; removed ones where they used to be."""
    new_ids = {r.id for r in new_list}
    old_by_id = {r.id: r for r in old_list}
    moved = _moved_ids(old_list, new_list)
    # A removed recommendation follows the last surviving one that preceded it.
    removed_after = {}
    anchor = None
    for recommendation in old_list:
        if recommendation.id in new_ids:
            anchor = recommendation.id
        else:
            removed_after.setdefault(anchor, []).append(recommendation)

    def removed(anchor_id):
        return [_recommendation_change(r, None, False) for r in removed_after.get(anchor_id, [])]

    changes = removed(None)
    for recommendation in new_list:
        old = old_by_id.get(recommendation.id)
        changes.append(_recommendation_change(old, recommendation, recommendation.id in moved))
        changes.extend(removed(recommendation.id))
    return changes


@dataclass
class Redline:
    """Version ``old`` → version ``new`` of a letter, every text already escaped."""

    old: LetterVersion
    new: LetterVersion
    fields: dict
    introduction: list
    closing: list
    recommendations: list[RecommendationChange]

    @property
    def has_changes(self):
        def seen(version):
            return [(r.id, r.number, r.content) for r in version.recommendations]

        return self.old.fields != self.new.fields or seen(self.old) != seen(self.new)

    @property
    def html(self):
        return _render_letter(self)


PLAIN_FIELDS = [
    "reference",
    "date",
    "subject",
    "addressee",
    "salutation",
    "signatory_name",
    "signatory_role",
]


def letter_redline(old, new):
    fields = {
        name: diff_text(_text(old.fields[name]), _text(new.fields[name])) for name in PLAIN_FIELDS
    }
    fields["kind"] = diff_text(
        _kind_label(old.fields["request_id"]), _kind_label(new.fields["request_id"])
    )
    return Redline(
        old=old,
        new=new,
        fields=fields,
        introduction=diff_paragraphs(old.fields["introduction"], new.fields["introduction"]),
        closing=diff_paragraphs(old.fields["closing"], new.fields["closing"]),
        recommendations=recommendation_changes(old.recommendations, new.recommendations),
    )


def _paragraphs(items, css_class=""):
    return format_html_join("", '<p class="{}">{}</p>', ((css_class, item) for item in items))


def _render_recommendation(change):
    heading = format_html(
        "{label} {number}{sep}{heading}",
        label=_("Aanbeveling"),
        number=change.number,
        sep=": "
        if (change.old and change.old.heading) or (change.new and change.new.heading)
        else "",
        heading=change.heading,
    )
    labels = format_html_join(
        "", '<p class="redline-label">{}</p>', ((label,) for label in change.labels)
    )
    context = (
        format_html('<div class="redline-text redline-context">{}</div>', change.context)
        if change.context
        else ""
    )
    return format_html(
        '<section class="redline-rec redline-rec--{state}{moved}">{labels}'
        '<h3 class="redline-rec-heading">{heading}</h3>{context}'
        '<div class="redline-text redline-advice">{advice}</div></section>',
        state=change.state,
        moved=" redline-rec--moved" if change.moved else "",
        labels=labels,
        heading=heading,
        context=context,
        advice=change.advice,
    )


def _render_letter(redline):
    f = redline.fields
    return format_html(
        '<article class="redline-letter" lang="nl">'
        '<dl class="redline-meta">'
        "<dt>{reference_label}</dt><dd>{reference}</dd>"
        "<dt>{date_label}</dt><dd>{date}</dd>"
        "<dt>{kind_label}</dt><dd>{kind}</dd></dl>"
        '<div class="redline-text redline-addressee">{addressee}</div>'
        '<p class="redline-subject"><strong>{subject_label}</strong> {subject}</p>'
        '<p class="redline-salutation">{salutation}</p>'
        "{introduction}{recommendations}{closing}"
        '<p class="redline-signatory">{name}<br>{role}</p></article>',
        reference_label=_("Kenmerk"),
        reference=f["reference"],
        date_label=_("Datum"),
        date=f["date"],
        kind_label=_("Soort advies"),
        kind=f["kind"],
        addressee=f["addressee"],
        subject_label=_("Onderwerp:"),
        subject=f["subject"],
        salutation=f["salutation"],
        introduction=_paragraphs(redline.introduction, "redline-introduction"),
        recommendations=format_html_join(
            "", "{}", ((_render_recommendation(c),) for c in redline.recommendations)
        ),
        closing=_paragraphs(redline.closing, "redline-closing"),
        name=f["signatory_name"],
        role=f["signatory_role"],
    )


def redline_html(version_a, version_b):
    """The whole letter as a redline from ``version_a`` to ``version_b``, as safe HTML."""
    return letter_redline(version_a, version_b).html
