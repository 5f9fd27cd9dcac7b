"""The mails to followers quote subjects of letters and requests: a name the secretariat
chose to hide shows there as its role (as on the public pages); a published name stays."""

import pytest

from advices.actions.events import RecommendationChange, StatusChange
from advices.lifecycle.statuses import LetterStatus, PublicStatus
from advices.models import FollowTarget
from advices.notify import tasks
from home.models import NamedPerson
from home.named_people import forget
from tests.factories import AdviceRequestFactory, SubscriptionFactory, make_letter

HIDDEN, ROLE = "Jan de Vries", "de voorzitter"
PUBLISHED = "Karin Bos"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def names():
    forget()
    NamedPerson.objects.create(name=HIDDEN, role=ROLE, publish_name=False)
    NamedPerson.objects.create(name=PUBLISHED, role="de wethouder", publish_name=True)
    yield
    forget()


def test_a_status_mail_shows_a_hidden_name_as_its_role(index, mailoutbox):
    letter = make_letter(
        status=LetterStatus.SENT,
        reference="PR-2022-07",
        subject=f"Overleg met {HIDDEN} en {PUBLISHED}",
        recommendations=[{"heading": "Zorg dichtbij", "advice": "Bespreek het plan."}],
    )
    recommendation = letter.recommendations.get()
    SubscriptionFactory(email="brief@example.nl", followed=letter)
    change = StatusChange(
        letter_id=letter.pk,
        letter_before=LetterStatus.SENT,
        letter_after=LetterStatus.ANSWERED,
        recommendations=[
            RecommendationChange(
                recommendation.pk, PublicStatus.AWAITING_REPLY, PublicStatus.VERDICT_GIVEN
            )
        ],
    )

    assert tasks.mail_followers.call(change.as_dict()) == 1

    (mail,) = mailoutbox
    text = mail.subject + mail.body
    assert "jan" not in text.lower() and "vries" not in text.lower()
    assert f"Overleg met {ROLE} en {PUBLISHED}" in mail.body
    assert f"Overleg met {ROLE} en {PUBLISHED}" in mail.subject


def test_a_new_request_mail_shows_a_hidden_name_as_its_role(site_tree, mailoutbox):
    SubscriptionFactory(email="volger@example.nl", target_type=FollowTarget.REQUESTS, target_id=0)
    advice_request = AdviceRequestFactory(
        reference="AV-2024-02", subject=f"Plan van {HIDDEN} met {PUBLISHED}"
    )

    assert tasks.mail_request_followers.call(advice_request.pk) == 1

    (mail,) = mailoutbox
    assert mail.subject == f"Nieuwe adviesaanvraag: AV-2024-02 Plan van {ROLE} met {PUBLISHED}"
    assert f"AV-2024-02 Plan van {ROLE} met {PUBLISHED}" in mail.body
    assert HIDDEN not in mail.body


def test_a_confirmation_mail_names_the_letter_with_the_role(index, mailoutbox):
    letter = make_letter(
        status=LetterStatus.SENT, reference="PR-2022-08", subject=f"Gesprek met {HIDDEN}"
    )
    subscription = SubscriptionFactory(email="nieuw@example.nl", followed=letter, confirmed_at=None)

    assert tasks.mail_confirmation.call(subscription.pk) == 1

    (mail,) = mailoutbox
    assert HIDDEN not in mail.subject + mail.body
    assert f"Gesprek met {ROLE}" in mail.subject + mail.body


def test_the_stored_data_mail_names_what_is_followed_with_the_role(index, mailoutbox):
    letter = make_letter(
        status=LetterStatus.SENT, reference="PR-2022-09", subject=f"Advies aan {HIDDEN}"
    )
    SubscriptionFactory(email="inwoner@example.nl", followed=letter)

    assert tasks.mail_stored_data.call("inwoner@example.nl") == 1

    (mail,) = mailoutbox
    assert HIDDEN not in mail.body
    assert f"Advies aan {ROLE}" in mail.body
