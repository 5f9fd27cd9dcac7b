"""No form of ours shows Django's stock "Er bestaat al een ... met eenzelfde ..." message."""

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation
from django.utils.text import capfirst

from home.models import Theme
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def form_reachable_unique_checks():
    """(model, fields) for every unique field, unique_together and field-only UniqueConstraint
    of our own models that a form can hit (all of its fields editable)."""
    for app_label in ("home", "advices", "annual"):
        for model in apps.get_app_config(app_label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            checks = [
                (field.name,)
                for field in model._meta.local_fields
                if field.unique and not field.primary_key
            ]
            checks += [tuple(together) for together in model._meta.unique_together]
            checks += [
                tuple(constraint.fields)
                for constraint in model._meta.constraints
                if isinstance(constraint, models.UniqueConstraint)
                and constraint.fields
                and not constraint.violation_error_message
            ]
            for fields in checks:
                if all(model._meta.get_field(name).editable for name in fields):
                    yield model, fields


def rendered(error):
    return " ".join(error.messages)


def django_stock_message(model, fields):
    """What Django says without a message of ours ("Er bestaat al een ... met eenzelfde ...")."""
    if len(fields) == 1:
        field = model._meta.get_field(fields[0])
        return str(models.Field.default_error_messages["unique"]) % {
            "model_name": capfirst(model._meta.verbose_name),
            "field_label": capfirst(field.verbose_name),
        }
    return rendered(models.Model.unique_error_message(model(), model, fields))


def test_every_unique_check_has_a_message_of_its_own():
    checks = list(form_reachable_unique_checks())
    assert len(checks) >= 6  # the enumeration found our models
    stock = []
    with translation.override("nl"):
        for model, fields in checks:
            ours = rendered(model().unique_error_message(model, fields))
            if ours == django_stock_message(model, fields):
                stock.append(f"{model.__name__}{fields}: {ours}")
    assert stock == []


@pytest.mark.parametrize("field", ["name", "slug"])
def test_a_taken_theme_name_is_refused_in_plain_dutch(field):
    ThemeFactory(name="Armoede", slug="armoede")
    theme = Theme(name="Armoede", slug="armoede")
    with pytest.raises(Exception) as refused:
        theme.validate_unique()
    messages = refused.value.message_dict[field]
    assert messages and "eenzelfde" not in messages[0]
    assert messages[0].startswith("Er is al een thema met deze")
