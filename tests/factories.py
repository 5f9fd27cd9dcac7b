"""Test data builders shared by the test modules: one factory_boy factory per model of
``advices`` and ``home`` (``tests/test_factories.py`` checks that none is missing), users per
role, and a few helpers that build a whole site.

Rows are made the way the site makes them. A letter starts as a concept and reaches its status
through ``advices.actions.transition`` (so a sent letter has its history and its stored PDF); the
college's side (reply, verdicts, commitments, progress) is recorded through the actions of
``advices.actions``, so the letter's status follows from it as it does in the admin. Pages are
added under a parent with ``add_child``.

    letter = AdviceLetterFactory(status=LetterStatus.SENT, recommendations=2, themes=[theme])
    recommendation = RecommendationFactory(sent=True)      # in a letter that was then sent
    answer = RecommendationAnswerFactory(recommendation=recommendation, verdict=Verdict.ADOPTED)
    meeting = MeetingPageFactory(parent=index, date=datetime.date(2022, 5, 9))
    secretary = SecretaryFactory()
"""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, Site

from advices.actions import transition
from advices.lifecycle.decisions import DecisionBody, FollowsAdvice
from advices.lifecycle.requests import RequestStatus
from advices.models import (
    AdviceLetter,
    AdviceRequest,
    ArchiveSettings,
    Assessment,
    CollegeResponse,
    Commitment,
    CouncilAssessment,
    Decision,
    DecisionOutcome,
    Erratum,
    FollowTarget,
    FollowUp,
    FollowUpState,
    LetterSettings,
    LetterStatus,
    Recommendation,
    RecommendationAnswer,
    ReminderLog,
    RequestDocument,
    SentLetterPdf,
    Subscription,
    Verdict,
)
from advices.pages import AdviceIndexPage, AdviceRequestIndexPage, RecommendationIndexPage
from home.models import (
    AccessibilityStatement,
    ComplianceStatus,
    CouncilSettings,
    HomePage,
    MeetingIndexPage,
    MeetingPage,
    MeetingParticipantGroup,
    MeetingType,
    NamedPerson,
    StandardPage,
    Theme,
)
from home.roles import COUNCIL_MEMBERS, MUNICIPALITY, SECRETARIAT

# -- users ----------------------------------------------------------------------------------


def _add_groups(user, names):
    for name in names:
        user.groups.add(Group.objects.get(name=name))


class UserFactory(factory.django.DjangoModelFactory):
    """A user; ``groups=["Secretariaat"]`` puts it in groups (they come from a migration)."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("wachtwoord-123")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            _add_groups(self, extracted or [])


class _RoleUserFactory(UserFactory):
    """A user in the group ``role``, unless ``groups=[...]`` says otherwise."""

    _role = None

    class Meta:
        abstract = True

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        super()._after_postgeneration(instance, create, results)
        if create and not instance.groups.exists():
            _add_groups(instance, [cls._role])


class CouncilMemberFactory(_RoleUserFactory):
    """A member of the council (group Raadsleden)."""

    _role = COUNCIL_MEMBERS
    username = factory.Sequence(lambda n: f"raadslid{n}")


class SecretaryFactory(_RoleUserFactory):
    """Someone of the secretariat (group Secretariaat)."""

    _role = SECRETARIAT
    username = factory.Sequence(lambda n: f"secretaris{n}")


class MunicipalityUserFactory(_RoleUserFactory):
    """A clerk of the municipality who records the college's side (group Gemeente)."""

    _role = MUNICIPALITY
    username = factory.Sequence(lambda n: f"gemeente{n}")


def default_secretary():
    """The secretary who takes lifecycle steps when a test names nobody."""
    return UserFactory(username="secretaris-fabriek", groups=[SECRETARIAT])


def default_clerk():
    """The municipal clerk who records the college's side when a test names nobody."""
    return UserFactory(username="gemeente-fabriek", groups=[MUNICIPALITY])


# -- themes and settings ----------------------------------------------------------------------


class NamedPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NamedPerson

    name = factory.Sequence(lambda n: f"Persoon {n} de Vries")
    role = "een lid van de raad"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


def _default_site():
    return Site.objects.get(is_default_site=True)


class CouncilSettingsFactory(factory.django.DjangoModelFactory):
    """The council's identity for a site (default: the default site); one row per site."""

    class Meta:
        model = CouncilSettings
        django_get_or_create = ("site",)

    site = factory.LazyFunction(_default_site)
    name = "Participatieraad Testdorp"
    municipality = "Testdorp"
    email = "secretariaat@example.org"
    chair_name = "Aljona Wertheim"


class LetterSettingsFactory(factory.django.DjangoModelFactory):
    """The layout of letters and the response term for a site; one row per site."""

    class Meta:
        model = LetterSettings
        django_get_or_create = ("site",)

    site = factory.LazyFunction(_default_site)
    response_term_weeks = 6
    contact_name = "Sem Secretaris"
    contact_email = "secretariaat@example.org"


class ArchiveSettingsFactory(factory.django.DjangoModelFactory):
    """How the archive export appraises the advice of a site; one row per site."""

    class Meta:
        model = ArchiveSettings
        django_get_or_create = ("site",)

    site = factory.LazyFunction(_default_site)
    category_code = "3"
    category_label = "Voorbereiden en bijsturen beleid"
    appraisal = "bewaren"
    retention_years = 10


class AccessibilityStatementFactory(factory.django.DjangoModelFactory):
    """The accessibility statement of a site, after a full check; one row per site."""

    class Meta:
        model = AccessibilityStatement
        django_get_or_create = ("site",)

    site = factory.LazyFunction(_default_site)
    status = ComplianceStatus.PARTIAL
    last_checked_on = datetime.date(2026, 3, 1)
    register_url = "https://www.toegankelijkheidsverklaring.nl/register/1"


# -- pages ------------------------------------------------------------------------------------


class _PageFactory(factory.django.DjangoModelFactory):
    """A Wagtail page, added under ``parent`` (the slug follows from the title)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Pagina {n}")

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page


class HomePageFactory(_PageFactory):
    """A home page under the tree's root; ``site_root=True`` makes it the default site's."""

    class Meta:
        model = HomePage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = factory.Sequence(lambda n: f"Participatieraad {n}")

    @factory.post_generation
    def site_root(self, create, extracted, **kwargs):
        if create and extracted:
            site = _default_site()
            site.root_page = self
            site.save()


class StandardPageFactory(_PageFactory):
    class Meta:
        model = StandardPage

    parent = factory.SubFactory(HomePageFactory)
    intro = "Een gewone pagina."


class MeetingIndexPageFactory(_PageFactory):
    class Meta:
        model = MeetingIndexPage

    parent = factory.SubFactory(HomePageFactory)
    title = "Bijeenkomsten"
    intro = "Alle"


class MeetingPageFactory(_PageFactory):
    """A meeting report; ``themes=[...]`` are set and published with it."""

    class Meta:
        model = MeetingPage
        skip_postgeneration_save = True

    parent = factory.SubFactory(MeetingIndexPageFactory)
    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    date = datetime.date(2022, 5, 9)
    meeting_type = MeetingType.FIELD_MEETING
    summary = factory.LazyAttribute(lambda page: f"Samenvatting van {page.title}.")

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save_revision().publish()


class MeetingParticipantGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingParticipantGroup

    page = factory.SubFactory(MeetingPageFactory)
    name = "Vrijwilligers en informele zorgers"
    description = "Uit de wijken van de gemeente."


class AdviceIndexPageFactory(_PageFactory):
    class Meta:
        model = AdviceIndexPage

    parent = factory.SubFactory(HomePageFactory)
    title = "Adviezen"


class RecommendationIndexPageFactory(_PageFactory):
    class Meta:
        model = RecommendationIndexPage

    parent = factory.SubFactory(HomePageFactory)
    title = "Aanbevelingen"
    intro = "Wat deed het college met elk advies van de raad?"


class AdviceRequestIndexPageFactory(_PageFactory):
    class Meta:
        model = AdviceRequestIndexPage

    parent = factory.SubFactory(HomePageFactory)
    title = "Adviesaanvragen"
    slug = "adviesaanvragen"


# -- requests for advice ------------------------------------------------------------------------

# The steps that take a new (ontvangen) request to each status a person chooses.
REQUEST_PATH = {
    RequestStatus.RECEIVED: [],
    RequestStatus.IN_PROGRESS: ["take-up"],
    RequestStatus.DECLINED: ["decline"],
}


def move_request(advice_request, status, user=None, reason="De raad heeft hier geen rol in."):
    """Take ``advice_request`` (ontvangen) to ``status`` as ``user`` (a secretary unless
    said). *Advies uitgebracht* comes from sending a letter that answers it."""
    from advices.actions.requests import TransitionRequest

    if status not in REQUEST_PATH:
        raise ValueError(f"a request reaches {status!r} by sending a letter that answers it")
    for action in REQUEST_PATH[status]:
        TransitionRequest(advice_request, action, user or default_secretary(), reason).execute()
    advice_request.refresh_from_db()
    return advice_request


class AdviceRequestFactory(factory.django.DjangoModelFactory):
    """A request received four weeks ago with the term's deadline, moved to ``status``."""

    class Meta:
        model = AdviceRequest

    reference = factory.Sequence(lambda n: f"AV-2022-{n + 1:02d}")
    subject = "Beleidsplan Sociaal Domein"
    questions = "Wat vindt de raad van het ontwerp-beleidsplan?"
    requester_name = "Wethouder Zorg en Welzijn"
    received_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(weeks=4))
    letter_date = factory.LazyAttribute(lambda row: row.received_on)
    municipal_reference = factory.Sequence(lambda n: f"Z/22/{n + 5000}")
    deadline = factory.LazyAttribute(lambda row: row.received_on + datetime.timedelta(weeks=6))

    @classmethod
    def _create(cls, model_class, *args, status=None, actor=None, themes=(), **kwargs):
        advice_request = model_class.objects.create(*args, **kwargs)
        if themes:
            advice_request.themes.set(themes)
            advice_request.save()
        return move_request(advice_request, status or RequestStatus.RECEIVED, actor)


class RequestDocumentFactory(factory.django.DjangoModelFactory):
    """The request letter of a request, as a small, clean PDF."""

    class Meta:
        model = RequestDocument

    request = factory.SubFactory(AdviceRequestFactory)
    title = "Brief met de adviesaanvraag"
    file = factory.LazyFunction(lambda: _small_pdf("adviesaanvraag.pdf"))


def _small_pdf(name):
    from django.core.files.base import ContentFile

    from tests.advices.response_helpers import pdf_bytes

    return ContentFile(pdf_bytes(), name=name)


# -- letters ----------------------------------------------------------------------------------

# The steps that take a new (concept) letter to each status.
LIFECYCLE_PATH = {
    LetterStatus.CONCEPT: [],
    LetterStatus.PROPOSED: ["propose"],
    LetterStatus.ADOPTED: ["propose", "adopt"],
    LetterStatus.SENT: ["propose", "adopt", "send"],
}


def move_letter(letter, status, user=None):
    """Take ``letter`` (a concept) through the lifecycle to ``status``, as ``user``."""
    try:
        path = LIFECYCLE_PATH[status]
    except KeyError:
        raise ValueError(
            f"a letter reaches {status!r} through the college's side; record a reply "
            "(CollegeResponseFactory) or progress instead"
        ) from None
    if path:
        actor = user or default_secretary()
        for action in path:
            transition(letter, action, actor)
    return letter


class AdviceLetterFactory(factory.django.DjangoModelFactory):
    """A letter with ``recommendations`` (a number, 3 unless said, or a list of dicts with
    their fields), created as a concept and moved through the lifecycle to ``status`` by
    ``actor`` (a secretary unless said); ``themes`` and ``meetings`` are set before it moves."""

    class Meta:
        model = AdviceLetter

    date = factory.LazyFunction(datetime.date.today)
    reference = factory.LazyAttribute(lambda letter: AdviceLetter.propose_reference(letter.date))
    subject = "Sterke sociale basis"
    addressee = "Aan het college van burgemeester en wethouders"
    introduction = "<p>Op 9 mei 2022 organiseerde de raad een ontmoeting.</p>"
    signatory_name = "Aljona Wertheim"

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        recommendations=3,
        status=None,
        actor=None,
        themes=(),
        meetings=(),
        **kwargs,
    ):
        letter = model_class.objects.create(*args, **kwargs)
        if isinstance(recommendations, int):
            recommendations = [
                {
                    "heading": "Betekenisvolle sociale contacten",
                    "context": f"Toelichting {number}.",
                    "advice": f"Wij adviseren u maatregel {number} te nemen.",
                }
                for number in range(1, recommendations + 1)
            ]
        for number, fields in enumerate(recommendations, start=1):
            Recommendation.objects.create(letter=letter, **{"sort_order": number, **fields})
        if themes or meetings:
            letter.themes.set(themes)
            letter.meetings.set(meetings)
            letter.save()  # parental many-to-many relations are written on save
        move_letter(letter, status or LetterStatus.CONCEPT, actor)
        return letter


def make_letter(recommendations=3, status=None, user=None, **fields):
    """A letter with numbered recommendations, moved through the lifecycle up to ``status``."""
    return AdviceLetterFactory(recommendations=recommendations, status=status, actor=user, **fields)


class RecommendationFactory(factory.django.DjangoModelFactory):
    """A recommendation in a concept letter; ``sent=True`` then sends that letter (a sent
    letter takes no new recommendations), so the college can answer it."""

    class Meta:
        model = Recommendation
        skip_postgeneration_save = True

    letter = factory.SubFactory(AdviceLetterFactory, recommendations=0)
    sort_order = factory.Sequence(lambda n: n + 1)
    heading = "Betekenisvolle sociale contacten"
    context = "Tijdens de ontmoeting kwam dit naar voren."
    advice = factory.Sequence(lambda n: f"Wij adviseren u maatregel {n + 1} te nemen.")

    @factory.post_generation
    def sent(self, create, extracted, **kwargs):
        if create and extracted:
            move_letter(self.letter, LetterStatus.SENT)
            self.refresh_from_db()


class SentLetterPdfFactory(factory.django.DjangoModelFactory):
    """The stored PDF of a sent letter. Made as the site makes it, by sending the letter
    (an adopted one unless said): its fields come from rendering, so none can be given."""

    class Meta:
        model = SentLetterPdf

    letter = factory.SubFactory(AdviceLetterFactory, recommendations=1, status=LetterStatus.ADOPTED)

    @classmethod
    def _create(cls, model_class, letter, **kwargs):
        if kwargs:
            raise TypeError(f"the stored PDF's {sorted(kwargs)} come from rendering the letter")
        if letter.status == LetterStatus.ADOPTED:
            transition(letter, "send", default_secretary())
        return model_class.objects.get(letter=letter)


class ErratumFactory(factory.django.DjangoModelFactory):
    """A correction beside a sent letter, added by the secretariat."""

    class Meta:
        model = Erratum

    letter = factory.SubFactory(AdviceLetterFactory, recommendations=1, status=LetterStatus.SENT)
    date = datetime.date(2022, 7, 1)
    text = "In aanbeveling 1 staat 2019; lees 2020."
    created_by = factory.LazyFunction(default_secretary)


# -- the college's side (recorded through advices.actions, as the admin does) ------------------


def _record(instance, user):
    from advices.actions.college import RecordProgress

    return RecordProgress(instance, user or default_clerk()).execute()


class CollegeResponseFactory(factory.django.DjangoModelFactory):
    """The college's reply to a sent letter, recorded by a clerk (``recorded_by``): the letter
    becomes beantwoord and each recommendation gets an (empty) answer to fill in."""

    class Meta:
        model = CollegeResponse

    letter = factory.SubFactory(AdviceLetterFactory, recommendations=2, status=LetterStatus.SENT)
    received_on = datetime.date(2022, 7, 15)
    college_reference = factory.Sequence(lambda n: f"Z/22/{n + 1000}")
    text = "Geachte raad, dank voor uw advies."
    summary = "Het college neemt het advies grotendeels over."
    recorded_by = factory.LazyFunction(default_clerk)

    @classmethod
    def _create(cls, model_class, *args, recorded_by, **kwargs):
        from advices.actions.college import RecordReply

        return RecordReply(model_class(*args, **kwargs), recorded_by).execute()


class RecommendationAnswerFactory(factory.django.DjangoModelFactory):
    """The college's verdict on a recommendation of a sent letter. Recording the reply gives
    each recommendation its answer row; this fills it in (replying first if needed)."""

    class Meta:
        model = RecommendationAnswer

    recommendation = factory.SubFactory(RecommendationFactory, sent=True)
    verdict = Verdict.ADOPTED
    answer = "Het college neemt dit over."
    recorded_by = factory.LazyFunction(default_clerk)

    @classmethod
    def _create(cls, model_class, *args, recommendation, recorded_by, response=None, **kwargs):
        letter = recommendation.letter
        if response is None:
            response = CollegeResponse.objects.filter(letter=letter).first()
        if response is None:
            response = CollegeResponseFactory(letter=letter, recorded_by=recorded_by)
        item = response.answers.get(recommendation=recommendation)
        for name, value in kwargs.items():
            setattr(item, name, value)
        return _record(item, recorded_by)


def adopted_recommendation():
    """A recommendation of a sent letter whose reply adopts it."""
    return RecommendationAnswerFactory(verdict=Verdict.ADOPTED).recommendation


class CommitmentFactory(factory.django.DjangoModelFactory):
    """What the college promised on a recommendation of a sent letter, by when: only on
    a letter whose reply is recorded (by default, a recommendation the reply adopts)."""

    class Meta:
        model = Commitment

    recommendation = factory.LazyFunction(adopted_recommendation)
    description = "Het college organiseert een buurtbijeenkomst."
    responsible = "Wethouder sociaal domein"
    due_date = datetime.date(2023, 3, 31)
    recorded_by = factory.LazyFunction(default_clerk)

    @classmethod
    def _create(cls, model_class, *args, recorded_by, **kwargs):
        return _record(model_class(*args, **kwargs), recorded_by)


class FollowUpFactory(factory.django.DjangoModelFactory):
    """A dated progress update on a recommendation of a sent letter (by default, one the
    reply adopts), or on a commitment (``commitment=...``; the recommendation is then the
    commitment's). Work on one the college did not adopt needs ``not_adopted_confirmed``."""

    class Meta:
        model = FollowUp

    commitment = None
    recommendation = factory.Maybe(
        "commitment",
        yes_declaration=factory.SelfAttribute("commitment.recommendation"),
        no_declaration=factory.LazyFunction(adopted_recommendation),
    )
    date = datetime.date(2022, 9, 1)
    state = FollowUpState.IN_PROGRESS
    note = factory.LazyAttribute(lambda update: f"Bericht van {update.date:%d-%m-%Y}.")
    recorded_by = factory.LazyFunction(default_clerk)

    @classmethod
    def _create(cls, model_class, *args, recorded_by, not_adopted_confirmed=False, **kwargs):
        update = model_class(*args, **kwargs)
        update.created_by = recorded_by
        # Work on advice the college did not adopt needs the clerk's confirmation, as in
        # the admin (advices.lifecycle.updates).
        update.not_adopted_confirmed = not_adopted_confirmed
        return _record(update, recorded_by)


class CouncilAssessmentFactory(factory.django.DjangoModelFactory):
    """The council's own view of the college's answer (saved as the admin saves it)."""

    class Meta:
        model = CouncilAssessment

    recommendation = factory.SubFactory(RecommendationFactory, sent=True)
    assessment = Assessment.SATISFIED
    note = "Het college pakt dit voortvarend op."


# -- following and reminders ------------------------------------------------------------------


def _follow_target_type(followed):
    for model, target_type in (
        (Theme, FollowTarget.THEME),
        (AdviceLetter, FollowTarget.LETTER),
        (Recommendation, FollowTarget.RECOMMENDATION),
    ):
        if isinstance(followed, model):
            return target_type
    raise TypeError(f"{followed!r} cannot be followed")


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A confirmed follower of ``followed`` (a theme unless said: a theme, letter or
    recommendation); ``confirmed_at=None`` for one who has not confirmed yet."""

    class Meta:
        model = Subscription

    class Params:
        followed = factory.SubFactory(ThemeFactory)

    email = factory.Sequence(lambda n: f"inwoner{n}@example.nl")
    target_type = factory.LazyAttribute(lambda row: _follow_target_type(row.followed))
    target_id = factory.SelfAttribute("followed.pk")
    confirmed_at = factory.LazyFunction(timezone.now)


class ReminderLogFactory(factory.django.DjangoModelFactory):
    """The record that one reminder mail went to ``recipient`` on ``sent_on``."""

    class Meta:
        model = ReminderLog

    recipient = factory.Sequence(lambda n: f"contact{n}@example.org")
    sent_on = factory.LazyFunction(datetime.date.today)
    items = 1


class DecisionFactory(factory.django.DjangoModelFactory):
    """The college's decision after a sent letter, with a link to it (no outcomes)."""

    class Meta:
        model = Decision

    letter = factory.SubFactory(AdviceLetterFactory, recommendations=2, status=LetterStatus.SENT)
    decided_on = factory.LazyFunction(timezone.localdate)
    body = DecisionBody.COLLEGE
    title = "Vaststelling beleidsplan Sociaal Domein"
    url = "https://gemeente.example.nl/besluiten/beleidsplan"
    recorded_by = factory.LazyFunction(default_clerk)


class DecisionOutcomeFactory(factory.django.DjangoModelFactory):
    """Whether a decision follows the first recommendation of its letter."""

    class Meta:
        model = DecisionOutcome

    decision = factory.SubFactory(DecisionFactory)
    recommendation = factory.LazyAttribute(
        lambda row: row.decision.letter.recommendations.order_by("number").first()
    )
    follows = FollowsAdvice.YES


# -- whole sites --------------------------------------------------------------------------------


def build_site(title="Participatieraad Testdorp"):
    """A home page as the default site's root, with a meeting index under it."""
    home = HomePageFactory(title=title, slug="home-test", site_root=True)
    index = MeetingIndexPageFactory(parent=home, slug="bijeenkomsten")
    return home, index


def add_meeting(index, title="Bijeenkomst", date=datetime.date(2022, 5, 9), themes=(), **fields):
    return MeetingPageFactory(parent=index, title=title, date=date, themes=themes, **fields)


def add_standard_page(parent, title, body=(), **fields):
    fields.setdefault("intro", "")
    return StandardPageFactory(parent=parent, title=title, body=list(body), **fields)


# -- the annual report (app annual) ---------------------------------------------------------------
# Kept in one block for merging; made through the app's actions, as the admin does.


class AnnualReportFactory(factory.django.DjangoModelFactory):
    """A concept annual report of a past year, saved by a secretary; ``published=True``
    publishes it (figures frozen, PDF stored) through ``annual.actions.PublishReport``."""

    class Meta:
        model = "annual.AnnualReport"
        django_get_or_create = ("year",)

    # Years before the tests' own (2019 and later), within the model's range.
    year = factory.Sequence(lambda n: 2000 + n % 19)
    foreword = "<p>Een jaar van luisteren en adviseren.</p>"

    @classmethod
    def _create(cls, model_class, *args, published=False, actor=None, **kwargs):
        from annual.actions import PublishReport, SaveReport

        actor = actor or default_secretary()
        existing = model_class.objects.filter(year=kwargs["year"]).first()
        report = existing or SaveReport(model_class(*args, **kwargs), actor).execute()
        if published and not report.is_published:
            PublishReport(report, actor).execute()
            report.refresh_from_db()
        return report


class AnnualReportIndexPageFactory(_PageFactory):
    class Meta:
        model = "annual.AnnualReportIndexPage"

    parent = factory.SubFactory(HomePageFactory)
    title = "Jaarverslagen"
    slug = "jaarverslagen"
