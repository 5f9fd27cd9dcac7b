"""A letter's reference as it is stored, for an address that writes it in another case.

People type and share ``/adviezen/pr-2019-01/``; the letter's one address is
``/adviezen/PR-2019-01/``. The pages and the API send such an address on (301) to the
stored reference, so there is one URL per letter to link to, cache and count.
"""

from advices.models import AdviceLetter


def canonical_reference(typed):
    """The reference of the one public letter whose reference is ``typed`` but for case,
    or None: when there is none, or (the references allow it) when several match."""
    found = list(
        AdviceLetter.objects.public()
        .filter(reference__iexact=typed)
        .order_by()
        .values_list("reference", flat=True)[:2]
    )
    return found[0] if len(found) == 1 else None
