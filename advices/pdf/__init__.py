"""Advice letters as print-ready, archival PDF; see ``advices.pdf.render``."""

from advices.pdf.render import (
    PDF_VARIANT,
    LetterRenderError,
    build_letter,
    build_redline,
    pdf_filename,
    redline_filename,
    render_letter_pdf,
    render_redline_pdf,
)

__all__ = [
    "PDF_VARIANT",
    "LetterRenderError",
    "build_letter",
    "build_redline",
    "pdf_filename",
    "redline_filename",
    "render_letter_pdf",
    "render_redline_pdf",
]
