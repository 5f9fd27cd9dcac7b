"""A small HTTP client for the Wagtail admin, used from the parallel-write tests.

It does what a person's browser does and nothing more: it logs in through ``/admin/login/``,
keeps its own cookies, loads an edit form, and posts back every field the form holds (hidden
fields and Wagtail's inline-formset management fields included), with one or two fields
changed. Posting the whole form matters: a test that posted a hand-made subset could win or
lose a race for reasons a real browser never would.

Every request has a timeout, so a server that hangs fails the test instead of the suite.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import requests

REQUEST_TIMEOUT = 60  # seconds; more than SQLite's 20 s busy timeout, so a wait is not a hang


@dataclass
class Form:
    """One HTML form: where it posts to, and its fields in document order."""

    action: str
    method: str
    fields: list = field(default_factory=list)  # (name, value) pairs, as a browser sends them

    def names(self):
        return {name for name, _value in self.fields}

    def get(self, name):
        values = [value for key, value in self.fields if key == name]
        if len(values) != 1:
            raise KeyError(f"the form has {len(values)} fields named {name!r}")
        return values[0]

    def set(self, name, value):
        """Change a field the form already has; a misspelt name fails instead of being added."""
        self.get(name)  # exactly one such field
        self.fields = [(key, value if key == name else old) for key, old in self.fields]
        return self

    def changed(self, values):
        """A copy with the fields named in the dict ``values`` changed."""
        copy = Form(self.action, self.method, list(self.fields))
        for name, value in values.items():
            copy.set(name, value)
        return copy


class _FormParser(HTMLParser):
    """Collects the forms of a page with the values a browser would submit.

    Follows the HTML rules that matter here: unchecked checkboxes and radios, disabled
    controls, buttons and file inputs without a file send nothing; a textarea drops one
    newline right after its start tag; a select sends its selected options, or its first
    option when none is selected. Everything inside ``<template>`` (Wagtail's empty inline
    form with ``__prefix__``) is not part of the form.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._template_depth = 0
        self._textarea = None  # [name, chunks]
        self._select = None  # {"name", "multiple", "options": [(value, selected)]}
        self._option = None  # [value or None, selected, text chunks]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "template":
            self._template_depth += 1
            return
        if self._template_depth:
            return
        if tag == "form":
            self._form = Form(
                action=attributes.get("action") or "",
                method=(attributes.get("method") or "get").lower(),
            )
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attributes.get("name")
        disabled = "disabled" in attributes
        if tag == "input" and name and not disabled:
            kind = (attributes.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self._form.fields.append((name, attributes.get("value", default)))
        elif tag == "textarea" and name and not disabled:
            self._textarea = [name, []]
        elif tag == "select" and name and not disabled:
            self._select = {"name": name, "multiple": "multiple" in attributes, "options": []}
        elif tag == "option" and self._select is not None:
            self._option = [attributes.get("value"), "selected" in attributes, []]

    def handle_endtag(self, tag):
        if tag == "template":
            self._template_depth = max(0, self._template_depth - 1)
            return
        if self._template_depth:
            return
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            name, chunks = self._textarea
            text = "".join(chunks)
            if text.startswith("\r\n"):
                text = text[2:]
            elif text.startswith("\n"):
                text = text[1:]
            self._form.fields.append((name, text))
            self._textarea = None
        elif tag == "option":
            self._close_option()
        elif tag == "select" and self._select is not None:
            self._close_option()
            options = self._select["options"]
            chosen = [value for value, selected in options if selected]
            if not chosen and options and not self._select["multiple"]:
                chosen = [options[0][0]]
            self._form.fields.extend((self._select["name"], value) for value in chosen)
            self._select = None

    def _close_option(self):
        if self._option is not None and self._select is not None:
            value, selected, chunks = self._option
            if value is None:  # an option without a value submits its text
                value = "".join(chunks).strip()
            self._select["options"].append((value, selected))
        self._option = None

    def handle_data(self, data):
        if self._template_depth:
            return
        if self._textarea is not None:
            self._textarea[1].append(data)
        elif self._option is not None:
            self._option[2].append(data)


def parse_forms(html):
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


class AdminClient:
    """One person in the admin: their own session cookie and CSRF cookie."""

    def __init__(self, base_url, name=""):
        self.base_url = base_url.rstrip("/")
        self.name = name
        self.session = requests.Session()

    def url(self, path):
        return urljoin(self.base_url + "/", path.lstrip("/"))

    def get(self, path):
        return self.session.get(self.url(path), allow_redirects=False, timeout=REQUEST_TIMEOUT)

    def post(self, path, data):
        return self.session.post(
            self.url(path), data=data, allow_redirects=False, timeout=REQUEST_TIMEOUT
        )

    def login(self, username, password):
        form = self.form("/admin/login/", field="username")
        form = form.changed({"username": username, "password": password})
        response = self.submit(form)
        if response.status_code != 302:
            raise AssertionError(
                f"logging in as {username} answered {response.status_code}, not a redirect:\n"
                f"{response.text[:2000]}"
            )
        return self

    def form(self, path, field):
        """GET ``path`` and return its POST form, the one that has a field named ``field``."""
        response = self.get(path)
        if response.status_code != 200:
            raise AssertionError(
                f"{self.name}: GET {path} answered {response.status_code} "
                f"(Location: {response.headers.get('Location')})"
            )
        # Wagtail's edit pages hold a second, empty POST form (the editing-sessions ping):
        # the form meant is the one with the field asked for.
        forms = [
            form
            for form in parse_forms(response.text)
            if form.method == "post" and field in form.names()
        ]
        if len(forms) != 1:
            raise AssertionError(
                f"{self.name}: expected one POST form with a field {field!r} on {path}, "
                f"found {len(forms)}"
            )
        form = forms[0]
        # An action is relative to the page; an empty one posts back to the page itself.
        target = urlsplit(urljoin(self.url(path), form.action or path))
        form.action = target.path + (f"?{target.query}" if target.query else "")
        return form

    def submit(self, form):
        return self.post(form.action, form.fields)
