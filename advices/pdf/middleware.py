"""Repeat downloads of a sent letter's PDF, served before the page tree is walked.

The first download goes through the Adviezen page (which checks that the letter is public
and not behind a view restriction) and remembers where the stored bytes are. Those bytes
never change, so later downloads of the same URL stream them straight away, like a static
file. Placed right after WhiteNoise.
"""

from advices.pdf.download import remembered_public_pdf, stored_pdf_response

PDF_SUFFIX = "/pdf/"


class SentPdfFastPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and request.path.endswith(PDF_SUFFIX):
            remembered = remembered_public_pdf(request.path)
            if remembered is not None:
                stored, content = remembered
                response = stored_pdf_response(request, stored, content=content)
                if response is not None:
                    return response
        return self.get_response(request)
