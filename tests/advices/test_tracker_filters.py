"""The tracker's filters, search and sorting (``advices.queries.tracker``), on a known set."""

import pytest
from django.http import QueryDict

from advices.queries.tracker import filtered_recommendations
from tests.advices.tracker_data import EXPECTED, TODAY, build_tracker_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    return build_tracker_data()


def labels(query, data, today=TODAY):
    queryset, _filter = filtered_recommendations(QueryDict(query), today=today)
    names = {letter.pk: year for year, letter in data["letters"].items()}
    return [(names[r.letter_id], r.number) for r in queryset]


def test_unfiltered_lists_every_public_recommendation_and_no_draft(data):
    queryset, recommendation_filter = filtered_recommendations(QueryDict(""), today=TODAY)
    listed = list(queryset)
    assert len(listed) == EXPECTED["total"]
    hidden = {letter.pk for letter in data["hidden"]}
    assert not [r for r in listed if r.letter_id in hidden]
    assert recommendation_filter.ignored == []
    assert recommendation_filter.values == {}
    # The form offers only what public letters use.
    assert [t.slug for t in recommendation_filter.themes] == ["jeugd", "ouderen"]
    assert recommendation_filter.years == [2023, 2022, 2021]
    assert [ref for ref, _subject in recommendation_filter.letters.choices] == [
        "PR-2023-02",
        "PR-2022-07",
        "PR-2021-01",
    ]


def test_default_sorting_is_newest_letter_first_in_number_order(data):
    assert labels("", data) == [
        ("2023", 1),
        ("2023", 2),
        ("2022", 1),
        ("2022", 2),
        ("2022", 3),
        ("2021", 1),
        ("2021", 2),
        ("2021", 3),
        ("2021", 4),
    ]


def test_other_sortings(data):
    assert labels("sortering=oudste", data)[:5] == [
        ("2021", 1),
        ("2021", 2),
        ("2021", 3),
        ("2021", 4),
        ("2022", 1),
    ]
    assert labels("sortering=advies-en-nummer", data)[:2] == [("2021", 1), ("2021", 2)]
    by_status = labels("sortering=status", data)
    order = [
        "wacht-op-reactie",
        "reactie-zonder-standpunt",
        "standpunt-gegeven",
        "in-uitvoering",
        "uitgevoerd",
    ]
    position = 0
    for status in order:
        expected = EXPECTED["labels"][status]
        assert set(by_status[position : position + len(expected)]) == expected
        position += len(expected)
    assert by_status[-1] == ("2021", 4)


def test_letters_of_one_date_go_by_reference():
    from tests.advices.tracker_data import build_many

    # Thirteen letters a month apart from January: the first and the thirteenth share a date.
    build_many(letters=13, per_letter=2, start_year=2000, with_progress=False)

    def order(query):
        queryset, _filter = filtered_recommendations(QueryDict(query), today=TODAY)
        return [(r.letter.reference, r.number) for r in queryset]

    newest = order("")
    assert newest[:2] == [("PR-2000-12x11", 1), ("PR-2000-12x11", 2)]
    assert newest[-4:] == [
        ("PR-2000-13x12", 1),
        ("PR-2000-13x12", 2),
        ("PR-2000-01x0", 1),
        ("PR-2000-01x0", 2),
    ]
    assert order("sortering=oudste")[:4] == [
        ("PR-2000-01x0", 1),
        ("PR-2000-01x0", 2),
        ("PR-2000-13x12", 1),
        ("PR-2000-13x12", 2),
    ]


@pytest.mark.parametrize("status", list(EXPECTED["labels"]))
def test_each_status(data, status):
    assert set(labels(f"status={status}", data)) == EXPECTED["labels"][status]


def test_verdict_theme_year_letter_and_late(data):
    assert set(labels("standpunt=overgenomen", data)) == {("2021", 1), ("2021", 4), ("2022", 2)}
    assert set(labels("thema=ouderen", data)) == {
        ("2022", 1),
        ("2022", 2),
        ("2022", 3),
        ("2023", 1),
        ("2023", 2),
    }
    assert set(labels("jaar=2022", data)) == {("2022", 1), ("2022", 2), ("2022", 3)}
    assert set(labels("advies=PR-2021-01", data)) == {("2021", n) for n in range(1, 5)}
    # late: the 2023 letter's reply (sent 1 September 2023, due six weeks later) and the
    # 2021 commitment (due 31 December 2021)
    assert labels("te-laat=ja", data) == [("2023", 1), ("2023", 2), ("2021", 2)]
    assert set(labels("standpunt=geen", data)) == {("2022", 3), ("2023", 1), ("2023", 2)}


def test_filters_combine(data):
    assert set(labels("thema=jeugd&standpunt=overgenomen", data)) == {
        ("2021", 1),
        ("2021", 4),
        ("2022", 2),
    }
    assert labels("thema=jeugd&standpunt=overgenomen&jaar=2022", data) == [("2022", 2)]
    assert labels("thema=jeugd&status=in-uitvoering&te-laat=ja", data) == [("2021", 2)]
    assert labels("thema=ouderen&te-laat=ja", data) == [("2023", 1), ("2023", 2)]
    assert labels("advies=PR-2022-07&status=wacht-op-reactie&q=respijtzorg", data) == []
    assert labels("advies=PR-2022-07&status=reactie-zonder-standpunt&q=respijtzorg", data) == [
        ("2022", 3)
    ]


def test_late_depends_on_today(data):
    # The commitment was due on 31 December 2021: not late on that day itself.
    import datetime

    assert labels("te-laat=ja", data, today=datetime.date(2021, 12, 31)) == []
    assert labels("te-laat=ja", data, today=datetime.date(2022, 1, 1)) == [("2021", 2)]


def test_a_late_reply_makes_its_letters_recommendations_late(data):
    import datetime

    # Sent 1 September 2023 with a six-week term: the reply is due on 13 October 2023.
    on_time = datetime.date(2023, 10, 13)
    assert labels("te-laat=ja", data, today=on_time) == [("2021", 2)]
    assert labels("te-laat=ja", data, today=on_time + datetime.timedelta(days=1)) == [
        ("2023", 1),
        ("2023", 2),
        ("2021", 2),
    ]


def test_search_every_word_somewhere(data):
    # In the advice, the context, the heading, the letter's subject; any case.
    assert labels("q=schuldhulpmaatje", data) == [("2021", 1)]
    assert labels("q=JONGEREN", data) == [("2021", 1)]
    assert set(labels("q=armoede", data)) == {("2021", n) for n in range(1, 5)}
    assert set(labels("q=Mantelzorg", data)) == {("2022", 3), ("2023", 1), ("2023", 2)}
    # All words must match, each anywhere.
    assert labels("q=mantelzorg+jonge", data) == [("2023", 2)]
    assert labels("q=mantelzorg+schuldhulpmaatje", data) == []
    # Drafts are never found.
    assert labels("q=geheime", data) == []
    assert labels("q=vastgestelde", data) == []
    # Characters that mean something to SQL LIKE are searched for as they are.
    assert labels("q=%25", data) == []
    assert labels("q=_", data) == []


@pytest.mark.parametrize(
    "query, name",
    [
        ("status=bijna-klaar", "status"),
        ("standpunt=misschien", "standpunt van het college"),
        ("thema=alleen-concept", "thema"),
        ("thema=bestaat-niet", "thema"),
        ("jaar=1999", "jaar"),
        ("jaar=abc", "jaar"),
        ("jaar=2019", "jaar"),  # only an unsent letter has that year
        ("advies=PR-2023-03", "advies"),  # a concept
        ("advies=PR-9999-99", "advies"),
        ("sortering=willekeurig", "sorteren op"),
    ],
)
def test_unknown_values_are_reported_and_ignored(data, query, name):
    queryset, recommendation_filter = filtered_recommendations(
        QueryDict(query + "&thema=jeugd" * ("thema" not in query)), today=TODAY
    )
    assert [str(label).lower() for label, _value in recommendation_filter.ignored] == [name]
    expected = EXPECTED["total"] if "thema" in query else 7  # the valid theme still applies
    assert queryset.count() == expected
    assert "thema" not in recommendation_filter.values or "thema" not in query


def test_a_very_long_search_is_cut_not_refused(data):
    queryset, recommendation_filter = filtered_recommendations(
        QueryDict("q=" + "respijtzorg " + "x" * 10_000), today=TODAY
    )
    assert recommendation_filter.ignored == []
    assert recommendation_filter.search_shortened
    assert len(recommendation_filter.values["q"]) <= 200
    assert queryset.count() == 0  # the cut word "xxx…" still has to match
    queryset, recommendation_filter = filtered_recommendations(
        QueryDict("q=" + "+".join(["respijtzorg"] * 50)), today=TODAY
    )
    assert recommendation_filter.search_shortened
    assert {r.number for r in queryset} == {1, 3}


def test_values_make_a_shareable_query_string(data):
    _queryset, recommendation_filter = filtered_recommendations(
        QueryDict("thema=jeugd&te-laat=on&jaar=2021&q=++brieven++&sortering=status&status=x"),
        today=TODAY,
    )
    assert recommendation_filter.values == {
        "thema": "jeugd",
        "te-laat": "ja",
        "jaar": "2021",
        "q": "brieven",
        "sortering": "status",
    }
    assert recommendation_filter.filters_active
    assert "te-laat=ja" in recommendation_filter.query_string()
    # The default sorting is not repeated in links.
    _queryset, plain = filtered_recommendations(QueryDict("sortering=nieuwste"), today=TODAY)
    assert plain.values == {}
    assert not plain.filters_active


def test_rows_carry_the_annotations(data):
    queryset, _filter = filtered_recommendations(QueryDict("advies=PR-2021-01"), today=TODAY)
    rows = {r.number: (r.verdict, r.public_status, r.is_overdue) for r in queryset}
    assert rows == {
        1: ("overgenomen", "uitgevoerd", False),
        2: ("deels-overgenomen", "in-uitvoering", True),
        3: ("niet-overgenomen", "standpunt-gegeven", False),
        4: ("overgenomen", "niet-uitgevoerd", False),
    }
