"""The site the tracker's browser tests open: the Zwolle council with its Adviezen and
Aanbevelingen pages and a realistic spread of recommendations (tests/advices/tracker_data)."""

from advices.pages import AdviceIndexPage, RecommendationIndexPage
from home.models import CouncilSettings
from tests.advices.tracker_data import build_tracker_data
from tests.factories import build_site


def build_tracker_site():
    """The home page, the Adviezen page and the tracker, with the tracker's data."""
    home, _meetings = build_site("Participatieraad Zwolle")
    council = CouncilSettings.for_site(home.get_site())
    council.name = "Participatieraad Zwolle"
    council.municipality = "Zwolle"
    council.save()
    index = home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))
    tracker = home.add_child(
        instance=RecommendationIndexPage(
            title="Aanbevelingen",
            slug="aanbevelingen",
            intro="Wat deed het college met elk advies van de raad? Zoek het hier op.",
        )
    )
    build_tracker_data()
    return home, index, tracker
