"""Advice letters as print-ready, archival PDF; see ``advices.pdf.render``."""

from advices.pdf.render import (
    PDF_VARIANT,
    LetterRenderError,
    build_letter,
    pdf_filename,
    render_letter_pdf,
)

__all__ = [
    "PDF_VARIANT",
    "LetterRenderError",
    "build_letter",
    "pdf_filename",
    "render_letter_pdf",
]
