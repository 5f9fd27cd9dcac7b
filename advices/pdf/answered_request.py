"""What the letter's reference block says of the request it answers, as Dutch letters do:
"Uw brief van 11 januari 2022" and "Uw kenmerk Z/22/123456", each only when known."""

from django.utils.formats import date_format

from advices.models import AdviceRequest


def answered_request(request_id):
    """``{"dated": "11 januari 2022" or "", "kenmerk": ...}`` for the request a version of a
    letter answers (its ``request_id``), or None for ongevraagd advies. Format dates inside
    ``translation.override("nl")``."""
    if request_id is None:
        return None
    advice_request = (
        AdviceRequest.objects.filter(pk=request_id)
        .only("letter_date", "received_on", "municipal_reference")
        .first()
    )
    if advice_request is None:
        return None
    dated = advice_request.dated
    return {
        "dated": date_format(dated, "j F Y") if dated else "",
        "kenmerk": advice_request.municipal_reference.strip(),
    }
