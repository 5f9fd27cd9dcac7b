"""Build the POST data of the letter's admin form, as the browser would send it."""

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from advices.models import AdviceLetter
from advices.models.letters import LETTER_FEATURES


def draftail(html):
    """Rich text as the admin's editor posts it (Draftail's JSON)."""
    return ContentstateConverter(features=LETTER_FEATURES).from_database_format(html or "")


def letter_form_data(letter=None, recommendations=None, **overrides):
    """Form data for the admin edit form; ``recommendations`` is a list of dicts."""
    if letter is not None:
        base = {
            "reference": letter.reference,
            "date": letter.date.isoformat(),
            "request": letter.request_id or "",
            "subject": letter.subject,
            "addressee": letter.addressee,
            "salutation": letter.salutation,
            "introduction": letter.introduction,
            "closing": letter.closing,
            "signatory_name": letter.signatory_name,
            "signatory_role": letter.signatory_role,
            "loaded_version": str(letter.edit_version),
        }
        if recommendations is None:
            recommendations = [
                {"id": r.pk, "heading": r.heading, "context": r.context, "advice": r.advice}
                for r in letter.recommendations.order_by("sort_order")
            ]
    else:
        base = {
            "reference": AdviceLetter.propose_reference(),
            "date": "2022-06-17",
            "request": "",
            "subject": "Sterke sociale basis",
            "addressee": "Aan het college",
            "salutation": "Geacht college,",
            "introduction": "<p>Inleiding</p>",
            "closing": "",
            "signatory_name": "Aljona Wertheim",
            "signatory_role": "Voorzitter",
            "loaded_version": "0",
        }
    base["change_reason"] = ""
    base.update(overrides)
    for name in ("introduction", "closing"):
        base[name] = draftail(base[name])
    recommendations = recommendations or []
    existing = sum(1 for item in recommendations if item.get("id"))
    base.update(
        {
            "recommendations-TOTAL_FORMS": str(len(recommendations)),
            "recommendations-INITIAL_FORMS": str(existing),
            "recommendations-MIN_NUM_FORMS": "0",
            "recommendations-MAX_NUM_FORMS": "1000",
        }
    )
    for index, item in enumerate(recommendations):
        prefix = f"recommendations-{index}-"
        base[prefix + "id"] = str(item.get("id") or "")
        base[prefix + "heading"] = item.get("heading", "")
        base[prefix + "context"] = item.get("context", "")
        base[prefix + "advice"] = item.get("advice", "")
        base[prefix + "ORDER"] = str(item.get("order", index + 1))
        base[prefix + "DELETE"] = "on" if item.get("delete") else ""
    return base


def confirm_url(letter, step):
    """The confirmation screen of ``step`` ("adopt" or "send") for ``letter``."""
    from django.urls import reverse

    return reverse(f"wagtailsnippets_advices_adviceletter:confirm_{step}", args=[letter.pk])


def confirm_step(client, letter, step, reason="", loaded_version=None, **kwargs):
    """Press the confirm button of ``step`` on a confirmation screen opened just now."""
    if loaded_version is None:
        loaded_version = AdviceLetter.objects.get(pk=letter.pk).edit_version
    data = {"loaded_version": str(loaded_version), "reason": reason}
    return client.post(confirm_url(letter, step), data, **kwargs)
