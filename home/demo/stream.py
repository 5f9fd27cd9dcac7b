"""Small helpers that build StreamField data in Wagtail's raw JSON form.

Text passed to these helpers is plain text and is escaped; only ``html`` values
(the ``*_html`` helpers) are inserted as they are.
"""

from django.utils.html import escape


def _p(text):
    return f"<p>{escape(text)}</p>"


def rich_text(*paragraphs):
    """Rich-text HTML from plain-text paragraphs."""
    return "".join(_p(text) for text in paragraphs)


def bullet_list(items):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def paragraph(*paragraphs, items=None, after=()):
    """A paragraph block: paragraphs, an optional bullet list, then more paragraphs."""
    html = rich_text(*paragraphs)
    if items:
        html += bullet_list(items)
    html += rich_text(*after)
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def quotes(items, heading_text="Uitspraken van deelnemers"):
    return {"type": "quotes", "value": {"heading": heading_text, "quotes": list(items)}}


def key_figures(figures, heading_text="In cijfers"):
    return {
        "type": "key_figures",
        "value": {
            "heading": heading_text,
            "figures": [{"figure": figure, "label": label} for figure, label in figures],
        },
    }


def four_vs(intro="", hold=(), strengthen=(), renew=(), leave=()):
    return {
        "type": "four_vs",
        "value": {
            "intro": intro,
            "hold": list(hold),
            "strengthen": list(strengthen),
            "renew": list(renew),
            "leave": list(leave),
        },
    }


def call_out(heading_text, *paragraphs):
    return {"type": "call_out", "value": {"heading": heading_text, "text": rich_text(*paragraphs)}}


def call_out_html(heading_text, html):
    return {"type": "call_out", "value": {"heading": heading_text, "text": html}}


def paragraph_with_link(before, link_text, href, after=""):
    """A paragraph block with one link: ``before`` <a href>``link_text``</a> ``after``."""
    html = f'<p>{escape(before)}<a href="{escape(href)}">{escape(link_text)}</a>{escape(after)}</p>'
    return {"type": "paragraph", "value": html}


def accessibility_statement():
    """The statement's status, last check, label and contact (from the site's settings)."""
    return {"type": "accessibility_statement", "value": None}


def privacy_statement():
    """What the site keeps of people who follow by email, and the terms (from the settings)."""
    return {"type": "privacy_statement", "value": None}
