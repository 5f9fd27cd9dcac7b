"""Letter versions: one per save, compared as a redline of the letter, restored as a new one."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from advices.models import AdviceLetter, LetterStatus, Recommendation
from advices.pdf.redline import (
    ADDED,
    CHANGED,
    REMOVED,
    UNCHANGED,
    diff_text,
    letter_redline,
    rich_text_paragraphs,
)
from advices.queries.versions import letter_versions
from tests.advices.admin_forms import letter_form_data
from tests.factories import UserFactory, make_letter


def url(name, *args):
    return reverse(f"wagtailsnippets_advices_adviceletter:{name}", args=args)


def create_in_admin(client, recommendations, **overrides):
    response = client.post(
        url("add"), letter_form_data(recommendations=recommendations, **overrides)
    )
    assert response.status_code == 302, response.context["form"].errors
    return AdviceLetter.objects.get()


def save_in_admin(client, letter, recommendations=None, **overrides):
    letter.refresh_from_db()
    data = letter_form_data(letter, recommendations=recommendations, **overrides)
    response = client.post(url("edit", letter.pk), data)
    assert response.status_code == 302, response.context["form"].errors
    letter.refresh_from_db()


def current(letter):
    """The letter's recommendations as admin form items, in their order."""
    return [
        {"id": r.pk, "heading": r.heading, "context": r.context, "advice": r.advice}
        for r in letter.recommendations.order_by("sort_order")
    ]


def seen(version):
    return [(r.id, r.number, r.heading, r.context, r.advice) for r in version.recommendations]


# -- versions ---------------------------------------------------------------------------


def test_every_admin_save_is_a_version_with_its_user_and_reason(
    client, member, secretary, site_tree
):
    client.force_login(member)
    letter = create_in_admin(client, [{"advice": "Een"}], change_reason="Eerste opzet")
    client.force_login(secretary)
    save_in_admin(client, letter, subject="Nieuw onderwerp", change_reason="Onderwerp scherper")

    versions = letter_versions(letter)
    assert [v.number for v in versions] == [1, 2]
    assert [v.user for v in versions] == [member, secretary]
    assert [v.author for v in versions] == ["Rianne Raadslid", "Sem Secretaris"]
    assert [v.reason for v in versions] == ["Eerste opzet", "Onderwerp scherper"]
    assert [v.status_label for v in versions] == ["Concept", "Concept"]
    assert [v.fields["subject"] for v in versions] == ["Sterke sociale basis", "Nieuw onderwerp"]
    assert [v.is_latest for v in versions] == [False, True]


def test_a_version_holds_its_recommendations_as_at_the_end_of_that_save(client, member, site_tree):
    client.force_login(member)
    letter = create_in_admin(
        client, [{"heading": "Armoede", "advice": "Oud advies."}, {"advice": "Tweede."}]
    )
    first, second = letter.recommendations.order_by("sort_order")

    items = current(letter)
    items[0]["advice"] = "Nieuw advies."
    save_in_admin(client, letter, recommendations=items)

    items = current(letter)
    items[1]["delete"] = True
    items.append({"advice": "Derde, toegevoegd."})
    save_in_admin(client, letter, recommendations=items)

    one, two, three = letter_versions(letter)
    assert seen(one) == [
        (first.pk, 1, "Armoede", "", "Oud advies."),
        (second.pk, 2, "", "", "Tweede."),
    ]
    assert seen(two) == [
        (first.pk, 1, "Armoede", "", "Nieuw advies."),
        (second.pk, 2, "", "", "Tweede."),
    ]
    added = letter.recommendations.get(advice="Derde, toegevoegd.")
    assert seen(three) == [
        (first.pk, 1, "Armoede", "", "Nieuw advies."),
        (added.pk, 2, "", "", "Derde, toegevoegd."),
    ]


def test_versions_page_lists_versions_newest_first_in_dutch_local_time(client, member, site_tree):
    with time_machine.travel(datetime.datetime(2022, 6, 17, 12, 5, tzinfo=datetime.UTC)):
        letter = make_letter(recommendations=1)
    client.force_login(member)
    save_in_admin(client, letter, change_reason="Kleine correctie")

    response = client.get(url("versions", letter.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "17 juni 2022, 14:05" in html  # 12:05 UTC is 14:05 in Amsterdam in summer
    table = html[html.index("<tbody>") :]
    assert table.index("Kleine correctie") < table.index("17 juni 2022, 14:05")
    assert "Rianne Raadslid" in html
    assert "Vergelijken" in html
    assert html.count("Deze versie terugzetten") == 1  # not for the current version
    assert f"{url('compare', letter.pk)}?a=1&amp;b=2" in html


def test_versions_page_takes_the_same_number_of_queries_for_3_or_30_versions(
    client, member, site_tree
):
    def letter_with_versions(count, reference):
        letter = make_letter(recommendations=3, reference=reference)
        recommendations = list(letter.recommendations.order_by("sort_order"))
        for step in range(count - 1):
            letter.subject = f"Onderwerp {step}"
            letter.save()
            recommendation = recommendations[step % 3]
            recommendation.advice = f"Advies in stap {step}."
            recommendation.save()
        assert len(letter_versions(letter)) == count
        return letter

    few, many = letter_with_versions(3, "PR-2022-01"), letter_with_versions(30, "PR-2022-02")
    client.force_login(member)
    client.get(url("versions", few.pk))  # warm caches (content types, site) alike
    counts = []
    for letter, name, query in [
        (few, "versions", ""),
        (many, "versions", ""),
        (few, "compare", "?a=1&b=3"),
        (many, "compare", "?a=1&b=30"),
    ]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(name, letter.pk) + query).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[2] == counts[3]


# -- redline ------------------------------------------------------------------------------


def test_a_changed_word_is_a_deletion_plus_an_insertion():
    html = diff_text("Wij adviseren u maatregel 2 te nemen.", "Wij adviseren u stap 2 te nemen.")
    assert html.startswith("Wij adviseren u <del>")
    assert re.search(r"<del>.*maatregel.*</del><ins>.*stap.*</ins> 2 te nemen\.", html)
    assert "[verwijderd: " in html and "[ingevoegd: " in html  # not only colour
    assert diff_text("gelijk", "gelijk") == "gelijk"


def test_rich_text_is_compared_as_text_per_paragraph():
    assert rich_text_paragraphs(
        '<p>Een <b>vette</b> <a href="x">link</a>.</p><ul><li>punt</li></ul>'
    ) == ["Een vette link.", "punt"]


def test_compare_shows_added_removed_moved_and_reworded_recommendations(client, member, site_tree):
    client.force_login(member)
    letter = create_in_admin(
        client,
        [
            {"heading": "Armoede", "advice": "Neem drempels weg."},
            {"advice": "Dit advies vervalt."},
            {"advice": "Dit advies gaat naar voren."},
        ],
    )
    a, b, c = current(letter)
    a["advice"] = "Neem alle drempels weg."
    b["delete"] = True
    save_in_admin(
        client,
        letter,
        # As the browser posts a reordering: forms keep their place, ORDER changes.
        recommendations=[
            {**a, "order": 2},
            {**b, "order": 3},
            {**c, "order": 1},
            {"advice": "Een nieuw advies.", "order": 4},
        ],
        subject="Sterke sociale basis in Zwolle",
    )

    old, new = letter_versions(letter)
    changes = {
        (change.old or change.new).id: change for change in letter_redline(old, new).recommendations
    }
    new_id = letter.recommendations.get(advice="Een nieuw advies.").pk
    assert changes[a["id"]].state == CHANGED and not changes[a["id"]].moved
    assert changes[b["id"]].state == REMOVED
    assert changes[c["id"]].state == UNCHANGED and changes[c["id"]].moved
    assert changes[new_id].state == ADDED

    response = client.get(url("compare", letter.pk), {"a": 1, "b": 2})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nieuwe aanbeveling" in html
    assert "Verwijderde aanbeveling" in html
    assert "Verplaatst: was 3, nu 1" in html
    assert re.search(r"<ins>.*?\[ingevoegd: </span>Een nieuw advies\.<", html)
    assert re.search(r"<del>.*?\[verwijderd: </span>Dit advies vervalt\.<", html)
    assert re.search(r"Neem <ins>.*?alle.*?</ins>drempels weg\.", html)
    assert re.search(r"<ins>.*?in Zwolle.*?</ins>", html)


def test_compare_page_escapes_letter_text(client, member, site_tree):
    client.force_login(member)
    letter = create_in_admin(client, [{"advice": "Eerste."}])
    save_in_admin(
        client,
        letter,
        recommendations=current(letter) + [{"advice": "<script>alert(1)</script>"}],
        introduction="<p>Zie &lt;img src=x onerror=alert(2)&gt; hier.</p>",
    )
    html = client.get(url("compare", letter.pk), {"a": 1, "b": 2}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


@pytest.mark.parametrize(
    "query, message",
    [
        ({}, "Kies twee versies"),
        ({"a": "1"}, "Kies twee versies"),
        ({"a": "een", "b": "2"}, "heel getal"),
        ({"a": "1", "b": "99"}, "Versie 99 bestaat niet"),
        ({"a": "0", "b": "1"}, "Versie 0 bestaat niet"),
        ({"a": "2", "b": "2"}, "Kies twee verschillende versies"),
    ],
)
def test_bad_compare_parameters_give_a_message_not_an_error(
    client, member, site_tree, query, message
):
    letter = make_letter(recommendations=1)
    letter.subject = "Tweede versie"
    letter.save()
    client.force_login(member)
    response = client.get(url("compare", letter.pk), query)
    assert response.status_code in (200, 400)
    assert message in response.content.decode()


def test_compare_newer_with_older_shows_old_to_new_and_says_so(client, member, site_tree):
    letter = make_letter(recommendations=1)
    letter.subject = "Tweede versie"
    letter.save()
    client.force_login(member)
    response = client.get(url("compare", letter.pk), {"a": 2, "b": 1})
    assert response.status_code == 200
    assert "Versie 2 is nieuwer dan versie 1" in response.content.decode()
    redline = response.context["redline"]
    assert (redline.old.number, redline.new.number) == (1, 2)


# -- restore ------------------------------------------------------------------------------


def test_restore_makes_an_old_version_the_newest_and_keeps_the_others(client, member, site_tree):
    client.force_login(member)
    letter = create_in_admin(
        client,
        [{"heading": "Armoede", "advice": "A."}, {"advice": "B."}, {"advice": "C."}],
        subject="Eerste onderwerp",
    )
    a, b, c = current(letter)
    save_in_admin(
        client,
        letter,
        recommendations=[{**a, "advice": "A, herschreven."}, b, c],
        subject="Tweede onderwerp",
        introduction="<p>Een andere inleiding.</p>",
    )
    save_in_admin(
        client,
        letter,
        recommendations=[
            {**a, "order": 2},
            {**b, "order": 3, "delete": True},
            {**c, "order": 1},
            {"advice": "D.", "order": 4},
        ],
    )
    before = letter_versions(letter)
    edit_version = letter.edit_version

    restore_url = url("restore", letter.pk, before[0].history_id)
    confirm = client.get(restore_url)
    assert confirm.status_code == 200
    assert "Versie 1 terugzetten" in confirm.content.decode()
    assert len(letter_versions(letter)) == 3  # a GET changes nothing

    response = client.post(restore_url, {"reason": "toch de eerste"})
    assert response.status_code == 302

    after = letter_versions(letter)
    assert len(after) == 4
    restored = after[-1]
    assert restored.fields == before[0].fields
    assert seen(restored) == seen(before[0])  # same ids, numbers, texts and order
    assert restored.reason == "Versie 1 teruggezet: toch de eerste"
    assert restored.user == member
    for old, kept in zip(before, after[:3], strict=True):
        assert (kept.history_id, kept.fields, seen(kept)) == (old.history_id, old.fields, seen(old))
    letter.refresh_from_db()
    assert letter.subject == "Eerste onderwerp"
    assert letter.edit_version > edit_version
    assert Recommendation.objects.filter(pk=b["id"], advice="B.").exists()  # back, same id
    assert not letter_redline(before[0], restored).has_changes
    assert set(
        Recommendation.history.filter(history_date__gte=restored.saved_at).values_list(
            "history_user", "history_change_reason"
        )
    ) == {(member.pk, "Versie 1 teruggezet: toch de eerste")}


def test_restore_is_refused_on_a_sent_letter(client, secretary, site_tree):
    letter = make_letter(recommendations=1, status=LetterStatus.SENT, user=secretary)
    first = letter_versions(letter)[0]
    client.force_login(secretary)

    page = client.get(url("versions", letter.pk)).content.decode()
    assert "Deze versie terugzetten" not in page
    assert "Terugzetten kan niet" in page
    for method in (client.get, client.post):
        response = method(url("restore", letter.pk, first.history_id))
        assert response.status_code == 403
        assert "kan niet meer worden gewijzigd" in response.content.decode()
    assert len(letter_versions(letter)) == 4


def test_restore_is_refused_without_change_permission(client, clerk, site_tree):
    letter = make_letter(recommendations=1)
    letter.subject = "Tweede versie"
    letter.save()
    first = letter_versions(letter)[0]
    reader = UserFactory(username="lezer")
    reader.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_adviceletter"),
    )
    for user, reason in [
        (clerk, "alleen voor de raad"),
        (reader, "U mag adviesbrieven niet bewerken"),
    ]:
        client.force_login(user)
        response = client.post(url("restore", letter.pk, first.history_id))
        assert response.status_code == 403
        assert reason in response.content.decode()
    letter.refresh_from_db()
    assert letter.subject == "Tweede versie"
    assert len(letter_versions(letter)) == 2


def test_restore_of_a_version_of_another_letter_is_not_found(client, member, site_tree):
    letter = make_letter(recommendations=1, reference="PR-2022-01")
    other = make_letter(recommendations=1, reference="PR-2022-02")
    client.force_login(member)
    foreign = letter_versions(other)[0].history_id
    assert client.post(url("restore", letter.pk, foreign)).status_code == 404
