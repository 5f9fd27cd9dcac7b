"""How to follow what a public page shows: by email, and by news feed (RSS or Atom).

One place decides which feed and which follow form belong to a page, for the visible links
("Volg dit thema per e-mail", "Nieuwsfeed (RSS)") and for the feeds a browser or feed reader
finds in the page's <head>. The feeds and the forms themselves are ``advices.public``'s; only
their URL names are used here.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

# The id of the follow form on a page that holds one (advices/includes/follow_form.html).
FOLLOW_FORM_ANCHOR = "volgen"


@dataclass(frozen=True)
class Feed:
    title: str
    rss_url: str
    atom_url: str


@dataclass(frozen=True)
class Following:
    """``feed``: the feed the visible link offers. ``email_url`` and ``email_label``: the
    follow form, if the page has something to follow by email. ``discoverable``: the feeds
    for the page's <head> on top of the site's own (templates/base.html), most specific
    first."""

    feed: Feed
    email_url: str | None = None
    email_label: str = ""
    discoverable: list = field(default_factory=list)


def new_advice_title():
    return _("Nieuwe adviezen")


def new_requests_title():
    return _("Nieuwe adviesaanvragen")


def status_feed_title(theme=None):
    """The title of the status feed, of all advice or of one theme's."""
    if theme is None:
        return _("Wat er met de adviezen gebeurt")
    return _("Wat er met de adviezen gebeurt: %(theme)s") % {"theme": theme.name}


def new_advice_feed():
    return Feed(
        title=new_advice_title(),
        rss_url=reverse("follow:feed_advice"),
        atom_url=reverse("follow:feed_advice_atom"),
    )


def status_feed():
    return Feed(
        title=status_feed_title(),
        rss_url=reverse("follow:feed_status"),
        atom_url=reverse("follow:feed_status_atom"),
    )


def theme_feed(theme):
    return Feed(
        title=status_feed_title(theme),
        rss_url=reverse("follow:feed_status_theme", args=[theme.slug]),
        atom_url=reverse("follow:feed_status_theme_atom", args=[theme.slug]),
    )


def following_theme(theme):
    """A theme's page (the letters or the recommendations about it)."""
    feed = theme_feed(theme)
    return Following(
        feed=feed,
        email_url=reverse("follow:theme", args=[theme.slug]),
        email_label=_("Volg dit thema per e-mail"),
        discoverable=[feed],
    )


def following_letters(theme=None):
    """The list of letters: new advice, or, filtered on a theme, that theme."""
    return following_theme(theme) if theme else Following(feed=new_advice_feed())


def following_recommendations(theme=None):
    """The tracker: what becomes of the advice, or, filtered on a theme, of that theme's."""
    return following_theme(theme) if theme else Following(feed=status_feed())


def following_letter(themes):
    """A letter's page: its own follow form further down, the feed of what becomes of the
    advice, and in the <head> the feeds of the letter's themes."""
    return Following(
        feed=status_feed(),
        email_url=f"#{FOLLOW_FORM_ANCHOR}",
        email_label=_("Volg dit advies per e-mail"),
        discoverable=[theme_feed(theme) for theme in themes],
    )


# -- issue 13: the requests for advice --------------------------------------------------------


def new_requests_feed():
    return Feed(
        title=new_requests_title(),
        rss_url=reverse("follow:feed_requests"),
        atom_url=reverse("follow:feed_requests_atom"),
    )


def following_requests():
    """The "Adviesaanvragen" page: the feed of new requests (visible link and <head>), and
    the form to hear of each new request by email."""
    feed = new_requests_feed()
    return Following(
        feed=feed,
        email_url=reverse("follow:requests"),
        email_label=_("Volg nieuwe adviesaanvragen per e-mail"),
        discoverable=[feed],
    )
