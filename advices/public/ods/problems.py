"""Error answers as the spec's common responses prescribe: RFC 7807 ``application/problem+json``
(``Foutbericht``; ``BadRequestFoutbericht`` with ``invalidParams`` for a wrong parameter)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

from advices.public.ods.headers import with_api_headers

PROBLEM_TYPES = {
    400: "https://www.rfc-editor.org/rfc/rfc9110#name-400-bad-request",
    404: "https://www.rfc-editor.org/rfc/rfc9110#name-404-not-found",
    405: "https://www.rfc-editor.org/rfc/rfc9110#name-405-method-not-allowed",
}
CODES = {400: "invalid", 404: "not_found", 405: "method_not_allowed"}


def problem(request, status, title, detail="", invalid_params=None):
    body = {
        "type": PROBLEM_TYPES[status],
        "title": title,
        "status": status,
        "detail": detail or title,
        "instance": request.build_absolute_uri(),
        "code": CODES[status],
    }
    if invalid_params is not None:
        body["invalidParams"] = invalid_params
    response = JsonResponse(
        body,
        status=status,
        content_type="application/problem+json",
        json_dumps_params={"ensure_ascii": False},
    )
    return with_api_headers(response)


def not_found(request, detail=""):
    return problem(request, 404, _("Niet gevonden."), detail)


def unknown_address(request, *args, **kwargs):
    """Any other address under the ODS API answers in JSON too, not with the site's 404 page."""
    return not_found(
        request, _("Dit adres bestaat niet in de API voor het raadsinformatiesysteem.")
    )


class BadParameter(Exception):
    """A query parameter with a value the API cannot use; ``reason`` is in plain Dutch."""

    def __init__(self, name, code, reason):
        super().__init__(reason)
        self.name, self.code, self.reason = name, code, reason


def bad_parameter(request, error):
    return problem(
        request,
        400,
        _("Een parameter klopt niet."),
        error.reason,
        invalid_params=[{"name": error.name, "code": error.code, "reason": error.reason}],
    )
