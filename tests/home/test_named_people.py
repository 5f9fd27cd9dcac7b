"""How a hidden name is found and replaced (home.named_people), without the database."""

from dataclasses import dataclass

from home import named_people
from home.named_people import NameChoices


@dataclass
class Person:
    name: str
    role: str
    publish_name: bool = False


CHOICES = NameChoices(
    [
        Person("Jan de Vries", "de voorzitter"),
        Person("José van Dijk", "de wethouder"),
        Person("Anna Jansen", "de projectleider", publish_name=True),
        Person("Jansen", "een medewerker"),
        Person("Ria O'Brien", "de secretaris"),
    ]
)


def test_case_accents_and_spaces_do_not_matter():
    text = "Daarna sprak JOSE VAN DIJK met jan  de vries en José van Dijk."
    assert CHOICES.apply(text) == "Daarna sprak de wethouder met de voorzitter en de wethouder."


def test_a_role_at_the_start_of_a_sentence_gets_a_capital():
    assert CHOICES.apply("Jan de Vries opende. Jan de Vries sloot.") == (
        "De voorzitter opende. De voorzitter sloot."
    )


def test_only_whole_words_match_and_the_longest_name_wins():
    text = "Jansens plan; Anna Jansen bleef, Jansen-de Boer ook, Jansen ging."
    # "Anna Jansen" is published: her name stays, and the hidden "Jansen" is not cut out of it.
    assert CHOICES.apply(text) == (
        "Jansens plan; Anna Jansen bleef, Jansen-de Boer ook, een medewerker ging."
    )


def test_a_link_is_left_alone():
    assert CHOICES.apply("https://example.nl/jansen/ en Jansen") == (
        "https://example.nl/jansen/ en een medewerker"
    )


def test_data_for_json_and_csv_keeps_links_and_treats_rich_text_as_html(monkeypatch):
    monkeypatch.setattr(named_people, "current_choices", lambda: CHOICES)
    record = {
        "onderwerp": "Overleg met Jan de Vries",
        "inleiding": '<p>Met <a href="/over/jansen/">Jansen</a>.</p>',
        "url": "https://example.nl/adviezen/overleg-met-jansen",
        "toezeggingen": [{"verantwoordelijk": "Jan de Vries", "te_laat": False}],
        "aantal": 3,
    }
    assert named_people.apply_name_choices_to_data(record) == {
        "onderwerp": "Overleg met de voorzitter",
        "inleiding": '<p>Met <a href="/over/jansen/">een medewerker</a>.</p>',
        "url": "https://example.nl/adviezen/overleg-met-jansen",
        "toezeggingen": [{"verantwoordelijk": "De voorzitter", "te_laat": False}],
        "aantal": 3,
    }


def test_html_text_and_text_attributes_change_but_not_links_or_scripts():
    html = (
        '<p>Gesprek met <a href="/jan-de-vries/" title="Jan de Vries">Jan de Vries</a>.</p>'
        '<img alt="Jan de Vries spreekt" src="/media/jan de vries.jpg">'
        '<script>var name = "Jan de Vries";</script>'
        "<p>Ria O&#x27;Brien notuleerde.</p>"
    )
    assert CHOICES.apply_html(html) == (
        '<p>Gesprek met <a href="/jan-de-vries/" title="De voorzitter">de voorzitter</a>.</p>'
        '<img alt="De voorzitter spreekt" src="/media/jan de vries.jpg">'
        '<script>var name = "Jan de Vries";</script>'
        "<p>De secretaris notuleerde.</p>"
    )


def test_a_role_is_escaped_in_html():
    choices = NameChoices([Person("Jan de Vries", "hoofd R&D <extern>")])
    assert choices.apply_html("<p>Met Jan de Vries.</p>") == (
        "<p>Met hoofd R&amp;D &lt;extern&gt;.</p>"
    )


def test_nothing_hidden_leaves_every_text_as_it_is():
    choices = NameChoices([Person("Jan de Vries", "de voorzitter", publish_name=True)])
    text = "Jan de Vries opende."
    assert choices.apply(text) is text
    assert NameChoices([]).apply_html("<p>Jan de Vries</p>") == "<p>Jan de Vries</p>"
