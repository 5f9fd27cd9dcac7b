"""``loaddata`` and the frozen letter: a fixture may bring in a sent letter that is not there
yet, with its recommendations and themes (as PostgreSQL's triggers allow any INSERT), but it
never changes or adds to a sent letter that is already there."""

import json

import pytest
from django.core import serializers
from django.core.management import call_command

from advices.lifecycle.frozen import LetterFrozenError
from advices.models import AdviceLetter, LetterStatus, Recommendation
from tests.factories import ThemeFactory, make_letter


@pytest.fixture
def sent(db, secretary):
    return make_letter(
        recommendations=3,
        status=LetterStatus.SENT,
        user=secretary,
        themes=[ThemeFactory(name="Jeugd", slug="jeugd"), ThemeFactory(name="Zorg", slug="zorg")],
    )


def snapshot(letter):
    letter = AdviceLetter.objects.get(pk=letter.pk)
    return (
        {name: getattr(letter, name) for name in ["subject", "introduction", "status"]},
        list(letter.recommendations.order_by("sort_order").values_list("pk", "number", "advice")),
        sorted(letter.themes.values_list("slug", flat=True)),
        letter.history.count(),
    )


def load(tmp_path, records):
    fixture = tmp_path / "fixture.json"
    fixture.write_text(json.dumps(records))
    call_command("loaddata", str(fixture), verbosity=0)


def as_records(*objects):
    return json.loads(serializers.serialize("json", objects))


def copy_of(letter, pk_offset=1000):
    """The letter and its recommendations as a fixture of a letter that is not there yet:
    the same rows under new keys and a new reference."""
    new_pk = letter.pk + pk_offset
    records = as_records(letter, *letter.recommendations.order_by("sort_order"))
    records[0]["pk"] = new_pk
    records[0]["fields"]["reference"] = f"{letter.reference}-KOPIE"
    for record in records[1:]:
        record["pk"] += pk_offset
        record["fields"]["letter"] = new_pk
    return new_pk, records


def test_a_sent_letter_that_is_not_there_yet_loads_with_its_recommendations_and_themes(
    sent, tmp_path
):
    new_pk, records = copy_of(sent)
    load(tmp_path, records)
    loaded = AdviceLetter.objects.get(pk=new_pk)
    assert loaded.status == LetterStatus.SENT
    assert loaded.reference == f"{sent.reference}-KOPIE"
    assert list(loaded.recommendations.order_by("sort_order").values_list("advice", flat=True)) == (
        list(sent.recommendations.order_by("sort_order").values_list("advice", flat=True))
    )
    assert sorted(loaded.themes.values_list("slug", flat=True)) == ["jeugd", "zorg"]
    # And once there it is frozen like any other: a second import may not change it.
    records[1]["fields"]["advice"] = "Later gewijzigd"
    with pytest.raises(LetterFrozenError):
        load(tmp_path, records)
    assert loaded.recommendations.filter(advice="Later gewijzigd").count() == 0


def test_an_import_cannot_add_a_recommendation_to_a_sent_letter_that_is_there(sent, tmp_path):
    before = snapshot(sent)
    extra = as_records(sent.recommendations.first())[0]
    extra["pk"] = Recommendation.objects.order_by("-pk").first().pk + 1
    extra["fields"]["advice"] = "Er stiekem bij gezet"
    with pytest.raises(LetterFrozenError):
        load(tmp_path, [extra])
    assert snapshot(sent) == before


def test_an_import_cannot_change_the_themes_of_a_sent_letter_that_is_there(sent, tmp_path):
    before = snapshot(sent)
    records = as_records(sent)
    records[0]["fields"]["themes"] = [ThemeFactory(name="Wonen", slug="wonen").pk]
    with pytest.raises(LetterFrozenError):
        load(tmp_path, records)
    assert snapshot(sent) == before


def test_a_letter_loaded_in_one_import_is_no_longer_open_to_the_next(sent, tmp_path):
    """What one import brought in is remembered for that import's transaction only."""
    new_pk, records = copy_of(sent)
    load(tmp_path, records)
    extra = dict(records[1], pk=records[-1]["pk"] + 1)
    extra["fields"] = dict(extra["fields"], advice="Bij een volgende import erbij gezet")
    with pytest.raises(LetterFrozenError):
        load(tmp_path, [extra])
    assert AdviceLetter.objects.get(pk=new_pk).recommendations.count() == 3
