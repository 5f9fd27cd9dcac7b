"""RSS and Atom feeds: new advice, new requests for advice, and public status changes (all,
or of one theme).

Only sent letters appear; drafts never do. The links go to the public pages of the advice
index; without a live advice index the feeds still work, with links to the home page.
"""

import html
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import formats
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from advices.models import AdviceLetter, AdviceRequest
from advices.pages import AdviceIndexPage
from advices.pages.following import new_advice_title, new_requests_title, status_feed_title
from advices.public.request_links import RequestLinks
from advices.queries.timeline import recent_changes
from home.models import Theme
from home.named_people import apply_name_choices
from home.site_address import absolute_url

ITEMS_PER_FEED = 30
DESCRIPTION_WORDS = 60


@dataclass
class FeedContext:
    request: object
    index: object  # the live advice index, or None
    theme: object = None


def plain_text(rich_text, words=DESCRIPTION_WORDS):
    """The first words of a rich text field, without markup."""
    text = html.unescape(strip_tags(rich_text.replace("</p>", "</p>\n")))
    return Truncator(" ".join(text.split())).words(words)


# The texts of a feed and of its items that a reader sees (not the links or the dates).
FEED_TEXTS = ("title", "description", "subtitle")
ITEM_TEXTS = ("title", "description", "author_name", "categories")


class PublicNamesFeed(Feed):
    """A feed in which each hidden name shows as its role (``home.named_people``)."""

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        for key in FEED_TEXTS:
            feed.feed[key] = _names_applied(feed.feed.get(key))
        for item in feed.items:
            for key in ITEM_TEXTS:
                item[key] = _names_applied(item.get(key))
        return feed


def _names_applied(value):
    if isinstance(value, (list, tuple)):
        return [apply_name_choices(str(text)) for text in value]
    return apply_name_choices(str(value)) if value is not None else None


class NewAdviceFeed(PublicNamesFeed):
    """Sent advice letters, the most recently sent first."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        return FeedContext(request=request, index=AdviceIndexPage.for_request(request))

    def title(self, obj):
        return new_advice_title()

    def description(self, obj):
        return _("De adviezen die de Participatieraad naar het college heeft gestuurd.")

    subtitle = description

    def link(self, obj):
        return obj.index.get_url(obj.request) if obj.index else "/"

    def items(self, obj):
        letters = list(
            AdviceLetter.objects.public()
            .filter(sent_at__isnull=False)
            .order_by("-sent_at", "-pk")
            .prefetch_related("themes")[:ITEMS_PER_FEED]
        )
        for letter in letters:
            letter.public_url = obj.index.letter_url(letter, obj.request) if obj.index else "/"
            letter.guid = f"{absolute_url(letter.public_url, obj.request)}#verzonden"
        return letters

    def item_title(self, item):
        return f"{item.reference} {item.subject}"

    def item_description(self, item):
        return plain_text(item.introduction)

    def item_link(self, item):
        return item.public_url

    def item_guid(self, item):
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.sent_at

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


class NewAdviceAtomFeed(NewAdviceFeed):
    feed_type = Atom1Feed


class NewRequestsFeed(PublicNamesFeed):
    """The college's requests for advice, the most recently registered first. A request is
    public from the moment it is registered; the contact person never appears."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        return RequestLinks(request)

    def title(self, obj):
        return new_requests_title()

    def description(self, obj):
        return _("Wat het college de Participatieraad om advies vraagt, en tot wanneer.")

    subtitle = description

    def link(self, obj):
        return obj.list_page() or "/"

    def items(self, obj):
        requests = list(
            AdviceRequest.objects.order_by("-created_at", "-pk").prefetch_related("themes")[
                :ITEMS_PER_FEED
            ]
        )
        for advice_request in requests:
            advice_request.public_url = obj.page(advice_request.reference) or "/"
            advice_request.guid = (
                f"{absolute_url(advice_request.public_url, obj.request)}#ontvangen"
            )
        return requests

    def item_title(self, item):
        return f"{item.reference} {item.subject}"

    def item_description(self, item):
        text = Truncator(" ".join(item.questions.split())).words(DESCRIPTION_WORDS)
        if item.deadline:
            deadline = formats.date_format(item.deadline, "j F Y")
            text += "\n\n" + _("Uiterste datum voor het advies: %(date)s.") % {"date": deadline}
        return text

    def item_link(self, item):
        return item.public_url

    def item_guid(self, item):
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created_at

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


class NewRequestsAtomFeed(NewRequestsFeed):
    feed_type = Atom1Feed


class StatusFeed(PublicNamesFeed):
    """What changed: verdicts, follow-ups, letters beantwoord or afgerond. Newest first."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, slug=None):
        theme = None
        if slug is not None:
            theme = Theme.objects.filter(slug=slug).first()
            if theme is None:
                raise Http404("Dit thema bestaat niet.")
        return FeedContext(request=request, index=AdviceIndexPage.for_request(request), theme=theme)

    def title(self, obj):
        return status_feed_title(obj.theme)

    def description(self, obj):
        return _(
            "Standpunten van het college, voortgang van de gemeente en adviezen die "
            "beantwoord of afgerond zijn."
        )

    subtitle = description

    def link(self, obj):
        if obj.index is None:
            return "/"
        if obj.theme:
            return obj.index.theme_url(obj.theme, obj.request)
        return obj.index.get_url(obj.request)

    def items(self, obj):
        events = recent_changes(limit=ITEMS_PER_FEED, theme=obj.theme)
        for event in events:
            if obj.index is None:
                event.url = "/"
            elif event.recommendation is not None:
                event.url = obj.index.recommendation_url(
                    event.letter, event.recommendation.number, obj.request
                )
            else:
                event.url = obj.index.letter_url(event.letter, obj.request)
            event.guid = f"{absolute_url(event.url, obj.request)}#{event.key}"
        return events

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.text}\n\n{item.detail}".strip()

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.moment

    def item_author_name(self, item):
        return item.actor  # a role, never a person's name


class StatusAtomFeed(StatusFeed):
    feed_type = Atom1Feed
