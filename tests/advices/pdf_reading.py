"""Reading a rendered letter PDF back: its text per page and its text lines with positions."""

import io
import re

from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LTTextContainer, LTTextLine
from pypdf import PdfReader

POINT_IN_MM = 25.4 / 72


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def page_count(pdf):
    return len(PdfReader(io.BytesIO(pdf)).pages)


def page_texts(pdf):
    return [
        squash(extract_text(io.BytesIO(pdf), page_numbers=[number]))
        for number in range(page_count(pdf))
    ]


def text_lines(pdf, page_number=0):
    """(text, left, top, right, bottom) of every text line, in mm from the top-left corner."""
    page = next(extract_pages(io.BytesIO(pdf), page_numbers=[page_number]))
    height = page.height
    lines = []

    def collect(item):
        if isinstance(item, LTTextLine):
            text = squash(item.get_text())
            if text:
                lines.append(
                    (
                        text,
                        item.x0 * POINT_IN_MM,
                        (height - item.y1) * POINT_IN_MM,
                        item.x1 * POINT_IN_MM,
                        (height - item.y0) * POINT_IN_MM,
                    )
                )
        elif isinstance(item, LTTextContainer) or hasattr(item, "__iter__"):
            for child in item:
                collect(child)

    for item in page:
        collect(item)
    return lines
