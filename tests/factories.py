"""Test data builders shared by the test modules."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from home.models import HomePage, MeetingIndexPage, MeetingPage, MeetingType, StandardPage, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("wachtwoord-123")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get(name=name))


def build_site(title="Participatieraad Testdorp"):
    """A home page as the default site's root, with a meeting index under it."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title=title, slug="home-test"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    index = home.add_child(
        instance=MeetingIndexPage(title="Bijeenkomsten", slug="bijeenkomsten", intro="Alle")
    )
    return home, index


def add_meeting(index, title="Bijeenkomst", date=datetime.date(2022, 5, 9), themes=(), **fields):
    fields.setdefault("meeting_type", MeetingType.FIELD_MEETING)
    fields.setdefault("summary", f"Samenvatting van {title}.")
    meeting = MeetingPage(title=title, date=date, **fields)
    index.add_child(instance=meeting)
    if themes:
        meeting.themes.set(themes)
        meeting.save_revision().publish()
    return meeting


def add_standard_page(parent, title, body=(), **fields):
    page = StandardPage(title=title, body=list(body), **fields)
    parent.add_child(instance=page)
    return page


def make_letter(recommendations=3, status=None, user=None, **fields):
    """A letter with numbered recommendations, moved through the lifecycle up to ``status``."""
    from advices.models import AdviceLetter, LetterStatus, Recommendation

    fields.setdefault("reference", AdviceLetter.propose_reference(fields.get("date")))
    fields.setdefault("subject", "Sterke sociale basis")
    fields.setdefault("addressee", "Aan het college van burgemeester en wethouders")
    fields.setdefault("introduction", "<p>Op 9 mei 2022 organiseerde de raad een ontmoeting.</p>")
    fields.setdefault("signatory_name", "Aljona Wertheim")
    letter = AdviceLetter.objects.create(**fields)
    for number in range(1, recommendations + 1):
        Recommendation.objects.create(
            letter=letter,
            sort_order=number,
            heading="Betekenisvolle sociale contacten",
            context=f"Toelichting {number}.",
            advice=f"Wij adviseren u maatregel {number} te nemen.",
        )
    path = {
        None: [],
        LetterStatus.CONCEPT: [],
        LetterStatus.PROPOSED: ["propose"],
        LetterStatus.ADOPTED: ["propose", "adopt"],
        LetterStatus.SENT: ["propose", "adopt", "send"],
    }[status]
    if path:
        actor = user or UserFactory(username="secretaris-fabriek", groups=["Secretariaat"])
        for action in path:
            letter.transition(action, actor)
    return letter
