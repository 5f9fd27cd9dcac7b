"""One id per request, in the response header ``X-Request-ID`` and in every log line written
while the request runs (operations/logs.py), so an access-log line and an error can be
matched. A load balancer's id (the same header on the request) is kept if it looks sane."""

import contextvars
import re
import uuid

HEADER = "X-Request-ID"
_SANE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

current_request_id = contextvars.ContextVar("request_id", default=None)


def incoming_id(request):
    given = request.headers.get(HEADER, "")
    return given if _SANE.match(given) else uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE: every response gets the header, a cached page and a static file
    too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = incoming_id(request)
        token = current_request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response.headers[HEADER] = request.id
        return response
