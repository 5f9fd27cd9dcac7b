"""The official title of an annual report: the PDF's ``<title>`` and its title in the Woo
index are the same words."""

from django.utils.translation import gettext as _

# Named in the PDF and the Woo index when the council's settings have no name yet.
DEFAULT_COUNCIL_NAME = "Participatieraad"


def council_name(council):
    return council.name or DEFAULT_COUNCIL_NAME


def official_title(report, council):
    """The title of ``report`` of ``council`` (the council's settings,
    ``home.models.CouncilSettings``), e.g. "Jaarverslag 2022, Participatieraad Zwolle"."""
    return _("Jaarverslag %(year)s, %(council)s") % {
        "year": report.year,
        "council": council_name(council),
    }
