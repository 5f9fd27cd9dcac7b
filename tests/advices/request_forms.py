"""POST data of the admin's request forms, as the browser sends them."""

import datetime

from django.urls import reverse
from django.utils import timezone

LIST = "wagtailsnippets_advices_advicerequest:list"
ADD = "wagtailsnippets_advices_advicerequest:add"
EDIT = "wagtailsnippets_advices_advicerequest:edit"
STATUS = "wagtailsnippets_advices_advicerequest:status"
EXTEND = "wagtailsnippets_advices_advicerequest:extend"


def request_form_data(advice_request=None, documents=(), **overrides):
    """The request form's fields; ``documents`` a list of dicts (kind, title, file)."""
    today = timezone.localdate()
    if advice_request is not None:
        base = {
            "reference": advice_request.reference,
            "municipal_reference": advice_request.municipal_reference,
            "subject": advice_request.subject,
            "questions": advice_request.questions,
            "requester_kind": advice_request.requester_kind,
            "requester_name": advice_request.requester_name,
            "contact_name": advice_request.contact_name,
            "contact_email": advice_request.contact_email,
            "letter_date": advice_request.letter_date.isoformat()
            if advice_request.letter_date
            else "",
            "received_on": advice_request.received_on.isoformat(),
            "deadline": ""
            if advice_request.deadline_source == "termijn"
            else advice_request.deadline.isoformat(),
            "loaded_version": str(advice_request.edit_version),
        }
    else:
        received = today - datetime.timedelta(days=3)
        base = {
            "reference": "AV-2022-11",
            "municipal_reference": "Z/22/12345",
            "subject": "Ontwerp-verordening leerlingenvervoer",
            "questions": "Wat vindt de raad van de nieuwe regels voor leerlingenvervoer?",
            "requester_kind": "wethouder",
            "requester_name": "Wethouder Onderwijs",
            "contact_name": "Petra de Vries",
            "contact_email": "p.devries@gemeente.example",
            "letter_date": (received - datetime.timedelta(days=2)).isoformat(),
            "received_on": received.isoformat(),
            "deadline": "",
            "loaded_version": "0",
        }
    base.update(overrides)
    base.update(
        {
            "documents-TOTAL_FORMS": str(len(documents)),
            "documents-INITIAL_FORMS": "0",
            "documents-MIN_NUM_FORMS": "0",
            "documents-MAX_NUM_FORMS": "1000",
        }
    )
    for number, document in enumerate(documents):
        prefix = f"documents-{number}-"
        base[prefix + "id"] = ""
        base[prefix + "kind"] = document.get("kind", "aanvraagbrief")
        base[prefix + "title"] = document.get("title", "Brief")
        base[prefix + "file"] = document["file"]
        base[prefix + "ORDER"] = str(number + 1)
        base[prefix + "DELETE"] = ""
    return base


def status_url(advice_request):
    return reverse(STATUS, args=[advice_request.pk])


def extend_url(advice_request):
    return reverse(EXTEND, args=[advice_request.pk])


def take_step(client, advice_request, action, reason="", expected_status=None):
    """Press a step's button on the status page as shown for ``expected_status``."""
    return client.post(
        status_url(advice_request),
        {
            "action": action,
            "reason": reason,
            "expected_status": expected_status or advice_request.status,
        },
    )


def extend(client, advice_request, new_deadline, reason, expected_deadline=None):
    expected = expected_deadline or advice_request.deadline
    return client.post(
        extend_url(advice_request),
        {
            "new_deadline": new_deadline.isoformat(),
            "extension_reason": reason,
            "expected_deadline": expected.isoformat() if expected else "",
        },
    )
