"""One small but complete site for the role matrix: every kind of object an admin or public URL
can name, each with a secret marker in its title when only the council may see it."""

import datetime
import io

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from advices.models import AdviceLetter, LetterStatus
from home.document_privacy import drafts_collection
from home.models import NamedPerson
from tests.advices.story import add_index
from tests.factories import (
    AnnualReportFactory,
    CollegeResponseFactory,
    CommitmentFactory,
    CouncilAssessmentFactory,
    CouncilMemberFactory,
    DecisionFactory,
    ErratumFactory,
    FollowUpFactory,
    MunicipalityUserFactory,
    SecretaryFactory,
    ThemeFactory,
    UserFactory,
    add_meeting,
    build_site,
    make_letter,
)

# Text that only the council (Raadsleden, Secretariaat) may ever see. Anyone else finding it
# in a response found a draft.
DRAFT_MARKER = "Geheimconcept"


def _image_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


class World:
    """What the matrix fills URLs with; attributes are model instances."""

    def __init__(self):
        self.home, self.meeting_index = build_site()
        self.advice_index = add_index((self.home, self.meeting_index))
        self.theme = ThemeFactory(name="Wonen", slug="wonen")
        self.named_person = NamedPerson.objects.create(name="Jan de Vries", role="de voorzitter")
        self.live_page = add_meeting(self.meeting_index, title="Openbare bijeenkomst")
        self.draft_page = add_meeting(
            self.meeting_index, title=f"{DRAFT_MARKER} bijeenkomst", slug="concept-bijeenkomst"
        )
        self.draft_page.unpublish()
        self.draft_page.save_revision()

        self.member = CouncilMemberFactory(username="raadslid")
        self.secretary = SecretaryFactory(username="secretaris")
        self.other_secretary = SecretaryFactory(username="tweede-secretaris")
        self.clerk = MunicipalityUserFactory(username="gemeente")
        self.administrator = UserFactory(username="beheerder", is_superuser=True, is_staff=True)

        self.sent_letter = make_letter(
            recommendations=2,
            status=LetterStatus.SENT,
            reference="PR-2022-07",
            subject="Verzonden advies",
            user=self.secretary,
            date=datetime.date(2022, 6, 17),
        )
        self.draft_letter = make_letter(
            recommendations=1,
            reference="PR-2099-01",
            subject=f"{DRAFT_MARKER} advies",
            user=self.member,
            date=datetime.date(2099, 1, 1),
        )
        self.response = CollegeResponseFactory(letter=self.sent_letter, recorded_by=self.clerk)
        recommendation = self.sent_letter.recommendations.first()
        self.answer = self.response.answers.get(recommendation=recommendation)
        self.commitment = CommitmentFactory(recommendation=recommendation, recorded_by=self.clerk)
        # The reply gives this recommendation no verdict: work on it is confirmed deliberately.
        self.followup = FollowUpFactory(
            recommendation=recommendation, recorded_by=self.clerk, not_adopted_confirmed=True
        )
        self.assessment = CouncilAssessmentFactory(recommendation=recommendation)
        self.erratum = ErratumFactory(letter=self.sent_letter)
        # -- issue 13, decisions: the decision after the sent letter
        self.decision = DecisionFactory(letter=self.sent_letter, recorded_by=self.clerk)
        self.letter_history_id = (
            AdviceLetter.history.filter(id=self.draft_letter.pk).order_by("history_id").first()
        ).history_id

        self.public_collection = Collection.get_first_root_node()
        Document = get_document_model()
        self.document = Document.objects.create(
            title="Openbaar verslag", file=ContentFile(b"verslag", name="verslag.txt")
        )
        self.draft_document = Document.objects.create(
            title=f"{DRAFT_MARKER} notitie",
            file=ContentFile(b"concept", name="concept.txt"),
            collection=drafts_collection(),
        )
        self.image = get_image_model().objects.create(
            title="Foto", file=ContentFile(_image_bytes(), name="foto.png")
        )
        self.redirect = Redirect.objects.create(old_path="/oud", redirect_link="/nieuw")
        self.site = Site.objects.get(is_default_site=True)
        self.group = Group.objects.get(name="Gemeente")

        # -- issue 13, requests for advice (admin): public from registration, no secret.
        from tests.factories import AdviceRequestFactory

        self.advice_request = AdviceRequestFactory(reference="AV-2022-01")
        # -- the annual report (app annual) --
        self.published_report = AnnualReportFactory(year=2022, published=True, actor=self.secretary)
        self.draft_report = AnnualReportFactory(
            year=2023, foreword=f"<p>{DRAFT_MARKER} voorwoord</p>", actor=self.secretary
        )
