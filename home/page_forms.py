"""The admin form of the pages that sit directly under a home page.

Some paths at the root of the site belong to the site itself, not to the page tree
(``consult/urls.py``: the admin, search, contact, following by email, feeds, open data, the
API).
A page under the home page with one of those slugs could never be reached, so the form
refuses the slug and says why.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# The first part of every path that consult/urls.py serves before the page tree.
RESERVED_ROOT_SLUGS = frozenset(
    {
        "admin",
        "documenten",
        "zoeken",
        "volgen",
        "feeds",
        "open-data",
        "api",
        "static",
        "media",
        "gezondheid",
        "contact",
        "favicon.ico",
    }
)


class RootPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        parent = self.parent_page
        if slug in RESERVED_ROOT_SLUGS and parent is not None and parent.is_site_root():
            self.add_error(
                "slug",
                _(
                    "Het adres /%(slug)s/ is al in gebruik door de website zelf. "
                    "Kies een ander slug."
                )
                % {"slug": slug},
            )
        return cleaned_data
