"""Every model of ``advices``, ``home`` and ``annual`` has a factory in tests/factories.py, named
after it, and each factory makes a saved row that passes the model's own validation."""

import pytest
from django.apps import apps
from simple_history.models import HistoricalChanges

from advices.models import LetterStatus
from home.roles import COUNCIL_MEMBERS, MUNICIPALITY, SECRETARIAT
from tests import factories


def concrete_models():
    """The models that hold rows of their own: not abstract, not proxies, not the history
    tables that django-simple-history adds."""
    return [
        model
        for app_label in ("advices", "home", "annual")
        for model in apps.get_app_config(app_label).get_models()
        if not model._meta.proxy and not issubclass(model, HistoricalChanges)
    ]


def factory_for(model):
    return getattr(factories, f"{model.__name__}Factory", None)


def test_every_model_has_a_factory():
    missing = [
        f"{model._meta.label} (expected tests.factories.{model.__name__}Factory)"
        for model in concrete_models()
        if factory_for(model) is None or factory_for(model)._meta.model is not model
    ]
    assert not missing, "models without a factory:\n" + "\n".join(missing)


@pytest.mark.parametrize("model", concrete_models(), ids=lambda model: model._meta.label)
def test_the_factory_makes_a_valid_saved_row(db, model):
    factory = factory_for(model)
    if factory is None:
        pytest.fail(f"no factory for {model._meta.label}")
    row = factory()
    assert type(row) is model
    assert model.objects.filter(pk=row.pk).exists()
    stored = model.objects.get(pk=row.pk)
    stored.full_clean()  # raises ValidationError with the failing fields


SITE_SETTINGS = (
    "home.CouncilSettings",
    "home.AccessibilityStatement",
    "advices.LetterSettings",
    "advices.ArchiveSettings",
)


def test_two_rows_from_one_factory_do_not_collide(db):
    """Unique fields (references, slugs, usernames, one-to-one letters) get fresh values."""
    for model in concrete_models():
        factory = factory_for(model)
        if model._meta.label in SITE_SETTINGS:
            continue  # one row per site: the factory returns that row
        first, second = factory(), factory()
        assert first.pk != second.pk, model._meta.label


@pytest.mark.parametrize(
    "factory, group, may",
    [
        (factories.CouncilMemberFactory, COUNCIL_MEMBERS, "advices.propose_adviceletter"),
        (factories.SecretaryFactory, SECRETARIAT, "advices.send_adviceletter"),
        (factories.MunicipalityUserFactory, MUNICIPALITY, "advices.add_collegeresponse"),
    ],
)
def test_role_factories_give_the_role_and_its_permissions(db, factory, group, may):
    user = factory()
    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert user.has_perm(may)
    assert user.check_password("wachtwoord-123")


def test_a_sent_letter_is_sent_the_way_the_site_sends_it(db):
    letter = factories.AdviceLetterFactory(status=LetterStatus.SENT, recommendations=2)
    assert letter.status == LetterStatus.SENT
    assert list(letter.recommendations.values_list("number", flat=True)) == [1, 2]
    assert letter.sent_pdf.size > 0  # the PDF is stored on sending
    assert [row.status for row in letter.history.order_by("history_date", "history_id")][-3:] == [
        LetterStatus.PROPOSED,
        LetterStatus.ADOPTED,
        LetterStatus.SENT,
    ]


def test_the_college_side_moves_the_letter_as_the_admin_would(db):
    answer = factories.RecommendationAnswerFactory()
    letter = answer.recommendation.letter
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ANSWERED
    assert answer.response.letter == letter
