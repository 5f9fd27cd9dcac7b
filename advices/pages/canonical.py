"""One address per item: a route that names an item by its reference in another case
(``/adviezen/pr-2019-01/``, ``/adviesaanvragen/av-2022-01/``) moves permanently (301) to the
same route with the reference as stored, so there is one URL to link to, cache and count."""

from django.http import Http404, HttpResponsePermanentRedirect


class ReferenceNotFound(Http404):
    """No item has exactly this reference (one may in another case)."""

    def __init__(self, message, reference):
        super().__init__(message)
        self.reference = reference


class CanonicalReferenceMixin:
    """For a ``RoutablePageMixin`` page whose routes name their parts as keyword arguments,
    the item as ``reference``. A route raises ``ReferenceNotFound``; ``stored_reference``
    says which reference, if any, is meant."""

    def stored_reference(self, typed):
        """The stored reference of the one item whose reference is ``typed`` but for case,
        or None."""
        raise NotImplementedError

    def serve(self, request, view=None, args=None, kwargs=None):
        try:
            return super().serve(request, view, args, kwargs)
        except ReferenceNotFound as not_found:
            moved = self._canonical_url(request, not_found.reference)
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved)

    def _canonical_url(self, request, reference):
        """The address asked for with the reference as stored, query string included; None
        when no item has it in any case. Looked up only after the exact reference found
        nothing: the links as given cost nothing."""
        canonical = self.stored_reference(reference)
        if canonical is None or canonical == reference:
            return None
        route = request.routable_resolver_match
        url = self.get_url(request) + self.reverse_subpage(
            route.url_name, kwargs={**route.kwargs, "reference": canonical}
        )
        query = request.META.get("QUERY_STRING", "")
        return f"{url}?{query}" if query else url
